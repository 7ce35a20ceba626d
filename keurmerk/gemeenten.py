"""The official list of Dutch gemeenten for the year (``keurmerk/data/gemeenten-YEAR.toml``,
with its source and date), and the one way a typed gemeente becomes an official name.

"Den Bosch" finds "'s-Hertogenbosch" and "den haag" finds "'s-Gravenhage": case, accents,
hyphens, apostrophes, commas, dots and brackets do not count, and common names are mapped
(``[aliassen]`` in the data file). Anything else is not a gemeente.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

YEAR = 2026
DATA = Path(__file__).resolve().parent / "data" / f"gemeenten-{YEAR}.toml"


def fold(text: str) -> str:
    """The comparison form of a place name: lower case, no accents, no punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]|_", " ", plain).split())


@dataclass(frozen=True)
class GemeenteList:
    """The gemeenten of one year with where the list comes from."""

    year: int
    source: str
    names: tuple[str, ...]
    lookup: dict[str, str]

    def resolve(self, typed: str) -> str | None:
        """The official name for what someone typed, or ``None``."""
        return self.lookup.get(fold(typed or "")[:120])


@cache
def official(path: Path = DATA) -> GemeenteList:
    """The shipped list (read once)."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    names = tuple(data["gemeenten"])
    lookup = {fold(name): name for name in names}
    for alias, name in data.get("aliassen", {}).items():
        if name not in names:
            raise ValueError(f"alias {alias!r} points at {name!r}, which is not a gemeente")
        lookup.setdefault(fold(alias), name)
    # "'s-Gravenhage" is also found as "Gravenhage", "'s-Hertogenbosch" as "s Hertogenbosch"
    for name in names:
        if name.startswith("'s-"):
            lookup.setdefault(fold(name[3:]), name)
    return GemeenteList(int(data["jaar"]), str(data["bron"]), names, lookup)


def resolve(typed: str) -> str | None:
    """The official name of a typed gemeente (this year's list), or ``None``."""
    return official().resolve(typed)
