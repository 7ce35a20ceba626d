"""Facts for the calculators, also in a year for which a value is not known yet.

A lesson may not teach a yearly amount that has no value in the course year. A calculator
still has to work then: it uses the newest value that is known and says which year that
value is from ("bedrag van 2026; dat van 2027 is nog niet bekend"). Facts come from
:mod:`course.facts`; nothing here copies a value.
"""

from __future__ import annotations

from dataclasses import dataclass

from course.facts import Fact, MissingFactError, as_fact, course_year, fact, load_records


@dataclass(frozen=True)
class Known:
    """A fact as a tool uses it: the course year's value, or the newest older one."""

    fact: Fact
    current: bool  # True when the value is valid in the course year

    @property
    def value(self):
        return self.fact.value

    @property
    def year(self) -> int:
        """The year the value is valid from."""
        return self.fact.year


def known(key: str) -> Known:
    """``key`` for the course year, or its newest known value marked as not current.

    Raises ``KeyError`` for an unknown key (an authoring error, not a missing year).
    """
    try:
        return Known(fact(key), True)
    except MissingFactError:
        record = load_records()[key]
        year = course_year()
        older = [item for item in record.values if item.valid_from.year <= year]
        newest = (older or list(record.values))[-1]
        return Known(as_fact(record, newest), False)


def value(key: str) -> float:
    """The number of ``key`` (course year, or the newest known value)."""
    found = known(key).value
    if isinstance(found, str):
        raise ValueError(f"{key} is not a number")
    return found


def old_years(keys) -> list[int]:
    """The years of the values among ``keys`` that are not valid in the course year."""
    return sorted({item.year for item in map(known, keys) if not item.current})
