"""Uitdeelpakket: an assignment handed out without a JupyterHub, opened on the start page.

``trainer uitdelen`` (:mod:`grading.handout`) makes a zip per learner and one for the group:
the released assignment as ``<assignment>/…`` (no hidden tests, no rubric), a manifest
``uitdeelpakket.json`` (assignment id, learner id or ``""``, course id, time made) and a
Dutch instruction. The learner clicks **Opdracht openen** on the start page and chooses
the file; :func:`open_package` unpacks it into ``opdrachten/<assignment>/`` of the workspace.

The package is checked before anything is written: it must be a zip with the manifest,
every member must lie inside ``<assignment>/`` (no absolute paths, ``..``, hidden files
or symlinks), and sizes are limited (the zip, each file, the whole). Files are first
unpacked into a temporary folder next to the target and then moved in one by one; an
answers file the learner already has is never replaced, so opening a newer package (after
the trainer fixed something) keeps every answer.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

import ipywidgets as widgets
from IPython.display import display

from course.answers import ANSWERS_SUFFIX
from course.handin import MANIFEST as HANDIN_MANIFEST
from course.handin import is_valid_learner_id, store_learner_id, stored_learner_id
from course.messages import HandoutText as T
from course.workspace import ASSIGNMENTS_DIR, assignment_notebook, workspace_root

MANIFEST = "uitdeelpakket.json"
INSTRUCTION = "LEESMIJ - zo open je de opdracht.txt"
KIND = "opdracht"
MAX_PACKAGE_BYTES = 50 * 1024 * 1024
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_FILES = 500
ASSIGNMENT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class HandoutError(ValueError):
    """The package cannot be opened; the message is Dutch, for the learner."""


@dataclass
class OpenedAssignment:
    """An assignment that was opened: where it is and what was kept as it was."""

    assignment: str
    folder: Path
    notebook: Path | None
    learner: str = ""
    kept: list[str] = field(default_factory=list)


def manifest_for(assignment: str, learner: str = "", course: str = "") -> dict[str, object]:
    """The manifest the trainer's side writes into every package."""
    return {
        "soort": KIND,
        "assignment": assignment,
        "learner": learner,
        "course": course,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "version": 1,
    }


