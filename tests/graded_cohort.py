"""A small cohort graded by the real nbgrader pipeline, shared by export, dashboard and
PostgreSQL gradebook tests."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

from nbgrader.api import Gradebook

from grading.cohort import gradebook_url, write_config
from grading.nbgrader_cli import run
from grading.scores import grade_manually
from nbgrader_course import AssignmentShape, solution_answers

OPEN_ANSWER = "Ik vraag eerst toestemming. Daarna lezen we de brief samen."
DUE = datetime(2026, 1, 15, 12, 0)
ON_TIME = "2026-01-10 10:00:00.000000 UTC"
LATE = "2026-01-20 09:00:00.000000 UTC"

# The open questions of module 1 as the source notebook has them (their number changes when
# questions are added): anna gets full marks on each, bram 1 point on each.
MODULE_1 = AssignmentShape("module-1")

# learner: {assignment: (answers: "goed" | "leeg" | "fout" | "fout-3", open answer scores, time)}
LEARNERS = {
    "anna": {
        "proefopdracht": ("goed", {"vraag-5-antwoord": 3}, ON_TIME),
        "module-1": ("goed", dict(MODULE_1.open), ON_TIME),
    },
    "bram": {
        "proefopdracht": ("leeg", None, ON_TIME),
        "module-1": ("fout", dict.fromkeys(MODULE_1.open, 1), LATE),
    },
    "carla": {"proefopdracht": ("goed", {"vraag-5-antwoord": 2}, ON_TIME)},
    "dirk": {
        "proefopdracht": ("goed", {"vraag-5-antwoord": 3}, ON_TIME),
        "module-1": ("fout-3", {}, ON_TIME),  # open answers written, not graded yet
    },
}


def _answers(assignment: str, kind: str) -> dict | None:
    if kind == "leeg":
        return None
    answers = solution_answers(assignment)
    wrong = {"fout": None, "fout-3": 3}.get(kind, 0)
    result = {}
    for notebook, questions in answers.items():
        result[notebook] = dict(questions)
        for number, key in enumerate(questions):
            if wrong is None or number < wrong:
                value = questions[key]
                result[notebook][key] = (
                    -999
                    if isinstance(value, int | float)
                    else ["fout"]
                    if isinstance(value, list)
                    else "fout"
                )
    return result


def make_cohort(root: Path, db_url: str | None = None, learners: dict | None = None) -> Path:
    """Generate, hand in, autograde (real nbgrader) and grade the open answers by hand."""
    learners = LEARNERS if learners is None else learners
    write_config(root, db_url=db_url)
    url = gradebook_url(root)
    assignments = sorted({name for plan in learners.values() for name in plan})
    for assignment in assignments:
        run(root, "generate_assignment", assignment, "--create")
    with Gradebook(url) as gradebook:
        for learner in learners:
            gradebook.update_or_create_student(
                learner, first_name=learner.capitalize(), last_name="de Vries"
            )
        if "module-1" in assignments:
            gradebook.update_or_create_assignment("module-1", duedate=DUE)
    for learner, plan in learners.items():
        for assignment, (kind, _, timestamp) in plan.items():
            folder = root / "submitted" / learner / assignment
            shutil.copytree(root / "release" / assignment, folder)
            (folder / "timestamp.txt").write_text(timestamp)
            answers = _answers(assignment, kind)
            for notebook in folder.glob("*.ipynb"):
                data = json.loads(notebook.read_text(encoding="utf-8"))
                for cell in data["cells"]:
                    if kind != "leeg" and cell["metadata"].get("nbgrader", {}).get("solution"):
                        cell["source"] = OPEN_ANSWER
                notebook.write_text(json.dumps(data), encoding="utf-8")
                if answers is not None:
                    target = folder / f"{notebook.stem}.antwoorden.json"
                    target.write_text(json.dumps(answers[notebook.stem]))
    for assignment in assignments:
        run(root, "autograde", assignment)
    for learner, plan in learners.items():
        for assignment, (_, manual, _) in plan.items():
            for grade_id, score in (manual or {}).items():
                grade_manually(url, assignment, learner, grade_id, score)
    return root
