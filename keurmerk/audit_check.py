"""What ``keurmerk audit`` checks beyond the hash chain: the issuer's signatures on the records,
truncation against a checkpoint or hash kept elsewhere, and every certificate row against
what the trail (and the row's own signed credential) says happened.

Every problem is one Dutch line for the keurmerkbeheerder.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from keurmerk import audit
from keurmerk import messages as msg
from keurmerk.credential import holder_name, keurmerk_number
from keurmerk.dataintegrity import UnreadableError, verify_signature
from keurmerk.models import ACTIVE, REVOKED, SUSPENDED, AuditRecord, AuditSignature, Certificate

# What a state-changing record means for the certificate it names.
STATE_OF_ACTION = {
    "uitgifte": ACTIVE,
    "vernieuwing": ACTIVE,
    "naamcorrectie": ACTIVE,
    "heruitgifte": ACTIVE,
    "wissing": REVOKED,
    "herstel": ACTIVE,
    "schorsing": SUSPENDED,
    "intrekking": REVOKED,
}
ISSUE_ACTIONS = ("uitgifte", "vernieuwing", "naamcorrectie", "herintrede", "heruitgifte")
ERASURE = "wissing"  # holder_rights.erase: rows emptied and revoked, the numbers in the details
Keys = Mapping[str, Ed25519PublicKey]  # verification method -> public key


def credential_digest(stored: str) -> str:
    """The SHA-256 of a certificate's stored signed credential (kept in its issue record)."""
    return hashlib.sha256(stored.encode("utf-8")).hexdigest()


@dataclass
class TrailReport:
    """The audit trail as checked: its length and head, and every problem found."""

    records: int = 0
    head: str = audit.GENESIS
    unsigned: int = 0  # records from before signing (allowed only before the first signed one)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _signature_ok(keys: Keys, method: str, signature: str, message: bytes) -> bool:
    key = keys.get(method)
    if key is None:
        return False
    try:
        key.verify(base64.urlsafe_b64decode(signature.encode("ascii")), message)
    except (InvalidSignature, binascii.Error, ValueError):
        return False
    return True


def _after(moment: str, limit: datetime | None) -> bool:
    try:
        return limit is not None and datetime.fromisoformat(moment) > limit
    except ValueError:
        return True


def check_trail(
    session: Session, keys: Keys, key_ends: Mapping[str, datetime] | None = None
) -> TrailReport:
    """The chain, and the issuer's signature on every record written since signing began.

    ``key_ends`` gives, per verification method, when the key stopped signing (retired or
    revoked): a record it signed later is refused."""
    key_ends = key_ends or {}
    report = TrailReport()
    chain = audit.verify_chain(session)
    report.records, report.head = chain.records, chain.last_hash
    if not chain.ok:
        report.problems.append(msg.CLI_AUDIT_BROKEN.format(record=chain.first_broken))
        return report
    signatures = {s.record_id: s for s in session.scalars(select(AuditSignature))}
    seen_signed = False
    for entry in session.scalars(select(AuditRecord).order_by(AuditRecord.id)):
        signed = signatures.get(entry.id)
        if signed is None:
            if seen_signed:
                report.problems.append(msg.AUDIT_RECORD_UNSIGNED.format(record=entry.id))
            else:
                report.unsigned += 1
            continue
        seen_signed = True
        message = audit.checkpoint_message(entry.id, entry.hash, entry.at)
        if not _signature_ok(keys, signed.method, signed.signature, message):
            report.problems.append(msg.AUDIT_RECORD_BAD_SIGNATURE.format(record=entry.id))
        elif _after(entry.at, key_ends.get(signed.method)):
            report.problems.append(msg.AUDIT_RECORD_OLD_KEY.format(record=entry.id))
    beyond = [number for number in signatures if number > report.records]
    if beyond:
        report.problems.append(msg.AUDIT_TRUNCATED_SIGNATURES.format(record=min(beyond)))
    return report


def latest_checkpoint(session: Session, issuer_id: str) -> dict | None:
    """The newest signed checkpoint: the last record's count, hash, time and signature."""
    query = (
        select(AuditRecord, AuditSignature)
        .join(AuditSignature, AuditSignature.record_id == AuditRecord.id)
        .order_by(AuditRecord.id.desc())
        .limit(1)
    )
    row = session.execute(query).first()
    if row is None:
        return None
    entry, signed = row
    return {
        "type": audit.CHECKPOINT_TYPE,
        "issuer": issuer_id,
        "count": entry.id,
        "head": entry.hash,
        "at": entry.at,
        "verificationMethod": signed.method,
        "signature": signed.signature,
    }


