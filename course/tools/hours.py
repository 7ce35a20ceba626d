"""Hours tracker for the urencriterium: log hours per week by kind, see the year total.

The urencriterium asks for at least 1.225 hours a calendar year on the business (the number
comes from the facts data). Hours for clients count, and so do indirect hours
(administration, finding clients, travel). Hours that are not for the business (a job,
volunteer work) are kept apart and do not count.

The log is the learner's own data: it is stored in ``urenregistratie.json`` in the learner
home (``course.storage``, owner-only), outside every assignment folder, and is never handed
in. "Wis mijn gegevens" deletes it, backups included. One entry per ISO week::

    {"2026-W05": {"direct": 20, "administratie": 3, "reizen": 2.5}}

Pure functions do the work (``clean_week``, ``set_week``, ``year_summary``); a lesson cell
shows the form with ``hours_widget()``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course.facts import Fact, load_facts
from course.messages.module3 import HoursText as T
from course.numbers import format_day_month, format_number, parse_number_strict
from course.storage import JsonStore, delete_private, learner_home
from course.widgets import DeleteConfirmation, problems_html, status_html

LOG_FILE_NAME = "urenregistratie.json"
HOURS_PER_WEEK_MAX = 7 * 24
CELL_STYLE = "text-align:right;padding:0 1.5em"
_WEEK_KEY = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class Kind:
    """A kind of hours: its key in the log and whether it counts (and is direct work)."""

    key: str
    counts: bool
    direct: bool = False

    @property
    def label(self) -> str:
        """The Dutch label of the form field, e.g. "Administratie:"."""
        return T.KIND_LABELS[self.key]

    @property
    def help(self) -> str:
        """What belongs to this kind, in Dutch."""
        return T.KIND_HELP[self.key]


KINDS = (
    Kind("direct", counts=True, direct=True),
    Kind("administratie", counts=True),
    Kind("acquisitie", counts=True),
    Kind("reizen", counts=True),
    Kind("niet_bedrijf", counts=False),
)

CRITERION_KEY = "urencriterium.uren_per_jaar"


@cache
def _fact(key: str) -> Fact:
    """One fact with its source (from course/data/feiten.toml)."""
    return load_facts()[key]


def criterion_hours() -> float:
    """The urencriterium: minimum hours per calendar year (from the facts data)."""
    return float(_fact(CRITERION_KEY).value)


def week_key(year: int, week: int) -> str:
    """The log key of an ISO week: ``week_key(2026, 5)`` → ``"2026-W05"``."""
    if not 1 <= week <= weeks_in_year(year):
        raise ValueError(T.BAD_WEEK.format(week=week, year=year))
    return f"{year:04d}-W{week:02d}"


def parse_week_key(key: str) -> tuple[int, int] | None:
    """``"2026-W05"`` → ``(2026, 5)``; ``None`` for anything else."""
    match = _WEEK_KEY.match(key)
    if not match:
        return None
    year, week = int(match.group(1)), int(match.group(2))
    return (year, week) if 1 <= week <= weeks_in_year(year) else None


def weeks_in_year(year: int) -> int:
    """52 or 53: the number of ISO weeks in ``year``."""
    return dt.date(year, 12, 28).isocalendar().week


def week_dates(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def _label(kind_key: str) -> str:
    return next(kind.label for kind in KINDS if kind.key == kind_key).rstrip(":")


def clean_week(hours: dict[str, float]) -> dict[str, float]:
    """Validate one week's hours by kind; drop zeros. Raises ``ValueError`` (Dutch)."""
    known = {kind.key for kind in KINDS}
    cleaned: dict[str, float] = {}
    for key, value in hours.items():
        if key not in known:
            raise ValueError(T.UNKNOWN_KIND.format(kind=key))
        if value < 0:
            raise ValueError(T.NEGATIVE.format(label=_label(key)))
        if value > HOURS_PER_WEEK_MAX:
            raise ValueError(T.TOO_MANY_KIND.format(label=_label(key), max=HOURS_PER_WEEK_MAX))
        if value:
            cleaned[key] = float(value)
    total = sum(cleaned.values())
    if total > HOURS_PER_WEEK_MAX:
        raise ValueError(T.TOO_MANY_WEEK.format(hours=format_number(total), max=HOURS_PER_WEEK_MAX))
    return cleaned


