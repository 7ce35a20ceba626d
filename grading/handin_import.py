"""Read a folder of inleverpakketten (zips made by ``course.handin``) into a cohort.

Each file is judged on its own (:mod:`grading.handin_zip`): the learner must be in the
gradebook, the package must be for this assignment, readable, not too big, and hold no path
that escapes the folder. Any error in one file, a damaged zip or corrupted compressed data
included, refuses only that file with a Dutch reason; every other file is still read.

Of one learner's packages the newest that unpacks cleanly is used: a newer package that is
broken is refused with its own reason and the next older one is tried, so a broken upload
never costs a learner their submission. Older packages after the one used are skipped and
say which package was used. An accepted package is unpacked into a temporary folder inside
the cohort, gets nbgrader's ``timestamp.txt`` (the time the learner made it, in the
exchange's format) and is then moved into ``submitted/<learner>/<assignment>/`` in one step,
so nothing is ever partially unpacked. A submission that is replaced by a newer package is
moved to ``vervangen/`` in the cohort and kept for ``learner_data.REPLACED_DAYS`` days (each
import removes older ones; see :mod:`grading.learner_data`). An answers file that is missing, empty
or damaged is flagged ("LET OP") in the table::

    for report in import_packages(root, "module-1", Path("~/Downloads/inleveringen")):
        print(report.package, report.status, report.reason)
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.handin_zip import Candidate, Rejected, from_filename, inspect, unpack
from grading.learner_data import REPLACED_DAYS, REPLACED_DIR, mark_replaced, purge_replaced
from grading.messages import HandinImportText as T
from grading.source import ensure_source
from grading.submission import answers_problem

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"  # nbgrader's Exchange.timestamp_format


class HandinImportError(TrainerError):
    """The folder or the assignment cannot be read at all (not one package)."""


@dataclass
class PackageReport:
    """What happened to one file of the folder."""

    package: str
    learner: str | None
    status: str  # "accepted", "skipped" or "rejected"
    reason: str
    files: int = 0
    warning: str = ""  # Dutch: an accepted package whose answers file needs a look


def _local(moment: datetime) -> str:
    """A moment as the trainer reads it: local time, day first."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def _existing_timestamp(folder: Path) -> datetime | None:
    from nbgrader.utils import parse_utc

    stamp = folder / "timestamp.txt"
    if not stamp.is_file():
        return None
    try:
        value = parse_utc(stamp.read_text(encoding="utf-8").strip())
    except (ValueError, OverflowError):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _expected_notebooks(cohort: Cohort, assignment: str) -> set[str]:
    ensure_source(cohort, assignment)
    for folder in (cohort.root / "release" / assignment, cohort.source_dir / assignment):
        names = {path.name for path in folder.glob("*.ipynb")}
        if names:
            return names
    raise HandinImportError(T.UNKNOWN_ASSIGNMENT.format(assignment=assignment))


def _judge(path: Path, assignment: str, notebooks: set[str], known: dict[str, str]):
    """A ``Candidate`` for a package that passes inspection, else its ``PackageReport``."""
    guessed = from_filename(path.name, assignment)[0] if path.suffix.lower() == ".zip" else None
    try:
        if path.suffix.lower() != ".zip":
            raise Rejected(T.NOT_A_ZIP)
        return inspect(path, assignment, notebooks, known)
    except Rejected as rejected:
        return PackageReport(path.name, rejected.learner or guessed, "rejected", rejected.reason)
    except Exception as error:  # noqa: BLE001 - one strange file never stops the others
        reason = T.UNEXPECTED.format(error=type(error).__name__)
        return PackageReport(path.name, guessed, "rejected", reason)


