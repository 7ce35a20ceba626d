"""Facts the course teaches (amounts, limits, phone numbers, dates), each with its source.

They live in ``course/data/feiten.toml`` so the yearly update is one file::

    [zorgtoeslag.max_alleenstaand]
    value = 129
    unit = "euro per maand"
    year = 2026
    source = "https://…"
    checked = 2026-11-25
    confidence = "MED"

Lessons may write a value in their text (a test checks that every euro amount and phone
number in the course text is in this file) or show it from here with ``euro(key)``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from course import DATA_DIR
from course.numbers import format_euro

FACTS_FILE = DATA_DIR / "feiten.toml"
CONFIDENCE = ("HIGH", "MED", "LOW")


class FactError(ValueError):
    """A fact in the data file is incomplete or malformed (authoring error)."""


@dataclass(frozen=True)
class Fact:
    """One fact with its provenance."""

    key: str
    value: float | int | str
    unit: str
    year: int
    source: str
    checked: dt.date
    confidence: str
    note: str = ""


def _flatten(table: dict, prefix: str = ""):
    for name, item in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if isinstance(item, dict) and "value" not in item:
            yield from _flatten(item, key)
        else:
            yield key, item


def parse_facts(data: dict) -> dict[str, Fact]:
    """Validate and index the facts of a parsed TOML document."""
    facts = {}
    for key, raw in _flatten(data):
        if not isinstance(raw, dict):
            raise FactError(f"{key}: expected a table with value, unit, year, source, …")
        missing = {"value", "unit", "year", "source", "checked", "confidence"} - set(raw)
        if missing:
            raise FactError(f"{key}: missing {', '.join(sorted(missing))}")
        if not str(raw["source"]).startswith(("https://", "http://")):
            raise FactError(f"{key}: source must be a URL")
        if raw["confidence"] not in CONFIDENCE:
            raise FactError(f"{key}: confidence must be one of {CONFIDENCE} (never UNVERIFIED)")
        if not isinstance(raw["checked"], dt.date):
            raise FactError(f"{key}: checked must be a date, e.g. 2026-11-25")
        facts[key] = Fact(
            key=key,
            value=raw["value"],
            unit=raw["unit"],
            year=int(raw["year"]),
            source=raw["source"],
            checked=raw["checked"],
            confidence=raw["confidence"],
            note=raw.get("note", ""),
        )
    return facts


@cache
def load_facts(path: Path = FACTS_FILE) -> dict[str, Fact]:
    """All facts, by dotted key."""
    with path.open("rb") as handle:
        return parse_facts(tomllib.load(handle))


def fact(key: str) -> Fact:
    """One fact; ``KeyError`` names the unknown key."""
    return load_facts()[key]


def euro(key: str) -> str:
    """A euro fact written the Dutch way: ``€ 40.857`` or ``€ 932,93``."""
    value = fact(key).value
    if isinstance(value, str):
        raise FactError(f"{key} is not an amount")
    return format_euro(value, always_cents=False)
