"""CPU-heavy checks in worker processes, each with a hard time limit.

pyld is pure Python and cannot be interrupted inside a thread, so a check that runs too long
would hold a thread (and the GIL) for as long as it likes. Here every check runs in a
separate process; past the time limit that process is killed and replaced. The event loop
only waits on a pipe, so ``/health`` and number look-ups stay fast meanwhile.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

PRELOAD = ["keurmerk.check"]  # imported once in the fork server: workers start in ms


class CheckTimeout(TimeoutError):
    """The check took longer than the time limit; its worker was killed."""


class PoolBusy(RuntimeError):
    """Every worker stayed busy for longer than the time limit."""


def _serve(connection: Connection) -> None:
    """Worker loop: run each (function, args) it receives and send back the outcome."""
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send((True, function(*args)))
        except Exception as error:  # noqa: BLE001 - the parent decides what a failure means
            connection.send((False, repr(error)))


class _Worker:
    def __init__(self, context):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def call(self, function: Callable, args: tuple, timeout: float) -> Any:
        self.connection.send((function, args))
        if not self.connection.poll(timeout):
            raise CheckTimeout
        ok, value = self.connection.recv()
        if not ok:
            raise RuntimeError(value)
        return value

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.connection.close()


class CheckPool:
    """At most ``workers`` checks at a time, each in its own process, each time-limited."""

    def __init__(self, workers: int = 2, timeout: float = 5.0):
        self.workers = workers
        self.timeout = timeout
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(workers)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)

    def _take(self) -> _Worker:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return _Worker(self._context)

    def call(self, function: Callable, *args) -> Any:
        """Run ``function(*args)`` in a worker (blocking); ``CheckTimeout`` past the limit."""
        if not self._slots.acquire(timeout=self.timeout):
            raise PoolBusy
        try:
            worker = self._take()
            try:
                result = worker.call(function, args, self.timeout)
            except BaseException:
                worker.stop()  # killed mid-check, or in an unknown state: never reuse it
                raise
            with self._lock:
                self._idle.append(worker)
            return result
        finally:
            self._slots.release()

    async def run(self, function: Callable, *args) -> Any:
        """``call`` without blocking the event loop."""
        return await asyncio.to_thread(self.call, function, *args)

    def close(self) -> None:
        """Stop the idle workers (busy ones stop when their check ends or times out)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop()
