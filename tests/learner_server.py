"""The learner's server as `make start` runs it, for browser tests and benchmarks.

The real launcher (`python -m course.launch`) starts on a temporary workspace and learner
folder; the link is read from what it prints, exactly as a learner copies it.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from course.launch import free_port

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LINK = re.compile(r"^\s+(http://127\.0\.0\.1:\d+/\S+)$", re.MULTILINE)


def chromium_args() -> list[str]:
    """Chromium flags for this machine (root needs --no-sandbox)."""
    return CHROMIUM_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])


@contextlib.contextmanager
def chromium():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian-pakket 'chromium' ontbreekt: sudo apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=chromium_args())
        try:
            yield browser
        finally:
            browser.close()


class LearnerServer:
    """One learner's course server; ``start()`` returns the printed link."""

    def __init__(self, base: Path, port: int = 18_900, args: tuple[str, ...] = ()):
        self.base = base
        self.args = args  # more options for the start command
        self.workspace = base / "sleutelpersonen"
        self.home = base / "thuis"
        self.preferred_port = port
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.output = base / "start-uitvoer.txt"

    def environment(self) -> dict[str, str]:
        """A clean learner environment: own home, own Jupyter folders."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
        env.update(
            HOME=str(self.home),
            SLEUTELPERSONEN_HOME=str(self.home / ".sleutelpersonen"),
            JUPYTER_RUNTIME_DIR=str(self.home / "runtime"),
            JUPYTER_DATA_DIR=str(self.home / "data"),
        )
        env.pop("NBGRADER_EXECUTION", None)
        return env

    def start(self, timeout: float = 240) -> str:
        """Run the start command and wait for the link it prints."""
        self.home.mkdir(parents=True, exist_ok=True)
        port = free_port(self.preferred_port)
        handle = self.output.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "course.launch",
                "--no-browser",
                f"--port={port}",
                f"--werkmap={self.workspace}",
                *self.args,
            ],
            env=self.environment(),
            cwd=self.base,
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.output.read_text(encoding="utf-8")
            if match := LINK.search(text):
                self.url = match.group(1)
                return self.url
            if self.process.poll() is not None:
                raise RuntimeError("the start command stopped:\n" + text + self.server_log())
            time.sleep(0.3)
        raise RuntimeError("no link within the time limit:\n" + self.server_log())

    def page_url(self, path: str) -> str:
        """The app page of a workspace notebook (same token as the printed link)."""
        return self.url.replace("00-start-hier.ipynb", path)

    def lab_url(self, path: str) -> str:
        """The same notebook in JupyterLab."""
        return self.page_url(path).replace("/voila/render/", "/lab/tree/")

    def server_log(self) -> str:
        log = self.home / ".sleutelpersonen" / "cursus-server.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

    def stop(self) -> None:
        """Stop as a learner does (Ctrl+C / SIGTERM); nothing may outlive it."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process = None
