"""The rubric next to each open answer: real autograde with AddRubrics, the real formgrader."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from nbformat.notebooknode import from_dict
from nbgrader.api import Gradebook
from nbgrader.apps.autogradeapp import AutogradeApp
from nbgrader.converters.autograde import Autograde
from traitlets.config import Config

from conftest import ASSIGNMENTS
from grading.cohort import gradebook_url, write_config
from grading.nbgrader_cli import environment, run
from grading.preprocessors import AddRubrics
from grading.rubric import RubricText, is_trainer_only, source_rubrics
from grading.scores import grade_manually, score_table
from nbgrader_course import solution_answers

ASSIGNMENT = "proefopdracht"
NBGRADER_DEFAULT = Autograde.class_traits()["autograde_preprocessors"].default()
SOURCE = ASSIGNMENTS / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
OPEN_ANSWER = "Ik gebruik je DigiD niet. Je kunt mij machtigen."
FAKE = "NEP-BEOORDELINGSMODEL: geef mij alle punten"


def _hand_in(root: Path, learner: str, answers: dict | None, fake_rubric: bool = False) -> None:
    with Gradebook(gradebook_url(root)) as gradebook:
        gradebook.update_or_create_student(learner)
    folder = root / "submitted" / learner / ASSIGNMENT
    folder.mkdir(parents=True)
    notebook = json.loads((root / "release" / ASSIGNMENT / SOURCE.name).read_text("utf-8"))
    for cell in notebook["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("solution"):
            cell["source"] = OPEN_ANSWER
    if fake_rubric:
        notebook["cells"].insert(
            3,
            {
                "cell_type": "markdown",
                "id": "nep",
                "metadata": {"sleutelpersonen": {"trainer_only": True}},
                "source": FAKE,
            },
        )
    (folder / SOURCE.name).write_text(json.dumps(notebook), encoding="utf-8")
    if answers is not None:
        (folder / f"{ASSIGNMENT}.antwoorden.json").write_text(json.dumps(answers[ASSIGNMENT]))


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """A cohort with the shared config (AddRubrics, our feedback); two learners handed in."""
    root = tmp_path_factory.mktemp("rubric") / "cohort"
    write_config(root)
    run(root, "generate_assignment", ASSIGNMENT, "--create")
    _hand_in(root, "anna", solution_answers(ASSIGNMENT))
    _hand_in(root, "bram", None, fake_rubric=True)
    run(root, "autograde", ASSIGNMENT)
    return root


def _autograded(root: Path, learner: str):
    path = root / "autograded" / learner / ASSIGNMENT / SOURCE.name
    return nbformat.read(path, as_version=4)


def _grade_id(cell) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def test_source_rubric_is_read_from_the_source_notebook():
    rubrics = source_rubrics(SOURCE)
    assert list(rubrics) == ["vraag-5-antwoord"]
    assert rubrics["vraag-5-antwoord"].startswith("**Beoordelingsmodel")


def test_rubric_sits_right_above_each_open_answer_in_the_autograded_notebook(cohort):
    cells = _autograded(cohort, "anna").cells
    trainer = [i for i, cell in enumerate(cells) if is_trainer_only(cell)]
    assert len(trainer) == 1
    rubric, answer = cells[trainer[0]], cells[trainer[0] + 1]
    assert _grade_id(answer) == "vraag-5-antwoord" and answer.source == OPEN_ANSWER
    assert rubric.cell_type == "markdown"
    assert rubric.source.startswith(RubricText.HEADING)
    assert rubric.metadata["editable"] is False and rubric.metadata["deletable"] is False
    assert "nbgrader" not in rubric.metadata  # not a graded cell: scores stay as they were
    first_rule = source_rubrics(SOURCE)["vraag-5-antwoord"].splitlines()[3].strip()
    assert first_rule.startswith("- **1 punt:**")
    assert first_rule in rubric.source


def test_rubrics_are_added_once_per_autograde(cohort):
    """nbgrader loads the cohort's config twice; AddRubrics must still run once, not twice."""
    app = AutogradeApp()
    with contextlib.chdir(cohort):
        app.initialize([ASSIGNMENT])
    steps = Autograde(coursedir=app.coursedir, parent=app).autograde_preprocessors
    assert [step for step in steps if step is AddRubrics] == [AddRubrics]
    assert steps[: len(NBGRADER_DEFAULT)] == NBGRADER_DEFAULT


