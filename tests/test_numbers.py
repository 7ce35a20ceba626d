"""Dutch notation: numbers as learners type them, ambiguity asked about, euros, dates."""

import datetime as dt
from decimal import Decimal

import pytest

from course.numbers import (
    format_date,
    format_day_month,
    format_euro,
    format_number,
    number_words,
    parse_decimal,
    parse_number,
    parse_number_strict,
)


@pytest.mark.parametrize(
    "text, value",
    [
        ("12", 12.0),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.234", 1234.0),
        ("1.234,56", 1234.56),
        ("€ 1.234,56", 1234.56),
        ("1 234,5", 1234.5),
        ("-3", -3.0),
        ("\u22123", -3.0),
        ("+3", 3.0),
        ("0", 0.0),
        ("0,500", 0.5),  # a leading zero is never a thousands group
        ("1,5000", 1.5),  # four digits after the comma: a decimal
        ("1234,567", 1234.567),  # 1234 cannot be a thousands group before a comma
        ("1.500,000", 1500.0),  # dots and a comma: the comma is the decimal comma
        ("12,50", 12.5),
    ],
)
def test_parse_dutch_numbers(text, value):
    assert parse_number(text) == pytest.approx(value)
    assert parse_number_strict(text).value == pytest.approx(value)
    assert parse_number_strict(text).ambiguous is None


@pytest.mark.parametrize("text", ["", " ", "-", "twaalf", "1,2,3", "1.234.5", "12a", "--3", "%"])
def test_parse_refuses_non_numbers(text):
    assert parse_number(text) is None
    reading = parse_number_strict(text)
    assert reading.value is None and not reading.ok and reading.ambiguous is None
    assert reading.question is None


@pytest.mark.parametrize(
    "text, thousands, decimal",
    [
        ("2,000", 2000.0, 2.0),
        ("1,500", 1500.0, 1.5),
        ("12,345", 12345.0, 12.345),
        ("€ 2,000", 2000.0, 2.0),
        ("-2,000", -2000.0, -2.0),
        ("999,999", 999999.0, 999.999),
    ],
)
def test_a_comma_before_exactly_three_digits_is_ambiguous(text, thousands, decimal):
    """Is "2,000" (two thousand, or two?) refused, and explained by parse_number_strict?"""
    assert parse_number(text) is None  # nothing is saved silently wrong
    reading = parse_number_strict(text)
    assert reading.value is None and not reading.ok
    assert reading.ambiguous.readings == (pytest.approx(thousands), pytest.approx(decimal))
    assert reading.question == reading.ambiguous.question


def test_the_ambiguity_question_is_plain_dutch():
    assert parse_number_strict("2,000").question == (
        "Bedoel je 2.000 of 2? Typ 2.000 voor tweeduizend, of 2 voor twee."
    )
    assert parse_number_strict("1,500").question == (
        "Bedoel je 1.500 of 1,5? Typ 1.500 voor duizend vijfhonderd, of 1,5 voor één komma vijf."
    )


def test_both_answers_the_question_suggests_are_clear():
    """Can the learner type each suggested answer without being asked again?"""
    for text in ("2,000", "1,500", "12,345", "-2,000", "100,250"):
        ambiguity = parse_number_strict(text).ambiguous
        question = ambiguity.question
        suggested = question.split("Typ ")[1]
        thousands_typed = suggested.split(" voor ")[0]
        decimal_typed = suggested.split(", of ")[1].split(" voor ")[0]
        assert parse_number(thousands_typed) == pytest.approx(ambiguity.thousands)
        assert parse_number(decimal_typed) == pytest.approx(ambiguity.decimal)


@pytest.mark.parametrize(
    "text, value",
    [("35,7%", 35.7), ("35,7 %", 35.7), ("%35,7", 35.7), ("% 35,7", 35.7), ("-2%", -2.0)],
)
def test_a_percent_sign_before_or_after_is_read_as_the_number(text, value):
    assert parse_number(text) == pytest.approx(value)
    assert parse_number_strict(text).percent


