"""The learner app's parts without a browser: workspace, self-study release, navigation,
open answers reaching nbgrader's answer cell, and finishing an assignment (package or
exchange)."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
import zipfile

import nbformat
import pytest
from click.testing import CliRunner

from course.answers import AnswerSheet
from course.finish import completeness_text, finish_widget, join_numbers
from course.handin import exchange_course
from course.progress import next_steps
from course.workspace import assignment_notebook, lesson_files, update_lessons
from grading.cli import main as trainer
from grading.exchange import LEARNER_ENV, write_learner_config
from grading.nbgrader_cli import environment
from grading.preprocessors import FillOpenAnswers, open_answer_markdown
from grading.selfstudy import STATE_FILE, release_into

# ------------------------------------------------------------------------------ workspace


def test_workspace_gets_lessons_and_nothing_of_the_trainer(tmp_path):
    files = {path.as_posix() for path in lesson_files()}
    assert "00-start-hier.ipynb" in files
    assert "module-1-bureaucratie/01-kaart-van-instanties.ipynb" in files
    assert "module-1-bureaucratie/01-kaart-van-instanties.oefenvragen.toml" in files
    assert not [f for f in files if f.endswith(".py") or "antwoorden" in f or "data/" in f]
    changed = update_lessons(tmp_path)
    assert len(changed) == len(files)
    assert not (tmp_path / "assignments").exists() and not (tmp_path / "tests").exists()


def test_course_update_keeps_the_learners_work(tmp_path):
    update_lessons(tmp_path)
    lesson = tmp_path / "module-1-bureaucratie" / "01-kaart-van-instanties.ipynb"
    answers = lesson.with_name("01-kaart-van-instanties.antwoorden.json")
    answers.write_text('{"1": "x"}', encoding="utf-8")
    assert update_lessons(tmp_path) == []  # nothing changed: nothing written
    lesson.write_text("oud", encoding="utf-8")  # an older course version
    assert update_lessons(tmp_path) == [lesson.relative_to(tmp_path)]
    assert json.loads(lesson.read_text(encoding="utf-8"))["cells"]
    assert answers.read_text(encoding="utf-8") == '{"1": "x"}'


def test_self_study_release_has_no_hidden_tests_and_is_made_once(tmp_path):
    workspace, cache = tmp_path / "werkmap", tmp_path / "prive" / "zelfstudie"
    assert release_into(workspace, ["module-1"], cache) == ["module-1"]
    notebook = assignment_notebook("module-1", workspace)
    assert notebook == workspace / "opdrachten" / "module-1" / "opdracht-module-1.ipynb"
    text = notebook.read_text(encoding="utf-8")
    assert "BEGIN HIDDEN TESTS" not in text and "Beoordelingsmodel" not in text
    assert re.search(r"vragen\.open_text\(\d+\)", text) and "vragen.finish()" in text
    answers = notebook.with_name("opdracht-module-1.antwoorden.json")
    answers.write_text('{"1": "De SVB"}', encoding="utf-8")
    assert release_into(workspace, ["module-1"], cache) == []
    # A changed source is released again; the learner's answers stay.
    (cache / STATE_FILE).write_text("{}", encoding="utf-8")
    assert release_into(workspace, ["module-1"], cache) == ["module-1"]
    assert answers.read_text(encoding="utf-8") == '{"1": "De SVB"}'
    assert not list(workspace.rglob("gradebook.db")) and not (workspace / "source").exists()


# ----------------------------------------------------------------------------- navigation


def test_next_steps_lead_through_the_course(tmp_path, monkeypatch):
    update_lessons(tmp_path)
    monkeypatch.chdir(tmp_path / "module-1-bureaucratie")
    first = next_steps("m1-l1")
    assert first[0] == (
        "Volgende les: DigiD en machtigen",
        "module-1-bureaucratie/02-digid-en-machtigen.ipynb",
    )
    assert first[-1] == ("Terug naar het overzicht", "00-start-hier.ipynb")
    # After a module's last lesson: the next module, and the assignment once it is there.
    assert next_steps("m1-l6")[0][0] == "Volgende les: Draagkracht en draaglast"
    released = tmp_path / "opdrachten" / "module-1"
    released.mkdir(parents=True)
    (released / "opdracht-module-1.ipynb").write_text("{}", encoding="utf-8")
    assert next_steps("m1-l6")[0] == (
        "Naar de opdracht: Opdracht module 1",
        "opdrachten/module-1/opdracht-module-1.ipynb",
    )


# --------------------------------------------------------------------------- open answers


def _open_question_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('vragen = AnswerSheet("opdracht-x")'),
        nbformat.v4.new_markdown_cell("<!-- stub -->"),
    ]
    nb.cells[1].metadata["nbgrader"] = {
        "grade": True,
        "solution": True,
        "grade_id": "vraag-21-antwoord",
        "points": 6,
    }
    return nb


def test_open_answer_reaches_the_manually_graded_cell(tmp_path):
    (tmp_path / "opdracht-x.antwoorden.json").write_text(
        json.dumps({"21": "Eerst rustig blijven.\n# Geen kop\n<script>x</script>"}),
        encoding="utf-8",
    )
    nb, _ = FillOpenAnswers().preprocess(
        _open_question_notebook(), {"metadata": {"path": str(tmp_path)}, "unique_key": "y"}
    )
    source = nb.cells[1].source
    assert source.startswith("Eerst rustig blijven.")
    assert "\\# Geen kop" in source  # not a heading in the trainer's page
    assert "&lt;script&gt;" in source and "<script>" not in source


@pytest.mark.parametrize("content", [None, "{kapot", '["geen object"]', '{"21": ""}'])
def test_no_usable_open_answer_leaves_the_cell_alone(tmp_path, content):
    if content is not None:
        (tmp_path / "opdracht-x.antwoorden.json").write_text(content, encoding="utf-8")
    nb, _ = FillOpenAnswers().preprocess(
        _open_question_notebook(), {"metadata": {"path": str(tmp_path)}}
    )
    assert nb.cells[1].source == "<!-- stub -->"


def test_open_answer_markdown_keeps_line_breaks():
    assert open_answer_markdown("een\ntwee") == "een  \ntwee"
    assert open_answer_markdown("1. punt") == "1\\. punt"


# ------------------------------------------------------------------------------ finishing


def test_completeness_names_the_missing_questions(tmp_path):
    sheet = AnswerSheet("opdracht", folder=tmp_path)
    for number in (1, 2, 3):
        sheet.single_choice(number, ["a", "b"])
    assert completeness_text(sheet) == "Deze vragen hebben nog geen antwoord: 1, 2 en 3."
    sheet.widgets["1"].value = "a"
    sheet.widgets["3"].value = "b"
    assert completeness_text(sheet) == "Vraag 2 heeft nog geen antwoord."
    sheet.widgets["2"].value = "a"
    assert completeness_text(sheet) == "Je hebt alle 3 vragen beantwoord. Je kunt inleveren."
    assert join_numbers(["7"]) == "7"


def _buttons(widget) -> dict:
    found = {}
    stack = [widget]
    while stack:
        item = stack.pop()
        if hasattr(item, "on_click"):
            found[item.description] = item
        stack.extend(getattr(item, "children", ()))
    return found


def test_inleveren_without_a_hub_gives_a_package_to_download(tmp_path, learner_home):
    folder = tmp_path / "opdrachten" / "proefopdracht"
    folder.mkdir(parents=True)
    (folder / "proefopdracht.ipynb").write_text("{}", encoding="utf-8")
    sheet = AnswerSheet("proefopdracht", folder=folder)
    sheet.single_choice(1, ["a", "b"])
    sheet.open_text(2)
    box = finish_widget(sheet, folder)
    learner, _buttons_row, status = box.children
    buttons = _buttons(box)
    buttons["Inleveren"].click()
    assert "Deze vragen hebben nog geen antwoord: 1 en 2." in status.value
    assert buttons["Toch inleveren"].layout.display is None  # offered, never automatic
    sheet.widgets["1"].value = "a"
    sheet.widgets["2"].value = "Mijn antwoord."
    assert learner.layout.display == "none"  # asked only when it is needed
    buttons["Inleveren"].click()
    assert "Typ eerst je deelnemersnummer" in status.value
    assert learner.layout.display is None
    learner.value = "karim"
    buttons["Inleveren"].click()
    package = tmp_path / "opdrachten" / "karim_proefopdracht.zip"
    assert package.exists()
    link = re.search(r'download="([^"]+)" href="data:application/zip;base64,([^"]+)"', status.value)
    assert link and link.group(1) == "karim_proefopdracht.zip"
    assert base64.b64decode(link.group(2)) == package.read_bytes()
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
    assert "proefopdracht/proefopdracht.antwoorden.json" in names


def test_no_exchange_without_a_course_inbox(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "leeg"))
    assert exchange_course() is None


def test_inleveren_on_a_hub_goes_through_the_exchange(tmp_path, learner_home, monkeypatch):
    """With an exchange configured (as on a JupyterHub), Inleveren submits as the learner and
    the trainer collects it with `trainer ophalen`."""
    cohort, exchange = tmp_path / "cohort", tmp_path / "uitwisseling"
    runner = CliRunner()
    for args in (
        ["nieuw", str(cohort), "--uitwisseling", str(exchange)],
        ["uitdelen", "proefopdracht", "--cohort", str(cohort)],
    ):
        result = runner.invoke(trainer, args)
        assert result.exit_code == 0, result.output
    workspace = tmp_path / "sleutelpersonen"
    (workspace / "00-start-hier.ipynb").parent.mkdir(parents=True)
    (workspace / "00-start-hier.ipynb").write_text("{}", encoding="utf-8")
    write_learner_config(workspace, exchange, cache=tmp_path / "cache")
    monkeypatch.setenv(LEARNER_ENV, "amina")
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "geen-config"))
    fetched = subprocess.run(
        [sys.executable, "-m", "nbgrader", "fetch_assignment", "proefopdracht"],
        cwd=workspace,
        env=environment(dict(os.environ)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert fetched.returncode == 0, fetched.stderr
    folder = workspace / "proefopdracht"
    monkeypatch.chdir(folder)
    assert exchange_course() == "sleutelpersonen"
    sheet = AnswerSheet("proefopdracht", folder=folder)
    sheet.single_choice(1, ["a", "b"])
    sheet.widgets["1"].value = "a"
    box = finish_widget(sheet, folder)
    _buttons(box)["Inleveren"].click()
    assert "Ingeleverd op" in box.children[2].value, box.children[2].value
    assert box.children[0].layout.display == "none"  # no learner id needed on a hub
    collected = runner.invoke(trainer, ["ophalen", "proefopdracht", "--cohort", str(cohort)])
    assert collected.exit_code == 0, collected.output
    assert (cohort / "submitted" / "amina" / "proefopdracht").is_dir()
