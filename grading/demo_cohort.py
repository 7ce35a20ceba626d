"""A demo cohort: fabricated learners hand in the real assignments and the real nbgrader
pipeline grades them; a trainer's manual grades are filled in. Writes scores.csv,
praktijk.csv and deelnemers.csv for the keurmerk.

    python -m grading.demo_cohort [FOLDER]

FOLDER defaults to ``$SLEUTELPERSONEN_DEMO`` or ``~/sleutelpersonen-demo``; a relative one is
taken from the current folder (nbgrader itself runs inside the cohort folder).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

import pandas as pd
from nbgrader.api import Gradebook

from grading import ASSIGNMENTS_DIR, GRADING_DIR
from grading.cohort import write_config
from grading.nbgrader_cli import run
from grading.scores import grade_manually, score_table
from grading.source import ensure_source

SOLUTIONS = GRADING_DIR.parent / "tests" / "fixtures" / "solutions"


def default_folder() -> Path:
    """Where the demo writes: ``$SLEUTELPERSONEN_DEMO`` or ``~/sleutelpersonen-demo``."""
    return Path(os.environ.get("SLEUTELPERSONEN_DEMO") or Path.home() / "sleutelpersonen-demo")


# Fictional learners: (id, name, e-mail, wrong answers per module, manual share, hours, sessions)
LEARNERS = [
    ("samira", "Samira Benali", "samira@voorbeeld.nl", 0, 1.0, 26, 4),
    ("tesfay", "Tesfay Haile", "tesfay@voorbeeld.nl", 1, 0.8, 22, 3),
    ("karim", "Karim El Amrani", "karim@voorbeeld.nl", 9, 0.5, 30, 5),
    ("olena", "Olena Kovalenko", "olena@voorbeeld.nl", 0, None, 20, 3),
    ("yusuf", "Yusuf Warsame", "yusuf@voorbeeld.nl", 0, 1.0, 8, 1),
]
OPEN_ANSWER = (
    "Ik blijf rustig en vraag eerst toestemming. Daarna lezen we samen wat er nodig is. "
    "Ik verwijs door als het te ingewikkeld wordt."
)


def _nbgrader(root: Path, *args: str) -> None:
    run(root, *args)


def _wrong(answers: dict, count: int) -> dict:
    changed = dict(answers)
    for key in list(changed)[:count]:
        value = changed[key]
        changed[key] = (
            -1
            if isinstance(value, int | float)
            else ["fout"]
            if isinstance(value, list)
            else "fout"
        )
    return changed


def _max_points(url: str, assignment: str, learner: str, grade_id: str) -> float:
    """The points an open answer is worth (open questions differ: 6, 4, 3 ...)."""
    with Gradebook(url) as gradebook:
        for notebook in gradebook.find_submission(assignment, learner).notebooks:
            for grade in notebook.grades:
                if grade.name == grade_id:
                    return float(grade.max_score)
    raise LookupError(f"{learner}/{assignment} has no grade cell {grade_id}")


def make_cohort(folder: Path) -> Path:
    """Grade a demo cohort; return the folder with the three CSV files."""
    folder = folder.expanduser().resolve()
    root = folder / "cohort"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    write_config(root)
    assignments = sorted(p.name for p in ASSIGNMENTS_DIR.glob("module-*") if p.is_dir())
    for learner, *_ in LEARNERS:
        _nbgrader(root, "db", "student", "add", learner)
    for assignment in assignments:
        print(f"Opdracht {assignment}: uitdelen, inleveren en nakijken ...", flush=True)
        ensure_source(root, assignment)  # the cohort's copy, facts of its year filled in
        _nbgrader(root, "generate_assignment", assignment, "--create")
        solutions = json.loads((SOLUTIONS / f"{assignment}.json").read_text(encoding="utf-8"))
        for learner, _name, _mail, wrong, *_ in LEARNERS:
            target = root / "submitted" / learner / assignment
            shutil.copytree(root / "release" / assignment, target)
            for notebook in target.glob("*.ipynb"):
                data = json.loads(notebook.read_text(encoding="utf-8"))
                for cell in data["cells"]:
                    if cell["metadata"].get("nbgrader", {}).get("solution"):
                        cell["source"] = OPEN_ANSWER
                notebook.write_text(json.dumps(data), encoding="utf-8")
                answers = _wrong(solutions[notebook.stem], wrong)
                (target / f"{notebook.stem}.antwoorden.json").write_text(json.dumps(answers))
        _nbgrader(root, "autograde", assignment)
    url = f"sqlite:///{root / 'gradebook.db'}"
    table = score_table(url)
    for learner, _name, _mail, _wrong_count, share, *_ in LEARNERS:
        if share is None:
            continue  # the trainer has not graded this learner's open answers yet
        for row in table[table.learner == learner].itertuples():
            for item in filter(None, row.open_items.split(";")):
                top = _max_points(url, row.assignment, learner, item)
                grade_manually(url, row.assignment, learner, item, top * share)
    out = folder / "tabellen"
    out.mkdir(parents=True, exist_ok=True)
    score_table(url).to_csv(out / "scores.csv", index=False)
    people = pd.DataFrame(
        [(l_id, name, mail) for l_id, name, mail, *_ in LEARNERS],
        columns=["learner", "name", "email"],
    )
    people.to_csv(out / "deelnemers.csv", index=False)
    practice = pd.DataFrame(
        [(l_id, hours, sessions) for l_id, *_, hours, sessions in LEARNERS],
        columns=["learner", "practice_hours", "intervision_sessions"],
    )
    practice.to_csv(out / "praktijk.csv", index=False)
    return out


def main(argv: list[str] | None = None) -> None:
    """Maak een democohort en kijk de opdrachten na met nbgrader."""
    parser = argparse.ArgumentParser(prog="python -m grading.demo_cohort", description=main.__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=None, help="de map van de demo")
    folder = parser.parse_args(argv).folder or default_folder()
    print(f"Het democohort komt in {folder.expanduser().resolve() / 'cohort'}", flush=True)
    out = make_cohort(folder)
    print(f"Scores, praktijk en deelnemers staan in {out}")


if __name__ == "__main__":
    main()