def compare_checkpoint(session: Session, checkpoint: dict, keys: Keys) -> list[str]:
    """Problems when a checkpoint kept elsewhere is forged or no longer in the trail."""
    try:
        count, head, at = int(checkpoint["count"]), str(checkpoint["head"]), str(checkpoint["at"])
        method, signature = str(checkpoint["verificationMethod"]), str(checkpoint["signature"])
    except (KeyError, TypeError, ValueError):
        return [msg.AUDIT_CHECKPOINT_UNREADABLE]
    if not _signature_ok(keys, method, signature, audit.checkpoint_message(count, head, at)):
        return [msg.AUDIT_CHECKPOINT_BAD_SIGNATURE]
    entry = session.get(AuditRecord, count)
    if entry is None or entry.hash != head or entry.at != at:
        return [msg.AUDIT_CHECKPOINT_MISSING.format(count=count, head=head)]
    return []


def compare_hash(session: Session, expected: str) -> list[str]:
    """A problem when a hash kept elsewhere (``--verwacht``) is not in the trail (any more)."""
    found = session.scalar(select(AuditRecord.id).where(AuditRecord.hash == expected.strip()))
    return [] if found is not None else [msg.AUDIT_EXPECTED_MISSING.format(hash=expected)]


@dataclass
class _Story:
    """What the trail says about one certificate number."""

    issued: bool = False
    state: str = ACTIVE
    superseded_by: str = ""
    credential: str = ""  # digest of the signed credential the trail vouches for
    erased: bool = False  # emptied on the holder's request: no credential left to check


def _stories(session: Session) -> dict[str, _Story]:
    stories: dict[str, _Story] = {}
    for entry in session.scalars(select(AuditRecord).order_by(AuditRecord.id)):
        try:
            details = json.loads(entry.details or "{}")
        except ValueError:
            details = {}
        numbers = details.get("numbers", details.get("nummers"))
        numbers = numbers if isinstance(numbers, list) else []
        for number in {entry.subject, *map(str, numbers)} - {""}:
            story = stories.setdefault(number, _Story())
            if entry.action in ISSUE_ACTIONS and number == entry.subject:
                story.issued = True
            story.erased = story.erased or entry.action == ERASURE
            if entry.action in STATE_OF_ACTION:
                story.state = STATE_OF_ACTION[entry.action]
            if isinstance(details.get("credential"), str) and number == entry.subject:
                story.credential = details["credential"]
        old = details.get("supersedes")
        if entry.action in ISSUE_ACTIONS and isinstance(old, str) and old:
            stories.setdefault(old, _Story()).superseded_by = entry.subject
    return stories


def _credential_problems(certificate: Certificate, keys: Keys) -> list[str]:
    """The row against its own signed credential: signature, number, name, end date."""
    number = certificate.number
    try:
        document = json.loads(certificate.credential)
    except ValueError:
        return [msg.AUDIT_ROW_CREDENTIAL_BAD.format(number=number)]
    proof = document.get("proof") if isinstance(document, dict) else None
    proof = proof[0] if isinstance(proof, list) and proof else proof
    method = proof.get("verificationMethod") if isinstance(proof, dict) else None
    key = keys.get(method) if isinstance(method, str) else None
    try:
        valid = key is not None and verify_signature(document, key)
    except UnreadableError:
        valid = False
    if not valid:
        return [msg.AUDIT_ROW_CREDENTIAL_BAD.format(number=number)]
    until = certificate.valid_until
    until = until.astimezone(UTC) if until.tzinfo else until
    until = until.strftime("%Y-%m-%dT%H:%M:%SZ")
    if (
        keurmerk_number(document) != number
        or holder_name(document) != certificate.name
        or document.get("validUntil") != until
    ):
        return [msg.AUDIT_ROW_DIFFERS_FROM_CREDENTIAL.format(number=number)]
    return []


def certificate_problems(session: Session, keys: Keys) -> list[str]:
    """Every certificate row against the trail: issued, state, renewal, signed credential."""
    stories = _stories(session)
    problems = []
    for certificate in session.scalars(select(Certificate).order_by(Certificate.id)):
        number = certificate.number
        story = stories.get(number)
        if story is None or not story.issued:
            problems.append(msg.AUDIT_ROW_NOT_ISSUED.format(number=number))
            continue
        if certificate.state != story.state:
            problems.append(
                msg.AUDIT_ROW_STATE.format(
                    number=number, state=certificate.state, expected=story.state
                )
            )
        if certificate.superseded_by != story.superseded_by:
            problems.append(msg.AUDIT_ROW_SUPERSEDED.format(number=number))
        if story.erased:
            continue
        if story.credential and credential_digest(certificate.credential) != story.credential:
            problems.append(msg.AUDIT_ROW_CREDENTIAL_CHANGED.format(number=number))
        problems += _credential_problems(certificate, keys)
    return problems
