"""Release and collect assignments through nbgrader's exchange (one machine or a JupyterHub).

The exchange is a folder that trainer and learners can all reach; the cohort's config names
it (``grading.cohort.write_config(root, exchange=...)``). The trainer releases
(``generate_assignment`` then ``release_assignment``) and later collects; a learner's own
nbgrader config points to the same exchange and course id (``write_learner_config``), and
the learner fetches and submits from JupyterLab's *Assignments* tab or the command line.

On one machine every learner may run under the same OS account, so the learner config takes
the learner id from the environment variable ``SLEUTELPERSONEN_DEELNEMER``
(``CourseDirectory.student_id``); without it nbgrader uses the OS user name, which is what a
JupyterHub wants (there every learner is a hub user with their own account).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import click
from nbgrader.api import Gradebook

from grading import NBGRADER_CONFIG
from grading.cohort import CONFIG_NAME, cohort_option, gradebook_url
from grading.learners import course_id
from grading.messages import ExchangeText
from grading.nbgrader_cli import NbgraderError, run
from grading.source import ensure_source

T = ExchangeText

LEARNER_ENV = "SLEUTELPERSONEN_DEELNEMER"


def _config_value(root: Path, key: str) -> str | None:
    path = Path(root) / CONFIG_NAME
    if not path.is_file():
        raise click.ClickException(T.NO_COHORT.format(root=root, config=CONFIG_NAME))
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(f"{key} ") or line.startswith(f"{key}="):
            return str(ast.literal_eval(line.split("=", 1)[1].strip()))
    return None


def exchange_dir(root: Path) -> Path:
    """The exchange folder named in the cohort's config (a Dutch error when there is none)."""
    value = _config_value(root, "c.Exchange.root")
    if not value:
        raise click.ClickException(T.NO_EXCHANGE)
    return Path(value)


def source_dir(root: Path) -> Path:
    """The cohort's source folder (its filled-in copy of the assignments)."""
    return Path(_config_value(root, "c.CourseDirectory.source_directory") or root / "source")


def _check_assignment(root: Path, assignment: str) -> None:
    ensure_source(root, assignment)
    source = source_dir(root)
    known = sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))
    if assignment not in known:
        raise click.ClickException(
            T.UNKNOWN_ASSIGNMENT.format(assignment=assignment, known=", ".join(known))
        )


def _nbgrader(root: Path, step: str, assignment: str, *args: str) -> None:
    try:
        run(root, step, assignment, *args)
    except NbgraderError as error:
        raise click.ClickException(
            T.FAILED.format(step=step, assignment=assignment, output=error.output[-2000:])
        ) from None


def release(root: Path, assignment: str, again: bool = False) -> Path:
    """Generate the learners' version of ``assignment`` and put it in the exchange.

    Returns the released folder in the exchange. ``again`` overwrites an earlier release.
    """
    root = Path(root).resolve()
    exchange = exchange_dir(root)
    _check_assignment(root, assignment)
    outbound = exchange / course_id(root) / "outbound" / assignment
    if outbound.exists() and not again:
        raise click.ClickException(T.ALREADY_RELEASED.format(assignment=assignment))
    force = ("--force",) if again else ()
    _nbgrader(root, "generate_assignment", assignment, "--create", *force)
    _nbgrader(root, "release_assignment", assignment, *force)
    return outbound


@dataclass(frozen=True)
class Collected:
    """One learner's submission after ``collect``."""

    learner: str
    status: str  # "new", "updated" or "same"
    known: bool  # the learner is in the gradebook

    def line(self) -> str:
        text = {"new": T.NEW, "updated": T.UPDATED, "same": T.SAME}[self.status]
        if not self.known:
            text = f"{text}; {T.UNKNOWN_LEARNER}"
        return T.LINE.format(learner=self.learner, status=text)


def _timestamps(root: Path, assignment: str) -> dict[str, str]:
    stamps = {}
    for folder in sorted((root / "submitted").glob(f"*/{assignment}")):
        stamp = folder / "timestamp.txt"
        stamps[folder.parent.name] = stamp.read_text().strip() if stamp.is_file() else ""
    return stamps


def collect(root: Path, assignment: str) -> list[Collected]:
    """Copy the newest submission of every learner from the exchange to ``submitted/``."""
    root = Path(root).resolve()
    exchange = exchange_dir(root)
    _check_assignment(root, assignment)
    inbound = exchange / course_id(root) / "inbound"
    submitted = {p.name.split("+", 1)[0] for p in inbound.glob(f"*+{assignment}+*")}
    if not submitted:
        return []
    before = _timestamps(root, assignment)
    _nbgrader(root, "collect", assignment, "--update")
    after = _timestamps(root, assignment)
    with Gradebook(gradebook_url(root), course_id(root)) as gradebook:
        students = {student.id for student in gradebook.students}
    result = []
    for learner in sorted(submitted):
        if learner not in after:
            continue
        if learner not in before:
            status = "new"
        elif before[learner] != after[learner]:
            status = "updated"
        else:
            status = "same"
        result.append(Collected(learner, status, learner in students))
    return result


def write_learner_config(
    folder: Path,
    exchange: Path,
    course: str = "sleutelpersonen",
    cache: Path | None = None,
) -> Path:
    """Write a learner's ``nbgrader_config.py`` (in the folder where they work) for the exchange.

    The learner id comes from ``$SLEUTELPERSONEN_DEELNEMER`` when it is set, else nbgrader
    uses the OS user name (JupyterHub). ``cache`` is nbgrader's record of what was submitted
    (default: in Jupyter's data folder).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        "import os",
        "c = get_config()",
        f"load_subconfig({str(NBGRADER_CONFIG)!r})",
        f"c.Exchange.root = {str(Path(exchange).resolve())!r}",
        f"c.CourseDirectory.course_id = {course!r}",
        f"_learner = os.environ.get({LEARNER_ENV!r}, '').strip()",
        "if _learner:",
        "    c.CourseDirectory.student_id = _learner",
    ]
    if cache is not None:
        lines.append(f"c.Exchange.cache = {str(Path(cache).resolve())!r}")
    path = folder / CONFIG_NAME
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


_COHORT = cohort_option()


@click.command("uitdelen")
@click.argument("opdracht")
@_COHORT
@click.option("--opnieuw", is_flag=True, help="Deel een opdracht die al is uitgedeeld opnieuw uit.")
def release_command(opdracht: str, cohort: Path, opnieuw: bool) -> None:
    """Deel een opdracht uit via de uitwisselmap."""
    release(cohort, opdracht, again=opnieuw)
    click.echo(T.RELEASED.format(assignment=opdracht))


@click.command("ophalen")
@click.argument("opdracht")
@_COHORT
def collect_command(opdracht: str, cohort: Path) -> None:
    """Haal de ingeleverde opdrachten op uit de uitwisselmap."""
    results = collect(cohort, opdracht)
    if not results:
        click.echo(T.NOTHING_TO_COLLECT.format(assignment=opdracht))
        return
    click.echo(T.COLLECTED.format(assignment=opdracht, count=len(results)))
    for item in results:
        click.echo(item.line())
