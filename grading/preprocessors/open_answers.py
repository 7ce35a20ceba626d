"""Open answers: the text a learner typed on the page goes into the manually graded cell.

Open questions are answered in a text area on the page and saved in the answers file;
``FillOpenAnswers`` puts that text into the question's manually graded answer cell, so the
formgrader and the feedback show it (and nbgrader sees the cell as answered).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

_OPEN_ANSWER_CELL = re.compile(r"vraag-(?P<question>[A-Za-z0-9_]+)-antwoord")
_SHEET_NAME = re.compile(r"AnswerSheet\(\s*[\"'](?P<name>[^\"']+)[\"']")
_BLOCK_START = re.compile(r"^(\s*)([#>*+=|-])", re.MULTILINE)
_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def open_answer_markdown(text: str) -> str:
    """A learner's typed text as markdown that shows exactly what they typed.

    HTML is escaped and line breaks are kept; a line that would start a heading, quote or
    list is escaped, so the text cannot change the layout of the trainer's page.
    """
    escaped = html.escape(text.strip(), quote=False)
    escaped = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    escaped = _ORDERED_ITEM.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
    return "  \n".join(escaped.splitlines())


def _answers_file(nb: NotebookNode, resources: ResourcesDict) -> Path | None:
    folder = resources.get("metadata", {}).get("path")
    if not folder:
        return None
    name = resources.get("unique_key")
    for cell in nb.cells:
        if cell.cell_type == "code" and (match := _SHEET_NAME.search(cell.source)):
            name = match.group("name")
            break
    return Path(folder) / f"{name}.antwoorden.json" if name else None


class FillOpenAnswers(NbGraderPreprocessor):
    """Copy open answers from the answers file into their manually graded answer cells.

    The cell of question N has grade id ``vraag-N-antwoord``. A cell is only changed when
    the answers file holds text for that question: an unreadable or missing file leaves the
    notebook as it is (a learner who typed in the cell itself keeps that text).
    """

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict):
        path = _answers_file(nb, resources)
        try:
            answers = json.loads(path.read_text(encoding="utf-8")) if path else {}
        except (OSError, UnicodeDecodeError, ValueError):
            answers = {}
        if not isinstance(answers, dict):
            answers = {}
        for cell in nb.cells:
            info = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type != "markdown" or not (info.get("solution") and info.get("grade")):
                continue
            match = _OPEN_ANSWER_CELL.fullmatch(info.get("grade_id", ""))
            text = answers.get(match.group("question")) if match else None
            if isinstance(text, str) and text.strip():
                cell.source = open_answer_markdown(text)
        return nb, resources
