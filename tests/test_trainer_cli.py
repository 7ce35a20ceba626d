"""The `trainer` command as a trainer meets it: Dutch help and errors, --cohort everywhere,
cohorts outside git checkouts that can be moved, a fast start and no PATH set-up needed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from grading.cli import main as trainer
from grading.cohort import CONFIG_NAME, Cohort, NotACohort

COMMANDS = [
    "nieuw",
    "instellen",
    "importeer-deelnemers",
    "uitdelen",
    "ophalen",
    "importeer-pakketten",
    "nakijken",
    "feedback",
    "e-mail-instellen",
    "deelnemer-verwijderen",
    "vervangen-opruimen",
    "exporteer",
    "dashboard",
    "hub",
]
PEOPLE = "id;voornaam;achternaam;e-mail\nkarim;Karim;El Amrani;karim@voorbeeld.nl\n"
TRAINER = Path(sys.executable).parent / "trainer"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(trainer, list(args))
    return result.exit_code, result.output


def test_help_is_dutch_and_lists_every_command_in_order():
    code, output = _run("--help")
    assert code == 0
    assert output.startswith("Gebruik: trainer [OPTIES] COMMANDO")
    assert "Opties:" in output and "Commando's:" in output and "Toon deze uitleg" in output
    assert "Usage" not in output and "Options" not in output and "Show this" not in output
    listed = [line.split()[0] for line in output.split("Commando's:")[1].splitlines() if line]
    assert listed == COMMANDS


@pytest.mark.parametrize(
    "command", [[c] for c in COMMANDS if c not in ("nieuw", "hub")] + [["hub", "start"]]
)
def test_every_cohort_command_takes_cohort_and_says_the_true_default(command):
    code, output = _run(*command, "--help")
    assert code == 0 and "--cohort MAP" in output and "[default" not in output
    if command == ["nakijken"]:
        assert "(standaard: 20)" in output  # the limit the code uses


def test_errors_start_with_fout_never_with_click_error(tmp_path):
    code, output = _run("exporteer", "--cohort", str(tmp_path))
    assert code == 1
    assert output.startswith(f"Fout: De map {tmp_path} is geen cohortmap")
    code, output = _run("nakijken")
    assert code == 2 and output.startswith("Fout: Het argument OPDRACHT ontbreekt.")
    code, output = _run("bestaat-niet")
    assert code == 2 and output.startswith("Fout: Dit commando bestaat niet: bestaat-niet.")
    for text in (output,):
        assert "Error" not in text


def test_a_cohort_inside_a_git_checkout_is_refused(tmp_path):
    checkout = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(checkout)], check=True)
    code, output = _run("nieuw", str(checkout / "cohorten" / "cohort-2027"))
    assert code == 1 and "Fout:" in output and "buiten de repository" in output
    assert not (checkout / "cohorten").exists()
    code, output = _run("nieuw", str(tmp_path / "cohort-2027"))
    assert code == 0 and "Cohort gemaakt in" in output
    code, output = _run("nieuw", str(tmp_path / "cohort-2027"))
    assert code == 1 and "is al een cohort" in output


def test_a_moved_cohort_works_in_its_new_place(tmp_path):
    old, new = tmp_path / "oud" / "cohort", tmp_path / "nieuw" / "cohort"
    assert _run("nieuw", str(old))[0] == 0
    people = tmp_path / "deelnemers.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    assert _run("importeer-deelnemers", str(people), "--cohort", str(old))[0] == 0
    new.parent.mkdir()
    shutil.move(old, new)
    code, output = _run("importeer-deelnemers", str(people), "--cohort", str(new))
    assert code == 0 and "1 gelijk" in output  # the moved gradebook, not a new empty one
    assert not old.exists()
    assert Cohort(new).gradebook_url == f"sqlite:///{new / 'gradebook.db'}"


def test_an_old_config_with_absolute_paths_follows_a_move(tmp_path):
    """Cohorts made before could name their old folder: opening one rewrites its config."""
    root = tmp_path / "verplaatst"
    Cohort.create(root, exchange=tmp_path / "uitwissel", course_id="cohort-2027")
    config = root / CONFIG_NAME
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "os.path.dirname(os.path.abspath(__file__))", repr(str(tmp_path / "vroeger"))
    ).replace("'source'", repr(str(tmp_path / "vroeger" / "source")))
    config.write_text(text, encoding="utf-8")
    cohort = Cohort(root)
    rewritten = config.read_text(encoding="utf-8")
    assert "vroeger" not in rewritten and "os.path.abspath(__file__)" in rewritten
    assert cohort.course_id == "cohort-2027"
    assert cohort.exchange == (tmp_path / "uitwissel").resolve()
    assert cohort.source_dir == root / "source"
    with pytest.raises(NotACohort, match="geen cohortmap"):
        Cohort(tmp_path / "leeg")


def test_trainer_by_its_full_path_needs_no_path_setup(tmp_path):
    """`.venv/bin/trainer …` without the environment on PATH: nbgrader's gradebook set-up
    runs alembic, which must still be found."""
    people = tmp_path / "deelnemers.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    env = {**os.environ, "PATH": "/usr/bin:/bin"}
    for args in (
        ["nieuw", str(tmp_path / "cohort")],
        ["importeer-deelnemers", str(people), "--cohort", str(tmp_path / "cohort")],
    ):
        result = subprocess.run(
            [str(TRAINER), *args], env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stdout + result.stderr
    assert "1 deelnemers ingelezen: 1 nieuw" in result.stdout


def test_help_does_not_load_the_heavy_libraries():
    """`trainer --help` starts fast because nbgrader, pandas and rich load only when a
    command needs them."""
    code = (
        "import sys; from click.testing import CliRunner; from grading.cli import main; "
        "CliRunner().invoke(main, ['--help']); "
        "print(sorted(m for m in ('nbgrader', 'pandas', 'rich', 'jupyter_client') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
