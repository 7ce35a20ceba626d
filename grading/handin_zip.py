"""One inleverpakket (a zip made by ``course.handin``), judged on its own.

``inspect`` reads the package's manifest (or its file name) and its list of files without
unpacking: whose it is, for which assignment, when it was made, and that every path stays
inside the folder (no ``..``, absolute paths or symlinks), nothing is encrypted and nothing
is too big. ``unpack`` then writes the files into a fresh folder and checks each notebook.
Every problem, a damaged zip or corrupted compressed data included, raises ``Rejected``
with a Dutch reason; nothing else escapes.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from course.handin import MANIFEST, MAX_FILE_BYTES, is_valid_learner_id
from grading.messages import HandinImportText as T

MAX_ZIP_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_MANIFEST_BYTES = 64 * 1024
JUNK = {"__MACOSX", ".ipynb_checkpoints", "__pycache__"}
# What reading a damaged zip can raise: a bad directory or CRC, a truncated or corrupted
# deflate stream, an unknown compression method.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def from_filename(name: str, assignment: str) -> tuple[str | None, str | None]:
    """(learner, assignment) from ``<learner>_<assignment>.zip`` (a browser may add " (1)")."""
    stem = re.sub(r"\s*\(\d+\)$", "", name[: -len(".zip")]).strip()
    if stem.endswith(f"_{assignment}") and len(stem) > len(assignment) + 1:
        return stem[: -len(assignment) - 1], assignment
    if "_" in stem:
        learner, other = stem.rsplit("_", 1)
        return learner, other
    return None, None


def _damaged(error: BaseException, name: str | None = None) -> Rejected:
    """A Dutch reason for a zip that cannot be read (``name``: the file inside, if known)."""
    if isinstance(error, NotImplementedError):
        return Rejected(T.UNSUPPORTED)
    if name is None:
        return Rejected(T.CORRUPT)
    return Rejected(T.CORRUPT_FILE.format(name=name))


@dataclass
class Candidate:
    """A package that passed ``inspect``: whose, when made, and the files to unpack."""

    path: Path
    learner: str
    created: datetime  # aware, UTC
    entries: list[tuple[zipfile.ZipInfo, str]] = field(default_factory=list)


class Rejected(Exception):
    """The package is refused; ``reason`` says why, in Dutch."""

    def __init__(self, reason: str, learner: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.learner = learner


def _read_manifest(archive: zipfile.ZipFile) -> dict | None:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        return None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise Rejected(T.BAD_MANIFEST)
    try:
        data = json.loads(archive.read(info).decode("utf-8"))
    except ZIP_ERRORS:
        raise Rejected(T.BAD_MANIFEST) from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(key), str) for key in ("learner", "assignment", "created")
    ):
        raise Rejected(T.BAD_MANIFEST)
    return data


def _safe_parts(info: zipfile.ZipInfo) -> list[str]:
    """The path parts of a zip entry; rejects absolute paths, ``..`` and symlinks."""
    name = info.filename
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"^[A-Za-z]:", normal):
        raise Rejected(T.ABSOLUTE.format(name=name))
    parts = [part for part in normal.split("/") if part not in ("", ".")]
    if ".." in parts:
        raise Rejected(T.ESCAPES.format(name=name))
    if stat.S_ISLNK(info.external_attr >> 16):
        raise Rejected(T.SYMLINK.format(name=name))
    return parts


def _entries(archive: zipfile.ZipFile, assignment: str) -> list[tuple[zipfile.ZipInfo, str]]:
    """The files to unpack, each with its path inside the submission folder."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise Rejected(T.TOO_MANY.format(count=len(infos), limit=MAX_ENTRIES))
    files: list[tuple[zipfile.ZipInfo, list[str]]] = []
    total = 0
    for info in infos:
        parts = _safe_parts(info)  # every entry, also those we skip, must be safe
        if info.flag_bits & 0x1:
            raise Rejected(T.ENCRYPTED)
        if info.is_dir() or not parts or info.filename == MANIFEST:
            continue
        if any(part.startswith(".") or part in JUNK for part in parts):
            continue
        if info.file_size > MAX_FILE_BYTES:
            raise Rejected(
                T.TOO_BIG_FILE.format(
                    name=info.filename,
                    size=_mb(info.file_size),
                    limit=MAX_FILE_BYTES // 1024 // 1024,
                )
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise Rejected(T.TOO_BIG_TOTAL.format(limit=MAX_TOTAL_BYTES // 1024 // 1024))
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
            raise Rejected(T.DOUBLE_ENTRY.format(name=relative))
        seen.add(relative.lower())
        result.append((info, relative))
    return result


def inspect(path: Path, assignment: str, notebooks: set[str], known: dict[str, str]) -> Candidate:
    size = path.stat().st_size
    if size > MAX_ZIP_BYTES:
        raise Rejected(T.TOO_BIG_ZIP.format(size=_mb(size), limit=MAX_ZIP_BYTES // 1024 // 1024))
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_ERRORS as error:
        raise _damaged(error) from None
    with archive:
        manifest = _read_manifest(archive)
        if manifest:
            learner, found = manifest["learner"].strip(), manifest["assignment"].strip()
            try:
                created = datetime.fromisoformat(manifest["created"])
            except ValueError:
                raise Rejected(T.BAD_MANIFEST) from None
            if created.tzinfo is None:
                created = created.replace(tzinfo=UTC)
        else:
            learner, found = from_filename(path.name, assignment)
            created = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        if learner is None:
            raise Rejected(
                T.UNKNOWN_NAME.format(learner=T.LEARNER_PLACEHOLDER, assignment=assignment)
            )
        if found != assignment:
            raise Rejected(T.WRONG_ASSIGNMENT.format(found=found, assignment=assignment), learner)
        gradebook_id = known.get(learner.lower()) if is_valid_learner_id(learner) else None
        if gradebook_id is None:
            raise Rejected(T.UNKNOWN_LEARNER.format(learner=learner), learner)
        try:
            entries = _entries(archive, assignment)
        except Rejected as rejected:
            rejected.learner = gradebook_id
            raise
        present = {relative for _info, relative in entries if "/" not in relative}
        if not notebooks & present:
            raise Rejected(
                T.NO_NOTEBOOK.format(assignment=assignment, expected=", ".join(sorted(notebooks))),
                gradebook_id,
            )
    return Candidate(path, gradebook_id, created.astimezone(UTC), entries)


def unpack(candidate: Candidate, target: Path) -> None:
    """Unpack into ``target`` (a fresh folder); any damage raises ``Rejected`` (Dutch)."""
    try:
        archive = zipfile.ZipFile(candidate.path)
    except ZIP_ERRORS as error:
        raise _damaged(error) from None
    with archive:
        for info, relative in candidate.entries:
            destination = target / relative
            if not destination.resolve().is_relative_to(target.resolve()):
                raise Rejected(T.ESCAPES.format(name=info.filename))
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                with archive.open(info) as source, open(destination, "wb") as out:
                    shutil.copyfileobj(source, out, 1024 * 1024)
            except ZIP_ERRORS as error:
                raise _damaged(error, info.filename) from None
            if destination.suffix == ".ipynb" and not _is_notebook(destination):
                raise Rejected(T.BAD_NOTEBOOK.format(name=relative))


def _is_notebook(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return False
    return isinstance(data, dict) and isinstance(data.get("cells"), list)
