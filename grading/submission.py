"""What a learner's submission folder holds: is there a readable answers file with answers?

Answers are data (``course.answers``): each notebook's widgets save into
``<notebook>.antwoorden.json`` beside it. A submission without that file, with an empty one or
with a damaged one scores (nearly) nothing, and a trainer should hear why before the learner
does. Both the package import and ``nakijken`` use this check.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from grading.messages import SubmissionText as T

ANSWERS_SUFFIX = ".antwoorden.json"  # course.answers.ANSWERS_SUFFIX (that module loads widgets)


def _has_answer(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | dict):
        return bool(value)
    return value is not None


MISSING, EMPTY, DAMAGED = "missing", "empty", "damaged"


def answers_state(folder: Path, notebooks: Iterable[str]) -> tuple[str, str] | None:
    """``(MISSING | EMPTY | DAMAGED, file name)`` for the first answers file that needs a
    look, or ``None`` when every notebook has answers."""
    folder = Path(folder)
    others = sorted(folder.glob(f"*{ANSWERS_SUFFIX}"))
    for notebook in sorted(notebooks):
        path = folder / f"{Path(notebook).stem}{ANSWERS_SUFFIX}"
        if not path.is_file() and len(others) == 1:
            path = others[0]  # a notebook that names its answers differently
        if not path.is_file():
            return MISSING, path.name
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return DAMAGED, path.name
        if not isinstance(data, dict):
            return DAMAGED, path.name
        if not any(_has_answer(value) for value in data.values()):
            return EMPTY, path.name
    return None


def answers_problem(folder: Path, notebooks: Iterable[str]) -> str | None:
    """A Dutch note when a notebook's answers file is missing, damaged or empty; else ``None``."""
    state = answers_state(folder, notebooks)
    if state is None:
        return None
    kind, name = state
    text = {MISSING: T.ANSWERS_MISSING, EMPTY: T.ANSWERS_EMPTY, DAMAGED: T.ANSWERS_DAMAGED}[kind]
    return text.format(file=name)


def is_blank(folder: Path) -> bool:
    """A submission without any saved answer (no answers file, or only empty ones)."""
    folder = Path(folder)
    notebooks = [path.name for path in folder.glob("*.ipynb")]
    state = answers_state(folder, notebooks) if notebooks else None
    return state is not None and state[0] in (MISSING, EMPTY)
