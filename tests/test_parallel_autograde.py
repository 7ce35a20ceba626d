"""Parallel autograde (grading/autograde.py) against plain `nbgrader autograde`, on real kernels.

Two cohorts get the same twelve submissions of a test version of the proefopdracht (one extra
locked cell in the source loops forever, or stops Python, for one special answer; see
benchmarks/autograde_benchmark.py). One cohort is graded by `nbgrader autograde`. The other is
graded by `nakijken`, killed halfway (a crash), and graded again: the rerun must grade only what
was missing, and both gradebooks must end up with the same score for every cell.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from grading import autograde_report
from grading.autograde import FAILED, GRADED, AutogradeError, AutogradeText, autograde_parallel
from grading.cli import main as trainer
from grading.cohort import write_config
from grading.nbgrader_cli import environment

sys.path.insert(0, str(ROOT / "benchmarks"))
import autograde_benchmark as bench  # noqa: E402

TIMEOUT = 8  # seconds per cell: short for the test, far above what a learner's cell needs
LEARNERS = {
    "a-notebook-kapot": "notebook-kapot",
    "b-leeg": "leeg",
    "c-volledig": "volledig",
    "d-fout": "fout",
    "e-json-kapot": "json-kapot",
    "f-tests-verwijderd": "tests-verwijderd",
    "g-code-toegevoegd": "code-toegevoegd",
    "h-lus": "lus",
    "i-python-stopt": "python-stopt",
    "j-groot": "groot",
    "k-half-goed": "half-goed",
    "l-geknoeid": "geknoeid",
}
BROKEN = ["a-notebook-kapot", "i-python-stopt"]
NAMES = ("nbgrader", "nakijken")
TEST_CELLS = {f"vraag-{n}-controle" for n in range(1, 5)}


def _notebook(root: Path, learner: str) -> Path:
    return root / "autograded" / learner / bench.ASSIGNMENT / f"{bench.ASSIGNMENT}.ipynb"


def _executed(path: Path) -> bool:
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError):
        return False
    return any(c["cell_type"] == "code" and c.get("execution_count") for c in cells)


def _crash_halfway(root: Path) -> tuple[dict[str, float], list[str]]:
    """Start `nakijken`, kill it once a few learners are done and the loop is running."""
    command = [sys.executable, "-m", "grading.cli", "nakijken", bench.ASSIGNMENT]
    command += ["--cohort", str(root), "--timeout", str(TIMEOUT)]
    process = subprocess.Popen(
        command, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            done = [name for name in LEARNERS if _executed(_notebook(root, name))]
            looping = _notebook(root, "h-lus").exists() and "h-lus" not in done
            if len(done) >= 2 and looping:
                break
            assert process.poll() is None, "nakijken ended before it could be interrupted"
            time.sleep(0.05)
        else:
            pytest.fail("nakijken did not get halfway in time")
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    done = {
        n: _notebook(root, n).stat().st_mtime for n in LEARNERS if _executed(_notebook(root, n))
    }
    half = [name for name in LEARNERS if _notebook(root, name).exists() and name not in done]
    return done, half


@pytest.fixture(scope="module")
def cohorts(tmp_path_factory):
    """Both cohorts graded; ours was killed halfway once. The two tools run side by side."""
    folder = tmp_path_factory.mktemp("parallel-autograde")
    source = bench.make_source(folder / "bron")
    with ThreadPoolExecutor(2) as pool:
        plain, ours = pool.map(lambda name: bench.make_cohort(folder / name, source), NAMES)
    for root in (plain, ours):
        for learner, kind in LEARNERS.items():
            bench.submit(root, learner, kind, huge_bytes=1_000_000)
        stamp = root / "submitted" / "c-volledig" / bench.ASSIGNMENT / "timestamp.txt"
        stamp.write_text("2026-03-01 10:00:00.000000 UTC", encoding="utf-8")
    plain_run = subprocess.Popen(
        [sys.executable, "-m", "nbgrader", "autograde", bench.ASSIGNMENT]
        + [f"--Execute.timeout={TIMEOUT}"],
        cwd=plain,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        done_before_crash, half_done = _crash_halfway(ours)
        report = autograde_parallel(ours, bench.ASSIGNMENT, timeout=TIMEOUT)
        plain_output = plain_run.communicate(timeout=600)[0]
    finally:
        if plain_run.poll() is None:
            plain_run.kill()
    return {
        "plain": plain,
        "ours": ours,
        "plain_output": plain_output,
        "report": report,
        "done_before_crash": done_before_crash,
        "half_done": half_done,
    }


def test_gradebook_has_the_same_grades_as_plain_nbgrader(cohorts):
    """Does every learner get the same score per cell as with `nbgrader autograde`?"""
    plain, ours = bench.scores(cohorts["plain"]), bench.scores(cohorts["ours"])
    assert set(plain) == set(ours) == set(LEARNERS)
    assert bench.differences(plain, ours) == []
    full = {name: (1.0, False) for name in TEST_CELLS}
    assert {k: v for k, v in ours["c-volledig"].items() if k in TEST_CELLS} == full
    assert ours["k-half-goed"]["(totaal)"] == (2.0, 7.0)
    assert "There was an error processing assignment" in cohorts["plain_output"]


def test_edited_locked_cells_are_undone_as_plain_nbgrader_does(cohorts):
    """A learner who edited a test cell, its points and a cell type: the graded notebook is
    cell for cell the one nbgrader makes, with full marks for the right answers."""

    def cells(root: Path) -> list[tuple]:
        notebook = json.loads(_notebook(root, "l-geknoeid").read_text(encoding="utf-8"))
        return [
            (c["cell_type"], "".join(c["source"]), c["metadata"].get("nbgrader"))
            for c in notebook["cells"]
        ]

    ours, plain = cells(cohorts["ours"]), cells(cohorts["plain"])
    assert ours == plain
    by_id = {meta.get("grade_id"): (kind, text, meta) for kind, text, meta in ours if meta}
    assert by_id["vraag-1-controle"][1].startswith("vragen.require(1)")
    assert by_id["vraag-2-controle"][2]["points"] == 1
    assert by_id["vraag-1-tekst"][0] == "markdown"
    full = {name: (1.0, False) for name in TEST_CELLS}
    assert {
        k: v for k, v in bench.scores(cohorts["ours"])["l-geknoeid"].items() if k in full
    } == full


def test_rerun_after_a_crash_grades_only_what_is_missing(cohorts):
    """Are finished learners skipped and half-done ones (plain nbgrader skips those) regraded?"""
    report, done = cohorts["report"], cohorts["done_before_crash"]
    assert "h-lus" in cohorts["half_done"]
    assert report.skipped == sorted(done)
    assert sorted(report.graded + report.failed) == sorted(set(LEARNERS) - set(done))
    for learner, mtime in done.items():
        assert _notebook(cohorts["ours"], learner).stat().st_mtime == mtime
    assert "h-lus" in report.graded


def test_a_cell_that_runs_too_long_gets_a_dutch_line(cohorts):
    line = AutogradeText.TIMEOUT_LINE.format(seconds=TIMEOUT)
    text = _notebook(cohorts["ours"], "h-lus").read_text(encoding="utf-8")
    assert line in text
    result = next(r for r in cohorts["report"].results if r.learner == "h-lus")
    assert result.timed_out_cells == 1
    assert line not in _notebook(cohorts["plain"], "h-lus").read_text(encoding="utf-8")


def test_broken_submissions_are_reported_and_the_rest_is_graded(cohorts):
    """Do a broken notebook and a dying kernel fail alone, with a Dutch reason?"""
    results = {r.learner: r for r in cohorts["report"].results}
    assert results["a-notebook-kapot"].status == FAILED
    assert "beschadigd" in results["a-notebook-kapot"].reason
    assert results["i-python-stopt"].status == FAILED
    assert "Python stopte onverwacht" in results["i-python-stopt"].reason
    assert "DeadKernelError" in results["i-python-stopt"].detail
    # Graded, but flagged: a blank submission and a damaged answers file are not silent zeros.
    assert "is leeg" in results["b-leeg"].answers_note or "geen antwoordenbestand" in (
        results["b-leeg"].answers_note
    )
    assert "beschadigd" in results["e-json-kapot"].answers_note
    assert not results["c-volledig"].answers_note
    for learner in BROKEN:
        assert not _notebook(cohorts["ours"], learner).parent.exists()
    assert all(results[name].status != FAILED for name in set(LEARNERS) - set(BROKEN))


def test_our_sanitize_preprocessors_still_run(cohorts):
    """Is an added code cell dropped and a deleted test cell restored, as with plain nbgrader?"""
    scores = bench.scores(cohorts["ours"])
    assert {scores["g-code-toegevoegd"][name][0] for name in TEST_CELLS} == {0.0}
    assert {scores["f-tests-verwijderd"][name][0] for name in TEST_CELLS} == {1.0}


def test_summary_per_learner_is_dutch(cohorts):
    report = cohorts["report"]
    text = "\n".join(
        [" ".join(row) for row in autograde_report.rows(report)] + autograde_report.summary(report)
    )
    assert "h-lus" in text and "1 cel duurde te lang en is gestopt." in text
    assert "c-volledig" in text and "4,0 van 7,0" in text
    assert "mislukt" in text and "al nagekeken" in text and "nagekeken" in text
    assert "Start het nakijken opnieuw" in text


def test_results_of_plain_nbgrader_count_as_done(cohorts):
    """Does a run after plain `nbgrader autograde` skip what it graded (and retry failures)?"""
    report = autograde_parallel(cohorts["plain"], bench.ASSIGNMENT, timeout=TIMEOUT)
    assert report.skipped == sorted(set(LEARNERS) - set(BROKEN))
    assert report.failed == BROKEN


def test_a_newer_submission_is_graded_again(cohorts):
    ours = cohorts["ours"]
    before = bench.scores(ours)
    stamp = ours / "submitted" / "c-volledig" / bench.ASSIGNMENT / "timestamp.txt"
    stamp.write_text("2026-03-02 09:00:00.000000 UTC", encoding="utf-8")
    report = autograde_parallel(ours, bench.ASSIGNMENT, workers=1, timeout=TIMEOUT)
    assert report.graded == ["c-volledig"]
    assert report.failed == BROKEN
    assert bench.scores(ours) == before
    # The trainer hears that it was handed in again, not a silent regrade.
    assert [r.learner for r in report.results if r.resubmitted] == ["c-volledig"]
    assert AutogradeText.RESUBMITTED in autograde_report.note(
        next(r for r in report.results if r.learner == "c-volledig")
    )


def test_grades_of_a_notebook_are_saved_in_one_transaction(cohorts, monkeypatch):
    """nbgrader commits after every graded cell; nakijken saves a notebook's grades (by
    nbgrader's own SaveAutoGrades code) in one commit, and the scores stay the same."""
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from grading.autograde_pipeline import SaveAutoGradesOnce

    per_notebook: list[int] = []
    open_counts: list[int] = []
    original = SaveAutoGradesOnce.preprocess

    def counted(self, nb, resources):
        open_counts.append(0)
        try:
            return original(self, nb, resources)
        finally:
            per_notebook.append(open_counts.pop())

    def on_commit(_session):
        if open_counts:
            open_counts[-1] += 1

    monkeypatch.setattr(SaveAutoGradesOnce, "preprocess", counted)
    event.listen(Session, "after_commit", on_commit)
    try:
        autograde_parallel(cohorts["ours"], bench.ASSIGNMENT, timeout=TIMEOUT, force=True)
    finally:
        event.remove(Session, "after_commit", on_commit)
    assert len(per_notebook) == len(LEARNERS) - len(BROKEN)
    # One commit for all grades (plain nbgrader: one per graded cell, and this notebook has
    # len(TEST_CELLS) of them; and one more when its Gradebook opens, which a run does once).
    assert set(per_notebook) == {1} and len(TEST_CELLS) > 1
    assert bench.scores(cohorts["ours"]) == bench.scores(cohorts["plain"])


