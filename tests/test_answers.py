"""Answer widgets for graded questions and the checks hidden tests call."""

import json

import pytest

from course.answers import AnswerSheet, NietBeantwoord, NogNietGoed

OPTIONS = ["Dienst Toeslagen", "UWV", "SVB"]


@pytest.fixture
def sheet(tmp_path):
    return AnswerSheet("opdracht", folder=tmp_path)


@pytest.fixture
def grading(monkeypatch):
    """As inside nbgrader validate/autograde, where checks may raise."""
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")


def _saved(sheet):
    return json.loads(sheet.path.read_text(encoding="utf-8"))


def test_answers_file_sits_next_to_the_notebook(tmp_path, sheet):
    """Is the answers file named after the notebook, in the notebook's folder?"""
    assert sheet.path == tmp_path.resolve() / "opdracht.antwoorden.json"


def test_showing_a_question_writes_nothing(sheet, capsys):
    """Does a widget stay off the disk until the learner changes the answer?"""
    sheet.single_choice(1, OPTIONS)
    assert not sheet.path.exists()
    assert "Jouw antwoord: (nog niet beantwoord)" in capsys.readouterr().out


def test_a_change_is_saved_and_echoed(sheet):
    """Does clicking an option save it and show 'Jouw antwoord: …' under the question?"""
    sheet.single_choice(1, OPTIONS)
    assert sheet.status_text(1) == "Jouw antwoord: (nog niet beantwoord)"
    sheet.widgets["1"].value = "UWV"
    assert _saved(sheet) == {"1": "UWV"}
    assert sheet.status_text(1) == "Jouw antwoord: UWV"


def test_rerun_shows_the_saved_answer_without_writing(sheet, capsys):
    """After a kernel restart, does a new sheet show the saved answer and leave the file alone?"""
    sheet.single_choice(1, OPTIONS)
    sheet.widgets["1"].value = "SVB"
    before = sheet.path.stat().st_mtime_ns
    capsys.readouterr()
    again = AnswerSheet("opdracht", folder=sheet.path.parent)
    again.single_choice(1, OPTIONS)
    assert again.widgets["1"].value == "SVB"
    assert "Jouw antwoord: SVB" in capsys.readouterr().out
    assert sheet.path.stat().st_mtime_ns == before


def test_under_nbgrader_only_the_answer_line_is_printed(sheet, capsys, monkeypatch):
    """During validate/autograde, is the saved answer printed as plain text, with no widget?"""
    sheet.path.write_text(json.dumps({"2": ["UWV", "SVB"]}), encoding="utf-8")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    sheet.multiple_choice(2, OPTIONS)
    sheet.number(3)
    assert sheet.widgets == {}
    out = capsys.readouterr().out
    assert "Jouw antwoord: UWV; SVB" in out
    assert "Jouw antwoord: (nog niet beantwoord)" in out


def test_multiple_choice_saves_the_ticked_options(sheet):
    """Are all ticked boxes saved, in option order?"""
    sheet.multiple_choice(2, OPTIONS)
    boxes = sheet.widgets["2"].children[1:]
    boxes[2].value = True
    boxes[0].value = True
    assert _saved(sheet) == {"2": ["Dienst Toeslagen", "SVB"]}
    boxes[0].value = False
    assert _saved(sheet) == {"2": ["SVB"]}


def test_number_accepts_dutch_notation_and_shows_euros_with_cents(sheet):
    """Is '1.234,50' saved as 1234.5 and shown back as '1.234,50 euro'?"""
    sheet.number(3, unit="euro")
    box = sheet.widgets["3"].children[0]
    box.value = "€ 1.234,50"
    assert _saved(sheet) == {"3": 1234.5}
    assert sheet.status_text(3) == "Jouw antwoord: 1.234,50 euro"
    again = AnswerSheet("opdracht", folder=sheet.path.parent)
    again.number(3, unit="euro")
    assert again.widgets["3"].children[0].value == "1.234,50"


def test_number_accepts_a_percent_sign(sheet):
    sheet.number(4, unit="procent")
    sheet.widgets["4"].children[0].value = "35,7%"
    assert _saved(sheet) == {"4": 35.7}
    assert sheet.status_text(4) == "Jouw antwoord: 35,7 procent"


def test_ambiguous_number_is_asked_about_and_not_saved(sheet):
    """'2,000' may mean two thousand or two: ask, and save nothing until it is clear."""
    sheet.number(5)
    box = sheet.widgets["5"].children[0]
    box.value = "2,000"
    assert "Bedoel je 2.000 of 2?" in sheet.status_text(5)
    assert not sheet.path.exists()
    box.value = "2.000"
    assert _saved(sheet) == {"5": 2000.0}


def test_number_that_is_not_a_number_is_refused_and_loses_nothing(sheet):
    """Does typing 'twaalf' keep the earlier answer and explain in Dutch?"""
    sheet.number(3)
    box = sheet.widgets["3"].children[0]
    box.value = "12"
    box.value = "twaalf"
    assert _saved(sheet) == {"3": 12.0}
    assert "'twaalf' is geen getal" in sheet.status_text(3)


def test_short_text_is_trimmed_and_emptying_removes_it(sheet):
    """Is a short text saved without outer spaces, and removed when emptied?"""
    sheet.short_text(4)
    sheet.widgets["4"].value = "  DigiD  "
    assert _saved(sheet) == {"4": "DigiD"}
    sheet.widgets["4"].value = ""
    assert _saved(sheet) == {}


