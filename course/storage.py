"""Small JSON files on the learner's machine: read safely, write atomically, lose nothing.

A file that cannot be read (invalid JSON, wrong shape) is never overwritten: before the
first new write it is moved aside as ``<name>.beschadigd-<time>.json`` so a trainer can
still recover what was in it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


HOME_ENV = "SLEUTELPERSONEN_HOME"


def learner_home() -> Path:
    """The learner's private data folder: ``$SLEUTELPERSONEN_HOME`` or ``~/.sleutelpersonen``.

    Progress, settings and private tools live here, never inside an assignment folder, so
    nothing in it is ever handed in or graded.
    """
    return Path(os.environ.get(HOME_ENV) or Path.home() / ".sleutelpersonen")


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
    """Write ``data`` to ``path`` atomically (a crash leaves the old or the new file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")
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
    ``backup`` names where it was moved once something new had to be saved.
    """

    path: Path
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
        if self._unreadable:
            self.backup = backup_name(self.path)
            os.replace(self.path, self.backup)
            self._unreadable = False
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
        write_object(self.path, data)
