"""Import a cohort's learners from a CSV or Excel file into its nbgrader gradebook.

The file is checked completely before anything is written: every problem (wrong columns,
missing or duplicate ids, ids nbgrader cannot use, missing names, malformed or duplicate
e-mail addresses, an empty file) is reported in one Dutch list with the row number a trainer
sees in Excel, and nobody is imported. A valid file adds or updates every learner in one
database transaction; learners who are not in the file are left alone::

    result = import_learners(Path("~/cohort-2027"), Path("deelnemers.xlsx"))
    result.added, result.updated, result.unchanged
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import pandas as pd

from course.handin import is_valid_learner_id
from grading.cohort import Cohort
from grading.errors import TrainerError
from grading.messages import LearnersText

T = LearnersText

# Normalised header (lower case, letters and digits only) → field.
HEADER_ALIASES = {
    "id": {
        "id",
        "deelnemer",
        "deelnemerid",
        "deelnemersid",
        "deelnemernummer",
        "deelnemersnummer",
        "studentid",
        "student",
        "studentnummer",
        "gebruikersnaam",
        "username",
        "login",
    },
    "first_name": {"voornaam", "voornamen", "roepnaam", "firstname", "givenname"},
    "infix": {"tussenvoegsel", "tussenvoegsels", "voorvoegsel"},
    "last_name": {"achternaam", "familienaam", "lastname", "surname", "familyname"},
    "email": {"email", "emailadres", "mail", "mailadres", "emailaddress"},
}
REQUIRED = ("id", "first_name", "last_name", "email")
MAX_FIELD = 128  # nbgrader's Student columns are String(128)
EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
)


class LearnerDatabaseError(TrainerError):
    """The gradebook could not be updated; nothing was changed."""


@dataclass(frozen=True)
class Learner:
    """One row of the learner file."""

    id: str
    first_name: str
    last_name: str
    email: str


@dataclass(frozen=True)
class Problem:
    """One problem in the file; ``row`` is the spreadsheet row (the header is row 1)."""

    message: str
    row: int | None = None

    def __str__(self) -> str:
        return T.ROW.format(row=self.row, message=self.message) if self.row else self.message


class LearnerFileError(TrainerError, ValueError):
    """The file was not imported; ``problems`` lists every reason."""

    def __init__(self, path: Path, problems: list[Problem]):
        self.path = path
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, one per line, under a Dutch lead line."""
        count = len(self.problems)
        what = T.ONE_PROBLEM if count == 1 else T.MANY_PROBLEMS.format(count=count)
        lines = [T.NOTHING_IMPORTED.format(count=what, file=self.path.name)]
        lines += [f"- {problem}" for problem in self.problems]
        return "\n".join(lines)


@dataclass
class ImportResult:
    """Which learners were added, updated or left as they were."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def summary(self) -> str:
        """One Dutch line with the counts."""
        return T.DONE.format(
            total=self.total,
            added=len(self.added),
            updated=len(self.updated),
            unchanged=len(self.unchanged),
        )


def _normalise_header(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).strip().lower())


def _clean(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).replace("\u00a0", " ").strip()


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # Excel on Windows saves CSV as cp1252
        text = raw.decode("cp1252", errors="replace")
    if "\0" in text:
        raise ValueError(T.NOT_TEXT)
    lines = [line for line in text.splitlines() if line.strip()]
    separator = max(
        (";", ",", "\t"), key=lambda sep: max((line.count(sep) for line in lines[:10]), default=0)
    )
    return list(csv.reader(StringIO(text), delimiter=separator))


def _read_rows(path: Path) -> list[list[str]]:
    """Every row of the file as text cells, the first row being spreadsheet row 1."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        with path.open("rb") as handle:
            if handle.read(2) != b"PK":  # not a workbook: e.g. a CSV file renamed to .xlsx
                return _read_csv(path)
        table = pd.read_excel(
            path, dtype=str, header=None, keep_default_na=False, engine="openpyxl"
        )
        return [[_clean(value) for value in row] for row in table.itertuples(index=False)]
    raise LearnerFileError(path, [Problem(T.UNKNOWN_TYPE.format(suffix=suffix or "?"))])


def _header_index(rows: list[list[str]]) -> int:
    """The header row: the first that names two of the needed columns (a title may precede it)."""
    for index, row in enumerate(rows[:10]):
        fields = {_field(cell) for cell in row} & set(REQUIRED)
        if len(fields) >= 2:
            return index
    return next((index for index, row in enumerate(rows) if any(_clean(c) for c in row)), 0)


def _field(header: object) -> str | None:
    key = _normalise_header(header)
    return next((name for name, aliases in HEADER_ALIASES.items() if key in aliases), None)


def read_learners(path: Path) -> list[Learner]:
    """Read and check a learner file; raise ``LearnerFileError`` listing every problem."""
    return [learner for _row, learner in read_learner_rows(path)]


