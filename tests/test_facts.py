"""Facts: every amount and phone number the course teaches is in course/data with a source."""

from __future__ import annotations

import datetime as dt
import re
import tomllib

import pytest

from course.facts import FACTS_FILE, FactError, euro, load_facts, parse_facts
from course.numbers import parse_number
from course_text import learner_texts

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
    facts = load_facts().values()
    numbers = {round(float(f.value), 2) for f in facts if isinstance(f.value, int | float)}
    phones = {re.sub(r"[- ]", "", f.value) for f in facts if isinstance(f.value, str)}
    return numbers, phones


def test_facts_file_is_valid_and_sourced():
    facts = load_facts()
    assert facts
    for item in facts.values():
        assert item.source.startswith("http") and 2000 <= item.year <= dt.date.today().year + 2
        assert item.checked <= dt.date.today()


def test_extractors_find_dutch_amounts_and_numbers():
    text = "Je krijgt € 1.234,50 of €129 per maand, of 385 euro. Bel 0800-2000 of 112. Niet 2026."
    assert phones_in("De Luisterlijn: 088-0767 000.") == ["0880767000"]
    assert amounts_in(text) == [1234.5, 129, 385]
    assert phones_in(text) == ["08002000", "112"]


@pytest.mark.parametrize(
    "raw, problem",
    [
        (
            {
                "x": {
                    "value": 1,
                    "unit": "euro",
                    "year": 2026,
                    "source": "geen url",
                    "checked": dt.date(2026, 1, 1),
                    "confidence": "HIGH",
                }
            },
            "URL",
        ),
        (
            {
                "x": {
                    "value": 1,
                    "unit": "euro",
                    "year": 2026,
                    "source": "https://a",
                    "checked": dt.date(2026, 1, 1),
                    "confidence": "UNVERIFIED",
                }
            },
            "confidence",
        ),
        ({"x": {"value": 1, "unit": "euro"}}, "missing"),
    ],
)
def test_unsourced_or_unverified_facts_are_refused(raw, problem):
    with pytest.raises(FactError, match=problem):
        parse_facts(raw)


def test_euro_formats_the_dutch_way():
    data = tomllib.loads(
        '[a]\nvalue = 40857\nunit = "euro"\nyear = 2026\nsource = "https://x"\n'
        'checked = 2026-01-01\nconfidence = "HIGH"\n'
    )
    assert parse_facts(data)["a"].value == 40857
    key = next(k for k, f in load_facts().items() if isinstance(f.value, int | float))
    assert euro(key).startswith("€ ")


def test_every_amount_and_phone_number_in_the_course_is_a_fact():
    """Does each € amount and phone number in the learners' text appear in feiten.toml?"""
    numbers, phones = _known()
    missing = []
    for where, text in learner_texts():
        missing += [f"{where}: € {a}" for a in amounts_in(text) if round(a, 2) not in numbers]
        missing += [f"{where}: {p}" for p in phones_in(text) if p not in phones]
    assert not missing, f"not in {FACTS_FILE.name}:\n" + "\n".join(missing)