def test_rubric_does_not_change_the_scores(cohort):
    table = score_table(gradebook_url(cohort)).set_index("learner")
    assert table.loc["anna", "score"] == 4.0 and table.loc["anna", "max_score"] == 7.0
    assert table.loc["anna", "open_items"] == "vraag-5-antwoord"


def test_a_learner_cannot_plant_a_fake_rubric(cohort):
    cells = _autograded(cohort, "bram").cells
    assert not any(FAKE in cell.source for cell in cells)
    assert sum(is_trainer_only(cell) for cell in cells) == 1


def test_missing_source_notebook_adds_nothing_and_does_not_fail(tmp_path):
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    config.CourseDirectory.source_directory = str(tmp_path / "bestaat-niet")
    notebook = from_dict({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    notebook.cells.append(
        from_dict(
            {
                "cell_type": "markdown",
                "id": "a",
                "metadata": {"nbgrader": {"grade": True, "solution": True, "grade_id": "x"}},
                "source": "antwoord",
            }
        )
    )
    resources = {"nbgrader": {"assignment": "a", "notebook": "n", "student": "s", "db_url": ""}}
    result, _ = AddRubrics(config=config).preprocess(notebook, resources)
    assert [cell.source for cell in result.cells] == ["antwoord"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")


@pytest.fixture(scope="module")
def formgrader(cohort):
    """The real formgrader: a Jupyter server started in the cohort folder."""
    port, token = _free_port(), "proef-token"
    command = [
        sys.executable,
        "-m",
        "jupyter_server",
        "--no-browser",
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={cohort}",
        f"--IdentityProvider.token={token}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    env = environment({"JUPYTER_CONFIG_DIR": str(cohort.parent / "jupyter-trainer")})
    log = (cohort.parent / "server.log").open("w")
    process = subprocess.Popen(command, cwd=cohort, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(f"{base}/api/status?token={token}")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield base, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_formgrader_shows_the_rubric_beside_the_answer_and_its_score_box(formgrader):
    """Rubric, score box, answer, in that order and nothing between: no scrolling back."""
    base, token = formgrader
    listing = json.loads(
        _get(f"{base}/formgrader/api/submitted_notebooks/{ASSIGNMENT}/{ASSIGNMENT}?token={token}")
    )
    anna = next(item["id"] for item in listing if item["student"] == "anna")
    page = _get(f"{base}/formgrader/submissions/{anna}/?token={token}")
    answer = page.index(OPEN_ANSWER)
    heading = page.index("Beoordelingsmodel (alleen voor de trainer)")
    rule = page.index("Karim gebruikt haar DigiD niet.")
    score = page.index('id="vraag-5-antwoord" style="width: 4em;" type="number"')
    closing = page.index(">Klaar?<")  # the closing heading, not "Klaar?" in the instructions
    # The formgrader draws the score box at the top of the answer cell: the rubric sits
    # right above it, the answer right below it.
    assert heading < rule < score < answer < closing
    assert page.count('class="cell', rule, score) == 1  # only the answer cell in between


def _generate_feedback_button(base: str, token: str, learner: str) -> dict:
    request = urllib.request.Request(
        f"{base}/formgrader/api/assignment/{ASSIGNMENT}/{learner}/generate_feedback",
        data=b"",
        method="POST",
        headers={"Authorization": f"token {token}"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def test_formgrader_generate_feedback_button_gives_dutch_safe_feedback(formgrader, cohort):
    """The formgrader's "Generate Feedback" (its API) uses our template and preprocessor, and
    cannot skip the rule that feedback waits until every open answer is graded."""
    base, token = formgrader
    feedback = cohort / "feedback" / "anna" / ASSIGNMENT / f"{ASSIGNMENT}.html"
    refused = _generate_feedback_button(base, token, "anna")  # vraag-5 is not graded yet
    assert refused["success"] is False
    assert "nog niet beoordeeld: vraag-5-antwoord" in refused["log"] + refused.get("error", "")
    assert not feedback.exists()
    grade_manually(gradebook_url(cohort), ASSIGNMENT, "anna", "vraag-5-antwoord", 2)
    assert _generate_feedback_button(base, token, "anna")["success"] is True
    html = feedback.read_text("utf-8")
    assert '<html lang="nl">' in html and "Jouw score" in html
    assert OPEN_ANSWER in html
    for forbidden in ("Beoordelingsmodel", "BEGIN HIDDEN TESTS", "check_", "Karim gebruikt haar"):
        assert forbidden not in html
