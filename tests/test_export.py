"""Score overview, CSV and Excel export, hardest questions and learners who need attention,
from a cohort graded by the real nbgrader pipeline."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib
import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from graded_cohort import MODULE_1, make_cohort
from grading.charts import (
    plot_attention,
    plot_hardest_questions,
    plot_progress,
    plot_score_distribution,
)
from grading.cli import main as trainer
from grading.cohort import gradebook_url, write_config
from grading.export import (
    CohortData,
    ExportText,
    attention,
    export,
    flat,
    hardest_questions,
    load_cohort,
    progress,
    wide_table,
)
from grading.scores import COLUMNS, score_table

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

# Module 1 as its source notebook has it: anna full marks, bram only 1 point per open answer,
# dirk three closed questions wrong and the open answers not graded yet.
M1_MAX = MODULE_1.max_score
M1_OPEN = len(MODULE_1.open)
M1_CLOSED = len(MODULE_1.closed)
DIRK_SCORE = sum(MODULE_1.closed.values()) - 3


def _percentage(score: float) -> float:
    return round(100 * score / M1_MAX, 1)


def _dutch(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


@pytest.fixture(scope="module")
def cohort(tmp_path_factory) -> Path:
    return make_cohort(tmp_path_factory.mktemp("export") / "cohort")


@pytest.fixture(scope="module")
def data(cohort) -> CohortData:
    return load_cohort(cohort)


def test_data_covers_every_learner_and_assignment(data):
    assert data.learners == ["anna", "bram", "carla", "dirk"]
    assert data.assignments == ["module-1", "proefopdracht"]
    assert data.active == ["module-1", "proefopdracht"]
    assert list(data.scores.columns) == COLUMNS
    assert len(data.scores) == 7


def test_wide_table_has_one_row_per_learner(data):
    table = wide_table(data)
    assert list(table.index) == data.learners
    module = table["module-1"]
    assert list(module.columns) == [
        ExportText.SCORE,
        ExportText.MAX,
        ExportText.PERCENTAGE,
        ExportText.OPEN,
        ExportText.LATE,
    ]
    anna, bram, dirk = module.loc["anna"], module.loc["bram"], module.loc["dirk"]
    assert (anna[ExportText.SCORE], anna[ExportText.MAX], anna[ExportText.PERCENTAGE]) == (
        M1_MAX,
        M1_MAX,
        100.0,
    )
    assert anna[ExportText.LATE] == ExportText.NO and bram[ExportText.LATE] == ExportText.YES
    assert bram[ExportText.SCORE] == M1_OPEN
    assert dirk[ExportText.SCORE] == DIRK_SCORE and dirk[ExportText.OPEN] == M1_OPEN
    assert math.isnan(module.loc["carla", ExportText.SCORE])  # not handed in
    assert table.loc["carla", ("proefopdracht", ExportText.SCORE)] == 6.0


def test_hardest_questions_share_of_zero_points(data):
    table = hardest_questions(data)
    top = table.head(3)
    assert list(top[ExportText.QUESTION]) == ["Vraag 1", "Vraag 2", "Vraag 3"]
    assert set(top[ExportText.ASSIGNMENT]) == {"module-1"}
    assert list(top[ExportText.WRONG_SHARE]) == [66.7] * 3
    assert list(top[ExportText.SUBMITTED_COUNT]) == [3] * 3
    rest = table[table[ExportText.ASSIGNMENT] == "module-1"].iloc[3:]
    assert len(rest) == M1_CLOSED - 3 and set(rest[ExportText.WRONG_SHARE]) == {33.3}
    # bram handed in the trial assignment blank: left out, it would make every question look
    # equally hard ("vaakst fout" flattened); the other three answered everything right.
    assert data.blank == {("bram", "proefopdracht")}
    trial = table[table[ExportText.ASSIGNMENT] == "proefopdracht"]
    assert len(trial) == 4 and set(trial[ExportText.WRONG_SHARE]) == {0.0}
    assert set(trial[ExportText.SUBMITTED_COUNT]) == {3}


def test_attention_names_every_reason(data):
    table = attention(data).set_index(ExportText.LEARNER)
    assert list(table.index) == ["bram", "carla", "dirk"]  # anna is fine
    bram = table.loc["bram", ExportText.REASONS]
    assert bram[0] == f"module-1: {_dutch(_percentage(M1_OPEN))}% (minder dan 70%)"
    assert "module-1: te laat ingeleverd" in bram
    assert table.loc["carla", ExportText.REASONS] == ["module-1: niet ingeleverd"]
    dirk = table.loc["dirk", ExportText.REASONS]
    assert dirk == [
        f"module-1: {_dutch(_percentage(DIRK_SCORE))}% (minder dan 70%)",
        f"module-1: {M1_OPEN} open vraag/vragen nog niet beoordeeld",
    ]
    assert table.loc["dirk", ExportText.COUNT] == 2
    # A trial assignment below 70 % is no reason (bram scored 0 on it).
    assert not any(reason.startswith("proefopdracht: 0") for reason in bram)


def test_progress_per_assignment(data):
    table = progress(data).set_index(ExportText.ASSIGNMENT)
    assert table.loc["module-1", ExportText.SUBMITTED_SHARE] == 75.0
    assert table.loc["module-1", ExportText.PASSED_SHARE] == 25.0  # only anna
    assert table.loc["proefopdracht", ExportText.SUBMITTED_SHARE] == 100.0


def test_export_writes_csv_and_excel(data, tmp_path):
    paths = export(data, tmp_path / "uit")
    assert [p.name for p in paths] == ["scores.csv", "overzicht.csv", "overzicht.xlsx"]
    pd.testing.assert_frame_equal(
        pd.read_csv(paths[0], keep_default_na=False).astype({"open_items": str}),
        data.scores.astype({"open_items": str}),
        check_dtype=False,
    )
    assert paths[1].read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM
    overview = pd.read_csv(paths[1], sep=";", decimal=",", encoding="utf-8-sig")
    expected = flat(wide_table(data), data.names)
    assert list(overview.columns) == list(expected.columns)
    assert list(overview.columns[:2]) == [ExportText.LEARNER, ExportText.NAME]
    assert overview.set_index(ExportText.LEARNER).loc["dirk", "module-1 percentage"] == _percentage(
        DIRK_SCORE
    )
    book = openpyxl.load_workbook(paths[2])
    assert book.sheetnames == [
        ExportText.SHEET_OVERVIEW,
        ExportText.SHEET_SCORES,
        ExportText.SHEET_QUESTIONS,
        ExportText.SHEET_ATTENTION,
    ]
    rows = list(book[ExportText.SHEET_OVERVIEW].values)
    assert list(rows[0]) == list(expected.columns)
    assert [row[0] for row in rows[1:]] == ["anna", "bram", "carla", "dirk"]
    assert [row[1] for row in rows[1:]] == [
        data.names[n] for n in ("anna", "bram", "carla", "dirk")
    ]
    assert all(row[1] for row in rows[1:])  # a name, not only an id
    assert rows[1][2:5] == (M1_MAX, M1_MAX, 100)
    scores = list(book[ExportText.SHEET_SCORES].values)
    assert list(scores[0]) == [
        "deelnemer",
        "naam",
        "opdracht",
        "score",
        "maximum",
        "nog te beoordelen",
        "te laat",
    ]
    assert {row[6] for row in scores[1:]} == {ExportText.YES, ExportText.NO}
    attention_rows = list(book[ExportText.SHEET_ATTENTION].values)
    assert attention_rows[0][:2] == (ExportText.LEARNER, ExportText.NAME)
    needs = {row[0]: row[3] for row in attention_rows[1:]}
    assert needs["carla"] == "module-1: niet ingeleverd"


def test_exporteer_command_reports_in_dutch(cohort):
    result = CliRunner().invoke(trainer, ["exporteer", "--cohort", str(cohort)])
    assert result.exit_code == 0, result.output
    assert str(cohort / "export" / "overzicht.xlsx") in result.output
    assert "3 deelnemer(s) hebben aandacht nodig:" in result.output
    assert "carla: module-1: niet ingeleverd" in result.output


@pytest.mark.parametrize("config", [False, True], ids=["geen-cohort", "leeg-cijferboek"])
def test_exporteer_bad_input(tmp_path, config):
    if config:
        write_config(tmp_path)
    result = CliRunner().invoke(trainer, ["exporteer", "--cohort", str(tmp_path)])
    assert result.exit_code == 1 and "Fout: " in result.output
    message = ExportText.EMPTY if config else "is geen cohortmap"
    assert message in result.output
    assert not (tmp_path / "gradebook.db").exists()


def test_charts_draw_with_data_and_without(data):
    empty = CohortData(
        learners=[],
        assignments=[],
        scores=pd.DataFrame(columns=COLUMNS),
        questions=pd.DataFrame(columns=["learner", "assignment", "notebook", "grade_id"]),
        active=[],
    )
    for plot in (plot_progress, plot_score_distribution, plot_hardest_questions, plot_attention):
        figure, (full, blank) = plt.subplots(1, 2)
        plot(data, full)
        plot(empty, blank)
        assert full.get_title() and full.axison
        assert [text.get_text() for text in blank.texts] == [ExportText.NO_DATA]
        plt.close(figure)


def test_score_table_still_matches_the_gradebook(cohort, data):
    pd.testing.assert_frame_equal(score_table(gradebook_url(cohort)), data.scores)
