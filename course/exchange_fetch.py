"""Released assignments and feedback reach a learner on a JupyterHub: the pages fetch them.

On a hub the learner's server knows the cohort's nbgrader exchange from two environment
variables the hub sets (``SLEUTELPERSONEN_UITWISSELING``: the exchange folder,
``SLEUTELPERSONEN_CURSUS``: the cohort's course id). Each time the start page shows the
course map, every assignment the trainer released that is not yet in the workspace is
fetched into ``opdrachten/<id>/`` with nbgrader's own ``fetch_assignment``, as the learner.
Listing the exchange's ``outbound`` folder is quick; a fetch happens once per assignment.
Without those variables (a laptop, self-study, hand-out packages) nothing happens.

The page "Mijn feedback" fetches the trainer's feedback the same way, with nbgrader's own
``fetch_feedback``, for each assignment this learner handed in (nbgrader's cache of the
learner's own submissions says which; the exchange only gives a learner the feedback whose
name is derived from their own submission). It lands in ``opdrachten/<id>/feedback/``.

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
from course.workspace import ASSIGNMENTS_DIR, assignment_notebook, workspace_root

EXCHANGE_ENV = "SLEUTELPERSONEN_UITWISSELING"
COURSE_ENV = "SLEUTELPERSONEN_CURSUS"
LOG_NAME = "ophalen.log"


def released_assignments(environ: dict[str, str] | None = None) -> list[str]:
    """The assignments released to this learner's cohort (empty without a hub)."""
    settings = exchange_settings(environ)
    if settings is None:
        return []
    outbound = Path(settings[0]) / settings[1] / "outbound"
    try:
        return sorted(p.name for p in outbound.iterdir() if p.is_dir())
    except OSError:
        return []


def exchange_settings(environ: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(exchange folder, course id) the hub gave this learner's server, or ``None``."""
    env = os.environ if environ is None else environ
    exchange, course = env.get(EXCHANGE_ENV, ""), env.get(COURSE_ENV, "")
    return (exchange, course) if exchange and course else None


def fetch_released(root: Path, environ: dict[str, str] | None = None) -> list[str]:
    """Fetch every released assignment not yet in the workspace ``root``; return those."""
    env = dict(os.environ if environ is None else environ)
    fetched = []
    for assignment in released_assignments(env):
        if assignment_notebook(assignment, root) is not None:
            continue
        if _nbgrader(root, "fetch_assignment", assignment, env):
            fetched.append(assignment)
    return fetched


def handed_in(root: Path, environ: dict[str, str] | None = None) -> list[str]:
    """Assignments in the workspace ``root`` this learner handed in through the exchange.

    nbgrader keeps a copy of every submission in the learner's own cache
    (``<cache>/<course>/<learner>+<assignment>+<time>``); its ``fetch_feedback`` needs it.
    """
    settings = exchange_settings(environ)
    folder = Path(root) / ASSIGNMENTS_DIR
    if settings is None or not folder.is_dir():
        return []
    cache = submission_cache(root) / settings[1]
    try:
        names = [entry.name for entry in cache.iterdir()]
        submitted = {name.split("+")[1] for name in names if name.count("+") == 2}
    except OSError:
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name in submitted)


def fetch_feedback(
    root: Path, assignments: list[str] | None = None, environ: dict[str, str] | None = None
) -> list[str]:
    """Fetch the trainer's feedback for ``assignments`` (default: every handed-in one) into
    ``opdrachten/<id>/feedback/``; return those nbgrader fetched without an error."""
    env = dict(os.environ if environ is None else environ)
    if exchange_settings(env) is None:
        return []
    wanted = handed_in(root, env) if assignments is None else assignments
    return [a for a in wanted if _nbgrader(root, "fetch_feedback", a, env)]


def learner_nbgrader_config(cwd: Path):
    """nbgrader's settings for this learner, read from ``cwd``, the workspace and the Jupyter
    config path as nbgrader reads its ``nbgrader_config.py`` (earlier folders win).

    Raises whatever a broken config file raises.
    """
    from jupyter_core.paths import jupyter_config_path
    from nbgrader.apps import NbGrader
    from traitlets.config import Application

    paths = [str(cwd), str(workspace_root(cwd)), *jupyter_config_path()]
    app = NbGrader(log_level="CRITICAL")  # its warnings would show in the learner's page
    Application.load_config_file(app, "nbgrader_config", path=paths)
    return app.config


def submission_cache(cwd: Path) -> Path:
    """nbgrader's cache of this learner's submissions (``Exchange.cache``; a hub sets one
    per learner in their ``nbgrader_config.py``)."""
    from jupyter_core.paths import jupyter_data_dir

    try:
        configured = learner_nbgrader_config(cwd).get("Exchange", {}).get("cache", "")
    except Exception:  # a broken config file: nbgrader's default
        configured = ""
    return Path(configured or Path(jupyter_data_dir()) / "nbgrader_cache")


def _nbgrader(root: Path, subcommand: str, assignment: str, env: dict[str, str]) -> bool:
    """Run ``nbgrader <subcommand> <assignment>`` against the hub's exchange, as the learner."""
    command = [
        sys.executable,
        "-m",
        "nbgrader",
        subcommand,
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
            stamp = datetime.now(UTC).isoformat()
            handle.write(f"--- {stamp} {subcommand} {assignment}\n{output}\n")
    except OSError:
        pass
    return ok
