"""Privacy settings of the keurmerk (``[privacy]`` in ``regels.toml``) and the retention rule
of the public look-up.

A gemeente needs the holder's name while a keurmerk can still matter to them. After
``public_months`` past its end (expiry, revocation or replacement) the look-up shows only that
the number is not valid: the number itself stays known, so an old PDF can never pass for a
valid one, but the name is no longer public.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from keurmerk.models import REVOKED, AuditRecord, Certificate
from keurmerk.rules import DEFAULT_RULES


@dataclass(frozen=True)
class PrivacyRules:
    """How long the public sees what, and which consent text the register uses."""

    public_months: int = 12
    consent_version: str = "register-2026-1"


def load_privacy(path: Path = DEFAULT_RULES) -> PrivacyRules:
    """The ``[privacy]`` settings of a rules file (documented defaults when missing)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle).get("privacy", {})
    defaults = PrivacyRules()
    months = int(data.get("public_months", defaults.public_months))
    if months < 0:
        raise ValueError("public_months must be 0 or more")
    return PrivacyRules(
        public_months=months,
        consent_version=str(data.get("consent_version", defaults.consent_version)),
    )


def aware(moment: datetime) -> datetime:
    """A database time as an aware UTC time (SQLite returns naive ones)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def add_months(moment: datetime, months: int) -> datetime:
    """``moment`` plus whole months (the last day of a shorter month when needed)."""
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)


def revoked_at(session, certificate: Certificate) -> datetime | None:
    """When the holder's keurmerk was revoked: the newest revocation record of any of
    the holder's numbers in the audit trail (the chain is revoked as a whole)."""
    numbers = select(Certificate.number).where(Certificate.learner_id == certificate.learner_id)
    moments = session.scalars(
        select(AuditRecord.at).where(
            AuditRecord.action == "intrekking", AuditRecord.subject.in_(numbers)
        )
    )
    found = [aware(datetime.fromisoformat(at)) for at in moments if at]
    return max(found) if found else None


def ended_at(session, certificate: Certificate) -> datetime:
    """When this keurmerk stopped mattering: its revocation, or else its end date."""
    if certificate.state == REVOKED:
        moment = revoked_at(session, certificate)
        if moment is not None:
            return min(moment, aware(certificate.valid_until))
    return aware(certificate.valid_until)


def name_is_public(session, certificate: Certificate, now: datetime, months: int) -> bool:
    """Whether the public look-up may still show this keurmerk's name and dates."""
    return now <= add_months(ended_at(session, certificate), months)
