"""Is the code ruff clean (lint and format, notebooks included)?"""

import subprocess
import sys

from conftest import ASSIGNMENTS, ROOT
from course.factfill import fill_tree


def _ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check_is_clean():
    result = _ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = _ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_filled_assignments_are_ruff_clean(tmp_path):
    """Assignment sources are linted as they are handed out: facts filled in."""
    fill_tree(ASSIGNMENTS, tmp_path / "assignments")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--no-cache",
            "--isolated",
            "--line-length",
            "100",
            "--select",
            "E,F,W,B",
            "--ignore",
            "E501",
            ".",
        ],
        cwd=tmp_path / "assignments",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
