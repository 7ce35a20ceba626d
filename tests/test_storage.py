"""Learner files: atomic writes, unreadable files kept, owner-only private folders and files."""

import dataclasses
import json
import os
import stat

import pytest

from course.storage import (
    PRIVATE_FOLDER,
    JsonStore,
    UnreadableFile,
    delete_private,
    private_folder,
    private_store,
    read_object,
    write_object,
    write_private_text,
)
from course.tools.energy import EnergyPlanner
from course.tools.hours import save_week
from course.tools.invoice import EXAMPLE, save_invoice
from course.tools.selfcareplan import SelfCarePlan
from course.tools.selfcheck import SelfCheck


def test_write_then_read(tmp_path):
    path = tmp_path / "a" / "b.json"
    write_object(path, {"x": [1, "é"]})
    assert read_object(path) == {"x": [1, "é"]}
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("text", ["{kapot", "[1, 2]", "\udcff"])
def test_unreadable_files_are_reported(tmp_path, text):
    path = tmp_path / "x.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    with pytest.raises(UnreadableFile):
        read_object(path)


def test_store_moves_an_unreadable_file_aside_before_writing(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("{kapot", encoding="utf-8")
    store = JsonStore(path)
    assert store.load() == {} and store.problem
    store.update("a", 1)
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1}
    assert store.backup.read_text(encoding="utf-8") == "{kapot"
    assert store.load() == {"a": 1} and store.problem is None


# The learner home and private folders: owner-only, whichever tool comes first


def _use_energy_planner():
    EnergyPlanner().rows[0][0].value = "Werk"


def _use_self_check():
    SelfCheck().radios["p1"].value = "often"


def _use_self_care_plan():
    plan = SelfCarePlan()
    plan.inputs["say_no"].value = "Vandaag lukt het niet."
    plan.export()


def _use_hours_log():
    save_week(2026, 48, {"direct": 2})


def _use_invoices():
    save_invoice(dataclasses.replace(EXAMPLE, number="2026-001", delivery_date="12-03-2026"))


PRIVATE_TOOLS = {
    "energy": _use_energy_planner,
    "selfcheck": _use_self_check,
    "selfcareplan": _use_self_care_plan,
    "hours": _use_hours_log,
    "invoices": _use_invoices,
}


def _modes(home):
    """Every folder and file under the learner home that is not owner-only."""
    wrong = {} if stat.S_IMODE(home.stat().st_mode) == 0o700 else {".": oct(home.stat().st_mode)}
    for path in home.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        if stat.S_IMODE(path.stat().st_mode) != expected:
            wrong[path.relative_to(home).as_posix()] = oct(stat.S_IMODE(path.stat().st_mode))
    return wrong


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
@pytest.mark.parametrize("first", PRIVATE_TOOLS)
def test_private_data_is_owner_only_whichever_tool_is_used_first(learner_home, first):
    """Is the learner home 0700, every private folder 0700 and every file 0600?"""
    old = os.umask(0o022)
    try:
        PRIVATE_TOOLS[first]()
        assert learner_home.is_dir() and _modes(learner_home) == {}
        for name, use in PRIVATE_TOOLS.items():
            if name != first:
                use()
    finally:
        os.umask(old)
    files = sorted(p.relative_to(learner_home).as_posix() for p in learner_home.rglob("*.*"))
    assert "privé/energieplanner.json" in files and "urenregistratie.json" in files
    assert "facturen/factuur-2026-001.pdf" in files and "privé/zelfzorgplan.txt" in files
    assert _modes(learner_home) == {}


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_an_open_private_folder_is_closed_on_the_next_save(learner_home):
    """Is a private folder made earlier with 0755 (an older version) closed to 0700?"""
    (learner_home / PRIVATE_FOLDER).mkdir(parents=True, mode=0o755)
    learner_home.chmod(0o755)
    (learner_home / PRIVATE_FOLDER).chmod(0o755)
    _use_energy_planner()
    assert _modes(learner_home) == {}


def test_private_folder_and_store_live_in_the_learner_home(learner_home):
    assert private_folder() == learner_home / "privé" and private_folder().is_dir()
    assert private_folder("facturen") == learner_home / "facturen"
    store = private_store("zelftest")
    assert store.path == learner_home / "privé" / "zelftest.json" and store.private


def test_private_text_is_written_atomically(learner_home):
    path = private_folder() / "x.txt"
    write_private_text(path, "één")
    assert path.read_text(encoding="utf-8") == "één"
    assert [p.name for p in path.parent.iterdir()] == ["x.txt"]  # no temporary file left


def test_delete_private_takes_only_one_tools_files_and_then_the_empty_folder(learner_home):
    folder = private_folder()
    for name in ("zelftest.json", "zelftest.beschadigd-1.json", ".zelftest.json.a.tmp"):
        (folder / name).write_text("{}", encoding="utf-8")
    (folder / "zelfzorgplan.json").write_text("{}", encoding="utf-8")
    assert len(delete_private("zelftest")) == 3
    assert [p.name for p in folder.iterdir()] == ["zelfzorgplan.json"]
    delete_private("zelfzorgplan")
    assert not folder.exists() and learner_home.is_dir()
