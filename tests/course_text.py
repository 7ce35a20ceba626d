"""The text learners read: markdown of course and assignment notebooks and practice files."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from conftest import ASSIGNMENTS, COURSE
from course.factfill import fill_notebook, fill_text
from course.facts import course_year, load_facts


def notebooks() -> list[Path]:
    """Every committed course and assignment notebook."""
    found = list(COURSE.rglob("*.ipynb")) + list(ASSIGNMENTS.rglob("*.ipynb"))
    return sorted(p for p in found if ".ipynb_checkpoints" not in p.parts)


def filled_notebook(path: Path) -> dict:
    """The notebook as a learner gets it: facts of the course year filled in."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    return fill_notebook(nb, load_facts(), course_year(), where=path.name)


def markdown_cells(
    path: Path, learner_only: bool = True, filled: bool = True
) -> Iterator[tuple[int, str]]:
    """(index, text) of the markdown cells; trainer-only rubric cells skipped by default.

    ``filled`` gives the text as the learner reads it (facts filled in); without it, the
    text as written, with its ``{{feit:…}}`` placeholders.
    """
    nb = filled_notebook(path) if filled else json.loads(path.read_text(encoding="utf-8"))
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        if learner_only and cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
            continue
        source = cell["source"]
        yield index, "".join(source) if isinstance(source, list) else source


def practice_texts(path: Path, filled: bool = True) -> Iterator[str]:
    """Questions, options, hints and explanations of a practice file (facts filled in)."""
    text = path.read_text(encoding="utf-8")
    if filled:
        text = fill_text(text, where=path.name)
    data = tomllib.loads(text)
    for question in data.get("questions", []):
        yield question.get("question", "")
        yield from (str(option) for option in question.get("options", []))
        yield question.get("hint", "")
        yield question.get("explanation", "")


def learner_texts(filled: bool = True) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text a learner reads in notebooks and practice files."""
    for path in notebooks():
        for index, text in markdown_cells(path, filled=filled):
            yield f"{path.name} cel {index}", text
    for path in sorted(COURSE.rglob("*.oefenvragen.toml")):
        for text in practice_texts(path, filled=filled):
            yield path.name, text


CASE_SPAN = re.compile(r"\{\{\s*casus:[^{}]*\}\}")


def factual_texts() -> Iterator[tuple[str, str]]:
    """(where, text) learners read as fact: fictional cases left out, facts filled in.

    Fiction is a ``{{casus:…}}`` span, a markdown cell tagged ``casus`` or a practice
    question with ``casus = true``.
    """
    for path in notebooks():
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if "casus" in cell.get("metadata", {}).get("tags", []):
                cell["source"] = ""
            else:
                cell["source"] = CASE_SPAN.sub("", "".join(cell["source"]))
        filled = fill_notebook(nb, load_facts(), course_year(), where=path.name)
        for index, cell in enumerate(filled["cells"]):
            if cell["cell_type"] == "markdown" and not cell["metadata"].get("nbgrader", {}).get(
                "solution"
            ):
                yield f"{path.name} cel {index}", cell["source"]
    for path in sorted(COURSE.rglob("*.oefenvragen.toml")):
        text = fill_text(CASE_SPAN.sub("", path.read_text(encoding="utf-8")), where=path.name)
        for question in tomllib.loads(text).get("questions", []):
            if question.get("casus"):
                continue
            for part in ("question", "hint", "explanation"):
                yield path.name, question.get(part, "")
            for option in question.get("options", []):
                yield path.name, str(option)
