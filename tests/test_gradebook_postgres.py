"""The nbgrader gradebook on a real PostgreSQL server (multi-trainer use)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from graded_cohort import ON_TIME, make_cohort
from grading.cohort import gradebook_url
from grading.export import load, wide_table
from grading.feedback import generate_feedback
from grading.scores import score_table

DATABASE = "cijferboek"
LEARNERS = {
    "anna": {"proefopdracht": ("goed", {"vraag-5-antwoord": 3}, ON_TIME)},
    "bram": {"proefopdracht": ("fout", {"vraag-5-antwoord": 1}, ON_TIME)},
}


@pytest.fixture(scope="module")
def gradebook_url_pg(postgres_url) -> str:
    """A second, empty database on the test server, made for the gradebook."""
    server = make_url(postgres_url).set(database="postgres")
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {DATABASE}"))
        connection.execute(text(f"CREATE DATABASE {DATABASE}"))
    engine.dispose()
    return make_url(postgres_url).set(database=DATABASE).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def cohort(gradebook_url_pg, tmp_path_factory) -> Path:
    """generate_assignment, hand-ins, autograde and manual grades, all on PostgreSQL."""
    return make_cohort(
        tmp_path_factory.mktemp("postgres") / "cohort", db_url=gradebook_url_pg, learners=LEARNERS
    )


def test_cohort_config_points_at_postgresql(cohort, gradebook_url_pg):
    assert gradebook_url(cohort) == gradebook_url_pg
    assert gradebook_url_pg.startswith("postgresql+psycopg://")
    assert not (cohort / "gradebook.db").exists()  # no SQLite file on the side


def test_grades_are_in_postgresql(cohort, gradebook_url_pg):
    engine = create_engine(gradebook_url_pg)
    with engine.connect() as connection:
        assert connection.execute(text("select version()")).scalar().startswith("PostgreSQL")
        students = connection.execute(text("select id from student order by id")).scalars()
        assert list(students) == ["anna", "bram"]
        rows = connection.execute(
            text(
                "select s.student_id, sum(coalesce(g.manual_score, g.auto_score, 0))"
                " from grade g"
                " join submitted_notebook n on g.notebook_id = n.id"
                " join submitted_assignment s on n.assignment_id = s.id"
                " group by s.student_id order by s.student_id"
            )
        ).all()
    engine.dispose()
    assert [(learner, float(total)) for learner, total in rows] == [("anna", 7.0), ("bram", 1.0)]


def test_score_table_reads_postgresql(cohort, gradebook_url_pg):
    table = score_table(gradebook_url_pg).set_index("learner")
    assert table.loc["anna", "score"] == 7.0 and table.loc["anna", "max_score"] == 7.0
    assert table.loc["bram", "score"] == 1.0 and table.loc["bram", "open_items"] == ""
    wide = wide_table(load(gradebook_url_pg))
    assert list(wide.index) == ["anna", "bram"]


def test_feedback_from_a_postgresql_gradebook(cohort):
    result = generate_feedback(cohort, "proefopdracht", release=False)
    assert sorted(result.made) == ["anna", "bram"]
    html = result.made["anna"][0].read_text(encoding="utf-8")
    assert "Je hebt 7 van de 7 punten (100%)." in html
