"""The score table from a real nbgrader gradebook: scores, open manual items, grading them."""

from __future__ import annotations

import pytest

from grading.scores import COLUMNS, grade_manually, score_table
from nbgrader_course import NbgraderCourse, solution_answers


def _answer_open(notebook, _name):
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = "Ik gebruik je DigiD niet. Je kunt mij machtigen."


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    course = NbgraderCourse(tmp_path_factory.mktemp("scores"))
    course.nbgrader("generate_assignment", "proefopdracht", "--create")
    course.submit("anna", "proefopdracht", solution_answers("proefopdracht"), change=_answer_open)
    course.submit("bram", "proefopdracht", None)
    course.autograde("proefopdracht")
    return course


def _url(course) -> str:
    return f"sqlite:///{course.root / 'gradebook.db'}"


def test_table_has_the_agreed_columns_and_open_items(course):
    table = score_table(_url(course))
    assert list(table.columns) == COLUMNS
    anna = table[table.learner == "anna"].iloc[0]
    assert (anna.score, anna.max_score) == (4.0, 7.0)
    assert anna.open_items == "vraag-5-antwoord"
    assert not anna.late
    bram = table[table.learner == "bram"].iloc[0]
    assert (bram.score, bram.open_items) == (0.0, "")  # an untouched answer cell scores 0


def test_manual_grade_closes_the_open_item(course):
    grade_manually(_url(course), "proefopdracht", "anna", "vraag-5-antwoord", 3)
    anna = score_table(_url(course)).set_index("learner").loc["anna"]
    assert anna.score == 7.0 and anna.open_items == ""
    with pytest.raises(LookupError):
        grade_manually(_url(course), "proefopdracht", "anna", "bestaat-niet", 1)
