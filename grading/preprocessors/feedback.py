"""``PrepareFeedback``: an autograded notebook as plain feedback items for the Dutch template.

It empties every code cell's source and keeps only output lines a learner may read (their
answers, the checks' Dutch explanations), so no template can show code, hidden tests, the
rubric or a traceback. See :mod:`grading.feedback` for how the feedback is made and released.
"""

from __future__ import annotations

import base64
import binascii
import re

from nbconvert.exporters.exporter import ResourcesDict
from nbformat.notebooknode import NotebookNode
from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Bool, List, Unicode

from grading.messages import FeedbackText
from grading.rubric import is_trainer_only

# Exceptions raised by the course's checks (course.answers): their message is Dutch.
COURSE_ERRORS = ("NietBeantwoord", "NogNietGoed")
TIMEOUT_ERRORS = ("CellTimeoutError", "TimeoutError", "KeyboardInterrupt", "DeadKernelError")
NO_RESPONSE = "No response."  # nbgrader's auto comment for an untouched answer cell
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$")
HASHES = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)
POINTS_SUFFIX = re.compile(r"\s*\((?:\d+[.,]?\d*)\s+punt(?:en)?\)\s*$", re.IGNORECASE)


def format_points(value) -> str:
    """Points the Dutch way: 3, 2,5, 0,25."""
    number = float(value or 0)
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _text(source) -> str:
    return "".join(source) if isinstance(source, list) else str(source or "")


def _nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def _heading(source: str) -> str | None:
    for line in source.splitlines():
        match = HEADING.match(line)
        if match:
            return POINTS_SUFFIX.sub("", match.group(1).replace("*", "")).strip()
    return None


def _output_lines(cell) -> tuple[list[dict], list[str]]:
    """The output lines a learner may read, and images as data URIs."""
    lines, images = [], []
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream" and output.get("name") == "stdout":
            for line in _text(output.get("text")).splitlines():
                if line.strip():
                    lines.append({"text": line, "kind": "uitvoer"})
        elif kind == "error":
            name, value = output.get("ename", ""), str(output.get("evalue", "")).strip()
            if (name in COURSE_ERRORS or name == "CellTimeoutError") and value:
                # The course's checks and our autograde's timeout line write Dutch messages.
                lines.append({"text": value, "kind": "melding"})
            elif name in TIMEOUT_ERRORS:
                lines.append({"text": FeedbackText.TIMEOUT, "kind": "melding"})
            else:
                lines.append({"text": FeedbackText.CRASHED, "kind": "melding"})
        elif kind in ("display_data", "execute_result"):
            data = output.get("data", {})
            for mime in ("image/png", "image/jpeg"):
                if mime in data:
                    payload = _text(data[mime]).replace("\n", "")
                    try:
                        base64.b64decode(payload, validate=True)  # only real images get through
                    except (binascii.Error, ValueError):
                        break
                    images.append(f"data:{mime};base64,{payload}")
                    break
    return lines, images


def _points_line(score: float, max_score: float) -> str:
    if max_score == 1:
        return FeedbackText.POINTS_ONE.format(score=format_points(score))
    return FeedbackText.POINTS.format(
        score=format_points(score), max_score=format_points(max_score)
    )


def _demote_headings(markdown: str, levels: int = 2) -> str:
    """Question texts sit under the page's own h1 and h2: shift their headings down."""
    return HASHES.sub(lambda m: "#" * min(len(m.group(1)) + levels, 6), markdown)


def _status(score: float, max_score: float, unanswered: bool) -> tuple[str, str]:
    if max_score and score >= max_score:
        return FeedbackText.RIGHT, "goed"
    if score > 0:
        return FeedbackText.PARTLY, "deels"
    if unanswered:
        return FeedbackText.UNANSWERED, "fout"
    return FeedbackText.WRONG, "fout"


class NotFullyGraded(Exception):
    """Feedback is refused: open answers still wait for the trainer's grade."""


