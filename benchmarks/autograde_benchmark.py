"""Benchmark: our parallel autograde against plain sequential `nbgrader autograde`.

Two cohorts of 40 fabricated learners each: one on the proefopdracht, one on the module-1
assignment (36 questions). Each learner handed in one of a mix of submissions: correct, wrong,
half right, blank, erroring (corrupt answers file), deleted test cells, an added code cell, a
huge answers file, a broken notebook, a kernel that dies, and one cell that loops forever.
(`submit` can also make a "geknoeid" one, with edited locked cells, for the tests.)
For every cohort and every cell time limit (20 s, as configured, and 5 s: the looping cell
costs the full limit in both tools, which caps any ratio), each round grades two copies of the
same cohort: one with `nbgrader autograde`, one with `trainer nakijken` (grading/autograde.py),
each as a fresh command-line process, alternating which goes first. Printed per run: wall
time, CPU time of the whole process tree (the tool, its kernels, the kernel template), both per
submission, the CPU time of the tool's own process (the part that does not spread over cores:
nbgrader's work and, for `nakijken`, talking to the kernels), and the peak memory of the
process tree (sum of PSS, sampled every 0.1 s); then the medians of the rounds, the ratio of
the median wall times, and whether both gradebooks hold the same score for every learner and
test cell.

    .venv/bin/python benchmarks/autograde_benchmark.py [--learners 40] [--rounds 3]
        [--timeouts 20 5] [--workers N] [--assignments proefopdracht module-1]

A learner cannot make a cell of our assignments hang: code cells a learner adds are dropped,
locked cells are restored, answers are data. So the hanging (and the dying) submission needs
a test version of the assignment with one extra locked cell in its *source*, which loops
(or stops Python) only for one special answer to question 4. The tests use the same helpers.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nbgrader.api import Gradebook, MissingEntry  # noqa: E402

from course.factfill import fill_tree  # noqa: E402
from grading import ASSIGNMENTS_DIR, GRADING_DIR  # noqa: E402
from grading.autograde_graders import grading_processes, notebooks_at_once  # noqa: E402
from grading.cohort import write_config  # noqa: E402
from grading.nbgrader_cli import environment, run  # noqa: E402

ASSIGNMENT = "proefopdracht"
NOTEBOOKS = {"proefopdracht": "proefopdracht", "module-1": "opdracht-module-1"}  # name: stem
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


def make_source(folder: Path, assignment: str = ASSIGNMENT) -> Path:
    """A source folder holding the test version of ``assignment`` (with the trigger cell)."""
    target = folder / assignment
    fill_tree(ASSIGNMENTS_DIR / assignment, target)
    path = target / f"{NOTEBOOKS[assignment]}.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    ids = [cell["metadata"].get("nbgrader", {}).get("grade_id") for cell in notebook["cells"]]
    notebook["cells"].insert(ids.index("vraag-4-controle"), TRIGGER_CELL)
    path.write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    return folder


def make_cohort(root: Path, source: Path, assignment: str = ASSIGNMENT) -> Path:
    """A cohort whose source is ``source``, with the assignment generated (released)."""
    config = write_config(root)
    with config.open("a", encoding="utf-8") as handle:
        handle.write(f"c.CourseDirectory.source_directory = {str(source.resolve())!r}\n")
    run(root, "generate_assignment", assignment, "--create", "--force")
    return root


def solution(assignment: str = ASSIGNMENT) -> dict:
    stem = NOTEBOOKS[assignment]
    return json.loads((SOLUTIONS / f"{assignment}.json").read_text(encoding="utf-8"))[stem]


def _wrong(answers: dict) -> dict:
    return {
        q: (-999 if isinstance(v, int | float) else ["fout"] if isinstance(v, list) else "fout")
        for q, v in answers.items()
    }


def _is_test_cell(cell: dict) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell["cell_type"] == "code"


def _tamper(notebook: dict) -> None:
    """What a learner who edits the file could do to locked cells (nbgrader undoes it)."""
    cells = {_grade_id(cell): cell for cell in notebook["cells"]}
    cells["vraag-1-controle"]["source"] = "pass  # geen controle meer"
    cells["vraag-2-controle"]["metadata"]["nbgrader"]["points"] = 100
    text = cells["vraag-1-tekst"]
    text.update(cell_type="code", execution_count=None, outputs=[])


def _grade_id(cell: dict) -> str | None:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def submit(
    root: Path, learner: str, kind: str, huge_bytes: int = 2_000_000, assignment=ASSIGNMENT
) -> Path:
    """Hand in the released assignment for ``learner`` as a submission of the given kind."""
    folder = root / "submitted" / learner / assignment
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(root / "release" / assignment, folder)
    stem = NOTEBOOKS[assignment]
    notebook_path = folder / f"{stem}.ipynb"
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    right = solution(assignment)
    answers: dict | str | None = {
        "volledig": right,
        "geknoeid": right,
        "fout": _wrong(right),
        "json-kapot": "{dit is geen json",
        "tests-verwijderd": right,
        "groot": {**right, "4": "DigiD " + "x" * huge_bytes},
        "lus": {**right, "4": LOOP_ANSWER},
        "python-stopt": {**right, "4": CRASH_ANSWER},
        "half-goed": {**right, "1": "fout", "3": 21},
    }.get(kind)
    if kind == "tests-verwijderd":
        notebook["cells"] = [cell for cell in notebook["cells"] if not _is_test_cell(cell)]
    if kind == "code-toegevoegd":
        notebook["cells"].insert(2, PATCH_CELL)
    if kind == "geknoeid":
        _tamper(notebook)
    if kind == "notebook-kapot":
        notebook_path.write_text('{"cells": [ kapot', encoding="utf-8")
    else:
        notebook_path.write_text(json.dumps(notebook), encoding="utf-8")
    target = folder / f"{stem}.antwoorden.json"
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


def scores(root: Path, assignment: str = ASSIGNMENT) -> dict[str, dict[str, tuple]]:
    """Per learner: every grade cell's (auto score, needs manual grade), and the total."""
    found: dict[str, dict[str, tuple]] = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "sleutelpersonen") as gradebook:
        for student in gradebook.students:
            try:
                submission = gradebook.find_submission(assignment, student.id)
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


