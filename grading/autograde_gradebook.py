"""What one autograde run reads from the gradebook once instead of once per cell.

nbgrader's preprocessors open a new ``Gradebook`` for every step of every notebook (ten per
submission: each a new database engine, a check of every table and of the course), and look
up the assignment's source one cell at a time (``find_source_cell``, ``find_graded_cell``) and
each learner's grades one cell at a time (``find_grade``, ``find_comment``): about 450
queries per module-1 submission, a third of the grading process's time.

Inside :func:`shared_gradebook` (one ``nakijken`` run in this process):

* every ``Gradebook`` of the same database shares one engine (SQLAlchemy's connection pool);
  the table and course check runs for the first one only (it creates what is missing, so a
  second run of it finds everything there);
* SQLite waits up to a minute for another grading process's transaction, not 5 seconds;
* :func:`source_of` gives a notebook's source cells, grade cells and solution cells, read
  once; the source does not change while submissions are graded.

The preprocessors here (:class:`OverwriteCellsOnce`, and ``SaveAutoGradesOnce`` in
:mod:`grading.autograde_pipeline`) run nbgrader's own code for every cell, with those look-ups
answered from what was read once. Outside a run everything reads the gradebook as before.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from types import SimpleNamespace

from nbgrader import api as nbgrader_api
from nbgrader.api import (
    Assignment,
    Comment,
    Grade,
    Gradebook,
    GradeCell,
    Notebook,
    SolutionCell,
    Student,
    SubmittedAssignment,
    SubmittedNotebook,
    TaskCell,
)
from nbgrader.preprocessors import OverwriteCells
from sqlalchemy.orm import scoped_session, sessionmaker

_original_init = Gradebook.__init__
SQLITE_WAIT_SECONDS = 60
_run: dict | None = None  # engines, checked courses and source snapshots of the current run


@dataclass(frozen=True)
class Source:
    """A notebook's source as the gradebook holds it (plain values, no database objects)."""

    cells: list[SimpleNamespace]  # name, cell_type, locked, source, checksum; gradebook order
    graded: dict[str, SimpleNamespace]  # grade cells, then task cells of other names: max_score
    grades: dict[str, float]  # grade cell name: max score
    solutions: frozenset[str]


def _shared_init(self, db_url, course_id="default_course", authenticator=None):
    """``Gradebook.__init__`` on the run's engine for this database; checks tables once."""
    engine = _run["engines"].get(db_url) if _run is not None else None
    if engine is None or (db_url, course_id) not in _run["checked"]:
        _original_init(self, db_url, course_id, authenticator)
        if _run is not None:
            _run["engines"].setdefault(db_url, self.engine)
            _run["checked"].add((db_url, course_id))
        return
    self.engine = engine
    self.db = scoped_session(sessionmaker(autoflush=True, bind=engine, future=True))
    self.course_id = course_id
    self.authenticator = authenticator


def _patient(create_engine):
    """nbgrader's ``create_engine``, with SQLite waiting up to a minute (not 5 s) for another
    grading process's transaction to end (:mod:`grading.autograde_graders`)."""

    def create(url, **kwargs):
        if str(url).startswith("sqlite"):
            kwargs["connect_args"] = {
                "timeout": SQLITE_WAIT_SECONDS,
                **kwargs.get("connect_args", {}),
            }
        return create_engine(url, **kwargs)

    return create


@contextlib.contextmanager
def shared_gradebook():
    """For the duration of one autograde run: one engine per database, source read once."""
    global _run
    if _run is not None:  # nested: the outer run shares already
        yield
        return
    _run = {"engines": {}, "checked": set(), "sources": {}}
    create_engine = nbgrader_api.create_engine
    Gradebook.__init__ = _shared_init
    nbgrader_api.create_engine = _patient(create_engine)
    try:
        yield
    finally:
        Gradebook.__init__ = _original_init
        nbgrader_api.create_engine = create_engine
        engines, _run = _run["engines"], None
        for engine in engines.values():
            engine.dispose()


