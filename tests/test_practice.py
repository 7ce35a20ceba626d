"""Practice questions: instant feedback, explanation, and well-formed question files."""

from pathlib import Path

import pytest

from conftest import COURSE
from course.practice import (
    PracticeFileError,
    PracticeQuestion,
    load_questions,
    parse_question,
    practice_widget,
)

SINGLE = PracticeQuestion(
    id="1",
    kind="single",
    question="Wie betaalt de zorgtoeslag?",
    options=("Dienst Toeslagen", "UWV"),
    answer="Dienst Toeslagen",
    explanation="Dienst Toeslagen betaalt alle toeslagen.",
    hint="Denk aan de naam.",
)


def _parts(box):
    prompt, *inputs, button, feedback = box.children
    return prompt, inputs, button, feedback


def test_explanation_is_not_shown_before_an_answer():
    """Is the answer key absent from every widget until the learner checks?"""
    box = practice_widget(SINGLE)
    texts = [getattr(child, "value", "") for child in box.children]
    assert not any("alle toeslagen" in str(text) for text in texts)


def test_right_answer_gets_goed_and_the_explanation():
    box = practice_widget(SINGLE)
    _, inputs, button, feedback = _parts(box)
    inputs[0].value = "Dienst Toeslagen"
    button.click()
    assert "Goed!" in feedback.value
    assert "alle toeslagen" in feedback.value


def test_wrong_answer_gets_a_hint_then_the_answer():
    """First wrong try: 'Nog niet goed' and a hint; second: the right answer and why."""
    box = practice_widget(SINGLE)
    _, inputs, button, feedback = _parts(box)
    inputs[0].value = "UWV"
    button.click()
    assert "Nog niet goed." in feedback.value
    assert "Denk aan de naam." in feedback.value
    assert "Dienst Toeslagen betaalt" not in feedback.value
    button.click()
    assert "Het goede antwoord is: Dienst Toeslagen." in feedback.value


def test_checking_without_an_answer_asks_for_one():
    box = practice_widget(SINGLE)
    _, _, button, feedback = _parts(box)
    button.click()
    assert "Kies eerst een antwoord." in feedback.value


def test_number_question_reads_dutch_numbers_and_refuses_words():
    question = PracticeQuestion(
        id="2",
        kind="number",
        question="Hoeveel?",
        answer=12.5,
        explanation="Uitleg.",
        tolerance=0.01,
    )
    box = practice_widget(question)
    _, inputs, button, feedback = _parts(box)
    inputs[0].value = "twaalf"
    button.click()
    assert "geen getal" in feedback.value
    inputs[0].value = "12,5"
    button.click()
    assert "Goed!" in feedback.value


def test_feedback_escapes_html():
    question = PracticeQuestion(
        id="3", kind="text", question="<b>?</b>", answer="x", explanation="<script>x</script>"
    )
    box = practice_widget(question)
    prompt, inputs, button, feedback = _parts(box)
    inputs[0].value = "x"
    button.click()
    assert "<script>" not in feedback.value and "&lt;script&gt;" in feedback.value
    assert "<b>?</b>" not in prompt.value


@pytest.mark.parametrize(
    "raw, problem",
    [
        ({"id": "1", "kind": "single", "question": "?", "explanation": "."}, "missing answer"),
        ({"id": "1", "kind": "quiz", "question": "?", "answer": "a", "explanation": "."}, "kind"),
        (
            {
                "id": "1",
                "kind": "single",
                "question": "?",
                "answer": "c",
                "options": ["a", "b"],
                "explanation": ".",
            },
            "not one of the options",
        ),
    ],
)
def test_authoring_mistakes_are_named(raw, problem):
    with pytest.raises(PracticeFileError, match=problem):
        parse_question(raw, "les.oefenvragen.toml question 1")


PRACTICE_FILES = sorted(COURSE.rglob("*.oefenvragen.toml"))


@pytest.mark.parametrize("path", PRACTICE_FILES, ids=lambda p: str(p.relative_to(COURSE)))
def test_every_practice_file_is_valid_and_used(path: Path):
    """Does every practice file parse, and does its notebook ask every question?"""
    questions = load_questions(path)
    assert questions
    notebook = path.with_name(path.name.replace(".oefenvragen.toml", ".ipynb"))
    text = notebook.read_text(encoding="utf-8")
    for question_id in questions:
        assert f'oefen.ask(\\"{question_id}\\")' in text, (
            f"{notebook.name} never asks {question_id}"
        )


def test_there_are_practice_files():
    assert PRACTICE_FILES