def test_a_plain_number_is_not_a_percentage():
    assert not parse_number_strict("35,7").percent


def test_parse_decimal_is_exact_and_reads_the_comma_as_decimal():
    assert parse_decimal("1.234,50") == Decimal("1234.50")
    assert parse_decimal("€ 55") == Decimal("55")
    assert parse_decimal("10,005") == Decimal("10.005")
    assert parse_decimal("0,1") + parse_decimal("0,2") == Decimal("0.3")
    assert parse_decimal("-1,5") == Decimal("-1.5")
    assert parse_decimal("veel") is None and parse_decimal("") is None


def test_format_dutch_numbers():
    assert format_number(1234.5) == "1.234,5"
    assert format_number(22.0) == "22"
    assert format_number(0.25) == "0,25"
    assert format_number(1234567) == "1.234.567"
    assert format_number(-1234.5) == "-1.234,5"
    assert format_number(-0.0) == "0"


def test_format_number_with_fixed_decimals_rounds_half_up():
    assert format_number(2, decimals=2) == "2,00"
    assert format_number(1234.5678, decimals=1) == "1.234,6"
    assert format_number(0.125, decimals=2) == "0,13"
    assert format_number(1234.5, decimals=0) == "1.235"


def test_format_number_keeps_every_decimal_of_a_decimal():
    assert format_number(Decimal("1.50")) == "1,5"
    assert format_number(Decimal("1234")) == "1.234"
    assert format_number(Decimal("0.1234567")) == "0,1234567"
    assert format_number(Decimal("1E+3")) == "1.000"


def test_format_euro_always_has_two_decimals():
    assert format_euro(1234.5) == "€ 1.234,50"
    assert format_euro(Decimal("1234.5")) == "€ 1.234,50"
    assert format_euro(24000) == "€ 24.000,00"
    assert format_euro(Decimal("0.105")) == "€ 0,11"  # half up, not half even
    assert format_euro(85.15) == "€ 85,15"
    assert format_euro(-3.5) == "€ -3,50"


def test_a_typed_amount_echoes_as_typed():
    """Does 1.234,50 typed by a learner come back as 1.234,50?"""
    for typed in ("1.234,50", "0,05", "12,00", "1.000.000,01"):
        assert format_euro(parse_number(typed)) == f"€ {typed}"
        assert format_euro(parse_decimal(typed)) == f"€ {typed}"


def test_format_euro_without_cents_for_whole_amounts():
    assert format_euro(46856.92068, always_cents=False) == "€ 46.856,92"
    assert format_euro(24000, always_cents=False) == "€ 24.000"
    assert format_euro(50.9, always_cents=False) == "€ 50,90"
    assert format_euro(932.93, always_cents=False) == "€ 932,93"
    assert format_euro(40857, always_cents=False) == "€ 40.857"


def test_dates_and_month_names_are_dutch():
    assert format_date(dt.date(2026, 3, 5)) == "05-03-2026"
    assert format_day_month(dt.date(2026, 11, 23)) == "23 november"
    assert format_day_month(dt.date(2026, 3, 1)) == "1 maart"


@pytest.mark.parametrize(
    "value, words",
    [
        (0, "nul"),
        (1, "één"),
        (2, "twee"),
        (13, "dertien"),
        (21, "eenentwintig"),
        (22, "tweeëntwintig"),
        (23, "drieëntwintig"),
        (80, "tachtig"),
        (100, "honderd"),
        (101, "honderdeen"),
        (245, "tweehonderdvijfenveertig"),
        (1000, "duizend"),
        (1500, "duizend vijfhonderd"),
        (2000, "tweeduizend"),
        (12345, "twaalfduizend driehonderdvijfenveertig"),
        (1.5, "één komma vijf"),
        (12.345, "twaalf komma drie vier vijf"),
        (-2, "min twee"),
    ],
)
def test_number_words(value, words):
    assert number_words(value) == words


def test_number_words_stops_at_a_million():
    with pytest.raises(ValueError):
        number_words(1_000_000)
