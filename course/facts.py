"""Facts the course teaches (amounts, limits, ages, phone numbers, dates), dated and sourced.

They live in ``course/data/feiten*.toml``. A fact has a unit, how often it changes, and one
or more dated values::

    [zelfstandigenaftrek.bedrag]
    unit = "euro per jaar"
    wijzigt = "jaarlijks"

    [[zelfstandigenaftrek.bedrag.waarden]]
    value = 900
    vanaf = 2027-01-01
    source = "https://…"
    checked = 2026-12-06
    confidence = "HIGH"
    # tot = 2028-01-01   (optional: a rule that ends, with no successor known yet)

The course has one course year and reference date (``cursusjaar`` and ``peildatum`` in
``course/cursus.toml``; ``$SLEUTELPERSONEN_CURSUSJAAR`` overrides the year, e.g. for a
cohort handed out in an earlier year). The value of a fact is the newest one valid on the
reference date. A fact that changes every year (or half year) has *no* value in a year for
which nobody has entered one: the course may not teach it then, and
:func:`missing_facts` lists it. Lessons name facts as ``{{feit:key}}`` (see
:mod:`course.factfill`); code calls :func:`fact` or :func:`euro`.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from course import DATA_DIR
from course.numbers import format_euro

FACTS_FILE = DATA_DIR / "feiten.toml"
FACTS_GLOB = "feiten*.toml"
CATALOG_FILE = DATA_DIR.parent / "cursus.toml"
YEAR_ENV = "SLEUTELPERSONEN_CURSUSJAAR"
CONFIDENCE = ("HIGH", "MED", "LOW")
YEARLY, HALF_YEARLY, BY_LAW = "jaarlijks", "halfjaarlijks", "bij wetswijziging"
CHANGES = (YEARLY, HALF_YEARLY, BY_LAW)
VALUE_FIELDS = {"value", "vanaf", "source", "checked", "confidence"}


class FactError(ValueError):
    """A fact in the data files is incomplete or malformed (authoring error)."""


class MissingFactError(FactError, KeyError):
    """The fact exists but has no value for the course year (it must not be taught)."""

    def __str__(self) -> str:  # KeyError would show the message in quotes
        return str(self.args[0])


@dataclass(frozen=True)
class DatedValue:
    """One value of a fact, valid from ``valid_from`` until the next value."""

    value: float | int | str
    valid_from: dt.date
    source: str
    checked: dt.date
    confidence: str
    note: str = ""
    until: dt.date | None = None  # ``tot``: the value no longer holds from this day on


@dataclass(frozen=True)
class FactRecord:
    """A fact with all its dated values, oldest first."""

    key: str
    unit: str
    changes: str
    values: tuple[DatedValue, ...]
    note: str = ""
    label: str = ""

    def value_on(self, day: dt.date) -> DatedValue | None:
        """The value valid on ``day``; ``None`` when it is older than the fact allows."""
        valid = [item for item in self.values if item.valid_from <= day]
        if not valid:
            return None
        newest = valid[-1]
        if newest.until is not None and day >= newest.until:
            return None
        if self.changes == YEARLY and newest.valid_from.year < day.year:
            return None
        if self.changes == HALF_YEARLY and newest.valid_from < _half_year_start(day):
            return None
        return newest


@dataclass(frozen=True)
class Fact:
    """A fact as the course uses it in one year: the value valid on the reference date."""

    key: str
    value: float | int | str
    unit: str
    year: int  # the year the value is valid from
    source: str
    checked: dt.date
    confidence: str
    note: str = ""
    valid_from: dt.date | None = None


def _half_year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1 if day.month < 7 else 7, 1)


def _flatten(table: dict, prefix: str = ""):
    for name, item in table.items():
        key = f"{prefix}.{name}" if prefix else name
        if isinstance(item, dict) and "waarden" not in item and "value" not in item:
            yield from _flatten(item, key)
        else:
            yield key, item


def _parse_value(key: str, raw: object) -> DatedValue:
    if not isinstance(raw, dict):
        raise FactError(f"{key}: each entry in waarden is a table")
    missing = VALUE_FIELDS - set(raw)
    if missing:
        raise FactError(f"{key}: missing {', '.join(sorted(missing))}")
    if not str(raw["source"]).startswith(("https://", "http://")):
        raise FactError(f"{key}: source must be a URL")
    if raw["confidence"] not in CONFIDENCE:
        raise FactError(f"{key}: confidence must be one of {CONFIDENCE} (never UNVERIFIED)")
    for field in ("vanaf", "checked", "tot"):
        if field not in raw:
            continue
        if not isinstance(raw[field], dt.date) or isinstance(raw[field], dt.datetime):
            raise FactError(f"{key}: {field} must be a date, e.g. 2027-01-01")
    if "tot" in raw and raw["tot"] <= raw["vanaf"]:
        raise FactError(f"{key}: tot must come after vanaf")
    return DatedValue(
        value=raw["value"],
        valid_from=raw["vanaf"],
        source=raw["source"],
        checked=raw["checked"],
        confidence=raw["confidence"],
        note=raw.get("note", ""),
        until=raw.get("tot"),
    )


def parse_records(data: dict) -> dict[str, FactRecord]:
    """Validate and index the facts of a parsed TOML document."""
    records = {}
    for key, raw in _flatten(data):
        if not isinstance(raw, dict) or "waarden" not in raw:
            raise FactError(f"{key}: expected a table with unit, wijzigt and [[waarden]]")
        if "value" in raw:
            raise FactError(f"{key}: put value in a [[{key}.waarden]] entry with its date")
        missing = {"unit", "wijzigt"} - set(raw)
        if missing:
            raise FactError(f"{key}: missing {', '.join(sorted(missing))}")
        if raw["wijzigt"] not in CHANGES:
            raise FactError(f"{key}: wijzigt must be one of {CHANGES}")
        values = [_parse_value(key, item) for item in raw["waarden"]]
        if not values:
            raise FactError(f"{key}: at least one value")
        values.sort(key=lambda item: item.valid_from)
        dates = [item.valid_from for item in values]
        if len(set(dates)) != len(dates):
            raise FactError(f"{key}: two values valid from the same date")
        records[key] = FactRecord(
            key=key,
            unit=raw["unit"],
            changes=raw["wijzigt"],
            values=tuple(values),
            note=raw.get("note", ""),
            label=raw.get("naam", ""),
        )
    return records


@cache
def load_records(folder: Path = DATA_DIR) -> dict[str, FactRecord]:
    """Every fact of every ``feiten*.toml`` file in ``folder``, by dotted key."""
    records: dict[str, FactRecord] = {}
    for path in sorted(folder.glob(FACTS_GLOB)):
        with path.open("rb") as handle:
            found = parse_records(tomllib.load(handle))
        double = set(found) & set(records)
        if double:
            raise FactError(f"{path.name}: defined twice: {', '.join(sorted(double))}")
        records.update(found)
    return records


@cache
def _catalog_year() -> tuple[int, dt.date]:
    with CATALOG_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    year = int(data["cursusjaar"])
    return year, data.get("peildatum", dt.date(year, 1, 1))


def course_year() -> int:
    """The course year: ``$SLEUTELPERSONEN_CURSUSJAAR`` or ``cursusjaar`` in cursus.toml."""
    configured = os.environ.get(YEAR_ENV, "").strip()
    if configured:
        if not configured.isdigit():
            raise FactError(f"{YEAR_ENV} must be a year, not {configured!r}")
        return int(configured)
    return _catalog_year()[0]


def reference_date(year: int | None = None) -> dt.date:
    """The date on which the course's values are taken (``peildatum``; 1 January otherwise)."""
    year = year or course_year()
    configured_year, configured_day = _catalog_year()
    return configured_day if year == configured_year else dt.date(year, 1, 1)


