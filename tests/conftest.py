"""Shared fixtures. Every test (and every kernel it starts) uses a private learner folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "course"
ASSIGNMENTS = ROOT / "assignments"
ARTIFACTS = ROOT / "test-artifacts"
BIN_DIR = Path(sys.executable).parent

# Set before any kernel starts (nbval, nbgrader), so no test writes to the real home.
_HOME = tempfile.mkdtemp(prefix="sleutelpersonen-home-")
os.environ["SLEUTELPERSONEN_HOME"] = _HOME
# nbgrader creates gradebooks with `alembic` from PATH; Jupyter finds the venv's kernel.
os.environ["PATH"] = os.pathsep.join([str(BIN_DIR), os.environ.get("PATH", "")])


def assignment_names() -> list[str]:
    """Every nbgrader source assignment (a folder under assignments/ with a notebook)."""
    return sorted(
        path.name
        for path in ASSIGNMENTS.iterdir()
        if path.is_dir() and not path.name.startswith((".", "_")) and any(path.glob("*.ipynb"))
    )


@pytest.fixture
def learner_home(tmp_path, monkeypatch) -> Path:
    """A fresh learner data folder for one test."""
    home = tmp_path / "home"
    monkeypatch.setenv("SLEUTELPERSONEN_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and reports kept after the run (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def postgres_url():
    """A real PostgreSQL server, started for this test run and removed afterwards."""
    from course.launch import free_port
    from postgres import PostgresServer

    server = PostgresServer(free_port(15_432))
    try:
        url = server.start()
    except RuntimeError as problem:
        pytest.fail(str(problem))
    yield url
    server.stop()
