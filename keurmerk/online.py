"""What the issuer's own registry adds to a verification (the online checks).

Offline, a verifier has the signed credential, the issuer document and the signed status
lists. The issuer's service, ``keurmerk controleer --map`` and the number look-up also have
the registry, which knows more: which newer keurmerk replaced a credential, the issue date
(which decides whether a retired key could still sign), and whether the credential is the
one the issuer stored at all. The registry can only make a verdict stricter, never better:
its rows are not signed, so the positive answer always comes from the signed credential and
the signed status lists.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime

from keurmerk import messages as msg
from keurmerk.check import StatusLists
from keurmerk.dataintegrity import single_proof
from keurmerk.models import REVOKED, SUSPENDED, Certificate
from keurmerk.registry import Registry
from keurmerk.statuslist import PURPOSES
from keurmerk.verify import (
    INVALID,
    REPLACED,
    VALID,
    Check,
    TrustedIssuer,
    Verification,
    verify_credential,
)
from keurmerk.verify import REVOKED as REVOKED_NL
from keurmerk.verify import SUSPENDED as SUSPENDED_NL

# Outcomes the registry may make stricter (a forgery or an unreadable file stays as it is).
_SEVERITY = {VALID: 0, "verlopen": 1, "nog niet geldig": 1, SUSPENDED_NL: 2, REPLACED: 3}
_SEVERITY[REVOKED_NL] = 4


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _same(stored: dict, given: dict) -> bool:
    """Whether ``given`` is the credential the registry stored (same id, same proof)."""
    proofs = single_proof(stored), single_proof(given)
    return (
        stored.get("id") == given.get("id")
        and None not in proofs
        and proofs[0].get("proofValue") == proofs[1].get("proofValue")
    )


def _key_after_retirement(issuer: TrustedIssuer, credential: dict, issued: datetime) -> bool:
    """Whether the registry's issue date lies after the signing key was retired."""
    proof = single_proof(credential) or {}
    retired = issuer.retired.get(proof.get("verificationMethod"))
    if not retired:
        return False
    # Retirement is kept to the second: so is the issue date, or the same second would count.
    made = _aware(issued).replace(microsecond=0)
    return made > datetime.fromisoformat(retired.replace("Z", "+00:00"))


def _stricter(
    result: Verification, status: str, check: Check, force: bool = False, **changes
) -> Verification:
    """``result`` with ``status`` and its status check, unless it already says worse."""
    if not force and _SEVERITY[status] < _SEVERITY[result.status]:
        return result
    checks = [c for c in result.checks if c.name != "status"] + [check]
    return replace(result, status=status, checks=checks, **changes)


def _row_verdict(result: Verification, row: Certificate) -> Verification:
    if row.state == REVOKED:
        return _stricter(result, REVOKED_NL, Check("status", False, msg.REVOKED))
    if row.superseded_by:
        # Forced: an old credential's list entry calls "superseded" revoked.
        text = msg.REPLACED_BY.format(number=row.superseded_by)
        check = Check("status", False, text)
        return _stricter(result, REPLACED, check, force=True, replaced_by=row.superseded_by)
    if row.state == SUSPENDED:
        return _stricter(result, SUSPENDED_NL, Check("status", False, msg.SUSPENDED))
    return result


def _invalid(result: Verification, check: Check) -> Verification:
    return replace(result, status=INVALID, checks=[*result.checks, check])


def with_registry(
    result: Verification, registry: Registry, trusted: Mapping[str, TrustedIssuer], issuer_id: str
) -> Verification:
    """``result`` made stricter by what the registry of ``issuer_id`` knows.

    Only credentials of that issuer whose signature and issuer checks passed are looked at.
    One that is not in the registry exactly as issued (same number, id and proof) is
    ``ongeldig``; a replaced one says by which number; the registry's state and issue date
    (against the signing key's retirement) count too.
    """
    credential = result.credential
    if result.status not in _SEVERITY or not isinstance(credential, dict):
        return result
    issuer = credential.get("issuer")
    if (issuer.get("id") if isinstance(issuer, dict) else issuer) != issuer_id:
        return result
    row = registry.find(result.number) if result.number else None
    try:
        stored = json.loads(row.credential) if row is not None else None
    except ValueError:
        stored = None
    if not isinstance(stored, dict) or not _same(stored, credential):
        return _invalid(result, Check("register", False, msg.NOT_IN_REGISTER))
    if _key_after_retirement(trusted[issuer_id], credential, row.issued_at):
        proof = single_proof(credential) or {}
        date = trusted[issuer_id].retired[proof.get("verificationMethod")][:10]
        return _invalid(result, Check("handtekening", False, msg.KEY_RETIRED.format(date=date)))
    return _row_verdict(result, row)


def stored_verdict(
    registry: Registry, certificate: Certificate, now: datetime, issuer: TrustedIssuer
) -> Verification:
    """The stored signed credential of ``certificate``, verified like an uploaded one and
    then made stricter by the registry: what the number look-up and ``keurmerk pdf`` trust.
    A stored credential for another number is ``ongeldig``."""
    trusted = {issuer.id: issuer}
    lists = StatusLists.of(registry.stored_status_list(p) for p in PURPOSES)
    result = verify_credential(certificate.credential, trusted, now, lists)
    if result.number != certificate.number:
        result = replace(result, status=INVALID)
    return with_registry(result, registry, trusted, issuer.id)
