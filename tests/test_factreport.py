"""The maintainers' command: facts without a value for a year, and where they are used."""

from __future__ import annotations

from click.testing import CliRunner

from course.factreport import main, places
from course.facts import load_records, missing_facts


def test_missing_facts_for_a_future_year_are_listed_with_their_places():
    result = CliRunner(env={"COLUMNS": "300"}).invoke(main, ["ontbrekend", "2099"])
    missing = missing_facts(2099)
    assert missing
    used = places()
    for key in missing:
        assert key in result.output.replace("\n", "") or key[:30] in result.output
    assert any(key in used for key in missing)
    assert result.exit_code == 1  # a used fact without a value stops a release script
    assert "ontbrekende feiten worden gebruikt" in result.output


def test_places_find_placeholders_and_code():
    used = places()
    assert any(where.startswith("course/tools/") for wheres in used.values() for where in wheres)
    assert any(".ipynb" in where for wheres in used.values() for where in wheres)
    assert set(used) <= set(load_records())


def test_show_one_fact_and_refuse_an_unknown_one():
    key = next(iter(load_records()))
    shown = CliRunner(env={"COLUMNS": "300"}).invoke(main, ["toon", key])
    assert shown.exit_code == 0 and key in shown.output and "https://" in shown.output
    unknown = CliRunner().invoke(main, ["toon", "bestaat.niet"])
    assert unknown.exit_code != 0 and "bestaat niet" in unknown.output
