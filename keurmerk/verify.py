"""Verify a keurmerk credential: proof, issuer trust, dates and status, one check each.

``verify_credential`` never raises on bad input. It returns a ``Verification`` with one
``Check`` per step and an overall status a gemeente can act on. Keys, the clock and the
status lists are passed in, never read from globals, so tests can freeze time.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cachetools import LRUCache

from keurmerk import datamodel, statuslist
from keurmerk import messages as msg
from keurmerk.bounds import NotJsonError, TooComplexDocumentError, load_document
from keurmerk.credential import holder_name, keurmerk_number
from keurmerk.dataintegrity import (
    CRYPTOSUITE,
    PROOF_TYPE,
    TooComplexError,
    UnreadableError,
    check_proof,
    single_proof,
)
from keurmerk.multikey import KeyFormatError, decode_public_key

VALID, EXPIRED, SUSPENDED, REVOKED, NOT_YET_VALID, UNTRUSTED, INVALID, UNREADABLE = (
    "geldig",
    "verlopen",
    "geschorst",
    "ingetrokken",
    "nog niet geldig",
    "niet erkend",
    "ongeldig",
    "onleesbaar",
)
REPLACED = "vervangen"  # renewed or replaced: only the holder's newest keurmerk is valid

StatusLookup = Callable[[str], dict | None]


@dataclass(frozen=True)
class Check:
    """One verification step: its name, whether it passed, and a Dutch explanation."""

    name: str
    ok: bool
    message: str


@dataclass
class Verification:
    """The outcome: ``verified`` only when every check passed."""

    status: str
    checks: list[Check] = field(default_factory=list)
    credential: dict | None = None
    holder: str | None = None  # the name in the signed credential, once proof and issuer hold
    number: str | None = None  # the keurmerk number in it, likewise
    replaced_by: str | None = None  # the newer number, when the registry knows it

    @property
    def verified(self) -> bool:
        return self.status == VALID and all(check.ok for check in self.checks)

    def as_dict(self) -> dict:
        """A JSON-ready summary (for the API)."""
        summary = {"verified": self.verified, "status": self.status, "name": self.holder}
        if self.number:
            summary["number"] = self.number
        if self.replaced_by:
            summary["replaced_by"] = self.replaced_by
        if self.holder:
            summary["compare"] = msg.COMPARE_NAME
        return summary | {"checks": [check.__dict__ for check in self.checks]}


class Unreadable(ValueError):
    """A file we cannot read as a keurmerk (not a forgery: we just cannot tell)."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def unreadable(message: str) -> Verification:
    """The outcome for a file we cannot read, with one Dutch explanation."""
    return Verification(UNREADABLE, [Check("bestand", False, message)])


@dataclass(frozen=True)
class TrustedIssuer:
    """An issuer the verifier trusts, with every key it ever used (rotated keys included)."""

    id: str
    name: str
    keys: Mapping[str, str]  # verification method id → publicKeyMultibase
    retired: Mapping[str, str] = field(default_factory=dict)  # method id → retired at (ISO)
    revoked: Mapping[str, str] = field(default_factory=dict)  # method id → revoked at (ISO)

    @classmethod
    def from_controller(cls, document: dict, name: str = "") -> TrustedIssuer:
        """Read a DID or controller document; only ``assertionMethod`` keys count.

        A method with ``revoked`` (a compromised key) is never trusted; one with ``retired``
        only for proofs created before that moment.
        """
        allowed = {
            item if isinstance(item, str) else item.get("id")
            for item in document.get("assertionMethod", [])
        }
        methods = [
            method
            for method in document.get("verificationMethod", [])
            if isinstance(method, dict) and method.get("type") == "Multikey"
        ]
        keys = {
            method["id"]: method["publicKeyMultibase"]
            for method in methods
            if method.get("id") in allowed and "revoked" not in method
        }
        retired = {m["id"]: m["retired"] for m in methods if m["id"] in keys and "retired" in m}
        revoked = {m["id"]: str(m["revoked"]) for m in methods if "revoked" in m}
        name = name or document.get("name", "")
        return cls(id=document["id"], name=name, keys=keys, retired=retired, revoked=revoked)


def parse(data: bytes | str | dict) -> dict:
    """The credential as a dict; ``Unreadable`` with a Dutch message when it is not one."""
    try:
        return load_document(data)
    except NotJsonError as error:
        raise Unreadable(msg.NOT_JSON) from error
    except TooComplexDocumentError as error:
        raise Unreadable(msg.TOO_COMPLEX) from error


