"""Volunteer, paid job or zzp: a comparison table and chart built only from the facts data."""

from __future__ import annotations

import dataclasses
import re

import matplotlib
import pytest

from course.numbers import parse_number
from course.tools import compare
from course.tools.compare import (
    ChartForm,
    CompareText,
    chart_png,
    chart_sources,
    chart_text,
    comparison_table,
    draw_chart,
    estimate_year,
    show_chart,
    table_facts,
    table_html,
    yearly_amounts,
)

# Tests never open a window. course.compare draws on a plain Figure (no pyplot), so this is
# a safety net for anything else that might import pyplot during the test run.
matplotlib.use("Agg")

T = CompareText
EURO = re.compile(r"€\s?(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)")


def value(key: str) -> float:
    return compare.known(key).value


def amounts(text: str) -> set[float]:
    return {parse_number(match) for match in EURO.findall(text)}


PER_HOUR = value("vrijwilligersvergoeding.per_uur_21_plus")
PER_MONTH = value("vrijwilligersvergoeding.max_per_maand")
PER_YEAR = value("vrijwilligersvergoeding.max_per_jaar")
MINIMUM_WAGE = value("minimumloon.per_uur")


def test_table_has_the_three_ways_and_every_topic():
    table = comparison_table()
    assert list(table.columns) == list(T.ROUTES)
    assert list(table.index) == list(T.ROWS)
    assert table.columns.name == T.CORNER
    assert {"Wat krijg je?", "Belasting", "Verzekeringen", "Als je bijstand hebt"} <= set(
        table.index
    )
    assert all(isinstance(text, str) and text and "{" not in text for text in table.values.flat)


def test_every_amount_in_the_table_is_a_fact_listed_under_it():
    """Each € amount in the table comes from the facts, and its fact is in the sources."""
    table = comparison_table()
    text = " ".join(table.values.flat)
    listed = {round(float(f.value), 2) for f in table_facts() if not isinstance(f.value, str)}
    found = amounts(text)
    assert {PER_MONTH, PER_YEAR, PER_HOUR, MINIMUM_WAGE, value("kvk.inschrijfkosten")} <= found
    assert found <= listed


def test_table_follows_the_facts_data(monkeypatch):
    """Change a fact and the table changes with it: no figure is typed into the code."""
    original = compare.known

    def changed(key):
        item = original(key)
        if key == "vrijwilligersvergoeding.max_per_maand":
            return dataclasses.replace(item, fact=dataclasses.replace(item.fact, value=999))
        return item

    monkeypatch.setattr(compare, "known", changed)
    assert "Hoogstens € 999 " in comparison_table().loc["Wat krijg je?", T.ROUTES[0]]


def _all(current: bool, year: int = 2026):
    original = compare.known

    def pinned(key):
        item = original(key)
        return dataclasses.replace(
            item, fact=dataclasses.replace(item.fact, year=year), current=current
        )

    return pinned


def test_an_amount_of_an_earlier_year_is_labelled_with_its_year(monkeypatch):
    """In a year without a known amount the tool still works and says which year it uses."""
    monkeypatch.setattr(compare, "known", _all(current=False, year=2026))
    monkeypatch.setattr(compare, "course_year", lambda: 2027)
    monkeypatch.setattr(compare, "old_years", lambda keys: [2026])
    cell = comparison_table().loc["Wat krijg je?", T.ROUTES[0]]
    assert "(bedrag van 1 januari 2026)" in cell or "(bedrag van " in cell
    page = table_html()
    assert "Het bedrag van 2027 is nog niet bekend" in page
    assert "De grafiek rekent met de bedragen van 2026" in chart_text(32)
    assert "2026" in compare.x_label()


def test_a_current_amount_has_no_year_label(monkeypatch):
    monkeypatch.setattr(compare, "known", _all(current=True, year=2027))
    monkeypatch.setattr(compare, "old_years", lambda keys: [])
    assert "(bedrag van " not in comparison_table().loc["Wat krijg je?", T.ROUTES[0]]
    assert "nog niet bekend" not in table_html()
    assert "nog niet bekend" not in chart_text(32)


