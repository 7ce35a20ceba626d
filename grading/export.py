"""Scores for trainers: a learner × assignment overview, CSV and Excel export, the questions
most often wrong, learners who need attention, and the charts of the trainer dashboard.

Everything starts from the gradebook (SQLite or PostgreSQL URL): the long score table of
``grading.scores.score_table`` (the keurmerk's interface) plus, per autograded test cell,
whether a learner earned any points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from nbgrader.api import Gradebook

from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.messages import ExportText
from grading.scores import score_table
from grading.submission import is_blank

PASS_PERCENTAGE = 70
MODULE_PREFIX = "module-"
SCORES_CSV = "scores.csv"
OVERVIEW_CSV = "overzicht.csv"
OVERVIEW_XLSX = "overzicht.xlsx"


class EmptyGradebook(TrainerError):
    """Nothing has been graded yet: there is nothing to export."""

    def __init__(self):
        super().__init__(ExportText.EMPTY)


@dataclass
class CohortData:
    """What the overview, the export and the dashboard need from one gradebook."""

    learners: list[str]
    assignments: list[str]
    scores: pd.DataFrame  # grading.scores.score_table
    questions: pd.DataFrame  # one row per learner × autograded test cell
    active: list[str]  # assignments someone handed in, or whose due date has passed
    names: dict[str, str] = field(default_factory=dict)  # learner id → "first last"
    blank: set[tuple[str, str]] = field(default_factory=set)  # (learner, assignment) empty


def load(gradebook: str) -> CohortData:
    """Read everything from the gradebook at URL ``gradebook``."""
    rows = []
    now = datetime.now(UTC).replace(tzinfo=None)  # nbgrader stores naive UTC
    with Gradebook(gradebook) as book:
        learners = sorted(student.id for student in book.students)
        names = {
            student.id: " ".join(filter(None, [student.first_name, student.last_name]))
            for student in book.students
        }
        assignments = sorted(assignment.name for assignment in book.assignments)
        active = []
        for assignment in book.assignments:
            submissions = list(assignment.submissions)
            if submissions or (assignment.duedate and assignment.duedate < now):
                active.append(assignment.name)
            for submission in submissions:
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        if grade.cell.cell_type != "code":
                            continue
                        rows.append(
                            {
                                "learner": submission.student.id,
                                "assignment": assignment.name,
                                "notebook": notebook.name,
                                "grade_id": grade.name,
                                "auto_score": float(grade.auto_score or 0),
                                "max_score": float(grade.max_score or 0),
                            }
                        )
    columns = ["learner", "assignment", "notebook", "grade_id", "auto_score", "max_score"]
    return CohortData(
        learners=learners,
        assignments=assignments,
        scores=score_table(gradebook),
        questions=pd.DataFrame(rows, columns=columns),
        active=sorted(active),
        names=names,
    )


def load_cohort(root: Path) -> CohortData:
    """``load`` for the gradebook of the cohort in folder ``root``."""
    cohort = Cohort(root)
    if not cohort.has_gradebook:
        raise EmptyGradebook()  # and do not create an empty gradebook
    data = load(cohort.gradebook_url)
    data.blank = {
        (learner, assignment)
        for learner, assignment in zip(data.scores.learner, data.scores.assignment, strict=True)
        if is_blank(cohort.folder("submitted", learner, assignment))
    }
    return data


def is_module(assignment: str) -> bool:
    """Is this a module assignment (``module-…``), the ones the pass mark applies to?"""
    return assignment.startswith(MODULE_PREFIX)


def _percentages(scores: pd.DataFrame) -> pd.Series:
    share = scores["score"] / scores["max_score"].where(scores["max_score"] > 0)
    return (100 * share).round(1)


def _open_count(value) -> int:
    return len([item for item in str(value or "").split(";") if item])


def wide_table(data: CohortData) -> pd.DataFrame:
    """Learner × assignment: score, maximum, percentage, open items (count), late.

    Every learner and assignment of the gradebook is there; a missing hand-in is empty.
    Columns are a two-level index (assignment, field).
    """
    scores = data.scores.assign(
        percentage=_percentages(data.scores),
        open_count=data.scores["open_items"].map(_open_count),
    )
    fields = {
        "score": ExportText.SCORE,
        "max_score": ExportText.MAX,
        "percentage": ExportText.PERCENTAGE,
        "open_count": ExportText.OPEN,
        "late": ExportText.LATE,
    }
    frames = {}
    for assignment in data.assignments:
        part = scores[scores.assignment == assignment].set_index("learner")[list(fields)]
        part = part.rename(columns=fields).reindex(data.learners)
        late = part[ExportText.LATE].map({True: ExportText.YES, False: ExportText.NO})
        part[ExportText.LATE] = late
        frames[assignment] = part
    if not frames:
        return pd.DataFrame(index=pd.Index(data.learners, name=ExportText.LEARNER))
    table = pd.concat(frames, axis=1)
    table.index.name = ExportText.LEARNER
    return table


def flat(table: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The wide table with one header row ("module-1 score", …) for CSV and Excel.

    With ``names`` (learner id → name) a name column follows the learner id.
    """
    result = table.copy()
    result.columns = [f"{assignment} {field}" for assignment, field in table.columns]
    result = result.reset_index()
    if names is not None:
        result.insert(1, ExportText.NAME, result[ExportText.LEARNER].map(names).fillna(""))
    return result


