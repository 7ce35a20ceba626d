"""The learner's files: one owner for the learner home, private folders and JSON files.

Small JSON files are read safely and written atomically, and nothing is lost: a file that
cannot be read (invalid JSON, wrong shape) is never overwritten; before the first new write it
is moved aside as ``<name>.beschadigd-<time>.json`` so a trainer can still recover it.

Private tools (energy planner, self-check, self-care plan, hours log, invoices) keep their
files only here: the learner home and every private folder are owner-only (0700) and every
file a tool writes is owner-only (0600), whichever tool is used first::

    store = private_store("zelftest")          # privé/zelftest.json, created on first save
    folder = private_folder("facturen")        # created now, 0700
    write_private_bytes(folder / "x.pdf", data)
    delete_private("zelftest")                 # the tool's files, backups included
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HOME_ENV = "SLEUTELPERSONEN_HOME"
PRIVATE_FOLDER = "privé"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def learner_home() -> Path:
    """The learner's private data folder: ``$SLEUTELPERSONEN_HOME`` or ``~/.sleutelpersonen``.

    Progress, settings and private tools live here, never inside an assignment folder, so
    nothing in it is ever handed in or graded.
    """
    return Path(os.environ.get(HOME_ENV) or Path.home() / ".sleutelpersonen")


def secure_folder(folder: Path) -> Path:
    """Create ``folder`` owner-only (0700); inside the learner home, every folder up to it too.

    The modes are set every time, so a folder made earlier with other permissions (or by an
    older version of a tool) is closed as soon as a private tool uses it.
    """
    folder = Path(folder)
    home = learner_home()
    chain = [folder]
    if folder != home and folder.is_relative_to(home):
        chain = [home, *(home / part for part in _between(home, folder))]
    for path in chain:
        path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):  # some file systems have no permissions
            path.chmod(FOLDER_MODE)
    return folder


def _between(home: Path, folder: Path) -> list[Path]:
    parts = folder.relative_to(home).parts
    return [Path(*parts[: index + 1]) for index in range(len(parts))]


def private_folder(name: str = PRIVATE_FOLDER) -> Path:
    """``learner_home() / name``, created now; both folders owner-only (0700)."""
    return secure_folder(learner_home() / name)


def private_store(stem: str, folder: str = PRIVATE_FOLDER) -> JsonStore:
    """The private JSON file ``<learner home>/<folder>/<stem>.json`` (nothing is created yet)."""
    return JsonStore(learner_home() / folder / f"{stem}.json", private=True)


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` atomically to an owner-only file (0600) in a private folder."""
    secure_folder(path.parent)
    _write_atomic(path, data)


def write_private_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) atomically to an owner-only file (0600) in a private folder."""
    write_private_bytes(path, text.encode("utf-8"))


def private_files(stem: str, folder: Path | None = None) -> list[Path]:
    """Every file of one private tool in ``folder`` (default: the privé folder).

    That is ``<stem>.*`` and ``<stem>-*``: its data, backups, exports and leftover
    temporary files (``.<stem>…``).
    """
    folder = learner_home() / PRIVATE_FOLDER if folder is None else folder
    if not folder.is_dir():
        return []
    prefixes = tuple(f"{dot}{stem}{sep}" for dot in ("", ".") for sep in (".", "-"))
    return sorted(
        path for path in folder.iterdir() if path.is_file() and path.name.startswith(prefixes)
    )


def delete_private(stem: str, folder: Path | None = None) -> list[Path]:
    """Delete every file of one private tool (see ``private_files``); return what was deleted.

    Other tools' files stay. A private folder that is empty afterwards is removed as well
    (never the learner home itself).
    """
    folder = learner_home() / PRIVATE_FOLDER if folder is None else folder
    deleted = []
    for path in private_files(stem, folder):
        path.unlink(missing_ok=True)
        deleted.append(path)
    if folder != learner_home():
        with contextlib.suppress(OSError):
            folder.rmdir()  # only succeeds when the folder is empty
    return deleted


class UnreadableFile(Exception):
    """The JSON file exists but is not a JSON object."""


def read_object(path: Path) -> dict:
    """Return the JSON object stored at ``path``; ``{}`` when the file does not exist.

    Raises ``UnreadableFile`` when the file exists but is not a valid JSON object.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFile(str(error)) from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(str(error)) from error
    if not isinstance(data, dict):
        raise UnreadableFile("top level is not a JSON object")
    return data


def write_object(path: Path, data: dict) -> None:
    """Write ``data`` to ``path`` atomically (a crash leaves the old or the new file).

    The file is owner-only (0600), as every file written here.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    _write_atomic(path, text.encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    # mkstemp creates the file with mode 0600, and os.replace keeps that mode.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def backup_name(path: Path, now: datetime | None = None) -> Path:
    """Name for keeping an unreadable file: ``x.json`` → ``x.beschadigd-20261125-101500.json``."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    candidate = path.with_name(f"{stem}.beschadigd-{stamp}.json")
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{stem}.beschadigd-{stamp}-{counter}.json")
    return candidate


@dataclass
class JsonStore:
    """A JSON object on disk that is re-read before every change.

    Re-reading keeps several widgets (or a kernel restart) from overwriting each
    other's saved values. ``problem`` is set when the file on disk was unreadable;
    ``backup`` names where it was moved once something new had to be saved. A ``private``
    store makes its folder owner-only (``secure_folder``) before every write.
    """

    path: Path
    private: bool = False
    problem: str | None = None
    backup: Path | None = None
    _unreadable: bool = field(default=False, repr=False)

    def load(self) -> dict:
        """Current contents; ``{}`` (and ``problem`` set) when the file is unreadable."""
        try:
            data = read_object(self.path)
        except UnreadableFile as error:
            self.problem = str(error)
            self._unreadable = True
            return {}
        self.problem = None
        self._unreadable = False
        return data

    def update(self, key: str, value) -> None:
        """Set ``key`` to ``value`` (``None`` removes it) and save at once."""
        data = self.load()
        if self.private:
            secure_folder(self.path.parent)
        if self._unreadable:
            self.backup = backup_name(self.path)
            os.replace(self.path, self.backup)
            self._unreadable = False
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
        write_object(self.path, data)