def set_week(log: dict, year: int, week: int, hours: dict[str, float]) -> dict:
    """A new log with this week's hours replaced (an empty week is removed)."""
    key = week_key(year, week)
    cleaned = clean_week(hours)
    new = {k: v for k, v in log.items() if k != key}
    if cleaned:
        new[key] = cleaned
    return new


def valid_entries(data: dict) -> dict[str, dict[str, float]]:
    """The well-formed weeks of a stored log; anything else is skipped, never fatal."""
    entries = {}
    for key, value in data.items():
        if parse_week_key(key) is None or not isinstance(value, dict):
            continue
        try:
            hours = {
                k: float(v)
                for k, v in value.items()
                if isinstance(v, int | float) and not isinstance(v, bool)
            }
            entries[key] = clean_week(hours)
        except ValueError:
            continue
    return entries


@dataclass(frozen=True)
class YearSummary:
    """The totals of one calendar year against the urencriterium."""

    year: int
    limit: float
    per_kind: dict[str, float]
    weeks_logged: int
    weeks_left: int | None

    @property
    def direct(self) -> float:
        return sum(h for k, h in self.per_kind.items() if _kind(k).direct)

    @property
    def indirect(self) -> float:
        return sum(h for k, h in self.per_kind.items() if _kind(k).counts and not _kind(k).direct)

    @property
    def counted(self) -> float:
        return self.direct + self.indirect

    @property
    def not_counted(self) -> float:
        return sum(h for k, h in self.per_kind.items() if not _kind(k).counts)

    @property
    def remaining(self) -> float:
        return max(0.0, self.limit - self.counted)

    @property
    def met(self) -> bool:
        return self.counted >= self.limit

    @property
    def needed_per_week(self) -> float | None:
        """Average hours per remaining week to reach the limit (``None`` if unknown/none)."""
        if self.met or not self.weeks_left:
            return None
        return self.remaining / self.weeks_left


def _kind(key: str) -> Kind:
    return next(kind for kind in KINDS if kind.key == key)


def weeks_left(year: int, today: dt.date | None) -> int | None:
    """Whole ISO weeks after this one that are left in ``year`` (``None`` without a date)."""
    if today is None:
        return None
    this_year, this_week, _ = today.isocalendar()
    if year > this_year:
        return weeks_in_year(year)
    if year < this_year:
        return 0
    return weeks_in_year(year) - this_week


def year_summary(log: dict, year: int, today: dt.date | None = None) -> YearSummary:
    """Add up the hours of ``year`` by kind; compare them with the urencriterium."""
    per_kind = {kind.key: 0.0 for kind in KINDS}
    weeks = 0
    for key, hours in valid_entries(log).items():
        parsed = parse_week_key(key)
        if parsed is None or parsed[0] != year:
            continue
        weeks += 1
        for kind, value in hours.items():
            per_kind[kind] += value
    return YearSummary(year, criterion_hours(), per_kind, weeks, weeks_left(year, today))


def hours_store() -> JsonStore:
    """The learner's private hours log (outside every assignment folder, owner-only)."""
    return JsonStore(learner_home() / LOG_FILE_NAME, private=True)


def delete_log(store: JsonStore | None = None) -> list[Path]:
    """Delete the hours log and its backups (no other file); return what was deleted."""
    path = (store or hours_store()).path
    return delete_private(path.name.removesuffix(".json"), path.parent)


def load_log(store: JsonStore | None = None) -> dict[str, dict[str, float]]:
    """The saved log (only well-formed weeks)."""
    return valid_entries((store or hours_store()).load())


def save_week(year: int, week: int, hours: dict[str, float], store: JsonStore | None = None):
    """Save (or, when all zero, remove) one week in the learner's log."""
    store = store or hours_store()
    cleaned = clean_week(hours)
    store.update(week_key(year, week), cleaned or None)


