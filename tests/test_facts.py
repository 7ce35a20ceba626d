"""Facts: every amount and phone number the course teaches is in course/data with a source."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest

from course.facts import (
    CATALOG_FILE,
    CHANGES,
    FACTS_GLOB,
    YEAR_ENV,
    FactError,
    MissingFactError,
    course_year,
    euro,
    fact,
    load_facts,
    load_records,
    missing_facts,
    parse_records,
    reference_date,
)
from course.numbers import parse_number
from course_text import factual_texts

EURO = re.compile(
    r"""€\s?(\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)   # € 1.234,50 or €129
    | (\d[\d.]*(?:,\d{1,2})?)\s?euro\b                            # 385 euro""",
    re.VERBOSE,
)
PHONE = re.compile(
    r"""(?<![\d€])(?<!\d[.,])
    ( 0[89]00[- ]?\d{4}(?:[- ]?\d{2,4})?     # 0800-2000, 0900-8844
    | 088[- ]?\d{3,4}[- ]?\d{3,4}            # 088 numbers (088-0767 000)
    | 11[23] )                              # 112, 113
    (?!\d|[.,]\d|\s?euro)""",
    re.VERBOSE,
)


def amounts_in(text: str) -> list[float]:
    """Every euro amount written in a text (Dutch notation)."""
    found = []
    for match in EURO.finditer(text):
        number = parse_number(match.group(1) or match.group(2))
        if number is not None:
            found.append(number)
    return found


def phones_in(text: str) -> list[str]:
    """Every phone number written in a text, without spaces or dashes."""
    return [re.sub(r"[- ]", "", match.group(1)) for match in PHONE.finditer(text)]


def _known():
    """Every value of every fact, of any year: pages about a past year name its values."""
    values = [item.value for record in load_records().values() for item in record.values]
    numbers = {round(float(v), 2) for v in values if isinstance(v, int | float)}
    phones = {re.sub(r"[- ]", "", v) for v in values if isinstance(v, str)}
    return numbers, phones


def test_facts_files_are_valid_and_sourced():
    records = load_records()
    assert records and load_facts()
    for record in records.values():
        assert record.unit and record.changes in CHANGES
        for item in record.values:
            assert item.source.startswith("http") and item.checked <= dt.date.today()
            assert 2000 <= item.valid_from.year <= dt.date.today().year + 2


def test_extractors_find_dutch_amounts_and_numbers():
    text = "Je krijgt € 1.234,50 of €129 per maand, of 385 euro. Bel 0800-2000 of 112. Niet 2026."
    assert phones_in("De Luisterlijn: 088-0767 000.") == ["0880767000"]
    assert amounts_in(text) == [1234.5, 129, 385]
    assert phones_in(text) == ["08002000", "112"]


def _raw(**value) -> dict:
    entry = {
        "value": 1,
        "vanaf": dt.date(2027, 1, 1),
        "source": "https://a",
        "checked": dt.date(2026, 12, 6),
        "confidence": "HIGH",
    }
    return {"x": {"unit": "euro", "wijzigt": "jaarlijks", "waarden": [entry | value]}}


@pytest.mark.parametrize(
    "raw, problem",
    [
        (_raw(source="geen url"), "URL"),
        (_raw(confidence="UNVERIFIED"), "confidence"),
        (_raw(vanaf="2027"), "vanaf must be a date"),
        ({"x": {"unit": "euro", "wijzigt": "jaarlijks", "waarden": [{"value": 1}]}}, "missing"),
        ({"x": {"value": 1, "unit": "euro", "wijzigt": "jaarlijks", "waarden": []}}, "waarden"),
        ({"x": {"unit": "euro", "wijzigt": "soms", "waarden": []}}, "wijzigt"),
        ({"x": {"unit": "euro", "waarden": []}}, "missing"),
    ],
)
def test_unsourced_undated_or_unverified_facts_are_refused(raw, problem):
    with pytest.raises(FactError, match=problem):
        parse_records(raw)


def test_two_values_from_the_same_day_are_refused():
    raw = _raw()
    raw["x"]["waarden"].append(dict(raw["x"]["waarden"][0], value=2))
    with pytest.raises(FactError, match="same date"):
        parse_records(raw)


def test_the_course_year_comes_from_the_catalog_or_the_environment(monkeypatch):
    with CATALOG_FILE.open("rb") as handle:
        configured = tomllib.load(handle)["cursusjaar"]
    monkeypatch.delenv(YEAR_ENV, raising=False)
    assert course_year() == configured
    monkeypatch.setenv(YEAR_ENV, "2031")
    assert course_year() == 2031 and reference_date() == dt.date(2031, 1, 1)
    monkeypatch.setenv(YEAR_ENV, "volgend jaar")
    with pytest.raises(FactError, match="must be a year"):
        course_year()


def test_a_missing_fact_says_so_instead_of_teaching_an_old_value(monkeypatch):
    key = next(k for k, r in load_records().items() if r.changes == "jaarlijks")
    monkeypatch.setenv(YEAR_ENV, "2099")
    assert key in missing_facts(2099)
    with pytest.raises(MissingFactError, match="no value for 2099"):
        fact(key)
    with pytest.raises(KeyError):
        fact("bestaat.niet")


def test_euro_formats_the_dutch_way():
    assert parse_records(_raw(value=40857))["x"].values[0].value == 40857
    key = next(k for k, f in load_facts().items() if isinstance(f.value, int | float))
    assert euro(key).startswith("€ ")


def test_every_amount_and_phone_number_in_the_course_is_a_fact():
    """Does each € amount and phone number learners read (facts filled in) match a fact?"""
    numbers, phones = _known()
    missing = []
    for where, text in factual_texts():
        missing += [f"{where}: € {a}" for a in amounts_in(text) if round(a, 2) not in numbers]
        missing += [f"{where}: {p}" for p in phones_in(text) if p not in phones]
    assert not missing, f"not in {FACTS_GLOB} for the course year:\n" + "\n".join(missing)
