"""The trainer side of the AVG: a private cohort folder on a shared host, removing a learner
everywhere, and how long replaced hand-ins stay (the real ``trainer`` command)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from nbgrader.api import Gradebook, MissingEntry
from test_handin import ASSIGNMENT, _assignment_folder, _gradebook

from course.handin import make_handin
from graded_cohort import make_cohort
from grading.cli import main as trainer
from grading.cohort import Cohort, gradebook_url, write_config
from grading.learner_data import REPLACED_MARK

TRAINER = Path(sys.executable).parent / "trainer"
PEOPLE = "id;voornaam;achternaam;e-mail\nkarim;Karim;El Amrani;karim@voorbeeld.nl\n"


def _trainer_022(*args: str) -> subprocess.CompletedProcess:
    """The real ``trainer`` program, started under umask 022 (a host where learners log in)."""
    return subprocess.run(
        [str(TRAINER), *args],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: os.umask(0o022),  # noqa: PLW1509 (no threads in this test)
    )


def _modes(root: Path) -> dict[str, int]:
    modes = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        modes[str(path.relative_to(root))] = stat.S_IMODE(path.lstat().st_mode)
    return modes


def test_cohort_files_are_private_even_under_umask_022(tmp_path):
    root = tmp_path / "cohort-2027"
    made = _trainer_022("nieuw", str(root))
    assert made.returncode == 0, made.stderr
    people = tmp_path / "deelnemers.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    imported = _trainer_022("importeer-deelnemers", str(people), "--cohort", str(root))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    modes = _modes(root)
    assert modes["."] == 0o700 and modes["gradebook.db"] == 0o600
    assert all(mode & 0o077 == 0 for mode in modes.values()), modes
    # a file made by hand (or by an older version) is made private by the next command
    loose = root / "notities.txt"
    loose.write_text("namen", encoding="utf-8")
    loose.chmod(0o644)
    (root / "submitted").mkdir(mode=0o755)
    (root / "submitted").chmod(0o755)
    again = _trainer_022("vervangen-opruimen", "--cohort", str(root))
    assert again.returncode == 0, again.stderr
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600
    assert stat.S_IMODE((root / "submitted").stat().st_mode) == 0o700


def test_a_cohort_shared_with_a_trainer_group_stays_shared_but_not_public(tmp_path):
    root = tmp_path / "gedeeld"
    cohort = Cohort.create(root)
    root.chmod(0o2770)
    (root / "gradebook.db").write_text("", encoding="utf-8")
    (root / "gradebook.db").chmod(0o664)
    cohort.protect()
    assert stat.S_IMODE(root.stat().st_mode) == 0o2770
    assert stat.S_IMODE((root / "gradebook.db").stat().st_mode) == 0o660


def _run(*args: str, answer: str | None = None):
    return CliRunner().invoke(trainer, list(args), input=answer)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A cohort graded by the real pipeline, with feedback written for every learner."""
    root = make_cohort(tmp_path_factory.mktemp("verwijderen") / "cohort")
    result = _run("feedback", "proefopdracht", "--cohort", str(root), "--ook-niet-beoordeeld")
    assert result.exit_code == 0, result.output
    sent = root / "uitsturen" / "proefopdracht" / "verzonden.json"
    sent.write_text(json.dumps({"anna": {"adres": "a@x"}, "bram": {"adres": "b@x"}}), "utf-8")
    return root


def _anna_files(root: Path) -> list[Path]:
    found = [root / kind / "anna" for kind in ("submitted", "autograded", "feedback")]
    found += list((root / "uitsturen").glob("*/*(anna)*"))
    return [path for path in found if path.exists()]


def test_a_learner_is_removed_everywhere_after_confirmation(graded):
    root = graded
    assert len(_anna_files(root)) >= 4
    stopped = _run("deelnemer-verwijderen", "anna", "--cohort", str(root), answer="nee\n")
    assert stopped.exit_code == 1 and "Niets verwijderd" in stopped.output
    assert "Dit wordt verwijderd van anna" in stopped.output and "submitted/anna" in stopped.output
    assert len(_anna_files(root)) >= 4
    done = _run("deelnemer-verwijderen", "anna", "--cohort", str(root), answer="ja\n")
    assert done.exit_code == 0, done.output
    assert "anna is verwijderd uit de cohort" in done.output
    assert _anna_files(root) == []
    with Gradebook(gradebook_url(root), "sleutelpersonen") as gradebook:
        with pytest.raises(MissingEntry):
            gradebook.find_student("anna")
        assert gradebook.find_submission("proefopdracht", "bram") is not None
    sent = json.loads((root / "uitsturen" / "proefopdracht" / "verzonden.json").read_text())
    assert list(sent) == ["bram"]
    assert (root / "submitted" / "bram").is_dir()
    unknown = _run("deelnemer-verwijderen", "anna", "--cohort", str(root), "--ja")
    assert unknown.exit_code == 1 and "staat niet in deze cohort" in unknown.output


def test_replaced_hand_ins_are_kept_thirty_days(tmp_path, learner_home):
    root = tmp_path / "cohort"
    write_config(root)
    _gradebook(root, ["karim"])
    for day, answer in ((2, "eerste"), (3, "tweede"), (4, "derde")):
        inbox = tmp_path / answer
        inbox.mkdir()
        make_handin(
            _assignment_folder(tmp_path / "werk" / answer, {"1": answer}),
            "karim",
            out_dir=inbox,
            now=datetime(2026, 3, day, 12, 0, tzinfo=UTC),
        )
    imported = _run(
        "importeer-pakketten", ASSIGNMENT, str(tmp_path / "eerste"), "--cohort", str(root)
    )
    assert imported.exit_code == 0, imported.output
    _run("importeer-pakketten", ASSIGNMENT, str(tmp_path / "tweede"), "--cohort", str(root))
    (replaced,) = (root / "vervangen" / ASSIGNMENT).iterdir()
    assert (replaced / REPLACED_MARK).is_file()
    kept = _run("vervangen-opruimen", "--cohort", str(root))
    assert kept.exit_code == 0 and "0 vervangen inlevering(en)" in kept.output
    assert replaced.exists()
    old = datetime.now(UTC) - timedelta(days=31)
    (replaced / REPLACED_MARK).write_text(old.isoformat(timespec="seconds"), encoding="utf-8")
    third = _run("importeer-pakketten", ASSIGNMENT, str(tmp_path / "derde"), "--cohort", str(root))
    assert third.exit_code == 0, third.output
    assert "1 vervangen inlevering(en) van meer dan 30 dagen geleden" in third.output
    assert not replaced.exists()
    (newest,) = (root / "vervangen" / ASSIGNMENT).iterdir()  # the second, replaced just now
    everything = _run("vervangen-opruimen", "--cohort", str(root), "--dagen", "0")
    assert everything.exit_code == 0 and "1 vervangen inlevering(en)" in everything.output
    assert not newest.exists()
    refused = _run("vervangen-opruimen", "--cohort", str(root), "--dagen", "-1")
    assert refused.exit_code == 1 and "negatief" in refused.output
