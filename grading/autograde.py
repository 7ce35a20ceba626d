"""Parallel autograding of every submission of one assignment in a cohort (nbgrader course root).

Design: nbgrader's own pipeline, split at the one slow step
===========================================================

``nbgrader autograde`` (0.9.6) grades one notebook at a time, and about 86 % of that time is
starting and stopping a kernel. Here each submission still goes through nbgrader's *own*
``Autograde`` converter, configured by nbgrader's *own* ``AutogradeApp`` from the cohort's
``nbgrader_config.py`` (so our sanitize preprocessors ``DropAddedCodeCells`` and
``RestoreDeletedCells`` run exactly as with the command line), but in three steps:

1. **prepare** (main thread): ``init_destination`` (skip what is graded), ``init_assignment``
   (student, submission, timestamp, copies), the sanitize pass that writes the sanitized
   notebook into ``autograded/``, then the exporter up to nbgrader's ``Execute`` preprocessor.
2. **execute** (one asyncio thread, many kernels): nbgrader's ``Execute`` preprocessor, same
   class and configuration, runs the notebook through nbclient's own coroutines. Its kernel is
   started as soon as the submission is prepared, with nbclient's own start code (same kernel,
   same working directory, same arguments, same environment), so kernels are *pre-started*
   while earlier notebooks run. The kernel process is not a new Python but a fork of a warm
   template that imported ipykernel and the assignment's own imports once
   (:mod:`grading.kernel_forkserver`): a fresh process of its own all the same. At most
   ``workers`` notebooks execute at once; every kernel is used for exactly one notebook and
   then killed, as ``Execute.shutdown_kernel = "immediate"`` says.
3. **finish** (main thread): nbgrader's autograde pass again, with ``Execute`` replaced by the
   executed notebook; ``SaveAutoGrades``, ``AssignLatePenalties`` and the writer run unchanged.

Each grading process is a single writer of the gradebook; with several processes (many cores,
:mod:`grading.autograde_graders`) each writes its own learners' rows, one transaction at a
time. The grades are those of plain ``nbgrader autograde``: every step that decides a grade is
nbgrader's code with nbgrader's configuration (the tests compare both, cell by cell; a cell
close to the time limit could still pass in one and not the other, as kernels share the CPU).

What a submission costs the grading process, and what was cut: nbgrader opened a database
engine for every step and looked up the source and the grades cell by cell (now once per run
and per notebook, :mod:`grading.autograde_gradebook`), committed once per graded cell (now once
per notebook), checked its metadata schema for every cell, and logged every kernel message at
DEBUG only to drop it. What remains is nbgrader's preprocessors, nbformat's validation and
copies, and talking to the kernels. Not chosen: one ``nbgrader autograde --student X`` process
per learner, which pays nbgrader's start-up (2.5 CPU s) for every learner.
``benchmarks/autograde_benchmark.py`` measures the speed-up against plain nbgrader.

Isolation: a notebook that cannot be read, a kernel that dies or does not start, or any other
error fails only that submission (its ``autograded/`` folder is removed, as nbgrader does). A
cell that runs too long is interrupted after ``timeout`` seconds and gets a Dutch line in its
output (``Execute.error_on_timeout``); the rest of the notebook still runs.

Reruns: a submission is graded again when it is missing from ``autograded/``, newer than its
graded copy (nbgrader's rule), or when its graded copy was left half-done by a crash (a
notebook that was sanitized but never executed, which plain nbgrader would skip for good).
``force=True`` regrades everything.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import queue
import re
import time
import traceback
import warnings
from pathlib import Path

from nbconvert.writers import FilesWriter
from nbformat import ValidationError
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.autogradeapp import AutogradeApp
from nbgrader.converters.base import NbGraderException
from nbgrader.utils import rmtree
from traitlets.config import Config

from grading.autograde_gradebook import shared_gradebook
from grading.autograde_graders import grade_in_processes, grading_processes, notebooks_at_once
from grading.autograde_pipeline import (
    Claims,
    Converter,
    Kernels,
    LogCollector,
    Notebook,
    Submission,
    check_each_schema_once,
    execute_class,
    failure_reason,
    in_course,
    is_executed,
    kernel_output,
    process_state,
    responsive_threads,
    timed_out_cells,
)
from grading.autograde_report import FAILED, GRADED, SKIPPED, AutogradeReport, LearnerResult
from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.kernel_forkserver import ForkServer, imports_of
from grading.messages import AutogradeText
from grading.submission import answers_problem

KERNELS_AHEAD_PER_WORKER = 4  # kernels started ahead of need, per executing notebook


class AutogradeError(TrainerError):
    """The cohort or the assignment cannot be graded; the message is Dutch, for the trainer."""

    exit_code = 2  # 1 means: graded, but some submissions failed


class _Run:
    """One parallel autograde run: the main thread prepares and finishes, kernels execute."""

    def __init__(self, root: Path, assignment: str, workers: int, timeout: int, force: bool):
        self.root, self.assignment, self.workers, self.force = root, assignment, workers, force
        self.timeout = timeout
        self.app = AutogradeApp()
        self.app.initialize([assignment] + (["--force"] if force else []))
        self.app.update_config(
            Config(
                Execute={
                    "timeout": timeout,
                    "error_on_timeout": {
                        "ename": "CellTimeoutError",
                        "evalue": AutogradeText.TIMEOUT_LINE.format(seconds=timeout),
                        "traceback": [AutogradeText.TIMEOUT_LINE.format(seconds=timeout)],
                    },
                }
            )
        )
        self.logs = LogCollector()
        self.app.log.handlers[:] = [self.logs]  # restored by process_state()
        self.app.log.propagate = False
        # Only warnings are kept (LogCollector); nbgrader's logger is at DEBUG, so nbclient
        # built a log record for every kernel message only to drop it.
        self.app.log.setLevel(logging.WARNING)
        self.coursedir = self.app.coursedir
        self.coursedir.assignment_id = assignment
        self.converter = Converter(coursedir=self.coursedir, parent=self.app)

    # ------------------------------------------------------------------ checks
    def known_notebooks(self) -> set[str]:
        url = self.coursedir.db_url
        if url.startswith("sqlite:///") and not Path(url[len("sqlite:///") :]).exists():
            raise AutogradeError(AutogradeText.NO_GRADEBOOK.format(url=url))
        with Gradebook(url, self.coursedir.course_id) as gradebook:
            try:
                found = gradebook.find_assignment(self.assignment)
            except MissingEntry:
                raise AutogradeError(
                    AutogradeText.NO_ASSIGNMENT.format(assignment=self.assignment)
                ) from None
            return {notebook.name for notebook in found.notebooks}

    def submissions(self) -> list[Submission]:
        """The submissions nbgrader would grade (its own glob), plus folders without a notebook."""
        converter = self.converter
        try:
            converter.init_notebooks()
        except NbGraderException:
            converter.assignments = {}
        pattern = converter._format_source("(?P<assignment_id>.*)", "(?P<student_id>.*)", True)
        folders = set(converter.assignments)
        folders.update(
            folder
            for folder in glob.glob(
                converter._format_source(self.assignment, self.coursedir.student_id)
            )
            if os.path.isdir(folder)
        )
        found = []
        for folder in sorted(folders):
            match = re.match(pattern, folder)
            learner = match.group("student_id") if match else Path(folder).parent.name
            found.append(Submission(folder, learner, sorted(converter.assignments.get(folder, []))))
        return found

    def result(self, sub: Submission, status: str, reason: str = "", detail="") -> LearnerResult:
        result = LearnerResult(sub.learner, status, reason=reason, detail=detail)
        result.process = os.getpid()
        result.seconds = time.monotonic() - sub.started if sub.started else 0.0
        result.timed_out_cells = sub.timed_out
        result.resubmitted, result.answers_note = sub.resubmitted, sub.answers_note
        logged = self.logs.lines.pop(sub.learner, [])
        result.detail = "\n".join([*logged, detail]).strip()
        return result

    def add_scores(self, results: list[LearnerResult]) -> None:
        """Scores from the gradebook, read once at the end (off the critical path)."""
        with Gradebook(self.coursedir.db_url, self.coursedir.course_id) as gradebook:
            for result in results:
                if result.status == FAILED:
                    continue
                try:
                    found = gradebook.find_submission(self.assignment, result.learner)
                except MissingEntry:
                    continue
                result.score, result.max_score = float(found.score), float(found.max_score)
                result.open_items = sum(
                    1 for nb in found.notebooks for grade in nb.grades if grade.needs_manual_grade
                )

    # ----------------------------------------------------------------- stages
    def prepare(self, sub: Submission, known: set[str]) -> LearnerResult | None:
        """nbgrader's steps before execution; a result when there is nothing to execute."""
        converter = self.converter
        converter.notebooks = list(sub.notebooks)
        dest = Path(converter._format_dest(self.assignment, sub.learner))
        expected = [Path(nb).name for nb in sub.notebooks if Path(nb).stem in known]
        if not sub.notebooks:
            return self.result(sub, FAILED, AutogradeText.NO_NOTEBOOK)
        if dest.exists() and not all(is_executed(dest / name) for name in expected):
            rmtree(str(dest))  # left half-done by a run that crashed
        graded_before = dest.exists()
        sub.answers_note = answers_problem(Path(sub.folder), expected) or ""
        if not converter.init_destination(self.assignment, sub.learner):
            return self.result(sub, SKIPPED)
        sub.resubmitted = graded_before and not self.force
        sub.started = time.monotonic()
        notebook = sub.notebooks[0]
        try:
            converter.run_pre_convert_hook()
            converter.init_assignment(self.assignment, sub.learner)
            for notebook in converter.notebooks:
                converter.run_pass("sanitize", notebook)
                path = os.path.join(converter.writer.build_directory, os.path.basename(notebook))
                converter.run_pass("capture", path)
                client = execute_class(converter)(parent=converter.exporter)
                client.log = logging.LoggerAdapter(self.app.log, {"learner": sub.learner})
                capture = converter.capture
                sub.pending.append(Notebook(path, client, capture.nb, capture.resources))
        except Exception as error:  # noqa: BLE001 - one broken submission never stops the rest
            self.remove(sub)
            name = Path(notebook).name
            if isinstance(error, NbGraderException):  # none of its notebooks is in the gradebook
                reason = AutogradeText.NO_NOTEBOOK
            elif isinstance(error, ValueError | KeyError | TypeError | ValidationError):
                reason = AutogradeText.NOTEBOOK_UNREADABLE.format(notebook=name)
            else:
                reason = AutogradeText.UNEXPECTED.format(notebook=name, error=type(error).__name__)
            return self.result(sub, FAILED, reason, traceback.format_exc())
        return None

    def finish(self, sub: Submission) -> LearnerResult:
        converter = self.converter
        failed = next((item for item in sub.pending if item.error is not None), None)
        if failed is not None:
            self.remove(sub)
            detail = "".join(traceback.format_exception(failed.error)) + kernel_output(
                failed.kernel_log
            )
            return self.result(sub, FAILED, failure_reason(failed), detail)
        try:
            converter.notebooks = list(sub.notebooks)
            for item in sub.pending:
                sub.timed_out += timed_out_cells(item.executed)
                converter.executed = item.executed
                converter.run_pass("finish", item.path)
            converter.set_permissions(self.assignment, sub.learner)
            converter.run_post_convert_hook()
        except Exception as error:  # noqa: BLE001
            self.remove(sub)
            name = Path(sub.pending[0].path).name
            reason = AutogradeText.UNEXPECTED.format(notebook=name, error=type(error).__name__)
            return self.result(sub, FAILED, reason, traceback.format_exc())
        finally:
            converter.executed = None
            for item in sub.pending:
                if item.kernel_log is not None:
                    item.kernel_log.close()
        return self.result(sub, GRADED)

    def remove(self, sub: Submission) -> None:
        dest = self.converter._format_dest(self.assignment, sub.learner)
        if os.path.exists(dest):
            rmtree(dest)

    # ------------------------------------------------------------------- loop
    def source_notebooks(self) -> list[Path]:
        folder = self.coursedir.format_path(self.coursedir.source_directory, ".", self.assignment)
        return sorted(Path(folder).glob("*.ipynb"))

    def run(self, report: AutogradeReport, on_result, claims: Claims) -> None:
        """Grade the submissions taken from ``claims`` (this process's share, or all)."""
        check_each_schema_once()
        forks = ForkServer(imports_of(self.source_notebooks()))  # imports while we prepare
        try:
            self.grade(report, on_result, claims, forks)
        finally:
            forks.close()

    def grade(self, report: AutogradeReport, on_result, waiting: Claims, forks) -> None:
        known = self.known_notebooks()
        converter = self.converter
        converter.writer = FilesWriter(parent=converter, config=converter.config)
        converter.exporter = converter.exporter_class(parent=converter, config=converter.config)
        done: queue.Queue = queue.Queue()
        in_flight: dict[int, tuple[Submission, int]] = {}
        ahead = self.workers * (1 + KERNELS_AHEAD_PER_WORKER)
        kernels = Kernels(self.workers, forks)

        def record(result: LearnerResult) -> None:
            report.results.append(result)
            on_result(result)

        try:
            while in_flight or not waiting.exhausted():
                while len(in_flight) < ahead and done.empty():
                    sub = waiting.take()
                    if sub is None:
                        break
                    self.logs.current.learner = sub.learner
                    outcome = self.prepare(sub, known)
                    if outcome is not None:
                        record(outcome)
                        continue
                    in_flight[id(sub)] = (sub, len(sub.pending))
                    for item in sub.pending:
                        future = kernels.submit(item)
                        future.add_done_callback(lambda _f, s=sub: done.put(s))
                if not in_flight:
                    continue
                try:
                    sub = done.get(timeout=5)
                except queue.Empty:
                    if not kernels.thread.is_alive():
                        for sub, _ in list(in_flight.values()):
                            self.remove(sub)
                            record(self.result(sub, FAILED, AutogradeText.WORKER_LOST))
                        in_flight.clear()
                    continue
                sub, left = in_flight.pop(id(sub))
                if left > 1:
                    in_flight[id(sub)] = (sub, left - 1)
                    continue
                self.logs.current.learner = sub.learner
                record(self.finish(sub))
            report.messages = self.logs.lines.pop("", [])
        except BaseException:
            for sub, _ in in_flight.values():
                self.remove(sub)
            raise
        finally:
            self.logs.current.learner = ""
            kernels.close()


