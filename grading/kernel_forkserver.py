"""Fresh kernels in milliseconds: each one forked from a warm template process.

Starting a kernel the ordinary way costs about half a CPU second: a new Python, ipykernel,
IPython, pyzmq, and then the assignment's own imports (``course.answers`` pulls in ipywidgets).
The learner's cells take milliseconds. So ``nakijken`` starts one *template* process (the fork
server, ``python -m grading.kernel_forkserver``) that imports all of that once, and for every
notebook asks it to ``os.fork()`` a child that becomes an ordinary IPython kernel.

Isolation is that of separate processes: every child is a process of its own (own pid, own
process group, own memory after the fork), gets the working directory, environment and
connection file of its own submission, creates its ZMQ context, sockets and event loop only
*after* the fork, runs one notebook and is killed. The template never runs a learner's code:
it only imports modules, and it has no thread, ZMQ context or event loop to hand down. What
every child shares is what the template imported, in the state right after import.

The grader talks to the server through :class:`ForkProvisioner`, a jupyter_client kernel
provisioner: nbclient starts, interrupts (SIGINT to the child's process group), polls and kills
a forked kernel exactly as a ``Popen``-ed one. Each kernel has its own connection to the server
(a Unix ``SOCK_SEQPACKET`` socket): the request goes up with the kernel's stdout/stderr file
descriptors, the child's pid comes back, and later its exit status. The server alone reaps its
children, so it alone sends them signals (no pid can be reused in between). When that
connection closes, the server kills the child; when the grader goes away (the server's stdin
closes), the server kills every child and stops.

A kernel command that is not ``<this Python> -m ipykernel_launcher ...`` (another kernel,
another environment) is started the ordinary way.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import gc
import importlib.util
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
from pathlib import Path

from jupyter_client.provisioning import LocalProvisioner

# What a fresh kernel imports before it runs the first cell (its debugger, magics, history).
BASE_MODULES = [
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "ipykernel.debugger",
    "IPython.core.completerlib",
    "IPython.core.debugger",
    "IPython.core.magic_arguments",
    "IPython.core.magics",
    "IPython.core.oinspect",
    "IPython.extensions.storemagic",
    "psutil",
    "sqlite3",
    "tornado.platform.asyncio",
]
# Module -> function that a fresh kernel runs when it imports the module inside a kernel
# (registration with the running shell); a child whose template imported it runs it itself.
KERNEL_HOOKS = {"ipywidgets": "_handle_ipython"}
LAUNCHER = ["-m", "ipykernel_launcher"]
MESSAGE_BYTES = 1 << 20


# ------------------------------------------------------------------ template side
class _Server:
    """The template process: imports, then forks one kernel per request."""

    def __init__(self, path: str):
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.listener.bind(path)
        self.listener.listen(64)
        self.wake_read, self.wake_write = os.pipe()
        os.set_blocking(self.wake_write, False)
        self.selector = selectors.DefaultSelector()
        self.children: dict[int, socket.socket | None] = {}  # pid -> its grader connection
        self.by_conn: dict[socket.socket, int] = {}
        self.conns: set[socket.socket] = set()

    def serve(self) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        signal.set_wakeup_fd(self.wake_write)
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.selector.register(self.wake_read, selectors.EVENT_READ, "reap")
        self.selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "grader")
        print("ready", flush=True)
        while True:
            for key, _ in self.selector.select():
                if key.data == "accept":
                    conn, _ = self.listener.accept()
                    self.conns.add(conn)
                    self.selector.register(conn, selectors.EVENT_READ, "conn")
                elif key.data == "reap":
                    os.read(self.wake_read, 4096)
                    self.reap()
                elif key.data == "grader" and not os.read(sys.stdin.fileno(), 4096):
                    self.stop()
                    return
                elif key.data == "conn":
                    self.handle(key.fileobj)

    def handle(self, conn: socket.socket) -> None:
        try:
            data, fds, _, _ = socket.recv_fds(conn, MESSAGE_BYTES, 2)
        except OSError:
            data, fds = b"", []
        pid = self.by_conn.get(conn)
        if not data:  # the grader is done with this kernel: make sure it is gone
            self.forget(conn)
            if pid is not None and pid in self.children:
                self.children[pid] = None
                self.signal(pid, signal.SIGKILL)
            return
        message = json.loads(data)
        if "signal" in message:
            if pid in self.children:  # not reaped yet, so the pid is still this child's
                self.signal(pid, int(message["signal"]))
            return
        pid = self.fork(message, fds)
        for fd in fds:
            os.close(fd)
        self.children[pid], self.by_conn[conn] = conn, pid
        conn.send(json.dumps({"pid": pid}).encode())

    def fork(self, request: dict, fds: list[int]) -> int:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                self.close_in_child()
                code = _become_kernel(request, fds)
            except BaseException:  # noqa: BLE001 - the child must never return into the server
                traceback.print_exc()
            finally:
                with contextlib.suppress(Exception):
                    sys.stdout.flush()
                    sys.stderr.flush()
                os._exit(code)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # also done by the child: whichever runs first
        return pid

    def close_in_child(self) -> None:
        signal.set_wakeup_fd(-1)
        for signum in (signal.SIGCHLD, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.setpgid(0, 0)
        self.selector.close()
        for conn in self.conns:
            conn.close()
        self.listener.close()
        os.close(self.wake_read)
        os.close(self.wake_write)

    def reap(self) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.children.pop(pid, None)
            if conn is not None:
                with contextlib.suppress(OSError):
                    conn.send(json.dumps({"exit": os.waitstatus_to_exitcode(status)}).encode())

    def signal(self, pid: int, signum: int) -> None:
        with contextlib.suppress(OSError):  # gone already: nothing to signal
            os.killpg(pid, signum)

    def forget(self, conn: socket.socket) -> None:
        self.selector.unregister(conn)
        self.by_conn.pop(conn, None)
        self.conns.discard(conn)
        conn.close()

    def stop(self) -> None:
        for pid in list(self.children):
            self.signal(pid, signal.SIGKILL)
        for conn in list(self.conns):
            self.forget(conn)


def _become_kernel(request: dict, fds: list[int]) -> int:
    """In the forked child: take the submission's files, folder and environment, run ipykernel."""
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    out, err = (fds + [null, null])[:2]
    os.dup2(out, 1)
    os.dup2(err, 2)
    for fd in {null, *fds}:
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    argv = request["argv"]
    sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *argv]
    from ipykernel.kernelapp import IPKernelApp

    # parent_handle's default was read from the template's environment at import time.
    app = IPKernelApp.instance(parent_handle=os.getppid())
    app.initialize(argv)
    for module, hook in KERNEL_HOOKS.items():
        if module in sys.modules:
            getattr(sys.modules[module], hook)()
    try:
        app.start()
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 1
    return 0


