"""Herregistratie: who may renew, reminders before the end date, and the renewal itself.

A renewal issues a new credential that keeps the original ``awardedDate`` and marks the old
certificate as superseded (registry and audit trail); its validity runs on from the old end
date (or from today, if that has passed), so renewing early costs nothing.

The rules an auditor checks: renewing opens ``window_months`` before the end date (so a
fresh credential cannot be renewed again the same day to stack cycles); a keurmerk that
ended more than ``lapse_months`` ago is not renewed (the holder does the full assessment
again); the actualiteiten assignment counts only for this year or last year; and only
practice dated inside the current cycle (from the start of the keurmerk to today) counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from keurmerk import messages as msg
from keurmerk.models import ACTIVE, Certificate
from keurmerk.privacy import add_months
from keurmerk.rules import (
    Decision,
    RenewalRules,
    Rules,
    check_tables,
    open_items_of,
    practice_reasons,
)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class RenewalRefused(ValueError):
    """This keurmerk cannot be renewed now; the message says why (Dutch)."""


def window_refusal(certificate: Certificate, now: datetime, rules: RenewalRules) -> str | None:
    """Why ``certificate`` cannot be renewed at ``now`` (too early, or lapsed), if so."""
    end = _aware(certificate.valid_until)
    opens = add_months(end, -rules.window_months)
    if now < opens:
        return msg.RENEWAL_TOO_EARLY.format(
            number=certificate.number, date=_day(end), opens=_day(opens)
        )
    if now > add_months(end, rules.lapse_months):
        return msg.RENEWAL_LAPSED.format(
            number=certificate.number, date=_day(end), months=rules.lapse_months
        )
    return None


def _day(moment: datetime) -> str:
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}"


def practice_in_cycle(
    learner: str, practice: pd.DataFrame, start: datetime, now: datetime
) -> tuple[pd.DataFrame, list[str]]:
    """The learner's practice rows dated inside the cycle, and reasons when dates are
    missing or unreadable (a table without ``date`` cannot show when practice happened)."""
    if "date" not in practice.columns:
        return practice.iloc[0:0], [msg.RENEWAL_PRACTICE_NO_DATES]
    mine = practice[practice["learner"] == learner]
    dates = pd.to_datetime(mine["date"], format="%Y-%m-%d", errors="coerce", utc=True)
    if dates.isna().any():
        return mine.iloc[0:0], [msg.RENEWAL_PRACTICE_BAD_DATE]
    inside = (dates >= pd.Timestamp(start.date(), tz="UTC")) & (dates <= pd.Timestamp(now))
    return mine[inside], []


def _actualiteiten_reasons(
    learner: str, year: int, scores: pd.DataFrame, renewal: RenewalRules
) -> list[str]:
    assignment = f"{renewal.actualiteiten_prefix}{year}"
    rows = scores[(scores["learner"] == learner) & (scores["assignment"] == assignment)]
    if rows.empty:
        return [msg.RENEWAL_NO_ACTUALITEITEN.format(year=year)]
    row = rows.iloc[-1]
    share = 100 * float(row["score"]) / float(row["max_score"]) if row["max_score"] else 0
    if open_items_of(row["open_items"]):
        return [msg.RENEWAL_NOT_GRADED.format(year=year)]
    if share + 1e-9 < renewal.min_percentage:
        needed = round(renewal.min_percentage)
        return [msg.RENEWAL_SCORE.format(year=year, percentage=round(share), needed=needed)]
    return []


def decide_renewal(
    learner: str,
    year: int,
    scores: pd.DataFrame,
    practice: pd.DataFrame,
    rules: Rules,
    *,
    cycle_start: datetime,
    now: datetime,
) -> Decision:
    """May ``learner`` renew at ``now`` with the actualiteiten of ``year``? Needs that
    assignment (of this year or last year) and enough practice dated inside the cycle that
    began at ``cycle_start``."""
    check_tables(scores, practice)
    renewal = rules.renewal
    if year in (now.year, now.year - 1):
        reasons = _actualiteiten_reasons(learner, year, scores, renewal)
    else:
        reasons = [msg.RENEWAL_OLD_YEAR.format(year=year, this=now.year, last=now.year - 1)]
    counted, problems = practice_in_cycle(learner, practice, _aware(cycle_start), now)
    reasons += problems or practice_reasons(
        learner, counted, renewal.min_hours, renewal.min_intervision_sessions
    )
    return Decision(learner, not reasons, reasons)


@dataclass(frozen=True)
class Reminder:
    """A holder whose keurmerk ends soon."""

    months: int
    number: str
    learner: str
    name: str
    valid_until: datetime

    def message(self) -> str:
        """The reminder text for this holder (Dutch, ready to send)."""
        return msg.REMINDER_TEMPLATE.format(
            name=self.name,
            number=self.number,
            date=f"{self.valid_until.day} {msg.MONTHS[self.valid_until.month - 1]} "
            f"{self.valid_until.year}",
            months=msg.REMINDER_MONTHS.get(self.months, f"{self.months} maanden"),
        )


def _add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year = moment.year + month // 12
    month = month % 12 + 1
    day = min(moment.day, 28)
    return moment.replace(year=year, month=month, day=day)


def reminders(certificates: list[Certificate], now: datetime, rules: Rules) -> list[Reminder]:
    """Holders to remind: active, not renewed, ending within one of the reminder windows.

    Each holder appears once, in the smallest window that applies (1 month before 6).
    """
    found = []
    windows = sorted(rules.renewal.reminder_months)
    for certificate in certificates:
        if certificate.state != ACTIVE or certificate.superseded_by:
            continue
        end = _aware(certificate.valid_until)
        if end < now:
            continue
        for months in windows:
            if end <= _add_months(now, months):
                found.append(
                    Reminder(
                        months, certificate.number, certificate.learner_id, certificate.name, end
                    )
                )
                break
    return sorted(found, key=lambda r: (r.months, r.valid_until))
