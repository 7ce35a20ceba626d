"""The public register: opt-in only, withdrawable at once, searchable by name and gemeente.

Only holders with a valid keurmerk who agreed to be listed can be found. A search needs a
gemeente and at least two letters of a name, and returns at most a handful of people, so the
register cannot be copied as a whole.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from keurmerk import audit
from keurmerk.models import ACTIVE, Certificate, RegisterEntry
from keurmerk.registry import Registry

MAX_RESULTS = 10
MIN_NAME = 2


class SearchRefused(ValueError):
    """A search that would list too much (no gemeente, or too short a name)."""


@dataclass(frozen=True)
class Listing:
    """What the register shows about one person."""

    name: str
    gemeente: str
    number: str
    valid_until: str


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _current(session, learner_id: str) -> Certificate | None:
    return session.scalar(
        select(Certificate)
        .where(Certificate.learner_id == learner_id, Certificate.superseded_by == "")
        .order_by(Certificate.id.desc())
        .limit(1)
    )


def opt_in(registry: Registry, learner_id: str, gemeente: str, actor: str) -> None:
    """List a holder (with their consent) under ``gemeente``."""
    gemeente = gemeente.strip()
    if not gemeente or len(gemeente) > 100:
        raise ValueError("gemeente is required (at most 100 characters)")
    with registry.transaction() as session:
        if _current(session, learner_id) is None:
            raise LookupError(learner_id)
        entry = session.scalar(select(RegisterEntry).where(RegisterEntry.learner_id == learner_id))
        if entry is None:
            session.add(
                RegisterEntry(
                    learner_id=learner_id, gemeente=gemeente, opted_in_at=datetime.now(UTC)
                )
            )
        else:
            entry.gemeente = gemeente
        audit.record(
            session,
            actor,
            "register-aanmelding",
            learner=learner_id,
            personal={"gemeente": gemeente},
        )


def opt_out(registry: Registry, learner_id: str, actor: str) -> bool:
    """Remove a listing at once; True when there was one."""
    with registry.transaction() as session:
        entry = session.scalar(select(RegisterEntry).where(RegisterEntry.learner_id == learner_id))
        if entry is None:
            return False
        session.delete(entry)
        audit.record(session, actor, "register-afmelding", learner=learner_id)
        return True


def search(registry: Registry, name: str, gemeente: str, now: datetime) -> list[Listing]:
    """Listed holders in ``gemeente`` whose name contains ``name`` and whose keurmerk is valid."""
    name_key, gemeente_key = _fold(name or ""), _fold(gemeente or "")
    if len(name_key) < MIN_NAME or not gemeente_key or len(name_key) > 100:
        raise SearchRefused(name)
    found = []
    with registry.reads() as session:
        for entry in session.scalars(select(RegisterEntry)):
            if _fold(entry.gemeente) != gemeente_key:
                continue
            certificate = _current(session, entry.learner_id)
            if certificate is None or certificate.state != ACTIVE:
                continue
            if _aware(certificate.valid_until) < now or name_key not in _fold(certificate.name):
                continue
            found.append(
                Listing(
                    certificate.name,
                    entry.gemeente,
                    certificate.number,
                    _aware(certificate.valid_until).date().isoformat(),
                )
            )
    return sorted(found, key=lambda item: _fold(item.name))[:MAX_RESULTS]
