"""'Brief ontcijferen': the letters file, the five-question check and the exercise widget."""

from __future__ import annotations

import pytest

from course.tools.letters import (
    LETTERS_FILE,
    QUESTION_KEYS,
    LetterFileError,
    amounts_in,
    check_answer,
    check_letter,
    decode_widget,
    letter_html,
    load_letters,
    parse_letter,
    score_line,
)

LETTERS = load_letters()


def _raw_letter(**changes) -> dict:
    """A minimal valid letter table, as tomllib would return it."""
    questions = [
        {
            "key": key,
            "options": ["goed", "fout"],
            "answer": "goed",
            "hint": f"hint {key}",
            "explanation": f"uitleg {key}",
        }
        for key in QUESTION_KEYS
    ]
    raw = {
        "id": "test",
        "title": "Testbrief",
        "sender": "Dienst Toeslagen",
        "date": "1 januari 2026",
        "subject": "Onderwerp",
        "salutation": "Geachte mevrouw,",
        "intro": ["U moet € 10,00 betalen."],
        "closing": "Met vriendelijke groet,",
        "story_amounts": ["€ 10,00"],
        "questions": questions,
    }
    raw.update(changes)
    return raw


def _parts(box):
    card, intro, *rows, button, summary = box.children
    choices = {q: row.children[0] for q, row in zip(QUESTION_KEYS, rows, strict=True)}
    feedback = {q: row.children[1] for q, row in zip(QUESTION_KEYS, rows, strict=True)}
    return card, choices, button, feedback, summary


def test_the_lesson_letters_are_there():
    assert {"olena-toeslagen", "ahmed-zorgverzekeraar", "ahmed-cjib", "haile-gemeente"} <= set(
        LETTERS
    )


@pytest.mark.parametrize("letter_id", sorted(LETTERS))
def test_every_letter_asks_the_five_questions_with_a_valid_key(letter_id):
    letter = LETTERS[letter_id]
    assert tuple(q.key for q in letter.questions) == QUESTION_KEYS
    for question in letter.questions:
        assert question.answer in question.options
        assert question.hint and question.explanation
        assert question.answer not in question.hint, "the hint must not give the answer away"


@pytest.mark.parametrize("letter_id", sorted(LETTERS))
def test_every_amount_in_a_letter_is_marked_as_a_story_amount(letter_id):
    """Story amounts are not facts: each one is listed, so the facts check can skip it."""
    letter = LETTERS[letter_id]
    assert set(amounts_in(letter.all_text())) == set(letter.story_amounts)


@pytest.mark.parametrize("letter_id", sorted(LETTERS))
def test_letters_show_no_bsn(letter_id):
    text = LETTERS[letter_id].all_text()
    for line in text.splitlines():
        if "BSN" in line:
            assert "weggelakt" in line


def test_an_amount_missing_from_story_amounts_is_an_authoring_error():
    with pytest.raises(LetterFileError, match="story_amounts"):
        parse_letter(_raw_letter(story_amounts=[]), "brieven.toml letter 1")


@pytest.mark.parametrize(
    "changes, problem",
    [
        ({"subject": None}, None),
        ({"questions": []}, "questions must be"),
        ({"details": [["alleen een label"]]}, "label, value"),
    ],
)
def test_authoring_mistakes_are_named(changes, problem):
    raw = _raw_letter(**changes)
    if problem is None:
        del raw["subject"]
        problem = "missing subject"
    with pytest.raises(LetterFileError, match=problem):
        parse_letter(raw, "brieven.toml letter 1")


def test_an_answer_that_is_not_an_option_is_refused():
    raw = _raw_letter()
    raw["questions"][2]["answer"] = "iets anders"
    with pytest.raises(LetterFileError, match="not one of the options"):
        parse_letter(raw, "brieven.toml letter 1")


def test_duplicate_letter_ids_are_refused(tmp_path):
    text = LETTERS_FILE.read_text(encoding="utf-8")
    first = text.index("[[letters]]")
    second = text.index("[[letters]]", first + 1)
    path = tmp_path / "brieven.toml"
    path.write_text(text[:second] + text[first:second] + text[second:], encoding="utf-8")
    with pytest.raises(LetterFileError, match="duplicate id"):
        load_letters(path)


def test_check_answer_right_wrong_then_answer_and_missing():
    question = LETTERS["ahmed-cjib"].questions[2]
    wrong = next(option for option in question.options if option != question.answer)
    right = check_answer(question, question.answer)
    assert right.correct and right.text == question.explanation
    first = check_answer(question, wrong, wrong_before=0)
    assert first.status == "wrong" and first.text == question.hint
    assert question.answer not in first.text
    second = check_answer(question, wrong, wrong_before=1)
    assert question.answer in second.text and question.explanation in second.text
    assert check_answer(question, None).status == "missing"


def test_check_letter_gives_feedback_per_question_in_order():
    letter = LETTERS["haile-gemeente"]
    answers = {q.key: q.answer for q in letter.questions}
    answers["gevolg"] = None
    results = check_letter(letter, answers)
    assert [r.key for r in results] == list(QUESTION_KEYS)
    assert [r.status for r in results] == ["correct", "correct", "correct", "missing", "correct"]
    assert score_line(results) == "Je hebt 4 van de 5 vragen goed."
    answers["gevolg"] = letter.questions[3].answer
    assert score_line(check_letter(letter, answers)) == "Alle vragen goed. Zo lees je elke brief!"


def test_letter_card_escapes_text_and_shows_the_letter():
    letter = parse_letter(
        _raw_letter(subject="<script>alert(1)</script>", details=[["Boete", "€ 10,00"]]),
        "brieven.toml letter 1",
    )
    card = letter_html(letter)
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "€ 10,00" in card and "Dienst Toeslagen" in card
    assert "verzonnen" in card


def test_widget_does_not_reveal_answers_before_checking():
    letter = LETTERS["ahmed-zorgverzekeraar"]
    _, _, _, feedback, summary = _parts(decode_widget(letter))
    assert all(item.value == "" for item in feedback.values())
    assert summary.value == ""


def test_widget_reacts_to_answers_and_the_button():
    """Choose answers, click Controleer: feedback per question and a score line."""
    letter = LETTERS["ahmed-zorgverzekeraar"]
    card, choices, button, feedback, summary = _parts(decode_widget(letter))
    assert "Helder Zorgverzekeringen" in card.value
    questions = {q.key: q for q in letter.questions}
    for key, choice in choices.items():
        assert questions[key].text in choice.description  # every radio group has a label
        choice.value = questions[key].answer
    wrong = next(o for o in questions["gevolg"].options if o != questions["gevolg"].answer)
    choices["gevolg"].value = wrong
    choices["actie"].value = None
    button.click()
    assert "Goed!" in feedback["afzender"].value
    assert questions["afzender"].explanation in feedback["afzender"].value
    assert "Nog niet goed." in feedback["gevolg"].value
    assert questions["gevolg"].answer not in feedback["gevolg"].value
    assert "Kies eerst een antwoord." in feedback["actie"].value
    assert "3 van de 5" in summary.value
    button.click()  # second wrong try: now the right answer is shown
    assert questions["gevolg"].answer in feedback["gevolg"].value
    choices["gevolg"].value = questions["gevolg"].answer
    choices["actie"].value = questions["actie"].answer
    button.click()
    assert "Alle vragen goed." in summary.value