def test_opnieuw_regrades_everything_with_the_same_scores(cohorts):
    ours = cohorts["ours"]
    before = bench.scores(ours)
    args = ["nakijken", bench.ASSIGNMENT, "--cohort", str(ours), "--timeout", str(TIMEOUT)]
    result = CliRunner().invoke(trainer, [*args, "--opnieuw"])
    assert result.exit_code == 1, result.output  # two submissions cannot be graded
    assert f"{len(LEARNERS)}/{len(LEARNERS)}" in result.output
    graded = len(LEARNERS) - len(BROKEN)
    assert (
        f"{graded} {AutogradeText.GRADED}, 2 {AutogradeText.FAILED}, 0 al eerder" in result.output
    )
    assert bench.scores(ours) == before


def test_bad_input_gets_a_dutch_message(cohorts, tmp_path):
    runner = CliRunner()
    ours = ["--cohort", str(cohorts["ours"])]
    result = runner.invoke(trainer, ["nakijken", bench.ASSIGNMENT, "--cohort", str(tmp_path)])
    assert result.exit_code == 1 and "Fout: De map" in result.output
    assert "geen cohortmap" in result.output
    result = runner.invoke(trainer, ["nakijken", "module-9", *ours])
    assert (
        result.exit_code == 2
        and "Fout: Opdracht 'module-9' is nog niet uitgedeeld" in result.output
    )
    result = runner.invoke(trainer, ["nakijken", bench.ASSIGNMENT, *ours, "--werkers", "0"])
    assert result.exit_code == 2 and "aantal werkers" in result.output
    with pytest.raises(AutogradeError, match="tijdslimiet"):
        autograde_parallel(cohorts["ours"], bench.ASSIGNMENT, timeout=0)