@dataclass
class Measured:
    """One tool's run on one cohort copy."""

    seconds: float
    cpu: float  # user + system seconds of the whole process tree
    peak_mb: float  # highest sum of PSS over the process tree
    own_cpu: float  # CPU seconds of the command's own process (without kernels): the serial part


def _tree(pid: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def _own_cpu(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total / 1024


def _measure(command: list[str], cwd: Path) -> Measured:
    """Run ``command``; its wall time, the CPU time of its process tree and peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak, own = 0.0, 0.0
    while process.poll() is None:
        peak = max(peak, _pss_mb(_tree(process.pid)))
        own = _own_cpu(process.pid) or own  # the last look, at most 0.1 s before it ends
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(seconds, cpu, peak, own)


def build(folder: Path, assignment: str, count: int) -> Path:
    """One cohort of ``count`` learners with the benchmark's mix, to be copied for each run."""
    source = make_source(folder / "bron", assignment)
    root = make_cohort(folder / "cohort", source, assignment)
    for learner, kind in learners(count):
        submit(root, learner, kind, assignment=assignment)
    return root


def one_round(pristine: Path, assignment: str, timeout: int, workers, plain_first: bool):
    """Grade two copies of the cohort both ways; (plain, ours, score differences)."""
    roots = {}
    for name in ("nbgrader", "nakijken"):
        roots[name] = pristine.parent / f"{name}-{timeout}"
        shutil.rmtree(roots[name], ignore_errors=True)
        shutil.copytree(pristine, roots[name])
    plain = [sys.executable, "-m", "nbgrader", "autograde", assignment]
    plain.append(f"--Execute.timeout={timeout}")
    ours = [sys.executable, "-m", "grading.cli", "nakijken", assignment]
    ours += ["--cohort", str(roots["nakijken"]), "--timeout", str(timeout)]
    ours += ["--werkers", str(workers)] if workers else []
    order = ["nbgrader", "nakijken"] if plain_first else ["nakijken", "nbgrader"]
    measured = {}
    for name in order:
        measured[name] = _measure(plain if name == "nbgrader" else ours, roots[name])
    diff = differences(scores(roots["nbgrader"], assignment), scores(roots["nakijken"], assignment))
    graded = len(scores(roots["nakijken"], assignment))
    for root in roots.values():
        shutil.rmtree(root)
    return measured["nbgrader"], measured["nakijken"], diff, graded


def _line(label: str, run: Measured, count: int) -> str:
    return (
        f"  {label:<20} {run.seconds:7.1f} s wall {run.seconds / count:6.2f} s/sub   "
        f"{run.cpu:7.1f} s CPU {run.cpu / count:6.2f} s/sub (own process "
        f"{run.own_cpu / count:4.2f})   peak {run.peak_mb:5.0f} MB"
    )


def _median(runs: list[Measured]) -> Measured:
    return Measured(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu for r in runs),
        statistics.median(r.peak_mb for r in runs),
        statistics.median(r.own_cpu for r in runs),
    )


def bench_cohort(folder: Path, assignment: str, args) -> list[tuple]:
    """Every round at every limit for one cohort; one summary row per limit."""
    pristine = build(folder / assignment, assignment, args.learners)
    rows = []
    for timeout in args.timeouts:
        print(f"\n{assignment}: {args.learners} submissions, cell limit {timeout} s", flush=True)
        plains, ours, problems = [], [], []
        for number in range(1, args.rounds + 1):
            plain, our, diff, graded = one_round(
                pristine, assignment, timeout, args.workers, number % 2 == 1
            )
            plains.append(plain)
            ours.append(our)
            problems += diff
            print(f" round {number} ({graded} learners in the gradebook, {len(diff)} differences)")
            print(_line("nbgrader autograde", plain, args.learners))
            print(_line("trainer nakijken", our, args.learners), flush=True)
        plain, our = _median(plains), _median(ours)
        print(f" median of {args.rounds}")
        print(_line("nbgrader autograde", plain, args.learners))
        print(_line("trainer nakijken", our, args.learners))
        print(f" ratio of median wall times: {plain.seconds / our.seconds:.2f}x", flush=True)
        for line in problems:
            print(" DIFFERENT:", line)
        rows.append((assignment, timeout, plain, our, len(problems)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeouts", type=int, nargs="+", default=[20, 5], help="cell limits")
    parser.add_argument(
        "--workers", type=int, default=None, help="cores for nakijken; default: all given"
    )
    parser.add_argument("--assignments", nargs="+", default=list(NOTEBOOKS), choices=NOTEBOOKS)
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    use = args.workers or cores
    processes = grading_processes(use)
    print(
        f"{cores} cores given; nakijken uses {use}: {processes} grading process(es), "
        f"{notebooks_at_once(use, processes)} notebooks at once in each",
        flush=True,
    )
    rows = []
    with tempfile.TemporaryDirectory(prefix="autograde-benchmark-") as tmp:
        for assignment in args.assignments:
            rows += bench_cohort(Path(tmp), assignment, args)
    n = args.learners
    print(f"\nSummary (medians of {args.rounds} rounds, {n} submissions per cohort)")
    print(
        f"{'cohort':<14}{'limit':>6}{'nbgrader':>10}{'nakijken':>10}{'ratio':>8}"
        f"{'CPU/sub':>9}{'CPU/sub':>9}{'peak MB':>9}{'peak MB':>9}{'diffs':>7}"
    )
    print(f"{'':<14}{'':>6}{'wall s':>10}{'wall s':>10}{'':>8}" + "  nbgr.   ours" * 2)
    for assignment, timeout, plain, our, diffs in rows:
        print(
            f"{assignment:<14}{timeout:>5}s{plain.seconds:>10.1f}{our.seconds:>10.1f}"
            f"{plain.seconds / our.seconds:>7.2f}x{plain.cpu / n:>9.2f}{our.cpu / n:>9.2f}"
            f"{plain.peak_mb:>9.0f}{our.peak_mb:>9.0f}{diffs:>7}"
        )
    total = sum(row[4] for row in rows)
    print("scores identical" if not total else f"{total} score differences")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
