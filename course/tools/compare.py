"""Compare three ways to be paid for key-person work: volunteer, paid job, self-employed (zzp).

Lesson m3-l1 ("Betaald of onbetaald?") shows two things, both built from the facts data so the
yearly update is one file:

* a comparison table (income, taxes, insurance, registration, effect on bijstand, risks) as a
  pandas DataFrame, with the source of every figure listed under it::

      comparison_table()          # DataFrame: rows = topics, columns = the three ways
      show_comparison()           # the table as accessible HTML, sources under it

* a simple bar chart of what each way brings in per year for a number of hours per week,
  drawn with matplotlib (Dutch axis labels, patterns as well as colour, values written on
  the bars) and a text alternative under it::

      yearly_amounts(32)          # DataFrame with the estimate per way
      draw_chart(32)              # a matplotlib Figure (no pyplot: works on any backend)
      chart_text(32)              # the text alternative, with assumptions and disclaimer
      chart_widget()              # Dropdown "Uren per week" + chart + text (lesson cell)

The chart is an estimate, not tax advice: gross amounts, 52 weeks a year, age 21 or older,
without holiday pay. A zzp'er has no fixed amount, so that bar is empty and says why.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from course.factfill import format_date_words
from course.facts import Fact, course_year
from course.messages.module3 import CompareText, KnownText
from course.numbers import format_euro, format_number
from course.tools.known import known, old_years

# Teaching assumptions for the chart (stated under it, not facts about the law).
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
HOURS_OPTIONS = (4, 8, 16, 24, 32)
DEFAULT_HOURS = 32
MAX_HOURS = 60


T = CompareText

# Figures in the table: placeholder -> (fact key, how to write it).
FIGURES = {
    "vv_maand": ("vrijwilligersvergoeding.max_per_maand", "euro"),
    "vv_jaar": ("vrijwilligersvergoeding.max_per_jaar", "euro"),
    "vv_uur": ("vrijwilligersvergoeding.per_uur_21_plus", "euro"),
    "vv_leeftijd": ("vrijwilligersvergoeding.leeftijd_uurbedrag", "number"),
    "minimumloon": ("minimumloon.per_uur", "euro"),
    "ml_leeftijd": ("minimumloon.leeftijd", "number"),
    "kvk": ("kvk.inschrijfkosten", "euro"),
    "bijstand_leeftijd": ("bijstand.vrijwilligersvergoeding_leeftijd", "number"),
    "bbz_maanden": ("bbz.voorbereiding_maanden", "number"),
    "bb_jaren": ("buurtbaan.max_duur", "number"),
}
# Facts the chart uses (its sources are listed under it).
CHART_FACTS = (
    "vrijwilligersvergoeding.per_uur_21_plus",
    "vrijwilligersvergoeding.max_per_maand",
    "vrijwilligersvergoeding.max_per_jaar",
    "minimumloon.per_uur",
    "minimumloon.leeftijd",
)


def _euro(value: float) -> str:
    """An amount the Dutch way, cents only when there are any: € 2.200, € 5,75."""
    return format_euro(value, always_cents=False)


def _value(key: str) -> float:
    """The course year's value, or the newest known one (see :mod:`course.tools.known`)."""
    value = known(key).value
    if isinstance(value, str):
        raise ValueError(f"{key} is not a number")
    return value


def _figure_text(key: str, kind: str) -> str:
    value = _value(key)
    text = _euro(value) if kind == "euro" else format_number(float(value))
    item = known(key)
    if item.current:
        return text
    return KnownText.FIGURE_OLD.format(value=text, date=format_date_words(item.fact.valid_from))


def caption() -> str:
    """The table caption with the course year."""
    return T.CAPTION.format(year=course_year())


def x_label() -> str:
    """The label of the amounts axis, with the year the amounts are from."""
    years = old_years(CHART_FACTS)
    return T.X_LABEL.format(year=years[0] if years else course_year())


def old_table_note() -> str:
    """Empty, or the note that some figures in the table are of an earlier year."""
    keys = [key for key, _ in FIGURES.values()]
    years = old_years(keys)
    if not years:
        return ""
    return KnownText.TABLE_OLD.format(year=years[-1], course_year=course_year())


def old_chart_note() -> str:
    """Empty, or the note that the chart uses amounts of an earlier year."""
    years = old_years(CHART_FACTS)
    if not years:
        return ""
    return KnownText.CHART_OLD.format(year=years[-1], course_year=course_year())


def comparison_table() -> pd.DataFrame:
    """The comparison as a DataFrame: one row per topic, one column per way of working."""
    figures = {name: _figure_text(key, kind) for name, (key, kind) in FIGURES.items()}
    rows = {topic: [text.format(**figures) for text in texts] for topic, texts in T.ROWS.items()}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(T.ROUTES))
    table.columns.name = T.CORNER
    return table