def test_require_names_the_missing_question_while_grading(sheet, grading):
    """Does a missing answer fail with 'Je hebt vraag 3 nog niet beantwoord.'?"""
    with pytest.raises(NietBeantwoord, match=r"^Je hebt vraag 3 nog niet beantwoord\.$"):
        sheet.require(3)


def test_for_a_learner_require_never_stops_the_page(sheet):
    """A soft reminder instead of an error; it disappears when the question is answered."""
    sheet.single_choice(3, OPTIONS)
    sheet.require(3)  # does not raise
    assert sheet.reminder_text(3) == "Vraag 3 heb je nog niet beantwoord."
    sheet.widgets["3"].value = "SVB"
    assert sheet.reminder_text(3) == ""
    sheet.widgets["3"].value = None
    assert sheet.reminder_text(3) == "Vraag 3 heb je nog niet beantwoord."


def test_for_a_learner_checks_never_raise_or_reveal_the_key(sheet, capsys):
    sheet.path.write_text(json.dumps({"1": "UWV"}), encoding="utf-8")
    sheet.check_choice(1, "Dienst Toeslagen", explanation="Dienst Toeslagen betaalt.")
    sheet.check_number(2, 22)
    assert capsys.readouterr().out == ""


def test_open_text_saves_while_typing_and_counts_words(sheet, capsys):
    sheet.open_text(21)
    area = sheet.widgets["21"]
    assert area.continuous_update is True
    assert sheet.status_text(21) == "Je hebt hier nog niets getypt."
    area.value = "Karim blijft rustig."
    assert _saved(sheet) == {"21": "Karim blijft rustig."}
    assert sheet.status_text(21) == "Je antwoord is bewaard (3 woorden)."
    again = AnswerSheet("opdracht", folder=sheet.path.parent)
    again.open_text(21)
    assert again.widgets["21"].value == "Karim blijft rustig."


def test_open_text_under_nbgrader_prints_the_text(sheet, capsys, grading):
    sheet.path.write_text(json.dumps({"21": "Karim blijft rustig."}), encoding="utf-8")
    sheet.open_text(21)
    assert "Jouw antwoord: Karim blijft rustig." in capsys.readouterr().out


def test_missing_lists_the_unanswered_questions_in_page_order(sheet):
    sheet.single_choice(2, OPTIONS)
    sheet.number(10)
    sheet.open_text(3)
    assert sheet.questions() == ["2", "10", "3"]
    sheet.widgets["10"].children[0].value = "4"
    assert sheet.missing() == ["2", "3"]


def test_checks_pass_and_fail(sheet, grading):
    """Do the hidden-test checks accept the key and reject anything else?"""
    sheet.path.write_text(
        json.dumps({"1": "UWV", "2": ["SVB", "UWV"], "3": 22.4, "4": " digid. ", "5": "x"}),
        encoding="utf-8",
    )
    sheet.check_choice(1, "UWV")
    sheet.check_choices(2, ["UWV", "SVB"])
    sheet.check_number(3, 22, tolerance=0.5)
    sheet.check_text(4, ["DigiD"])
    with pytest.raises(NogNietGoed, match="Vraag 1"):
        sheet.check_choice(1, "SVB")
    with pytest.raises(NogNietGoed):
        sheet.check_choices(2, ["UWV"])
    with pytest.raises(NogNietGoed):
        sheet.check_number(3, 22, tolerance=0.1)
    with pytest.raises(NogNietGoed):
        sheet.check_number(5, 22)
    with pytest.raises(NogNietGoed):
        sheet.check_text(4, ["eHerkenning"])


def test_wrong_message_does_not_reveal_the_key(sheet, grading):
    """Does the failure message for a wrong answer leave out the right answer?"""
    sheet.path.write_text(json.dumps({"1": "UWV"}), encoding="utf-8")
    with pytest.raises(NogNietGoed) as failure:
        sheet.check_choice(1, "Dienst Toeslagen")
    assert "Dienst Toeslagen" not in str(failure.value)


def test_corrupt_file_fails_checks_with_a_dutch_message(sheet, grading):
    """Does an unreadable answers file count as unanswered, with a clear message?"""
    sheet.path.write_text("{dit is geen json", encoding="utf-8")
    with pytest.raises(NietBeantwoord, match="beschadigd"):
        sheet.check_choice(1, "UWV")


def test_corrupt_file_is_kept_as_backup_when_a_new_answer_is_saved(sheet, capsys):
    """Is nothing lost: the broken file is moved aside before a new answer is written?"""
    sheet.path.write_text("{kapot", encoding="utf-8")
    sheet.single_choice(1, OPTIONS)
    assert "konden niet worden gelezen" in capsys.readouterr().out
    sheet.widgets["1"].value = "UWV"
    backups = list(sheet.path.parent.glob("opdracht.antwoorden.beschadigd-*.json"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8") == "{kapot"
    assert _saved(sheet) == {"1": "UWV"}
    assert "reservekopie" in sheet.status_text(1)


def test_explanation_goes_into_the_feedback(sheet, capsys, grading):
    """Right: 'goed' plus the explanation (stdout, not stderr); wrong: the explanation too."""
    sheet.path.write_text(json.dumps({"1": "UWV", "2": "SVB"}), encoding="utf-8")
    sheet.check_choice(1, "UWV", explanation="Het UWV betaalt de WW.")
    captured = capsys.readouterr()
    assert captured.out.strip() == "Vraag 1: goed. Het UWV betaalt de WW."
    assert captured.err == ""
    with pytest.raises(NogNietGoed, match="nog niet goed. De SVB betaalt de AOW."):
        sheet.check_choice(2, "UWV", explanation="De SVB betaalt de AOW.")
