"""Rate calculator: from the net income a learner wants per month to an hourly rate.

A rough estimate for a starting zzp'er, not tax advice. Every assumption is shown with its
source. The logic is one pure function::

    result = hourly_rate(
        2000, billable_hours_per_week=20, hours_per_week=32, weeks_off=6,
        costs_per_year=3000, tax_percent=20, pension_per_month=200,
        disability_per_month=150,
    )
    result.rate            # 41.58… euro per billable hour, without btw
    result.steps()         # the breakdown as (Dutch label, amount) pairs

The steps, per year:

1. needed after tax = 12 × (net + pension + disability savings per month);
2. profit before tax = needed after tax / (1 − tax percentage); the tax percentage is ONE
   assumption for income tax, premiums and the Zvw contribution together, as a share of the
   profit, which the learner can change;
3. turnover (without btw) = profit + business costs;
4. billable hours = billable hours per week × (52 − weeks off);
5. hourly rate = turnover / billable hours.

Pension and disability savings are counted as money kept *after* tax (cautious: some of it
may be deductible). A lesson cell shows the form with ``rate_widget()``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

import ipywidgets as widgets
from IPython.display import display

from course.facts import Fact, course_year
from course.messages.module3 import KnownText
from course.messages.module3 import RateCalcText as T
from course.numbers import format_euro, format_number, parse_number_strict
from course.tools.known import Known, known

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
HOURS_PER_WEEK_MAX = 7 * 24

EXAMPLE = {  # Samira's example from lesson m3-l3; the form starts with it.
    "net": 2000,
    "hours": 32,
    "billable": 20,
    "weeks_off": 6,
    "costs": 3000,
    "pension": 200,
    "disability": 150,
}
WEEKS_OFF_OPTIONS = tuple(range(0, 13))

# The course's rough estimate of what a zzp'er pays in income tax, premiums and the Zvw
# contribution together, as a share of the profit. It is a teaching assumption, not a fact:
# the box-1 rate (first bracket) applies only after the aftrekposten, heffingskortingen
# (algemene heffingskorting, arbeidskorting) come off the tax, and the Zvw contribution is
# added, so the real share of the profit is far below the box-1 rate and rises with the
# profit. Lesson m3-l3 explains it and the learner can change it in the form.
COURSE_TAX_ESTIMATE_PERCENT = 20

FACT_KEYS = (
    "belasting.box1_schijf1_procent",
    "belasting.box1_schijf1_grens",
    "belasting.box1_schijf2_procent",
    "belasting.box1_schijf2_grens",
    "belasting.box1_schijf3_procent",
    "baz.premie_procent",
    "aow.opbouw_procent_per_jaar",
    "aow.opbouw_jaren",
    "urencriterium.uren_per_jaar",
    "btw.tarief_algemeen",
)


BOX1_KEYS = FACT_KEYS[:5]


@cache
def _known() -> dict[str, Known]:
    """The facts this tool shows: the course year's value, or the newest known one."""
    return {key: known(key) for key in FACT_KEYS}


def _facts() -> dict[str, Fact]:
    """The facts this tool shows, each with its source (from course/data/feiten*.toml)."""
    return {key: item.fact for key, item in _known().items()}


def _value(key: str) -> float:
    return float(_known()[key].value)


def box1_text() -> str:
    """The box 1 rates, said with their year when the course year's rates are not known."""
    percent = format_number
    figures = {
        "first": percent(_value("belasting.box1_schijf1_procent")),
        "second": percent(_value("belasting.box1_schijf2_procent")),
        "third": percent(_value("belasting.box1_schijf3_procent")),
        "limit1": _euro(_value("belasting.box1_schijf1_grens")),
        "limit2": _euro(_value("belasting.box1_schijf2_grens")),
        "course_year": course_year(),
    }
    old = [_known()[key] for key in BOX1_KEYS if not _known()[key].current]
    if old:
        return KnownText.TAX_OLD.format(year=max(item.year for item in old), **figures)
    return KnownText.TAX_NOW.format(**figures)


def default_tax_percent() -> float:
    """The starting assumption: the course's rough estimate of tax and premiums on profit."""
    return float(COURSE_TAX_ESTIMATE_PERCENT)


