"""Privacy by design: the self-check and the self-care plan never reach a notebook, a
submission, the autograded files or the gradebook (DESIGN.md decision 5).

A learner fills in both private tools (with unique marker strings) in a private home folder.
Then the learner works on a graded assignment in a separate folder, hands it in as nbgrader
collects it, and the trainer autogrades. No file in the nbgrader course root may contain a
marker, and no private file may be part of the submission. The lesson notebooks that show the
tools are run in a real kernel too: their saved outputs may not hold the markers either.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import COURSE, assignment_names
from course.storage import private_folder, private_store
from course.tools.selfcareplan import FIELDS, SelfCarePlan
from course.tools.selfcheck import SelfCheck
from nbgrader_course import NbgraderCourse, solution_answers

PRIVATE_NAMES = ("zelftest", "zelfzorgplan")
LESSONS = (
    COURSE / "module-2-zelfzorg" / "05-hulp-vragen.ipynb",
    COURSE / "module-2-zelfzorg" / "06-mijn-zelfzorgplan.ipynb",
)


def _assignment() -> str:
    names = assignment_names()
    return "module-1" if "module-1" in names else names[0]


@pytest.fixture
def private_home(tmp_path, monkeypatch):
    """A learner home with a filled-in self-check and plan; returns (home, markers)."""
    home = tmp_path / "thuis" / ".sleutelpersonen"
    monkeypatch.setenv("SLEUTELPERSONEN_HOME", str(home))
    tag = uuid.uuid4().hex[:12]
    plan_markers = [f"PRIVE-{field.key}-{tag}" for field in FIELDS]

    check = SelfCheck()
    for radio in check.radios.values():
        radio.value = radio.options[1][1]  # "Vaak" / "Erg"
    check.save_result()
    # The answers themselves are answer keys ("often"); put a marker in the file as well, so
    # any copy of this file (or of its contents) would be found.
    check_marker = f"PRIVE-zelftest-{tag}"
    private_store("zelftest").update("marker", check_marker)

    plan = SelfCarePlan()
    for field, marker in zip(FIELDS, plan_markers, strict=True):
        plan.inputs[field.key].value = f"{marker} ({field.label})"
    plan.review.value = "3"
    plan.export()

    markers = [*plan_markers, check_marker]
    files = sorted(p.name for p in private_folder().iterdir())
    assert files == ["zelftest.json", "zelfzorgplan.html", "zelfzorgplan.json", "zelfzorgplan.txt"]
    for marker in markers:
        assert any(marker in p.read_text(encoding="utf-8") for p in private_folder().iterdir())
    return home, markers


def _leaks(root: Path, markers: list[str]) -> list[str]:
    """Files under ``root`` that contain a marker or look like a private file."""
    found = []
    encoded = [m.encode("utf-8") for m in markers]
    for path in root.rglob("*"):
        if "privé" in path.parts or path.name.startswith(PRIVATE_NAMES):
            found.append(f"{path}: private file")
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path}: {m.decode()}" for m in encoded if m in data]
    return found


def test_private_data_never_reaches_nbgrader(private_home, tmp_path):
    home, markers = private_home
    assignment = _assignment()
    course = NbgraderCourse(tmp_path / "cursus")
    course.nbgrader("generate_assignment", assignment, "--create", "--force")

    # The learner's own copy of the released assignment, away from the private home.
    work = tmp_path / "deelnemer" / assignment
    shutil.copytree(course.release_dir(assignment), work)
    for name, answers in solution_answers(assignment).items():
        (work / f"{name}.antwoorden.json").write_text(json.dumps(answers), encoding="utf-8")
    # The learner runs the assignment (kernel with the same private home), then hands it in.
    for notebook in sorted(work.glob("*.ipynb")):
        subprocess.run(
            [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
             "--inplace", "--ExecutePreprocessor.allow_errors=True", notebook.name],
            cwd=work, env=dict(os.environ), check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    course.nbgrader("db", "student", "add", "deelnemer-1")
    submitted = course.root / "submitted" / "deelnemer-1" / assignment
    shutil.copytree(work, submitted)
    course.autograde(assignment)

    assert course.grades(assignment, "deelnemer-1")  # autograde really ran
    gradebook = course.root / "gradebook.db"
    assert gradebook.is_file()
    assert (course.root / "autograded" / "deelnemer-1" / assignment).is_dir()
    assert _leaks(work, markers) == []
    assert _leaks(course.root, markers) == []
    assert not home.is_relative_to(course.root) and not home.is_relative_to(work)
    # The private data is still where it belongs.
    assert len(list(private_folder().iterdir())) == 4


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_notebook_outputs_hold_no_private_data(private_home, tmp_path, lesson):
    """Run the lesson as a learner would; the outputs saved in the notebook stay clean.

    ipywidgets puts ``repr(widget)`` (with current values) in every widget output as plain
    text, and JupyterLab saves it; the private tools replace that text. Widget *state* (the
    values inside the form) is not saved by JupyterLab unless the learner switches on
    "Save Widget State Automatically" (off by default), so it is left out here as well.
    """
    _, markers = private_home
    folder = tmp_path / "les"
    folder.mkdir()
    for path in lesson.parent.glob(f"{lesson.stem}*"):
        shutil.copy(path, folder / path.name)
    notebook = nbformat.read(folder / lesson.name, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        store_widget_state=False,
        resources={"metadata": {"path": str(folder)}},
    )
    client.execute()
    nbformat.write(notebook, folder / lesson.name)
    outputs = json.dumps([c.get("outputs", []) for c in notebook.cells], ensure_ascii=False)
    assert "privé" in outputs  # the tool was shown (its neutral plain-text line)
    assert "widgets" not in notebook.metadata
    assert _leaks(folder, markers) == []
