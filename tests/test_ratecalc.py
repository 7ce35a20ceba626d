"""Rate calculator: worked examples computed by hand, Dutch input, assumptions and sources."""

import pytest

from course.facts import course_year
from course.numbers import format_euro, format_number
from course.tools import ratecalc
from course.tools.known import known
from course.tools.ratecalc import RateForm, hourly_rate, read_amount, render_result

DISCLAIMER = "Dit is een schatting, geen belastingadvies."


def samira(**changes):
    """Samira's example from lesson m3-l3 (the form starts with these values)."""
    values = dict(
        billable_hours_per_week=20,
        hours_per_week=32,
        weeks_off=6,
        costs_per_year=3000,
        tax_percent=20,
        pension_per_month=200,
        disability_per_month=150,
    )
    values.update(changes)
    net = values.pop("net", 2000)
    return hourly_rate(net, **values)


def test_samira_worked_example():
    """By hand:
    needed after tax = 12 × (2.000 + 200 + 150)      = 28.200
    profit           = 28.200 / (1 − 0,20) = 28.200 / 0,8 = 35.250
    tax              = 35.250 − 28.200                = 7.050
    turnover         = 35.250 + 3.000                 = 38.250
    billable hours   = 20 × (52 − 6) = 20 × 46        = 920
    rate             = 38.250 / 920                   = 41,58
    hours per year   = 32 × 46                        = 1.472
    """
    r = samira()
    assert r.net_per_year == 24000
    assert r.pension_per_year == 2400
    assert r.disability_per_year == 1800
    assert r.needed_after_tax == 28200
    assert r.profit == pytest.approx(35250, abs=0.01)
    assert r.tax == pytest.approx(7050, abs=0.01)
    assert r.turnover == pytest.approx(38250, abs=0.01)
    assert r.working_weeks == 46
    assert r.billable_hours_per_year == 920
    assert r.hours_per_year == 1472
    assert r.rate == pytest.approx(41.58, abs=0.005)
    assert r.rate_with_btw(21) == pytest.approx(50.31, abs=0.005)  # 41,5761 × 1,21


def test_no_tax_no_costs_is_plain_division():
    """12 × 1.000 = 12.000 per year over 10 hours × 50 weeks = 500 hours: 24 per hour."""
    r = hourly_rate(1000, billable_hours_per_week=10, weeks_off=2, costs_per_year=0, tax_percent=0)
    assert r.rate == 24
    assert r.tax == 0
    assert r.hours_per_week == 10  # defaults to the billable hours


def test_half_tax_doubles_the_profit():
    """12 × 500 = 6.000 after tax; at 50% the profit is 12.000 (tax 6.000); plus 1.000 costs
    = 13.000 turnover over 25 hours × 40 weeks = 1.000 hours: 13 per hour."""
    r = hourly_rate(
        500, billable_hours_per_week=25, weeks_off=12, costs_per_year=1000, tax_percent=50
    )
    assert (r.profit, r.tax, r.turnover, r.billable_hours_per_year) == (12000, 6000, 13000, 1000)
    assert r.rate == 13


def test_more_holidays_or_fewer_billable_hours_raise_the_rate():
    base = samira().rate
    assert samira(weeks_off=10).rate > base
    assert samira(billable_hours_per_week=16).rate > base
    assert samira(disability_per_month=0).rate < base


def test_breakdown_lists_every_step_in_dutch_amounts():
    labels = [label for label, _ in samira().steps()]
    values = dict(samira().steps())
    assert len(labels) == 11
    assert values["Nodig na belasting"] == "€ 28.200"
    assert values["Omzet die je nodig hebt, zonder btw"] == "€ 38.250"
    assert values["Uurtarief: omzet ÷ uren voor klanten"] == "€ 41,58"
    assert any("÷ 0,8" in label for label in labels)


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"billable_hours_per_week": 0}, "meer dan 0"),
        ({"billable_hours_per_week": 40}, "niet meer uren declareren"),
        ({"hours_per_week": 200, "billable_hours_per_week": 20}, "168"),
        ({"weeks_off": 52}, "0 tot en met 51"),
        ({"tax_percent": 100}, "0 tot 100"),
        ({"costs_per_year": -1}, "0 of meer"),
        ({"net": -5}, "0 of meer"),
    ],
)
def test_impossible_input_gets_a_dutch_message(changes, words):
    with pytest.raises(ValueError, match=words):
        samira(**changes)


