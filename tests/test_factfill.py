"""Year-aware facts: every number a learner reads, practises or is graded on follows the facts.

The test with teeth has two halves:

1. *Nothing is written by hand.* In the text as written (lessons, practice files, assignment
   text), no euro amount, percentage, phone number, hour count, age limit, full date or the
   course year appears outside a ``{{feit:…}}``/``{{cursusjaar}}`` placeholder or a marked
   fictional case; answer keys (assignment code, practice answers) hold no literal that
   equals a fact's value. A value copied by hand is exactly what goes stale unnoticed.
2. *Every use follows the fact.* For each fact, the material is filled in with that fact
   changed; every file that names the fact must show the changed value and no longer the
   old one where the fact was used.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import tomllib
from pathlib import Path

import pytest

from conftest import ASSIGNMENTS, COURSE, ROOT
from course.factfill import (
    PINNED_YEAR,
    PLACEHOLDER,
    FactFillError,
    display,
    fill,
    fill_lesson,
    fill_notebook,
    fill_text,
    format_date_words,
    usages,
)
from course.facts import (
    YEARLY,
    DatedValue,
    Fact,
    FactRecord,
    course_year,
    load_facts,
    load_records,
)
from course_text import notebooks

CASE_TAG = "casus"
# Data files whose text learners read in the tools (the letters in brieven.toml are fiction).
DATA_FILES = [COURSE / "data" / name for name in ("instanties.toml", "begrippen.toml")]
EURO = re.compile(r"€\s?\d[\d.]*(?:,\d{1,2})?|\b\d[\d.]*(?:,\d{1,2})?\s?euro\b")
PERCENT = re.compile(r"\b\d+(?:,\d+)?\s?(?:%|procent\b)")
PHONE = re.compile(
    r"(?<![\d€.,])(?:0[89]00[- ]?\d{4}(?:[- ]?\d{2,4})?|088[- ]?\d{3,4}[- ]?\d{3,4}|11[23])"
    r"(?!\d|[.,]\d|\s?euro)"
)
HOURS = re.compile(r"\b\d{1,3}(?:\.\d{3})+\s?(?:uur|uren)\b|\b\d{3,}\s?(?:uur|uren)\b")
AGE = re.compile(
    r"\b(?:vanaf|jonger dan|ouder dan|onder de|boven de)\s+\d{2}\s+jaar\b"
    r"|\b\d{2}\s+jaar\s+(?:of|en)\s+(?:ouder|jonger)\b"
)
MONTH_NAMES = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
DATE = re.compile(rf"\b\d{{1,2}}\s+(?:{MONTH_NAMES})\s+20\d\d\b")
KINDS = {"bedrag": EURO, "percentage": PERCENT, "telefoonnummer": PHONE, "uren": HOURS}
KINDS |= {"leeftijd": AGE, "datum": DATE}


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _pinned(nb: dict) -> bool:
    return bool(nb.get("metadata", {}).get("sleutelpersonen", {}).get("cursusjaar"))


def _without_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(" ⟦feit⟧ ", text)


def written_texts():
    """(where, text as written) of learner text that follows the course year.

    Pages pinned to one year (the actualiteiten of a past year) and fictional cases are
    left out: their numbers are history or fiction, not facts of the course year.
    """
    for path in notebooks():
        nb = json.loads(path.read_text(encoding="utf-8"))
        if _pinned(nb):
            continue
        for index, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "markdown" or CASE_TAG in cell["metadata"].get("tags", []):
                continue
            if cell["metadata"].get("nbgrader", {}).get("solution"):
                continue  # the learner's own answer cell
            yield f"{path.relative_to(ROOT)} cel {index}", _source(cell)
    for path in sorted(COURSE.rglob("*.oefenvragen.toml")):
        text = path.read_text(encoding="utf-8")
        if PINNED_YEAR.search(text):
            continue
        data = tomllib.loads(PLACEHOLDER.sub("0", text))
        raw = tomllib.loads(_quote_placeholders(text))
        for index, question in enumerate(raw.get("questions", [])):
            if data["questions"][index].get("casus"):
                continue
            parts = [question.get(k, "") for k in ("question", "hint", "explanation")]
            parts += [str(option) for option in question.get("options", [])]
            if isinstance(question.get("answer"), str):
                parts.append(question["answer"])
            yield f"{path.relative_to(ROOT)} vraag {index + 1}", "\n".join(parts)
    for path in DATA_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        yield f"{path.relative_to(ROOT)}", "\n".join(_strings(data))


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def _quote_placeholders(text: str) -> str:
    """TOML text in which a bare placeholder (``answer = {{feit:x|python}}``) parses."""
    return re.sub(r"(=\s*)(\{\{[^{}]*\}\})", r'\1"\2"', text)


# A name that starts with a number is a name, not a value: the organisation "113
# Zelfmoordpreventie" (also in the glossary's translations, where the name comes first).
NAMES = re.compile(r"\b113 Zelfmoordpreventie|^113(?= \w)", re.MULTILINE)


def hand_written_values(text: str) -> list[str]:
    """Facts-like values written by hand in ``text`` (placeholders and cases removed)."""
    plain = _without_placeholders(text)
    plain = NAMES.sub("⟦naam⟧", plain)
    found = [f"{kind} {m.group(0)!r}" for kind, rx in KINDS.items() for m in rx.finditer(plain)]
    year = str(course_year())
    found += [f"cursusjaar {year!r}" for _ in re.finditer(rf"\b{year}\b", plain)]
    return found


def test_the_detector_finds_hand_written_values_and_leaves_placeholders():
    year = course_year()
    text = (
        f"Je krijgt € 1.234,50 of 385 euro, 21% btw, bel 0800-2000. Na 1.225 uur, vanaf 27 jaar, "
        f"op 1 januari {year + 1}, in {year}. Maar {{{{feit:x}}}} en {{{{casus:€ 2.100}}}}."
    )
    found = hand_written_values(text)
    for expected in ("€ 1.234,50", "385 euro", "21%", "0800-2000", "1.225 uur", "vanaf 27 jaar"):
        assert any(expected in item for item in found), (expected, found)
    assert any(item.startswith("datum") for item in found)
    assert any(item.startswith("cursusjaar") for item in found)
    assert not any("2.100" in item for item in found)
    assert hand_written_values("Zie {{feit:a.b}} en {{cursusjaar}}; {{casus:€ 12}}.") == []


def test_no_fact_value_is_written_by_hand_in_learner_text():
    """Each amount, %, phone number, hour count, age limit and date comes from a fact."""
    problems = [
        f"{where}: {value}"
        for where, text in written_texts()
        for value in hand_written_values(text)
    ]
    assert not problems, (
        f"{len(problems)} values written by hand (use {{{{feit:…}}}}, or {{{{casus:…}}}} for "
        "a fictional case):\n" + "\n".join(problems)
    )


def _distinctive_values() -> dict[float, list[str]]:
    """Numeric fact values that cannot be an everyday count (≥ 100, or with decimals)."""
    values: dict[float, list[str]] = {}
    for key, item in load_facts().items():
        if isinstance(item.value, int | float) and not isinstance(item.value, bool):
            number = float(item.value)
            if number >= 100 or number != int(number):
                values.setdefault(round(number, 2), []).append(key)
    return values


def _numbers_in_code(source: str) -> list[tuple[int, float]]:
    # IPython magics (%%capture, %xmode) are not Python: blank them, keep the line numbers
    python = "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )
    tree = ast.parse(python)
    return [
        (node.lineno, float(node.value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ]


def test_answer_keys_hold_no_hand_written_fact_values():
    """Assignment code and practice answers name facts: a literal 40857 would go stale."""
    distinctive = _distinctive_values()
    problems = []
    for path in sorted(ASSIGNMENTS.glob("*/*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if _pinned(nb):
            continue
        for index, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = PLACEHOLDER.sub("None", _source(cell))
            lines = source.splitlines()
            for line, number in _numbers_in_code(source):
                if round(number, 2) in distinctive and "# casus" not in lines[line - 1]:
                    keys = distinctive[round(number, 2)]
                    problems.append(f"{path.name} cel {index}: {number:g} (= {', '.join(keys)})")
    for path in sorted(COURSE.rglob("*.oefenvragen.toml")):
        text = path.read_text(encoding="utf-8")
        if PINNED_YEAR.search(text):
            continue
        for index, question in enumerate(tomllib.loads(_quote_placeholders(text))["questions"]):
            answer = question.get("answer")
            numeric = isinstance(answer, int | float) and not question.get("casus")
            if numeric and round(float(answer), 2) in distinctive:
                problems.append(f"{path.name} vraag {index + 1}: answer {answer}")
    assert not problems, "fact values written by hand in answer keys:\n" + "\n".join(problems)


def test_tools_hold_no_hand_written_fact_values():
    """The calculators read facts (fact("…")); a literal copy of a fact's value is stale."""
    distinctive = _distinctive_values()
    problems = []
    for path in sorted((COURSE / "tools").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for line, number in _numbers_in_code(source):
            if round(number, 2) in distinctive:
                keys = ", ".join(distinctive[round(number, 2)])
                problems.append(f"{path.relative_to(ROOT)}:{line}: {number:g} (= {keys})")
    assert not problems, "\n".join(problems)


# --- every use follows the fact ---------------------------------------------------------


def _learner_files() -> list[Path]:
    files = [p for p in notebooks()]
    return files + sorted(COURSE.rglob("*.oefenvragen.toml")) + DATA_FILES


def _year_of(path: Path) -> int:
    """The year a file is filled for: its pinned year, else the course year."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        pinned = json.loads(text).get("metadata", {}).get("sleutelpersonen", {}).get("cursusjaar")
    else:
        found = PINNED_YEAR.search(text)
        pinned = found.group(1) if found else None
    return int(pinned) if pinned else course_year()


def _uses() -> dict[str, list[Path]]:
    """For each fact: the learner files of the course year that name it."""
    uses: dict[str, list[Path]] = {}
    year = course_year()
    for path in _learner_files():
        if _year_of(path) != year:
            continue  # pinned to another year (history): filled with that year's facts
        for usage in usages(path.read_text(encoding="utf-8")):
            if path not in uses.setdefault(usage.key, []):
                uses[usage.key].append(path)
    return uses


def test_pages_pinned_to_a_year_fill_with_that_years_facts():
    problems = []
    for path in _learner_files():
        year = _year_of(path)
        if year == course_year():
            continue
        facts = load_facts(year)
        for usage in usages(path.read_text(encoding="utf-8")):
            if usage.key not in facts:
                problems.append(f"{path.name}: {usage.key} has no value for {year}")
    assert not problems, "\n".join(problems)


def _filled(path: Path, facts: dict[str, Fact], year: int) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        nb = json.loads(text)
        pinned = nb.get("metadata", {}).get("sleutelpersonen", {}).get("cursusjaar")
        if pinned and int(pinned) != year:
            return ""
        return json.dumps(fill_notebook(nb, facts, year), ensure_ascii=False)
    if PINNED_YEAR.search(text):
        return ""
    return fill(text, facts, year)


def _changed(item: Fact) -> Fact:
    value = item.value
    if isinstance(value, str):
        new = f"GEWIJZIGD {value}"
    elif isinstance(value, float) and value != int(value):
        new = round(value + 0.37, 2) if value < 100 else round(value * 3 + 0.37, 2)
    else:
        new = int(value) * 3 + 7
    return Fact(**{**item.__dict__, "value": new})


def test_every_fact_in_use_has_a_value_in_the_course_year():
    """A fact named in the course but missing for the course year cannot be filled in."""
    facts = load_facts()
    missing = {key: paths for key, paths in _uses().items() if key not in facts}
    assert not missing, "\n".join(
        f"{key}: no value for {course_year()}, used in {', '.join(p.name for p in paths)}"
        for key, paths in sorted(missing.items())
    )


def test_changing_a_fact_changes_every_place_that_uses_it():
    """For each fact: fill everything with the fact changed; each user shows the new value."""
    facts, year = load_facts(), course_year()
    uses = _uses()
    assert uses, "no lesson or assignment names a fact yet"
    base = {path: _filled(path, facts, year) for paths in uses.values() for path in paths}
    failures = []
    for key, paths in sorted(uses.items()):
        if key not in facts:
            continue
        changed = _changed(facts[key])
        other = {**facts, key: changed}
        for path in paths:
            if not base[path]:
                continue
            after = _filled(path, other, year)
            new = {display(changed), display(changed, code=True)}
            if after == base[path] or not any(
                json.dumps(n)[1:-1] in after or n in after for n in new
            ):
                failures.append(f"{key}: {path.relative_to(ROOT)} does not follow the change")
    assert not failures, "\n".join(failures)


# --- the filling itself -----------------------------------------------------------------


def _fact(value, unit="euro per jaar", day=dt.date(2027, 1, 1), key="x.y") -> Fact:
    return Fact(key, value, unit, day.year, "https://example.org", day, "HIGH", "", day)


def test_placeholders_are_filled_in_the_readers_form():
    facts = {
        "a.euro": _fact(1200),
        "a.cent": _fact(14.71, "euro bruto per uur"),
        "a.pct": _fact(12.7, "procent van de winst"),
        "a.uren": _fact(1225, "uur per kalenderjaar"),
        "a.naam": _fact("SVB", "wie"),
        "a.jaar": _fact(2005, "jaar waarin de test verscheen"),
    }
    text = (
        "{{feit:a.euro}} {{feit:a.cent}} {{feit:a.pct}} {{feit:a.uren}} {{feit:a.naam}} "
        "{{feit:a.pct|getal}} procent, vanaf {{feit:a.euro|vanaf}}, in {{cursusjaar}} "
        "en {{cursusjaar+1}}; {{casus:€ 2.100}}"
    )
    assert fill("{{feit:a.jaar}}", facts, 2027) == "2005"
    assert fill(text, facts, 2027) == (
        "€ 1.200 € 14,71 12,7% 1.225 SVB 12,7 procent, vanaf 1 januari 2027, in 2027 "
        "en 2028; € 2.100"
    )
    code = "vragen.check_number(4, {{feit:a.euro}}); x = {{feit:a.cent}}; n = {{feit:a.naam}}"
    assert fill(code, facts, 2027, code=True) == (
        "vragen.check_number(4, 1200); x = 14.71; n = 'SVB'"
    )


def test_unknown_or_missing_facts_and_bad_formats_are_refused():
    with pytest.raises(FactFillError, match="unknown fact"):
        fill("{{feit:bestaat.niet}}", {}, 2027)
    key = next(iter(load_records()))
    with pytest.raises(FactFillError, match="no value for 2027"):
        fill(f"{{{{feit:{key}}}}}", {}, 2027)
    with pytest.raises(FactFillError, match="unknown format"):
        fill("{{feit:a|vet}}", {"a": _fact(1)}, 2027)
    with pytest.raises(FactFillError, match="not a placeholder"):
        fill("{{ feit a }}", {}, 2027)


def test_a_yearly_fact_has_no_value_in_a_year_nobody_entered():
    def value(v, day):
        return DatedValue(v, day, "https://x", dt.date(2026, 12, 6), "HIGH")

    yearly = FactRecord("z", "euro", YEARLY, (value(1200, dt.date(2026, 1, 1)),))
    assert yearly.value_on(dt.date(2026, 6, 1)).value == 1200
    assert yearly.value_on(dt.date(2027, 1, 1)) is None
    both = FactRecord(
        "z", "euro", YEARLY, (value(1200, dt.date(2026, 1, 1)), value(900, dt.date(2027, 1, 1)))
    )
    assert both.value_on(dt.date(2026, 12, 31)).value == 1200
    assert both.value_on(dt.date(2027, 1, 1)).value == 900
    half = FactRecord("m", "euro", "halfjaarlijks", (value(14.71, dt.date(2026, 1, 1)),))
    assert half.value_on(dt.date(2026, 3, 1)).value == 14.71
    assert half.value_on(dt.date(2026, 7, 1)) is None  # the July value was never entered
    stable = FactRecord(
        "t", "telefoonnummer", "bij wetswijziging", (value("112", dt.date(2020, 1, 1)),)
    )
    assert stable.value_on(dt.date(2030, 1, 1)).value == "112"


def test_a_lesson_shows_the_value_date_and_source_of_each_fact():
    key, item = next((k, f) for k, f in load_facts().items() if isinstance(f.value, int))
    text = f"Het is {{{{feit:{key}}}}}. " + "Een lange uitleg over de regel. " * 10
    nb = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": text},
            {"cell_type": "markdown", "metadata": {}, "source": "Klaar? Klik hieronder."},
            {"cell_type": "code", "metadata": {}, "source": "lesson_footer()", "outputs": []},
        ],
        "metadata": {},
    }
    cells = fill_lesson(nb)["cells"]
    assert [c["source"][:6] for c in cells[2:]] == ["Klaar?", "lesson"]  # lead-in, button
    table = cells[1]["source"]
    assert "feiten-bronnen" in cells[1]["metadata"]["tags"]
    assert display(item) in table and item.source in table
    assert format_date_words(item.valid_from) in table


def test_a_text_file_may_pin_its_year():
    key = next(k for k, r in load_records().items() if r.values[0].valid_from.year <= 2026)
    text = f'cursusjaar = 2026\nq = "{{{{feit:{key}|vanafjaar}}}}"\n'
    assert "q = " in fill_text(text, 2099)


def test_the_actualiteiten_of_a_past_year_are_pinned_to_that_year():
    """Next year's course must not fill '2027 changes' with 2028 facts: past years are pinned."""
    from course.catalog import load_catalog

    problems = []
    for refresher in load_catalog().refreshers:
        files = [lesson.path for lesson in refresher.lessons]
        files += [p for a in refresher.assignments for p in (ASSIGNMENTS / a.id).glob("*.ipynb")]
        files += [p.with_name(p.stem + ".oefenvragen.toml") for p in files if p.suffix == ".ipynb"]
        for path in (p for p in files if p.is_file()):
            year = _year_of(path)
            if refresher.number < course_year() and year != refresher.number:
                problems.append(f"{path.name}: pin it to {refresher.number}")
            if refresher.number > course_year():
                problems.append(f"{path.name}: actualiteiten {refresher.number} before its year")
    assert not problems, "\n".join(problems)
