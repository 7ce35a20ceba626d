"""The real nbgrader pipeline, for every assignment: generate, submit, autograde, score.

One course root per assignment; several fabricated learners hand in, one autograde run
grades them all (a broken submission must not stop the others).
"""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import assignment_names
from nbgrader_course import NbgraderCourse, solution_answers

PATCH_CELL = {
    "cell_type": "code",
    "id": "toegevoegd",
    "metadata": {},
    "execution_count": None,
    "outputs": [],
    "source": (
        "from course.answers import AnswerSheet\n"
        "for _name in dir(AnswerSheet):\n"
        "    if _name.startswith(('check', 'require', 'answer')):\n"
        "        setattr(AnswerSheet, _name, lambda *a, **k: None)\n"
    ),
}


def _is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell["cell_type"] == "code"


def _blank_tests(notebook, _name):
    for cell in notebook["cells"]:
        if _is_test_cell(cell):
            cell["source"] = "pass"


def _delete_tests(notebook, _name):
    notebook["cells"] = [cell for cell in notebook["cells"] if not _is_test_cell(cell)]


def _add_patch(notebook, _name):
    notebook["cells"].insert(2, dict(PATCH_CELL))


def _wrong(answers: dict) -> dict:
    return {
        notebook: {
            q: (-999 if isinstance(v, int | float) else ["fout"] if isinstance(v, list) else "fout")
            for q, v in questions.items()
        }
        for notebook, questions in answers.items()
    }


@pytest.fixture(scope="module", params=assignment_names())
def graded(request, tmp_path_factory):
    """An nbgrader course in which fabricated learners handed in one assignment."""
    assignment = request.param
    course = NbgraderCourse(tmp_path_factory.mktemp(f"course-{assignment}"))
    course.nbgrader("generate_assignment", assignment, "--create", "--force")
    solution = solution_answers(assignment)
    # Alphabetical order is grading order: the broken ones go first.
    course.submit("a-kapot", assignment, "{dit is geen json")
    course.submit("b-leeg", assignment, None)
    course.submit("c-volledig", assignment, solution)
    course.submit("d-tests-leeggemaakt", assignment, None, change=_blank_tests)
    course.submit("e-tests-verwijderd", assignment, solution, change=_delete_tests)
    course.submit("f-code-toegevoegd", assignment, None, change=_add_patch)
    course.submit("g-fout", assignment, _wrong(solution))
    result = course.autograde(assignment)
    return course, assignment, result


def test_release_hides_tests_and_model_answers(graded):
    """Does the released notebook leave out hidden tests and the trainer's rubric?"""
    course, assignment, _ = graded
    for notebook in course.release_dir(assignment).glob("*.ipynb"):
        text = notebook.read_text(encoding="utf-8")
        assert "BEGIN HIDDEN TESTS" not in text
        assert "check_" not in text
        assert "Beoordelingsmodel" not in text
    assert not list(course.release_dir(assignment).glob("*.antwoorden.json"))


def test_solution_answers_get_full_autograded_marks(graded):
    course, assignment, _ = graded
    assert course.grades(assignment, "c-volledig") == course.max_autograded(assignment)


@pytest.mark.parametrize("student", ["b-leeg", "g-fout"])
def test_empty_or_wrong_submission_scores_zero(graded, student):
    course, assignment, _ = graded
    grades = course.grades(assignment, student)
    assert grades and set(grades.values()) == {0.0}


def test_corrupt_answers_file_scores_zero_and_grading_goes_on(graded):
    """Does invalid JSON score 0 while the learners after it are still graded?"""
    course, assignment, _ = graded
    assert set(course.grades(assignment, "a-kapot").values()) == {0.0}
    assert course.grades(assignment, "c-volledig") == course.max_autograded(assignment)


def test_corrupt_answers_file_gives_a_dutch_message(graded):
    course, assignment, _ = graded
    folder = course.root / "autograded" / "a-kapot" / assignment
    text = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.ipynb"))
    assert "beschadigd" in text


def test_blank_submission_feedback_names_the_missing_question(graded):
    course, assignment, _ = graded
    folder = course.root / "autograded" / "b-leeg" / assignment
    text = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.ipynb"))
    assert "Je hebt vraag 1 nog niet beantwoord." in text
    assert "Jouw antwoord: (nog niet beantwoord)" in text


def test_solution_feedback_echoes_the_answers(graded):
    """Does the autograded notebook show 'Jouw antwoord: …' for the learner's answers?"""
    course, assignment, _ = graded
    folder = course.root / "autograded" / "c-volledig" / assignment
    text = "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.ipynb"))
    for answers in solution_answers(assignment).values():
        assert text.count("Jouw antwoord:") >= len(answers)


def test_editing_locked_test_cells_changes_nothing(graded):
    """Does replacing the test cells with `pass` still score 0 for no answers?"""
    course, assignment, _ = graded
    grades = course.grades(assignment, "d-tests-leeggemaakt")
    assert set(grades.values()) == {0.0}
    assert grades.keys() == course.max_autograded(assignment).keys()


def test_deleting_test_cells_changes_nothing(graded):
    """Are deleted test cells restored, so full answers still get full marks?"""
    course, assignment, _ = graded
    assert course.grades(assignment, "e-tests-verwijderd") == course.max_autograded(assignment)


def test_added_code_cannot_fake_answers(graded):
    """Is a learner-added code cell that patches the checks dropped before grading?"""
    course, assignment, _ = graded
    assert set(course.grades(assignment, "f-code-toegevoegd").values()) == {0.0}


def test_autograde_reported_no_failed_submission(graded):
    _, _, result = graded
    assert "There was an error processing assignment" not in result.stdout + result.stderr


def test_solution_fixture_covers_every_autograded_question(graded):
    """Does the solution fixture answer as many questions as each notebook has test cells?"""
    course, assignment, _ = graded
    solution = solution_answers(assignment)
    for notebook in course.release_dir(assignment).glob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        assert len(solution[notebook.stem]) == sum(1 for cell in cells if _is_test_cell(cell))


@pytest.mark.parametrize("answered", [False, True], ids=["blank", "solution"])
def test_validate_tells_the_learner_what_is_missing(graded, tmp_path, answered):
    """Does `nbgrader validate` (the Validate button) name unanswered questions in Dutch?"""
    course, assignment, _ = graded
    folder = tmp_path / assignment
    shutil.copytree(course.release_dir(assignment), folder)
    if answered:
        for notebook, answers in solution_answers(assignment).items():
            (folder / f"{notebook}.antwoorden.json").write_text(json.dumps(answers))
            path = folder / f"{notebook}.ipynb"
            data = json.loads(path.read_text(encoding="utf-8"))
            for cell in data["cells"]:
                if cell["metadata"].get("nbgrader", {}).get("solution"):
                    cell["source"] = "Ik gebruik je DigiD niet. Je kunt mij machtigen."
            path.write_text(json.dumps(data), encoding="utf-8")
    for notebook in folder.glob("*.ipynb"):
        result = course.nbgrader("validate", str(notebook))
        if answered:
            assert "Success! Your notebook passes all the tests." in result.stdout
        else:
            assert "Je hebt vraag 1 nog niet beantwoord." in result.stdout
