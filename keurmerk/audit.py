"""A tamper-evident audit trail: every issue, renewal, status change, opt-in change, key change,
refusal, reminder run, backup and restore, with who, when, why and the evidence, each record
chained to the previous one by SHA-256 and signed by the issuer's key.

Changing, inserting or deleting a record breaks the chain from that record on, and
``verify_chain`` names the first broken record. Recomputing every later hash does not help an
attacker: each record's signature covers its number, hash and time (a signed checkpoint, see
``checkpoint_message``), and only the issuer holds the key. Cutting off the newest records is
found against a checkpoint or hash kept elsewhere (``audit_check``).

Personal data stays outside the hash: a record names a learner only by a random pseudonym
(``details["person"]``); the learner id, name, gemeente and the like sit in ``audit_personal``
under that record's id. ``erase_person`` deletes them and the pseudonym's key, and the chain
still verifies. (Records written before this design carry a learner id in their hashed
details; see the README, "Auditlog".)
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from keurmerk.models import AuditPerson, AuditPersonal, AuditRecord, AuditSignature

GENESIS = "0" * 64
CHECKPOINT_TYPE = "KeurmerkAuditCheckpoint"
# Domain separation: a checkpoint signature can never pass for a credential's proof.
_CHECKPOINT_PREFIX = b"keurmerk-auditlog-controlepunt\n"

# session.info key: a ``Callable[[bytes], tuple[str, str]]`` (message -> method, signature)
# that Registry.transaction() puts in every writing session.
SIGNER = "audit_signer"
Signer = Callable[[bytes], tuple[str, str] | None]


def _digest(prev_hash: str, record: AuditRecord) -> str:
    body = json.dumps(
        [
            record.id,
            record.at,
            record.actor,
            record.action,
            record.subject,
            record.reason,
            record.details,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def checkpoint_message(count: int, head: str, at: str) -> bytes:
    """The bytes a checkpoint signature covers: trail length, last hash, time of that record."""
    body = json.dumps({"at": at, "count": count, "head": head}, separators=(",", ":"))
    return _CHECKPOINT_PREFIX + body.encode("utf-8")


def person_ref(session: Session, learner_id: str, create: bool = True) -> str | None:
    """The pseudonym of ``learner_id`` in the audit trail (made on first use)."""
    ref = session.scalar(select(AuditPerson.ref).where(AuditPerson.learner_id == learner_id))
    if ref is None and create:
        ref = secrets.token_hex(16)
        session.add(AuditPerson(ref=ref, learner_id=learner_id))
        session.flush()
    return ref


def record(
    session: Session,
    actor: str,
    action: str,
    subject: str = "",
    reason: str = "",
    details: dict | None = None,
    *,
    learner: str | None = None,
    personal: dict | None = None,
) -> AuditRecord:
    """Append a record inside the caller's transaction (so it commits or rolls back with it).

    ``learner`` names the person it is about: the hashed details get only their pseudonym,
    and ``{"learner": learner, **personal}`` is kept outside the hash. When the session holds
    a signer (``session.info[SIGNER]``), the record is signed at once.
    """
    last = session.scalar(
        select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1).with_for_update()
    )
    details = dict(details or {})
    ref = person_ref(session, learner) if learner else None
    if ref:
        details["person"] = ref
    entry = AuditRecord(
        id=(last.id + 1) if last else 1,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        actor=actor,
        action=action,
        subject=subject,
        reason=reason,
        details=json.dumps(details, ensure_ascii=False, sort_keys=True),
        prev_hash=last.hash if last else GENESIS,
        hash="",
    )
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    if ref:
        data = json.dumps({"learner": learner, **(personal or {})}, ensure_ascii=False)
        session.add(AuditPersonal(record_id=entry.id, ref=ref, data=data))
    signer: Signer | None = session.info.get(SIGNER)
    if signer is not None:
        signed = signer(checkpoint_message(entry.id, entry.hash, entry.at))
        if signed is not None:
            method, signature = signed
            session.add(AuditSignature(record_id=entry.id, method=method, signature=signature))
    session.flush()
    return entry


def personal_records(session: Session, learner_id: str) -> list[tuple[AuditRecord, dict]]:
    """Every audit record about ``learner_id``, with its personal data (for inzage)."""
    ref = person_ref(session, learner_id, create=False)
    if ref is None:
        return []
    query = (
        select(AuditRecord, AuditPersonal.data)
        .join(AuditPersonal, AuditPersonal.record_id == AuditRecord.id)
        .where(AuditPersonal.ref == ref)
        .order_by(AuditRecord.id)
    )
    return [(entry, json.loads(data)) for entry, data in session.execute(query)]


def erase_person(session: Session, learner_id: str) -> int:
    """Erase a learner from the audit trail: their personal data and their pseudonym's key.

    The hashed records keep the bare pseudonym, which no longer leads to anyone; the chain and
    its signatures still verify. Returns how many records had personal data.
    """
    ref = person_ref(session, learner_id, create=False)
    if ref is None:
        return 0
    erased = session.execute(delete(AuditPersonal).where(AuditPersonal.ref == ref)).rowcount
    session.execute(delete(AuditPerson).where(AuditPerson.ref == ref))
    return erased or 0


@dataclass(frozen=True)
class ChainCheck:
    """Result of checking the audit trail."""

    ok: bool
    records: int
    first_broken: int | None
    last_hash: str


def verify_chain(session: Session) -> ChainCheck:
    """Recompute every hash; the first record whose hash or link does not match is named."""
    previous = GENESIS
    expected_id = 1
    count = 0
    for entry in session.scalars(select(AuditRecord).order_by(AuditRecord.id)):
        count += 1
        if (
            entry.id != expected_id
            or entry.prev_hash != previous
            or entry.hash != _digest(previous, entry)
        ):
            return ChainCheck(False, count, entry.id, previous)
        previous = entry.hash
        expected_id += 1
    return ChainCheck(True, count, None, previous)
