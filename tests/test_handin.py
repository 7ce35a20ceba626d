"""Inleverpakket: the learner's zip (course.handin) and the trainer's import
(grading.handin_import), with real zip files for every bad case and a real autograde."""

from __future__ import annotations

import json
import shutil
import stat
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from nbgrader.api import Gradebook
from nbgrader.utils import parse_utc

from conftest import ASSIGNMENTS
from course.handin import (
    MANIFEST,
    HandinError,
    build_handin_widget,
    find_assignment_folders,
    make_handin,
    stored_learner_id,
)
from grading.cli import main as trainer
from grading.cohort import gradebook_url, write_config
from grading.handin_import import import_packages
from grading.nbgrader_cli import run
from nbgrader_course import solution_answers

ASSIGNMENT = "proefopdracht"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
ANSWERS = f"{ASSIGNMENT}.antwoorden.json"
SECRET = "GEHEIM-ZELFTEST-7731"
LEARNERS = ["karim", "tesfay", "samira", "yusuf", "olena", "amal", "fatima"]


def _assignment_folder(parent: Path, answers: dict | None = None, name: str = ASSIGNMENT) -> Path:
    """A learner's assignment folder: the notebook and (optionally) the answers file."""
    folder = parent / name
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ASSIGNMENTS / ASSIGNMENT / NOTEBOOK, folder / NOTEBOOK)
    if answers is not None:
        (folder / ANSWERS).write_text(json.dumps(answers), encoding="utf-8")
    return folder


# The learner's side


def test_package_holds_the_work_and_nothing_private(tmp_path, learner_home):
    private = learner_home / "privé" / "zelftest.json"
    private.parent.mkdir(parents=True)
    private.write_text(json.dumps({"antwoord": SECRET}), encoding="utf-8")
    folder = _assignment_folder(tmp_path / "werk", {"1": "b"})
    (folder / "bijlagen").mkdir()
    (folder / "bijlagen" / "brief.txt").write_text("mijn bijlage", encoding="utf-8")
    for junk in [".ipynb_checkpoints/x-checkpoint.ipynb", "__pycache__/x.pyc", "feedback/f.html"]:
        (folder / junk).parent.mkdir(parents=True, exist_ok=True)
        (folder / junk).write_text(SECRET, encoding="utf-8")
    (folder / ".verborgen").write_text(SECRET, encoding="utf-8")
    (folder / "zelftest.json").symlink_to(private)
    (folder / "mijn-map").symlink_to(learner_home, target_is_directory=True)
    with open(folder / "film.mp4", "wb") as big:
        big.truncate(21 * 1024 * 1024)

    result = make_handin(folder, " karim ")

    assert result.path == tmp_path / "werk" / "karim_proefopdracht.zip"
    assert result.too_big == ["film.mp4"]
    with zipfile.ZipFile(result.path) as archive:
        assert sorted(archive.namelist()) == [
            MANIFEST,
            "proefopdracht/bijlagen/brief.txt",
            f"proefopdracht/{ANSWERS}",
            f"proefopdracht/{NOTEBOOK}",
        ]
        assert all(SECRET.encode() not in archive.read(name) for name in archive.namelist())
        manifest = json.loads(archive.read(MANIFEST))
    assert manifest["learner"] == "karim" and manifest["assignment"] == ASSIGNMENT
    assert datetime.fromisoformat(manifest["created"]).tzinfo is not None
    assert not [p for p in result.path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    ("learner", "message"),
    [("", "Typ eerst je deelnemersnummer."), ("karim el", "kan geen deelnemersnummer zijn")],
)
def test_bad_learner_id_makes_no_package(tmp_path, learner_home, learner, message):
    folder = _assignment_folder(tmp_path)
    with pytest.raises(HandinError, match=message):
        make_handin(folder, learner)
    assert not list(tmp_path.glob("*.zip"))


