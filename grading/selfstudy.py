"""Self-study: release the course's assignments into a learner's own workspace.

Without a trainer's JupyterHub or hand-out package, the start command makes each graded
assignment with nbgrader (hidden tests and rubrics removed, exactly as a trainer releases
it) and places it in ``<workspace>/opdrachten/<assignment>/``. The nbgrader course root
used for that lives in the learner's private folder, never in the workspace. A release is
made again only when its source or the nbgrader settings changed; the learner's answers
files beside the notebook are never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from course.facts import course_year
from grading import ASSIGNMENTS_DIR, NBGRADER_CONFIG
from grading.cohort import write_config
from grading.nbgrader_cli import run
from grading.source import SOURCE_DIR, fill_assignment

STATE_FILE = "vrijgegeven.json"


def source_digest(assignment: str, source_dir: Path = ASSIGNMENTS_DIR) -> str:
    """A hash of the assignment's (filled-in) source files and the shared nbgrader settings."""
    digest = hashlib.sha256(NBGRADER_CONFIG.read_bytes())
    for path in sorted((source_dir / assignment).rglob("*")):
        if path.is_file() and ".ipynb_checkpoints" not in path.parts:
            digest.update(path.relative_to(source_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def release_into(workspace: Path, assignments: list[str], cache: Path) -> list[str]:
    """Release ``assignments`` into ``workspace/opdrachten``; return those (re)released.

    ``cache`` is the private nbgrader course root for self-study.
    """
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_config(cache)
    year = course_year()
    state_path = cache / STATE_FILE
    try:
        state = json.loads(state_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    released = []
    for assignment in assignments:
        if not (ASSIGNMENTS_DIR / assignment).is_dir():
            continue
        # Self-study follows the installed course: its year and its facts, filled in afresh.
        fill_assignment(assignment, cache / SOURCE_DIR, year)
        digest = source_digest(assignment, cache / SOURCE_DIR)
        target = workspace / "opdrachten" / assignment
        if state.get(assignment) == digest and any(target.glob("*.ipynb")):
            continue
        run(cache, "generate_assignment", assignment, "--create", "--force")
        _copy_release(cache / "release" / assignment, target)
        state[assignment] = digest
        released.append(assignment)
        state_path.write_text(json.dumps(state, indent=2), encoding="utf-8")
    return released


def _copy_release(release: Path, target: Path) -> None:
    """Copy every released file over the workspace copy, each file in one step."""
    for source in sorted(release.rglob("*")):
        if not source.is_file():
            continue
        destination = target / source.relative_to(release)
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = destination.with_name(f".{destination.name}.nieuw")
        shutil.copyfile(source, temporary)
        os.replace(temporary, destination)
