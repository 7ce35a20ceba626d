"""Fill in the facts of the course year before a learner sees a page.

Lesson notebooks, practice files and assignment sources name facts instead of writing
their values, so a yearly update is one data change and no stale number can stay behind::

    De zelfstandigenaftrek is {{feit:zelfstandigenaftrek.bedrag}} in {{cursusjaar}}.
    vragen.check_number(4, {{feit:zelfstandigenaftrek.bedrag}})      # code: 900
    answer = {{feit:zelfstandigenaftrek.bedrag|python}}              # TOML number

Placeholders:

``{{feit:KEY}}``         the value as a learner reads it (``€ 1.200``, ``5,4%``, ``1.225``);
                         in a code cell a Python literal (``1200``, ``5.4``, ``'SVB'``)
``{{feit:KEY|FORMAT}}``  FORMAT is one of ``euro``, ``getal``, ``procent``, ``tekst``,
                         ``python``, ``vanaf`` (the date the value is valid from, in words),
                         ``vanafjaar`` and ``bron`` (the source URL)
``{{cursusjaar}}``       the course year; ``{{cursusjaar+1}}`` and ``{{cursusjaar-1}}`` too
``{{casus:TEXT}}``       TEXT unchanged: a number in a fictional case, not a fact

The filling happens when the workspace is built (lessons), when a practice file is read,
and when an assignment is handed out (its source is rendered for the cohort's year, so
the cohort keeps its answer keys). Markdown stays markdown.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from course.facts import Fact, FactError, course_year, load_facts, load_records
from course.messages import common as msg
from course.numbers import format_euro, format_number

PLACEHOLDER = re.compile(
    r"\{\{\s*(?:feit:(?P<key>[\w.]+)(?:\|(?P<format>\w+))?"
    r"|(?P<year>cursusjaar)\s*(?P<shift>[+-]\s*\d+)?"
    r"|casus:(?P<case>[^{}]*))\s*\}\}"
)
ANY_BRACES = re.compile(r"\{\{[^{}]*\}\}")
SHORT_LEAD_IN = 200  # characters: a one-line lead-in to the lesson footer's buttons
FORMATS = ("euro", "getal", "procent", "tekst", "python", "vanaf", "vanafjaar", "bron")


class FactFillError(FactError):
    """Placeholders that cannot be filled: unknown fact, no value this year, bad format."""


@dataclass(frozen=True)
class Usage:
    """One place where a fact is named."""

    key: str
    where: str


def format_date_words(day) -> str:
    """``1 januari 2027``."""
    return f"{day.day} {msg.MONTHS[day.month - 1]} {day.year}"


def display(item: Fact, form: str | None = None, code: bool = False) -> str:
    """The text that replaces ``{{feit:KEY|form}}``."""
    value = item.value
    kind = item.unit.split()[0].rstrip(":") if item.unit else ""
    form = form or ("python" if code else None)
    if form == "python":
        return repr(value)
    if form == "vanaf":
        return format_date_words(item.valid_from)
    if form == "vanafjaar":
        return str(item.valid_from.year)
    if form == "bron":
        return item.source
    if isinstance(value, str) or form == "tekst":
        return str(value)
    if form == "euro" or (form is None and kind == "euro"):
        return format_euro(value, always_cents=False)
    if form == "procent" or (form is None and kind == "procent"):
        return f"{format_number(value)}%"
    if kind == "jaar" and isinstance(value, int) and 1800 <= value <= 2200:
        return str(value)  # a calendar year (2005), not a count (1.225)
    return format_number(value)


def fill(
    text: str,
    facts: Mapping[str, Fact],
    year: int,
    code: bool = False,
    where: str = "",
    problems: list[str] | None = None,
) -> str:
    """``text`` with every placeholder filled; problems are appended to ``problems``.

    Without a ``problems`` list the first problem raises :class:`FactFillError`.
    """
    collect = problems if problems is not None else []

    def replace(match: re.Match) -> str:
        if match.group("case") is not None:
            return match.group("case")
        if match.group("year"):
            shift = int(re.sub(r"\s", "", match.group("shift") or "0"))
            return str(year + shift)
        key, form = match.group("key"), match.group("format")
        if form is not None and form not in FORMATS:
            collect.append(f"{where}: {{{{feit:{key}|{form}}}}}: unknown format")
            return match.group(0)
        item = facts.get(key)
        if item is None:
            known = key in load_records()
            reason = f"no value for {year}" if known else "unknown fact"
            collect.append(f"{where}: {{{{feit:{key}}}}}: {reason}")
            return match.group(0)
        return display(item, form, code)

    result = PLACEHOLDER.sub(replace, text)
    for left in ANY_BRACES.findall(PLACEHOLDER.sub("", result)):
        if "feit" in left or "cursusjaar" in left or "casus" in left:
            collect.append(f"{where}: {left}: not a placeholder")
    if problems is None and collect:
        raise FactFillError("\n".join(collect))
    return result


def fill_notebook(nb: dict, facts: Mapping[str, Fact], year: int, where: str = "") -> dict:
    """A copy of the notebook (as JSON data) with every cell filled in.

    Markdown and raw cells get the reader's form, code cells Python literals. Outputs are
    left alone. A notebook whose metadata pins a year (``sleutelpersonen.cursusjaar``, as in
    the actualiteiten of one year) is filled for that year.
    Raises :class:`FactFillError` listing every problem in the notebook.
    """
    pinned = nb.get("metadata", {}).get("sleutelpersonen", {}).get("cursusjaar")
    if pinned and int(pinned) != year:  # a page about one year, e.g. actualiteiten 2026
        year, facts = int(pinned), load_facts(int(pinned))
    problems: list[str] = []
    result = copy.deepcopy(nb)
    for index, cell in enumerate(result.get("cells", [])):
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else source
        filled = fill(
            text,
            facts,
            year,
            code=cell.get("cell_type") == "code",
            where=f"{where} cel {index}",
            problems=problems,
        )
        if filled != text:
            cell["source"] = filled
    if problems:
        raise FactFillError("\n".join(problems))
    result.setdefault("metadata", {}).setdefault("sleutelpersonen", {})["cursusjaar"] = year
    return result


PINNED_YEAR = re.compile(r"^cursusjaar\s*=\s*(\d{4})\s*$", re.MULTILINE)


def fill_text(text: str, year: int | None = None, code: bool = False, where: str = "") -> str:
    """A whole text file filled in; a TOML file may pin its year with ``cursusjaar = 2026``."""
    pinned = PINNED_YEAR.search(text)
    year = int(pinned.group(1)) if pinned else (year or course_year())
    return fill(text, load_facts(year), year, code=code, where=where)


def fill_file(source: Path, target: Path, year: int | None = None) -> None:
    """Write ``source`` to ``target`` with the facts of ``year`` filled in.

    Notebooks and TOML/markdown/text files are filled; other files are copied as they are.
    """
    year = year or course_year()
    facts = load_facts(year)
    if source.suffix == ".ipynb":
        nb = json.loads(source.read_text(encoding="utf-8"))
        filled = fill_notebook(nb, facts, year, where=source.name)
        data = json.dumps(filled, ensure_ascii=False, indent=1) + "\n"
        target.write_text(data, encoding="utf-8")
    elif source.suffix in (".toml", ".md", ".txt", ".py"):
        text = source.read_text(encoding="utf-8")
        code = source.suffix == ".py"
        target.write_text(fill_text(text, year, code=code, where=source.name), "utf-8")
    else:
        target.write_bytes(source.read_bytes())


def fill_tree(source: Path, target: Path, year: int | None = None) -> list[Path]:
    """Fill every file below ``source`` into ``target`` (same relative paths); return them."""
    written = []
    for path in sorted(source.rglob("*")):
        if not path.is_file() or ".ipynb_checkpoints" in path.parts:
            continue
        destination = target / path.relative_to(source)
        destination.parent.mkdir(parents=True, exist_ok=True)
        fill_file(path, destination, year)
        written.append(destination)
    return written


def sources_cell(keys: list[str], facts: Mapping[str, Fact], year: int) -> dict:
    """A markdown cell listing the facts ``keys``: value, date valid from and source link."""
    rows = [
        "| " + " | ".join(msg.SOURCES_HEADER) + " |",
        "|" + "---|" * len(msg.SOURCES_HEADER),
    ]
    for key in dict.fromkeys(keys):
        item = facts[key]
        label = label_of(key)
        host = re.sub(r"^https?://(www\.)?", "", item.source).split("/")[0]
        value = display(item).replace("|", "\\|")
        rows.append(
            f"| {label} | {value} | {format_date_words(item.valid_from)} | "
            f"[{host}]({item.source}) |"
        )
    text = f"### {msg.SOURCES_TITLE}\n\n{msg.SOURCES_INTRO.format(year=year)}\n\n"
    return {
        "cell_type": "markdown",
        "metadata": {"tags": ["feiten-bronnen"]},
        "source": text + "\n".join(rows) + "\n",
    }


def label_of(key: str) -> str:
    """The reader's name of a fact: its ``naam`` or, without one, a name from its key."""
    record = load_records()[key]
    if record.label:
        return record.label
    words = key.replace("_", " ").split(".")
    return (words[0][:1].upper() + words[0][1:]) + (
        f": {', '.join(words[1:])}" if words[1:] else ""
    )