def test_private_folder_is_never_packed(tmp_path, monkeypatch):
    folder = _assignment_folder(tmp_path)
    (folder / "gegevens").mkdir()
    monkeypatch.setenv("SLEUTELPERSONEN_HOME", str(folder / "gegevens"))
    with pytest.raises(HandinError, match="je eigen privé-map"):
        make_handin(folder, "karim")
    with pytest.raises(HandinError, match="je eigen privé-map"):
        make_handin(folder / "gegevens", "karim")


def test_finds_only_assignment_folders(tmp_path, monkeypatch):
    base = tmp_path / "root"
    _assignment_folder(base)
    _assignment_folder(base, name=".verborgen")
    (base / "course").mkdir()
    shutil.copy(ASSIGNMENTS / ASSIGNMENT / NOTEBOOK, base / "course" / NOTEBOOK)
    (base / "les").mkdir()
    (base / "les" / "les.ipynb").write_text('{"cells": []}', encoding="utf-8")
    home = base / "gegevens"
    _assignment_folder(home)
    monkeypatch.setenv("SLEUTELPERSONEN_HOME", str(home))
    assert find_assignment_folders([base, base]) == [(base / ASSIGNMENT).resolve()]


def test_widget_asks_the_id_once(tmp_path, learner_home):
    _assignment_folder(tmp_path, {"1": "b"})
    learner, choice, button, status = build_handin_widget([tmp_path]).children
    assert choice.options == ((ASSIGNMENT, str((tmp_path / ASSIGNMENT).resolve())),)
    assert learner.value == "" and button.description == "Maak mijn inleverpakket"
    learner.value = "karim el"
    button.click()
    assert "kan geen deelnemersnummer zijn" in status.value
    assert stored_learner_id() == "" and not list(tmp_path.glob("*.zip"))
    learner.value = "karim"
    button.click()
    assert "Je inleverpakket is klaar: karim_proefopdracht.zip" in status.value
    assert str(tmp_path) in status.value
    assert "Er zitten 2 bestanden in het pakket." in status.value
    assert "nog geen antwoorden" not in status.value
    assert (tmp_path / "karim_proefopdracht.zip").is_file()
    assert stored_learner_id() == "karim"
    assert build_handin_widget([tmp_path]).children[0].value == "karim"


def test_widget_warns_when_nothing_is_answered(tmp_path, learner_home):
    _assignment_folder(tmp_path)
    learner, _choice, button, status = build_handin_widget([tmp_path]).children
    learner.value = "karim"
    button.click()
    assert "Er zit 1 bestand in het pakket." in status.value
    assert "nog geen antwoorden" in status.value


def test_widget_without_assignment_says_what_to_do(tmp_path, learner_home):
    _learner, _choice, button, status = build_handin_widget([tmp_path]).children
    assert button.disabled
    assert "Er staat nog geen opdracht op deze computer." in status.value


# The trainer's side


def _gradebook(root: Path, learners: list[str]) -> None:
    with Gradebook(gradebook_url(root), "sleutelpersonen") as gradebook:
        for learner in learners:
            gradebook.update_or_create_student(learner)


