"""Self-study: release the course's assignments into a learner's own workspace.

Without a trainer's JupyterHub or hand-out package, the start command makes each graded
assignment with nbgrader (hidden tests and rubrics removed, exactly as a trainer releases
it) and places it in ``<workspace>/opdrachten/<assignment>/``. The nbgrader course root
used for that lives in the learner's private folder, never in the workspace. A release is
made again only when its source or the nbgrader settings changed; the learner's answers
files beside the notebook are never touched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from course.answers import ANSWERS_SUFFIX
from course.facts import course_year
from grading import ASSIGNMENTS_DIR, NBGRADER_CONFIG
from grading.cohort import SOURCE_DIR, write_config
from grading.nbgrader_cli import run
from grading.source import fill_assignment

STATE_FILE = "vrijgegeven.json"


def source_digest(assignment: str, source_dir: Path = ASSIGNMENTS_DIR) -> str:
    """A hash of the assignment's (filled-in) source files and the shared nbgrader settings."""
    digest = hashlib.sha256(NBGRADER_CONFIG.read_bytes())
    for path in sorted((source_dir / assignment).rglob("*")):
        if path.is_file() and ".ipynb_checkpoints" not in path.parts:
            digest.update(path.relative_to(source_dir).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def release_into(
    workspace: Path, assignments: list[str], cache: Path, set_aside: dict | None = None
) -> list[str]:
    """Release ``assignments`` into ``workspace/opdrachten``; return those (re)released.

    ``cache`` is the private nbgrader course root for self-study. When a new release changes
    questions the learner already answered, those answers are set aside (the whole old
    answers file is kept beside it) and reported in ``set_aside``: answers are stored by
    question number, so an old answer must never show up under a changed question.
    """
    set_aside = {} if set_aside is None else set_aside
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
        before = question_signatures(target)
        after = question_signatures(cache / "release" / assignment)
        _copy_release(cache / "release" / assignment, target)
        set_aside.update(set_aside_changed_answers(target, before, after))
        state[assignment] = digest
        released.append(assignment)
        state_path.write_text(json.dumps(state, indent=2), encoding="utf-8")
    return released


QUESTION_CALL = re.compile(r"vragen\.\w+\(\s*(\d+)")


def question_signatures(folder: Path) -> dict[str, str]:
    """For each question in the folder's notebook(s): a hash of every cell that names it."""
    hashes: dict[str, hashlib._Hash] = {}
    for notebook in sorted(Path(folder).glob("*.ipynb")):
        try:
            cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        except (OSError, ValueError, KeyError):
            continue
        for cell in cells:
            if cell.get("cell_type") != "code":
                continue
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            for number in dict.fromkeys(QUESTION_CALL.findall(source)):
                key = f"{notebook.stem}:{number}"
                hashes.setdefault(key, hashlib.sha256()).update(source.encode("utf-8"))
    return {key: value.hexdigest() for key, value in hashes.items()}


def set_aside_changed_answers(
    folder: Path, before: dict[str, str], after: dict[str, str]
) -> dict[Path, list[str]]:
    """Remove answers to questions that changed; keep the old file as a dated copy.

    Returns, per answers file, the question numbers that were set aside.
    """
    result: dict[Path, list[str]] = {}
    for answers in sorted(Path(folder).glob(f"*{ANSWERS_SUFFIX}")):
        stem = answers.name[: -len(ANSWERS_SUFFIX)]
        try:
            data = json.loads(answers.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a damaged file is the answer sheet's to report; never touch it here
        if not isinstance(data, dict):
            continue
        changed = sorted(
            (n for n in data if before.get(f"{stem}:{n}") != after.get(f"{stem}:{n}")),
            key=lambda n: (len(n), n),
        )
        if not changed:
            continue
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        shutil.copyfile(answers, answers.with_name(f"{stem}.vorige-versie-{stamp}.json"))
        kept = {n: v for n, v in data.items() if n not in changed}
        temporary = answers.with_name(f".{answers.name}.nieuw")
        temporary.write_text(json.dumps(kept, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, answers)
        result[answers] = changed
    return result


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