def euro_text(value: float) -> str:
    return format_euro(value, always_cents=False)


def test_euro_text_rounds_to_cents_the_dutch_way():
    assert euro_text(46856.92068) == "€ 46.856,92"
    assert euro_text(24000) == "€ 24.000"
    assert euro_text(50.9) == "€ 50,90"
    assert euro_text(85.15) == "€ 85,15"


def test_amounts_are_read_the_dutch_way():
    assert read_amount("2.000", "Netto:") == 2000
    assert read_amount("€ 1.234,50", "Netto:") == 1234.5
    assert read_amount("35,7", "Belasting:") == 35.7
    with pytest.raises(ValueError, match="geen getal"):
        read_amount("veel", "Netto:")
    with pytest.raises(ValueError, match="een getal in"):
        read_amount("  ", "Netto:")


def test_assumptions_come_from_the_facts_with_sources():
    page = render_result(samira())
    assert DISCLAIMER in page
    box1 = [known(f"belasting.box1_schijf{n}_procent") for n in (1, 2, 3)]
    for item in box1:
        assert f"{format_number(item.value)}%" in page
    if known("belasting.box1_schijf1_procent").fact.confidence == "LOW":
        assert "onzeker" in page
    if not all(item.current for item in box1):  # labelled with its year, never as this year's
        year = max(item.year for item in box1 if not item.current)
        assert f"was in {year}" in page and "nog niet bekend" in page
        assert f"is in {course_year()} " not in page.split("Het tarief van box 1")[1][:40]
    else:
        assert f"is in {course_year()}" in page
    assert "wetsvoorstel" in page and "nog geen wet" in page  # BAZ is a bill, not a law
    assert f"{format_number(known('baz.premie_procent').value)}%" in page
    assert 'href="https://www.stap3.nl/' in page
    assert 'href="https://www.rijksoverheid.nl/' in page
    assert f"{format_number(known('urencriterium.uren_per_jaar').value)} uur" in page
    assert "1.472 uur" in page
    assert ratecalc.default_tax_percent() == 20
    # The box-1 rate is shown, but the starting assumption is the course's rough estimate
    # of tax, premiums and the Zvw contribution together as a share of the profit.
    assert "De cursus begint met 20%" in page and "ruwe schatting" in page
    assert "heffingskortingen" in page and "Zvw" in page


def test_warnings_for_nothing_set_aside_and_short_hours():
    page = render_result(samira(pension_per_month=0, disability_per_month=0))
    assert "niets opzij voor pensioen" in page
    assert "niets opzij voor arbeidsongeschiktheid" in page
    page = render_result(samira(hours_per_week=20, billable_hours_per_week=20))
    assert "Dat haal je dan niet" in page  # 20 × 46 = 920 < 1.225
    assert "niet voor klanten" not in page


def test_form_starts_with_samira_and_reacts_to_changes():
    form = RateForm()
    assert "€ 41,58 per uur" in form.result.value
    assert DISCLAIMER in form.result.value
    form.net.value = "1.000"  # 12.000 + 2.400 + 1.800 = 16.200 / 0,8 + 3.000 → 23.250
    assert "€ 25,27 per uur" in form.result.value  # 23.250 / 920
    form.weeks_off.value = 12
    assert "40 weken" in form.result.value


def test_form_explains_bad_input_in_dutch_and_escapes_it():
    form = RateForm()
    form.costs.value = "<b>veel</b>"
    assert "geen getal" in form.result.value
    assert "<b>" not in form.result.value and "&lt;b&gt;" in form.result.value
    form.costs.value = "3000"
    form.billable.value = "40"
    assert "niet meer uren declareren" in form.result.value
    form.billable.value = "20"
    assert "€ 41,58" in form.result.value


def test_every_input_has_a_label():
    form = RateForm()
    assert all(field.description for field in form.inputs)
