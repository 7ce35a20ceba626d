"""The registry's tables (SQLAlchemy): certificates, status lists, audit trail, public register."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ACTIVE, SUSPENDED, REVOKED = "actief", "geschorst", "ingetrokken"


class Base(DeclarativeBase):
    pass


class Certificate(Base):
    """One issued keurmerk (its signed credential is stored whole)."""

    __tablename__ = "certificates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True, index=True)
    learner_id: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email_hash: Mapped[str] = mapped_column(String(100))
    awarded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    valid_until: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status_index: Mapped[int] = mapped_column(Integer, unique=True)
    state: Mapped[str] = mapped_column(String(20), default=ACTIVE)
    state_reason: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    credential: Mapped[str] = mapped_column(Text)
    supersedes: Mapped[str] = mapped_column(String(16), default="")
    superseded_by: Mapped[str] = mapped_column(String(16), default="")

    def credential_json(self) -> dict:
        return json.loads(self.credential)


class StatusList(Base):
    """The bits of one status list and its last signed credential."""

    __tablename__ = "status_lists"
    __table_args__ = (UniqueConstraint("purpose"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20))
    bits: Mapped[bytes] = mapped_column(LargeBinary)
    signed: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditRecord(Base):
    """One entry of the hash-chained audit trail (see audit.py)."""

    __tablename__ = "audit_trail"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditPerson(Base):
    """The pseudonym that stands for one learner in the audit trail.

    Hashed records carry only ``ref`` (random, so it says nothing about the person); deleting
    this row and the person's ``AuditPersonal`` rows erases them without breaking the chain.
    """

    __tablename__ = "audit_people"

    ref: Mapped[str] = mapped_column(String(32), primary_key=True)
    learner_id: Mapped[str] = mapped_column(String(100), unique=True)


class AuditPersonal(Base):
    """The personal data of one audit record (learner id, name, gemeente, …), outside its hash."""

    __tablename__ = "audit_personal"

    record_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    ref: Mapped[str] = mapped_column(String(32), index=True)
    data: Mapped[str] = mapped_column(Text, default="{}")


class AuditSignature(Base):
    """The issuer's signature on one audit record: a signed checkpoint (count, head, time)."""

    __tablename__ = "audit_signatures"

    record_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    method: Mapped[str] = mapped_column(String(300))
    signature: Mapped[str] = mapped_column(String(200))


class RegisterEntry(Base):
    """An opt-in listing in the public register (deleted at once on withdrawal)."""

    __tablename__ = "public_register"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[str] = mapped_column(String(100), unique=True)
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    opted_in_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RegisterConsent(Base):
    """A holder's consent to be listed in the public register: when, recorded by whom, which
    text version, and the hash of the withdrawal code they were given (the code itself is
    never stored). Withdrawal keeps the row with its time, so the consent history stays
    provable; ``keurmerk wis`` deletes it with the rest of the person's data."""

    __tablename__ = "register_consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[str] = mapped_column(String(100), index=True)
    given_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_by: Mapped[str] = mapped_column(String(200))
    text_version: Mapped[str] = mapped_column(String(50))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    withdrawn_by: Mapped[str] = mapped_column(String(200), default="")
