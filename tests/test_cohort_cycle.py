"""A whole cohort, through the `trainer` command: from learner import to Dutch feedback and
the score export, with a learner on the exchange, one with an inleverpakket, a broken
submission and a rejected package."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from course.handin import make_handin
from grading.cli import main
from grading.cohort import gradebook_url
from grading.exchange import LEARNER_ENV, write_learner_config
from grading.nbgrader_cli import environment
from grading.scores import grade_manually
from nbgrader_course import solution_answers

ASSIGNMENT = "proefopdracht"


def _as_learner(folder: Path, learner: str, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=folder,
        env=environment({LEARNER_ENV: learner}),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _trainer(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_full_cohort_cycle(tmp_path):
    root, exchange = tmp_path / "cohort-2027", tmp_path / "uitwissel"
    _trainer("nieuw", str(root), "--uitwisseling", str(exchange))
    people = tmp_path / "deelnemers.csv"
    people.write_text(
        "id,voornaam,achternaam,e-mail\n"
        "karim,Karim,El Amrani,karim@voorbeeld.nl\n"
        "samira,Samira,Benali,samira@voorbeeld.nl\n"
        "olena,Olena,Kovalenko,olena@voorbeeld.nl\n",
        encoding="utf-8",
    )
    _trainer("importeer-deelnemers", str(people), "--cohort", str(root))
    _trainer("uitdelen", ASSIGNMENT, "--cohort", str(root))

    answers = solution_answers(ASSIGNMENT)[ASSIGNMENT]
    for learner, given in (("karim", answers), ("samira", None)):
        folder = tmp_path / f"werkmap-{learner}"
        write_learner_config(folder, exchange, cache=tmp_path / f"cache-{learner}")
        _as_learner(folder, learner, "fetch_assignment", ASSIGNMENT)
        if given:
            (folder / ASSIGNMENT / f"{ASSIGNMENT}.antwoorden.json").write_text(json.dumps(given))
        _as_learner(folder, learner, "submit", ASSIGNMENT)
    _trainer("ophalen", ASSIGNMENT, "--cohort", str(root))

    # Olena has no hub: she hands in a package, with a damaged answers file.
    olena = tmp_path / "olena" / ASSIGNMENT
    shutil.copytree(root / "release" / ASSIGNMENT, olena)
    (olena / f"{ASSIGNMENT}.antwoorden.json").write_text("{kapot")
    packages = tmp_path / "pakketten"
    packages.mkdir()
    make_handin(olena, "olena", out_dir=packages)
    with zipfile.ZipFile(packages / "yusuf_proefopdracht.zip", "w") as bad:
        bad.writestr("../../buiten.txt", "niet toegestaan")
    report = _trainer("importeer-pakketten", ASSIGNMENT, str(packages), "--cohort", str(root))
    assert "olena_proefopdracht.zip  olena      ingelezen" in report
    assert "yusuf_proefopdracht.zip  yusuf      GEWEIGERD" in report

    graded = CliRunner().invoke(main, ["nakijken", ASSIGNMENT, "--cohort", str(root)])
    assert graded.exit_code == 0, graded.output
    url = gradebook_url(root)
    for learner in ("karim", "samira", "olena"):
        grade_manually(url, ASSIGNMENT, learner, "vraag-5-antwoord", 2)

    _trainer("feedback", ASSIGNMENT, "--cohort", str(root))
    feedback = {
        learner: "".join(
            p.read_text(encoding="utf-8")
            for p in (root / "feedback" / learner / ASSIGNMENT).glob("*.html")
        )
        for learner in ("karim", "samira", "olena")
    }
    assert "Jouw antwoord: Mevrouw Yilmaz machtigt Karim met DigiD Machtigen." in feedback["karim"]
    assert "Je hebt vraag 1 nog niet beantwoord." in feedback["samira"]
    assert "beschadigd" in feedback["olena"]
    for html in feedback.values():
        assert html and "BEGIN HIDDEN TESTS" not in html and "check_choice" not in html
        assert "Beoordelingsmodel" not in html

    _trainer("exporteer", "--cohort", str(root))
    table = pd.read_csv(next((root / "export").glob("scores.csv")))
    by_learner = table.set_index("learner")["score"].to_dict()
    assert by_learner == {"karim": 6.0, "olena": 2.0, "samira": 2.0}
