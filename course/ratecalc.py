"""Rate calculator: from the net income a learner wants per month to an hourly rate.

A rough estimate for a starting zzp'er, not tax advice. Every assumption is shown with its
source. The logic is one pure function::

    result = hourly_rate(
        2000, billable_hours_per_week=20, hours_per_week=32, weeks_off=6,
        costs_per_year=3000, tax_percent=35.7, pension_per_month=200,
        disability_per_month=150,
    )
    result.rate            # 50.93… euro per billable hour, without btw
    result.steps()         # the breakdown as (Dutch label, amount) pairs

The steps, per year:

1. needed after tax = 12 × (net + pension + disability savings per month);
2. profit before tax = needed after tax / (1 − tax percentage); the tax percentage is ONE
   assumption for income tax and premiums together, which the learner can change;
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

from course import messages as msg
from course.facts import Fact, load_facts
from course.numbers import format_number, parse_number

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
HOURS_PER_WEEK_MAX = 7 * 24

TEXT = msg.RATECALC

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

FACT_KEYS = (
    "belasting.box1_schijf1_procent",
    "belasting.box1_schijf1_grens",
    "belasting.box1_schijf2_procent",
    "belasting.box1_schijf2_grens",
    "belasting.box1_schijf3_procent",
    "baz.premie_procent",
    "baz.premie_max_per_maand",
    "aow.opbouw_procent_per_jaar",
    "aow.opbouw_jaren",
    "urencriterium.uren_per_jaar",
    "btw.tarief_algemeen",
)


@cache
def _facts() -> dict[str, Fact]:
    """The facts this tool shows, each with its source (from course/data/feiten.toml)."""
    known = load_facts()
    return {key: known[key] for key in FACT_KEYS}


def _value(key: str) -> float:
    return float(_facts()[key].value)


def default_tax_percent() -> float:
    """The starting assumption: the 2026 first box-1 rate (a LOW-confidence approximation)."""
    return _value("belasting.box1_schijf1_procent")


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
                TEXT["step_net"].format(net=euro_text(self.net_per_month)),
                euro_text(self.net_per_year),
            ),
            (
                TEXT["step_pension"].format(amount=euro_text(self.pension_per_year / 12)),
                euro_text(self.pension_per_year),
            ),
            (
                TEXT["step_disability"].format(amount=euro_text(self.disability_per_year / 12)),
                euro_text(self.disability_per_year),
            ),
            (TEXT["step_needed"], euro_text(self.needed_after_tax)),
            (
                TEXT["step_tax"].format(percent=format_number(self.tax_percent)),
                euro_text(self.tax),
            ),
            (TEXT["step_profit"].format(share=share), euro_text(self.profit)),
            (TEXT["step_costs"], euro_text(self.costs_per_year)),
            (TEXT["step_turnover"], euro_text(self.turnover)),
            (
                TEXT["step_weeks"].format(off=self.weeks_off),
                TEXT["weeks_unit"].format(weeks=self.working_weeks),
            ),
            (
                TEXT["step_billable"].format(
                    hours=format_number(self.billable_hours_per_week), weeks=self.working_weeks
                ),
                TEXT["hours_unit"].format(hours=format_number(self.billable_hours_per_year)),
            ),
            (TEXT["step_rate"], euro_text(self.rate)),
        ]


def euro_text(value: float) -> str:
    """An amount rounded to cents, written the Dutch way: € 46.856,92 or € 24.000."""
    cents = round(value * 100)
    if cents % 100 == 0:
        return f"€ {format_number(cents // 100)}"
    whole, rest = divmod(abs(cents), 100)
    sign = "-" if cents < 0 else ""
    return f"€ {sign}{format_number(whole)},{rest:02d}"


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
    for label, amount in (
        (TEXT["label_net"], net_per_month),
        (TEXT["label_costs"], costs_per_year),
        (TEXT["label_pension"], pension_per_month),
        (TEXT["label_disability"], disability_per_month),
        (TEXT["label_hours"], hours_per_week),
    ):
        if amount < 0:
            raise ValueError(TEXT["negative"].format(label=_bare(label)))
    if billable_hours_per_week <= 0:
        raise ValueError(TEXT["no_billable"].format(label=_bare(TEXT["label_billable"])))
    if hours_per_week > HOURS_PER_WEEK_MAX:
        raise ValueError(
            TEXT["too_many_hours"].format(max=HOURS_PER_WEEK_MAX, label=_bare(TEXT["label_hours"]))
        )
    if billable_hours_per_week > hours_per_week:
        raise ValueError(TEXT["billable_above_hours"])
    if int(weeks_off) != weeks_off or not 0 <= weeks_off < WEEKS_PER_YEAR:
        raise ValueError(TEXT["weeks_off_range"])
    if not 0 <= tax_percent < 100:
        raise ValueError(TEXT["tax_range"])

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
        f"{html.escape(TEXT['source'])}</a>"
    )
    if item.confidence == "LOW":
        link += f" ({html.escape(TEXT['low'])})"
    return link


def render_assumptions(result: RateResult | None) -> str:
    """The list of assumptions with their sources (HTML)."""
    tax_percent = result.tax_percent if result else default_tax_percent()
    weeks = result.working_weeks if result else WEEKS_PER_YEAR - EXAMPLE["weeks_off"]
    percent = format_number
    items = [
        (
            TEXT["assume_tax"].format(
                percent=percent(tax_percent),
                first=percent(_value("belasting.box1_schijf1_procent")),
                second=percent(_value("belasting.box1_schijf2_procent")),
                third=percent(_value("belasting.box1_schijf3_procent")),
                limit1=euro_text(_value("belasting.box1_schijf1_grens")),
                limit2=euro_text(_value("belasting.box1_schijf2_grens")),
            ),
            "belasting.box1_schijf1_procent",
        ),
        (
            TEXT["assume_disability"].format(
                percent=percent(_value("baz.premie_procent")),
                max=euro_text(_value("baz.premie_max_per_maand")),
            ),
            "baz.premie_procent",
        ),
        (
            TEXT["assume_pension"].format(
                percent=percent(_value("aow.opbouw_procent_per_jaar")),
                years=percent(_value("aow.opbouw_jaren")),
            ),
            "aow.opbouw_procent_per_jaar",
        ),
        (TEXT["assume_holidays"].format(weeks=weeks), None),
        (TEXT["assume_costs"], None),
        (TEXT["assume_order"], None),
    ]
    rows = "".join(
        f"<li>{html.escape(text)}" + (f" {_source_html(key)}" if key else "") + "</li>"
        for text, key in items
    )
    return f"<p><strong>{html.escape(TEXT['assumptions_title'])}</strong></p><ul>{rows}</ul>"


def render_result(result: RateResult) -> str:
    """The rate, the breakdown table, warnings, assumptions and the disclaimer (HTML)."""
    esc = html.escape
    btw = _value("btw.tarief_algemeen")
    limit = _value("urencriterium.uren_per_jaar")
    parts = [
        f'<p class="sp-rate"><strong>{esc(TEXT["rate"].format(rate=euro_text(result.rate)))}'
        "</strong></p>",
        f"<p><strong>{esc(TEXT['disclaimer'])}</strong></p>",
    ]
    rows = "".join(
        f"<tr><td>{esc(label)}</td><td style='text-align:right'>{esc(value)}</td></tr>"
        for label, value in result.steps()
    )
    parts.append(
        f"<table><caption>{esc(TEXT['steps_title'])}</caption><thead><tr>"
        f"<th scope='col'>{esc(TEXT['col_step'])}</th>"
        f"<th scope='col'>{esc(TEXT['col_amount'])}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    with_btw = euro_text(result.rate_with_btw(btw))
    notes = [TEXT["rate_btw"].format(btw=format_number(btw), rate=with_btw)]
    unbilled = result.hours_per_week - result.billable_hours_per_week
    if unbilled > 0:
        notes.append(
            TEXT["unbilled"].format(
                hours=format_number(result.hours_per_week), unbilled=format_number(unbilled)
            )
        )
    key = "criterion_ok" if result.hours_per_year >= limit else "criterion_short"
    notes.append(
        TEXT[key].format(
            hours=format_number(round(result.hours_per_year)), limit=format_number(limit)
        )
    )
    if result.pension_per_year == 0:
        notes.append(TEXT["no_pension"])
    if result.disability_per_year == 0:
        notes.append(TEXT["no_disability"])
    parts.extend(f"<p>{esc(note)}</p>" for note in notes)
    parts.append(render_assumptions(result))
    parts.append(f"<p><strong>{esc(TEXT['disclaimer'])}</strong></p>")
    return f'<div class="sp-rate-result" role="status">{"".join(parts)}</div>'


def render_problems(problems: list[str]) -> str:
    """The Dutch list of things to fix first (HTML)."""
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in problems)
    return (
        f'<div class="sp-rate-result" role="status"><p><strong>'
        f"{html.escape(TEXT['fix_first'])}</strong></p><ul>{items}</ul></div>"
    )


def read_amount(text: str, label: str) -> float:
    """A number typed the Dutch way (``2.000``, ``12,50``); a Dutch ``ValueError`` otherwise."""
    if not text.strip():
        raise ValueError(TEXT["empty"].format(label=_bare(label)))
    number = parse_number(text)
    if number is None:
        raise ValueError(TEXT["not_a_number"].format(text=text.strip()))
    if number < 0:
        raise ValueError(TEXT["negative"].format(label=_bare(label)))
    return number


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

        amount, hours = TEXT["placeholder_amount"], TEXT["placeholder_hours"]
        self.net = text(TEXT["label_net"], EXAMPLE["net"], amount)
        self.hours = text(TEXT["label_hours"], EXAMPLE["hours"], hours)
        self.billable = text(TEXT["label_billable"], EXAMPLE["billable"], hours)
        self.weeks_off = widgets.Dropdown(
            options=[(TEXT["weeks_option"].format(weeks=w), w) for w in WEEKS_OFF_OPTIONS],
            value=EXAMPLE["weeks_off"],
            description=TEXT["label_weeks_off"],
            style=style,
            layout=layout,
        )
        self.costs = text(TEXT["label_costs"], EXAMPLE["costs"], amount)
        self.tax = text(TEXT["label_tax"], default_tax_percent(), TEXT["placeholder_tax"])
        self.pension = text(TEXT["label_pension"], EXAMPLE["pension"], amount)
        self.disability = text(TEXT["label_disability"], EXAMPLE["disability"], amount)
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
            f"<p><strong>{html.escape(TEXT['title'])}</strong></p>"
            f"<p>{html.escape(TEXT['intro'])} "
            f"<strong>{html.escape(TEXT['disclaimer'])}</strong></p>"
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