def _read_manifest(archive: zipfile.ZipFile, name: str) -> tuple[str, str]:
    names = set(archive.namelist())
    if MANIFEST not in names:
        if HANDIN_MANIFEST in names:
            raise HandoutError(T.IS_HANDIN.format(name=name))
        raise HandoutError(T.NOT_A_HANDOUT.format(name=name))
    try:
        manifest = json.loads(archive.read(MANIFEST)[:100_000].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise HandoutError(T.NOT_A_HANDOUT.format(name=name)) from None
    if not isinstance(manifest, dict) or manifest.get("soort") != KIND:
        raise HandoutError(T.NOT_A_HANDOUT.format(name=name))
    assignment = manifest.get("assignment")
    learner = manifest.get("learner") or ""
    if not isinstance(assignment, str) or not ASSIGNMENT_ID.fullmatch(assignment):
        raise HandoutError(T.NOT_A_HANDOUT.format(name=name))
    if not isinstance(learner, str) or (learner and not is_valid_learner_id(learner)):
        raise HandoutError(T.NOT_A_HANDOUT.format(name=name))
    return assignment, learner


def _members(archive: zipfile.ZipFile, assignment: str, name: str) -> list[zipfile.ZipInfo]:
    """The files to unpack, every one checked; :class:`HandoutError` on anything unsafe."""
    files, total = [], 0
    for info in archive.infolist():
        if info.filename in (MANIFEST, INSTRUCTION) or info.is_dir():
            continue
        path = PurePosixPath(info.filename)
        parts = path.parts
        mode = info.external_attr >> 16
        unsafe = (
            "\\" in info.filename
            or path.is_absolute()
            or len(parts) < 2
            or parts[0] != assignment
            or any(part in ("", ".", "..") or part.startswith(".") for part in parts)
            or stat.S_ISLNK(mode)
            or ":" in info.filename
        )
        if unsafe:
            raise HandoutError(T.UNSAFE.format(name=name, member=info.filename))
        total += info.file_size
        if info.file_size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES or len(files) >= MAX_FILES:
            raise HandoutError(T.TOO_BIG.format(name=name))
        files.append(info)
    if not any(
        len(PurePosixPath(i.filename).parts) == 2 and i.filename.endswith(".ipynb") for i in files
    ):
        raise HandoutError(T.NOT_A_HANDOUT.format(name=name))
    return files


def _extract(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, name: str) -> None:
    """Write one member, never more bytes than it claims (a zip can lie about its sizes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with archive.open(info) as source, target.open("wb") as out:
        while chunk := source.read(1024 * 1024):
            written += len(chunk)
            if written > info.file_size or written > MAX_FILE_BYTES:
                raise HandoutError(T.TOO_BIG.format(name=name))
            out.write(chunk)


def open_package(
    package: bytes | Path, root: Path | None = None, name: str | None = None
) -> OpenedAssignment:
    """Unpack a hand-out package into ``root/opdrachten/<assignment>/``; return what opened.

    ``package`` is the zip itself (bytes, as the upload button gives it) or its path.
    Raises :class:`HandoutError` (Dutch) and then writes nothing into the workspace.
    """
    if isinstance(package, Path):
        name = name or package.name
        try:
            if package.stat().st_size > MAX_PACKAGE_BYTES:
                raise HandoutError(T.TOO_BIG.format(name=name))
            package = package.read_bytes()
        except OSError as error:
            raise HandoutError(T.FAILED.format(reason=error.strerror or error)) from None
    name = name or "opdracht.zip"
    if len(package) > MAX_PACKAGE_BYTES:
        raise HandoutError(T.TOO_BIG.format(name=name))
    root = Path(root) if root is not None else workspace_root()
    try:
        with zipfile.ZipFile(io.BytesIO(package)) as archive:
            assignment, learner = _read_manifest(archive, name)
            members = _members(archive, assignment, name)
            kept = _unpack(archive, members, root, assignment, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise HandoutError(T.NOT_A_ZIP.format(name=name)) from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise HandoutError(T.DAMAGED.format(name=name)) from None
    except OSError as error:
        raise HandoutError(T.FAILED.format(reason=error.strerror or error)) from None
    if learner and not stored_learner_id():
        store_learner_id(learner)  # "Inleveren" then knows the learner id already
    folder = root / ASSIGNMENTS_DIR / assignment
    return OpenedAssignment(
        assignment, folder, assignment_notebook(assignment, root), learner, kept
    )


def _unpack(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], root: Path, assignment: str, name: str
) -> list[str]:
    """Unpack into a temporary folder, then move in; return the answers files kept as they were."""
    base = root / ASSIGNMENTS_DIR
    base.mkdir(parents=True, exist_ok=True)
    folder = base / assignment
    kept = sorted(p.name for p in folder.glob(f"*{ANSWERS_SUFFIX}")) if folder.is_dir() else []
    scratch = Path(tempfile.mkdtemp(prefix=".openen-", dir=base))
    try:
        for info in members:
            _extract(archive, info, scratch / info.filename, name)
        for info in members:
            target = base / info.filename
            if target.name.endswith(ANSWERS_SUFFIX) and target.exists():
                continue  # the learner's answers are never replaced
            if target.is_symlink() or target.is_dir():
                raise HandoutError(T.UNSAFE.format(name=name, member=info.filename))
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(scratch / info.filename, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return kept


def _status(lines: list[str], extra_html: str = "") -> str:
    body = "<br>".join(html.escape(line) for line in lines)
    return f'<div class="sp-open-status" role="status">{body}{extra_html}</div>'


def opened_html(result: OpenedAssignment, root: Path) -> str:
    """The status after opening: ready, what was kept, and a link to the assignment page."""
    lines = [T.READY.format(assignment=result.assignment)]
    if result.kept:
        lines.append(T.KEPT)
    link = ""
    if result.notebook is not None:
        href = html.escape(result.notebook.relative_to(root).as_posix())
        label = html.escape(T.OPEN_LINK.format(assignment=result.assignment))
        link = f'<br><a class="sp-nav-link sp-open-link" href="{href}">{label}</a>'
    return _status(lines, link)


# The upload button always shows how many files it holds ("Opdracht openen (0)"): the
# page shows only the label.
_BUTTON_STYLE = (
    "<style>.sp-open-button { font-size: 0 !important; } .sp-open-button::after "
    f'{{ content: "{T.BUTTON}"; font-size: 1rem; }}</style>'
)


def build_open_widget(root: Path | None = None) -> widgets.VBox:
    """The "Opdracht openen" button: choose the zip, it opens, a link to the page appears."""
    upload = widgets.FileUpload(
        accept=".zip",
        multiple=False,
        description=T.BUTTON,
        icon="",
        tooltip=T.BUTTON,
        button_style="primary",
        layout=widgets.Layout(width="max-content"),
    )
    upload.add_class("sp-open-button")
    status = widgets.HTML(_status([]))

    def on_upload(change):
        files = change["new"]
        if not files:
            return
        chosen = files[0]
        status.value = _status([T.BUSY])
        here = Path(root) if root is not None else workspace_root()
        try:
            result = open_package(bytes(chosen["content"]), here, name=chosen["name"])
        except HandoutError as error:
            status.value = _status([str(error)])
        else:
            status.value = opened_html(result, here)
        upload.value = ()  # the same file may be chosen again

    upload.observe(on_upload, names="value")
    box = widgets.VBox([widgets.HTML(_BUTTON_STYLE), upload, status])
    box.add_class("sp-open")
    return box


def open_widget(root: Path | None = None) -> None:
    """Show the "Opdracht openen" button (the start page's cell)."""
    display(build_open_widget(root))
