"""Inleverpakket: hand in an assignment without a JupyterHub.

The learner clicks one button in the start notebook; the assignment folder is zipped into
``<learner-id>_<assignment>.zip`` next to that folder, and the learner sends the file to the
trainer. The trainer reads a folder of such zips with ``grading.handin_import``.

Nothing private goes in: the learner's data folder (``learner_home()``) is never inside an
assignment folder, symlinks are never followed, and hidden files, ``.ipynb_checkpoints``,
``__pycache__``, nbgrader's ``feedback`` folder and files over 20 MB are left out. The zip
holds the folder as ``<assignment>/…`` plus a small manifest (``inleverpakket.json``: learner
id, assignment, time made in UTC). The learner id is typed once and kept in
``learner_home() / "inleveren.json"``::

    result = make_handin(Path("proefopdracht"), "karim")
    result.path  # …/karim_proefopdracht.zip
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course.answers import ANSWERS_SUFFIX
from course.messages import HandinText
from course.messages.app import AppText
from course.storage import JsonStore, learner_home
from course.workspace import is_inside, workspace_root

T = HandinText

MANIFEST = "inleverpakket.json"
SETTINGS_FILE = "inleveren.json"
MAX_FILE_BYTES = 20 * 1024 * 1024
# A learner id must be usable as a folder name and in nbgrader's exchange ("+" is its separator).
LEARNER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
SKIPPED_DIRS = {".ipynb_checkpoints", "__pycache__"}
SKIPPED_TOP_DIRS = {"feedback"}  # nbgrader fetch_feedback puts feedback here


class HandinError(ValueError):
    """The package cannot be made; the message is Dutch, for the learner."""


def is_valid_learner_id(learner: str) -> bool:
    """Whether ``learner`` can be an nbgrader student id (and a folder and file name)."""
    return bool(LEARNER_ID.fullmatch(learner))


def package_name(learner: str, assignment: str) -> str:
    """``<learner-id>_<assignment>.zip``."""
    return f"{learner}_{assignment}.zip"


def _settings() -> JsonStore:
    return JsonStore(learner_home() / SETTINGS_FILE)


def stored_learner_id() -> str:
    """The learner id typed earlier, or ``""``."""
    value = _settings().load().get("learner", "")
    return value if isinstance(value, str) else ""


def store_learner_id(learner: str) -> None:
    """Remember the learner id in the learner's private folder."""
    _settings().update("learner", learner)


def _is_assignment_folder(folder: Path) -> bool:
    """A folder with a notebook that carries nbgrader cell metadata."""
    for notebook in folder.glob("*.ipynb"):
        try:
            if '"nbgrader"' in notebook.read_text(encoding="utf-8", errors="replace"):
                return True
        except OSError:
            continue
    return False


def default_bases() -> list[Path]:
    """Where fetched assignments live: the notebook's folder, its parent (Jupyter's root
    folder when the course is started with ``make start``) and the home folder."""
    cwd = Path.cwd()
    return [cwd, cwd.parent, Path.home()]


def find_assignment_folders(bases: list[Path] | None = None) -> list[Path]:
    """Assignment folders directly inside ``bases`` (never the learner's private folder)."""
    home = learner_home()
    found: dict[Path, None] = {}
    for base in bases if bases is not None else default_bases():
        try:
            children = sorted(p for p in base.iterdir() if p.is_dir() and not p.is_symlink())
        except OSError:
            continue
        for child in children:
            if child.name.startswith((".", "_")) or child.name == "course":
                continue
            if is_inside(child, home) or is_inside(home, child):
                continue
            if _is_assignment_folder(child):
                found.setdefault(child.resolve(), None)
    return list(found)


@dataclass
class HandinResult:
    """A package that was made: where it is, what went in, what was left out as too big."""

    path: Path
    files: list[str] = field(default_factory=list)
    too_big: list[str] = field(default_factory=list)


