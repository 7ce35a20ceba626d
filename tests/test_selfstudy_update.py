"""A course update never shows an old answer under a changed question (self-study)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import grading.selfstudy as selfstudy
import grading.source
from conftest import ASSIGNMENTS
from grading.selfstudy import question_signatures, release_into, set_aside_changed_answers

ASSIGNMENT = "module-2"
NOTEBOOK = "opdracht-module-2"


def _notebook(folder: Path, questions: dict[int, str]) -> None:
    cells = [
        {"cell_type": "code", "source": f"vragen.single_choice({n}, {options!r})", "metadata": {}}
        for n, options in questions.items()
    ]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "opdracht.ipynb").write_text(json.dumps({"cells": cells}), encoding="utf-8")


def test_only_answers_to_changed_questions_are_set_aside(tmp_path):
    old, new = tmp_path / "oud", tmp_path / "nieuw"
    _notebook(old, {1: ["a", "b"], 2: ["c", "d"], 3: ["e", "f"]})
    _notebook(new, {1: ["a", "b"], 2: ["c", "x"], 4: ["g", "h"]})
    answers = old / "opdracht.antwoorden.json"
    answers.write_text(json.dumps({"1": "a", "2": "d", "3": "e"}), encoding="utf-8")

    moved = set_aside_changed_answers(old, question_signatures(old), question_signatures(new))

    assert moved == {answers: ["2", "3"]}
    assert json.loads(answers.read_text(encoding="utf-8")) == {"1": "a"}
    (backup,) = old.glob("opdracht.vorige-versie-*.json")
    assert json.loads(backup.read_text(encoding="utf-8")) == {"1": "a", "2": "d", "3": "e"}
    # the same release again changes nothing
    assert set_aside_changed_answers(old, question_signatures(new), question_signatures(new)) == {}


def test_a_damaged_answers_file_is_left_alone(tmp_path):
    _notebook(tmp_path, {1: ["a"]})
    answers = tmp_path / "opdracht.antwoorden.json"
    answers.write_text("{niet af", encoding="utf-8")
    assert set_aside_changed_answers(tmp_path, {"opdracht:1": "x"}, {}) == {}
    assert answers.read_text(encoding="utf-8") == "{niet af"


def test_a_real_course_update_keeps_unchanged_answers(tmp_path, monkeypatch):
    """Release with real nbgrader, answer, change question 2's options, release again."""
    repo = tmp_path / "repo"
    shutil.copytree(ASSIGNMENTS / ASSIGNMENT, repo / ASSIGNMENT)
    monkeypatch.setattr(selfstudy, "ASSIGNMENTS_DIR", repo)
    monkeypatch.setattr(grading.source, "ASSIGNMENTS_DIR", repo)
    workspace, cache = tmp_path / "werkmap", tmp_path / "zelfstudie"
    assert release_into(workspace, [ASSIGNMENT], cache) == [ASSIGNMENT]
    target = workspace / "opdrachten" / ASSIGNMENT
    answers = target / f"{NOTEBOOK}.antwoorden.json"
    answers.write_text(json.dumps({"1": "x", "2": ["y"], "3": ["z"]}), encoding="utf-8")

    source = repo / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    nb = json.loads(source.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        text = "".join(cell["source"])
        if cell["cell_type"] == "code" and "multiple_choice(\n    2," in text:
            cell["source"] = text.replace("Een avond wandelen", "Een middag fietsen")
    source.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")
    moved: dict = {}
    assert release_into(workspace, [ASSIGNMENT], cache, moved) == [ASSIGNMENT]

    assert moved == {answers: ["2"]}
    assert json.loads(answers.read_text(encoding="utf-8")) == {"1": "x", "3": ["z"]}
    assert "Een middag fietsen" in (target / f"{NOTEBOOK}.ipynb").read_text(encoding="utf-8")
    assert len(list(target.glob(f"{NOTEBOOK}.vorige-versie-*.json"))) == 1