def test_the_tool_works_in_the_course_year():
    """Whatever the course year, the table and chart can be built (no missing fact error)."""
    assert table_html() and chart_text(32)
    if compare.old_years([key for key, _ in compare.FIGURES.values()]):
        assert "nog niet bekend" in table_html()


def test_sources_are_shown_under_the_table():
    page = table_html()
    assert page.index("<table") < page.index(T.SOURCES_TITLE)
    for item in table_facts():
        assert f'href="{item.source}"' in page
    assert "<caption" in page and 'scope="row"' in page and 'scope="col"' in page
    assert "geen belastingadvies" in page


def test_table_html_escapes_text(monkeypatch):
    monkeypatch.setitem(CompareText.ROWS, "<b>x</b>", ("<script>", "a", "b"))
    page = table_html()
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_volunteer_allowance_stops_at_the_limit():
    """Many hours: the allowance is never more than the yearly (and 12 x monthly) limit."""
    many = estimate_year(32)
    assert many.volunteer == min(PER_YEAR, 12 * PER_MONTH)
    assert many.volunteer_capped
    few = estimate_year(4)
    assert few.volunteer == pytest.approx(4 * 52 * PER_HOUR)
    assert not few.volunteer_capped
    assert few.volunteer < PER_YEAR


def test_job_estimate_is_gross_minimum_wage_for_52_weeks():
    assert estimate_year(32).job == pytest.approx(32 * 52 * MINIMUM_WAGE)
    assert estimate_year(8).job < estimate_year(16).job


@pytest.mark.parametrize("hours", [0, -4, 61])
def test_impossible_hours_are_refused(hours):
    with pytest.raises(ValueError, match="hours per week"):
        estimate_year(hours)


def test_yearly_amounts_table():
    table = yearly_amounts(32)
    assert list(table[T.Y_LABEL]) == list(T.ROUTES)
    volunteer, job, zzp = table[compare.x_label()]
    assert volunteer == round(min(PER_YEAR, 12 * PER_MONTH))
    assert job == round(32 * 52 * MINIMUM_WAGE)
    assert zzp != zzp  # NaN: a zzp'er has no fixed amount


def test_chart_has_dutch_labels_and_does_not_rely_on_colour():
    figure = draw_chart(32)
    axes = figure.axes[0]
    assert axes.get_xlabel() == compare.x_label()
    assert axes.get_ylabel() == T.Y_LABEL
    assert "32 uur per week" in axes.get_title()
    assert [label.get_text() for label in axes.get_yticklabels()] == list(T.BAR_LABELS)
    hatches = [bar.get_hatch() for bar in axes.patches]
    assert len(set(hatches)) == len(hatches)  # a pattern per bar, not only a colour
    written = " ".join(text.get_text() for text in axes.texts)
    assert "€ 2.200" in written and "€ 24.477" in written
    assert T.NO_FIXED_AMOUNT in written


def test_chart_renders_as_png():
    assert chart_png(8).startswith(b"\x89PNG")


def test_text_alternative_names_values_assumptions_and_disclaimer():
    text = chart_text(32)
    assert "€ 2.200" in text and "€ 24.477" in text
    assert "52 weken" in text and "bruto" in text
    assert text.endswith("Dit is een schatting, geen belastingadvies.")
    assert "€ 1.196" in chart_text(4)


def test_show_chart_prints_the_text_alternative_and_sources_and_nothing_on_stderr(capsys):
    show_chart(16)
    out, err = capsys.readouterr()
    assert chart_text(16) in out
    assert all(url in out for url in chart_sources())
    assert err == ""


def test_widget_reacts_to_a_change_of_hours():
    form = ChartForm()
    assert form.hours.description == T.LABEL_HOURS
    assert "32 uur per week" in form.text.value
    assert 'alt="Staafdiagram.' in form.chart.value
    form.hours.value = 8
    assert "8 uur per week" in form.text.value
    assert "8 uur per week" in form.chart.value
    assert "32 uur per week" not in form.text.value
    assert 'role="status"' in form.text.value
