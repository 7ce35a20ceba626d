"""`make demo` exactly as the README says: in a fresh clone, with a fresh home folder, twice.

The clone gets a virtual environment that borrows this one's installed packages (the
dependencies are the same pinned set) and imports the project from the clone itself, so the
stamp files tell `make` the install is done; everything after that is the README's command.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from conftest import ROOT
from keurmerk.pdf import extract_credential
from keurmerk.statuslist import PURPOSES
from keurmerk.verify import SUSPENDED, VALID, TrustedIssuer, verify_credential

SERVING = re.compile(r"De controlepagina draait op (http://127\.0\.0\.1:\d+)")
ISSUED = re.compile(r"^\s+(\w+): http://127\.0\.0\.1:\d+/controleer/(KM-\w{4}-\w{4})", re.M)


def _clone(target: Path) -> Path:
    """A fresh clone, with the working tree's edits of tracked files (the code under test)."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    changed = subprocess.run(
        ["git", "diff", "--name-only", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.split()
    for name in changed:
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, target / name)
    return target


def _borrowed_venv(clone: Path) -> None:
    """`.venv` in the clone: this venv's packages, the clone's own code, install stamps set."""
    venv = clone / ".venv"
    subprocess.run([sys._base_executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python3*/site-packages"))
    (site / "_borrowed_packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (site / "_project.pth").write_text(str(clone) + "\n")
    # nbgrader runs alembic from PATH when it creates a gradebook
    (venv / "bin" / "alembic").symlink_to(Path(sys.executable).parent / "alembic")
    for stamp in (".installed-runtime", ".installed-test"):
        (venv / stamp).touch()


def _status(clone: Path) -> list[str]:
    """Every changed, new or ignored file in the clone (Python's byte code aside)."""
    command = ["git", "status", "--porcelain", "--ignored", "--untracked-files=all"]
    listed = subprocess.run(command, cwd=clone, capture_output=True, text=True).stdout
    return [line for line in listed.splitlines() if "__pycache__/" not in line]


class Demo:
    """`make demo` running in the background; its output is collected line by line."""

    def __init__(self, clone: Path, home: Path):
        bin_dir = clone / ".venv" / "bin"
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("VIRTUAL_ENV", "SLEUTELPERSONEN_DEMO", "KEURMERK_HOME", "PYTHONPATH")
        }
        env.update(HOME=str(home), PATH=os.pathsep.join([str(bin_dir), os.environ["PATH"]]))
        self.process = subprocess.Popen(
            ["make", "demo"],
            cwd=clone,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, so stopping it stops uvicorn too
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for_service(self, timeout: float = 170) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = SERVING.search(self.output)
            assert self.process.poll() is None, self.output
            if found:
                try:
                    urllib.request.urlopen(found.group(1) + "/health", timeout=5).close()
                    return found.group(1)
                except OSError:
                    pass  # printed just before uvicorn listens
            time.sleep(0.5)
        raise AssertionError(f"no service after {timeout} s:\n{self.output}")

    def stop(self) -> None:
        """Ctrl+C, as the README says (to the process group this test started)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def _run_demo(clone: Path, home: Path) -> tuple[str, dict[str, str], dict[str, str], dict]:
    """Run `make demo`; while it serves, read the pages, issuer document and status lists."""
    demo = Demo(clone, home)
    try:
        base = demo.wait_for_service()
        issued = dict(ISSUED.findall(demo.output))
        assert "Keurmerk Sleutelpersoon controleren" in _get(base + "/")
        pages = {learner: _get(f"{base}/controleer/{n}") for learner, n in issued.items()}
        published = {
            path: json.loads(_get(base + path))
            for path in ("/issuer", *(f"/status/{purpose}" for purpose in PURPOSES))
        }
        assert _get(base + "/health") == "ok"
    finally:
        demo.stop()
    return demo.output, issued, pages, published


def test_make_demo_from_a_fresh_clone_as_the_readme_says(tmp_path):
    """Does `make demo` work in a fresh clone, write only outside it, and work twice?"""
    started = time.monotonic()
    clone = _clone(tmp_path / "sleutelpersonen-werken")
    _borrowed_venv(clone)
    before = _status(clone)
    home = tmp_path / "home"
    home.mkdir()
    demo_dir = home / "sleutelpersonen-demo"

    output, issued, pages, published = _run_demo(clone, home)
    first = time.monotonic() - started
    assert f"Alles van de demo staat in {demo_dir}" in output, output
    assert sorted(issued) == ["samira", "tesfay"], output
    assert "Status: <strong>geldig</strong>" in pages["samira"]
    assert "Status: <strong>geschorst</strong>" in pages["tesfay"]
    assert "yusuf: Nog niet: 8 praktijkuren" in output
    # nothing written into the checkout, ignored files included
    assert _status(clone) == before

    trusted = {published["/issuer"]["id"]: TrustedIssuer.from_controller(published["/issuer"])}
    lists = {doc["id"]: doc for path, doc in published.items() if path.startswith("/status/")}
    expected = {"samira": VALID, "tesfay": SUSPENDED}
    for learner, number in issued.items():
        pdf = demo_dir / "keurmerk" / "pdf" / f"keurmerk-{number}.pdf"
        credential = json.loads(extract_credential(pdf.read_bytes()))
        result = verify_credential(credential, trusted, datetime.now(UTC), lists.get)
        assert result.status == expected[learner], result.checks

    output, again, pages, _ = _run_demo(clone, home)  # a second run starts afresh
    assert sorted(again) == ["samira", "tesfay"] and set(again.values()).isdisjoint(issued.values())
    assert "Status: <strong>geldig</strong>" in pages["samira"]
    total = time.monotonic() - started
    print(f"\nmake demo from a fresh clone: first run {first:.0f} s, both runs {total:.0f} s")
