"""The trainer's rubric next to each open answer in the formgrader.

The rubric of a manually graded answer is the source version of that answer cell
(``assignments/<id>/<notebook>.ipynb``, a markdown cell that starts with
"**Beoordelingsmodel"). nbgrader replaces it by the stub on release and stores the stub,
not the rubric, in the gradebook, so the formgrader never shows it. ``AddRubrics`` runs in
the autograde pipeline and puts a read-only markdown cell with the rubric right before each
manually graded answer in the *autograded* notebook, which is what the formgrader shows.

``AddRubrics`` lives with the other preprocessors (:mod:`grading.preprocessors.rubrics`);
this module reads and shapes the rubrics.

The inserted cells carry ``metadata.sleutelpersonen.trainer_only``; feedback for learners
drops every such cell (``grading.feedback``), so the rubric never reaches a learner.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode, from_dict

from grading.messages import RubricText

METADATA_KEY = "sleutelpersonen"
TRAINER_ONLY = "trainer_only"


def is_trainer_only(cell) -> bool:
    """True for cells meant for trainers only (the inserted rubrics)."""
    return bool(cell.get("metadata", {}).get(METADATA_KEY, {}).get(TRAINER_ONLY))


def is_manually_graded(cell) -> bool:
    """A manually graded answer: an nbgrader solution cell that is also graded, or a task."""
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade") and meta.get("solution")) or bool(meta.get("task"))


def grade_id(cell) -> str | None:
    """The nbgrader grade id of a cell (``None`` for an ordinary cell)."""
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")


def source_rubrics(path: Path) -> dict[str, str]:
    """The rubric of every manually graded answer cell in a source notebook, by grade id.

    Read again only when the file changed (autograde asks once per submission)."""
    stat = Path(path).stat()
    return dict(_read_rubrics(str(path), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=16)
def _read_rubrics(path: str, _mtime_ns: int, _size: int) -> tuple[tuple[str, str], ...]:
    notebook = nbformat.read(path, as_version=4)
    return tuple(
        (grade_id(cell), _text(cell.source).strip())
        for cell in notebook.cells
        if is_manually_graded(cell) and grade_id(cell) and _text(cell.source).strip()
    )


def rubric_cell(grade_id: str, rubric: str) -> NotebookNode:
    """A read-only markdown cell showing ``rubric`` (quoted) under a Dutch trainer heading."""
    quoted = "\n".join(f"> {line}" if line.strip() else ">" for line in rubric.splitlines())
    return from_dict(
        {
            "id": f"beoordelingsmodel-{grade_id}"[:64],
            "cell_type": "markdown",
            "metadata": {
                "editable": False,
                "deletable": False,
                METADATA_KEY: {TRAINER_ONLY: True, "rubric_for": grade_id},
            },
            "source": f"{RubricText.HEADING}\n\n{RubricText.NOTE}\n\n{quoted}",
        }
    )
