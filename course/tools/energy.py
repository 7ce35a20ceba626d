"""The energy planner: what in a week gives energy and what costs energy (private).

A learner lists up to ten activities of a normal week, with the hours per week and whether
each one gives or costs energy on a five-point scale (-2 … +2). The planner adds this up to
"energy points" (hours x scale) and shows a balance with a short, non-judging text. It is a
thinking aid, not a test and not a diagnosis. The logic lives in pure functions::

    week = read_week([("Werk", "40", -1), ("Sporten", "2", 2)])
    summary = balance(week.activities)      # summary.level is Level.WATCH, …
    render_week(week)                       # HTML for the lesson

A lesson cell shows the planner with ``energy_planner()`` and an example week (not saved)
with ``show_week([...], title=...)``.

Privacy: what the learner types is saved only in the learner's private folder
(``<learner home>/privé/energieplanner.json``, owner-only, see ``course.storage``), never
next to the notebook and never in an assignment folder, so it is not handed in or graded. A
visible button "Wis mijn gegevens" deletes the file (after a confirmation step).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from course.messages.module2 import EnergyText as T
from course.numbers import format_number, parse_number
from course.storage import PRIVATE_FOLDER, JsonStore, delete_private, learner_home
from course.widgets import DeleteConfirmation, status_html

# How many activity rows the planner shows, and the hours in a week (a sanity limit).
ROWS = 10
HOURS_PER_WEEK = 168
# The five-point scale: -2 (costs a lot) … +2 (gives a lot).
SCALE = tuple(sorted(T.EFFECTS))

DATA_NAME = "energieplanner"
DATA_FILE = f"{DATA_NAME}.json"
STORE_KEY = "week"


class Level(Enum):
    """The balance of a week, as the planner names it."""

    EMPTY = "empty"
    BALANCED = "balanced"
    WATCH = "watch"
    OUT = "out"


@dataclass(frozen=True)
class Activity:
    """One activity: a name, hours per week and an effect from -2 (costs a lot) to +2."""

    name: str
    hours: float
    effect: int

    def __post_init__(self):
        if self.effect not in SCALE:
            raise ValueError(f"effect must be one of {SCALE}, not {self.effect!r}")
        if self.hours < 0:
            raise ValueError(f"hours cannot be negative: {self.hours}")

    @property
    def points(self) -> float:
        """Energy points: hours x effect (negative when it costs energy)."""
        return self.hours * self.effect


@dataclass(frozen=True)
class Balance:
    """The totals of a week: hours and points that give, cost, or are neutral."""

    gives_hours: float = 0.0
    gives_points: float = 0.0
    costs_hours: float = 0.0
    costs_points: float = 0.0  # a positive number: how much the week costs
    neutral_hours: float = 0.0
    count: int = 0

    @property
    def points(self) -> float:
        """What the week gives minus what it costs."""
        return self.gives_points - self.costs_points

    @property
    def total_hours(self) -> float:
        return self.gives_hours + self.costs_hours + self.neutral_hours

    @property
    def level(self) -> Level:
        """Balanced when it gives at least what it costs; "watch" up to twice; else "out".

        The thresholds are a teaching aid to start reflecting, not a research finding.
        """
        if self.count == 0:
            return Level.EMPTY
        if self.costs_points <= self.gives_points:
            return Level.BALANCED
        if self.costs_points <= 2 * self.gives_points:
            return Level.WATCH
        return Level.OUT


def balance(activities: Iterable[Activity]) -> Balance:
    """Add up a week of activities."""
    gives_hours = gives_points = costs_hours = costs_points = neutral_hours = 0.0
    count = 0
    for activity in activities:
        count += 1
        if activity.effect > 0:
            gives_hours += activity.hours
            gives_points += activity.points
        elif activity.effect < 0:
            costs_hours += activity.hours
            costs_points -= activity.points
        else:
            neutral_hours += activity.hours
    return Balance(gives_hours, gives_points, costs_hours, costs_points, neutral_hours, count)


@dataclass(frozen=True)
class Week:
    """What the learner filled in: complete activities, problems to fix, incomplete rows."""

    activities: tuple[Activity, ...] = ()
    problems: tuple[str, ...] = ()
    incomplete: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def read_hours(text: str, number: int = 1) -> float | None:
    """Hours per week as typed (Dutch notation); ``None`` when empty.

    Raises ``ValueError`` with a Dutch message for text, a negative number or more hours
    than a week has.
    """
    text = str(text).strip()
    if not text:
        return None
    hours = parse_number(text)
    if hours is None:
        raise ValueError(T.BAD_HOURS.format(number=number, text=text))
    if hours < 0:
        raise ValueError(T.NEGATIVE_HOURS.format(number=number, text=text))
    if hours > HOURS_PER_WEEK:
        raise ValueError(T.TOO_MANY_HOURS.format(number=number, week=HOURS_PER_WEEK))
    return hours


def _effect(value) -> int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    return int(value) if value in SCALE else None


def read_week(entries: Iterable[Sequence]) -> Week:
    """Read rows of ``(activity, hours text, effect)``; effect ``None`` or "" = not chosen.

    Empty rows are skipped. A row without hours or effect is "incomplete" and does not count
    yet. A row without a name gets "Activiteit N".
    """
    activities: list[Activity] = []
    problems: list[str] = []
    incomplete: list[int] = []
    for number, (name, hours_text, effect_value) in enumerate(entries, start=1):
        name = str(name or "").strip()
        effect = _effect(effect_value)
        try:
            hours = read_hours(hours_text or "", number)
        except ValueError as problem:
            problems.append(str(problem))
            continue
        if not name and hours is None and effect is None:
            continue
        if hours is None or effect is None:
            incomplete.append(number)
            continue
        activities.append(Activity(name or T.ROW_NAME.format(number=number), hours, effect))
    warnings = []
    total = sum(activity.hours for activity in activities)
    if total > HOURS_PER_WEEK:
        warnings.append(T.WEEK_TOO_LONG.format(hours=format_number(total), week=HOURS_PER_WEEK))
    return Week(tuple(activities), tuple(problems), tuple(incomplete), tuple(warnings))


def summary_text(summary: Balance) -> str:
    """The totals as one plain sentence (also read by screen readers)."""
    return T.SUMMARY.format(
        gives_hours=format_number(summary.gives_hours),
        gives_points=format_number(summary.gives_points),
        costs_hours=format_number(summary.costs_hours),
        costs_points=format_number(summary.costs_points),
        balance=format_number(summary.points),
    )


def _bar(label: str, hours: float, points: float, widest: float, colour: str) -> str:
    width = 0 if widest <= 0 else round(100 * points / widest)
    line = T.BAR_LINE.format(hours=format_number(hours), points=format_number(points))
    return (
        f'<div class="sp-energy-bar"><span>{html.escape(label)}: {html.escape(line)}</span>'
        f'<div aria-hidden="true" style="background:{colour};height:1.1em;width:{width}%;'
        f'min-width:{2 if width else 0}px;margin:0.15em 0 0.4em 0"></div></div>'
    )


_LEFT = "text-align:left;padding:0.2em 0.8em 0.2em 0"
_RIGHT = "text-align:right;padding:0.2em 0.8em 0.2em 0"


def _table(activities: Sequence[Activity]) -> str:
    rows = "".join(
        f'<tr><td style="{_LEFT}">{html.escape(a.name)}</td>'
        f'<td style="{_RIGHT}">{format_number(a.hours)}</td>'
        f'<td style="{_LEFT}">{html.escape(T.EFFECTS[a.effect])}</td>'
        f'<td style="{_RIGHT}">{format_number(a.points)}</td></tr>'
        for a in activities
    )
    aligns = (_LEFT, _RIGHT, _LEFT, _RIGHT)
    columns = (T.COL_ACTIVITY, T.COL_HOURS, T.COL_EFFECT, T.COL_POINTS)
    head = "".join(
        f'<th scope="col" style="{align}">{html.escape(c)}</th>'
        for align, c in zip(aligns, columns, strict=True)
    )
    return (
        f'<table class="sp-energy-table"><caption style="text-align:left">'
        f"{html.escape(T.TABLE_CAPTION)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def render_week(week: Week, title: str = "") -> str:
    """The result as HTML: the balance in words, two bars, the activities and a disclaimer."""
    parts = []
    if title:
        parts.append(f"<p><strong>{html.escape(title)}</strong></p>")
    if week.problems:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in week.problems)
        parts.append(f"<p><strong>{html.escape(T.FIX_FIRST)}</strong></p><ul>{items}</ul>")
    notes = [*week.warnings, *(T.INCOMPLETE.format(number=n) for n in week.incomplete)]
    if notes:
        parts.append("<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    summary = balance(week.activities)
    if summary.level is Level.EMPTY:
        if not week.problems:
            parts.append(f"<p>{html.escape(T.START)}</p>")
    else:
        head, text = T.LEVELS[summary.level.value]
        widest = max(summary.gives_points, summary.costs_points)
        parts.append(
            f'<p class="sp-energy-level sp-energy-{summary.level.value}">'
            f"<strong>{html.escape(head)}</strong> {html.escape(text)}</p>"
            + _bar(T.BAR_GIVES, summary.gives_hours, summary.gives_points, widest, "#1e6b34")
            + _bar(T.BAR_COSTS, summary.costs_hours, summary.costs_points, widest, "#a4262c")
            + f"<p>{html.escape(summary_text(summary))}</p>"
            + _table(week.activities)
        )
    parts.append(f"<p><em>{html.escape(T.DISCLAIMER)}</em></p>")
    return f'<div class="sp-energy-result" role="status">{"".join(parts)}</div>'


def show_week(entries: Iterable[Sequence], title: str = "") -> None:
    """Show an example week in a lesson (nothing is saved): rows of (name, hours, effect)."""
    rows = [(name, format_number(float(hours)), effect) for name, hours, effect in entries]
    display(HTML(render_week(read_week(rows), title)))


# Storage: only in the learner's private folder.


def data_path(home: Path | None = None) -> Path:
    """Where the planner is saved: ``<learner home>/privé/energieplanner.json``."""
    return Path(home or learner_home()) / PRIVATE_FOLDER / DATA_FILE


def energy_store(home: Path | None = None) -> JsonStore:
    """The planner's file in the learner's private folder (owner-only once saved)."""
    return JsonStore(data_path(home), private=True)


def rows_to_data(entries: Iterable[Sequence]) -> list[dict]:
    """The non-empty rows as saved: ``{"row": 3, "activity": …, "hours": "2,5", "effect": -1}``."""
    saved = []
    for number, (name, hours_text, effect_value) in enumerate(entries, start=1):
        name = str(name or "").strip()
        hours_text = str(hours_text or "").strip()
        effect = _effect(effect_value)
        if name or hours_text or effect is not None:
            saved.append({"row": number, "activity": name, "hours": hours_text, "effect": effect})
    return saved


def data_to_rows(data: object, rows: int = ROWS) -> list[tuple[str, str, int | None]]:
    """Saved rows back into ``rows`` form rows; anything malformed is left out."""
    result: list[tuple[str, str, int | None]] = [("", "", None)] * rows
    items = data.get("rows", []) if isinstance(data, dict) else []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        number = item.get("row")
        if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= rows:
            continue
        name = item.get("activity")
        hours = item.get("hours")
        result[number - 1] = (
            name if isinstance(name, str) else "",
            hours if isinstance(hours, str) else "",
            _effect(item.get("effect")),
        )
    return result


def delete_data(store: JsonStore) -> bool:
    """Delete the planner's file and any backups of it; ``True`` if something was deleted.

    Other private files stay; the private folder itself is removed when nothing is left in it.
    """
    path = Path(store.path)
    return bool(delete_private(path.name.removesuffix(".json"), path.parent))


def _row_fields(number: int) -> tuple[widgets.Text, widgets.Text, widgets.Dropdown]:
    """The three labelled fields of one activity row: name, hours and effect."""
    style = {"description_width": "initial"}
    options = [(T.CHOOSE, ""), *((T.EFFECTS[v], v) for v in sorted(SCALE, reverse=True))]
    name = widgets.Text(
        description=T.LABEL_ACTIVITY.format(number=number),
        placeholder=T.PLACEHOLDER_ACTIVITY,
        continuous_update=False,
        style={"description_width": "6.5em"},
        layout=widgets.Layout(width="24em"),
    )
    hours = widgets.Text(
        description=T.LABEL_HOURS,
        placeholder=T.PLACEHOLDER_HOURS,
        continuous_update=False,
        style=style,
        layout=widgets.Layout(width="16em"),
    )
    effect = widgets.Dropdown(
        options=options,
        value="",
        description=T.LABEL_EFFECT,
        style=style,
        layout=widgets.Layout(width="19em"),
    )
    return name, hours, effect


class EnergyPlanner:
    """The planner form: rows on top, the balance below; it saves privately on each change."""

    def __init__(self, store: JsonStore | None = None, rows: int = ROWS) -> None:
        self.store = store or energy_store()
        self._quiet = False
        self.rows = [_row_fields(number) for number in range(1, rows + 1)]
        lines = []
        for row in self.rows:
            for field in row:
                field.observe(self._changed, names="value")
            lines.append(widgets.HBox(list(row), layout=widgets.Layout(flex_flow="row wrap")))
        self.result = widgets.HTML()
        self.status = widgets.HTML()
        self.delete = DeleteConfirmation(T.DELETE_QUESTION, self.confirm_delete, self.status)
        # The names the planner had before the shared delete confirmation.
        self.delete_button, self.confirm = self.delete.button, self.delete.confirm
        self.yes_button, self.no_button = self.delete.yes, self.delete.no
        folder = html.escape(str(Path(self.store.path).parent))
        header = widgets.HTML(
            f"<p><strong>{html.escape(T.TITLE)}</strong></p>"
            f"<p>{html.escape(T.INTRO)} {html.escape(T.POINTS_EXPLAINED)}</p>"
            f"<p><strong>{html.escape(T.PRIVATE)}</strong></p>"
        )
        where = widgets.HTML(f"<p>{html.escape(T.WHERE_SAVED).format(folder=folder)}</p>")
        self.box = widgets.VBox(
            [
                header,
                *lines,
                self.result,
                where,
                self.delete.box,
                self.status,
            ]
        )
        self.box.add_class("sp-energy")
        self._load()

    # Reading and writing the form

    def entries(self) -> list[tuple[str, str, int | str]]:
        """The form as rows of (activity, hours text, effect)."""
        return [(name.value, hours.value, effect.value) for name, hours, effect in self.rows]

    def week(self) -> Week:
        return read_week(self.entries())

    def _fill(self, rows: Sequence[tuple[str, str, int | None]]) -> None:
        self._quiet = True
        try:
            for (name, hours, effect), (saved_name, saved_hours, saved_effect) in zip(
                self.rows, rows, strict=False
            ):
                name.value = saved_name
                hours.value = saved_hours
                effect.value = "" if saved_effect is None else saved_effect
        finally:
            self._quiet = False

    def _load(self) -> None:
        data = self.store.load()
        if self.store.problem:
            self.status.value = status_html(T.LOAD_FAILED)
        self._fill(data_to_rows(data.get(STORE_KEY)))
        self.update()

    def _changed(self, _change=None) -> None:
        if self._quiet:
            return
        self.save()
        self.update()

    def save(self) -> None:
        """Save the form in the private folder (only called after the learner changes it)."""
        rows = rows_to_data(self.entries())
        value = {"rows": rows, "bewaard": datetime.now().isoformat(timespec="seconds")}
        try:
            if rows:
                self.store.update(STORE_KEY, value)
            elif Path(self.store.path).exists():
                self.store.update(STORE_KEY, None)
        except OSError:
            self.status.value = status_html(T.SAVE_FAILED)
            return
        self.status.value = status_html(T.SAVED)

    def update(self) -> None:
        """Show the balance for what is filled in now."""
        self.result.value = render_week(self.week())

    def confirm_delete(self) -> None:
        """Delete the saved planner (after "Ja, wis alles") and empty the form."""
        deleted = delete_data(self.store)
        self._fill([("", "", None)] * len(self.rows))
        self.update()
        self.status.value = status_html(T.DELETED if deleted else T.NOTHING_TO_DELETE)


def energy_planner() -> None:
    """Show the private energy planner in a lesson."""
    display(EnergyPlanner().box)