def test_no_submissions_yet(cohorts, tmp_path):
    """Does a cohort in which nobody handed in yet say so (and grade nothing)?"""
    write_config(tmp_path)  # a cohort that has the gradebook of the other, but no submissions
    (tmp_path / "gradebook.db").write_bytes((cohorts["plain"] / "gradebook.db").read_bytes())
    assert autograde_parallel(tmp_path, bench.ASSIGNMENT).results == []
    result = CliRunner().invoke(trainer, ["nakijken", bench.ASSIGNMENT, "--cohort", str(tmp_path)])
    assert result.exit_code == 0 and "nog geen inleveringen" in result.output


def test_a_run_reads_the_source_once_and_keeps_one_database_engine(cohorts, monkeypatch):
    """nbgrader looks the source up cell by cell and makes a new database engine for every
    step of every notebook; a run reads each notebook's source once, keeps one engine per
    database and course, leaves nothing behind, and the scores stay those of nbgrader."""
    import nbgrader.api

    from grading import autograde_gradebook

    reads, engines = [], []
    read = autograde_gradebook._read_source
    monkeypatch.setattr(
        autograde_gradebook, "_read_source", lambda *key: reads.append(key) or read(*key)
    )
    engine = nbgrader.api.create_engine
    monkeypatch.setattr(
        nbgrader.api, "create_engine", lambda url, **kw: engines.append(url) or engine(url, **kw)
    )
    autograde_parallel(cohorts["ours"], bench.ASSIGNMENT, timeout=TIMEOUT, force=True)
    assert [key[1:] for key in reads] == [(bench.ASSIGNMENT, bench.ASSIGNMENT)]
    # One for the course of the cohort, one for nbgrader's "default_course" of its steps.
    assert len(set(engines)) == 1 and len(engines) == 2
    assert nbgrader.api.Gradebook.__init__ is autograde_gradebook._original_init
    assert autograde_gradebook._run is None
    assert bench.scores(cohorts["ours"]) == bench.scores(cohorts["plain"])