def read_learner_rows(path: Path) -> list[tuple[int, Learner]]:
    """Like ``read_learners``, with each learner's spreadsheet row number."""
    path = Path(path)
    if not path.is_file():
        raise LearnerFileError(path, [Problem(T.NOT_FOUND)])
    try:
        rows = _read_rows(path)
    except LearnerFileError:
        raise
    except Exception as error:  # pandas and openpyxl raise many kinds for a broken file
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise LearnerFileError(path, [Problem(T.UNREADABLE.format(reason=reason))]) from None

    if not any(any(_clean(cell) for cell in row) for row in rows):
        raise LearnerFileError(path, [Problem(T.EMPTY)])
    start = _header_index(rows)
    headers = [_clean(cell) for cell in rows[start]]
    problems: list[Problem] = []
    columns: dict[str, int] = {}
    for position, header in enumerate(headers):
        field_name = _field(header)
        if field_name is None:
            continue
        if field_name in columns:
            both = f"'{headers[columns[field_name]]}' en '{header}'"
            problems.append(
                Problem(T.DOUBLE_COLUMN.format(columns=both, field=T.FIELD_NAMES[field_name]))
            )
        else:
            columns[field_name] = position
    missing = [T.FIELD_NAMES[name] for name in REQUIRED if name not in columns]
    if missing:
        found = ", ".join(f"'{c}'" for c in headers if c) or "geen"
        problems.append(Problem(T.MISSING_COLUMNS.format(missing=", ".join(missing), found=found)))
    if problems:
        raise LearnerFileError(path, problems)

    learners: list[tuple[int, Learner]] = []
    seen_ids: dict[str, int] = {}
    seen_mail: dict[str, int] = {}
    for index in range(start + 1, len(rows)):
        row = index + 1  # the spreadsheet's row number
        record = rows[index]
        values = {
            name: _clean(record[position]) if position < len(record) else ""
            for name, position in columns.items()
        }
        if not any(values.values()):
            continue  # an empty line, as spreadsheets often have at the end
        learner_id = values["id"]
        first = values["first_name"]
        last = " ".join(filter(None, [values.get("infix", ""), values["last_name"]]))
        email = values["email"]
        if not learner_id:
            problems.append(Problem(T.NO_ID, row))
        elif not is_valid_learner_id(learner_id):
            problems.append(Problem(T.BAD_ID.format(value=learner_id), row))
        elif learner_id.lower() in seen_ids:
            other = seen_ids[learner_id.lower()]
            problems.append(Problem(T.DUPLICATE_ID.format(value=learner_id, other=other), row))
        else:
            seen_ids[learner_id.lower()] = row
        if not first:
            problems.append(Problem(T.NO_FIRST_NAME, row))
        if not last:
            problems.append(Problem(T.NO_LAST_NAME, row))
        if not email:
            problems.append(Problem(T.NO_EMAIL, row))
        elif not EMAIL.fullmatch(email) or ".." in email:
            problems.append(Problem(T.BAD_EMAIL.format(value=email), row))
        elif email.lower() in seen_mail:
            other = seen_mail[email.lower()]
            problems.append(Problem(T.DUPLICATE_EMAIL.format(value=email, other=other), row))
        else:
            seen_mail[email.lower()] = row
        for name, value in (("first_name", first), ("last_name", last), ("email", email)):
            if len(value) > MAX_FIELD:
                problems.append(Problem(T.TOO_LONG.format(field=T.FIELD_NAMES[name]), row))
        learners.append((row, Learner(learner_id, first, last, email)))
    if not learners and not problems:
        problems.append(Problem(T.EMPTY))
    if problems:
        raise LearnerFileError(path, problems)
    return learners


def import_learners(root: Path, path: Path) -> ImportResult:
    """Add or update every learner of the file in the cohort's gradebook, all or nothing."""
    from nbgrader.api import Gradebook, Student

    cohort = Cohort(root)
    numbered = read_learner_rows(path)
    rows = {learner.id: row for row, learner in numbered}
    learners = [learner for _row, learner in numbered]
    result = ImportResult()
    with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
        existing = {student.id: student for student in gradebook.db.query(Student).all()}
        by_lower = {key.lower(): key for key in existing}
        clashes = [
            Problem(
                T.CASE_CLASH.format(value=learner.id, existing=by_lower[learner.id.lower()]),
                rows[learner.id],
            )
            for learner in learners
            if learner.id not in existing and learner.id.lower() in by_lower
        ]
        if clashes:
            raise LearnerFileError(Path(path), clashes)
        try:
            for learner in learners:
                fields = {
                    "first_name": learner.first_name,
                    "last_name": learner.last_name,
                    "email": learner.email,
                }
                student = existing.get(learner.id)
                if student is None:
                    gradebook.db.add(Student(id=learner.id, **fields))
                    result.added.append(learner.id)
                elif all(getattr(student, key) == value for key, value in fields.items()):
                    result.unchanged.append(learner.id)
                else:
                    for key, value in fields.items():
                        setattr(student, key, value)
                    result.updated.append(learner.id)
            gradebook.db.commit()
        except Exception as error:
            gradebook.db.rollback()
            raise LearnerDatabaseError(T.DATABASE.format(reason=error)) from error
    return result


def import_line(root: Path, path: Path) -> str:
    """``trainer importeer-deelnemers``: import the file; the Dutch summary line."""
    return import_learners(root, path).summary()
