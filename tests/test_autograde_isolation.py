"""Learners' kernels share nothing: each is a process of its own, forked from a warm template.

A test assignment has one locked cell that first reports what it can see of earlier learners
(an attribute on a module the template imported, an environment variable, a module put in
``sys.modules``, a global, a file in its folder) and then leaves exactly those traces. Every
learner hands in the same notebook; ``nakijken`` grades them two at a time. No learner may see
a trace, and every notebook must have run in a process of its own, forked from the template.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from grading.autograde import autograde_parallel
from grading.cohort import write_config
from grading.kernel_forkserver import ForkServer, imports_of
from grading.nbgrader_cli import run

ASSIGNMENT = "isolatie"
LEARNERS = [f"deelnemer-{n}" for n in range(1, 7)]
PROBE = """\
import json, os, sys
import course.answers

seen = {
    "pid": os.getpid(),
    "parent": os.getppid(),
    "cwd": os.getcwd(),
    "execution": os.environ.get("NBGRADER_EXECUTION"),
    "attribute": getattr(course.answers, "SPOOR", None),
    "environment": os.environ.get("SP_SPOOR"),
    "module": "sp_spoor" in sys.modules,
    "global": "spoor" in globals(),
    "file": os.path.exists("spoor.txt"),
}
print(json.dumps(seen))
course.answers.SPOOR = os.getpid()
os.environ["SP_SPOOR"] = str(os.getpid())
sys.modules["sp_spoor"] = sys
spoor = os.getpid()
with open("spoor.txt", "w") as handle:
    handle.write(str(os.getpid()))
"""


def _cell(source: str, grade_id: str, points: int | None = None) -> dict:
    meta = {"grade": points is not None, "grade_id": grade_id, "locked": True}
    meta |= {"schema_version": 3, "solution": False, "task": False}
    if points is not None:
        meta["points"] = points
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": grade_id,
        "metadata": {"deletable": False, "editable": False, "nbgrader": meta},
        "outputs": [],
        "source": source,
    }


def _notebook() -> dict:
    return {
        "cells": [_cell(PROBE, "spoorzoeker"), _cell("assert spoor == os.getpid()", "toets", 1)],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("isolatie")
    source = root / "bron" / ASSIGNMENT
    source.mkdir(parents=True)
    (source / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(_notebook()), encoding="utf-8")
    config = write_config(root)
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f"c.CourseDirectory.source_directory = {str(root / 'bron')!r}\n")
    run(root, "generate_assignment", ASSIGNMENT, "--create", "--force")
    for learner in LEARNERS:
        folder = root / "submitted" / learner / ASSIGNMENT
        folder.mkdir(parents=True)
        released = root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        (folder / f"{ASSIGNMENT}.ipynb").write_bytes(released.read_bytes())
    report = autograde_parallel(root, ASSIGNMENT, workers=2, timeout=20)
    seen = {}
    for learner in LEARNERS:
        path = root / "autograded" / learner / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        cell = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
        seen[learner] = json.loads("".join(cell["outputs"][0]["text"]))
    return root, report, seen


def test_no_learner_sees_a_trace_of_another(graded):
    _, report, seen = graded
    assert report.graded == LEARNERS
    traces = ("attribute", "environment", "module", "global", "file")
    for learner, found in seen.items():
        assert {name: found[name] for name in traces} == {
            "attribute": None,
            "environment": None,
            "module": False,
            "global": False,
            "file": False,
        }, learner


def test_every_notebook_ran_in_a_fresh_process_of_its_own(graded):
    root, _, seen = graded
    pids = [found["pid"] for found in seen.values()]
    assert len(set(pids)) == len(LEARNERS)
    assert os.getpid() not in pids
    # All forked from one template process, which is not this (the grading) process.
    parents = {found["parent"] for found in seen.values()}
    assert len(parents) == 1 and os.getpid() not in parents
    for learner, found in seen.items():
        assert Path(found["cwd"]) == root / "autograded" / learner / ASSIGNMENT
        assert found["execution"] == "autograde"  # as under plain nbgrader
    for pid in [*pids, *parents]:  # killed after its notebook; the template stopped
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_each_learner_is_scored_on_their_own_kernel(graded):
    _, report, _ = graded
    assert {r.learner: (r.score, r.max_score) for r in report.results} == {
        learner: (1.0, 1.0) for learner in LEARNERS
    }


def test_the_template_imports_what_the_assignment_imports():
    notebook = Path(__file__).resolve().parent.parent / "assignments" / "proefopdracht"
    modules = imports_of(sorted(notebook.glob("*.ipynb")))
    assert "course.answers" in modules  # after a %%capture magic in the same cell
    assert all(not name.startswith(".") for name in modules)


def test_only_this_pythons_ipykernel_is_forked():
    """Another kernel (another Python, another language) starts the ordinary way."""
    assert ForkServer.can_fork([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not ForkServer.can_fork(["/opt/other/bin/python", "-m", "ipykernel_launcher", "-f"])
    assert not ForkServer.can_fork([sys.executable, "-m", "other_kernel", "-f", "k.json"])
