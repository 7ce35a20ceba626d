"""The text learners read: markdown of course and assignment notebooks and practice files."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from pathlib import Path

from conftest import ASSIGNMENTS, COURSE


def notebooks() -> list[Path]:
    """Every committed course and assignment notebook."""
    found = list(COURSE.rglob("*.ipynb")) + list(ASSIGNMENTS.rglob("*.ipynb"))
    return sorted(p for p in found if ".ipynb_checkpoints" not in p.parts)


def markdown_cells(path: Path, learner_only: bool = True) -> Iterator[tuple[int, str]]:
    """(index, text) of the markdown cells; trainer-only rubric cells skipped by default."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "markdown":
            continue
        if learner_only and cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue
        source = cell["source"]
        yield index, "".join(source) if isinstance(source, list) else source


def practice_texts(path: Path) -> Iterator[str]:
    """Questions, options, hints and explanations of a practice file."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    for question in data.get("questions", []):
        yield question.get("question", "")
        yield from (str(option) for option in question.get("options", []))
        yield question.get("hint", "")
        yield question.get("explanation", "")


def learner_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text a learner reads in notebooks and practice files."""
    for path in notebooks():
        for index, text in markdown_cells(path):
            yield f"{path.name} cel {index}", text
    for path in sorted(COURSE.rglob("*.oefenvragen.toml")):
        for text in practice_texts(path):
            yield path.name, text