def table_facts() -> list[Fact]:
    """The facts behind the figures in the table, in the order they first appear."""
    used = []
    for texts in T.ROWS.values():
        for text in texts:
            for name, (key, _) in FIGURES.items():
                if "{" + name + "}" in text and key not in used:
                    used.append(key)
    return [known(key).fact for key in used]


def _fact_value_text(item: Fact) -> str:
    if isinstance(item.value, str):
        return item.value
    return _euro(item.value) if item.unit.startswith("euro") else format_number(item.value)


def sources_html(facts: list[Fact]) -> str:
    """A list of the facts with year, confidence and a link to the source (escaped)."""
    items = []
    for item in facts:
        line = T.SOURCE_LINE.format(
            value=_fact_value_text(item),
            unit=item.unit,
            year=item.year,
            confidence=T.CONFIDENCE.get(item.confidence, item.confidence),
        )
        url = html.escape(item.source, quote=True)
        items.append(f'<li>{html.escape(line)}<a href="{url}">{html.escape(item.source)}</a></li>')
    return f"<p><strong>{html.escape(T.SOURCES_TITLE)}</strong></p><ul>{''.join(items)}</ul>"


def table_html(table: pd.DataFrame | None = None) -> str:
    """The table as accessible HTML: a caption, header cells with scope, sources under it."""
    table = comparison_table() if table is None else table
    cell = 'style="text-align:left; vertical-align:top; padding:0.3em 0.6em"'
    head = f'<th scope="col" {cell}>{html.escape(str(table.columns.name or ""))}</th>'
    head += "".join(f'<th scope="col" {cell}>{html.escape(str(c))}</th>' for c in table.columns)
    body = []
    for topic, row in table.iterrows():
        cells = "".join(f"<td {cell}>{html.escape(str(value))}</td>" for value in row)
        body.append(f'<tr><th scope="row" {cell}>{html.escape(str(topic))}</th>{cells}</tr>')
    return (
        '<div class="sp-compare">'
        f'<table><caption style="text-align:left"><strong>{html.escape(caption())}</strong>'
        f"</caption><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<p>{html.escape(T.TABLE_NOTE)}</p>"
        + (f"<p><strong>{html.escape(old_table_note())}</strong></p>" if old_table_note() else "")
        + f"{sources_html(table_facts())}</div>"
    )


def show_comparison() -> None:
    """Show the comparison table with its sources in a lesson."""
    display(HTML(table_html()))


# --- Chart ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearEstimate:
    """What the three ways bring in per year for a number of hours per week (estimate)."""

    hours_per_week: float
    volunteer: float
    volunteer_capped: bool
    job: float


def _check_hours(hours_per_week: float) -> None:
    if not 0 < hours_per_week <= MAX_HOURS:
        raise ValueError(f"hours per week must be more than 0 and at most {MAX_HOURS}")


def estimate_year(hours_per_week: float) -> YearEstimate:
    """The estimate per year: volunteer allowance at most, and gross minimum wage."""
    _check_hours(hours_per_week)
    per_hour = _value("vrijwilligersvergoeding.per_uur_21_plus")
    by_hours = hours_per_week * WEEKS_PER_YEAR * per_hour
    cap = min(
        _value("vrijwilligersvergoeding.max_per_jaar"),
        MONTHS_PER_YEAR * _value("vrijwilligersvergoeding.max_per_maand"),
    )
    job = hours_per_week * WEEKS_PER_YEAR * _value("minimumloon.per_uur")
    return YearEstimate(hours_per_week, min(by_hours, cap), by_hours >= cap, job)


def yearly_amounts(hours_per_week: float) -> pd.DataFrame:
    """The estimate as a table: one row per way, amount per year (None for a zzp'er)."""
    estimate = estimate_year(hours_per_week)
    return pd.DataFrame(
        {
            T.Y_LABEL: list(T.ROUTES),
            x_label(): [round(estimate.volunteer), round(estimate.job), None],
        }
    )


def _amount(value: float) -> str:
    return _euro(round(value))


