"""The learner's workspace: the folder the learner's Jupyter server shows.

It holds the lessons, the start page and *released* assignments — never source
assignments, hidden tests, ``tests/`` or solutions — and lives outside the repository
(``~/sleutelpersonen`` unless ``$SLEUTELPERSONEN_WERKMAP`` says otherwise)::

    ~/sleutelpersonen/
        00-start-hier.ipynb                  lessons: replaced by every course update
        module-1-bureaucratie/01-….ipynb
        module-1-bureaucratie/01-….antwoorden.json   the learner's answers: never touched
        opdrachten/module-1/opdracht-module-1.ipynb  released assignments

Lesson notebooks and practice files are written with the facts of the course year filled
in (``{{feit:…}}`` placeholders, see :mod:`course.factfill`).

Learner work (answers files, progress, private tools) survives a course update: an update
only writes lesson notebooks and practice files, which hold no learner data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from course import COURSE_DIR
from course.factfill import fill_lesson, fill_text
from course.facts import course_year

WORKSPACE_ENV = "SLEUTELPERSONEN_WERKMAP"
START_PAGE = "00-start-hier.ipynb"
ASSIGNMENTS_DIR = "opdrachten"
# What a lesson needs beside its notebook; everything else comes from the installed package.
LESSON_PATTERNS = ("*.ipynb", "*.oefenvragen.toml")
LESSON_DIRS = ("", "actualiteiten", "module-*")


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies below it (symlinks resolved)."""
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


def default_workspace() -> Path:
    """``$SLEUTELPERSONEN_WERKMAP`` or ``~/sleutelpersonen``."""
    return Path(os.environ.get(WORKSPACE_ENV) or Path.home() / "sleutelpersonen").expanduser()


def workspace_root(start: Path | None = None) -> Path:
    """The workspace a page runs in: the folder above (or at) ``start`` with the start page.

    Pages run with their own folder as working folder (Voilà and JupyterLab alike).
    """
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / START_PAGE).is_file():
            return folder
    configured = os.environ.get(WORKSPACE_ENV)
    return Path(configured).resolve() if configured else here


def lesson_files(course_dir: Path = COURSE_DIR) -> list[Path]:
    """Lesson notebooks and practice files of the course, relative to ``course_dir``."""
    found: set[Path] = set()
    for pattern in LESSON_DIRS:
        folders = [course_dir] if not pattern else sorted(course_dir.glob(pattern))
        for folder in folders:
            if not folder.is_dir():
                continue
            for file_pattern in LESSON_PATTERNS:
                found.update(p.relative_to(course_dir) for p in folder.glob(file_pattern))
    return sorted(found)


def lesson_content(source: Path, year: int | None = None) -> bytes:
    """What a lesson file becomes in the workspace: the facts of the course year filled in."""
    if source.suffix == ".ipynb":
        nb = json.loads(source.read_text(encoding="utf-8"))
        filled = fill_lesson(nb, year, where=source.name)
        return (json.dumps(filled, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    text = source.read_text(encoding="utf-8")
    return fill_text(text, year, where=source.name).encode("utf-8")


def update_lessons(root: Path, course_dir: Path = COURSE_DIR) -> list[Path]:
    """Write every lesson file into ``root``; return the files that were new or changed.

    Facts of the course year are filled in (:mod:`course.factfill`). Each file is written
    atomically. Files the learner made (answers, progress, private data, released
    assignments) are never touched.
    """
    changed = []
    year = course_year()
    for relative in lesson_files(course_dir):
        content = lesson_content(course_dir / relative, year)
        target = root / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.nieuw")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        changed.append(relative)
    return changed


def assignment_notebook(assignment_id: str, root: Path | None = None) -> Path | None:
    """The released notebook of ``assignment_id`` in the workspace, or ``None``.

    Looks in ``opdrachten/<id>/`` (hand-out packages and self-study) and in ``<id>/``
    (where nbgrader's exchange fetches to by default).
    """
    root = root or workspace_root()
    for folder in (root / ASSIGNMENTS_DIR / assignment_id, root / assignment_id):
        notebooks = (
            sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
            if folder.is_dir()
            else []
        )
        if notebooks:
            return notebooks[0]
    return None