def _issuer_id(credential: dict) -> str | None:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def _parse_time(value) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _holder(credential: dict) -> str | None:
    """The holder's display name as signed (an unhashed ``name`` identifier), if any."""
    try:
        name = holder_name(credential)
    except (AttributeError, TypeError):
        return None
    return name if isinstance(name, str) and name.strip() else None


def _check_proof(credential: dict, trusted: Mapping[str, TrustedIssuer]) -> list[Check]:
    proof = single_proof(credential)
    if isinstance(credential.get("proof"), list) and len(credential["proof"]) > 1:
        raise Unreadable(msg.MANY_PROOFS)
    if proof is None:
        return [Check("handtekening", False, msg.NO_PROOF)]
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise Unreadable(msg.UNKNOWN_FORMAT)
    method = proof.get("verificationMethod")
    issuer = trusted.get(_issuer_id(credential) or "")
    key_problem = _key_problem(issuer, method, proof.get("created")) if issuer else None
    if key_problem:
        return [Check("handtekening", False, key_problem)]
    known_key = issuer.keys.get(method) if issuer else None
    candidate = known_key
    if candidate is None and isinstance(method, str) and "#" in method:
        candidate = method.rsplit("#", 1)[1]  # a did:key style fragment names the key itself
    try:
        public_key = decode_public_key(candidate) if candidate else None
    except KeyFormatError:
        public_key = None
    outcome = check_proof(credential, public_key) if public_key is not None else None
    signed = outcome is not None and outcome.valid
    checks = [Check("handtekening", signed, msg.PROOF_OK if signed else msg.PROOF_BAD)]
    if signed and outcome.unsigned:
        # JSON-LD drops undefined fields, so the signature does not cover them: a forgery hole.
        checks = [Check("handtekening", False, msg.UNSIGNED_FIELDS)]
    if issuer is None or known_key is None or not method.startswith(issuer.id):
        checks.append(Check("uitgever", False, msg.ISSUER_UNKNOWN))
    elif not checks[0].ok:  # a known key id on a forged signature proves nothing about origin
        checks.append(Check("uitgever", False, msg.ISSUER_UNPROVEN))
    else:
        checks.append(Check("uitgever", True, msg.ISSUER_OK.format(name=issuer.name)))
    return checks


def _key_problem(issuer: TrustedIssuer, method, created) -> str | None:
    """Why the issuer's key ``method`` may not have made a proof ``created`` then, if so.

    Offline only ``proof.created`` tells when a proof was made; whoever holds a retired key
    can write any date there, so the online checks use the registry's issue date as well.
    """
    if method in issuer.revoked:
        return msg.KEY_REVOKED
    retired = _parse_time(issuer.retired.get(method))
    if retired is None:
        return None
    made = _parse_time(created)
    if made is None or made > retired:
        return msg.KEY_RETIRED.format(date=retired.date())
    return None


_list_checks: LRUCache = LRUCache(maxsize=32)
_list_checks_lock = threading.Lock()


def _check_list_proof(list_credential: dict, trusted: Mapping[str, TrustedIssuer]) -> list[Check]:
    """``_check_proof`` of a status list, remembered: every check reads the same few lists.

    The key is a digest of the whole list credential (proof included) and of the issuer it
    claims with every key of that issuer, so any other list or key is checked afresh.
    """
    issuer = trusted.get(_issuer_id(list_credential) or "")
    identity = (
        [issuer.id, issuer.name, *(sorted(m.items()) for m in _key_maps(issuer))]
        if issuer
        else None
    )
    key = hashlib.sha256(json.dumps([list_credential, identity], sort_keys=True).encode()).digest()
    with _list_checks_lock:
        found = _list_checks.get(key)
    if found is None:
        found = tuple(_check_proof(list_credential, trusted))
        with _list_checks_lock:
            _list_checks[key] = found
    return list(found)


def _key_maps(issuer: TrustedIssuer) -> tuple[Mapping[str, str], ...]:
    return issuer.keys, issuer.retired, issuer.revoked


def _check_dates(credential: dict, now: datetime) -> tuple[list[Check], str | None]:
    start = _parse_time(credential.get("validFrom"))
    end = _parse_time(credential.get("validUntil")) if "validUntil" in credential else None
    if start is None or ("validUntil" in credential and end is None):
        return [Check("geldigheid", False, msg.DATES_BAD)], INVALID
    if now < start:
        return [Check("geldigheid", False, msg.NOT_YET_VALID)], NOT_YET_VALID
    if end is not None and now > end:
        return [Check("geldigheid", False, msg.EXPIRED.format(date=end.date()))], EXPIRED
    return [Check("geldigheid", True, msg.DATES_OK)], None


