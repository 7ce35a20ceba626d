"""The certificate registry: SQLAlchemy, SQLite by default, PostgreSQL by URL.

Issuing, renewing, suspending and revoking each happen in one transaction, together with
their audit record: a crash halfway leaves no half-issued certificate and no status bit
without its certificate. Status-list indexes are drawn at random, so a list reveals nothing
about the order of issuing.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from keurmerk import audit, statuslist
from keurmerk.models import ACTIVE, REVOKED, SUSPENDED, Base, Certificate, StatusList
from keurmerk.numbers import new_number

__all__ = ["ACTIVE", "REVOKED", "SUSPENDED", "Certificate", "Registry", "StatusList"]


def default_url(home) -> str:
    """SQLite file in the keurmerk home folder."""
    return f"sqlite:///{home / 'keurmerk.sqlite'}"


class Registry:
    """Certificates and status lists in one database."""

    def __init__(self, url: str):
        self.engine: Engine = create_engine(url, future=True)
        Base.metadata.create_all(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def _lists(self, session: Session) -> dict[str, StatusList]:
        found = {row.purpose: row for row in session.scalars(select(StatusList))}
        for purpose in statuslist.PURPOSES:
            if purpose not in found:
                row = StatusList(purpose=purpose, bits=bytes(statuslist.empty()), updated_at=_now())
                session.add(row)
                found[purpose] = row
        return found

    def _free_index(self, session: Session) -> int:
        used = set(session.scalars(select(Certificate.status_index)))
        if len(used) >= statuslist.MIN_BITS:
            raise RuntimeError("status list is full")
        while True:
            index = secrets.randbelow(statuslist.MIN_BITS)
            if index not in used:
                return index

    def _free_number(self, session: Session) -> str:
        while True:
            number = new_number()
            if session.scalar(select(Certificate.id).where(Certificate.number == number)) is None:
                return number

    def issue(
        self,
        *,
        learner_id: str,
        name: str,
        email_hash: str,
        make_credential: Callable[[str, int], dict],
        awarded_at: datetime,
        valid_from: datetime,
        valid_until: datetime,
        actor: str = "systeem",
        supersedes: str = "",
    ) -> Certificate:
        """Issue atomically: number and index are reserved, the credential built and signed
        by ``make_credential(number, index)`` and stored, and the audit record written, all in
        one transaction. With ``supersedes`` (a renewal) the old certificate is marked too."""
        with self.sessions.begin() as session:
            self._lists(session)
            number = self._free_number(session)
            index = self._free_index(session)
            credential = make_credential(number, index)
            certificate = Certificate(
                number=number,
                learner_id=learner_id,
                name=name,
                email_hash=email_hash,
                awarded_at=awarded_at,
                valid_from=valid_from,
                valid_until=valid_until,
                status_index=index,
                state=ACTIVE,
                state_reason="",
                issued_at=_now(),
                credential=json.dumps(credential, ensure_ascii=False),
                supersedes=supersedes,
                superseded_by="",
            )
            session.add(certificate)
            if supersedes:
                old = session.scalar(select(Certificate).where(Certificate.number == supersedes))
                if old is None or old.superseded_by:
                    raise ValueError(f"{supersedes} cannot be renewed")
                old.superseded_by = number
            audit.record(
                session,
                actor,
                "vernieuwing" if supersedes else "uitgifte",
                number,
                details={"learner": learner_id, "supersedes": supersedes, "index": index},
            )
        return certificate

    def find(self, number: str) -> Certificate | None:
        """The certificate with this (normalised) number."""
        with self.sessions() as session:
            return session.scalar(select(Certificate).where(Certificate.number == number))

    def certificates(self) -> list[Certificate]:
        with self.sessions() as session:
            return list(session.scalars(select(Certificate).order_by(Certificate.id)))

    def set_state(
        self,
        number: str,
        state: str,
        reason: str,
        sign_list: Callable[[str, bytes], dict],
        actor: str = "systeem",
    ) -> Certificate:
        """Suspend, reinstate or revoke: the row, the bits and the re-signed lists change together.

        ``sign_list(purpose, bits)`` returns the signed status list credential.
        """
        if state not in (ACTIVE, SUSPENDED, REVOKED):
            raise ValueError(f"unknown state {state!r}")
        with self.sessions.begin() as session:
            certificate = session.scalar(select(Certificate).where(Certificate.number == number))
            if certificate is None:
                raise LookupError(number)
            if certificate.state == REVOKED:
                raise ValueError("a revoked certificate cannot change state")
            lists = self._lists(session)
            for purpose, flagged in (
                ("revocation", state == REVOKED),
                ("suspension", state == SUSPENDED),
            ):
                bits = bytearray(lists[purpose].bits)
                statuslist.set_bit(bits, certificate.status_index, flagged)
                lists[purpose].bits = bytes(bits)
                lists[purpose].signed = json.dumps(sign_list(purpose, bytes(bits)))
                lists[purpose].updated_at = _now()
            certificate.state = state
            certificate.state_reason = reason
            action = {ACTIVE: "herstel", SUSPENDED: "schorsing", REVOKED: "intrekking"}[state]
            audit.record(session, actor, action, number, reason)
        return certificate

    def log(self, actor: str, action: str, subject: str = "", reason: str = "", **details) -> None:
        """Record an event that happens outside the database (such as a key change)."""
        with self.sessions.begin() as session:
            audit.record(session, actor, action, subject, reason, details)

    def verify_audit(self) -> audit.ChainCheck:
        """Check the whole audit trail."""
        with self.sessions() as session:
            return audit.verify_chain(session)

    def stored_status_list(self, purpose: str) -> dict | None:
        """The last signed status list credential, as stored (``None`` before the first)."""
        with self.sessions() as session:
            row = session.scalar(select(StatusList).where(StatusList.purpose == purpose))
            return json.loads(row.signed) if row is not None and row.signed else None

    def status_list(self, purpose: str, sign_list: Callable[[str, bytes], dict]) -> dict:
        """The signed status list credential (signed and stored on first use)."""
        with self.sessions.begin() as session:
            row = self._lists(session)[purpose]
            if not row.signed:
                row.signed = json.dumps(sign_list(purpose, row.bits))
            return json.loads(row.signed)


def _now() -> datetime:
    return datetime.now(UTC)
