"""The keurmerk command line, end to end on a fixture score table (real keys, real SQLite)."""

from __future__ import annotations

import json
import re
import stat

import pytest
from click.testing import CliRunner

from keurmerk.cli import main

SCORES = """learner,assignment,score,max_score,open_items,late
samira,module-1,30,32,,False
samira,module-2,25,28,,False
samira,module-3,28,30,,False
karim,module-1,30,32,,False
karim,module-2,25,28,vraag-3-antwoord,False
karim,module-3,28,30,,False
"""
PRACTICE = "learner,practice_hours,intervision_sessions\nsamira,24,4\nkarim,30,5\n"
PEOPLE = "learner,name,email\nsamira,Samira Benali,samira@example.org\nkarim,Karim,k@example.org\n"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli")
    home = root / "home"
    for name, text in [
        ("scores.csv", SCORES),
        ("praktijk.csv", PRACTICE),
        ("deelnemers.csv", PEOPLE),
    ]:
        (root / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "init",
            "--map",
            str(home),
            "--url",
            "https://keurmerk.example.nl",
            "--naam",
            "Stichting Keurmerk",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        main,
        [
            "uitgeven",
            "--map",
            str(home),
            "--scores",
            str(root / "scores.csv"),
            "--praktijk",
            str(root / "praktijk.csv"),
            "--deelnemers",
            str(root / "deelnemers.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    number = re.search(r"samira: keurmerk (KM-\w{4}-\w{4}) uitgegeven", result.output).group(1)
    return runner, root, home, number, result.output


def test_init_keeps_the_private_key_private(setup):
    _, _, home, _, _ = setup
    keys = list((home / "keys" / "private").glob("*.pem"))
    assert len(keys) == 1 and stat.S_IMODE(keys[0].stat().st_mode) == 0o600


def test_issue_only_to_eligible_learners_with_reasons(setup):
    _, _, _, _, output = setup
    assert (
        "karim: Nog niet: module 2 (Goed voor jezelf zorgen): open vraag 3 is nog niet beoordeeld"
        in output
    )
    assert output.count("uitgegeven") == 1


def test_decide_prints_every_decision(setup):
    runner, root, home, _, _ = setup
    result = runner.invoke(
        main,
        [
            "beslis",
            "--map",
            str(home),
            "--scores",
            str(root / "scores.csv"),
            "--praktijk",
            str(root / "praktijk.csv"),
        ],
    )
    assert "samira: Ja" in result.output and "karim: Nog niet" in result.output


def test_offline_verify_of_the_pdf(setup):
    runner, _, home, number, _ = setup
    pdf = home / "pdf" / f"keurmerk-{number}.pdf"
    result = runner.invoke(main, ["controleer", str(pdf), "--map", str(home), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["status"] == "geldig"


def test_unknown_issuer_without_trust(setup, tmp_path):
    runner, _, home, number, _ = setup
    pdf = home / "pdf" / f"keurmerk-{number}.pdf"
    result = runner.invoke(main, ["controleer", str(pdf), "--map", str(tmp_path / "leeg")])
    assert result.exit_code == 1
    assert "niet van een erkende uitgever" in result.output


def test_bad_file_is_a_clear_no(setup, tmp_path):
    runner, _, home, _, _ = setup
    bad = tmp_path / "kapot.json"
    bad.write_text("{kapot", encoding="utf-8")
    result = runner.invoke(main, ["controleer", str(bad), "--map", str(home)])
    assert result.exit_code == 1 and "geen geldige JSON" in result.output


def test_suspend_reinstate_and_revoke(setup):
    runner, _, home, number, _ = setup
    pdf = home / "pdf" / f"keurmerk-{number}.pdf"

    def status():
        out = runner.invoke(main, ["controleer", str(pdf), "--map", str(home), "--json"]).output
        return json.loads(out)["status"]

    assert (
        runner.invoke(main, ["schors", number, "--map", str(home), "--reden", "klacht"]).exit_code
        == 0
    )
    assert status() == "geschorst"
    assert (
        runner.invoke(
            main, ["herstel", number, "--map", str(home), "--reden", "ongegrond"]
        ).exit_code
        == 0
    )
    assert status() == "geldig"
    assert (
        runner.invoke(main, ["trek-in", number, "--map", str(home), "--reden", "fraude"]).exit_code
        == 0
    )
    assert status() == "ingetrokken"
    again = runner.invoke(main, ["herstel", number, "--map", str(home), "--reden", "x"])
    assert again.exit_code != 0 and "ingetrokken" in again.output


def test_bad_numbers_and_missing_setup_get_dutch_errors(setup, tmp_path):
    runner, _, home, _, _ = setup
    result = runner.invoke(main, ["schors", "hallo", "--map", str(home), "--reden", "x"])
    assert result.exit_code != 0 and "geen keurmerknummer" in result.output
    result = runner.invoke(main, ["schors", "KM-0000-0000", "--map", str(home), "--reden", "x"])
    assert "staat niet in het register" in result.output
    result = runner.invoke(
        main, ["schors", "KM-0000-0000", "--map", str(tmp_path / "nergens"), "--reden", "x"]
    )
    assert result.exit_code != 0 and "keurmerk init" in result.output


def test_rotation_keeps_issued_certificates_valid(setup):
    runner, _, home, _, _ = setup
    result = runner.invoke(main, ["sleutel-vervangen", "--map", str(home)])
    assert result.exit_code == 0 and "Oude certificaten blijven geldig" in result.output
