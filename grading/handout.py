"""Hand out an assignment without a hub: a package per learner and one for the group.

``trainer uitdelen OPDRACHT`` on a cohort without an exchange runs nbgrader's
``generate_assignment`` (hidden tests and rubrics are removed; the cohort's filled source,
see :mod:`grading.source`) and packs the released folder into
``<cohort>/uitdelen/<assignment>/``::

    Karim El Amrani (karim) - opdracht module-1.zip   one per learner in the gradebook
    Iedereen - opdracht module-1.zip                  for the group (no learner id)
    instructie.txt                                    the Dutch text for the e-mail

Each zip holds ``<assignment>/…``, the manifest the learner's start page reads
(:func:`course.handout.manifest_for`) and a Dutch instruction. A learner's own package also
tells the start page their learner id, so "Inleveren" does not have to ask for it. The
learner opens the package with **Opdracht openen** on the start page
(:func:`course.handout.open_package`).
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

from course.handout import INSTRUCTION, MANIFEST, manifest_for
from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.messages import HandoutText as T
from grading.nbgrader_cli import NbgraderError, run
from grading.sendout import Recipient, _safe, recipients

HANDOUT_DIR = "uitdelen"
INSTRUCTION_FILE = "instructie.txt"


class HandoutError(TrainerError):
    """The packages cannot be made; the message says why, in Dutch."""


def handout_folder(cohort: Cohort, assignment: str) -> Path:
    """``<cohort>/uitdelen/<assignment>``."""
    return cohort.root / HANDOUT_DIR / _safe(assignment)


def _released_files(folder: Path) -> list[Path]:
    """The released assignment's files, relative to ``folder`` (hidden files left out)."""
    files = []
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if not name.startswith("."):
                files.append((Path(current) / name).relative_to(folder))
    return files


def _write_package(
    target: Path, released: Path, assignment: str, learner: Recipient | None, course: str
) -> None:
    """One zip, written under a temporary name and then moved into place."""
    manifest = manifest_for(assignment, learner.id if learner else "", course)
    instruction = T.PACKAGE_INSTRUCTION.format(
        assignment=assignment, greeting=T.GREETING.format(name=learner.name) if learner else ""
    ).lstrip()
    temporary = target.with_name(f".{target.name}.nieuw")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        archive.writestr(INSTRUCTION, instruction)
        for relative in _released_files(released):
            archive.write(released / relative, f"{assignment}/{relative.as_posix()}")
    os.replace(temporary, target)


def make_packages(root: Path, assignment: str, again: bool = False) -> tuple[Path, list[Path]]:
    """Generate ``assignment`` and write the packages; return (folder, packages made).

    ``again`` makes them anew (after the trainer improved the assignment); without it an
    earlier hand-out is refused, so packages already sent out are never silently changed.
    """
    from grading.exchange import _check_assignment

    cohort = Cohort(root)
    _check_assignment(cohort, assignment)
    folder = handout_folder(cohort, assignment)
    if folder.is_dir() and any(folder.glob("*.zip")) and not again:
        raise HandoutError(T.ALREADY.format(assignment=assignment, folder=folder))
    force = ("--force",) if again else ()
    try:
        run(cohort.root, "generate_assignment", assignment, "--create", *force)
    except NbgraderError as error:
        raise HandoutError(
            T.GENERATE_FAILED.format(assignment=assignment, output=error.output[-2000:])
        ) from None
    released = cohort.root / "release" / assignment
    if not any(released.glob("*.ipynb")):
        raise HandoutError(T.NOTHING_RELEASED.format(assignment=assignment, folder=released))
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    stem = f"opdracht {_safe(assignment)}"
    made = [folder / f"{T.GROUP} - {stem}.zip"]
    _write_package(made[0], released, assignment, None, cohort.course_id)
    for learner in sorted(recipients(cohort).values(), key=lambda r: r.id):
        target = folder / f"{_safe(learner.name)} ({_safe(learner.id)}) - {stem}.zip"
        _write_package(target, released, assignment, learner, cohort.course_id)
        made.append(target)
    (folder / INSTRUCTION_FILE).write_text(
        T.MAIL_INSTRUCTION.format(assignment=assignment), encoding="utf-8"
    )
    return folder, made


def release_lines(root: Path, assignment: str, again: bool = False) -> list[str]:
    """``trainer uitdelen``: through the exchange when the cohort has one, else packages."""
    cohort = Cohort(root)
    if cohort.exchange is not None:
        from grading.exchange import release_line

        return [release_line(cohort.root, assignment, again=again)]
    folder, made = make_packages(cohort.root, assignment, again=again)
    lines = [T.MADE.format(assignment=assignment, folder=folder, learners=len(made) - 1)]
    lines += [f"- {path.name}" for path in made]
    lines.append(T.NEXT.format(instruction=folder / INSTRUCTION_FILE))
    if len(made) == 1:
        lines.append(T.NO_LEARNERS)
    return lines
