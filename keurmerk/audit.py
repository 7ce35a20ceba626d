"""A tamper-evident audit trail: every issue, renewal, status change, opt-in change and key
change, with who, when and why, each record chained to the previous one by SHA-256.

Changing, inserting or deleting a record breaks the chain from that record on, and
``verify_chain`` names the first broken record. (Cutting off the newest records is only
detectable against a copy of the last hash, which ``verify_chain`` reports for that purpose.)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from keurmerk.models import AuditRecord

GENESIS = "0" * 64


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


def record(
    session: Session,
    actor: str,
    action: str,
    subject: str = "",
    reason: str = "",
    details: dict | None = None,
) -> AuditRecord:
    """Append a record inside the caller's transaction (so it commits or rolls back with it)."""
    last = session.scalar(
        select(AuditRecord).order_by(AuditRecord.id.desc()).limit(1).with_for_update()
    )
    entry = AuditRecord(
        id=(last.id + 1) if last else 1,
        at=datetime.now(UTC).isoformat(timespec="seconds"),
        actor=actor,
        action=action,
        subject=subject,
        reason=reason,
        details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
        prev_hash=last.hash if last else GENESIS,
        hash="",
    )
    entry.hash = _digest(entry.prev_hash, entry)
    session.add(entry)
    session.flush()
    return entry


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
