"""``trainer dashboard``: the trainer dashboard notebook, placed in the cohort folder.

The trainer's JupyterLab runs in the cohort folder, so the dashboard must be there too: the
copy reads the cohort it sits in (its first cell), draws the charts of :mod:`grading.charts`
and changes nothing. An existing copy is left alone (the trainer may have notes in it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys

from grading import GRADING_DIR
from grading.cohort import Cohort
from grading.messages import DashboardText as T
from grading.nbgrader_cli import environment

NOTEBOOK = "dashboard.ipynb"


def place_dashboard(root) -> tuple[Cohort, bool]:
    """Copy the dashboard into the cohort if it has none; return (cohort, newly made)."""
    cohort = Cohort(root)
    target = cohort.root / NOTEBOOK
    if target.exists():
        return cohort, False
    shutil.copyfile(GRADING_DIR / NOTEBOOK, target)
    return cohort, True


def dashboard_lines(root, open_lab: bool = False) -> list[str]:
    """``trainer dashboard``: place the notebook; with ``open_lab`` start JupyterLab on it."""
    cohort, made = place_dashboard(root)
    path = cohort.root / NOTEBOOK
    lines = [(T.MADE if made else T.THERE).format(path=path)]
    if not open_lab:
        return [*lines, T.HOW.format(root=cohort.root)]
    print(lines[0], T.STARTING, sep="\n", flush=True)
    command = [sys.executable, "-m", "jupyter", "lab", NOTEBOOK]
    subprocess.run(command, cwd=cohort.root, env=environment(), check=False)
    return []
