"""The outcome of ``trainer nakijken`` (per learner, and the run) and what a trainer reads of
it: a Dutch line per learner and the totals.

Plain text only; ``grading.cli`` lays the rows out as a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from grading.messages import AutogradeText as T

GRADED, FAILED, SKIPPED = "graded", "failed", "skipped"


@dataclass
class LearnerResult:
    """What happened to one learner's submission."""

    learner: str
    status: str  # GRADED, FAILED or SKIPPED
    score: float | None = None
    max_score: float | None = None
    open_items: int = 0
    timed_out_cells: int = 0
    reason: str = ""  # Dutch, for the trainer
    detail: str = ""  # English log lines and traceback, for whoever debugs
    seconds: float = 0.0
    resubmitted: bool = False  # graded before, handed in again since, graded anew
    answers_note: str = ""  # Dutch: the answers file is missing, empty or damaged
    process: int = 0  # the grading process (pid) that graded it


@dataclass
class AutogradeReport:
    """The outcome of one parallel autograde run."""

    assignment: str
    workers: int
    seconds: float = 0.0
    results: list[LearnerResult] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # English log lines of no one learner

    def by_status(self, status: str) -> list[str]:
        return sorted(r.learner for r in self.results if r.status == status)

    @property
    def graded(self) -> list[str]:
        return self.by_status(GRADED)

    @property
    def failed(self) -> list[str]:
        return self.by_status(FAILED)

    @property
    def skipped(self) -> list[str]:
        return self.by_status(SKIPPED)


LABELS = {GRADED: T.GRADED, FAILED: T.FAILED, SKIPPED: T.SKIPPED}
HEADERS = (T.COL_LEARNER, T.COL_RESULT, T.COL_SCORE, T.COL_NOTE)


def number(value: float | None) -> str:
    """A score the Dutch way, one decimal (``-`` when there is none)."""
    if value is None:
        return "-"
    return f"{value:.1f}".replace(".", ",")


def note(result: LearnerResult) -> str:
    """Everything the trainer should know about one learner's result, in Dutch."""
    notes = [result.reason] if result.reason else []
    if result.resubmitted:
        notes.append(T.RESUBMITTED)
    if result.answers_note:
        notes.append(result.answers_note)
    if result.timed_out_cells == 1:
        notes.append(T.TIMED_OUT_ONE)
    elif result.timed_out_cells > 1:
        notes.append(T.TIMED_OUT_MANY.format(count=result.timed_out_cells))
    if result.open_items == 1:
        notes.append(T.OPEN_ONE)
    elif result.open_items > 1:
        notes.append(T.OPEN_MANY.format(count=result.open_items))
    return " ".join(notes)


def rows(report: AutogradeReport) -> list[tuple[str, str, str, str, str]]:
    """Per learner: (learner, status, Dutch status label, score text, note)."""
    table = []
    for result in report.results:
        score = (
            T.SCORE.format(score=number(result.score), max_score=number(result.max_score))
            if result.score is not None
            else "-"
        )
        table.append((result.learner, result.status, LABELS[result.status], score, note(result)))
    return table


def summary(report: AutogradeReport) -> list[str]:
    """The totals line, and what to do when something failed."""
    lines = [
        T.SUMMARY.format(
            graded=len(report.graded),
            failed=len(report.failed),
            skipped=len(report.skipped),
            seconds=number(report.seconds),
            workers=report.workers,
        )
    ]
    return [*lines, T.RETRY_HINT] if report.failed else lines