class PrepareFeedback(NbGraderPreprocessor):
    """Turn an autograded notebook into feedback items; never keep code, rubrics or tracebacks.

    Each remaining cell gets ``metadata.feedback`` (what the template shows); every code
    cell's source and raw outputs are emptied, so even another template cannot show them.
    """

    hidden_cells = List(
        Unicode(),
        default_value=["afsluiting"],
        help="Grade ids of locked cells that only make sense in the notebook itself.",
    ).tag(config=True)

    text_stub = Unicode(
        "Typ hier je antwoord.", help="The stub of an unanswered written answer."
    ).tag(config=True)

    allow_pending = Bool(
        False,
        help="Make feedback while open answers still wait for a grade (the feedback says so). "
        "Off by default, so the formgrader's Generate Feedback button cannot skip the rule "
        "that feedback waits until everything is graded; `trainer feedback "
        "--ook-niet-beoordeeld` turns it on.",
    ).tag(config=True)

    def _grades(self, resources: ResourcesDict) -> tuple[dict, dict, dict]:
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gradebook:
            notebook = gradebook.find_submission_notebook(
                info["notebook"], info["assignment"], info["student"]
            )
            grades = {
                grade.name: {
                    "score": float(grade.score or 0),
                    "max_score": float(grade.max_score or 0),
                    "pending": bool(grade.needs_manual_grade),
                }
                for grade in notebook.grades
            }
            comments = {comment.name: comment.manual_comment for comment in notebook.comments}
            auto = {comment.name: comment.auto_comment for comment in notebook.comments}
            totals = {
                "score": float(notebook.score or 0),
                "max_score": float(notebook.max_score or 0),
                "late_penalty": float(notebook.late_submission_penalty or 0),
            }
        totals["no_response"] = {name for name, text in auto.items() if text == NO_RESPONSE}
        return grades, comments, totals

    def preprocess(self, nb: NotebookNode, resources: ResourcesDict):
        grades, comments, totals = self._grades(resources)
        pending = sorted(name for name, grade in grades.items() if grade["pending"])
        if pending and not self.allow_pending:
            raise NotFullyGraded(FeedbackText.NOT_FULLY_GRADED.format(items=", ".join(pending)))
        rows, cells, label = [], [], None
        for cell in nb.cells:
            if is_trainer_only(cell):
                continue
            meta = _nbgrader_meta(cell)
            grade_id = meta.get("grade_id")
            if grade_id in self.hidden_cells:
                continue
            source = _text(cell.source)
            item = self._item(cell, meta, source, grades, comments, totals)
            if cell.cell_type == "code":
                cell.source = ""
                cell.outputs = []
            if item is None:
                continue
            if item["kind"] == "tekst":
                label = _heading(source) or label
            if grade_id in grades:
                item["label"] = label or grade_id
                item["anchor"] = f"vraag-{len(rows) + 1}"
                rows.append({key: item[key] for key in ("label", "anchor", "points", "max")})
                rows[-1]["status"] = item["status"]
            cell.metadata["feedback"] = item
            cells.append(cell)
        nb.cells = cells
        score = totals["score"] - totals["late_penalty"]
        max_score = totals["max_score"]
        info = resources["nbgrader"]
        resources["feedback"] = {
            "text": {k: v for k, v in vars(FeedbackText).items() if k.isupper()},
            "title": FeedbackText.PAGE_TITLE.format(assignment=info["assignment"]),
            "assignment": FeedbackText.ASSIGNMENT.format(assignment=info["assignment"]),
            "notebook": FeedbackText.NOTEBOOK.format(notebook=info["notebook"]),
            "total": FeedbackText.TOTAL.format(
                score=format_points(max(score, 0)),
                max_score=format_points(max_score),
                percentage=round(100 * max(score, 0) / max_score) if max_score else 0,
            ),
            "late": FeedbackText.LATE.format(penalty=format_points(totals["late_penalty"]))
            if totals["late_penalty"] > 0
            else "",
            "pending": any(grade["pending"] for grade in grades.values()),
            "rows": rows,
        }
        return nb, resources

    def _item(self, cell, meta, source, grades, comments, totals) -> dict | None:
        grade_id = meta.get("grade_id")
        if cell.cell_type == "markdown" and not (meta.get("solution") or meta.get("task")):
            if meta.get("locked"):
                return {"kind": "tekst", "markdown": _demote_headings(source)}
            # A markdown cell the learner added: their own words, shown as plain text.
            return {"kind": "eigen", "answer": source} if source.strip() else None
        if cell.cell_type not in ("markdown", "code"):
            return None
        lines, images = _output_lines(cell) if cell.cell_type == "code" else ([], [])
        if grade_id not in grades:
            if meta.get("solution") and source.strip():
                return {"kind": "eigen", "answer": source}
            return (
                {"kind": "uitvoer", "lines": lines, "images": images} if lines or images else None
            )
        grade = grades[grade_id]
        item = {
            "points": format_points(grade["score"]),
            "max": format_points(grade["max_score"]),
            "points_line": _points_line(grade["score"], grade["max_score"]),
            "lines": lines,
            "images": images,
        }
        if meta.get("solution") or meta.get("task"):
            unanswered = (
                grade_id in totals["no_response"] or source.strip() in ("", self.text_stub)
            ) and not meta.get("task")
            if grade["pending"]:
                status, css = FeedbackText.PENDING, "open"
            elif unanswered:
                status, css = FeedbackText.UNANSWERED, "fout"
            else:
                status, css = FeedbackText.GRADED, "goed"
            item.update(
                kind="open",
                answer="" if unanswered else source,
                task_markdown=source if meta.get("task") else "",
                comment=comments.get(grade_id) or "",
                status=status,
                status_class=css,
            )
            return item
        unanswered = any(
            output.get("ename") == "NietBeantwoord" for output in cell.get("outputs", [])
        )
        status, css = _status(grade["score"], grade["max_score"], unanswered)
        item.update(kind="controle", status=status, status_class=css)
        return item