def _read_source(db_url: str, notebook: str, assignment: str) -> Source:
    with Gradebook(db_url) as gradebook:
        found = gradebook.find_notebook(notebook, assignment)
        cells = [
            SimpleNamespace(
                name=cell.name,
                cell_type=cell.cell_type,
                locked=cell.locked,
                source=cell.source,
                checksum=cell.checksum,
            )
            for cell in found.source_cells
        ]
        grades = {cell.name: cell.max_score for cell in found.grade_cells}
        tasks = {cell.name: cell.max_score for cell in found.task_cells}
        solutions = frozenset(cell.name for cell in found.solution_cells)
    graded = {name: SimpleNamespace(name=name, max_score=score) for name, score in tasks.items()}
    graded.update(
        {name: SimpleNamespace(name=name, max_score=score) for name, score in grades.items()}
    )
    return Source(cells, graded, grades, solutions)


def source_of(resources) -> Source:
    """The source of the notebook being converted (``resources["nbgrader"]``); read once per
    run inside :func:`shared_gradebook`, from the gradebook every time outside it."""
    info = resources["nbgrader"]
    key = (info["db_url"], info["notebook"], info["assignment"])
    if _run is None:
        return _read_source(*key)
    if key not in _run["sources"]:
        _run["sources"][key] = _read_source(*key)
    return _run["sources"][key]


class _Lookups:
    """A gradebook whose ``find_*`` methods named in ``answers`` come from dictionaries; a
    name not there (and every other method) goes to the real gradebook, as before."""

    def __init__(self, gradebook: Gradebook, **answers: dict):
        self._gradebook, self._answers = gradebook, answers

    def __getattr__(self, name):
        real = getattr(self._gradebook, name)
        found = self._answers.get(name)
        if found is None:
            return real

        def lookup(cell_name, *args):
            hit = found.get(cell_name)
            return hit if hit is not None else real(cell_name, *args)

        return lookup


class OverwriteCellsOnce(OverwriteCells):
    """nbgrader's ``OverwriteCells``, with each cell's source looked up in :func:`source_of`."""

    def preprocess_cell(self, cell, resources, cell_index):
        source = source_of(resources)
        real = self.gradebook
        self.gradebook = _Lookups(
            real,
            find_source_cell={c.name: c for c in source.cells},
            find_graded_cell=source.graded,
        )
        try:
            return super().preprocess_cell(cell, resources, cell_index)
        finally:
            self.gradebook = real


def _joined(session, model, cell_model, notebook, assignment, student):
    return (
        session.query(cell_model.name, model)
        .join(cell_model, cell_model.id == model.cell_id)
        .join(SubmittedNotebook, SubmittedNotebook.id == model.notebook_id)
        .join(Notebook, Notebook.id == SubmittedNotebook.notebook_id)
        .join(SubmittedAssignment, SubmittedAssignment.id == SubmittedNotebook.assignment_id)
        .join(Assignment, Assignment.id == SubmittedAssignment.assignment_id)
        .join(Student, Student.id == SubmittedAssignment.student_id)
        .filter(Notebook.name == notebook, Assignment.name == assignment, Student.id == student)
        .all()
    )


def submission_lookups(gradebook: Gradebook, notebook: str, assignment: str, student: str):
    """A gradebook that answers ``find_grade`` and ``find_comment`` for one submitted notebook
    from two queries (nbgrader's own joins and its order: a grade cell's name before a task
    cell's), with the same objects of the same session."""
    session = gradebook.db
    grades, comments = {}, {}
    for found, model, cell_models in (
        (grades, Grade, (TaskCell, GradeCell)),
        (comments, Comment, (TaskCell, SolutionCell)),
    ):
        for cell_model in cell_models:  # the later one wins, as nbgrader tries it first
            found.update(_joined(session, model, cell_model, notebook, assignment, student))
    return _Lookups(gradebook, find_grade=grades, find_comment=comments)