def draw_chart(hours_per_week: float = DEFAULT_HOURS) -> Figure:
    """A horizontal bar chart with Dutch labels; values are written at the end of each bar."""
    estimate = estimate_year(hours_per_week)
    values = [estimate.volunteer, estimate.job, 0.0]
    labels = [_amount(estimate.volunteer), _amount(estimate.job), T.NO_FIXED_AMOUNT]
    figure = Figure(figsize=(8, 3.6), dpi=100)
    axes = figure.subplots()
    positions = [2, 1, 0]  # the first way on top
    bars = axes.barh(
        positions,
        values,
        color=["#9ecae1", "#3a6ea5", "#ffffff"],
        edgecolor="#1a1a1a",
        linewidth=1.2,
        height=0.6,
    )
    for bar, hatch in zip(bars, ("//", "..", ""), strict=True):
        bar.set_hatch(hatch)
    right = max(values) * 1.45
    for position, value, label in zip(positions, values, labels, strict=True):
        axes.text(value + right * 0.01, position, label, va="center", fontsize=10)
    axes.set_yticks(positions, list(T.BAR_LABELS), fontsize=10)
    axes.set_xlim(0, right)
    axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: format_number(round(x))))
    axes.set_xlabel(x_label(), fontsize=11)
    axes.set_ylabel(T.Y_LABEL, fontsize=11)
    axes.set_title(T.CHART_TITLE.format(hours=format_number(hours_per_week)), fontsize=12)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    return figure


def chart_png(hours_per_week: float = DEFAULT_HOURS) -> bytes:
    """The chart as PNG bytes (rendered with Agg, whatever the notebook's backend)."""
    buffer = io.BytesIO()
    draw_chart(hours_per_week).savefig(buffer, format="png")
    return buffer.getvalue()


def chart_text(hours_per_week: float = DEFAULT_HOURS) -> str:
    """The text alternative: what the chart shows, its assumptions and the disclaimer."""
    estimate = estimate_year(hours_per_week)
    hours = format_number(hours_per_week)
    if estimate.volunteer_capped:
        volunteer = T.ALT_VOLUNTEER_CAPPED.format(amount=_amount(estimate.volunteer))
    else:
        volunteer = T.ALT_VOLUNTEER_HOURS.format(
            amount=_amount(estimate.volunteer),
            hours=hours,
            weeks=WEEKS_PER_YEAR,
            per_hour=_euro(_value("vrijwilligersvergoeding.per_uur_21_plus")),
        )
    parts = [
        T.ALT_START.format(title=T.CHART_TITLE.format(hours=hours)),
        volunteer,
        T.ALT_VOLUNTEER_NOTE,
        T.ALT_JOB.format(amount=_amount(estimate.job)),
        T.ALT_ZZP,
        T.ASSUMPTIONS.format(
            weeks=WEEKS_PER_YEAR, age=format_number(_value("minimumloon.leeftijd"))
        ),
        old_chart_note(),
        T.DISCLAIMER,
    ]
    return " ".join(part for part in parts if part)


def chart_sources() -> list[str]:
    """The source URLs of the facts behind the chart, without duplicates."""
    return list(dict.fromkeys(known(key).fact.source for key in CHART_FACTS))


def _image_html(hours_per_week: float) -> str:
    data = base64.b64encode(chart_png(hours_per_week)).decode("ascii")
    alt = html.escape(chart_text(hours_per_week), quote=True)
    return f'<img src="data:image/png;base64,{data}" alt="{alt}" style="max-width:100%">'


def _text_html(hours_per_week: float) -> str:
    links = ", ".join(
        f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
        for url in chart_sources()
    )
    return (
        f'<div role="status"><p><strong>{html.escape(T.TEXT_HEADING)}</strong></p>'
        f"<p>{html.escape(chart_text(hours_per_week))}</p>"
        f"<p>{html.escape(T.CHART_SOURCES)} {links}</p></div>"
    )


def show_chart(hours_per_week: float = DEFAULT_HOURS) -> None:
    """Show the chart and print its text alternative under it (no widget needed)."""
    display(HTML(_image_html(hours_per_week)))
    print(chart_text(hours_per_week))
    print(T.CHART_SOURCES, ", ".join(chart_sources()))


class ChartForm:
    """A Dropdown for the hours per week, the chart, and its text alternative under it."""

    def __init__(self, hours_per_week: int = DEFAULT_HOURS):
        self.hours = widgets.Dropdown(
            options=[(T.HOURS_OPTION.format(hours=h), h) for h in HOURS_OPTIONS],
            value=hours_per_week,
            description=T.LABEL_HOURS,
            style={"description_width": "initial"},
        )
        self.chart = widgets.HTML()
        self.text = widgets.HTML()
        self.hours.observe(self.update, names="value")
        intro = widgets.HTML(f"<p>{html.escape(T.WIDGET_INTRO)}</p>")
        self.box = widgets.VBox([intro, self.hours, self.chart, self.text])
        self.box.add_class("sp-compare-chart")
        self.update()

    def update(self, _change=None) -> None:
        """Redraw the chart and its text for the chosen hours."""
        self.chart.value = _image_html(self.hours.value)
        self.text.value = _text_html(self.hours.value)


def chart_widget(hours_per_week: int = DEFAULT_HOURS) -> None:
    """Show the chart with a Dropdown for the hours per week in a lesson."""
    display(ChartForm(hours_per_week).box)
