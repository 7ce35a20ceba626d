"""The score table: the one interface between grading and the keurmerk.

One row per learner and assignment: ``learner, assignment, score, max_score, open_items,
late``. ``open_items`` lists (``;``-separated) the manually graded answers a trainer has not
graded yet. Built with pandas from the nbgrader gradebook (SQLite or PostgreSQL URL).
"""

from __future__ import annotations

import pandas as pd
from nbgrader.api import Gradebook, MissingEntry

COLUMNS = ["learner", "assignment", "score", "max_score", "open_items", "late"]


def score_table(gradebook_url: str) -> pd.DataFrame:
    """Scores of every submitted assignment in the gradebook (sorted by learner, assignment)."""
    rows = []
    with Gradebook(gradebook_url) as gradebook:
        for assignment in gradebook.assignments:
            for student in gradebook.students:
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:
                    continue
                open_items = [
                    grade.name
                    for notebook in submission.notebooks
                    for grade in notebook.grades
                    if grade.needs_manual_grade
                ]
                rows.append(
                    {
                        "learner": student.id,
                        "assignment": assignment.name,
                        "score": float(submission.score),
                        "max_score": float(submission.max_score),
                        "open_items": ";".join(sorted(open_items)),
                        "late": bool(submission.total_seconds_late > 0),
                    }
                )
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["learner", "assignment"], ignore_index=True)


def grade_manually(
    gradebook_url: str, assignment: str, learner: str, grade_id: str, score: float
) -> None:
    """Record a trainer's manual score for one open answer (as the formgrader does)."""
    with Gradebook(gradebook_url) as gradebook:
        submission = gradebook.find_submission(assignment, learner)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.name == grade_id:
                    grade.manual_score = min(float(score), float(grade.max_score))
                    grade.needs_manual_grade = False
                    gradebook.db.commit()
                    return
    raise LookupError(f"{learner}/{assignment} has no grade cell {grade_id}")
