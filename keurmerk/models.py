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


class RegisterEntry(Base):
    """An opt-in listing in the public register (deleted at once on withdrawal)."""

    __tablename__ = "public_register"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[str] = mapped_column(String(100), unique=True)
    gemeente: Mapped[str] = mapped_column(String(100), index=True)
    opted_in_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
