"""Benchmark: our parallel autograde against plain sequential `nbgrader autograde`.

Builds two identical cohorts (nbgrader course roots in a temporary folder) in which 40 fabricated
learners handed in a mix of submissions: correct, wrong, blank, erroring (corrupt answers file),
deleted test cells, an added code cell, a huge answers file, a broken notebook, a kernel that
dies, and one cell that loops forever. Grades one cohort with `nbgrader autograde` and the other
with `nakijken` (grading/autograde.py), both as a fresh command-line process, with the same cell
time limit; alternates which goes first; prints every wall time, the medians and their ratio,
and checks that both gradebooks hold the same score for every learner and test cell.

    .venv/bin/python benchmarks/autograde_benchmark.py [--learners 40] [--rounds 3]
        [--timeout 30] [--workers N]

A learner cannot make a cell of our assignments hang: code cells a learner adds are dropped,
locked cells are restored, answers are data. So the hanging (and the dying) submission needs
a test version of the proefopdracht with one extra locked cell in its *source*, which loops
(or stops Python) only for one special answer to question 4. The tests use the same helpers.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nbgrader.api import Gradebook, MissingEntry  # noqa: E402

from course.factfill import fill_tree  # noqa: E402
from grading import ASSIGNMENTS_DIR, GRADING_DIR  # noqa: E402
from grading.cohort import write_config  # noqa: E402
from grading.nbgrader_cli import environment, run  # noqa: E402

ASSIGNMENT = "proefopdracht"
LOOP_ANSWER = "oneindig"
CRASH_ANSWER = "python stopt"
SOLUTIONS = GRADING_DIR.parent / "tests" / "fixtures" / "solutions"
TRIGGER_CELL = {
    "cell_type": "code",
    "execution_count": None,
    "id": "testversie-trigger",
    "metadata": {
        "deletable": False,
        "editable": False,
        "nbgrader": {
            "grade": False,
            "grade_id": "testversie-trigger",
            "locked": True,
            "schema_version": 3,
            "solution": False,
            "task": False,
        },
    },
    "outputs": [],
    "source": (
        "# Test version only: loops forever or stops Python for one special answer.\n"
        "_trigger = vragen.saved(4)\n"
        f"if _trigger == {CRASH_ANSWER!r}:\n"
        "    __import__('os')._exit(1)\n"
        f"while _trigger == {LOOP_ANSWER!r}:\n"
        "    pass\n"
    ),
}
PATCH_CELL = {
    "cell_type": "code",
    "execution_count": None,
    "id": "toegevoegd",
    "metadata": {},
    "outputs": [],
    "source": (
        "from course.answers import AnswerSheet\n"
        "AnswerSheet.check_choice = AnswerSheet.require = lambda *a, **k: None\n"
    ),
}
# (kind, how many of 40): the mix of the benchmark; "lus" sits in the middle of the list.
MIX = [
    ("volledig", 12),
    ("fout", 8),
    ("leeg", 7),
    ("json-kapot", 4),
    ("tests-verwijderd", 2),
    ("code-toegevoegd", 2),
    ("groot", 1),
    ("notebook-kapot", 1),
    ("python-stopt", 1),
    ("lus", 1),
    ("half-goed", 1),
]


def make_source(folder: Path) -> Path:
    """A source folder holding the test version of the proefopdracht (with the trigger cell)."""
    target = folder / ASSIGNMENT
    fill_tree(ASSIGNMENTS_DIR / ASSIGNMENT, target)
    path = target / f"{ASSIGNMENT}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    ids = [cell["metadata"].get("nbgrader", {}).get("grade_id") for cell in notebook["cells"]]
    notebook["cells"].insert(ids.index("vraag-4-controle"), TRIGGER_CELL)
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return folder


def make_cohort(root: Path, source: Path) -> Path:
    """A cohort whose source is ``source``, with the assignment generated (released)."""
    config = write_config(root)
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f"c.CourseDirectory.source_directory = {str(source.resolve())!r}\n")
    run(root, "generate_assignment", ASSIGNMENT, "--create", "--force")
    return root


def solution() -> dict:
    return json.loads((SOLUTIONS / f"{ASSIGNMENT}.json").read_text(encoding="utf-8"))[ASSIGNMENT]


def _wrong(answers: dict) -> dict:
    return {
        q: (-999 if isinstance(v, int | float) else ["fout"] if isinstance(v, list) else "fout")
        for q, v in answers.items()
    }


def _is_test_cell(cell: dict) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell["cell_type"] == "code"


def submit(root: Path, learner: str, kind: str, huge_bytes: int = 2_000_000) -> Path:
    """Hand in the released assignment for ``learner`` as a submission of the given kind."""
    folder = root / "submitted" / learner / ASSIGNMENT
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(root / "release" / ASSIGNMENT, folder)
    notebook_path = folder / f"{ASSIGNMENT}.ipynb"
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    answers: dict | str | None = {
        "volledig": solution(),
        "fout": _wrong(solution()),
        "json-kapot": "{dit is geen json",
        "tests-verwijderd": solution(),
        "groot": {**solution(), "4": "DigiD " + "x" * huge_bytes},
        "lus": {**solution(), "4": LOOP_ANSWER},
        "python-stopt": {**solution(), "4": CRASH_ANSWER},
        "half-goed": {**solution(), "1": "fout", "3": 21},
    }.get(kind)
    if kind == "tests-verwijderd":
        notebook["cells"] = [cell for cell in notebook["cells"] if not _is_test_cell(cell)]
    if kind == "code-toegevoegd":
        notebook["cells"].insert(2, PATCH_CELL)
    if kind == "notebook-kapot":
        notebook_path.write_text('{"cells": [ kapot', encoding="utf-8")
    else:
        notebook_path.write_text(json.dumps(notebook), encoding="utf-8")
    target = folder / f"{ASSIGNMENT}.antwoorden.json"
    if isinstance(answers, dict):
        target.write_text(json.dumps(answers), encoding="utf-8")
    elif isinstance(answers, str):
        target.write_text(answers, encoding="utf-8")
    return folder


def learners(count: int) -> list[tuple[str, str]]:
    """``count`` (learner id, kind) pairs in the benchmark's mix, the loop in the middle."""
    grouped = [kind for kind, n in MIX for _ in range(n) if kind != "lus"]
    spread = [grouped[(i * 7) % len(grouped)] for i in range(len(grouped))]  # 7: coprime to 39
    kinds = (spread * (count // len(spread) + 1))[: count - 1]
    kinds.insert(len(kinds) // 2, "lus")
    return [(f"deelnemer-{i:03d}-{kind}", kind) for i, kind in enumerate(kinds, 1)]


def scores(root: Path) -> dict[str, dict[str, tuple]]:
    """Per learner: every grade cell's (auto score, needs manual grade), and the total."""
    found: dict[str, dict[str, tuple]] = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "sleutelpersonen") as gradebook:
        for student in gradebook.students:
            try:
                submission = gradebook.find_submission(ASSIGNMENT, student.id)
            except MissingEntry:
                continue
            cells = {
                grade.name: (grade.auto_score, grade.needs_manual_grade)
                for notebook in submission.notebooks
                for grade in notebook.grades
            }
            cells["(totaal)"] = (float(submission.score), float(submission.max_score))
            found[student.id] = cells
    return found


def differences(one: dict, other: dict) -> list[str]:
    """Human-readable differences between two ``scores()`` results."""
    lines = []
    for learner in sorted(set(one) | set(other)):
        if one.get(learner) != other.get(learner):
            lines.append(f"{learner}: {one.get(learner)} != {other.get(learner)}")
    return lines


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment(), capture_output=True, timeout=3600)
    return time.perf_counter() - start


def one_round(folder: Path, count: int, timeout: int, workers: int | None, plain_first: bool):
    """Grade the same submissions both ways; return (plain seconds, ours seconds, differences)."""
    source = make_source(folder / "bron")
    roots = {name: make_cohort(folder / name, source) for name in ("nbgrader", "nakijken")}
    for root in roots.values():
        for learner, kind in learners(count):
            submit(root, learner, kind)
    plain = [sys.executable, "-m", "nbgrader", "autograde", ASSIGNMENT]
    plain.append(f"--Execute.timeout={timeout}")
    ours = [sys.executable, "-m", "grading.cli", "nakijken", ASSIGNMENT]
    ours += ["--cohort", str(roots["nakijken"]), "--timeout", str(timeout)]
    ours += ["--werkers", str(workers)] if workers else []
    order = ["nbgrader", "nakijken"] if plain_first else ["nakijken", "nbgrader"]
    seconds = {}
    for name in order:
        command = plain if name == "nbgrader" else ours
        seconds[name] = _timed(command, roots[name])
    return (
        seconds["nbgrader"],
        seconds["nakijken"],
        differences(scores(roots["nbgrader"]), scores(roots["nakijken"])),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=int, default=20, help="cell time limit, both tools")
    parser.add_argument("--workers", type=int, default=None, help="ours; default: CPU cores")
    args = parser.parse_args()
    plain_times, our_times, problems = [], [], []
    for number in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory(prefix="autograde-benchmark-") as tmp:
            plain, ours, diff = one_round(
                Path(tmp), args.learners, args.timeout, args.workers, number % 2 == 1
            )
        plain_times.append(plain)
        our_times.append(ours)
        problems += diff
        print(
            f"round {number}: nbgrader autograde {plain:6.1f} s   nakijken {ours:6.1f} s   "
            f"ratio {plain / ours:4.2f}x   score differences: {len(diff)}",
            flush=True,
        )
    plain, ours = statistics.median(plain_times), statistics.median(our_times)
    print(
        f"median of {args.rounds}: nbgrader autograde {plain:.1f} s, nakijken {ours:.1f} s, "
        f"{plain / ours:.2f}x faster ({args.learners} submissions, cell time limit "
        f"{args.timeout} s)"
    )
    for line in problems:
        print("DIFFERENT:", line)
    print("scores identical" if not problems else f"{len(problems)} score differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