def imports_of(notebooks: list[Path]) -> list[str]:
    """The absolute modules the code cells of ``notebooks`` import (IPython syntax allowed)."""
    from IPython.core.inputtransformer2 import TransformerManager

    found: list[str] = []
    transform = TransformerManager().transform_cell
    for path in notebooks:
        try:
            cells = json.loads(Path(path).read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = "".join(cell.get("source", ""))
            if source.startswith("%%"):  # a cell magic (%%capture): its body is Python
                source = source.partition("\n")[2]
            try:
                tree = ast.parse(transform(source))
            except (SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    found += [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    found.append(node.module)
    return list(dict.fromkeys(found))


def main(argv: list[str]) -> int:
    """``python -m grading.kernel_forkserver SOCKET [MODULE ...]``: import, then serve."""
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd():
        del sys.path[0]  # as ipykernel_launcher does; kernels add their own folder back
    path, modules = argv[0], argv[1:]
    for module in BASE_MODULES + modules:
        with contextlib.suppress(Exception):  # a kernel that needs it reports the error itself
            __import__(module)
    gc.freeze()  # children's garbage collector leaves the template's objects (and pages) alone
    server = _Server(path)
    server.serve()
    return 0


# ------------------------------------------------------------------- grader side
class ForkServer:
    """A running template process for one autograde run (``with ForkServer(modules) as s``)."""

    def __init__(self, modules: list[str]):
        self.folder = tempfile.TemporaryDirectory(prefix="sp-kernels-")
        self.path = os.path.join(self.folder.name, "forkserver")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "grading.kernel_forkserver", self.path, *modules],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # import-time warnings; each kernel gets its own stderr
            start_new_session=True,  # a Ctrl+C of the trainer reaches the grader, not this
        )
        self._lock = threading.Lock()
        self._ready: bool | None = None

    def ready(self) -> bool:
        """Wait until the template has imported everything; False if it did not start."""
        with self._lock:
            if self._ready is None:
                self._ready = self.process.stdout.readline().strip() == b"ready"
            return self._ready

    @staticmethod
    def can_fork(cmd: list[str]) -> bool:
        """Is ``cmd`` this Python's ipykernel (the kernel the template is a warm copy of)?"""
        return len(cmd) > 2 and cmd[0] == sys.executable and cmd[1:3] == LAUNCHER

    def attach(self, km) -> None:
        """Let the kernel manager ``km`` start its kernel from this template."""
        import uuid

        km.kernel_id = km.kernel_id or str(uuid.uuid4())
        km.provisioner = ForkProvisioner(
            kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km
        )
        km.provisioner.server = self

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self.folder.cleanup()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class ForkProvisioner(LocalProvisioner):
    """A kernel provisioner whose kernels are forked by a :class:`ForkServer`."""

    server: ForkServer | None = None
    conn: socket.socket | None = None
    exit_code: int | None = None
    forked = False

    @property
    def has_process(self) -> bool:
        return super().has_process if not self.forked else self.conn is not None

    async def launch_kernel(self, cmd: list[str], **kwargs):
        if self.server is None or not self.server.can_fork(cmd):
            return await super().launch_kernel(cmd, **kwargs)
        loop = asyncio.get_running_loop()
        if not await loop.run_in_executor(None, self.server.ready):
            return await super().launch_kernel(cmd, **kwargs)  # no template: start it anew
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        conn.setblocking(False)
        await loop.sock_connect(conn, self.server.path)
        request = {
            "argv": cmd[3:],
            "cwd": str(kwargs.get("cwd") or os.getcwd()),
            "env": dict(kwargs.get("env") or os.environ),
        }
        fds = [f.fileno() for f in (kwargs.get("stdout"), kwargs.get("stderr")) if f is not None]
        socket.send_fds(conn, [json.dumps(request).encode()], fds)  # small: never blocks
        reply = await loop.sock_recv(conn, MESSAGE_BYTES)
        if not reply:
            conn.close()
            raise RuntimeError("kernel fork server stopped")
        self.conn, self.forked = conn, True
        self.pid = self.pgid = json.loads(reply)["pid"]
        self.cwd = request["cwd"]
        return self.connection_info

    def _exited(self, data: bytes) -> int:
        self.exit_code = json.loads(data)["exit"] if data else -1  # no data: server gone
        return self.exit_code

    async def poll(self) -> int | None:
        if not self.forked:
            return await super().poll()
        if self.exit_code is not None or self.conn is None:
            return self.exit_code if self.exit_code is not None else 0
        try:
            return self._exited(self.conn.recv(MESSAGE_BYTES))
        except BlockingIOError:
            return None
        except OSError:
            return self._exited(b"")

    async def wait(self) -> int | None:
        if not self.forked:
            return await super().wait()
        while await self.poll() is None:
            await asyncio.sleep(0.05)
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        return self.exit_code

    async def send_signal(self, signum: int) -> None:
        if not self.forked:
            return await super().send_signal(signum)
        if self.conn is not None and self.exit_code is None:
            with contextlib.suppress(OSError):
                self.conn.send(json.dumps({"signal": int(signum)}).encode())

    async def kill(self, restart: bool = False) -> None:
        if not self.forked:
            return await super().kill(restart)
        await self.send_signal(signal.SIGKILL)

    async def terminate(self, restart: bool = False) -> None:
        if not self.forked:
            return await super().terminate(restart)
        await self.send_signal(signal.SIGTERM)

    async def cleanup(self, restart: bool = False) -> None:
        await super().cleanup(restart)
        if self.conn is not None:  # closing it makes the server kill the child, if still there
            self.conn.close()
            self.conn = None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
