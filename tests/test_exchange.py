"""Release and collect through nbgrader's real exchange, on one machine.

The trainer releases into a temporary exchange folder; learners work in their own folders
with their own nbgrader config (same exchange and course id, learner id from the
environment), fetch, answer, submit; the trainer collects.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from nbgrader.api import Gradebook

from grading.cli import main as trainer
from grading.cohort import gradebook_url, write_config
from grading.errors import TrainerError
from grading.exchange import LEARNER_ENV, collect, release, write_learner_config
from grading.nbgrader_cli import environment
from nbgrader_course import solution_answers

ASSIGNMENT = "proefopdracht"


def _learner(folder: Path, learner: str, *args: str) -> subprocess.CompletedProcess:
    """``nbgrader ARGS`` as the learner, in the learner's own folder."""
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=folder,
        env=environment({LEARNER_ENV: learner}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def loop(tmp_path_factory):
    """Release; karim (in the gradebook) and amal (not) fetch, answer and submit; collect;
    karim submits again; collect again."""
    base = tmp_path_factory.mktemp("exchange-loop")
    root, exchange = base / "cohort", base / "uitwissel"
    write_config(root, exchange=exchange)
    with Gradebook(gradebook_url(root), "sleutelpersonen") as gradebook:
        gradebook.add_student("karim")
    outbound = release(root, ASSIGNMENT)
    answers = solution_answers(ASSIGNMENT)[ASSIGNMENT]
    folders = {}
    for learner in ("karim", "amal"):
        folder = base / f"werkmap-{learner}"
        write_learner_config(folder, exchange, cache=base / f"cache-{learner}")
        _learner(folder, learner, "fetch_assignment", ASSIGNMENT)
        answer_file = folder / ASSIGNMENT / f"{ASSIGNMENT}.antwoorden.json"
        answer_file.write_text(json.dumps(answers), encoding="utf-8")
        _learner(folder, learner, "submit", ASSIGNMENT)
        folders[learner] = folder
    first = collect(root, ASSIGNMENT)
    changed = dict(answers, **{next(iter(answers)): "tweede poging"})
    answer_file = folders["karim"] / ASSIGNMENT / f"{ASSIGNMENT}.antwoorden.json"
    answer_file.write_text(json.dumps(changed), encoding="utf-8")
    _learner(folders["karim"], "karim", "submit", ASSIGNMENT)
    second = CliRunner().invoke(trainer, ["ophalen", ASSIGNMENT, "--cohort", str(root)])
    return {
        "root": root,
        "exchange": exchange,
        "outbound": outbound,
        "folders": folders,
        "first": first,
        "second": second,
        "answers": answers,
        "changed": changed,
    }


def test_release_puts_the_learner_version_in_the_exchange(loop):
    notebook = loop["outbound"] / f"{ASSIGNMENT}.ipynb"
    assert loop["outbound"] == loop["exchange"] / "sleutelpersonen" / "outbound" / ASSIGNMENT
    text = notebook.read_text(encoding="utf-8")
    assert "BEGIN HIDDEN TESTS" not in text and "Beoordelingsmodel" not in text


def test_learner_fetches_into_their_own_folder(loop):
    for folder in loop["folders"].values():
        assert (folder / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()


def test_submissions_are_named_after_the_learner_id_not_the_os_user(loop):
    inbound = loop["exchange"] / "sleutelpersonen" / "inbound"
    owners = sorted(path.name.split("+")[0] for path in inbound.iterdir())
    assert owners == ["amal", "karim", "karim"]


def test_collect_brings_the_answers_file_into_submitted(loop):
    first = {item.learner: item for item in loop["first"]}
    assert set(first) == {"karim", "amal"}
    assert first["karim"].status == "new" and first["karim"].known
    assert not first["amal"].known
    assert "staat niet in het cijferboek" in first["amal"].line()
    folder = loop["root"] / "submitted" / "amal" / ASSIGNMENT
    saved = json.loads((folder / f"{ASSIGNMENT}.antwoorden.json").read_text(encoding="utf-8"))
    assert saved == loop["answers"]
    assert (folder / f"{ASSIGNMENT}.ipynb").is_file()
    assert (folder / "timestamp.txt").read_text().endswith("UTC")


def test_collect_again_takes_the_newer_submission(loop):
    result = loop["second"]
    assert result.exit_code == 0, result.output
    assert "Opgehaald voor 'proefopdracht': 2 inleveringen." in result.output
    assert "- karim: bijgewerkt (nieuwere versie)" in result.output
    assert "- amal: al opgehaald" in result.output
    folder = loop["root"] / "submitted" / "karim" / ASSIGNMENT
    saved = json.loads((folder / f"{ASSIGNMENT}.antwoorden.json").read_text(encoding="utf-8"))
    assert saved == loop["changed"]


def test_release_twice_needs_opnieuw(loop):
    runner = CliRunner()
    args = ["uitdelen", ASSIGNMENT, "--cohort", str(loop["root"])]
    result = runner.invoke(trainer, args)
    assert result.exit_code == 1 and "Fout: De opdracht 'proefopdracht' is al" in result.output
    result = runner.invoke(trainer, [*args, "--opnieuw"])
    assert result.exit_code == 0, result.output
    assert "Opdracht 'proefopdracht' is uitgedeeld." in result.output


def test_unknown_assignment_and_missing_exchange_are_explained(tmp_path):
    with_exchange = tmp_path / "met"
    write_config(with_exchange, exchange=tmp_path / "uitwissel")
    with pytest.raises(TrainerError, match="De opdracht 'module-9' bestaat niet"):
        release(with_exchange, "module-9")
    without = tmp_path / "zonder"
    write_config(without)
    with pytest.raises(TrainerError, match="geen uitwisselmap"):
        collect(without, ASSIGNMENT)
    assert not (tmp_path / "uitwissel").exists()


def test_collect_with_nothing_submitted(tmp_path):
    root = tmp_path / "cohort"
    write_config(root, exchange=tmp_path / "uitwissel")
    result = CliRunner().invoke(trainer, ["ophalen", ASSIGNMENT, "--cohort", str(root)])
    assert result.exit_code == 0, result.output
    assert "Er is nog niets ingeleverd voor 'proefopdracht'." in result.output
