"""Lesson progress: stored on the learner's machine, counted per module."""

import json

from course import progress
from course.catalog import Catalog, Lesson, Module, load_catalog


def _catalog(tmp_path) -> Catalog:
    (tmp_path / "les1.ipynb").write_text("{}", encoding="utf-8")
    lessons = (
        Lesson(id="x-l1", title="Les 1", notebook=str(tmp_path / "les1.ipynb"), minutes=30),
        Lesson(id="x-l2", title="Les 2", notebook=str(tmp_path / "nog-niet.ipynb"), minutes=30),
    )
    module = Module(id="x", number=1, title="Proef", summary="", lessons=lessons, assignments=())
    return Catalog(title="t", keurmerk="k", modules=(module,))


def test_progress_lives_in_the_learner_folder(learner_home):
    progress.mark_done("m1-l1")
    saved = json.loads((learner_home / "voortgang.json").read_text(encoding="utf-8"))
    assert saved["m1-l1"]["done"] is True


def test_mark_and_unmark(learner_home):
    assert not progress.is_done("m1-l1")
    progress.mark_done("m1-l1")
    assert progress.is_done("m1-l1")
    progress.mark_done("m1-l1", done=False)
    assert not progress.is_done("m1-l1")


def test_module_progress_counts_done_and_available(learner_home, tmp_path):
    catalog = _catalog(tmp_path)
    progress.mark_done("x-l1")
    (item,) = progress.module_progress(catalog)
    assert (item.done, item.total, item.available) == (1, 2, 1)
    assert item.line == "Module 1: Proef: 1 van 2 lessen afgerond"


def test_done_button_saves_a_click(learner_home, monkeypatch):
    shown = []
    monkeypatch.setattr(progress, "display", shown.append)
    progress.done_button("m1-l1")
    toggle, status = shown[0].children
    toggle.value = True
    assert progress.is_done("m1-l1")
    assert "afgerond" in status.value
    toggle.value = False
    assert not progress.is_done("m1-l1")


def test_unreadable_progress_file_is_kept_and_does_not_crash(learner_home):
    learner_home.mkdir(parents=True)
    (learner_home / "voortgang.json").write_text("[kapot", encoding="utf-8")
    assert progress.module_progress(load_catalog())
    progress.mark_done("m1-l1")
    assert progress.is_done("m1-l1")
    backups = list(learner_home.glob("voortgang.beschadigd-*.json"))
    assert [b.read_text(encoding="utf-8") for b in backups] == ["[kapot"]


def test_catalog_lists_three_modules_with_lessons_and_an_assignment():
    catalog = load_catalog()
    assert [m.number for m in catalog.modules] == [1, 2, 3]
    for module in catalog.modules:
        assert len(module.lessons) >= 6 and module.assignments
    # The unit on the sleutelpersoon's own role opens module 1 (issue 13).
    assert [lesson.id for lesson in catalog.modules[0].lessons[:2]] == ["m1-r1", "m1-r2"]
    ids = [lesson.id for m in catalog.modules for lesson in m.lessons]
    assert len(ids) == len(set(ids))