def import_packages(root: Path, assignment: str, folder: Path) -> list[PackageReport]:
    """Import every inleverpakket in ``folder`` for ``assignment``; one report per file."""
    from nbgrader.api import Gradebook

    cohort = Cohort(root)
    folder = Path(folder)
    if not folder.is_dir():
        raise HandinImportError(T.NO_FOLDER.format(folder=folder))
    notebooks = _expected_notebooks(cohort, assignment)
    with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
        known = {student.id.lower(): student.id for student in gradebook.students}

    files = [p for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")]
    reports: list[PackageReport] = []
    by_learner: dict[str, list[Candidate]] = defaultdict(list)
    for path in files:
        judged = _judge(path, assignment, notebooks, known)
        if isinstance(judged, PackageReport):
            reports.append(judged)
        else:
            by_learner[judged.learner].append(judged)

    for packages in by_learner.values():
        used: Candidate | None = None
        for candidate in sorted(packages, key=lambda c: (c.created, c.path.name), reverse=True):
            if used is not None:
                reports.append(_superseded(candidate, used))
                continue
            report = _place(cohort, assignment, candidate, notebooks)
            reports.append(report)
            if report.status == "accepted":
                used = candidate
    order = {path.name: index for index, path in enumerate(files)}
    return sorted(reports, key=lambda report: order.get(report.package, 0))


def _superseded(candidate: Candidate, used: Candidate) -> PackageReport:
    reason = T.SUPERSEDED.format(other=used.path.name, when=_local(used.created))
    return PackageReport(candidate.path.name, candidate.learner, "skipped", reason)


def _place(cohort: Cohort, assignment: str, candidate: Candidate, notebooks: set[str]):
    """Unpack ``candidate`` and make it the learner's submission (or say why not)."""
    name, learner = candidate.path.name, candidate.learner
    destination = cohort.folder("submitted", learner, assignment)
    existing = _existing_timestamp(destination) if destination.is_dir() else None
    if existing is not None and existing == candidate.created:
        return PackageReport(name, learner, "skipped", T.SAME)
    if existing is not None and existing > candidate.created:
        when = _local(existing)
        return PackageReport(
            name, learner, "skipped", T.OLDER.format(learner=learner, existing=when)
        )
    work = Path(tempfile.mkdtemp(prefix=".inleverpakket-", dir=cohort.root))
    try:
        unpacked = work / assignment
        unpacked.mkdir()
        unpack(candidate, unpacked)
        warning = answers_problem(unpacked, {n for n in notebooks if (unpacked / n).is_file()})
        stamp = candidate.created.strftime(TIMESTAMP_FORMAT)
        (unpacked / "timestamp.txt").write_text(stamp, encoding="utf-8")
        backup = _keep_old(cohort, destination, learner, assignment)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(unpacked, destination)
    except Rejected as rejected:
        return PackageReport(name, learner, "rejected", rejected.reason)
    except Exception as error:  # noqa: BLE001 - reported for this package only
        return PackageReport(
            name, learner, "rejected", T.UNEXPECTED.format(error=type(error).__name__)
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = len(candidate.entries)
    if backup is not None:
        reason = T.REPLACED.format(files=files, backup=backup.relative_to(cohort.root))
    else:
        reason = T.ACCEPTED.format(files=files)
    if warning:
        reason = f"{reason}; {warning}"
    return PackageReport(name, learner, "accepted", reason, files, warning or "")


def _keep_old(cohort: Cohort, destination: Path, learner: str, assignment: str) -> Path | None:
    """Move an earlier submission to ``vervangen/``; return where it went."""
    if not destination.exists():
        return None
    old = _existing_timestamp(destination)
    label = old.strftime("%Y%m%d-%H%M%S") if old else "zonder-tijd"
    backup = cohort.root / REPLACED_DIR / assignment / f"{learner}_{label}"
    counter = 1
    while backup.exists():
        counter += 1
        backup = backup.with_name(f"{learner}_{label}-{counter}")
    backup.parent.mkdir(parents=True, exist_ok=True)
    os.replace(destination, backup)
    mark_replaced(backup)
    return backup


def _status(report: PackageReport) -> str:
    text = T.STATUS[report.status]
    return f"{text}, {T.WARNING}" if report.warning else text


def report_table(reports: list[PackageReport]) -> str:
    """The reports as a plain-text table for the terminal."""
    rows = [T.HEADER] + [(r.package, r.learner or "-", _status(r), r.reason) for r in reports]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = []
    for row in rows:
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True))
            + "  "
            + row[3]
        )
    return "\n".join(line.rstrip() for line in lines)


def summary(reports: list[PackageReport]) -> str:
    """One Dutch line: how many packages were read, refused and skipped."""
    count = {status: sum(r.status == status for r in reports) for status in T.STATUS}
    line = T.SUMMARY.format(
        accepted=count["accepted"],
        total=len(reports),
        rejected=count["rejected"],
        skipped=count["skipped"],
    )
    warnings = sum(bool(r.warning) for r in reports)
    return f"{line} {T.WARNINGS.format(count=warnings)}" if warnings else line


def import_lines(root: Path, assignment: str, folder: Path) -> list[str]:
    """``trainer importeer-pakketten``: import, and the table and summary the trainer reads."""
    reports = import_packages(root, assignment, folder)
    purged = purge_replaced(Cohort(root))
    cleaned = [T.PURGED.format(count=len(purged), days=REPLACED_DAYS)] if purged else []
    if not reports:
        return [T.NOTHING.format(folder=folder), *cleaned]
    return [report_table(reports), summary(reports), *cleaned]
