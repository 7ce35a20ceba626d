"""Read a folder of inleverpakketten (zips made by ``course.handin``) into a cohort.

Every zip is checked before anything is written: the learner must be in the gradebook, the
package must be for this assignment, readable, not too big, and hold no path that escapes
the folder (``..``, absolute paths, symlinks). Of several packages of one learner the newest
is used. An accepted package is unpacked into a temporary folder inside the cohort, gets
nbgrader's ``timestamp.txt`` (the time the learner made it, in the exchange's format) and is
then moved into ``submitted/<learner>/<assignment>/`` in one step, so nothing is ever
partially unpacked. A submission that is replaced by a newer package is moved to
``vervangen/`` in the cohort, not deleted::

    for report in import_packages(root, "module-1", Path("~/Downloads/inleveringen")):
        print(report.package, report.status, report.reason)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import click
from nbgrader.api import Gradebook
from nbgrader.utils import parse_utc

from course.handin import MANIFEST, MAX_FILE_BYTES, is_valid_learner_id
from grading.cohort import CONFIG_NAME, cohort_option, gradebook_url
from grading.exchange import source_dir
from grading.learners import course_id
from grading.messages import HandinImportText
from grading.source import ensure_source

T = HandinImportText

MAX_ZIP_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_MANIFEST_BYTES = 64 * 1024
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S.%f %Z"  # nbgrader's Exchange.timestamp_format
REPLACED_DIR = "vervangen"
JUNK = {"__MACOSX", ".ipynb_checkpoints", "__pycache__"}


@dataclass
class PackageReport:
    """What happened to one file of the folder."""

    package: str
    learner: str | None
    status: str  # "accepted", "skipped" or "rejected"
    reason: str
    files: int = 0


@dataclass
class _Candidate:
    path: Path
    learner: str
    created: datetime  # aware, UTC
    entries: list[tuple[zipfile.ZipInfo, str]] = field(default_factory=list)


class _Rejected(Exception):
    def __init__(self, reason: str, learner: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.learner = learner


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _local(moment: datetime) -> str:
    """A moment as the trainer reads it: local time, day first."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M")


def _from_filename(name: str, assignment: str) -> tuple[str | None, str | None]:
    """(learner, assignment) from ``<learner>_<assignment>.zip`` (a browser may add " (1)")."""
    stem = re.sub(r"\s*\(\d+\)$", "", name[: -len(".zip")]).strip()
    if stem.endswith(f"_{assignment}") and len(stem) > len(assignment) + 1:
        return stem[: -len(assignment) - 1], assignment
    if "_" in stem:
        learner, other = stem.rsplit("_", 1)
        return learner, other
    return None, None


def _read_manifest(archive: zipfile.ZipFile) -> dict | None:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        return None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _Rejected(T.BAD_MANIFEST)
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except (ValueError, zipfile.BadZipFile, OSError):
        raise _Rejected(T.BAD_MANIFEST) from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key), str) for key in ("learner", "assignment", "created")
    ):
        raise _Rejected(T.BAD_MANIFEST)
    return data


