"""For course maintainers: which facts have no value yet for a year, and where they are used.

::

    cursusfeiten ontbrekend 2027     # facts without a 2027 value, with every place that uses them
    cursusfeiten toon zelfstandigenaftrek.bedrag

A place is a ``{{feit:…}}`` placeholder in a lesson, practice file or assignment, or a
fact key named in the course code (tools call ``fact("…")``). The command exits with 1
when a fact that is used has no value, so a release script can stop on it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from course import COURSE_DIR
from course.factfill import format_date_words, usages
from course.facts import FactError, load_records, missing_facts, reference_date
from course.messages import factreport as T

REPOSITORY = COURSE_DIR.parent
TEXT_SUFFIXES = (".ipynb", ".toml", ".md")
SEARCHED = ("course", "assignments")


def _files(root: Path) -> list[Path]:
    found = []
    for folder in SEARCHED:
        for path in sorted((root / folder).rglob("*")):
            skip = ".ipynb_checkpoints" in path.parts or "data" in path.parts
            if path.is_file() and not skip and path.suffix in TEXT_SUFFIXES + (".py",):
                found.append(path)
    return found


def places(root: Path = REPOSITORY) -> dict[str, list[str]]:
    """For every fact key: the files (relative, with a count) that name it."""
    keys = set(load_records())
    found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in _files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(root).as_posix()
        if path.suffix == ".py":
            for key in re.findall(r"""["']([a-z0-9_]+(?:\.[a-z0-9_]+)+)["']""", text):
                if key in keys:
                    found[key][where] += 1
        else:
            for usage in usages(text):
                found[usage.key][where] += 1
    return {
        key: [f"{where} ({count}×)" for where, count in sorted(files.items())]
        for key, files in found.items()
    }


@click.group()
def main() -> None:
    """Feiten van de cursus per cursusjaar (voor wie de cursus onderhoudt)."""


@main.command("ontbrekend")
@click.argument("jaar", type=click.IntRange(2000, 2100))
def missing_command(jaar: int) -> None:
    """Toon de feiten zonder waarde voor JAAR en waar ze gebruikt worden."""
    try:
        records = load_records()
        missing = missing_facts(jaar, records)
    except FactError as error:
        raise click.ClickException(str(error)) from None
    used = places()
    console = Console(highlight=False)
    day = format_date_words(reference_date(jaar))
    if not missing:
        console.print(T.NONE_MISSING.format(year=jaar, day=day))
        return
    table = Table(title=T.TITLE.format(year=jaar, day=day, count=len(missing)))
    for heading in T.COLUMNS:
        table.add_column(heading, overflow="fold")
    blocking = 0
    for key in missing:
        record = records[key]
        last = record.values[-1]
        where = used.get(key, [])
        blocking += bool(where)
        table.add_row(
            key,
            record.changes,
            f"{last.value} ({format_date_words(last.valid_from)})",
            "\n".join(where) or T.UNUSED,
        )
    console.print(table)
    console.print(T.SUMMARY.format(used=blocking, unused=len(missing) - blocking, year=jaar))
    if blocking:
        raise SystemExit(1)


@main.command("toon")
@click.argument("sleutel")
def show_command(sleutel: str) -> None:
    """Toon alle gedateerde waarden van één feit, met bron."""
    record = load_records().get(sleutel)
    if record is None:
        raise click.ClickException(T.UNKNOWN.format(key=sleutel))
    console = Console(highlight=False)
    console.print(f"[bold]{sleutel}[/bold] — {record.unit} ({record.changes})")
    for item in record.values:
        console.print(
            f"  {format_date_words(item.valid_from)}: {item.value}  "
            f"[{item.confidence}, {T.CHECKED} {item.checked.isoformat()}] {item.source}"
        )
    for where in places().get(sleutel, []):
        console.print(f"  {T.USED_IN} {where}")


if __name__ == "__main__":
    main()