def autograde_parallel(
    root: Path,
    assignment: str,
    workers: int | None = None,
    timeout: int = 20,
    force: bool = False,
    *,
    processes: int | None = None,
    on_result=None,
    on_total=None,
) -> AutogradeReport:
    """Autograde every submission of ``assignment`` in the cohort ``root``, in parallel.

    ``workers`` is the number of cores to use (default: every core this process may use);
    each notebook runs in a fresh kernel of its own, and with many cores several grading
    processes share the work (``processes``, default from the cores:
    :mod:`grading.autograde_graders`). ``timeout`` is the limit per cell in seconds;
    ``force`` regrades submissions that were graded already. ``on_total(count)`` and
    ``on_result(result)`` are called as the run goes (for a progress bar). Raises
    ``AutogradeError`` (Dutch message) when the cohort or assignment is not there; a broken
    submission is only reported.
    """
    root = Cohort(root).root
    workers = len(os.sched_getaffinity(0)) if workers is None else workers  # cores given
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise AutogradeError(AutogradeText.BAD_WORKERS.format(value=workers))
    if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise AutogradeError(AutogradeText.BAD_TIMEOUT.format(value=timeout))
    processes = grading_processes(workers) if processes is None else max(1, processes)
    at_once = notebooks_at_once(workers, processes)
    on_result, on_total = on_result or (lambda _r: None), on_total or (lambda _n: None)
    report = AutogradeReport(assignment, workers)
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        for context in (in_course(root), process_state(), shared_gradebook()):
            stack.enter_context(context)
        stack.enter_context(warnings.catch_warnings())
        stack.enter_context(responsive_threads())
        grader = _Run(root, assignment, at_once, timeout, force)
        warnings.showwarning = grader.logs.warning
        grader.known_notebooks()  # the Dutch error before anything starts
        submissions = grader.submissions()
        on_total(len(submissions))
        if processes == 1 or len(submissions) < 2:
            grader.run(report, on_result, Claims(submissions))
        else:
            grade_in_processes(grader, submissions, processes, at_once, report, on_result)
        grader.add_scores(report.results)
    report.results.sort(key=lambda r: r.learner)
    report.seconds = time.monotonic() - started
    return report