def _zip(path: Path, entries: dict[str, bytes | str], manifest: dict | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if manifest is not None:
            archive.writestr(MANIFEST, json.dumps(manifest))
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def _manifest(learner: str, assignment: str = ASSIGNMENT) -> dict:
    return {"learner": learner, "assignment": assignment, "created": "2026-03-01T10:00:00+00:00"}


def _notebook() -> str:
    return (ASSIGNMENTS / ASSIGNMENT / NOTEBOOK).read_text(encoding="utf-8")


def _crc_damaged(path: Path) -> Path:
    """A package whose central directory is fine but whose second file fails its CRC."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(MANIFEST, json.dumps(_manifest("amal")))
        archive.writestr(f"{ASSIGNMENT}/{NOTEBOOK}", _notebook())
        archive.writestr(f"{ASSIGNMENT}/{ANSWERS}", '{"1": "antwoord van amal"}')
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(f"{ASSIGNMENT}/{ANSWERS}")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A cohort that imports one folder with good and bad packages, then autogrades."""
    base = tmp_path_factory.mktemp("inleveren")
    root = base / "cohort"
    write_config(root)
    run(root, "generate_assignment", ASSIGNMENT, "--create")
    _gradebook(root, LEARNERS)
    answers = solution_answers(ASSIGNMENT)[ASSIGNMENT]
    inbox = base / "inbox"
    inbox.mkdir()
    work = base / "werk"

    make_handin(_assignment_folder(work / "karim", answers), "karim", out_dir=inbox)
    old = make_handin(
        _assignment_folder(work / "tesfay-oud", {"1": "oud"}),
        "tesfay",
        out_dir=inbox,
        now=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
    )
    old.path.rename(inbox / "tesfay_proefopdracht (1).zip")
    make_handin(
        _assignment_folder(work / "tesfay-nieuw", {"1": "nieuw"}),
        "tesfay",
        out_dir=inbox,
        now=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
    )
    make_handin(_assignment_folder(work / "x", answers), "onbekend", out_dir=inbox)
    make_handin(_assignment_folder(work / "samira", answers, name="module-1"), "samira", inbox)
    (inbox / "olena_proefopdracht.zip").write_bytes(b"dit is geen zip-bestand")
    _crc_damaged(inbox / "amal_proefopdracht.zip")
    fatima = _manifest("fatima")
    _zip(
        inbox / "slip-punten.zip",
        {"../../ontsnapt.txt": "x", f"{ASSIGNMENT}/{NOTEBOOK}": "{}"},
        fatima,
    )
    _zip(inbox / "slip-absoluut.zip", {"/tmp/ontsnapt.txt": "x"}, fatima)
    _zip(inbox / "slip-windows.zip", {"..\\..\\ontsnapt.txt": "x"}, fatima)
    with zipfile.ZipFile(inbox / "slip-symlink.zip", "w") as archive:
        archive.writestr(MANIFEST, json.dumps(fatima))
        link = zipfile.ZipInfo(f"{ASSIGNMENT}/{ANSWERS}")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, "/etc/passwd")
    _zip(
        inbox / "groot-bestand.zip", {f"{ASSIGNMENT}/film.mp4": b"\0" * (21 * 1024 * 1024)}, fatima
    )
    with open(inbox / "groot-pakket.zip", "wb") as big:
        big.truncate(101 * 1024 * 1024)
    (inbox / "karim_proefopdracht.rar").write_bytes(b"Rar!")
    _zip(inbox / "inlevering.zip", {NOTEBOOK: _notebook()})
    _zip(inbox / "kapot-notebook.zip", {f"{ASSIGNMENT}/{NOTEBOOK}": "{niet af"}, _manifest("olena"))
    _zip(inbox / "leeg.zip", {f"{ASSIGNMENT}/notities.txt": "nog niets"}, _manifest("olena"))
    # Made by hand: no manifest, the notebook at the top, a browser's " (1)" in the name.
    _zip(
        inbox / "yusuf_proefopdracht (1).zip", {NOTEBOOK: _notebook(), ANSWERS: json.dumps(answers)}
    )

    reports = {report.package: report for report in import_packages(root, ASSIGNMENT, inbox)}
    graded = run(root, "autograde", ASSIGNMENT)
    return {"root": root, "base": base, "inbox": inbox, "reports": reports, "graded": graded}


