"""A cohort keeps the course year it was handed out with: its sources, keys and feedback."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import grading.source
from course.facts import YEAR_ENV, load_records
from grading.cohort import COHORT_FILE, Cohort, write_config
from grading.nbgrader_cli import run
from grading.source import SourceError, ensure_source, fill_assignment

ASSIGNMENT = "mini-jaar"


def _changing_fact() -> tuple[str, object, object]:
    """A fact with a different value in 2026 and 2027 (e.g. the zelfstandigenaftrek)."""
    for key, record in sorted(load_records().items()):
        old = record.value_on(dt.date(2026, 1, 1))
        new = record.value_on(dt.date(2027, 1, 1))
        if old and new and old.value != new.value and isinstance(new.value, int):
            return key, old.value, new.value
    pytest.fail("no fact has different values in 2026 and 2027")


def _cell(kind: str, source: str, grade_id: str, **nbgrader) -> dict:
    cell = {
        "cell_type": kind,
        "metadata": {
            "nbgrader": {
                "grade": False,
                "grade_id": grade_id,
                "locked": True,
                "schema_version": 3,
                "solution": False,
                "task": False,
            }
            | nbgrader
        },
        "source": source,
    }
    if kind == "code":
        cell |= {"outputs": [], "execution_count": None}
    return cell


def _mini_assignment(folder: Path, key: str) -> Path:
    """An nbgrader source assignment whose text and hidden key name ``key``."""
    nb = {
        "cells": [
            _cell("markdown", f"De aftrek is {{{{feit:{key}}}}} in {{{{cursusjaar}}}}.", "tekst"),
            _cell("code", f"sleutel = {{{{feit:{key}}}}}", "sleutel"),
            _cell(
                "code",
                f"### BEGIN HIDDEN TESTS\nassert sleutel == {{{{feit:{key}}}}}\n"
                "### END HIDDEN TESTS",
                "toets",
                grade=True,
                points=1,
            ),
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    target = folder / ASSIGNMENT
    target.mkdir(parents=True)
    (target / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return folder


def test_a_cohort_records_its_first_year_only(tmp_path):
    write_config(tmp_path, year=2026)
    write_config(tmp_path, year=2027)  # e.g. `trainer nieuw` settings written again
    assert Cohort(tmp_path).year == 2026
    assert "cursusjaar = 2026" in (tmp_path / COHORT_FILE).read_text(encoding="utf-8")


def test_a_cohort_from_2026_hands_out_and_grades_with_2026_keys(tmp_path, monkeypatch):
    key, old, new = _changing_fact()
    source = _mini_assignment(tmp_path / "repo", key)
    monkeypatch.setattr(grading.source, "ASSIGNMENTS_DIR", source)
    root = tmp_path / "cohort"
    write_config(root, year=2026)
    monkeypatch.setenv(YEAR_ENV, "2027")  # the course has moved on to 2027

    run(root, "generate_assignment", ASSIGNMENT, "--create")

    filled = (root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert f"sleutel = {old}" in filled and f"assert sleutel == {old}" in filled
    assert str(new) not in filled.replace(str(old), "")
    released = (root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text("utf-8")
    assert "in 2026" in released and "HIDDEN" not in released

    # The source stays the cohort's: a later hand-out does not refill it for 2027.
    ensure_source(root, ASSIGNMENT)
    again = (root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert again == filled


def test_a_new_cohort_gets_the_new_year(tmp_path, monkeypatch):
    key, old, new = _changing_fact()
    source = _mini_assignment(tmp_path / "repo", key)
    filled = fill_assignment(ASSIGNMENT, tmp_path / "out", 2027, source_dir=source)
    text = (filled / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert f"sleutel = {new}" in text and "in 2027" in text


def test_an_assignment_naming_a_fact_without_a_value_is_not_handed_out(tmp_path):
    key = next(k for k, r in load_records().items() if r.changes == "jaarlijks")
    source = _mini_assignment(tmp_path / "repo", key)
    with pytest.raises(SourceError, match="nog geen waarde") as caught:
        fill_assignment(ASSIGNMENT, tmp_path / "out", 2099, source_dir=source)
    assert key in caught.value.message
    assert not (tmp_path / "out" / ASSIGNMENT).exists()  # nothing half-written
