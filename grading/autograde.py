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
   same working directory, same arguments), so kernels are *pre-started* while earlier
   notebooks run. At most ``workers`` notebooks execute at once; every kernel is used for
   exactly one notebook and then killed, as ``Execute.shutdown_kernel = "immediate"`` says.
3. **finish** (main thread): nbgrader's autograde pass again, with ``Execute`` replaced by the
   executed notebook; ``SaveAutoGrades``, ``AssignLatePenalties`` and the writer run unchanged.

Only the main thread touches the gradebook, one step at a time: there is a single writer, so
the SQLite gradebook is never written concurrently (and PostgreSQL works the same way). The
grades are those of plain ``nbgrader autograde``, because every step that decides a grade is
nbgrader's code with nbgrader's configuration; the tests compare both, cell by cell. One
caveat: many kernels share the CPU, so a cell close to the time limit could pass in one and not
in the other; learners' cells take milliseconds, the limit is 30 seconds.

Not chosen: one ``nbgrader autograde --student X`` process per learner. Each pays nbgrader's
start-up (about 2.5 CPU seconds of imports, four times a whole notebook) and they write the
SQLite gradebook concurrently ("database is locked" retries). Here the start-up is paid once,
and the run is CPU-bound: about 0.6 CPU seconds per submission, two thirds of it in the kernel
(Python and ipykernel starting, the assignment's imports). ``benchmarks/autograde_benchmark.py``
measures the speed-up against plain ``nbgrader autograde``.

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

import asyncio
import contextlib
import glob
import json
import logging
import os
import queue
import re
import sys
import tempfile
import threading
import time
import traceback
import warnings
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import click
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbconvert.preprocessors import ExecutePreprocessor, Preprocessor
from nbconvert.writers import FilesWriter
from nbformat import ValidationError
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.apps.autogradeapp import AutogradeApp
from nbgrader.converters.autograde import Autograde
from nbgrader.converters.base import BaseConverter, NbGraderException
from nbgrader.utils import rmtree, setenv
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table
from traitlets.config import Config
from traitlets.utils.importstring import import_item

from grading.messages import AutogradeText

GRADED, FAILED, SKIPPED = "graded", "failed", "skipped"
KERNELS_AHEAD_PER_WORKER = 4  # kernels started ahead of need, per executing notebook


class AutogradeError(Exception):
    """The cohort or the assignment cannot be graded; the message is Dutch, for the trainer."""


@dataclass
class LearnerResult:
    """What happened to one learner's submission."""

    learner: str
    status: str  # GRADED, FAILED or SKIPPED
    score: float | None = None
    max_score: float | None = None
    open_items: int = 0
    timed_out_cells: int = 0
    reason: str = ""  # Dutch, for the trainer
    detail: str = ""  # English log lines and traceback, for whoever debugs
    seconds: float = 0.0


@dataclass
class AutogradeReport:
    """The outcome of one parallel autograde run."""

    assignment: str
    workers: int
    seconds: float = 0.0
    results: list[LearnerResult] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # English log lines of no one learner

    def by_status(self, status: str) -> list[str]:
        return sorted(r.learner for r in self.results if r.status == status)

    @property
    def graded(self) -> list[str]:
        return self.by_status(GRADED)

    @property
    def failed(self) -> list[str]:
        return self.by_status(FAILED)

    @property
    def skipped(self) -> list[str]:
        return self.by_status(SKIPPED)


class _UseExecuted(Preprocessor):
    """Stands in for ``Execute`` in the finish step: hands over the notebook executed before."""

    def __init__(self, executed, **kwargs):
        super().__init__(enabled=True, **kwargs)
        self.executed = executed

    def preprocess(self, nb, resources):
        return self.executed, resources


class _Capture(Preprocessor):
    """Last preprocessor of the prepare step: keeps what ``Execute`` would have received."""

    def __init__(self, **kwargs):
        super().__init__(enabled=True, **kwargs)

    def preprocess(self, nb, resources):
        self.nb, self.resources = nb, resources
        raise _Captured


class _Captured(Exception):
    """Stops the prepare step's export once the notebook for Execute is captured."""


def _is_execute(item) -> bool:
    cls = import_item(item) if isinstance(item, str) else item
    return isinstance(cls, type) and issubclass(cls, ExecutePreprocessor)


class _Converter(Autograde):
    """nbgrader's Autograde with its autograde pass split around the Execute preprocessor."""

    stage = "sanitize"  # "sanitize", "capture" or "finish"
    executed = None

    def _init_preprocessors(self) -> None:
        if self.stage == "sanitize":
            return super()._init_preprocessors()
        self.exporter._preprocessors = []
        steps = list(self.autograde_preprocessors)
        cut = next(i for i, step in enumerate(steps) if _is_execute(step))
        if self.stage == "capture":
            for step in steps[:cut]:
                self.exporter.register_preprocessor(step)
            self.capture = _Capture()
            self.exporter.register_preprocessor(self.capture)
        else:
            self.exporter.register_preprocessor(_UseExecuted(self.executed))
            for step in steps[cut + 1 :]:
                self.exporter.register_preprocessor(step)

    def run_pass(self, stage: str, filename: str) -> None:
        """nbgrader's sanitize pass, or the part of its autograde pass before or after Execute."""
        self.stage = stage
        self._sanitizing = stage == "sanitize"
        self._init_preprocessors()
        try:
            if stage == "capture":  # convert_single_notebook up to Execute, writing nothing
                resources = self.init_single_notebook_resources(filename)
                with contextlib.suppress(_Captured):
                    self.exporter.from_filename(filename, resources=resources)
            else:
                BaseConverter.convert_single_notebook(self, filename)
        finally:
            self.stage, self._sanitizing = "sanitize", True


@dataclass
class _Notebook:
    """One notebook of a submission on its way through prepare, execute and finish."""

    path: str  # the sanitized notebook in autograded/
    client: ExecutePreprocessor
    nb: object
    resources: dict
    executed: object = None
    error: BaseException | None = None
    stage: str = "start"
    kernel_log: object = None


@dataclass
class _Submission:
    folder: str
    learner: str
    notebooks: list[str]
    started: float = 0.0
    pending: list[_Notebook] = field(default_factory=list)
    timed_out: int = 0


class _LogCollector(logging.Handler):
    """Keeps nbgrader's warnings per learner instead of printing them over the progress bar."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.current = threading.local()
        self.lines: dict[str, list[str]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        learner = getattr(record, "learner", None) or getattr(self.current, "learner", "")
        self.lines.setdefault(learner, []).append(f"{record.levelname}: {record.getMessage()}")

    def warning(self, message, category, filename, lineno, file=None, line=None) -> None:
        """Python warnings (e.g. SQLAlchemy's from inside nbgrader) go with the learner's log."""
        learner = getattr(self.current, "learner", "")
        self.lines.setdefault(learner, []).append(f"{category.__name__}: {message}")


def _is_executed(path: Path) -> bool:
    """Was this autograded notebook executed (not only sanitized by a run that crashed)?"""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    code = [c for c in cells if c.get("cell_type") == "code" and "".join(c.get("source", ""))]
    return not code or any(c.get("execution_count") is not None for c in code)


def _timed_out_cells(nb) -> int:
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        and any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", []))
    )


class _Kernels:
    """An asyncio loop in its own thread that runs notebooks in fresh, pre-started kernels."""

    def __init__(self, workers: int):
        self.loop = asyncio.new_event_loop()
        self.slots = asyncio.Semaphore(workers)
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, notebook: _Notebook):
        return asyncio.run_coroutine_threadsafe(self._run(notebook), self.loop)

    async def _run(self, item: _Notebook) -> _Notebook:
        # nbconvert's ExecutePreprocessor.preprocess, awaited, with the kernel started early.
        client = item.client
        try:
            NotebookClient.__init__(client, item.nb, None)
            client.reset_execution_trackers()
            client._check_assign_resources(item.resources)
            client.km = client.create_kernel_manager()
            item.kernel_log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in finish()
            await client.async_start_new_kernel(stdout=item.kernel_log, stderr=item.kernel_log)
            await client.async_start_new_kernel_client()
            item.stage = "run"
            async with client.async_setup_kernel(), self.slots:
                info = await client.async_wait_for_reply(client.kc.kernel_info())
                client.nb.metadata["language_info"] = info["content"]["language_info"]
                for index, cell in enumerate(client.nb.cells):
                    client._check_assign_resources(item.resources)
                    await client.async_execute_cell(cell, index, store_history=True)
            client.set_widgets_metadata()
            item.executed = client.nb
        except BaseException as error:  # noqa: BLE001 - reported per submission, never fatal
            item.error = error
            with contextlib.suppress(BaseException):
                if client.km is not None and client.km.has_kernel:
                    await client._async_cleanup_kernel()
            if isinstance(error, asyncio.CancelledError):
                raise
        return item

    def close(self) -> None:
        async def cancel_all():
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        if self.loop.is_running():
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(cancel_all(), self.loop).result(timeout=30)
            self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(timeout=30)
        if not self.thread.is_alive():
            self.loop.close()


def _reason(item: _Notebook) -> str:
    name = Path(item.path).name
    error = item.error
    if isinstance(error, DeadKernelError):
        return AutogradeText.KERNEL_DIED.format(notebook=name)
    if item.stage == "start":
        return AutogradeText.KERNEL_START.format(notebook=name)
    return AutogradeText.UNEXPECTED.format(notebook=name, error=type(error).__name__)


class _Run:
    """One parallel autograde run: the main thread prepares and finishes, kernels execute."""

    def __init__(self, root: Path, assignment: str, workers: int, timeout: int, force: bool):
        self.root, self.assignment, self.workers = root, assignment, workers
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
        self.logs = _LogCollector()
        self.app.log.handlers[:] = [self.logs]  # restored by _process_state()
        self.app.log.propagate = False
        self.coursedir = self.app.coursedir
        self.coursedir.assignment_id = assignment
        self.converter = _Converter(coursedir=self.coursedir, parent=self.app)

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

    def submissions(self) -> list[_Submission]:
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
            found.append(
                _Submission(folder, learner, sorted(converter.assignments.get(folder, [])))
            )
        return found

    def result(self, sub: _Submission, status: str, reason: str = "", detail="") -> LearnerResult:
        result = LearnerResult(sub.learner, status, reason=reason, detail=detail)
        result.seconds = time.monotonic() - sub.started if sub.started else 0.0
        result.timed_out_cells = sub.timed_out
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
    def prepare(self, sub: _Submission, known: set[str]) -> LearnerResult | None:
        """nbgrader's steps before execution; a result when there is nothing to execute."""
        converter = self.converter
        converter.notebooks = list(sub.notebooks)
        dest = Path(converter._format_dest(self.assignment, sub.learner))
        expected = [Path(nb).name for nb in sub.notebooks if Path(nb).stem in known]
        if not sub.notebooks:
            return self.result(sub, FAILED, AutogradeText.NO_NOTEBOOK)
        if dest.exists() and not all(_is_executed(dest / name) for name in expected):
            rmtree(str(dest))  # left half-done by a run that crashed
        if not converter.init_destination(self.assignment, sub.learner):
            return self.result(sub, SKIPPED)
        sub.started = time.monotonic()
        notebook = sub.notebooks[0]
        try:
            converter.run_pre_convert_hook()
            converter.init_assignment(self.assignment, sub.learner)
            for notebook in converter.notebooks:
                converter.run_pass("sanitize", notebook)
                path = os.path.join(converter.writer.build_directory, os.path.basename(notebook))
                converter.run_pass("capture", path)
                client = _execute_class(converter)(parent=converter.exporter)
                client.log = logging.LoggerAdapter(self.app.log, {"learner": sub.learner})
                capture = converter.capture
                sub.pending.append(_Notebook(path, client, capture.nb, capture.resources))
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

    def finish(self, sub: _Submission) -> LearnerResult:
        converter = self.converter
        failed = next((item for item in sub.pending if item.error is not None), None)
        if failed is not None:
            self.remove(sub)
            detail = "".join(traceback.format_exception(failed.error)) + _tail(failed.kernel_log)
            return self.result(sub, FAILED, _reason(failed), detail)
        try:
            converter.notebooks = list(sub.notebooks)
            for item in sub.pending:
                sub.timed_out += _timed_out_cells(item.executed)
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

    def remove(self, sub: _Submission) -> None:
        dest = self.converter._format_dest(self.assignment, sub.learner)
        if os.path.exists(dest):
            rmtree(dest)

    # ------------------------------------------------------------------- loop
    def run(self, report: AutogradeReport, on_result, on_total) -> None:
        known = self.known_notebooks()
        converter = self.converter
        converter.writer = FilesWriter(parent=converter, config=converter.config)
        converter.exporter = converter.exporter_class(parent=converter, config=converter.config)
        waiting = deque(self.submissions())
        on_total(len(waiting))
        done: queue.Queue = queue.Queue()
        in_flight: dict[int, tuple[_Submission, int]] = {}
        ahead = self.workers * (1 + KERNELS_AHEAD_PER_WORKER)
        kernels = _Kernels(self.workers)

        def record(result: LearnerResult) -> None:
            report.results.append(result)
            on_result(result)

        try:
            while waiting or in_flight:
                while waiting and len(in_flight) < ahead and done.empty():
                    sub = waiting.popleft()
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
            self.add_scores(report.results)
            report.messages = self.logs.lines.pop("", [])
        except BaseException:
            for sub, _ in in_flight.values():
                self.remove(sub)
            raise
        finally:
            self.logs.current.learner = ""
            kernels.close()


def _execute_class(converter: _Converter) -> type:
    step = next(step for step in converter.autograde_preprocessors if _is_execute(step))
    return import_item(step) if isinstance(step, str) else step


def _tail(handle, limit: int = 4000) -> str:
    if handle is None or handle.closed:
        return ""
    handle.seek(0)
    text = handle.read().decode("utf-8", "replace")
    return ("\nKernel output:\n" + text[-limit:]) if text.strip() else ""


@contextlib.contextmanager
def _process_state():
    """What a run changes in this process (as `nbgrader autograde` does), undone afterwards."""
    path = list(sys.path)
    app_log = logging.getLogger(AutogradeApp.__name__)
    handlers, propagate = list(app_log.handlers), app_log.propagate
    try:
        with setenv(NBGRADER_EXECUTION="autograde"):  # kernels inherit it, as in nbgrader
            yield
    finally:
        sys.path[:] = path
        app_log.handlers[:], app_log.propagate = handlers, propagate


@contextlib.contextmanager
def _in_course(root: Path):
    """nbgrader reads its configuration from the working directory, as its command line does."""
    before = os.getcwd()
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(before)


def autograde_parallel(
    root: Path,
    assignment: str,
    workers: int | None = None,
    timeout: int = 20,
    force: bool = False,
    *,
    on_result=None,
    on_total=None,
) -> AutogradeReport:
    """Autograde every submission of ``assignment`` in the cohort ``root``, in parallel.

    ``workers`` notebooks run at the same time (default: the number of CPU cores), each in a
    fresh kernel of its own; ``timeout`` is the limit per cell in seconds; ``force`` regrades
    submissions that were graded already. ``on_total(count)`` and ``on_result(result)`` are
    called as the run goes (for a progress bar). Raises ``AutogradeError`` (Dutch message)
    when the cohort or assignment is not there; a broken submission is only reported.
    """
    root = Path(root).resolve()
    workers = (os.cpu_count() or 1) if workers is None else workers
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise AutogradeError(AutogradeText.BAD_WORKERS.format(value=workers))
    if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise AutogradeError(AutogradeText.BAD_TIMEOUT.format(value=timeout))
    if not (root / "nbgrader_config.py").is_file():
        raise AutogradeError(AutogradeText.NOT_A_COHORT.format(root=root))
    report = AutogradeReport(assignment, workers)
    started = time.monotonic()
    with _in_course(root), _process_state(), warnings.catch_warnings():
        grader = _Run(root, assignment, workers, timeout, force)
        warnings.showwarning = grader.logs.warning
        grader.run(report, on_result or (lambda _r: None), on_total or (lambda _n: None))
    report.results.sort(key=lambda r: r.learner)
    report.seconds = time.monotonic() - started
    return report


# ---------------------------------------------------------------------- command line
def _format(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}".replace(".", ",")


def _note(result: LearnerResult) -> str:
    text = AutogradeText
    notes = [result.reason] if result.reason else []
    if result.timed_out_cells == 1:
        notes.append(text.TIMED_OUT_ONE)
    elif result.timed_out_cells > 1:
        notes.append(text.TIMED_OUT_MANY.format(count=result.timed_out_cells))
    if result.open_items == 1:
        notes.append(text.OPEN_ONE)
    elif result.open_items > 1:
        notes.append(text.OPEN_MANY.format(count=result.open_items))
    return " ".join(notes)


def print_report(report: AutogradeReport, console) -> None:
    """The Dutch summary per learner, as a rich table, and one line of totals."""
    text = AutogradeText
    labels = {GRADED: text.GRADED, FAILED: text.FAILED, SKIPPED: text.SKIPPED}
    styles = {GRADED: "green", FAILED: "bold red", SKIPPED: "dim"}
    table = Table(title=text.TABLE_TITLE.format(assignment=report.assignment))
    for header in (text.COL_LEARNER, text.COL_RESULT, text.COL_SCORE, text.COL_NOTE):
        table.add_column(header, overflow="fold")
    for result in report.results:
        score = (
            text.SCORE.format(score=_format(result.score), max_score=_format(result.max_score))
            if result.score is not None
            else "-"
        )
        status = f"[{styles[result.status]}]{labels[result.status]}[/]"
        table.add_row(result.learner, status, score, _note(result))
    console.print(table)
    console.print(
        text.SUMMARY.format(
            graded=len(report.graded),
            failed=len(report.failed),
            skipped=len(report.skipped),
            seconds=_format(report.seconds),
            workers=report.workers,
        ),
        soft_wrap=True,
    )
    if report.failed:
        console.print(text.RETRY_HINT, soft_wrap=True)


@click.command("nakijken", help=AutogradeText.HELP)
@click.argument("cohort", type=click.Path(path_type=Path))
@click.argument("opdracht")
@click.option("--werkers", type=int, default=None, help=AutogradeText.HELP_WORKERS)
@click.option("--timeout", type=int, default=20, help=AutogradeText.HELP_TIMEOUT)
@click.option("--opnieuw", is_flag=True, help=AutogradeText.HELP_AGAIN)
def nakijken(cohort: Path, opdracht: str, werkers: int | None, timeout: int, opnieuw: bool):
    console = Console()
    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )
    task = progress.add_task(AutogradeText.PROGRESS.format(assignment=opdracht), total=None)
    try:
        with progress:
            report = autograde_parallel(
                cohort,
                opdracht,
                workers=werkers,
                timeout=timeout,
                force=opnieuw,
                on_total=lambda total: progress.update(task, total=total),
                on_result=lambda _result: progress.advance(task),
            )
    except AutogradeError as problem:
        console.print(AutogradeText.ERROR.format(message=problem), style="bold red", soft_wrap=True)
        raise click.exceptions.Exit(2) from None
    except KeyboardInterrupt:
        console.print(AutogradeText.INTERRUPTED, soft_wrap=True)
        raise click.exceptions.Exit(130) from None
    if not report.results:
        console.print(AutogradeText.NO_SUBMISSIONS.format(assignment=opdracht), soft_wrap=True)
        return
    print_report(report, console)
    if report.failed:
        raise click.exceptions.Exit(1)
