"""Answer widgets for graded questions and the checks hidden tests call."""

import json

import pytest

from course.answers import AnswerSheet, NietBeantwoord, NogNietGoed

OPTIONS = ["Dienst Toeslagen", "UWV", "SVB"]


@pytest.fixture
def sheet(tmp_path):
    return AnswerSheet("opdracht", folder=tmp_path)


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


def test_a_change_is_saved_and_echoed(sheet, capsys):
    """Does clicking an option save it and print 'Jouw antwoord: …'?"""
    sheet.single_choice(1, OPTIONS)
    sheet.widgets["1"].value = "UWV"
    assert _saved(sheet) == {"1": "UWV"}
    assert "Jouw antwoord: UWV" in capsys.readouterr().out


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


def test_number_accepts_dutch_notation(sheet, capsys):
    """Is '1.234,50' saved as the number 1234.5 and shown back the Dutch way?"""
    sheet.number(3, unit="euro")
    box = sheet.widgets["3"].children[0]
    box.value = "€ 1.234,50"
    assert _saved(sheet) == {"3": 1234.5}
    assert "Jouw antwoord: 1.234,5" in capsys.readouterr().out


def test_number_that_is_not_a_number_is_refused_and_loses_nothing(sheet, capsys):
    """Does typing 'twaalf' keep the earlier answer and explain in Dutch?"""
    sheet.number(3)
    box = sheet.widgets["3"].children[0]
    box.value = "12"
    box.value = "twaalf"
    assert _saved(sheet) == {"3": 12.0}
    assert "'twaalf' is geen getal" in capsys.readouterr().out


def test_short_text_is_trimmed_and_emptying_removes_it(sheet):
    """Is a short text saved without outer spaces, and removed when emptied?"""
    sheet.short_text(4)
    sheet.widgets["4"].value = "  DigiD  "
    assert _saved(sheet) == {"4": "DigiD"}
    sheet.widgets["4"].value = ""
    assert _saved(sheet) == {}


def test_require_names_the_missing_question(sheet):
    """Does a missing answer fail with 'Je hebt vraag 3 nog niet beantwoord.'?"""
    with pytest.raises(NietBeantwoord, match=r"^Je hebt vraag 3 nog niet beantwoord\.$"):
        sheet.require(3)


def test_checks_pass_and_fail(sheet):
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


def test_wrong_message_does_not_reveal_the_key(sheet):
    """Does the failure message for a wrong answer leave out the right answer?"""
    sheet.path.write_text(json.dumps({"1": "UWV"}), encoding="utf-8")
    with pytest.raises(NogNietGoed) as failure:
        sheet.check_choice(1, "Dienst Toeslagen")
    assert "Dienst Toeslagen" not in str(failure.value)


def test_corrupt_file_fails_checks_with_a_dutch_message(sheet):
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
    assert "reservekopie" in capsys.readouterr().out


def test_explanation_goes_into_the_feedback(sheet, capsys):
    """Right: 'goed' plus the explanation (stdout, not stderr); wrong: the explanation too."""
    sheet.path.write_text(json.dumps({"1": "UWV", "2": "SVB"}), encoding="utf-8")
    sheet.check_choice(1, "UWV", explanation="Het UWV betaalt de WW.")
    captured = capsys.readouterr()
    assert captured.out.strip() == "Vraag 1: goed. Het UWV betaalt de WW."
    assert captured.err == ""
    with pytest.raises(NogNietGoed, match="nog niet goed. De SVB betaalt de AOW."):
        sheet.check_choice(2, "UWV", explanation="De SVB betaalt de AOW.")