@pytest.mark.parametrize(
    ("package", "learner", "reason"),
    [
        ("onbekend_proefopdracht.zip", "onbekend", "onbekende deelnemer 'onbekend'"),
        ("samira_module-1.zip", "samira", "verkeerde opdracht: dit pakket is voor 'module-1'"),
        ("olena_proefopdracht.zip", "olena", "beschadigd zip-bestand"),
        (
            "amal_proefopdracht.zip",
            "amal",
            "beschadigd zip-bestand: 'proefopdracht/proefopdracht.antwoorden.json' kan niet",
        ),
        ("slip-punten.zip", None, "onveilig: het pad '../../ontsnapt.txt' wijst buiten de map"),
        ("slip-absoluut.zip", None, "onveilig: '/tmp/ontsnapt.txt' is een absoluut pad"),
        ("slip-windows.zip", None, "wijst buiten de map"),
        ("slip-symlink.zip", None, "is een snelkoppeling (symlink)"),
        ("groot-bestand.zip", "fatima", "te groot: 'proefopdracht/film.mp4' is 21,0 MB"),
        ("groot-pakket.zip", None, "te groot: het pakket is 101,0 MB"),
        ("karim_proefopdracht.rar", None, "geen zip-bestand"),
        ("inlevering.zip", None, "van wie is dit pakket?"),
        ("kapot-notebook.zip", "olena", "het notebook 'proefopdracht.ipynb' is beschadigd"),
        ("leeg.zip", "olena", "er staat geen notebook van opdracht 'proefopdracht' in"),
    ],
)
def test_bad_package_is_refused_with_a_reason(imported, package, learner, reason):
    report = imported["reports"][package]
    assert report.status == "rejected"
    assert reason in report.reason
    if learner:
        assert report.learner == learner


def test_good_packages_are_accepted(imported):
    reports = imported["reports"]
    accepted = sorted(name for name, r in reports.items() if r.status == "accepted")
    assert accepted == [
        "karim_proefopdracht.zip",
        "tesfay_proefopdracht.zip",
        "yusuf_proefopdracht (1).zip",
    ]
    assert reports["karim_proefopdracht.zip"].reason == "ingelezen (2 bestanden)"
    submitted = imported["root"] / "submitted"
    assert sorted(p.name for p in submitted.iterdir()) == ["karim", "tesfay", "yusuf"]
    tesfay = submitted / "tesfay" / ASSIGNMENT / ANSWERS
    assert json.loads(tesfay.read_text(encoding="utf-8")) == {"1": "nieuw"}


def test_nothing_is_left_half_unpacked_or_outside(imported):
    root, base = imported["root"], imported["base"]
    assert not (root / "submitted" / "amal").exists()
    assert not [p for p in root.iterdir() if p.name.startswith(".inleverpakket-")]
    assert not list(base.parent.rglob("ontsnapt.txt"))
    assert MANIFEST not in {p.name for p in (root / "submitted").rglob("*")}


def test_timestamp_is_written_as_the_exchange_does(imported):
    folder = imported["root"] / "submitted" / "tesfay" / ASSIGNMENT
    stamp = (folder / "timestamp.txt").read_text(encoding="utf-8")
    assert stamp == "2026-03-02 09:00:00.000000 UTC"
    assert parse_utc(stamp) == datetime(2026, 3, 2, 9, 0)


def test_imported_package_is_graded(imported):
    """karim's package holds the solution answers: autograde gives full marks."""
    root = imported["root"]
    output = imported["graded"].stdout + imported["graded"].stderr
    assert "There was an error processing assignment" not in output
    with Gradebook(gradebook_url(root), "sleutelpersonen") as gradebook:
        karim = gradebook.find_submission(ASSIGNMENT, "karim")
        autograded = [g for nb in karim.notebooks for g in nb.grades if g.cell.cell_type == "code"]
        assert autograded and all(g.score == g.max_score for g in autograded)


def test_importing_again_changes_nothing(imported):
    root = imported["root"]
    result = CliRunner().invoke(
        trainer, ["importeer-pakketten", ASSIGNMENT, str(imported["inbox"]), "--cohort", str(root)]
    )
    assert result.exit_code == 0, result.output
    assert "al eerder ingelezen (hetzelfde pakket)" in result.output
    assert "GEWEIGERD" in result.output
    assert "0 van 18 pakketten ingelezen, 14 geweigerd, 4 overgeslagen." in result.output


