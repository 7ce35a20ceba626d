"""Keurmerk rules: from the score table and practice records to a decision with Dutch reasons.

The rules live in a TOML file (``keurmerk/regels.toml`` holds the documented defaults).
The score table is the interface with grading: one row per learner and assignment with
``learner, assignment, score, max_score, open_items, late``. Practice is a second table:
``learner, practice_hours, intervision_sessions`` (and ``date``, which renewal needs: only
practice inside the current cycle counts there, see renewal.py).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from keurmerk import messages as msg

DEFAULT_RULES = Path(__file__).resolve().parent / "regels.toml"
SCORE_COLUMNS = ("learner", "assignment", "score", "max_score", "open_items", "late")
PRACTICE_COLUMNS = ("learner", "practice_hours", "intervision_sessions")


@dataclass(frozen=True)
class RenewalRules:
    """What a holder needs for herregistratie."""

    actualiteiten_prefix: str = "actualiteiten-"
    min_percentage: float = 70.0
    min_hours: float = 40.0
    min_intervision_sessions: int = 6
    reminder_months: tuple[int, ...] = (6, 1)
    window_months: int = 6  # renewing opens this many months before the end date
    lapse_months: int = 12  # ended longer ago: no renewal, the full assessment again


@dataclass(frozen=True)
class Rules:
    """The keurmerk requirements."""

    modules: dict[str, str]
    min_percentage: float = 70.0
    require_manual_graded: bool = True
    accept_late: bool = True
    min_hours: float = 20.0
    min_intervision_sessions: int = 3
    validity_years: int = 3
    renewal: RenewalRules | None = None


def load_rules(path: Path = DEFAULT_RULES) -> Rules:
    """Read a rules file; missing settings keep their documented defaults."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    assignment = data.get("assignment", {})
    practice = data.get("practice", {})
    return Rules(
        modules=dict(data["modules"]),
        min_percentage=float(assignment.get("min_percentage", 70)),
        require_manual_graded=bool(assignment.get("require_manual_graded", True)),
        accept_late=bool(assignment.get("accept_late", True)),
        min_hours=float(practice.get("min_hours", 20)),
        min_intervision_sessions=int(practice.get("min_intervision_sessions", 3)),
        validity_years=int(data.get("validity", {}).get("years", 3)),
        renewal=_renewal(data.get("renewal", {})),
    )


def _renewal(data: dict) -> RenewalRules:
    defaults = RenewalRules()
    return RenewalRules(
        actualiteiten_prefix=data.get("actualiteiten_prefix", defaults.actualiteiten_prefix),
        min_percentage=float(data.get("min_percentage", defaults.min_percentage)),
        min_hours=float(data.get("min_hours", defaults.min_hours)),
        min_intervision_sessions=int(
            data.get("min_intervision_sessions", defaults.min_intervision_sessions)
        ),
        reminder_months=tuple(data.get("reminder_months", defaults.reminder_months)),
        window_months=int(data.get("window_months", defaults.window_months)),
        lapse_months=int(data.get("lapse_months", defaults.lapse_months)),
    )


@dataclass
class Decision:
    """Whether one learner may receive the keurmerk, and why not."""

    learner: str
    eligible: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        if self.eligible:
            return msg.DECISION_YES
        return msg.DECISION_NOT_YET + " " + "; ".join(self.reasons)


def _question_label(grade_id: str) -> str:
    match = re.search(r"(\d+)", grade_id)
    return f"open vraag {match.group(1)}" if match else f"onderdeel {grade_id}"


def open_items_of(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if str(v)]
    return [item.strip() for item in str(value).split(";") if item.strip()]


def check_tables(scores: pd.DataFrame, practice: pd.DataFrame) -> None:
    """Refuse tables without the agreed columns (``ValueError`` names what is missing)."""
    for table, columns, name in (
        (scores, SCORE_COLUMNS, "score"),
        (practice, PRACTICE_COLUMNS, "practice"),
    ):
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise ValueError(f"{name} table lacks columns: {', '.join(missing)}")


def decide_one(
    learner: str, scores: pd.DataFrame, practice: pd.DataFrame, rules: Rules
) -> Decision:
    """The decision for one learner."""
    reasons = []
    mine = scores[scores["learner"] == learner]
    for number, (assignment, title) in enumerate(rules.modules.items(), start=1):
        label = f"module {number} ({title})"
        rows = mine[mine["assignment"] == assignment]
        if rows.empty:
            reasons.append(msg.REASON_NOT_SUBMITTED.format(module=label))
            continue
        row = rows.iloc[-1]
        open_items = open_items_of(row["open_items"])
        if rules.require_manual_graded and open_items:
            labels = [_question_label(item) for item in open_items]
            items = " en ".join([", ".join(labels[:-1]), labels[-1]] if len(labels) > 1 else labels)
            template = msg.REASON_NOT_GRADED_MANY if len(labels) > 1 else msg.REASON_NOT_GRADED
            reasons.append(template.format(module=label, items=items))
            continue
        if bool(row["late"]) and not rules.accept_late:
            reasons.append(msg.REASON_LATE.format(module=label))
            continue
        maximum = float(row["max_score"])
        percentage = 100.0 * float(row["score"]) / maximum if maximum else 0.0
        if percentage + 1e-9 < rules.min_percentage:
            reasons.append(
                msg.REASON_SCORE.format(
                    module=label, percentage=round(percentage), needed=round(rules.min_percentage)
                )
            )
    reasons += practice_reasons(learner, practice, rules.min_hours, rules.min_intervision_sessions)
    return Decision(learner, not reasons, reasons)


def practice_reasons(
    learner: str, practice: pd.DataFrame, min_hours: float, min_sessions: int
) -> list[str]:
    """Dutch reasons when the recorded practice hours or intervision sessions fall short."""
    record = practice[practice["learner"] == learner]
    hours = float(record["practice_hours"].sum()) if not record.empty else 0.0
    sessions = int(record["intervision_sessions"].sum()) if not record.empty else 0
    reasons = []
    if hours < min_hours:
        reasons.append(msg.REASON_HOURS.format(hours=_n(hours), needed=_n(min_hours)))
    if sessions < min_sessions:
        reasons.append(msg.REASON_INTERVISION.format(sessions=sessions, needed=min_sessions))
    return reasons


def decide(scores: pd.DataFrame, practice: pd.DataFrame, rules: Rules) -> list[Decision]:
    """A decision for every learner in either table, sorted by learner id."""
    check_tables(scores, practice)
    learners = sorted(set(scores["learner"]) | set(practice["learner"]))
    return [decide_one(learner, scores, practice, rules) for learner in learners]


def _n(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")