def _entry_state(entry: dict, purpose: str, bits: bytes, index: int) -> str:
    """``valid``, ``suspended`` or ``revoked`` from one status entry and its list's bits.

    A ``message`` entry says itself (``statusMessage``) what each value means; a value or
    message we do not know is a ``LookupError``. Old entries have one bit per purpose.
    """
    if purpose == statuslist.MESSAGE:
        size = int(entry.get("statusSize", 1))
        if not 1 <= size <= 8:
            raise LookupError
        value = statuslist.get_value(bits, index, size)
        meanings = {int(m["status"], 16): m["message"] for m in entry["statusMessage"]}
        state = meanings.get(value)
        if state not in ("valid", "suspended", "revoked", "superseded"):
            raise LookupError
        return state
    if purpose not in statuslist.LEGACY_PURPOSES:
        raise LookupError
    if not statuslist.get_bit(bits, index):
        return "valid"
    return "revoked" if purpose == "revocation" else "suspended"


def _check_status(
    credential: dict,
    trusted: Mapping[str, TrustedIssuer],
    lookup: StatusLookup | None,
) -> tuple[list[Check], str | None]:
    entries = credential.get("credentialStatus", [])
    entries = [entries] if isinstance(entries, dict) else entries
    if not entries:
        return [], None
    if lookup is None:
        return [Check("status", False, msg.STATUS_UNKNOWN)], INVALID
    checks, outcome = [], None
    for entry in entries:
        try:
            purpose = entry["statusPurpose"]
            index = int(entry["statusListIndex"])
            list_credential = lookup(entry["statusListCredential"])
            if list_credential is None:
                raise LookupError
            list_checks = _check_list_proof(list_credential, trusted)
            if not all(check.ok for check in list_checks):
                raise LookupError
            if _issuer_id(list_credential) != _issuer_id(credential):
                raise LookupError
            subject = list_credential["credentialSubject"]
            if subject.get("statusPurpose") != purpose:
                raise LookupError
            bits = statuslist.decode(subject["encodedList"])
            state = _entry_state(entry, purpose, bits, index)
        except (KeyError, TypeError, ValueError, LookupError):
            return [Check("status", False, msg.STATUS_UNKNOWN)], INVALID
        if state == "revoked":
            checks.append(Check("status", False, msg.REVOKED))
            outcome = REVOKED
        elif state == "superseded":
            checks.append(Check("status", False, msg.REPLACED))
            outcome = REPLACED if outcome != REVOKED else outcome
        elif state == "suspended":
            checks.append(Check("status", False, msg.SUSPENDED))
            outcome = outcome or SUSPENDED
    if not checks:
        checks.append(Check("status", True, msg.STATUS_OK))
    return checks, outcome


def verify_credential(
    data: bytes | str | dict,
    trusted: Mapping[str, TrustedIssuer],
    now: datetime,
    status_lookup: StatusLookup | None = None,
) -> Verification:
    """Check a credential completely. Never raises on bad input.

    A file we cannot read (not JSON, too complex, unknown context or proof format) gets
    status ``onleesbaar`` with its own message: that is no proof of forgery.
    """
    try:
        credential = parse(data)
        problems = datamodel.credential_problems(credential)
        if "context-not-vc2-first" in problems:
            raise Unreadable(msg.UNKNOWN_CONTEXT)
        if problems:
            return Verification(INVALID, [Check("vorm", False, msg.DATA_MODEL_BAD)], credential)
        checks = _check_proof(credential, trusted)
        if not checks[0].ok:
            return Verification(INVALID, checks, credential)
        if not checks[1].ok:
            return Verification(UNTRUSTED, checks, credential)
        holder = _holder(credential)
        number = keurmerk_number(credential)
        date_checks, date_status = _check_dates(credential, now)
        status_checks, status = _check_status(credential, trusted, status_lookup)
        checks += date_checks + status_checks
        final = status or date_status or VALID
        return Verification(final, checks, credential, holder, number)
    except Unreadable as problem:
        return unreadable(problem.message)
    except TooComplexError:
        return unreadable(msg.TOO_COMPLEX)
    except UnreadableError as problem:
        return unreadable(
            msg.UNKNOWN_CONTEXT if problem.reason == "unknown-context" else msg.UNREADABLE
        )
    except Exception:  # noqa: BLE001 - a verifier must answer, whatever it is given
        return unreadable(msg.UNREADABLE)