def _with_names(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    result = frame.copy()
    result.insert(1, ExportText.NAME, result[ExportText.LEARNER].map(names).fillna(""))
    return result


def dutch_scores(data: CohortData) -> pd.DataFrame:
    """The score table with Dutch headings and names (the keurmerk's CSV stays English)."""
    scores = data.scores.assign(
        late=data.scores["late"].map({True: ExportText.YES, False: ExportText.NO})
    )
    scores = scores.rename(columns=ExportText.SCORE_COLUMNS)
    return _with_names(scores, data.names)


def question_label(grade_id: str) -> str:
    """'vraag-3-controle' → 'Vraag 3'; other ids stay as they are."""
    match = re.match(r"vraag-(\d+)", grade_id)
    return ExportText.QUESTION_LABEL.format(number=match.group(1)) if match else grade_id


def _question_number(grade_id: str) -> int:
    match = re.match(r"vraag-(\d+)", grade_id)
    return int(match.group(1)) if match else 10**6


def hardest_questions(data: CohortData) -> pd.DataFrame:
    """Per autograded test cell: how many learners got 0 points, most often wrong first.

    Blank submissions (``data.blank``: no answers saved at all) are left out: they would
    make every question look equally hard.
    """
    columns = [
        ExportText.ASSIGNMENT,
        ExportText.QUESTION,
        ExportText.NOTEBOOK,
        ExportText.CELL,
        ExportText.SUBMITTED_COUNT,
        ExportText.WRONG_COUNT,
        ExportText.WRONG_SHARE,
    ]
    questions = data.questions
    if data.blank and not questions.empty:
        handed_in = list(zip(questions.learner, questions.assignment, strict=True))
        questions = questions[[pair not in data.blank for pair in handed_in]]
    if questions.empty:
        return pd.DataFrame(columns=columns)
    grouped = (
        questions.assign(wrong=questions["auto_score"] <= 0)
        .groupby(["assignment", "notebook", "grade_id"], sort=False)
        .agg(learners=("learner", "nunique"), wrong=("wrong", "sum"))
        .reset_index()
    )
    grouped["share"] = (100 * grouped["wrong"] / grouped["learners"]).round(1)
    grouped["label"] = grouped["grade_id"].map(question_label)
    grouped["number"] = grouped["grade_id"].map(_question_number)
    grouped = grouped.sort_values(
        ["share", "assignment", "number", "grade_id"],
        ascending=[False, True, True, True],
        ignore_index=True,
    )
    result = grouped[
        ["assignment", "label", "notebook", "grade_id", "learners", "wrong", "share"]
    ].copy()
    result.columns = columns
    return result


def attention(data: CohortData, threshold: float = PASS_PERCENTAGE) -> pd.DataFrame:
    """Learners who need attention, each with their Dutch reasons.

    A module assignment below ``threshold`` %, open answers not graded yet, a late
    hand-in, or an assignment not handed in that others did hand in (or that is past due).
    """
    scores = data.scores.assign(percentage=_percentages(data.scores))
    reasons: dict[str, list[str]] = {}
    handed_in = set(zip(scores.learner, scores.assignment, strict=True))
    for row in scores.itertuples():
        found = reasons.setdefault(row.learner, [])
        if is_module(row.assignment) and pd.notna(row.percentage) and row.percentage < threshold:
            found.append(
                ExportText.BELOW.format(
                    assignment=row.assignment,
                    percentage=_number(row.percentage),
                    threshold=_number(threshold),
                )
            )
        count = _open_count(row.open_items)
        if count:
            found.append(ExportText.OPEN_ITEMS.format(assignment=row.assignment, count=count))
        if row.late:
            found.append(ExportText.LATE_REASON.format(assignment=row.assignment))
    for learner in data.learners:
        for assignment in data.active:
            if (learner, assignment) not in handed_in:
                reasons.setdefault(learner, []).append(
                    ExportText.MISSING.format(assignment=assignment)
                )
    rows = [
        {ExportText.LEARNER: learner, ExportText.COUNT: len(items), ExportText.REASONS: items}
        for learner, items in sorted(reasons.items())
        if items
    ]
    return pd.DataFrame(rows, columns=[ExportText.LEARNER, ExportText.COUNT, ExportText.REASONS])


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def progress(data: CohortData, threshold: float = PASS_PERCENTAGE) -> pd.DataFrame:
    """Per assignment: share of learners who handed in, and who passed (all graded)."""
    total = max(len(data.learners), 1)
    scores = data.scores.assign(percentage=_percentages(data.scores))
    rows = []
    for assignment in data.assignments:
        part = scores[scores.assignment == assignment]
        passed = part[(part.percentage >= threshold) & (part.open_items.map(_open_count) == 0)]
        rows.append(
            {
                ExportText.ASSIGNMENT: assignment,
                ExportText.SUBMITTED_SHARE: round(100 * len(part) / total, 1),
                ExportText.PASSED_SHARE: round(100 * len(passed) / total, 1),
            }
        )
    columns = [ExportText.ASSIGNMENT, ExportText.SUBMITTED_SHARE, ExportText.PASSED_SHARE]
    return pd.DataFrame(rows, columns=columns)


def export(data: CohortData, folder: Path, threshold: float = PASS_PERCENTAGE) -> list[Path]:
    """Write scores.csv (the keurmerk's table), overzicht.csv and overzicht.xlsx."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    overview = flat(wide_table(data), data.names)
    questions = hardest_questions(data)
    needs = attention(data, threshold)
    needs_text = needs.assign(**{ExportText.REASONS: needs[ExportText.REASONS].map("; ".join)})
    needs_text = _with_names(needs_text, data.names)
    paths = [folder / SCORES_CSV, folder / OVERVIEW_CSV, folder / OVERVIEW_XLSX]
    data.scores.to_csv(paths[0], index=False)
    # Dutch Excel opens this without an import wizard: semicolons, decimal comma, BOM.
    overview.to_csv(paths[1], index=False, sep=";", decimal=",", encoding="utf-8-sig")
    with pd.ExcelWriter(paths[2], engine="openpyxl") as writer:
        sheets = {
            ExportText.SHEET_OVERVIEW: overview,
            ExportText.SHEET_SCORES: dutch_scores(data),
            ExportText.SHEET_QUESTIONS: questions,
            ExportText.SHEET_ATTENTION: needs_text,
        }
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "B2"
            for column in sheet.columns:
                width = max(len(str(cell.value or "")) for cell in column)
                sheet.column_dimensions[column[0].column_letter].width = min(width + 2, 80)
    return paths


def export_lines(root: Path, folder: Path | None = None, threshold: float = PASS_PERCENTAGE):
    """``trainer exporteer``: write the files; the Dutch lines on what was written and who
    needs attention."""
    data = load_cohort(root)
    if data.scores.empty:
        raise EmptyGradebook()
    target = folder or Cohort(root).root / "export"
    lines = [ExportText.WRITTEN]
    lines += [ExportText.WRITTEN_LINE.format(path=path) for path in export(data, target, threshold)]
    needs = attention(data, threshold)
    if needs.empty:
        return [*lines, ExportText.NOBODY]
    lines.append(ExportText.ATTENTION_COUNT.format(count=len(needs)))
    for row in needs.itertuples(index=False):
        lines.append(ExportText.ATTENTION_LINE.format(learner=row[0], reasons="; ".join(row[2])))
    return lines
