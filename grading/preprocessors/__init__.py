"""Our nbgrader preprocessors, one small step each.

Order matters (see ``grading/nbgrader_config.py``): in the sanitize pass
``DropAddedCodeCells`` and ``RestoreDeletedCells`` run before nbgrader's ``OverwriteCells``
(which restores the content of the cells they keep or put back), and ``FillOpenAnswers``
after it (it writes the learner's text into the answer cell that ``OverwriteCells`` leaves
alone). ``AddRubrics`` runs last in the autograde pass, so the formgrader shows the rubric;
``PrepareFeedback`` runs when feedback is made and drops those rubric cells again.
"""

from grading.preprocessors.cells import DropAddedCodeCells, RestoreDeletedCells
from grading.preprocessors.feedback import PrepareFeedback
from grading.preprocessors.open_answers import FillOpenAnswers, open_answer_markdown
from grading.preprocessors.rubrics import AddRubrics

__all__ = [
    "AddRubrics",
    "DropAddedCodeCells",
    "FillOpenAnswers",
    "PrepareFeedback",
    "RestoreDeletedCells",
    "open_answer_markdown",
]
