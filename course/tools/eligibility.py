""" "Kom ik misschien in aanmerking?": an indication for zorgtoeslag and huurtoeslag.

This is not a calculation and not advice. The check compares a few answers with the limits
in the facts data and returns a verdict ("misschien wel", "waarschijnlijk niet" or "dat hangt
af van …") with Dutch reasons. It never shows an amount of toeslag, and it always points to
the official proefberekening. The logic lives in pure functions::

    check_zorgtoeslag(partner=False, age=29, insured=True, income=24000)
    check_huurtoeslag(partner=False, age=29, housing=Housing.ROOM, rent=450,
                      savings_below_limit=True, income=24000)

A lesson cell shows the form with ``eligibility_widget()``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import Enum
from functools import cache

import ipywidgets as widgets
from IPython.display import display

from course.facts import course_year
from course.messages import common as msg
from course.messages.module1 import EligibilityText as T
from course.messages.module3 import KnownText
from course.numbers import format_euro, parse_number_strict
from course.tools.known import known, old_years


@dataclass(frozen=True)
class Limits:
    """The facts the check needs (all from the facts data, with their sources there)."""

    zorg_income_single: float
    zorg_income_partner: float
    zorg_min_age: int
    huur_min_age: int
    huur_adult_age: int
    huur_rent_limit_adult: float
    huur_rent_limit_young: float
    huur_savings_limit_single: float
    proefberekening: str
    old_year: int | None = None  # the limits are from this year: the course year's are unknown


LIMIT_KEYS = (
    "zorgtoeslag.inkomensgrens_alleenstaand",
    "zorgtoeslag.inkomensgrens_partner",
    "huurtoeslag.huurgrens_21_plus",
    "huurtoeslag.huurgrens_18_20",
    "huurtoeslag.vermogensgrens_alleenstaand",
)


@cache
def _limits() -> Limits:
    """Read the limits from ``course/data/feiten.toml`` (each with its source there)."""

    def value(key: str):
        return known(key).value

    older = old_years(LIMIT_KEYS)

    return Limits(
        zorg_income_single=value("zorgtoeslag.inkomensgrens_alleenstaand"),
        zorg_income_partner=value("zorgtoeslag.inkomensgrens_partner"),
        zorg_min_age=int(value("zorgtoeslag.minimumleeftijd")),
        huur_min_age=int(value("huurtoeslag.minimumleeftijd")),
        huur_adult_age=int(value("huurtoeslag.leeftijd_hoge_huurgrens")),
        huur_rent_limit_adult=value("huurtoeslag.huurgrens_21_plus"),
        huur_rent_limit_young=value("huurtoeslag.huurgrens_18_20"),
        huur_savings_limit_single=value("huurtoeslag.vermogensgrens_alleenstaand"),
        proefberekening=str(value("toeslagen.proefberekening")),
        old_year=older[-1] if older else None,
    )


def old_limits_note() -> str:
    """Empty, or the warning that the limits are those of an earlier year."""
    year = _limits().old_year
    if year is None:
        return ""
    return KnownText.LIMITS_OLD.format(year=year, course_year=course_year())


# Share of the income limit from which the check warns that the income is close to it.
# A teaching aid (keep the estimate up to date), not a rule of Dienst Toeslagen.
NEAR_LIMIT_SHARE = 0.9


class Outcome(Enum):
    """The three possible answers of the check."""

    MAYBE = "maybe"
    UNLIKELY = "unlikely"
    DEPENDS = "depends"


class Housing(Enum):
    """What kind of home the person lives in."""

    SELF_CONTAINED = "self_contained"
    ROOM = "room"
    NOT_RENTING = "not_renting"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Verdict:
    """The indication for one toeslag: an outcome and the Dutch reasons for it."""

    scheme: str
    outcome: Outcome
    reasons: tuple[str, ...]
    depends_on: tuple[str, ...] = ()

    @property
    def answer(self) -> str:
        """The short answer a learner reads: "misschien wel", "dat hangt af van je huur", …"""
        if self.outcome is Outcome.DEPENDS:
            return T.OUTCOME_TEXT["depends"].format(things=_join(self.depends_on))
        return T.OUTCOME_TEXT[self.outcome.value]

    @property
    def headline(self) -> str:
        return f"{T.SCHEME_NAMES[self.scheme]}: {self.answer}"


def _euro(value: float) -> str:
    """An amount the Dutch way, cents only when there are any: € 40.857, € 932,93."""
    return format_euro(value, always_cents=False)


def _join(things: tuple[str, ...]) -> str:
    if len(things) <= 1:
        return "".join(things)
    return ", ".join(things[:-1]) + T.AND + things[-1]


def _check_amount(name: str, amount: float | None) -> None:
    if amount is not None and amount < 0:
        raise ValueError(f"{name} cannot be negative: {amount}")


def _verdict(scheme, unlikely, unknown, known, extra) -> Verdict:
    """Combine the findings: any "no" wins; else any unknown; else "maybe"."""
    note = [old_limits_note()] if old_limits_note() else []
    if unlikely:
        return Verdict(scheme, Outcome.UNLIKELY, _unique(unlikely + note))
    reasons = [text for _, text in unknown] + known
    if unknown:
        things = _unique(thing for thing, _ in unknown)
        return Verdict(scheme, Outcome.DEPENDS, _unique(reasons + note), things)
    return Verdict(scheme, Outcome.MAYBE, _unique(reasons + extra + note))


def _unique(items) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def check_zorgtoeslag(
    partner: bool | None,
    age: int | None,
    insured: bool | None,
    income: float | None,
) -> Verdict:
    """Indication for zorgtoeslag. ``None`` means "not filled in / not known".

    ``income`` is the estimated yearly income (with a toeslagpartner: both together).
    """
    _check_amount("income", income)
    limits = _limits()
    single, couple = limits.zorg_income_single, limits.zorg_income_partner
    unlikely: list[str] = []
    unknown: list[tuple[str, str]] = []
    known: list[str] = []

    if age is None:
        unknown.append((T.UNKNOWN_AGE, T.ZORG_TOO_YOUNG.format(age=limits.zorg_min_age)))
    elif age < limits.zorg_min_age:
        unlikely.append(T.ZORG_TOO_YOUNG.format(age=limits.zorg_min_age))

    if insured is None:
        unknown.append((T.UNKNOWN_INSURED, T.ZORG_ASK_INSURED))
    elif not insured:
        unlikely.append(T.ZORG_NOT_INSURED)

    limit = None if partner is None else (couple if partner else single)
    if income is None:
        if limit is None:
            text = T.ZORG_ASK_SITUATION.format(single=_euro(single), partner=_euro(couple))
        else:
            text = (T.ZORG_ASK_INCOME_PARTNER if partner else T.ZORG_ASK_INCOME).format(
                limit=_euro(limit)
            )
        unknown.append((T.UNKNOWN_INCOME, text))
    elif limit is None:
        if income > couple:
            unlikely.append(T.ZORG_INCOME_TOO_HIGH_PARTNER.format(limit=_euro(couple)))
        elif income > single:
            text = T.ZORG_ASK_SITUATION.format(single=_euro(single), partner=_euro(couple))
            unknown.append((T.UNKNOWN_SITUATION, text))
        else:
            known.append(T.ZORG_INCOME_OK.format(limit=_euro(single)))
    elif income > limit:
        too_high = T.ZORG_INCOME_TOO_HIGH_PARTNER if partner else T.ZORG_INCOME_TOO_HIGH
        unlikely.append(too_high.format(limit=_euro(limit)))
    else:
        ok = T.ZORG_INCOME_OK_PARTNER if partner else T.ZORG_INCOME_OK
        known.append(ok.format(limit=_euro(limit)))
        if income >= NEAR_LIMIT_SHARE * limit:
            known.append(T.NEAR_LIMIT)

    return _verdict("zorgtoeslag", unlikely, unknown, known, [T.ZORG_AMOUNT])


def check_huurtoeslag(
    partner: bool | None,
    age: int | None,
    housing: Housing | None,
    rent: float | None,
    savings_below_limit: bool | None,
    income: float | None,
) -> Verdict:
    """Indication for huurtoeslag. ``None`` means "not filled in / not known".

    ``rent`` is the kale huur per month; ``savings_below_limit`` answers "is your savings at
    most the limit for a single person?". Since 2026 a high rent is no reason for a "no".
    """
    _check_amount("rent", rent)
    _check_amount("income", income)
    limits = _limits()
    unlikely: list[str] = []
    unknown: list[tuple[str, str]] = []
    known: list[str] = []

    if partner is None:
        unknown.append((T.UNKNOWN_SITUATION, T.ASK_SITUATION))

    if age is None:
        unknown.append((T.UNKNOWN_AGE, T.HUUR_TOO_YOUNG.format(age=limits.huur_min_age)))
    elif age < limits.huur_min_age:
        unlikely.append(T.HUUR_TOO_YOUNG.format(age=limits.huur_min_age))

    housing = housing or Housing.UNKNOWN
    if housing is Housing.NOT_RENTING:
        unlikely.append(T.HUUR_NOT_RENTING)
    elif housing is Housing.ROOM:
        unlikely.append(T.HUUR_ROOM)
    elif housing is Housing.UNKNOWN:
        unknown.append((T.UNKNOWN_HOUSING, T.HUUR_ASK_HOUSING))
    else:
        known.append(T.HUUR_SELF_CONTAINED)

    young = age is not None and limits.huur_min_age <= age < limits.huur_adult_age
    rent_limit = limits.huur_rent_limit_young if young else limits.huur_rent_limit_adult
    if housing is not Housing.NOT_RENTING:
        if rent is None:
            unknown.append((T.UNKNOWN_RENT, T.HUUR_ASK_RENT))
        else:
            if young:
                known.append(
                    T.HUUR_YOUNG.format(age=limits.huur_adult_age, limit=_euro(rent_limit))
                )
            if rent > rent_limit:
                known.append(T.HUUR_RENT_ABOVE.format(limit=_euro(rent_limit)))
            elif not young:
                known.append(T.HUUR_RENT_OK.format(limit=_euro(rent_limit)))
            known.append(T.HUUR_ASK_RENT)

    savings_limit = _euro(limits.huur_savings_limit_single)
    if partner:
        known.append(T.HUUR_SAVINGS_PARTNER.format(limit=savings_limit))
    elif savings_below_limit is None:
        unknown.append((T.UNKNOWN_SAVINGS, T.HUUR_ASK_SAVINGS.format(limit=savings_limit)))
    elif not savings_below_limit:
        unlikely.append(T.HUUR_SAVINGS_TOO_HIGH.format(limit=savings_limit))
    else:
        known.append(T.HUUR_SAVINGS_OK.format(limit=savings_limit))

    if income is None:
        unknown.append((T.UNKNOWN_INCOME, T.HUUR_AMOUNT))

    return _verdict("huurtoeslag", unlikely, unknown, known, [T.HUUR_AMOUNT])


def render_verdicts(verdicts: list[Verdict]) -> str:
    """The result as HTML: the indication label, each verdict with reasons, the official link."""
    parts = [
        f"<p><strong>{html.escape(T.INDICATION)}</strong> {html.escape(T.DISCLAIMER)}</p>",
    ]
    for verdict in verdicts:
        reasons = "".join(f"<li>{html.escape(reason)}</li>" for reason in verdict.reasons)
        parts.append(
            f'<div class="sp-verdict sp-verdict-{verdict.outcome.value}">'
            f"<p><strong>{html.escape(verdict.headline)}</strong></p><ul>{reasons}</ul></div>"
        )
    parts.append(f"<p>{html.escape(T.MORE_CONDITIONS)}</p>")
    parts.append(f"<p>{_official_html()}</p>")
    return f'<div class="sp-eligibility-result" role="status">{"".join(parts)}</div>'


def render_start() -> str:
    """What the result area shows before anything is filled in."""
    return (
        f'<div class="sp-eligibility-result" role="status"><p>{html.escape(T.START)}</p>'
        f"<p>{_official_html()}</p></div>"
    )


def _official_html() -> str:
    address = _limits().proefberekening
    link = (
        f'<a href="https://{html.escape(address, quote=True)}" target="_blank" '
        f'rel="noopener">{html.escape(address)}</a>'
    )
    return html.escape(T.OFFICIAL).replace(html.escape("{link}"), link)


def _read_age(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    number = parse_number_strict(text).value
    if number is None or number != int(number) or not 0 <= number <= 130:
        raise ValueError(T.BAD_AGE.format(text=text))
    return int(number)


def _read_amount(text: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    reading = parse_number_strict(text)
    if reading.ambiguous:
        raise ValueError(reading.question)
    number = reading.value
    if number is None:
        raise ValueError(msg.NOT_A_NUMBER.format(text=text))
    if number < 0:
        raise ValueError(T.NEGATIVE.format(text=text))
    return number


class EligibilityForm:
    """The form: inputs on top, the indication below; it updates on every change."""

    def __init__(self) -> None:
        limits = _limits()
        style = {"description_width": "initial"}
        wide = widgets.Layout(width="auto")
        self.situation = widgets.RadioButtons(
            options=T.SITUATION_OPTIONS, value=None, description=T.LABEL_SITUATION, style=style
        )
        self.age = widgets.Text(
            description=T.LABEL_AGE,
            placeholder=T.PLACEHOLDER_AGE,
            continuous_update=False,
            style=style,
        )
        self.insured = widgets.RadioButtons(
            options=T.YES_NO_OPTIONS, value=None, description=T.LABEL_INSURED, style=style
        )
        self.income = widgets.Text(
            description=T.LABEL_INCOME,
            placeholder=T.PLACEHOLDER_INCOME,
            continuous_update=False,
            style=style,
        )
        self.housing = widgets.RadioButtons(
            options=[(label, Housing(key)) for key, label in T.HOUSING_LABELS.items()],
            value=None,
            description=T.LABEL_HOUSING,
            style=style,
            layout=wide,
        )
        self.rent = widgets.Text(
            description=T.LABEL_RENT,
            placeholder=T.PLACEHOLDER_RENT,
            continuous_update=False,
            style=style,
        )
        self.savings = widgets.RadioButtons(
            options=T.SAVINGS_OPTIONS,
            value=None,
            description=T.LABEL_SAVINGS.format(limit=_euro(limits.huur_savings_limit_single)),
            style=style,
        )
        self.result = widgets.HTML()
        inputs = [
            self.situation,
            self.age,
            self.insured,
            self.income,
            self.housing,
            self.rent,
            self.savings,
        ]
        for field in inputs:
            field.observe(self.update, names="value")
        header = widgets.HTML(
            f"<p><strong>{html.escape(T.TITLE)}</strong></p>"
            f"<p>{html.escape(T.INTRO)} <strong>{html.escape(T.DISCLAIMER)}</strong></p>"
        )
        self.box = widgets.VBox([header, *inputs, self.result])
        self.box.add_class("sp-eligibility")
        self.update()

    def update(self, _change=None) -> None:
        """Re-check with the current answers and show the result."""
        problems = []
        values = {}
        for name, field, read in (
            ("age", self.age, _read_age),
            ("income", self.income, _read_amount),
            ("rent", self.rent, _read_amount),
        ):
            try:
                values[name] = read(field.value)
            except ValueError as problem:
                problems.append(str(problem))
        if problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            self.result.value = (
                f'<div class="sp-eligibility-result" role="status">'
                f"<p><strong>{html.escape(T.FIX_FIRST)}</strong></p><ul>{items}</ul></div>"
            )
            return
        partner = self.situation.value
        choices = (partner, self.insured.value, self.housing.value, self.savings.value)
        if all(value is None for value in (*choices, *values.values())):
            self.result.value = render_start()
            return
        self.result.value = render_verdicts(
            [
                check_zorgtoeslag(partner, values["age"], self.insured.value, values["income"]),
                check_huurtoeslag(
                    partner,
                    values["age"],
                    self.housing.value,
                    values["rent"],
                    self.savings.value,
                    values["income"],
                ),
            ]
        )


def eligibility_widget() -> None:
    """Show the form "Kom ik misschien in aanmerking?" in a lesson."""
    display(EligibilityForm().box)