@dataclass(frozen=True)
class RateResult:
    """The hourly rate and every step that leads to it (amounts in euro per year)."""

    rate: float
    net_per_month: float
    net_per_year: float
    pension_per_year: float
    disability_per_year: float
    needed_after_tax: float
    tax_percent: float
    tax: float
    profit: float
    costs_per_year: float
    turnover: float
    weeks_off: int
    working_weeks: int
    hours_per_week: float
    billable_hours_per_week: float
    billable_hours_per_year: float
    hours_per_year: float

    def rate_with_btw(self, btw_percent: float) -> float:
        """What a client pays per hour when ``btw_percent`` btw is added."""
        return self.rate * (1 + btw_percent / 100)

    def steps(self) -> list[tuple[str, str]]:
        """The breakdown as (Dutch label, value as text) rows, in order."""
        share = format_number(round(1 - self.tax_percent / 100, 4))
        return [
            (
                T.STEP_NET.format(net=_euro(self.net_per_month)),
                _euro(self.net_per_year),
            ),
            (
                T.STEP_PENSION.format(amount=_euro(self.pension_per_year / 12)),
                _euro(self.pension_per_year),
            ),
            (
                T.STEP_DISABILITY.format(amount=_euro(self.disability_per_year / 12)),
                _euro(self.disability_per_year),
            ),
            (T.STEP_NEEDED, _euro(self.needed_after_tax)),
            (
                T.STEP_TAX.format(percent=format_number(self.tax_percent)),
                _euro(self.tax),
            ),
            (T.STEP_PROFIT.format(share=share), _euro(self.profit)),
            (T.STEP_COSTS, _euro(self.costs_per_year)),
            (T.STEP_TURNOVER, _euro(self.turnover)),
            (
                T.STEP_WEEKS.format(off=self.weeks_off),
                T.WEEKS_UNIT.format(weeks=self.working_weeks),
            ),
            (
                T.STEP_BILLABLE.format(
                    hours=format_number(self.billable_hours_per_week), weeks=self.working_weeks
                ),
                T.HOURS_UNIT.format(hours=format_number(self.billable_hours_per_year)),
            ),
            (T.STEP_RATE, _euro(self.rate)),
        ]


def _euro(value: float) -> str:
    """Euro, rounded to cents, without ",00" for whole amounts: € 46.856,92 or € 24.000."""
    return format_euro(value, always_cents=False)


def _check_inputs(
    net_per_month: float,
    billable_hours_per_week: float,
    weeks_off: int,
    costs_per_year: float,
    tax_percent: float,
    pension_per_month: float,
    disability_per_month: float,
    hours_per_week: float,
) -> None:
    """Raise ``ValueError`` with a Dutch message for input no rate can come from."""
    for label, amount in (
        (T.LABEL_NET, net_per_month),
        (T.LABEL_COSTS, costs_per_year),
        (T.LABEL_PENSION, pension_per_month),
        (T.LABEL_DISABILITY, disability_per_month),
        (T.LABEL_HOURS, hours_per_week),
    ):
        if amount < 0:
            raise ValueError(T.NEGATIVE.format(label=_bare(label)))
    if billable_hours_per_week <= 0:
        raise ValueError(T.NO_BILLABLE.format(label=_bare(T.LABEL_BILLABLE)))
    if hours_per_week > HOURS_PER_WEEK_MAX:
        raise ValueError(
            T.TOO_MANY_HOURS.format(max=HOURS_PER_WEEK_MAX, label=_bare(T.LABEL_HOURS))
        )
    if billable_hours_per_week > hours_per_week:
        raise ValueError(T.BILLABLE_ABOVE_HOURS)
    if int(weeks_off) != weeks_off or not 0 <= weeks_off < WEEKS_PER_YEAR:
        raise ValueError(T.WEEKS_OFF_RANGE)
    if not 0 <= tax_percent < 100:
        raise ValueError(T.TAX_RANGE)


def hourly_rate(
    net_per_month: float,
    *,
    billable_hours_per_week: float,
    weeks_off: int,
    costs_per_year: float,
    tax_percent: float,
    pension_per_month: float = 0.0,
    disability_per_month: float = 0.0,
    hours_per_week: float | None = None,
) -> RateResult:
    """The hourly rate (euro, without btw) needed for ``net_per_month``, with its breakdown.

    ``hours_per_week`` is all the time spent on the business (default: only the billable
    hours). Raises ``ValueError`` with a Dutch message for impossible input.
    """
    if hours_per_week is None:
        hours_per_week = billable_hours_per_week
    _check_inputs(
        net_per_month,
        billable_hours_per_week,
        weeks_off,
        costs_per_year,
        tax_percent,
        pension_per_month,
        disability_per_month,
        hours_per_week,
    )
    net_per_year = MONTHS_PER_YEAR * net_per_month
    pension_per_year = MONTHS_PER_YEAR * pension_per_month
    disability_per_year = MONTHS_PER_YEAR * disability_per_month
    needed_after_tax = net_per_year + pension_per_year + disability_per_year
    profit = needed_after_tax / (1 - tax_percent / 100)
    tax = profit - needed_after_tax
    turnover = profit + costs_per_year
    working_weeks = WEEKS_PER_YEAR - int(weeks_off)
    billable_per_year = billable_hours_per_week * working_weeks
    return RateResult(
        rate=turnover / billable_per_year,
        net_per_month=net_per_month,
        net_per_year=net_per_year,
        pension_per_year=pension_per_year,
        disability_per_year=disability_per_year,
        needed_after_tax=needed_after_tax,
        tax_percent=tax_percent,
        tax=tax,
        profit=profit,
        costs_per_year=costs_per_year,
        turnover=turnover,
        weeks_off=int(weeks_off),
        working_weeks=working_weeks,
        hours_per_week=hours_per_week,
        billable_hours_per_week=billable_hours_per_week,
        billable_hours_per_year=billable_per_year,
        hours_per_year=hours_per_week * working_weeks,
    )