def test_a_look_up_not_read_once_goes_to_the_gradebook():
    """Names that were not read once (a cell the source does not know) are looked up in the
    gradebook as nbgrader does, so its own MissingEntry reaches its own code."""
    from nbgrader.api import MissingEntry

    from grading.autograde_gradebook import _Lookups

    class Real:
        db = "session"

        def find_source_cell(self, name, notebook, assignment):
            raise MissingEntry(name)

    lookups = _Lookups(Real(), find_source_cell={"vraag-1": "cel"})
    assert lookups.find_source_cell("vraag-1", "nb", "opdracht") == "cel"
    assert lookups.db == "session"
    with pytest.raises(MissingEntry):
        lookups.find_source_cell("bestaat-niet", "nb", "opdracht")


def test_several_grading_processes_give_the_same_scores(cohorts):
    """With more cores, several grading processes share the cohort (here two on any
    machine): every learner is graded once, by one of them, with nbgrader's scores."""
    report = autograde_parallel(
        cohorts["ours"], bench.ASSIGNMENT, timeout=TIMEOUT, force=True, processes=2
    )
    assert sorted(r.learner for r in report.results) == sorted(LEARNERS)
    assert sorted(report.failed) == sorted(BROKEN)
    assert len({r.process for r in report.results if r.status != FAILED}) == 2
    assert os.getpid() not in {r.process for r in report.results}
    assert bench.scores(cohorts["ours"]) == bench.scores(cohorts["plain"])


def test_a_grading_process_that_dies_loses_only_its_own_learners(cohorts):
    """Kill one of two grading processes halfway: what it was grading is reported as
    interrupted and removed, the other process grades the rest, a rerun completes it."""
    killed: list[int] = []

    def kill_the_first_process(result):
        if not killed and result.status == GRADED:  # it has more in hand by then
            killed.append(result.process)
            os.kill(result.process, signal.SIGKILL)

    report = autograde_parallel(
        cohorts["ours"],
        bench.ASSIGNMENT,
        timeout=TIMEOUT,
        force=True,
        processes=2,
        on_result=kill_the_first_process,
    )
    assert sorted(r.learner for r in report.results) == sorted(LEARNERS)
    lost = [r.learner for r in report.results if r.reason == AutogradeText.WORKER_LOST]
    assert lost and len(lost) < len(LEARNERS) - len(BROKEN)
    assert not any(_notebook(cohorts["ours"], learner).exists() for learner in lost)
    survivor = {r.process for r in report.results if r.status != FAILED} - set(killed)
    assert len(survivor) == 1
    again = autograde_parallel(cohorts["ours"], bench.ASSIGNMENT, timeout=TIMEOUT)
    assert set(lost) <= set(again.graded) | set(again.failed)
    assert bench.scores(cohorts["ours"]) == bench.scores(cohorts["plain"])
