"""A cohort's own assignment sources, filled in for the course year it was handed out with.

The repository's ``assignments/`` name facts as placeholders (``{{feit:…}}``, see
:mod:`course.factfill`). A cohort gets its own copy in ``<cohort>/source/``, filled in for
the cohort's course year (``cohort.toml``, read by :class:`grading.cohort.Cohort`). That
copy is made the first time an assignment is handed out and never changed afterwards, so
the cohort's grading and feedback keep the answer keys of its year, whatever the course
later teaches.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from grading import ASSIGNMENTS_DIR
from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.messages import SourceText as T


class SourceError(TrainerError):
    """An assignment cannot be filled in (it does not exist, or a fact has no value)."""


def fill_assignment(
    assignment: str, target: Path, year: int, source_dir: Path | None = None
) -> Path:
    """Fill ``source_dir/assignment`` for ``year`` into ``target/assignment`` in one step.

    Raises :class:`SourceError` (Dutch) when the assignment names a fact that has no value
    in ``year``; nothing is written then.
    """
    from course.factfill import FactFillError, fill_tree

    source = (source_dir or ASSIGNMENTS_DIR) / assignment
    if not source.is_dir():
        raise SourceError(T.NO_SOURCE.format(assignment=assignment))
    destination = Path(target) / assignment
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".vullen-") as scratch:
        filled = Path(scratch) / assignment
        try:
            fill_tree(source, filled, year)
        except FactFillError as error:
            raise SourceError(
                T.MISSING_FACTS.format(assignment=assignment, year=year, problems=error)
            ) from None
        if destination.exists():
            shutil.rmtree(destination)
        filled.rename(destination)
    return destination


def ensure_source(cohort: Cohort | Path, assignment: str) -> Path | None:
    """Make the cohort's filled copy of ``assignment`` if it has none; return its folder.

    Does nothing (returns ``None``) for a course root without a recorded year (a root whose
    configuration points elsewhere) or for an assignment the repository does not have.
    """
    if not isinstance(cohort, Cohort):
        cohort = Cohort(cohort)
    if not cohort.has_year or not (ASSIGNMENTS_DIR / assignment).is_dir():
        return None
    destination = cohort.source_dir / assignment
    if any(destination.glob("*.ipynb")):
        return destination
    return fill_assignment(assignment, cohort.source_dir, cohort.year)


def known_assignments(cohort: Cohort) -> list[str]:
    """Assignments the cohort can hand out: its own filled copies and the repository's."""
    folders = [cohort.source_dir, ASSIGNMENTS_DIR]
    return sorted(
        {
            path.name
            for folder in folders
            if folder.is_dir()
            for path in folder.iterdir()
            if path.is_dir() and any(path.glob("*.ipynb"))
        }
    )
