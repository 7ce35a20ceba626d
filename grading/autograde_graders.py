"""Several grading processes on one cohort, so that ``nakijken`` uses every core it is given.

One grading process (:class:`grading.autograde._Run`) does nbgrader's own work for each
submission and talks to its kernels. On module 1 that costs it about 0.3 CPU seconds per
submission, its kernels about 0.4: one grading process keeps about two cores busy, and on a
machine with more cores it would be the bottleneck. So ``nakijken`` starts one grading
process per :data:`CORES_PER_PROCESS` cores (on two cores: one, in the trainer's own process).

* **Work**: every process takes the next submission nobody took yet (one shared counter,
  :class:`grading.autograde_pipeline.Claims`), so a slow submission holds up nothing else.
* **Gradebook**: every process writes the rows of the learners it grades, each notebook in
  one transaction. SQLite lets one process write at a time and the others wait for it (up
  to a minute per transaction, :mod:`grading.autograde_gradebook`); PostgreSQL does the same.
* **A process that dies**: the learners it was grading are reported as failed ("onderbroken"),
  their half-done folders removed; the other processes grade the rest. A rerun grades what is
  missing.

Each process is a fresh ``python -m grading.autograde_graders``, not a fork of the trainer's
process (which may hold database connections, threads and locks) and not ``multiprocessing``
(which would run the caller's script again in it). It gets its orders and asks for the next
submission over a pipe of its own, and sends each result back. Each pays Python's start-up and
imports (about 2.5 CPU seconds), on a core of its own.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import traceback
import warnings
from multiprocessing.connection import Connection, wait
from pathlib import Path

from grading.autograde_report import FAILED, AutogradeReport
from grading.messages import AutogradeText

CORES_PER_PROCESS = 2.2  # one grading process and the kernels it keeps busy (measured)


def grading_processes(cores: int) -> int:
    """How many grading processes ``cores`` cores need."""
    return max(1, round(cores / CORES_PER_PROCESS))


def notebooks_at_once(cores: int, processes: int) -> int:
    """Notebooks each process runs at the same time: its share of the cores, plus one that
    runs while another waits for the grading process."""
    return -(-cores // processes) + 1


def grade_in_processes(grader, submissions, processes, per_process, report, on_result) -> None:
    """Grade ``submissions`` of ``grader`` (a ``_Run``) in ``processes`` fresh processes,
    ``per_process`` notebooks at a time in each; results reach ``on_result`` as they come."""
    orders = {
        "root": str(grader.root),
        "assignment": grader.assignment,
        "workers": per_process,
        "timeout": grader.timeout,
        "force": grader.force,
        "submissions": submissions,
    }
    children = [_start(orders["root"]) for _ in range(processes)]
    readers = {reader: (process, writer) for process, reader, writer in children}
    taken = 0
    try:
        for _process, _reader, writer in children:  # all started first: they import at once
            with contextlib.suppress(OSError):  # one that died at start just sends nothing
                writer.send(orders)
        while readers:
            for reader in wait(list(readers)):
                try:
                    kind, value = reader.recv()
                except (EOFError, OSError):  # the process ended (or died)
                    readers.pop(reader)
                    continue
                if kind == "take":  # the next submission nobody took yet, or None
                    index = taken if taken < len(submissions) else None
                    taken += index is not None
                    with contextlib.suppress(OSError):
                        readers[reader][1].send(index)
                elif kind == "result":
                    report.results.append(value)
                    on_result(value)
                else:
                    report.messages.extend(value)
    finally:
        for process, reader, writer in children:
            reader.close()
            writer.close()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    seen = {result.learner for result in report.results}
    for sub in submissions:
        if sub.learner not in seen:  # taken by a process that died before it finished
            grader.remove(sub)
            result = grader.result(sub, FAILED, AutogradeText.WORKER_LOST)
            report.results.append(result)
            on_result(result)


def _start(root: str):
    """One grading process, with a pipe each way (it reads its orders first of all)."""
    down_read, down_write = os.pipe()
    up_read, up_write = os.pipe()
    command = [sys.executable, "-m", "grading.autograde_graders", str(down_read), str(up_write)]
    try:
        process = subprocess.Popen(command, pass_fds=(down_read, up_write), cwd=root)
    finally:
        os.close(down_read)
        os.close(up_write)
    return process, Connection(up_read, writable=False), Connection(down_write, readable=False)


class _Asking:
    """``Claims`` of a grading process: asks the trainer's process for each next submission."""

    def __init__(self, submissions, orders: Connection, results: Connection):
        self.submissions, self.orders, self.results = submissions, orders, results
        self.done = False

    def take(self):
        if self.done:
            return None
        self.results.send(("take", None))
        index = self.orders.recv()
        self.done = index is None
        return None if self.done else self.submissions[index]

    def exhausted(self) -> bool:
        return self.done


def _grade_share(orders: Connection, results: Connection) -> None:
    """In a grading process: take submissions until none is left; send each result."""
    try:
        given = orders.recv()  # before the slow imports: the trainer's process waits for it
        from grading.autograde import _Run  # noqa: PLC0415 - that module imports this one
        from grading.autograde_gradebook import shared_gradebook  # noqa: PLC0415
        from grading.autograde_pipeline import (  # noqa: PLC0415
            in_course,
            process_state,
            responsive_threads,
        )

        root, workers = Path(given["root"]), given["workers"]
        report = AutogradeReport(given["assignment"], workers)
        with contextlib.ExitStack() as stack:
            for context in (in_course(root), process_state(), shared_gradebook()):
                stack.enter_context(context)
            stack.enter_context(warnings.catch_warnings())
            stack.enter_context(responsive_threads())
            grader = _Run(root, given["assignment"], workers, given["timeout"], given["force"])
            warnings.showwarning = grader.logs.warning
            claims = _Asking(given["submissions"], orders, results)
            grader.run(report, lambda result: results.send(("result", result)), claims)
        results.send(("messages", report.messages))
    except BaseException:  # noqa: BLE001 - the trainer's process reports it; nothing is lost
        with contextlib.suppress(OSError):
            results.send(("messages", [f"grading process {os.getpid()}:", traceback.format_exc()]))
    finally:
        results.close()


if __name__ == "__main__":
    _grade_share(
        Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False)
    )
