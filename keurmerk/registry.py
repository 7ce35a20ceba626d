"""The certificate registry: SQLAlchemy, SQLite by default, PostgreSQL by URL.

Issuing, renewing, suspending and revoking each happen in one transaction, together with
their audit record: a crash halfway leaves no half-issued certificate and no status bit
without its certificate. Status-list indexes are drawn at random, so a list reveals nothing
about the order of issuing.

Writers serialize: every writing transaction first locks the status-list rows (``SELECT …
FOR UPDATE`` on PostgreSQL; on SQLite a writing transaction starts with ``BEGIN IMMEDIATE``,
which takes the database's write lock). A status change then rebuilds every bitstring from
the certificates table inside that transaction, so parallel changes cannot overwrite each
other's bits and the signed lists always match the registry.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from keurmerk import audit, statuslist
from keurmerk.audit_check import credential_digest, latest_checkpoint
from keurmerk.models import ACTIVE, REVOKED, SUSPENDED, Base, Certificate, StatusList
from keurmerk.numbers import new_number

__all__ = [
    "ACTIVE",
    "REVOKED",
    "SUSPENDED",
    "AlreadyIssued",
    "Certificate",
    "Registry",
    "StatusList",
]


def default_url(home) -> str:
    """SQLite file in the keurmerk home folder."""
    return f"sqlite:///{home / 'keurmerk.sqlite'}"


# Long enough for twenty queued writers, each signing two status lists.
SQLITE_BUSY_TIMEOUT = 120


def _engine(url: str) -> Engine:
    """An engine whose SQLite transactions are real ones: by default Python's sqlite3 starts
    a transaction only at the first write, so a read-modify-write could lose an update."""
    sqlite = url.startswith("sqlite")
    options = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT}} if sqlite else {}
    engine = create_engine(url, future=True, **options)
    if sqlite:

        @event.listens_for(engine, "connect")
        def _driver_leaves_transactions_to_us(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:
            immediate = connection.get_execution_options().get("write_lock", False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def expected_bits(states: list[tuple[int, str, bool]]) -> dict[str, bytes]:
    """The bitstrings that follow from ``(status_index, state, superseded)`` of every
    certificate. Revoked wins over superseded, superseded over suspended: a renewed or
    replaced credential stays invalid after its holder's suspension is lifted."""
    lists = {p: statuslist.empty(statuslist.size_of(p)) for p in statuslist.PURPOSES}
    for index, state, superseded in states:
        if state == REVOKED:
            value = statuslist.REVOKED_VALUE
        elif superseded:
            value = statuslist.SUPERSEDED_VALUE
        elif state == SUSPENDED:
            value = statuslist.SUSPENDED_VALUE
        else:
            continue
        statuslist.set_value(lists[statuslist.MESSAGE], index, statuslist.STATUS_SIZE, value)
        if value == statuslist.SUSPENDED_VALUE:
            statuslist.set_bit(lists["suspension"], index, True)
        else:  # old credentials have no "superseded": for them it is revoked
            statuslist.set_bit(lists["revocation"], index, True)
    return {purpose: bytes(bits) for purpose, bits in lists.items()}


class AlreadyIssued(ValueError):
    """The learner already has a keurmerk; a new one is only given by renewal."""

    def __init__(self, certificate: Certificate):
        super().__init__(f"{certificate.learner_id} already has {certificate.number}")
        self.certificate = certificate


