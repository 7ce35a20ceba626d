"""Committed notebooks: no outputs, locked where learners must not type, setup as agreed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ASSIGNMENTS, COURSE, ROOT

ALL_NOTEBOOKS = sorted(
    p
    for p in ROOT.rglob("*.ipynb")
    if not any(part.startswith(".") for part in p.relative_to(ROOT).parts)
    and "test-artifacts" not in p.parts
)
COURSE_NOTEBOOKS = [p for p in ALL_NOTEBOOKS if COURSE in p.parents]
ASSIGNMENT_NOTEBOOKS = [p for p in ALL_NOTEBOOKS if ASSIGNMENTS in p.parents]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _ids(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_there_are_notebooks():
    assert COURSE_NOTEBOOKS and ASSIGNMENT_NOTEBOOKS
    assert (COURSE / "00-start-hier.ipynb") in COURSE_NOTEBOOKS


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=_ids)
def test_committed_without_outputs(path):
    for cell in _cells(path):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None


@pytest.mark.parametrize("path", COURSE_NOTEBOOKS, ids=_ids)
def test_lesson_cells_are_locked_and_code_is_collapsed(path):
    """Learners read lessons and click widgets: no cell is editable, code is collapsed."""
    for cell in _cells(path):
        assert cell["metadata"].get("editable") is False, _source(cell)[:60]
        if cell["cell_type"] == "code":
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True


@pytest.mark.parametrize("path", ASSIGNMENT_NOTEBOOKS, ids=_ids)
def test_assignment_setup_cell_is_hidden_locked_and_minimal(path):
    """Is the first code cell a hidden, locked cell that runs %xmode Minimal?"""
    setup = next(cell for cell in _cells(path) if cell["cell_type"] == "code")
    assert "%xmode Minimal" in _source(setup)
    assert setup["metadata"]["nbgrader"]["locked"] is True
    assert setup["metadata"]["jupyter"]["source_hidden"] is True


@pytest.mark.parametrize("path", ASSIGNMENT_NOTEBOOKS, ids=_ids)
def test_assignment_cells_follow_the_answering_rules(path):
    """Widget and test cells are locked; open answers are markdown with points; ids unique."""
    grade_ids = []
    for cell in _cells(path):
        meta = cell["metadata"].get("nbgrader")
        assert meta, f"cell without nbgrader metadata: {_source(cell)[:60]}"
        grade_ids.append(meta["grade_id"])
        if meta.get("solution"):
            assert cell["cell_type"] == "markdown", "learners never type code"
            assert meta.get("grade") and meta.get("points", 0) > 0
        else:
            assert meta.get("locked") is True
        if meta.get("grade") and cell["cell_type"] == "code":
            assert "BEGIN HIDDEN TESTS" in _source(cell) and meta.get("points", 0) > 0
    assert len(grade_ids) == len(set(grade_ids))