def test_newer_package_replaces_and_keeps_the_old_one(tmp_path, learner_home):
    root = tmp_path / "cohort"
    write_config(root)
    _gradebook(root, ["karim"])
    first, second, third = (tmp_path / name for name in ("eerst", "daarna", "te-laat-gevonden"))
    for inbox, day, answer in ((first, 2, "eerste"), (second, 3, "tweede"), (third, 1, "oud")):
        inbox.mkdir()
        make_handin(
            _assignment_folder(tmp_path / "werk" / answer, {"1": answer}),
            "karim",
            out_dir=inbox,
            now=datetime(2026, 3, day, 12, 0, tzinfo=UTC),
        )
    assert import_packages(root, ASSIGNMENT, first)[0].status == "accepted"
    report = import_packages(root, ASSIGNMENT, second)[0]
    assert report.status == "accepted"
    assert "de oudere inlevering staat nu in vervangen/proefopdracht/karim_20260302-120000" in (
        report.reason
    )
    kept = root / "vervangen" / ASSIGNMENT / "karim_20260302-120000" / ANSWERS
    assert json.loads(kept.read_text(encoding="utf-8")) == {"1": "eerste"}
    report = import_packages(root, ASSIGNMENT, third)[0]
    assert report.status == "skipped"
    when = datetime(2026, 3, 3, 12, 0, tzinfo=UTC).astimezone().strftime("%d-%m-%Y %H:%M")
    assert f"er is al een nieuwere inlevering van karim (van {when})" in report.reason
    current = root / "submitted" / "karim" / ASSIGNMENT / ANSWERS
    assert json.loads(current.read_text(encoding="utf-8")) == {"1": "tweede"}


def test_missing_folder_or_assignment_is_explained(tmp_path):
    root = tmp_path / "cohort"
    write_config(root)
    runner = CliRunner()
    command = ["importeer-pakketten", ASSIGNMENT, str(tmp_path / "nergens"), "--cohort", str(root)]
    result = runner.invoke(trainer, command)
    assert result.exit_code == 1 and "bestaat niet" in result.output
    command = ["importeer-pakketten", "module-9", str(tmp_path), "--cohort", str(root)]
    result = runner.invoke(trainer, command)
    assert result.exit_code == 1 and "De opdracht 'module-9' bestaat niet" in result.output


# Every package judged on its own: a broken file never costs a learner (or the others) anything


def _corrupt_deflate(path: Path, entry: str) -> Path:
    """Damage the compressed data of ``entry`` (an invalid deflate block): zlib.error on read."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(entry)
    assert info.compress_type == zipfile.ZIP_DEFLATED
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start] = 0xFF  # BFINAL=1, BTYPE=11: a block type that does not exist
    path.write_bytes(bytes(data))
    return path


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    """One folder with every broken case, read with `trainer importeer-pakketten`, then graded
    with `trainer nakijken`."""
    base = tmp_path_factory.mktemp("elk-pakket-apart")
    root = base / "cohort"
    write_config(root)
    run(root, "generate_assignment", ASSIGNMENT, "--create")
    _gradebook(root, LEARNERS)
    answers = solution_answers(ASSIGNMENT)[ASSIGNMENT]
    inbox, work = base / "inbox", base / "werk"
    inbox.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SLEUTELPERSONEN_HOME", str(base / "thuis"))
        # karim: a good package on day 1, a newer one on day 2 whose notebook is corrupted.
        good = make_handin(
            _assignment_folder(work / "karim-1", answers),
            "karim",
            out_dir=inbox,
            now=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
        )
        good.path.rename(inbox / "karim_proefopdracht (1).zip")
        broken = make_handin(
            _assignment_folder(work / "karim-2", {"1": "nieuwer"}),
            "karim",
            out_dir=inbox,
            now=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        )
        _corrupt_deflate(broken.path, f"{ASSIGNMENT}/{NOTEBOOK}")
        # amal: corrupted answers data, first in the folder; tesfay and yusuf come after her.
        for learner in ("amal", "tesfay", "yusuf"):
            make_handin(_assignment_folder(work / learner, answers), learner, out_dir=inbox)
        _corrupt_deflate(inbox / "amal_proefopdracht.zip", f"{ASSIGNMENT}/{ANSWERS}")
        manifest = make_handin(_assignment_folder(work / "x", answers), "olena", out_dir=work)
        _corrupt_deflate(manifest.path, MANIFEST).rename(inbox / "a-kapot-manifest.zip")
        # Answers files that need a look: empty, damaged, missing.
        for learner, text in (("samira", "{}"), ("olena", "{kapot"), ("fatima", None)):
            folder = _assignment_folder(work / learner)
            if text is not None:
                (folder / ANSWERS).write_text(text, encoding="utf-8")
            make_handin(folder, learner, out_dir=inbox)
    runner = CliRunner()
    imported = runner.invoke(
        trainer, ["importeer-pakketten", ASSIGNMENT, str(inbox), "--cohort", str(root)]
    )
    graded = runner.invoke(
        trainer, ["nakijken", ASSIGNMENT, "--cohort", str(root)], env={"COLUMNS": "400"}
    )
    lines = {line.split()[0]: line for line in imported.output.splitlines() if ".zip" in line}
    return {"root": root, "imported": imported, "graded": graded, "lines": lines}


def test_a_broken_newest_package_leaves_the_older_valid_one_in_use(judged):
    """Is karim's older good package used, and does the broken newer one say what is wrong?"""
    assert judged["imported"].exit_code == 0, judged["imported"].output
    newest = judged["lines"]["karim_proefopdracht.zip"]
    assert "GEWEIGERD" in newest and "is gebruikt" not in newest
    assert f"beschadigd zip-bestand: '{ASSIGNMENT}/{NOTEBOOK}' kan niet worden uitgepakt" in newest
    older = [line for line in judged["imported"].output.splitlines() if "(1).zip" in line][0]
    assert "ingelezen (2 bestanden)" in older
    folder = judged["root"] / "submitted" / "karim" / ASSIGNMENT
    saved = json.loads((folder / ANSWERS).read_text(encoding="utf-8"))
    assert saved == solution_answers(ASSIGNMENT)[ASSIGNMENT]
    assert (folder / "timestamp.txt").read_text(encoding="utf-8").startswith("2026-03-01 09:00")


