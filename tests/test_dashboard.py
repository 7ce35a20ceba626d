"""The trainer dashboard notebook runs against a real graded cohort and draws its charts."""

from __future__ import annotations

import nbformat
import pytest
from click.testing import CliRunner
from nbclient import NotebookClient

from conftest import ROOT
from graded_cohort import LEARNERS, make_cohort
from grading.cli import main as trainer

DASHBOARD = ROOT / "grading" / "dashboard.ipynb"


def test_dashboard_is_committed_clean():
    notebook = nbformat.read(DASHBOARD, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    first = notebook.cells[0]
    assert first.cell_type == "code"
    assert 'COHORT = Path(os.environ.get("SLEUTELPERSONEN_COHORT"' in first.source


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """`trainer dashboard` puts the notebook in the cohort; executed there (nbclient, a real
    kernel, working folder = the cohort, as in the trainer's JupyterLab), nothing else set."""
    base = tmp_path_factory.mktemp("dashboard")
    # anna handed in both assignments; carla only the trial one, so module-1 is missing.
    learners = {name: LEARNERS[name] for name in ("anna", "carla")}
    cohort = make_cohort(base / "cohort", learners=learners)
    placed = CliRunner().invoke(trainer, ["dashboard", "--cohort", str(cohort)])
    assert placed.exit_code == 0, placed.output
    assert f"Het dashboard staat nu in {cohort / 'dashboard.ipynb'}" in placed.output
    again = CliRunner().invoke(trainer, ["dashboard", "--cohort", str(cohort)])
    assert "staat al in" in again.output
    notebook = nbformat.read(cohort / "dashboard.ipynb", as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("SLEUTELPERSONEN_COHORT", raising=False)
        client = NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(cohort)}},
        )
        client.execute()
    return notebook, cohort


def _outputs(notebook):
    return [output for cell in notebook.cells for output in cell.get("outputs", [])]


def test_dashboard_runs_without_errors(executed):
    notebook, cohort = executed
    outputs = _outputs(notebook)
    assert not [output for output in outputs if output.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert f"Cohort: {cohort}" in printed
    assert "2 deelnemers, opdrachten: module-1, proefopdracht" in printed


def test_dashboard_draws_four_charts(executed):
    notebook, _ = executed
    images = [o for o in _outputs(notebook) if "image/png" in o.get("data", {})]
    assert len(images) == 4
    for image in images:
        assert len(image.data["image/png"]) > 5_000  # a real chart, not an empty figure


def test_dashboard_shows_tables_with_dutch_headings(executed):
    notebook, _ = executed
    html = "".join(o.get("data", {}).get("text/html", "") for o in _outputs(notebook))
    for heading in ("deelnemer", "open vragen", "te laat", "aandeel 0 punten (%)", "waarom"):
        assert heading in html
    assert "module-1: niet ingeleverd" in html
