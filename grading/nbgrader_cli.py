"""Run the real nbgrader command line for a cohort (course root), with the right PATH."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from grading.errors import TrainerError


class NbgraderError(TrainerError):
    """An nbgrader command failed; ``output`` holds what it printed."""

    def __init__(self, args: tuple[str, ...], output: str):
        super().__init__(f"nbgrader {' '.join(args)} failed")
        self.output = output


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for nbgrader: this Python's bin/ first on PATH (it runs alembic)."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.update(extra or {})
    return env


def run(
    root: Path, *args: str, check: bool = True, timeout: float = 3600
) -> subprocess.CompletedProcess:
    """``nbgrader ARGS`` in the course root ``root``.

    Before ``generate_assignment`` the cohort gets its filled-in copy of the assignment.
    """
    if len(args) > 1 and args[0] == "generate_assignment":
        from grading.source import ensure_source

        ensure_source(root, args[1])
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=root,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise NbgraderError(args, result.stdout + result.stderr)
    return result