def _bare(label: str) -> str:
    return label.rstrip(":")


def _source_html(key: str) -> str:
    item = _facts()[key]
    link = (
        f'<a href="{html.escape(item.source, quote=True)}" target="_blank" rel="noopener">'
        f"{html.escape(T.SOURCE)}</a>"
    )
    if item.confidence == "LOW":
        link += f" ({html.escape(T.LOW)})"
    return link


def render_assumptions(result: RateResult | None) -> str:
    """The list of assumptions with their sources (HTML)."""
    tax_percent = result.tax_percent if result else default_tax_percent()
    weeks = result.working_weeks if result else WEEKS_PER_YEAR - EXAMPLE["weeks_off"]
    percent = format_number
    items = [
        (
            T.ASSUME_TAX.format(
                percent=percent(tax_percent),
                estimate=percent(default_tax_percent()),
                box1=box1_text(),
            ),
            "belasting.box1_schijf1_procent",
        ),
        (
            T.ASSUME_DISABILITY.format(
                percent=percent(_value("baz.premie_procent")),
                course_year=course_year(),
            ),
            "baz.premie_procent",
        ),
        (
            T.ASSUME_PENSION.format(
                percent=percent(_value("aow.opbouw_procent_per_jaar")),
                years=percent(_value("aow.opbouw_jaren")),
            ),
            "aow.opbouw_procent_per_jaar",
        ),
        (T.ASSUME_HOLIDAYS.format(weeks=weeks), None),
        (T.ASSUME_COSTS, None),
        (T.ASSUME_ORDER, None),
    ]
    rows = "".join(
        f"<li>{html.escape(text)}" + (f" {_source_html(key)}" if key else "") + "</li>"
        for text, key in items
    )
    return f"<p><strong>{html.escape(T.ASSUMPTIONS_TITLE)}</strong></p><ul>{rows}</ul>"


def render_result(result: RateResult) -> str:
    """The rate, the breakdown table, warnings, assumptions and the disclaimer (HTML)."""
    esc = html.escape
    btw = _value("btw.tarief_algemeen")
    limit = _value("urencriterium.uren_per_jaar")
    parts = [
        f'<p class="sp-rate"><strong>{esc(T.RATE.format(rate=_euro(result.rate)))}</strong></p>',
        f"<p><strong>{esc(T.DISCLAIMER)}</strong></p>",
    ]
    rows = "".join(
        f"<tr><td>{esc(label)}</td><td style='text-align:right'>{esc(value)}</td></tr>"
        for label, value in result.steps()
    )
    parts.append(
        f"<table><caption>{esc(T.STEPS_TITLE)}</caption><thead><tr>"
        f"<th scope='col'>{esc(T.COL_STEP)}</th>"
        f"<th scope='col'>{esc(T.COL_AMOUNT)}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    with_btw = _euro(result.rate_with_btw(btw))
    notes = [T.RATE_BTW.format(btw=format_number(btw), rate=with_btw)]
    unbilled = result.hours_per_week - result.billable_hours_per_week
    if unbilled > 0:
        notes.append(
            T.UNBILLED.format(
                hours=format_number(result.hours_per_week), unbilled=format_number(unbilled)
            )
        )
    criterion = T.CRITERION_OK if result.hours_per_year >= limit else T.CRITERION_SHORT
    notes.append(
        criterion.format(
            hours=format_number(round(result.hours_per_year)), limit=format_number(limit)
        )
    )
    if result.pension_per_year == 0:
        notes.append(T.NO_PENSION)
    if result.disability_per_year == 0:
        notes.append(T.NO_DISABILITY)
    parts.extend(f"<p>{esc(note)}</p>" for note in notes)
    parts.append(render_assumptions(result))
    parts.append(f"<p><strong>{esc(T.DISCLAIMER)}</strong></p>")
    return f'<div class="sp-rate-result" role="status">{"".join(parts)}</div>'


def render_problems(problems: list[str]) -> str:
    """The Dutch list of things to fix first (HTML)."""
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in problems)
    return (
        f'<div class="sp-rate-result" role="status"><p><strong>'
        f"{html.escape(T.FIX_FIRST)}</strong></p><ul>{items}</ul></div>"
    )


