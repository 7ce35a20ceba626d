"""A throw-away nbgrader course root whose source is the repository's assignments/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from nbgrader.api import Gradebook

from conftest import ASSIGNMENTS, ROOT
from course.factfill import fill_tree

SOLUTIONS = ROOT / "tests" / "fixtures" / "solutions"


class NbgraderCourse:
    """Run the real nbgrader command line against a temporary course root."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        source = root / "source"
        if not source.is_dir():  # the assignments as handed out: facts filled in
            fill_tree(ASSIGNMENTS, source)
        (root / "nbgrader_config.py").write_text(
            "c = get_config()\n"
            f"load_subconfig({str(ROOT / 'grading' / 'nbgrader_config.py')!r})\n"
            f"c.CourseDirectory.root = {str(root)!r}\n"
            f"c.CourseDirectory.source_directory = {str(source)!r}\n",
            encoding="utf-8",
        )

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        """Run ``nbgrader ARGS`` in the course root; fail loudly when it fails."""
        result = subprocess.run(
            [sys.executable, "-m", "nbgrader", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=dict(os.environ),
            timeout=600,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def release_dir(self, assignment: str) -> Path:
        return self.root / "release" / assignment

    def submit(
        self,
        student: str,
        assignment: str,
        answers: dict | str | None,
        change: Callable[[dict, str], None] | None = None,
    ) -> Path:
        """Hand in the released notebooks with ``answers`` (a dict per notebook, raw text, or none).

        ``change(notebook_json, notebook_name)`` may edit a notebook as a learner could.
        """
        self.nbgrader("db", "student", "add", student)
        folder = self.root / "submitted" / student / assignment
        if folder.exists():
            shutil.rmtree(folder)
        shutil.copytree(self.release_dir(assignment), folder)
        for notebook in sorted(folder.glob("*.ipynb")):
            name = notebook.stem
            if change is not None:
                data = json.loads(notebook.read_text(encoding="utf-8"))
                change(data, name)
                notebook.write_text(json.dumps(data), encoding="utf-8")
            target = folder / f"{name}.antwoorden.json"
            if isinstance(answers, dict) and name in answers:
                target.write_text(json.dumps(answers[name]), encoding="utf-8")
            elif isinstance(answers, str):
                target.write_text(answers, encoding="utf-8")
        return folder

    def autograde(self, assignment: str) -> subprocess.CompletedProcess:
        return self.nbgrader("autograde", assignment, "--force")

    def grades(self, assignment: str, student: str) -> dict[str, float]:
        """Autograded scores per test cell for one student."""
        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            submission = gradebook.find_submission(assignment, student)
            return {
                grade.name: grade.score
                for notebook in submission.notebooks
                for grade in notebook.grades
                if grade.cell.cell_type == "code"
            }

    def max_autograded(self, assignment: str) -> dict[str, float]:
        """The maximum score of every autograded test cell of an assignment."""
        with Gradebook(f"sqlite:///{self.root / 'gradebook.db'}") as gradebook:
            return {
                cell.name: cell.max_score
                for notebook in gradebook.find_assignment(assignment).notebooks
                for cell in notebook.grade_cells
                if cell.cell_type == "code"
            }


def solution_answers(assignment: str) -> dict:
    """The answers that must earn full marks, per notebook."""
    return json.loads((SOLUTIONS / f"{assignment}.json").read_text(encoding="utf-8"))


class AssignmentShape:
    """The graded cells of a source assignment, read from its notebook (not hard-coded).

    ``closed`` maps the number of each autograded question to its points; ``open`` maps the
    grade id of each manually graded open answer (``vraag-29-antwoord``) to its points.
    """

    def __init__(self, assignment: str):
        (path,) = sorted((ASSIGNMENTS / assignment).glob("*.ipynb"))
        self.closed: dict[int, float] = {}
        self.open: dict[str, float] = {}
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if not meta.get("grade"):
                continue
            grade_id = meta["grade_id"]
            if meta.get("solution"):
                self.open[grade_id] = meta["points"]
            elif cell["cell_type"] == "code":
                self.closed[int(grade_id.split("-")[1])] = meta["points"]

    @property
    def open_numbers(self) -> list[int]:
        return [int(grade_id.split("-")[1]) for grade_id in self.open]

    @property
    def questions(self) -> int:
        return len(self.closed) + len(self.open)

    @property
    def max_score(self) -> float:
        return sum(self.closed.values()) + sum(self.open.values())
