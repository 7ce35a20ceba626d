"""Release and collect assignments through nbgrader's exchange (one machine or a JupyterHub).

The exchange is a folder that trainer and learners can all reach; the cohort's config names
it (``trainer nieuw MAP --uitwisseling UITWISSELMAP``). The trainer releases
(``generate_assignment`` then ``release_assignment``) and later collects; a learner's own
nbgrader config points to the same exchange and course id (``write_learner_config``), and
the learner fetches and submits from the learner pages, JupyterLab's *Assignments* tab or
the command line.

On one machine every learner may run under the same OS account, so the learner config takes
the learner id from the environment variable ``SLEUTELPERSONEN_DEELNEMER``
(``CourseDirectory.student_id``); without it nbgrader uses the OS user name, which is what a
JupyterHub wants (there every learner is a hub user with their own account).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from grading import NBGRADER_CONFIG
from grading.cohort import CONFIG_NAME, Cohort
from grading.errors import TrainerError
from grading.messages import ExchangeText as T
from grading.nbgrader_cli import NbgraderError, run
from grading.source import ensure_source, known_assignments

LEARNER_ENV = "SLEUTELPERSONEN_DEELNEMER"


class ExchangeError(TrainerError):
    """A release or collect cannot be done; the message says why, in Dutch."""


def _check_assignment(cohort: Cohort, assignment: str) -> None:
    ensure_source(cohort, assignment)
    known = known_assignments(cohort)
    if assignment not in known:
        raise ExchangeError(
            T.UNKNOWN_ASSIGNMENT.format(assignment=assignment, known=", ".join(known))
        )


def _nbgrader(root: Path, step: str, assignment: str, *args: str) -> None:
    try:
        run(root, step, assignment, *args)
    except NbgraderError as error:
        raise ExchangeError(
            T.FAILED.format(step=step, assignment=assignment, output=error.output[-2000:])
        ) from None


def release(root: Path, assignment: str, again: bool = False) -> Path:
    """Generate the learners' version of ``assignment`` and put it in the exchange.

    Returns the released folder in the exchange. ``again`` overwrites an earlier release.
    """
    cohort = Cohort(root)
    exchange = cohort.require_exchange()
    _check_assignment(cohort, assignment)
    outbound = exchange / cohort.course_id / "outbound" / assignment
    if outbound.exists() and not again:
        raise ExchangeError(T.ALREADY_RELEASED.format(assignment=assignment))
    force = ("--force",) if again else ()
    _nbgrader(cohort.root, "generate_assignment", assignment, "--create", *force)
    _nbgrader(cohort.root, "release_assignment", assignment, *force)
    return outbound


@dataclass(frozen=True)
class Collected:
    """One learner's submission after ``collect``."""

    learner: str
    status: str  # "new", "updated" or "same"
    known: bool  # the learner is in the gradebook

    def line(self) -> str:
        """The Dutch line the trainer reads for this learner."""
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
    from nbgrader.api import Gradebook

    cohort = Cohort(root)
    exchange = cohort.require_exchange()
    _check_assignment(cohort, assignment)
    inbound = exchange / cohort.course_id / "inbound"
    submitted = {p.name.split("+", 1)[0] for p in inbound.glob(f"*+{assignment}+*")}
    if not submitted:
        return []
    before = _timestamps(cohort.root, assignment)
    _nbgrader(cohort.root, "collect", assignment, "--update")
    after = _timestamps(cohort.root, assignment)
    with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
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


def collect_lines(root: Path, assignment: str) -> list[str]:
    """``trainer ophalen``: collect, and the Dutch lines that say what came in."""
    results = collect(root, assignment)
    if not results:
        return [T.NOTHING_TO_COLLECT.format(assignment=assignment)]
    lines = [T.COLLECTED.format(assignment=assignment, count=len(results))]
    return lines + [item.line() for item in results]


def release_line(root: Path, assignment: str, again: bool = False) -> str:
    """``trainer uitdelen``: release, and the Dutch line that says so."""
    release(root, assignment, again=again)
    return T.RELEASED.format(assignment=assignment)


def write_learner_config(
    folder: Path,
    exchange: Path,
    course: str = "sleutelpersonen",
    cache: Path | None = None,
) -> Path:
    """Write a learner's ``nbgrader_config.py`` (in the folder where they work) for the exchange.

    The learner id comes from ``$SLEUTELPERSONEN_DEELNEMER`` when it is set, else nbgrader
    uses the OS user name (JupyterHub). ``cache`` is nbgrader's record of what was submitted
    (default: in Jupyter's data folder). With a learner id from the environment each learner
    gets their own folder in it: nbgrader's ``fetch_feedback`` takes every submission in the
    cache, so learners who share one OS account would otherwise get each other's feedback.
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
        f"_cache = {str(Path(cache).resolve()) if cache is not None else None!r}",
        "if _learner:",
        "    from jupyter_core.paths import jupyter_data_dir",
        "    c.CourseDirectory.student_id = _learner",
        "    _shared = _cache or os.path.join(jupyter_data_dir(), 'nbgrader_cache')",
        "    c.Exchange.cache = os.path.join(_shared, 'deelnemers', _learner)",
        "elif _cache:",
        "    c.Exchange.cache = _cache",
    ]
    path = folder / CONFIG_NAME
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
