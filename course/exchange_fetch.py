"""Released assignments reach a learner on a JupyterHub: the start page fetches them.

On a hub the learner's server knows the cohort's nbgrader exchange from two environment
variables the hub sets (``SLEUTELPERSONEN_UITWISSELING``: the exchange folder,
``SLEUTELPERSONEN_CURSUS``: the cohort's course id). Each time the start page shows the
course map, every assignment the trainer released that is not yet in the workspace is
fetched into ``opdrachten/<id>/`` with nbgrader's own ``fetch_assignment``, as the learner.
Listing the exchange's ``outbound`` folder is quick; a fetch happens once per assignment.
Without those variables (a laptop, self-study, hand-out packages) nothing happens.

nbgrader's output (English) goes to ``ophalen.log`` in the learner's folder; a failed fetch
never shows an error on the page: the assignment simply stays "komt van je trainer".
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from course.storage import learner_home
from course.workspace import ASSIGNMENTS_DIR, assignment_notebook

EXCHANGE_ENV = "SLEUTELPERSONEN_UITWISSELING"
COURSE_ENV = "SLEUTELPERSONEN_CURSUS"
LOG_NAME = "ophalen.log"


def released_assignments(environ: dict[str, str] | None = None) -> list[str]:
    """The assignments released to this learner's cohort (empty without a hub)."""
    env = os.environ if environ is None else environ
    exchange, course = env.get(EXCHANGE_ENV, ""), env.get(COURSE_ENV, "")
    if not exchange or not course:
        return []
    outbound = Path(exchange) / course / "outbound"
    try:
        return sorted(p.name for p in outbound.iterdir() if p.is_dir())
    except OSError:
        return []


def fetch_released(root: Path, environ: dict[str, str] | None = None) -> list[str]:
    """Fetch every released assignment not yet in the workspace ``root``; return those."""
    env = dict(os.environ if environ is None else environ)
    fetched = []
    for assignment in released_assignments(env):
        if assignment_notebook(assignment, root) is not None:
            continue
        if _fetch(root, assignment, env):
            fetched.append(assignment)
    return fetched


def _fetch(root: Path, assignment: str, env: dict[str, str]) -> bool:
    command = [
        sys.executable,
        "-m",
        "nbgrader",
        "fetch_assignment",
        assignment,
        f"--course={env[COURSE_ENV]}",
        f"--Exchange.root={env[EXCHANGE_ENV]}",
        f"--Exchange.assignment_dir={root / ASSIGNMENTS_DIR}",
    ]
    env.pop("NBGRADER_EXECUTION", None)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    try:
        done = subprocess.run(
            command, cwd=root, env=env, capture_output=True, text=True, timeout=120
        )
        output, ok = done.stdout + done.stderr, done.returncode == 0
    except (OSError, subprocess.TimeoutExpired) as error:
        output, ok = str(error), False
    try:
        log = learner_home() / LOG_NAME
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()} {assignment}\n{output}\n")
    except OSError:
        pass
    return ok
