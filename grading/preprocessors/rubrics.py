"""``AddRubrics``: the trainer's rubric right above each open answer in the formgrader.

Above, not below: the formgrader draws the score box at the top of the answer cell, so the
rubric sits right above the score box and the answer right below it; the trainer grades
without scrolling back and forth.

Registered in the shared nbgrader config (``grading/nbgrader_config.py``)::

    from grading.preprocessors import AddRubrics
    c.Autograde.autograde_preprocessors.append(AddRubrics)

See :mod:`grading.rubric` for where the rubrics come from and why they never reach a learner.
"""

from __future__ import annotations

from pathlib import Path

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from grading.rubric import (
    grade_id,
    is_manually_graded,
    is_trainer_only,
    rubric_cell,
    source_rubrics,
)


class AddRubrics(NbGraderPreprocessor):
    """Insert the source notebook's rubric right before each manually graded answer cell."""

    def _source_notebook(self, resources: ResourcesDict) -> Path:
        info = resources["nbgrader"]
        coursedir = CourseDirectory(config=self.config)
        folder = coursedir.format_path(coursedir.source_directory, ".", info["assignment"])
        return Path(folder) / f"{info['notebook']}.ipynb"

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict):
        # Cells a learner dressed up as trainer-only are removed, never shown as a rubric.
        nb.cells = [cell for cell in nb.cells if not is_trainer_only(cell)]
        path = self._source_notebook(resources)
        try:
            rubrics = source_rubrics(path)
        except (OSError, ValueError) as problem:
            self.log.warning("No rubrics: cannot read source notebook %s (%s)", path, problem)
            return nb, resources
        cells = []
        for cell in nb.cells:
            name = grade_id(cell)
            if is_manually_graded(cell) and name in rubrics:
                cells.append(rubric_cell(name, rubrics[name]))
            cells.append(cell)
        nb.cells = cells
        return nb, resources