def read_amount(text: str, label: str) -> float:
    """A number typed the Dutch way (``2.000``, ``12,50``, ``35,7 %``); a Dutch ``ValueError``
    otherwise, which asks which number was meant when it is ambiguous (``2,000``)."""
    if not text.strip():
        raise ValueError(T.EMPTY.format(label=_bare(label)))
    reading = parse_number_strict(text)
    if reading.ambiguous:
        raise ValueError(f"{_bare(label)}: {reading.question}")
    if reading.value is None:
        raise ValueError(T.NOT_A_NUMBER.format(text=text.strip()))
    if reading.value < 0:
        raise ValueError(T.NEGATIVE.format(label=_bare(label)))
    return reading.value


class RateForm:
    """The calculator: inputs on top, the rate and its breakdown below; updates on change."""

    def __init__(self) -> None:
        style = {"description_width": "24em"}
        layout = widgets.Layout(width="36em")

        def text(label: str, value: float, placeholder: str) -> widgets.Text:
            return widgets.Text(
                value=format_number(value),
                description=label,
                placeholder=placeholder,
                continuous_update=False,
                style=style,
                layout=layout,
            )

        amount, hours = T.PLACEHOLDER_AMOUNT, T.PLACEHOLDER_HOURS
        self.net = text(T.LABEL_NET, EXAMPLE["net"], amount)
        self.hours = text(T.LABEL_HOURS, EXAMPLE["hours"], hours)
        self.billable = text(T.LABEL_BILLABLE, EXAMPLE["billable"], hours)
        self.weeks_off = widgets.Dropdown(
            options=[(T.WEEKS_OPTION.format(weeks=w), w) for w in WEEKS_OFF_OPTIONS],
            value=EXAMPLE["weeks_off"],
            description=T.LABEL_WEEKS_OFF,
            style=style,
            layout=layout,
        )
        self.costs = text(T.LABEL_COSTS, EXAMPLE["costs"], amount)
        self.tax = text(T.LABEL_TAX, default_tax_percent(), T.PLACEHOLDER_TAX)
        self.pension = text(T.LABEL_PENSION, EXAMPLE["pension"], amount)
        self.disability = text(T.LABEL_DISABILITY, EXAMPLE["disability"], amount)
        self.result = widgets.HTML()
        self.inputs = [
            self.net,
            self.hours,
            self.billable,
            self.weeks_off,
            self.costs,
            self.tax,
            self.pension,
            self.disability,
        ]
        for field in self.inputs:
            field.observe(self.update, names="value")
        header = widgets.HTML(
            f"<p><strong>{html.escape(T.TITLE)}</strong></p>"
            f"<p>{html.escape(T.INTRO)} "
            f"<strong>{html.escape(T.DISCLAIMER)}</strong></p>"
        )
        self.box = widgets.VBox([header, *self.inputs, self.result])
        self.box.add_class("sp-ratecalc")
        self.update()

    def update(self, _change=None) -> None:
        """Recalculate with the current inputs and show the result or what to fix."""
        values, problems = {}, []
        for name, field in (
            ("net", self.net),
            ("hours", self.hours),
            ("billable", self.billable),
            ("costs", self.costs),
            ("tax", self.tax),
            ("pension", self.pension),
            ("disability", self.disability),
        ):
            try:
                values[name] = read_amount(field.value, field.description)
            except ValueError as problem:
                problems.append(str(problem))
        if not problems:
            try:
                result = hourly_rate(
                    values["net"],
                    billable_hours_per_week=values["billable"],
                    hours_per_week=values["hours"],
                    weeks_off=self.weeks_off.value,
                    costs_per_year=values["costs"],
                    tax_percent=values["tax"],
                    pension_per_month=values["pension"],
                    disability_per_month=values["disability"],
                )
            except ValueError as problem:
                problems.append(str(problem))
        if problems:
            self.result.value = render_problems(problems)
            return
        self.result.value = render_result(result)


def rate_widget() -> None:
    """Show the rate calculator in a lesson."""
    display(RateForm().box)
