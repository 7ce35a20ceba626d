"""Sanitize steps: a learner cannot change their score by deleting or adding cells.

nbgrader restores the *content* of locked cells that a learner edited (OverwriteCells),
but a *deleted* test cell simply scores 0, and its own ``add_missing_cells`` option
crashes when the cell before it is a read-only cell (as our answer-widget cells are).
A code cell the learner *added* runs during autograde and could rewrite the answers file
or patch the checks. These two preprocessors run before OverwriteCells.
"""

from __future__ import annotations

import re

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader.preprocessors import NbGraderPreprocessor

from grading.autograde_gradebook import source_of


def _grade_id(cell) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


class _SourceAware(NbGraderPreprocessor):
    """Base for preprocessors that compare a submission with the source in the gradebook."""

    def _source(self, resources: ResourcesDict):
        source = source_of(resources)  # read once per `nakijken` run
        cells = [
            {"name": c.name, "cell_type": c.cell_type, "locked": c.locked, "source": c.source}
            for c in source.cells
        ]
        return cells, source.grades, source.solutions


class RestoreDeletedCells(_SourceAware):
    """Put back locked and graded cells that a learner deleted, in their original place."""

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict):
        source_cells, grades, solutions = self._source(resources)
        present = {_grade_id(cell) for cell in nb.cells} - {None}
        for position, source in enumerate(source_cells):
            name = source["name"]
            if name in present:
                continue
            if not (source["locked"] or name in grades):
                continue
            self.log.warning("Cell %s was deleted by the learner; restoring it", name)
            cell = _rebuild(source, grades.get(name), name in solutions)
            anchor = next(
                (
                    earlier["name"]
                    for earlier in reversed(source_cells[:position])
                    if earlier["name"] in present
                ),
                None,
            )
            index = 0
            if anchor is not None:
                index = next(i for i, c in enumerate(nb.cells) if _grade_id(c) == anchor) + 1
            nb.cells.insert(index, cell)
            present.add(name)
        return nb, resources


class DropAddedCodeCells(NbGraderPreprocessor):
    """Remove code cells a learner added: learners answer with widgets, never with code."""

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict):
        kept = []
        for cell in nb.cells:
            if cell.cell_type == "code" and _grade_id(cell) is None:
                self.log.warning("Dropping a code cell the learner added")
                continue
            kept.append(cell)
        nb.cells = kept
        return nb, resources


def _rebuild(source: dict, points, is_solution: bool) -> NotebookNode:
    """A cell with the right nbgrader metadata; OverwriteCells then restores its content."""
    metadata = {
        "nbgrader": {
            "grade": points is not None,
            "grade_id": source["name"],
            "locked": source["locked"],
            "schema_version": 3,
            "solution": is_solution,
            "task": False,
        },
    }
    if points is not None:
        metadata["nbgrader"]["points"] = points
    if not is_solution:
        metadata["editable"] = False
        metadata["deletable"] = False
    # A restored answer cell starts empty: the source holds the model answer, not the learner's.
    text = "" if is_solution else source["source"]
    cell_id = "restored-" + re.sub(r"[^A-Za-z0-9_-]", "-", source["name"])[:50]
    cell = {"id": cell_id, "cell_type": source["cell_type"], "metadata": metadata, "source": text}
    if source["cell_type"] == "code":
        cell.update(execution_count=None, outputs=[])
    return from_dict(cell)
