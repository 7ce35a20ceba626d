"""A cohort's own assignment sources, filled in for the course year it was handed out with.

The repository's ``assignments/`` name facts as placeholders (``{{feit:…}}``, see
:mod:`course.factfill`). A cohort gets its own copy in ``<cohort>/source/``, filled in for
the cohort's course year (``cohort.toml``). That copy is made the first time an assignment
is handed out and never changed afterwards, so the cohort's grading and feedback keep the
answer keys of its year, whatever the course later teaches.
"""

from __future__ import annotations

import shutil
import tempfile
import tomllib
from pathlib import Path

import click

from course.factfill import FactFillError, fill_tree
from course.facts import course_year
from grading import ASSIGNMENTS_DIR
from grading.messages import SourceText as T

COHORT_FILE = "cohort.toml"
SOURCE_DIR = "source"


def write_cohort_year(root: Path, year: int | None = None) -> int:
    """Record the cohort's course year (only the first time); return the recorded year."""
    path = Path(root) / COHORT_FILE
    if path.is_file():
        return cohort_year(root)
    year = year or course_year()
    path.write_text(f"# {T.COHORT_FILE_COMMENT}\ncursusjaar = {int(year)}\n", encoding="utf-8")
    return int(year)


def cohort_year(root: Path) -> int:
    """The course year the cohort was made with (the current course year for old cohorts)."""
    path = Path(root) / COHORT_FILE
    if not path.is_file():
        return course_year()
    with path.open("rb") as handle:
        return int(tomllib.load(handle)["cursusjaar"])


def fill_assignment(
    assignment: str, target: Path, year: int, source_dir: Path | None = None
) -> Path:
    """Fill ``source_dir/assignment`` for ``year`` into ``target/assignment`` in one step.

    Raises ``click.ClickException`` (Dutch) when the assignment names a fact that has no
    value in ``year``; nothing is written then.
    """
    source = (source_dir or ASSIGNMENTS_DIR) / assignment
    if not source.is_dir():
        raise click.ClickException(T.NO_SOURCE.format(assignment=assignment))
    destination = Path(target) / assignment
    destination.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".vullen-") as scratch:
        filled = Path(scratch) / assignment
        try:
            fill_tree(source, filled, year)
        except FactFillError as error:
            raise click.ClickException(
                T.MISSING_FACTS.format(assignment=assignment, year=year, problems=error)
            ) from None
        if destination.exists():
            shutil.rmtree(destination)
        filled.rename(destination)
    return destination


def ensure_source(root: Path, assignment: str) -> Path | None:
    """Make the cohort's filled copy of ``assignment`` if it has none; return its folder.

    Does nothing (returns ``None``) for a course root without ``cohort.toml`` (a root whose
    configuration points elsewhere) or for an assignment the repository does not have.
    """
    root = Path(root)
    if not (root / COHORT_FILE).is_file() or not (ASSIGNMENTS_DIR / assignment).is_dir():
        return None
    destination = root / SOURCE_DIR / assignment
    if any(destination.glob("*.ipynb")):
        return destination
    return fill_assignment(assignment, root / SOURCE_DIR, cohort_year(root))
