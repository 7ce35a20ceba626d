"""Learners who share one OS account each get only their own feedback from the exchange.

On one machine several learners may work under the same account, told apart by
``$SLEUTELPERSONEN_DEELNEMER``. nbgrader's ``fetch_feedback`` takes feedback for every
submission in its local cache, and that cache lives in the account's Jupyter data folder:
without a folder per learner, amina01 would also get bram02's feedback. Here both learners
use the learner config exactly as ``write_learner_config`` writes it (no cache given), in one
shared Jupyter data folder; the trainer grades and releases feedback with the real pipeline.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from nbgrader.api import Gradebook

from grading.cohort import Cohort, write_config
from grading.exchange import LEARNER_ENV, collect, release, write_learner_config
from grading.nbgrader_cli import environment
from grading.scores import grade_manually
from nbgrader_course import AssignmentShape, solution_answers

ASSIGNMENT = "proefopdracht"
LEARNERS = {"amina01": "DigiD", "bram02": "Een wachtwoord van Bram"}  # answer to question 4


def _as_learner(folder: Path, learner: str, data: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=folder,
        env=environment({LEARNER_ENV: learner, "JUPYTER_DATA_DIR": str(data)}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _trainer(*args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "grading.cli", *args],
        env=environment({}),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_learners_on_one_account_fetch_only_their_own_feedback(tmp_path):
    root, exchange, shared_data = tmp_path / "cohort", tmp_path / "uitwissel", tmp_path / "data"
    write_config(root, exchange=exchange)
    with Gradebook(Cohort(root).gradebook_url, "sleutelpersonen") as gradebook:
        for learner in LEARNERS:
            gradebook.add_student(learner)
    release(root, ASSIGNMENT)
    folders = {}
    for learner, answer in LEARNERS.items():
        folder = tmp_path / f"werkmap-{learner}"
        write_learner_config(folder, exchange)  # no cache: the account's default
        _as_learner(folder, learner, shared_data, "fetch_assignment", ASSIGNMENT)
        answers = dict(solution_answers(ASSIGNMENT)[ASSIGNMENT], **{"4": answer})
        answers.update(
            {
                str(n): f"Open antwoord van {learner}."
                for n in AssignmentShape(ASSIGNMENT).open_numbers
            }
        )
        (folder / ASSIGNMENT / f"{ASSIGNMENT}.antwoorden.json").write_text(
            json.dumps(answers), encoding="utf-8"
        )
        _as_learner(folder, learner, shared_data, "submit", ASSIGNMENT)
        folders[learner] = folder
    assert {item.learner for item in collect(root, ASSIGNMENT)} == set(LEARNERS)
    _trainer("nakijken", ASSIGNMENT, "--cohort", str(root))
    for learner in LEARNERS:
        for grade_id in AssignmentShape(ASSIGNMENT).open:
            grade_manually(Cohort(root).gradebook_url, ASSIGNMENT, learner, grade_id, 2)
    _trainer("feedback", ASSIGNMENT, "--cohort", str(root))

    for learner, folder in folders.items():
        _as_learner(folder, learner, shared_data, "fetch_feedback", ASSIGNMENT)
        pages = sorted((folder / ASSIGNMENT / "feedback").rglob("*.html"))
        assert len(pages) == 1, pages  # one submission: one feedback page, no one else's
        text = pages[0].read_text(encoding="utf-8")
        assert f"Open antwoord van {learner}." in text
        for other in set(LEARNERS) - {learner}:
            assert f"Open antwoord van {other}." not in text
    caches = sorted(p.name for p in (shared_data / "nbgrader_cache" / "deelnemers").iterdir())
    assert caches == sorted(LEARNERS)
