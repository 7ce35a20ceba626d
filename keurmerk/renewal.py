"""Herregistratie: who may renew, reminders before the end date, and the renewal itself.

A renewal issues a new credential that keeps the original ``awardedDate`` and marks the old
certificate as superseded (registry and audit trail); its validity runs on from the old end
date (or from today, if that has passed), so renewing early costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pandas as pd

from keurmerk import messages as msg
from keurmerk.models import ACTIVE, Certificate
from keurmerk.rules import Decision, Rules, check_tables, open_items_of, practice_reasons


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def decide_renewal(
    learner: str, year: int, scores: pd.DataFrame, practice: pd.DataFrame, rules: Rules
) -> Decision:
    """May ``learner`` renew in ``year``? Needs that year's actualiteiten and practice."""
    check_tables(scores, practice)
    renewal = rules.renewal
    reasons = []
    assignment = f"{renewal.actualiteiten_prefix}{year}"
    rows = scores[(scores["learner"] == learner) & (scores["assignment"] == assignment)]
    if rows.empty:
        reasons.append(msg.RENEWAL_NO_ACTUALITEITEN.format(year=year))
    else:
        row = rows.iloc[-1]
        share = 100 * float(row["score"]) / float(row["max_score"]) if row["max_score"] else 0
        if open_items_of(row["open_items"]):
            reasons.append(msg.RENEWAL_NOT_GRADED.format(year=year))
        elif share + 1e-9 < renewal.min_percentage:
            reasons.append(
                msg.RENEWAL_SCORE.format(
                    year=year, percentage=round(share), needed=round(renewal.min_percentage)
                )
            )
    reasons += practice_reasons(
        learner, practice, renewal.min_hours, renewal.min_intervision_sessions
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