def _safe_parts(info: zipfile.ZipInfo) -> list[str]:
    """The path parts of a zip entry; rejects absolute paths, ``..`` and symlinks."""
    name = info.filename
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        raise _Rejected(T.ABSOLUTE.format(name=name))
    parts = [part for part in normal.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise _Rejected(T.ESCAPES.format(name=name))
    if stat.S_ISLNK(info.external_attr >> 16):
        raise _Rejected(T.SYMLINK.format(name=name))
    return parts


def _entries(archive: zipfile.ZipFile, assignment: str) -> list[tuple[zipfile.ZipInfo, str]]:
    """The files to unpack, each with its path inside the submission folder."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _Rejected(T.TOO_MANY.format(count=len(infos), limit=MAX_ENTRIES))
    files: list[tuple[zipfile.ZipInfo, list[str]]] = []
    total = 0
    for info in infos:
        parts = _safe_parts(info)  # every entry, also those we skip, must be safe
        if info.flag_bits & 0x1:
            raise _Rejected(T.ENCRYPTED)
        if info.is_dir() or not parts or info.filename == MANIFEST:
            continue
        if any(part.startswith(".") or part in JUNK for part in parts):
            continue
        if info.file_size > MAX_FILE_BYTES:
            raise _Rejected(
                T.TOO_BIG_FILE.format(
                    name=info.filename,
                    size=_mb(info.file_size),
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                )
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _Rejected(T.TOO_BIG_TOTAL.format(limit=MAX_TOTAL_BYTES // 1024 // 1024))
        files.append((info, parts))
    # The package holds the folder itself (``<assignment>/…``); a hand-made zip may not.
    tops = {parts[0] for _info, parts in files}
    if len(tops) == 1 and all(len(parts) > 1 for _info, parts in files):
        files = [(info, parts[1:]) for info, parts in files]
    result: list[tuple[zipfile.ZipInfo, str]] = []
    seen: set[str] = set()
    for info, parts in files:
        relative = "/".join(parts)
        if relative.lower() in seen:
            raise _Rejected(T.DOUBLE_ENTRY.format(name=relative))
        seen.add(relative.lower())
        result.append((info, relative))
    return result


def _inspect(path: Path, assignment: str, notebooks: set[str], known: dict[str, str]) -> _Candidate:
    size = path.stat().st_size
    if size > MAX_ZIP_BYTES:
        raise _Rejected(T.TOO_BIG_ZIP.format(size=_mb(size), limit=MAX_ZIP_BYTES // 1024 // 1024))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
        raise _Rejected(T.CORRUPT.format(reason=error)) from None
    with archive:
        manifest = _read_manifest(archive)
        if manifest:
            learner, found = manifest["learner"].strip(), manifest["assignment"].strip()
            try:
                created = datetime.fromisoformat(manifest["created"])
            except ValueError:
                raise _Rejected(T.BAD_MANIFEST) from None
            if created.tzinfo is None:
                created = created.replace(tzinfo=UTC)
        else:
            learner, found = _from_filename(path.name, assignment)
            created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        if learner is None:
            raise _Rejected(
                T.UNKNOWN_NAME.format(learner=T.LEARNER_PLACEHOLDER, assignment=assignment)
            )
        if found != assignment:
            raise _Rejected(T.WRONG_ASSIGNMENT.format(found=found, assignment=assignment), learner)
        gradebook_id = known.get(learner.lower()) if is_valid_learner_id(learner) else None
        if gradebook_id is None:
            raise _Rejected(T.UNKNOWN_LEARNER.format(learner=learner), learner)
        try:
            entries = _entries(archive, assignment)
        except _Rejected as rejected:
            rejected.learner = gradebook_id
            raise
        present = {relative for _info, relative in entries if "/" not in relative}
        if not notebooks & present:
            raise _Rejected(
                T.NO_NOTEBOOK.format(assignment=assignment, expected=", ".join(sorted(notebooks))),
                gradebook_id,
            )
    return _Candidate(path, gradebook_id, created.astimezone(UTC), entries)


def _unpack(candidate: _Candidate, target: Path) -> None:
    """Unpack into ``target`` (a fresh folder); a CRC error raises ``_Rejected``."""
    try:
        with zipfile.ZipFile(candidate.path) as archive:
            for info, relative in candidate.entries:
                destination = target / relative
                if not destination.resolve().is_relative_to(target.resolve()):
                    raise _Rejected(T.ESCAPES.format(name=info.filename))
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as source, open(destination, "wb") as out:
                    shutil.copyfileobj(source, out, 1024 * 1024)
                if destination.suffix == ".ipynb" and not _is_notebook(destination):
                    raise _Rejected(T.BAD_NOTEBOOK.format(name=relative))
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise _Rejected(T.CORRUPT.format(reason=error)) from None


def _is_notebook(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return False
    return isinstance(data, dict) and isinstance(data.get("cells"), list)


def _existing_timestamp(folder: Path) -> datetime | None:
    stamp = folder / "timestamp.txt"
    if not stamp.is_file():
        return None
    try:
        value = parse_utc(stamp.read_text(encoding="utf-8").strip())
    except (ValueError, OverflowError):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _expected_notebooks(root: Path, assignment: str) -> set[str]:
    ensure_source(root, assignment)
    for folder in (root / "release" / assignment, source_dir(root) / assignment):
        names = {path.name for path in folder.glob("*.ipynb")}
        if names:
            return names
    raise click.ClickException(T.UNKNOWN_ASSIGNMENT.format(assignment=assignment))


def import_packages(root: Path, assignment: str, folder: Path) -> list[PackageReport]:
    """Import every inleverpakket in ``folder`` for ``assignment``; one report per file."""
    root = Path(root).resolve()
    folder = Path(folder)
    if not (root / CONFIG_NAME).is_file():
        raise click.ClickException(T.NO_COHORT.format(root=root, config=CONFIG_NAME))
    if not folder.is_dir():
        raise click.ClickException(T.NO_FOLDER.format(folder=folder))
    notebooks = _expected_notebooks(root, assignment)
    with Gradebook(gradebook_url(root), course_id(root)) as gradebook:
        known = {student.id.lower(): student.id for student in gradebook.students}

    reports: list[PackageReport] = []
    candidates: list[_Candidate] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() != ".zip":
            reports.append(PackageReport(path.name, None, "rejected", T.NOT_A_ZIP))
            continue
        try:
            candidates.append(_inspect(path, assignment, notebooks, known))
        except _Rejected as rejected:
            learner = rejected.learner or _from_filename(path.name, assignment)[0]
            reports.append(PackageReport(path.name, learner, "rejected", rejected.reason))

    newest: dict[str, _Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (c.created, c.path.name), reverse=True):
        if candidate.learner not in newest:
            newest[candidate.learner] = candidate
            continue
        kept = newest[candidate.learner]
        reason = T.DUPLICATE.format(
            learner=candidate.learner,
            other=kept.path.name,
            when=_local(kept.created),
        )
        reports.append(PackageReport(candidate.path.name, candidate.learner, "rejected", reason))

    for candidate in newest.values():
        reports.append(_place(root, assignment, candidate))
    order = {path.name: index for index, path in enumerate(sorted(folder.iterdir()))}
    return sorted(reports, key=lambda report: order.get(report.package, 0))


def _place(root: Path, assignment: str, candidate: _Candidate) -> PackageReport:
    name, learner = candidate.path.name, candidate.learner
    destination = root / "submitted" / learner / assignment
    existing = _existing_timestamp(destination) if destination.is_dir() else None
    if existing is not None and existing == candidate.created:
        return PackageReport(name, learner, "skipped", T.SAME)
    if existing is not None and existing > candidate.created:
        when = _local(existing)
        return PackageReport(
            name, learner, "skipped", T.OLDER.format(learner=learner, existing=when)
        )
    work = Path(tempfile.mkdtemp(prefix=".inleverpakket-", dir=root))
    backup = None
    try:
        unpacked = work / assignment
        unpacked.mkdir()
        _unpack(candidate, unpacked)
        stamp = candidate.created.strftime(TIMESTAMP_FORMAT)
        (unpacked / "timestamp.txt").write_text(stamp, encoding="utf-8")
        if destination.exists():
            old = _existing_timestamp(destination)
            label = old.strftime("%Y%m%d-%H%M%S") if old else "zonder-tijd"
            backup = root / REPLACED_DIR / assignment / f"{learner}_{label}"
            counter = 1
            while backup.exists():
                counter += 1
                backup = backup.with_name(f"{learner}_{label}-{counter}")
            backup.parent.mkdir(parents=True, exist_ok=True)
            os.replace(destination, backup)
        destination.parent.mkdir(parents=True, exist_ok=True)
        os.replace(unpacked, destination)
    except _Rejected as rejected:
        return PackageReport(name, learner, "rejected", rejected.reason)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    files = len(candidate.entries)
    if backup is not None:
        reason = T.REPLACED.format(files=files, backup=backup.relative_to(root))
    else:
        reason = T.ACCEPTED.format(files=files)
    return PackageReport(name, learner, "accepted", reason, files)


def report_table(reports: list[PackageReport]) -> str:
    """The reports as a plain-text table for the terminal."""
    rows = [T.HEADER] + [
        (r.package, r.learner or "-", T.STATUS[r.status], r.reason) for r in reports
    ]
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
    count = {status: sum(r.status == status for r in reports) for status in T.STATUS}
    return T.SUMMARY.format(
        accepted=count["accepted"],
        total=len(reports),
        rejected=count["rejected"],
        skipped=count["skipped"],
    )


@click.command("importeer-pakketten")
@click.argument("opdracht")
@click.argument("map", type=click.Path(file_okay=False, path_type=Path))
@cohort_option()
def import_packages_command(opdracht: str, map: Path, cohort: Path) -> None:
    """Lees een map met inleverpakketten (zip-bestanden) in voor een opdracht."""
    reports = import_packages(cohort, opdracht, map)
    if not reports:
        click.echo(T.NOTHING.format(folder=map))
        return
    click.echo(report_table(reports))
    click.echo(summary(reports))
