"""A learner's data in a cohort: everything that names them, removing a learner, and how long
replaced hand-ins are kept.

A learner is in the gradebook (name, e-mail, submissions, grades, comments) and in these
folders of the cohort: ``submitted/``, ``autograded/`` and ``feedback/`` (nbgrader's, one
folder per learner), ``vervangen/`` (hand-ins replaced by a newer package), ``uitdelen/``
(their personal hand-out package), ``uitsturen/`` (their feedback file and the record of
what was e-mailed to them), and on a hub the exchange's ``inbound/`` and ``outbound``
copies. :func:`remove_learner` deletes all of it; the gradebook first (one transaction),
then the files, so a second run finishes what an interrupted one started.

Replaced hand-ins are kept :data:`REPLACED_DAYS` days after they were replaced (long enough
to settle a question about a grade), then removed by the next ``importeer-pakketten`` or by
``trainer vervangen-opruimen``.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.messages import LearnerDataText as T
from grading.sendout import SENDOUT_DIR, SENT_FILE, _safe

REPLACED_DIR = "vervangen"
REPLACED_MARK = ".vervangen-op"  # when a hand-in was replaced (ISO time), inside its folder
REPLACED_DAYS = 30
NBGRADER_DIRS = ("submitted", "autograded", "feedback")
HANDOUT_DIR = "uitdelen"


class UnknownLearner(TrainerError):
    """The learner is not in the cohort (not in the gradebook and no files)."""


@dataclass
class Removal:
    """What removing a learner takes away."""

    learner: str
    in_gradebook: bool
    paths: list[Path] = field(default_factory=list)
    sent_records: list[Path] = field(default_factory=list)


def _exchange_paths(cohort: Cohort, learner: str) -> list[Path]:
    exchange = cohort.exchange
    if exchange is None:
        return []
    inbound = exchange / cohort.course_id / "inbound"
    return sorted(inbound.glob(f"{learner}+*")) if inbound.is_dir() else []


def find(cohort: Cohort, learner: str) -> Removal:
    """Everything in the cohort that belongs to ``learner``."""
    from nbgrader.api import Gradebook, MissingEntry

    in_gradebook = False
    if cohort.has_gradebook:
        with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
            try:
                gradebook.find_student(learner)
                in_gradebook = True
            except MissingEntry:
                pass
    found = Removal(learner, in_gradebook)
    root = cohort.root
    found.paths += [
        root / kind / learner for kind in NBGRADER_DIRS if (root / kind / learner).exists()
    ]
    found.paths += sorted((root / REPLACED_DIR).glob(f"*/{learner}_*"))
    tag = f"({_safe(learner)})"
    for folder in (HANDOUT_DIR, SENDOUT_DIR):
        found.paths += sorted(p for p in (root / folder).glob("*/*") if tag in p.name)
    found.paths += _exchange_paths(cohort, learner)
    for record in sorted((root / SENDOUT_DIR).glob(f"*/{SENT_FILE}")):
        if learner in _sent(record):
            found.sent_records.append(record)
    if not in_gradebook and not found.paths and not found.sent_records:
        raise UnknownLearner(T.UNKNOWN.format(learner=learner))
    return found


def _sent(record: Path) -> dict:
    try:
        return json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def remove(cohort: Cohort, found: Removal) -> None:
    """Delete what :func:`find` found: gradebook first, then the files."""
    if found.in_gradebook:
        from nbgrader.api import Gradebook

        with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
            gradebook.remove_student(found.learner)  # with submissions, grades and comments
    for path in found.paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    for record in found.sent_records:
        kept = {k: v for k, v in _sent(record).items() if k != found.learner}
        temporary = record.with_name(f".{record.name}.nieuw")
        temporary.write_text(json.dumps(kept, indent=2, ensure_ascii=False), encoding="utf-8")
        temporary.replace(record)


def removal_preview(root: Path, learner: str) -> list[str]:
    """``trainer deelnemer-verwijderen`` before the question: what will be removed."""
    cohort = Cohort(root)
    found = find(cohort, learner)
    lines = [T.WILL_REMOVE.format(learner=learner)]
    if found.in_gradebook:
        lines.append(T.GRADEBOOK)
    lines += [f"- {_shown(cohort, path)}" for path in found.paths]
    lines += [f"- {_shown(cohort, record)} {T.SENT_ENTRY}" for record in found.sent_records]
    return lines


def _shown(cohort: Cohort, path: Path) -> str:
    """A path as the trainer reads it: inside the cohort relative to it, else in full."""
    return str(path.relative_to(cohort.root) if path.is_relative_to(cohort.root) else path)


def stopped_line() -> str:
    """The answer was not "ja": nothing happened."""
    return T.STOPPED


def removal_line(root: Path, learner: str) -> str:
    """``trainer deelnemer-verwijderen``: remove the learner; the Dutch line that says so."""
    cohort = Cohort(root)
    found = find(cohort, learner)
    remove(cohort, found)
    return T.REMOVED.format(learner=learner, count=len(found.paths) + len(found.sent_records))


def mark_replaced(folder: Path, moment: datetime | None = None) -> None:
    """Record in a replaced hand-in's folder when it was replaced."""
    stamp = (moment or datetime.now(UTC)).isoformat(timespec="seconds")
    (folder / REPLACED_MARK).write_text(stamp, encoding="utf-8")


def _replaced_at(folder: Path) -> datetime:
    try:
        return datetime.fromisoformat((folder / REPLACED_MARK).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return datetime.fromtimestamp(folder.stat().st_mtime, UTC)


def purge_replaced(
    cohort: Cohort, days: int = REPLACED_DAYS, now: datetime | None = None
) -> list[Path]:
    """Remove replaced hand-ins replaced more than ``days`` days ago; return them."""
    limit = (now or datetime.now(UTC)) - timedelta(days=days)
    removed = []
    for folder in sorted((cohort.root / REPLACED_DIR).glob("*/*")):
        if folder.is_dir() and _replaced_at(folder) <= limit:
            shutil.rmtree(folder)
            removed.append(folder)
    return removed


def purge_line(root: Path, days: int = REPLACED_DAYS) -> str:
    """``trainer vervangen-opruimen``: the Dutch line that says how many were removed."""
    if days < 0:
        raise TrainerError(T.BAD_DAYS)
    removed = purge_replaced(Cohort(root), days)
    return T.PURGED.format(count=len(removed), days=days)