def fill_lesson(nb: dict, year: int | None = None, where: str = "") -> dict:
    """A lesson notebook filled in for ``year``, with a table of the facts it names.

    The table goes before the closing code cell (the lesson footer) and its short lead-in.
    """
    year = year or course_year()
    pinned = nb.get("metadata", {}).get("sleutelpersonen", {}).get("cursusjaar")
    year = int(pinned) if pinned else year
    facts = load_facts(year)
    filled = fill_notebook(nb, facts, year, where=where)
    keys = [
        usage.key
        for cell in nb.get("cells", [])
        if cell.get("cell_type") != "code"
        for usage in usages(_text(cell))
    ]
    if keys:
        cells = filled["cells"]
        position = len(cells)
        if cells and cells[-1].get("cell_type") == "code":
            position -= 1
            # keep a short lead-in to the footer ("Klaar met deze les? …") next to its button
            if position and cells[position - 1].get("cell_type") == "markdown":
                position -= len(_text(cells[position - 1])) < SHORT_LEAD_IN
        cells.insert(position, sources_cell(keys, facts, year))
    return filled


def _text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def usages(text: str, where: str = "") -> Iterator[Usage]:
    """Every fact named in ``text`` (as a placeholder)."""
    for match in PLACEHOLDER.finditer(text):
        if match.group("key"):
            yield Usage(match.group("key"), where)
