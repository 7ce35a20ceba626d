"""The public register: opt-in only, with recorded consent, withdrawable at once (also by the
holder alone, with their withdrawal code), and searchable only in small, exact steps.

Only holders with a valid keurmerk who agreed to be listed can be found. A search needs a
gemeente from the official list (``keurmerk.gemeenten``) and at least three letters with
which a word of the name begins; it answers at most ``MAX_RESULTS`` people, and a search that
would match more is refused ("typ meer letters"). With the rate limits of the web service
(per visitor and per gemeente) the register cannot be copied as a whole.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from keurmerk import audit
from keurmerk.gemeenten import fold, resolve
from keurmerk.models import ACTIVE, Certificate, RegisterConsent, RegisterEntry
from keurmerk.privacy import PrivacyRules, aware
from keurmerk.registry import Registry

MAX_RESULTS = 3
MIN_LETTERS = 3
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I look-alikes
CODE_PREFIX = "AFM"


class SearchRefused(ValueError):
    """A search that would list too much (no gemeente, or too few letters)."""


class TooManyFound(SearchRefused):
    """More people match than a search may show: the visitor must type more letters."""


class UnknownGemeente(ValueError):
    """Not a gemeente of the official list."""


@dataclass(frozen=True)
class Listing:
    """What the register shows about one person."""

    name: str
    gemeente: str
    number: str
    valid_until: str


def _current(session, learner_id: str) -> Certificate | None:
    return session.scalar(
        select(Certificate)
        .where(Certificate.learner_id == learner_id, Certificate.superseded_by == "")
        .order_by(Certificate.id.desc())
        .limit(1)
    )


def new_code() -> str:
    """A withdrawal code like ``AFM-7QF3-9XPA-K2M4`` (60 random bits)."""
    groups = ["".join(secrets.choice(CODE_ALPHABET) for _ in range(4)) for _ in range(3)]
    return "-".join([CODE_PREFIX, *groups])


def code_hash(typed: str) -> str:
    """The stored form of a withdrawal code (forgiving about case, spaces and dashes)."""
    plain = re.sub(r"[^0-9A-Z]", "", (typed or "").upper()[:64])
    plain = plain.replace("O", "0").replace("I", "1")
    return hashlib.sha256(plain.encode("ascii")).hexdigest()


def opt_in(
    registry: Registry,
    learner_id: str,
    gemeente: str,
    actor: str,
    consent_version: str = PrivacyRules.consent_version,
) -> str:
    """List a holder under an official ``gemeente``, recording their consent (when, by whom,
    which text version). Returns the holder's withdrawal code (shown once, stored hashed)."""
    official = resolve(gemeente)
    if official is None:
        raise UnknownGemeente(gemeente)
    code = new_code()
    now = datetime.now(UTC)
    with registry.transaction() as session:
        if _current(session, learner_id) is None:
            raise LookupError(learner_id)
        _close_consents(session, learner_id, now, actor)
        session.add(
            RegisterConsent(
                learner_id=learner_id,
                given_at=now,
                recorded_by=actor,
                text_version=consent_version,
                code_hash=code_hash(code),
            )
        )
        entry = session.scalar(select(RegisterEntry).where(RegisterEntry.learner_id == learner_id))
        if entry is None:
            session.add(RegisterEntry(learner_id=learner_id, gemeente=official, opted_in_at=now))
        else:
            entry.gemeente = official
        audit.record(
            session,
            actor,
            "register-aanmelding",
            details={"toestemming": consent_version},
            learner=learner_id,
            personal={"gemeente": official},
        )
    return code


def _close_consents(session, learner_id: str, now: datetime, actor: str) -> None:
    open_consents = select(RegisterConsent).where(
        RegisterConsent.learner_id == learner_id, RegisterConsent.withdrawn_at.is_(None)
    )
    for consent in session.scalars(open_consents):
        consent.withdrawn_at, consent.withdrawn_by = now, actor


def opt_out(registry: Registry, learner_id: str, actor: str) -> bool:
    """Remove a listing at once (and close the consent); True when there was one."""
    with registry.transaction() as session:
        return _remove(session, learner_id, actor)


def _remove(session, learner_id: str, actor: str) -> bool:
    entry = session.scalar(select(RegisterEntry).where(RegisterEntry.learner_id == learner_id))
    _close_consents(session, learner_id, datetime.now(UTC), actor)
    if entry is None:
        return False
    session.delete(entry)
    audit.record(session, actor, "register-afmelding", learner=learner_id)
    return True


def withdraw_with_code(registry: Registry, typed: str) -> bool:
    """The holder withdraws themselves with their code (no beheerder needed).

    True when a listing was removed; False for an unknown or already used code."""
    with registry.transaction() as session:
        consent = session.scalar(
            select(RegisterConsent).where(
                RegisterConsent.code_hash == code_hash(typed),
                RegisterConsent.withdrawn_at.is_(None),
            )
        )
        if consent is None:
            return False
        return _remove(session, consent.learner_id, "houder (afmeldcode)")


def _matches(name: str, letters: str) -> bool:
    """Whether a word of ``name`` begins with ``letters`` (both folded)."""
    return re.search(r"(?:^|\s)" + re.escape(letters), fold(name)) is not None


def search(registry: Registry, name: str, gemeente: str, now: datetime) -> list[Listing]:
    """Listed holders in ``gemeente`` with a name word that begins with ``name``, whose
    keurmerk is valid: at most ``MAX_RESULTS``, else ``TooManyFound``."""
    official = resolve(gemeente)
    letters = fold(name or "")
    if official is None or sum(c.isalpha() for c in letters) < MIN_LETTERS or len(letters) > 100:
        raise SearchRefused(name)
    found = []
    with registry.reads() as session:
        for entry in session.scalars(select(RegisterEntry)):
            if entry.gemeente != official and resolve(entry.gemeente) != official:
                continue
            certificate = _current(session, entry.learner_id)
            if certificate is None or certificate.state != ACTIVE:
                continue
            if aware(certificate.valid_until) < now or not _matches(certificate.name, letters):
                continue
            until = aware(certificate.valid_until).date().isoformat()
            found.append(Listing(certificate.name, official, certificate.number, until))
    if len(found) > MAX_RESULTS:
        raise TooManyFound(name)
    return sorted(found, key=lambda item: fold(item.name))
