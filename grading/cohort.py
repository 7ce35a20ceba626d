"""A cohort is an nbgrader course root outside the repository.

Its ``source/`` holds the assignments filled in for the cohort's course year (see
:mod:`grading.source`); ``cohort.toml`` records that year.
"""

from __future__ import annotations

from pathlib import Path

import click

from grading import NBGRADER_CONFIG
from grading.source import SOURCE_DIR, write_cohort_year

CONFIG_NAME = "nbgrader_config.py"


def write_config(
    root: Path,
    db_url: str | None = None,
    exchange: Path | None = None,
    course_id: str = "sleutelpersonen",
    year: int | None = None,
) -> Path:
    """Create (or overwrite) the cohort's ``nbgrader_config.py``; return its path.

    ``db_url`` selects the gradebook (default: SQLite ``gradebook.db`` in the root; a
    ``postgresql+psycopg://…`` URL for multi-trainer use). ``exchange`` is the nbgrader
    exchange folder shared with learners on one machine or a JupyterHub. ``year`` is the
    cohort's course year (default: the course year now); a cohort keeps its first year.
    """
    root = root.resolve()
    root.mkdir(parents=True, exist_ok=True)
    write_cohort_year(root, year)
    lines = [
        "c = get_config()",
        f"load_subconfig({str(NBGRADER_CONFIG)!r})",
        f"c.CourseDirectory.root = {str(root)!r}",
        f"c.CourseDirectory.source_directory = {str(root / SOURCE_DIR)!r}",
        f"c.CourseDirectory.course_id = {course_id!r}",
    ]
    if db_url:
        lines.append(f"c.CourseDirectory.db_url = {db_url!r}")
    if exchange is not None:
        lines.append(f"c.Exchange.root = {str(Path(exchange).resolve())!r}")
    path = root / CONFIG_NAME
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gradebook_url(root: Path) -> str:
    """The gradebook URL of a cohort (reads ``db_url`` from its config, else the SQLite file)."""
    text = (root / CONFIG_NAME).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("c.CourseDirectory.db_url"):
            return line.split("=", 1)[1].strip().strip("'\"")
    return f"sqlite:///{(root / 'gradebook.db').resolve()}"


def cohort_option(name: str = "cohort"):
    """The ``--cohort`` option every trainer command shares (default: the current folder)."""
    return click.option(
        "--cohort",
        name,
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        show_default=True,
        help="De cohortmap (met nbgrader_config.py).",
    )