def package_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(files to pack, files left out because they are too big), relative to ``folder``.

    Skips hidden files and folders, checkpoints, caches, nbgrader's feedback folder,
    symlinks and anything inside the learner's private folder.
    """
    home = learner_home()
    included: list[Path] = []
    too_big: list[Path] = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        here = Path(current)
        top = here == folder
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and d not in SKIPPED_DIRS
            and not (top and d in SKIPPED_TOP_DIRS)
            and not (here / d).is_symlink()
            and not is_inside(here / d, home)
        )
        for name in sorted(files):
            path = here / name
            if name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            if is_inside(path, home):
                continue
            if path.stat().st_size > MAX_FILE_BYTES:
                too_big.append(path.relative_to(folder))
            else:
                included.append(path.relative_to(folder))
    return included, too_big


def make_handin(
    folder: Path,
    learner: str,
    out_dir: Path | None = None,
    now: datetime | None = None,
) -> HandinResult:
    """Zip the assignment ``folder`` into ``<learner>_<folder name>.zip``; return the result.

    The zip is written next to the folder (or into ``out_dir``) in one step: an existing
    package is replaced only by a complete new one. Raises ``HandinError`` (Dutch).
    """
    learner = learner.strip()
    if not learner:
        raise HandinError(T.NO_ID)
    if not is_valid_learner_id(learner):
        raise HandinError(T.BAD_ID.format(learner=learner))
    folder = Path(folder)
    if not folder.is_dir():
        raise HandinError(T.NO_FOLDER.format(folder=folder))
    folder = folder.resolve()
    home = learner_home()
    if is_inside(folder, home) or is_inside(home, folder):
        raise HandinError(T.PRIVATE_FOLDER.format(folder=folder))
    if not any(folder.glob("*.ipynb")):
        raise HandinError(T.NO_NOTEBOOK.format(folder=folder))
    assignment = folder.name
    files, too_big = package_files(folder)
    target_dir = Path(out_dir) if out_dir is not None else folder.parent
    target = target_dir / package_name(learner, assignment)
    created = (now or datetime.now(UTC)).astimezone(UTC)
    manifest = {
        "learner": learner,
        "assignment": assignment,
        "created": created.isoformat(timespec="microseconds"),
        "version": 1,
    }
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target_dir)
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
                for relative in files:
                    archive.write(folder / relative, f"{assignment}/{relative.as_posix()}")
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise HandinError(T.FAILED.format(reason=error.strerror or error)) from error
    return HandinResult(target, [p.as_posix() for p in files], [p.as_posix() for p in too_big])


def exchange_course(cwd: Path | None = None) -> str | None:
    """The course id of the nbgrader exchange this learner hands in to, or ``None``.

    Read from the page's folder, the workspace and the Jupyter config path, as nbgrader
    reads its ``nbgrader_config.py``. An exchange counts only when its course inbox
    exists: on a laptop without a JupyterHub there is none, and the learner makes an
    inleverpakket instead.
    """
    from course.exchange_fetch import learner_nbgrader_config

    try:
        config = learner_nbgrader_config(Path(cwd or Path.cwd()))
    except Exception:  # a broken config file means: no usable exchange
        return None
    course = config.CourseDirectory.get("course_id", "")
    root = config.get("Exchange", {}).get("root", "/srv/nbgrader/exchange")
    if course and (Path(root) / course / "inbound").is_dir():
        return course
    return None


def submit_to_exchange(folder: Path, course: str, timeout: float = 120) -> None:
    """Hand ``folder`` in through nbgrader's exchange as the current user.

    nbgrader's own output (English) goes to ``inleveren.log`` in the learner's folder;
    the learner gets a Dutch ``HandinError`` when it fails.
    """
    folder = Path(folder).resolve()
    command = [
        sys.executable,
        "-m",
        "nbgrader",
        "submit",
        folder.name,
        f"--course={course}",
        f"--Exchange.assignment_dir={folder.parent}",
    ]
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    try:
        done = subprocess.run(
            command,
            cwd=workspace_root(folder),  # where the learner's nbgrader_config.py is
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        output, failed = done.stdout + done.stderr, done.returncode != 0
    except (OSError, subprocess.TimeoutExpired) as error:
        output, failed = str(error), True
    log = learner_home() / "inleveren.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} {folder.name}\n{output}\n")
    except OSError:
        pass
    if failed:
        raise HandinError(AppText.SUBMIT_FAILED.format(reason=log))


def _message(lines: list[str]) -> str:
    return "<br>".join(html.escape(line) for line in lines)


def handin_widget(bases: list[Path] | None = None) -> None:
    """Show the "Maak mijn inleverpakket" form (the start notebook's cell)."""
    display(build_handin_widget(bases))


def build_handin_widget(bases: list[Path] | None = None) -> widgets.VBox:
    """The "Maak mijn inleverpakket" form: learner id, assignment, one button."""
    folders = find_assignment_folders(bases)
    learner = widgets.Text(
        value=stored_learner_id(),
        description=T.ID_LABEL,
        placeholder=T.ID_PLACEHOLDER,
        style={"description_width": "initial"},
    )
    choice = widgets.Dropdown(
        options=[(folder.name, str(folder)) for folder in folders],
        description=T.ASSIGNMENT_LABEL,
        style={"description_width": "initial"},
    )
    button = widgets.Button(
        description=T.BUTTON,
        icon="file-archive-o",
        button_style="primary",
        layout=widgets.Layout(width="max-content"),
        disabled=not folders,
    )
    status = widgets.HTML(
        f'<span role="status">{_message([T.NO_ASSIGNMENTS]) if not folders else ""}</span>'
    )

    def on_click(_button):
        status.value = f'<span role="status">{html.escape(T.BUSY)}</span>'
        try:
            typed = learner.value.strip()
            result = make_handin(Path(choice.value), typed)
        except HandinError as error:
            status.value = f'<span role="status">{_message([str(error)])}</span>'
            return
        store_learner_id(typed)
        lines = [
            T.READY.format(name=result.path.name),
            T.WHERE.format(folder=result.path.parent),
            T.FILE_COUNT_ONE
            if len(result.files) == 1
            else T.FILE_COUNT.format(count=len(result.files)),
        ]
        if not any(name.endswith(ANSWERS_SUFFIX) for name in result.files):
            lines.append(T.NO_ANSWERS)
        if result.too_big:
            lines.append(T.LEFT_OUT_BIG.format(files=", ".join(result.too_big)))
        lines.append(T.SEND)
        status.value = f'<span role="status">{_message(lines)}</span>'

    button.on_click(on_click)
    box = widgets.VBox([learner, choice, button, status])
    box.add_class("sp-handin")
    return box