def test_corrupted_compressed_data_is_caught_per_file(judged):
    """Does a zlib error name the file with a Dutch reason, and are later learners imported?"""
    output = judged["imported"].output
    assert "Traceback" not in output and "zlib" not in output and "Error -3" not in output
    amal = judged["lines"]["amal_proefopdracht.zip"]
    assert "GEWEIGERD" in amal
    assert f"'{ASSIGNMENT}/{ANSWERS}' kan niet worden uitgepakt (de inhoud is kapot)" in amal
    manifest = judged["lines"]["a-kapot-manifest.zip"]
    assert "GEWEIGERD" in manifest and "inleverpakket.json in het pakket is beschadigd" in manifest
    for learner in ("tesfay", "yusuf"):
        assert "ingelezen (2 bestanden)" in judged["lines"][f"{learner}_proefopdracht.zip"]
    submitted = judged["root"] / "submitted"
    assert not (submitted / "amal").exists()
    assert {"karim", "tesfay", "yusuf"} <= {p.name for p in submitted.iterdir()}


def test_empty_or_damaged_answers_files_are_flagged(judged):
    """Are empty, damaged and missing answers files read in but marked LET OP, in the table
    and again when grading?"""
    lines = judged["lines"]
    expected = {
        "samira": "het antwoordenbestand (proefopdracht.antwoorden.json) is leeg",
        "olena": "het antwoordenbestand (proefopdracht.antwoorden.json) is beschadigd",
        "fatima": "geen antwoordenbestand (proefopdracht.antwoorden.json)",
    }
    for learner, note in expected.items():
        line = lines[f"{learner}_proefopdracht.zip"]
        assert "ingelezen, LET OP" in line and note in line
    assert "3 ingelezen pakket(ten) met LET OP" in judged["imported"].output
    for learner in ("karim", "tesfay", "yusuf"):
        assert "LET OP" not in lines[f"{learner}_proefopdracht.zip"]
    graded = judged["graded"]
    assert graded.exit_code == 0, graded.output
    rows = {line.split()[1]: line for line in graded.output.splitlines() if line.startswith("│")}
    for learner, note in expected.items():
        assert note in rows[learner]
    assert "LET OP" not in rows["karim"]
