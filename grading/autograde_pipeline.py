"""The pieces of the parallel autograde (:mod:`grading.autograde`): nbgrader's converter split
around its Execute step, and an asyncio loop that runs notebooks in fresh, pre-started
kernels. See :mod:`grading.autograde` for the design.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbconvert.preprocessors import ExecutePreprocessor, Preprocessor
from nbgrader.api import Gradebook
from nbgrader.apps.autogradeapp import AutogradeApp
from nbgrader.converters.autograde import Autograde
from nbgrader.converters.base import BaseConverter
from nbgrader.nbgraderformat import common as nbgraderformat_common
from nbgrader.preprocessors import NbGraderPreprocessor, OverwriteCells, SaveAutoGrades
from nbgrader.utils import setenv
from traitlets.utils.importstring import import_item

from grading.autograde_gradebook import OverwriteCellsOnce, submission_lookups
from grading.messages import AutogradeText


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


class _SchemaOnce:
    """``jsonschema.validate`` for nbgrader's cell metadata check, with each schema checked
    once instead of on every call, and each valid metadata found valid once.

    nbgrader validates every cell's metadata with ``jsonschema.validate``, which first checks
    the (unchanging) schema itself: that was 40 % of the grading process's time on a
    module-1 notebook. The instance is validated the same way (same validator class, same
    best-matching error raised). The same cell of every learner's notebook carries the same
    metadata, checked twice per notebook: a schema and a metadata (as JSON) found valid
    before are valid again; anything else is validated, and only valid ones are remembered.
    """

    def __init__(self):
        self.valid: set[tuple[str, str]] = set()

    def validate(self, instance, schema) -> None:
        schema_json = json.dumps(schema, sort_keys=True)
        try:
            key = (schema_json, json.dumps(instance, sort_keys=True))
        except (TypeError, ValueError):  # not JSON: validate it every time
            key = None
        if key is not None and key in self.valid:
            return
        errors = _validator(schema_json).iter_errors(instance)
        error = jsonschema.exceptions.best_match(errors)
        if error is not None:
            raise error
        if key is not None and len(self.valid) < 100_000:
            self.valid.add(key)


@cache
def _validator(schema_json: str):
    schema = json.loads(schema_json)
    kind = jsonschema.validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema)


def check_each_schema_once() -> None:
    """Let nbgrader's metadata check (in this process) use :class:`_SchemaOnce`."""
    nbgraderformat_common.jsonschema = _SchemaOnce()


class SaveAutoGradesOnce(SaveAutoGrades):
    """nbgrader's ``SaveAutoGrades`` in one gradebook transaction per notebook.

    nbgrader commits after every graded cell: with SQLite each commit waits for the disk
    (about 12 ms here), and the grading process does them one after another, so a notebook
    with 36 questions spends most of its grading time waiting. Here each cell's score and
    comment are written by nbgrader's own code, then the notebook's grades are committed
    together; a crash halfway leaves none of them, not some. The notebook's grade and
    comment rows are read in two queries, not one per cell
    (:func:`grading.autograde_gradebook.submission_lookups`).
    """

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        self.notebook_id, self.assignment_id = info["notebook"], info["assignment"]
        self.student_id, self.db_url = info["student"], info["db_url"]
        self.gradebook = Gradebook(self.db_url)
        with self.gradebook:
            session = self.gradebook.db
            session.commit = session.flush  # nbgrader's per-cell commits; the one is below
            self.gradebook = submission_lookups(
                self.gradebook, self.notebook_id, self.assignment_id, self.student_id
            )
            try:
                nb, resources = NbGraderPreprocessor.preprocess(self, nb, resources)
            finally:
                del session.commit
            session.commit()
        return nb, resources


def _is_execute(item) -> bool:
    cls = import_item(item) if isinstance(item, str) else item
    return isinstance(cls, type) and issubclass(cls, ExecutePreprocessor)


class Converter(Autograde):
    """nbgrader's Autograde with its autograde pass split around the Execute preprocessor."""

    stage = "sanitize"  # "sanitize", "capture" or "finish"
    executed = None

    def _init_preprocessors(self) -> None:
        self.exporter._preprocessors = []
        if self.stage == "sanitize":
            for step in self.sanitize_preprocessors:
                once = step in (OverwriteCells, "nbgrader.preprocessors.OverwriteCells")
                self.exporter.register_preprocessor(OverwriteCellsOnce if once else step)
            return
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
                once = step in (SaveAutoGrades, "nbgrader.preprocessors.SaveAutoGrades")
                self.exporter.register_preprocessor(SaveAutoGradesOnce if once else step)

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
class Notebook:
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
class Submission:
    folder: str
    learner: str
    notebooks: list[str]
    started: float = 0.0
    pending: list[Notebook] = field(default_factory=list)
    timed_out: int = 0
    resubmitted: bool = False
    answers_note: str = ""