def render_summary(summary: YearSummary) -> str:
    """The year total against the urencriterium, per kind, with what counts (HTML)."""
    esc = html.escape
    n = format_number
    limit = n(summary.limit)
    parts = [f"<p><strong>{esc(T.SUMMARY_TITLE.format(year=summary.year))}</strong></p>"]
    if not summary.weeks_logged:
        parts.append(f"<p>{esc(T.NOTHING_YET.format(year=summary.year))}</p>")
    else:
        rows = "".join(
            f"<tr><td>{esc(kind.label.rstrip(':'))}</td>"
            f"<td style='{CELL_STYLE}'>{esc(n(round(summary.per_kind[kind.key], 2)))}</td>"
            f"<td>{esc(T.YES if kind.counts else T.NO)}</td></tr>"
            for kind in KINDS
        )
        parts.append(
            "<table><thead><tr>"
            f"<th scope='col'>{esc(T.COL_KIND)}</th>"
            f"<th scope='col' style='padding:0 1.5em'>{esc(T.COL_HOURS)}</th>"
            f"<th scope='col'>{esc(T.COL_COUNTS)}</th>"
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        lines = [
            T.ONE_WEEK_LOGGED
            if summary.weeks_logged == 1
            else T.WEEKS_LOGGED.format(count=summary.weeks_logged),
            T.DIRECT_TOTAL.format(hours=n(round(summary.direct, 2))),
            T.INDIRECT_TOTAL.format(hours=n(round(summary.indirect, 2))),
        ]
        if summary.not_counted:
            lines.append(T.NOT_COUNTED.format(hours=n(round(summary.not_counted, 2))))
        parts.append("<ul>" + "".join(f"<li>{esc(line)}</li>" for line in lines) + "</ul>")
    counted = T.COUNTED_TOTAL.format(hours=n(round(summary.counted, 2)), limit=limit)
    value = min(summary.counted, summary.limit)
    parts.append(
        f"<p><strong>{esc(counted)}</strong></p>"
        f'<progress max="{summary.limit:g}" value="{value:g}" '
        f'aria-label="{esc(T.PROGRESS_LABEL.format(limit=limit), quote=True)}"></progress>'
    )
    if summary.met:
        status = T.MET.format(limit=limit, year=summary.year)
    else:
        status = T.REMAINING.format(hours=n(round(summary.remaining, 2)), limit=limit)
        if summary.weeks_left == 0:
            status += " " + T.NO_WEEKS_LEFT
        elif summary.needed_per_week is not None:
            status += " " + T.PER_WEEK.format(
                hours=n(round(summary.needed_per_week, 1)), weeks=summary.weeks_left
            )
            if summary.needed_per_week > HOURS_PER_WEEK_MAX:
                status += " " + T.IMPOSSIBLE
    parts.append(f"<p>{esc(status)}</p>")
    source = _fact(CRITERION_KEY).source
    parts.append(
        f"<p>{esc(T.WHAT_COUNTS)} "
        f'<a href="{esc(source, quote=True)}" target="_blank" rel="noopener">'
        f"{esc(T.SOURCE)}</a></p>"
    )
    return f'<div class="sp-hours-summary" role="status">{"".join(parts)}</div>'


def _read_hours(text: str, label: str) -> float:
    if not text.strip():
        return 0.0
    reading = parse_number_strict(text)
    if reading.ambiguous:
        raise ValueError(f"{label.rstrip(':')}: {reading.question}")
    if reading.value is None:
        raise ValueError(T.NOT_A_NUMBER.format(text=text.strip()))
    if reading.value < 0:
        raise ValueError(T.NEGATIVE.format(label=label.rstrip(":")))
    return reading.value


def _header_html() -> str:
    help_html = "".join(
        f"<li><strong>{html.escape(kind.label.rstrip(':'))}</strong>: {html.escape(kind.help)}</li>"
        for kind in KINDS
    )
    return (
        f"<p><strong>{html.escape(T.TITLE)}</strong></p>"
        f"<p>{html.escape(T.INTRO)}</p><ul>{help_html}</ul>"
        f"<p>{html.escape(T.PRIVATE)}</p>"
    )


class HoursTracker:
    """The form: year and week, hours per kind, save and clear buttons, the year summary."""

    def __init__(self, store: JsonStore | None = None, today: dt.date | None = None) -> None:
        self.store = store or hours_store()
        self.today = today or dt.date.today()
        style = {"description_width": "11em"}
        layout = widgets.Layout(width="26em")
        this_year, this_week, _ = self.today.isocalendar()
        self.year = widgets.Dropdown(
            options=[this_year - 1, this_year, this_year + 1],
            value=this_year,
            description=T.LABEL_YEAR,
            style=style,
            layout=layout,
        )
        self.week = widgets.Dropdown(
            options=self._week_options(this_year),
            value=this_week,
            description=T.LABEL_WEEK,
            style=style,
            layout=widgets.Layout(width="36em"),
        )
        self.fields = {
            kind.key: widgets.Text(
                description=kind.label,
                placeholder=T.PLACEHOLDER,
                tooltip=kind.help,
                continuous_update=False,
                style=style,
                layout=layout,
            )
            for kind in KINDS
        }
        self.save_button = widgets.Button(
            description=T.SAVE, tooltip=T.SAVE_TOOLTIP, button_style="primary"
        )
        self.clear_button = widgets.Button(description=T.CLEAR, tooltip=T.CLEAR_TOOLTIP)
        self.status = widgets.HTML()
        self.summary = widgets.HTML()
        self.delete = DeleteConfirmation(T.DELETE_QUESTION, self.delete_all)
        self.year.observe(self._year_changed, names="value")
        self.week.observe(self._week_changed, names="value")
        self.save_button.on_click(self.save)
        self.clear_button.on_click(self.clear)
        self.box = widgets.VBox(
            [
                widgets.HTML(_header_html()),
                self.year,
                self.week,
                *self.fields.values(),
                widgets.HBox([self.save_button, self.clear_button]),
                self.status,
                self.summary,
                self.delete.box,
                self.delete.status,
            ]
        )
        self.box.add_class("sp-hours")
        self._load_week()
        self._show_summary()

    def _week_options(self, year: int) -> list[tuple[str, int]]:
        options = []
        for week in range(1, weeks_in_year(year) + 1):
            start, end = week_dates(year, week)
            label = T.WEEK_OPTION.format(
                week=week, start=format_day_month(start), end=format_day_month(end)
            )
            options.append((label, week))
        return options

    def _year_changed(self, _change=None) -> None:
        week = min(self.week.value or 1, weeks_in_year(self.year.value))
        self.week.options = self._week_options(self.year.value)
        self.week.value = week
        self._load_week()
        self._show_summary()

    def _week_changed(self, _change=None) -> None:
        self.status.value = ""
        self._load_week()

    def _load_week(self) -> None:
        saved = load_log(self.store).get(week_key(self.year.value, self.week.value), {})
        for key, field in self.fields.items():
            field.value = format_number(saved[key]) if key in saved else ""

    def _show_summary(self) -> None:
        log = load_log(self.store)
        html_parts = []
        if self.store.problem:
            html_parts.append(f'<p role="alert">{html.escape(T.CORRUPT)}</p>')
        if self.store.backup:
            html_parts.append(f"<p>{html.escape(T.BACKUP.format(name=self.store.backup.name))}</p>")
        summary = year_summary(log, self.year.value, self.today)
        self.summary.value = "".join(html_parts) + render_summary(summary)

    def save(self, _button=None) -> None:
        """Save the hours typed for the chosen week (all empty or 0 removes the week)."""
        hours, problems = {}, []
        for key, field in self.fields.items():
            try:
                hours[key] = _read_hours(field.value, field.description)
            except ValueError as problem:
                problems.append(str(problem))
        if not problems:
            try:
                save_week(self.year.value, self.week.value, hours, self.store)
            except ValueError as problem:
                problems.append(str(problem))
        if problems:
            self.status.value = problems_html(T.FIX_FIRST, problems)
            return
        done = T.SAVED if any(hours.values()) else T.CLEARED
        self.status.value = status_html(done.format(week=self.week.value))
        self._load_week()
        self._show_summary()

    def clear(self, _button=None) -> None:
        """Remove the chosen week from the log."""
        for field in self.fields.values():
            field.value = ""
        self.save()

    def delete_all(self) -> None:
        """Delete the whole log and its backups (after "Ja, wis alles"); empty the form."""
        deleted = delete_log(self.store)
        self.store.backup = None
        for field in self.fields.values():
            field.value = ""
        self._show_summary()
        self.status.value = ""
        self.delete.status.value = status_html(T.DELETED if deleted else T.NOTHING_TO_DELETE)


def hours_widget() -> None:
    """Show the hours tracker in a lesson."""
    display(HoursTracker().box)