def resolve(record: FactRecord, day: dt.date) -> Fact | None:
    """``record`` as used on ``day``, or ``None`` when it has no value then."""
    item = record.value_on(day)
    return None if item is None else as_fact(record, item)


def as_fact(record: FactRecord, item: DatedValue) -> Fact:
    """One dated value of ``record`` as the course uses it."""
    return Fact(
        key=record.key,
        value=item.value,
        unit=record.unit,
        year=item.valid_from.year,
        source=item.source,
        checked=item.checked,
        confidence=item.confidence,
        note=" ".join(part for part in (record.note, item.note) if part),
        valid_from=item.valid_from,
    )


def facts_on(day: dt.date, records: Mapping[str, FactRecord] | None = None) -> dict[str, Fact]:
    """Every fact that has a value on ``day``, by key."""
    records = load_records() if records is None else records
    resolved = {key: resolve(record, day) for key, record in records.items()}
    return {key: item for key, item in resolved.items() if item is not None}


def missing_facts(year: int, records: Mapping[str, FactRecord] | None = None) -> list[str]:
    """Keys of the facts that have no value on the reference date of ``year``."""
    records = load_records() if records is None else records
    day = reference_date(year)
    return sorted(key for key, record in records.items() if record.value_on(day) is None)


@cache
def _facts_on_cached(day: dt.date) -> dict[str, Fact]:
    return facts_on(day)


def load_facts(year: int | None = None) -> dict[str, Fact]:
    """The facts of the course year (or ``year``), by dotted key (a copy: callers may edit)."""
    return dict(_facts_on_cached(reference_date(year or course_year())))


def fact(key: str, year: int | None = None) -> Fact:
    """One fact for the course year; ``KeyError`` names an unknown or missing key."""
    found = load_facts(year).get(key)
    if found is not None:
        return found
    if key in load_records():
        raise MissingFactError(
            f"{key} has no value for {year or course_year()}: enter one with its source "
            "in course/data, or do not teach it this year"
        )
    raise KeyError(key)


def euro(key: str) -> str:
    """A euro fact written the Dutch way: ``€ 40.857`` or ``€ 932,93``."""
    value = fact(key).value
    if isinstance(value, str):
        raise FactError(f"{key} is not an amount")
    return format_euro(value, always_cents=False)