class Claims:
    """The submissions of a run, each taken by exactly one grading process.

    With ``counter`` (a ``multiprocessing.Value`` shared by the grading processes) every
    process takes the next one that no process took yet, so a slow submission never holds up
    a fixed share of the others; without it, this process takes them all in order.
    """

    def __init__(self, submissions: list, counter=None):
        self.submissions, self.counter, self.taken = submissions, counter, 0

    def take(self):
        """The next submission, or None when every one was taken."""
        if self.counter is None:
            index, self.taken = self.taken, self.taken + 1
        else:
            with self.counter.get_lock():
                index = self.counter.value
                self.counter.value = index + 1
        return self.submissions[index] if index < len(self.submissions) else None

    def exhausted(self) -> bool:
        taken = self.taken if self.counter is None else self.counter.value
        return taken >= len(self.submissions)


@contextlib.contextmanager
def responsive_threads(seconds: float = 0.001):
    """Python switches threads every 5 ms; the kernel thread, which answers the kernels, then
    waits up to that long for the main thread each time, and the kernels wait with it."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(seconds)
    try:
        yield
    finally:
        sys.setswitchinterval(before)


class LogCollector(logging.Handler):
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


def is_executed(path: Path) -> bool:
    """Was this autograded notebook executed (not only sanitized by a run that crashed)?"""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    code = [c for c in cells if c.get("cell_type") == "code" and "".join(c.get("source", ""))]
    return not code or any(c.get("execution_count") is not None for c in code)


def timed_out_cells(nb) -> int:
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        and any(o.get("ename") == "CellTimeoutError" for o in cell.get("outputs", []))
    )


class Kernels:
    """An asyncio loop in its own thread that runs notebooks in fresh, pre-started kernels.

    With ``forks`` each kernel is forked from that warm template process; otherwise started
    as a new Python process, as nbclient does.
    """

    def __init__(self, workers: int, forks=None):
        self.forks = forks  # a kernel_forkserver.ForkServer, or None: kernels start anew
        self.loop = asyncio.new_event_loop()
        self.slots = asyncio.Semaphore(workers)
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def submit(self, notebook: Notebook):
        return asyncio.run_coroutine_threadsafe(self._run(notebook), self.loop)

    async def _run(self, item: Notebook) -> Notebook:
        # nbconvert's ExecutePreprocessor.preprocess, awaited, with the kernel started early.
        client = item.client
        try:
            NotebookClient.__init__(client, item.nb, None)
            client.reset_execution_trackers()
            client._check_assign_resources(item.resources)
            client.km = client.create_kernel_manager()
            if self.forks is not None:
                self.forks.attach(client.km)
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


def failure_reason(item: Notebook) -> str:
    name = Path(item.path).name
    error = item.error
    if isinstance(error, DeadKernelError):
        return AutogradeText.KERNEL_DIED.format(notebook=name)
    if item.stage == "start":
        return AutogradeText.KERNEL_START.format(notebook=name)
    return AutogradeText.UNEXPECTED.format(notebook=name, error=type(error).__name__)


def execute_class(converter: Converter) -> type:
    step = next(step for step in converter.autograde_preprocessors if _is_execute(step))
    return import_item(step) if isinstance(step, str) else step


def kernel_output(handle, limit: int = 4000) -> str:
    if handle is None or handle.closed:
        return ""
    handle.seek(0)
    text = handle.read().decode("utf-8", "replace")
    return ("\nKernel output:\n" + text[-limit:]) if text.strip() else ""


@contextlib.contextmanager
def process_state():
    """What a run changes in this process (as `nbgrader autograde` does), undone afterwards."""
    path = list(sys.path)
    app_log = logging.getLogger(AutogradeApp.__name__)
    handlers, propagate, level = list(app_log.handlers), app_log.propagate, app_log.level
    try:
        with setenv(NBGRADER_EXECUTION="autograde"):  # kernels inherit it, as in nbgrader
            yield
    finally:
        sys.path[:] = path
        app_log.handlers[:], app_log.propagate = handlers, propagate
        app_log.setLevel(level)


@contextlib.contextmanager
def in_course(root: Path):
    """nbgrader reads its configuration from the working directory, as its command line does."""
    before = os.getcwd()
    os.chdir(root)
    try:
        yield
    finally:
        os.chdir(before)
