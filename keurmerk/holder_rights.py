"""The holder's AVG rights on the keurmerk side: inzage (everything stored about them) and
erasure. (Correction of the name is ``Keurmerkbeheer.correct_name``: a signed credential
cannot be edited, so it is replaced.)

Erasure keeps what verifiers and the audit trail need and nothing personal:

- every number of the holder stays, **revoked** (its status bit set and the status lists
  re-signed), so a PDF or JSON copy that is still around says "ingetrokken" offline and the
  look-up says "niet geldig" instead of "onbekend nummer" (which would look like a forgery);
- the dates and the status index stay (they say nothing about the person);
- the hash-chained audit trail stays whole: its records name the person only by a pseudonym,
  and the personal data next to it (learner id, name, gemeente) is deleted with the
  pseudonym's key, so the chain still verifies. Records written before that separation keep
  the learner id inside their hash (see the README);
- name, learner id, e-mail binding, the signed credential (it holds the name), the register
  listing, the consents and the PDFs in the keurmerk folder are deleted.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, or_, select

from keurmerk import audit
from keurmerk.models import (
    REVOKED,
    AuditRecord,
    Certificate,
    RegisterConsent,
    RegisterEntry,
)
from keurmerk.numbers import normalise
from keurmerk.privacy import aware
from keurmerk.registry import Registry

ERASED_PREFIX = "gewist-"


def learner_of(registry: Registry, typed: str) -> str | None:
    """The learner id behind a keurmerk number or a learner id; ``None`` when unknown."""
    number = normalise(typed)
    certificate = registry.find(number) if number else None
    if certificate is not None:
        return None if certificate.learner_id.startswith(ERASED_PREFIX) else certificate.learner_id
    with registry.reads() as session:
        known = session.scalar(
            select(Certificate.id).where(Certificate.learner_id == typed).limit(1)
        )
    return typed if known is not None else None


def _when(moment: datetime | None) -> str:
    return aware(moment).isoformat(timespec="seconds") if moment else ""


def _certificate(certificate: Certificate) -> dict:
    return {
        "nummer": certificate.number,
        "naam": certificate.name,
        "status": certificate.state,
        "reden": certificate.state_reason,
        "toegekend": _when(certificate.awarded_at),
        "geldig_vanaf": _when(certificate.valid_from),
        "geldig_tot": _when(certificate.valid_until),
        "uitgegeven": _when(certificate.issued_at),
        "vervangt": certificate.supersedes,
        "vervangen_door": certificate.superseded_by,
        "email_binding": certificate.email_hash,
        "ondertekend_bewijs": certificate.credential_json(),
    }


def _audit_about(session, learner_id: str, numbers: list[str]) -> list[tuple]:
    """Audit records about a holder: by pseudonym (with the personal data kept beside them),
    by one of their numbers, and older records with the learner id in their details."""
    found = {
        record.id: (record, data) for record, data in audit.personal_records(session, learner_id)
    }
    about = or_(AuditRecord.subject.in_(numbers), AuditRecord.subject == learner_id)
    for record in session.scalars(select(AuditRecord).where(about)):
        found.setdefault(record.id, (record, {}))
    legacy = select(AuditRecord).where(AuditRecord.details.contains(json.dumps(learner_id)))
    for record in session.scalars(legacy):
        if json.loads(record.details).get("learner") == learner_id:
            found.setdefault(record.id, (record, {}))
    return sorted(found.values(), key=lambda item: item[0].id)


def inzage(registry: Registry, learner_id: str) -> dict:
    """Everything the keurmerk stores about one holder, as plain data."""
    with registry.reads() as session:
        certificates = session.scalars(
            select(Certificate).where(Certificate.learner_id == learner_id).order_by(Certificate.id)
        ).all()
        numbers = [c.number for c in certificates]
        entry = session.scalar(select(RegisterEntry).where(RegisterEntry.learner_id == learner_id))
        consents = session.scalars(
            select(RegisterConsent)
            .where(RegisterConsent.learner_id == learner_id)
            .order_by(RegisterConsent.id)
        ).all()
        records = _audit_about(session, learner_id, numbers)
    return {
        "deelnemer": learner_id,
        "keurmerken": [_certificate(c) for c in certificates],
        "register": {"gemeente": entry.gemeente, "sinds": _when(entry.opted_in_at)}
        if entry
        else None,
        "toestemmingen": [
            {
                "gegeven": _when(c.given_at),
                "vastgelegd_door": c.recorded_by,
                "tekstversie": c.text_version,
                "ingetrokken": _when(c.withdrawn_at),
                "ingetrokken_door": c.withdrawn_by,
            }
            for c in consents
        ],
        "auditlog": [
            {
                "regel": record.id,
                "wanneer": record.at,
                "door": record.actor,
                "wat": record.action,
                "nummer": record.subject,
                "reden": record.reason,
                "persoonsgegevens": data,
            }
            for record, data in records
        ],
    }


def erase(
    registry: Registry,
    learner_id: str,
    sign_list: Callable[[str, bytes], dict],
    actor: str,
    reason: str,
    pdf_folder: Path | None = None,
) -> list[str]:
    """Erase a holder (one transaction, with its audit record); returns their numbers.

    What stays and why: see the module docstring."""
    pseudonym = ERASED_PREFIX + secrets.token_hex(8)
    with registry.transaction() as session:
        certificates = session.scalars(
            select(Certificate).where(Certificate.learner_id == learner_id)
        ).all()
        if not certificates:
            raise LookupError(learner_id)
        for certificate in certificates:
            if certificate.state != REVOKED:
                certificate.state = REVOKED
            certificate.state_reason = "gewist op verzoek van de houder"
            certificate.name = ""
            certificate.email_hash = ""
            certificate.credential = "{}"
            certificate.learner_id = pseudonym
        session.execute(delete(RegisterEntry).where(RegisterEntry.learner_id == learner_id))
        session.execute(delete(RegisterConsent).where(RegisterConsent.learner_id == learner_id))
        erased = audit.erase_person(session, learner_id)
        session.flush()
        registry._write_lists(session, sign_list)  # the status bits must say "ingetrokken"
        numbers = sorted(c.number for c in certificates)
        audit.record(
            session,
            actor,
            "wissing",
            reason=reason,
            details={"nummers": numbers, "auditregels_gewist": erased},
        )
    for number in numbers if pdf_folder else []:
        (pdf_folder / f"keurmerk-{number}.pdf").unlink(missing_ok=True)
    return numbers