class Registry:
    """Certificates and status lists in one database.

    ``sessions`` is for writing (SQLite: ``BEGIN IMMEDIATE``), ``reads`` for reading only;
    ``transaction()`` is a writing transaction that also holds the status-list lock.
    """

    def __init__(self, url: str):
        self.engine: Engine = _engine(url)
        Base.metadata.create_all(self.engine)
        writer = self.engine.execution_options(write_lock=True)
        self.sessions = sessionmaker(writer, expire_on_commit=False)
        self.reads = sessionmaker(self.engine, expire_on_commit=False)
        # Signs every audit record written in ``transaction()`` (set by Keurmerkbeheer).
        self.audit_signer: audit.Signer | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A writing transaction that waits for, and then holds, the registry's write lock."""
        with self.sessions.begin() as session:
            session.info[audit.SIGNER] = self.audit_signer
            self._lists(session)
            yield session

    def _lists(self, session: Session) -> dict[str, StatusList]:
        rows = select(StatusList).order_by(StatusList.purpose).with_for_update()
        found = {row.purpose: row for row in session.scalars(rows)}
        for purpose in statuslist.PURPOSES:
            if purpose not in found:
                bits = bytes(statuslist.empty(statuslist.size_of(purpose)))
                row = StatusList(purpose=purpose, bits=bits, updated_at=_now())
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
        action: str = "",
        reason: str = "",
        evidence: dict | None = None,
        sign_list: Callable[[str, bytes], dict] | None = None,
        lapsed_before: datetime | None = None,
    ) -> Certificate:
        """Issue atomically: number and index are reserved, the credential built and signed
        by ``make_credential(number, index)`` and stored, and the audit record written, all in
        one transaction. With ``supersedes`` (a renewal, or ``action="naamcorrectie"``) the
        old certificate is marked too and the status lists re-signed by ``sign_list`` (a
        superseded credential has its bits).

        A learner gets one keurmerk: while they hold one (in any state, expired too) a new one
        comes only by renewal, and ``AlreadyIssued`` is raised otherwise. The exception: an
        active keurmerk that ended before ``lapsed_before`` can no longer be renewed, so
        after the full assessment the learner gets a new one (``herintrede``) that replaces
        it in the same chain."""
        with self.transaction() as session:
            if not supersedes:
                existing = session.scalar(
                    select(Certificate)
                    .where(Certificate.learner_id == learner_id, Certificate.superseded_by == "")
                    .order_by(Certificate.id.desc())
                    .limit(1)
                )
                if existing is not None and not _lapsed(existing, lapsed_before):
                    session.expunge(existing)  # keep its loaded fields after the rollback
                    raise AlreadyIssued(existing)
                if existing is not None:  # re-entry after the full assessment: same chain
                    supersedes, action = existing.number, action or "herintrede"
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
                if sign_list is None:
                    raise ValueError("a renewal re-signs the status lists: sign_list is needed")
                session.flush()
                self._write_lists(session, sign_list)
            audit.record(
                session,
                actor,
                action or ("vernieuwing" if supersedes else "uitgifte"),
                number,
                reason,
                details={
                    "supersedes": supersedes,
                    "index": index,
                    "credential": credential_digest(certificate.credential),
                    "valid_until": credential.get("validUntil", ""),
                    "evidence": evidence or {},
                },
                learner=learner_id,
                personal={"name": name},
            )
        return certificate

    def find(self, number: str) -> Certificate | None:
        """The certificate with this (normalised) number."""
        with self.reads() as session:
            return session.scalar(select(Certificate).where(Certificate.number == number))

    def certificates(self) -> list[Certificate]:
        with self.reads() as session:
            return list(session.scalars(select(Certificate).order_by(Certificate.id)))

    def set_state(
        self,
        number: str,
        state: str,
        reason: str,
        sign_list: Callable[[str, bytes], dict],
        actor: str = "systeem",
    ) -> Certificate:
        """Suspend, reinstate or revoke a holder: every certificate of the holder's chain
        (renewals, replacements, duplicates) changes with the named one, and the rows, the
        bits and the re-signed lists change together, in one transaction.

        ``sign_list(purpose, bits)`` returns the signed status list credential. The bits are
        rebuilt from the certificates table under the write lock, so they match the registry.
        """
        if state not in (ACTIVE, SUSPENDED, REVOKED):
            raise ValueError(f"unknown state {state!r}")
        with self.transaction() as session:
            certificate = session.scalar(select(Certificate).where(Certificate.number == number))
            if certificate is None:
                raise LookupError(number)
            if certificate.state == REVOKED:
                raise ValueError("a revoked certificate cannot change state")
            chain = _chain(session, certificate)
            changes = {ACTIVE: (SUSPENDED,), SUSPENDED: (ACTIVE,), REVOKED: (ACTIVE, SUSPENDED)}
            others = []  # the chain members this changes too (the audit check reads "numbers")
            for member in chain:
                if member is certificate or member.state in changes[state]:
                    member.state = state
                    member.state_reason = reason
                    if member is not certificate:
                        others.append(member.number)
            session.flush()
            self._write_lists(session, sign_list)
            action = {ACTIVE: "herstel", SUSPENDED: "schorsing", REVOKED: "intrekking"}[state]
            audit.record(session, actor, action, number, reason, {"numbers": others})
        return certificate

    def chain(self, number: str) -> list[Certificate]:
        """Every certificate of the holder of ``number``, oldest first (empty if unknown)."""
        with self.reads() as session:
            certificate = session.scalar(select(Certificate).where(Certificate.number == number))
            return _chain(session, certificate) if certificate is not None else []

    def _write_lists(self, session: Session, sign_list: Callable[[str, bytes], dict]) -> None:
        """Rebuild every bitstring from the certificates and store them freshly signed."""
        lists = self._lists(session)
        bits = expected_bits(self._states(session))
        for purpose in statuslist.PURPOSES:
            lists[purpose].bits = bits[purpose]
            lists[purpose].signed = json.dumps(sign_list(purpose, bits[purpose]))
            lists[purpose].updated_at = _now()

    @staticmethod
    def _states(session: Session) -> list[tuple[int, str, bool]]:
        query = select(
            Certificate.status_index, Certificate.state, Certificate.superseded_by
        ).where((Certificate.state != ACTIVE) | (Certificate.superseded_by != ""))
        return [(index, state, bool(by)) for index, state, by in session.execute(query)]

    def status_list_report(self) -> dict[str, tuple[bytes, bytes, dict | None]]:
        """Per purpose: the bits the registry implies, the stored bits, the stored signed list.

        Read in one transaction, so the three belong together.
        """
        with self.reads() as session:
            bits = expected_bits(self._states(session))
            rows = {row.purpose: row for row in session.scalars(select(StatusList))}
            return {
                purpose: (
                    bits[purpose],
                    rows[purpose].bits if purpose in rows else b"",
                    json.loads(rows[purpose].signed)
                    if purpose in rows and rows[purpose].signed
                    else None,
                )
                for purpose in statuslist.PURPOSES
            }

    def repair_status_lists(self, sign_list: Callable[[str, bytes], dict], actor: str) -> None:
        """Rebuild and re-sign every status list from the registry (``audit --herstel``)."""
        with self.transaction() as session:
            self._write_lists(session, sign_list)
            audit.record(session, actor, "statuslijst-hersteld")

    def log(
        self,
        actor: str,
        action: str,
        subject: str = "",
        reason: str = "",
        learner: str | None = None,
        **details,
    ) -> None:
        """Record an event that happens outside the database (a key change, a refusal, …);
        ``learner`` is kept outside the hash (see audit.record)."""
        with self.transaction() as session:
            audit.record(session, actor, action, subject, reason, details, learner=learner)

    def verify_audit(self) -> audit.ChainCheck:
        """Check the whole audit trail."""
        with self.reads() as session:
            return audit.verify_chain(session)

    def audit_checkpoint(self, issuer_id: str) -> dict | None:
        """The newest signed checkpoint of the audit trail (published by the service)."""
        with self.reads() as session:
            return latest_checkpoint(session, issuer_id)

    def stored_status_list(self, purpose: str) -> dict | None:
        """The last signed status list credential, as stored (``None`` before the first)."""
        with self.reads() as session:
            row = session.scalar(select(StatusList).where(StatusList.purpose == purpose))
            return json.loads(row.signed) if row is not None and row.signed else None

    def status_list(self, purpose: str, sign_list: Callable[[str, bytes], dict]) -> dict:
        """The signed status list credential (built from the registry, signed and stored on
        first use: a list added by an upgrade starts out right for every certificate)."""
        with self.transaction() as session:
            row = self._lists(session)[purpose]
            if not row.signed:
                row.bits = expected_bits(self._states(session))[purpose]
                row.signed = json.dumps(sign_list(purpose, row.bits))
            return json.loads(row.signed)


def _lapsed(certificate: Certificate, before: datetime | None) -> bool:
    """Whether an active keurmerk ended before ``before`` (too long ago to renew)."""
    if before is None or certificate.state != ACTIVE:
        return False
    until = certificate.valid_until
    return (until if until.tzinfo else until.replace(tzinfo=UTC)) < before


def _chain(session: Session, certificate: Certificate) -> list[Certificate]:
    """The holder's chain: the certificates of the same learner, and those linked to this one
    by renewal (``supersedes``/``superseded_by``), oldest first."""
    found = {certificate.id: certificate}
    todo = [certificate]
    while todo:
        current = todo.pop()
        query = select(Certificate).where(
            (Certificate.learner_id == current.learner_id)
            | (Certificate.number.in_([current.supersedes, current.superseded_by]))
        )
        for member in session.scalars(query):
            if member.id not in found:
                found[member.id] = member
                todo.append(member)
    return sorted(found.values(), key=lambda member: member.id)


def _now() -> datetime:
    return datetime.now(UTC)
