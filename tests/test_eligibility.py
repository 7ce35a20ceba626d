"""'Kom ik misschien in aanmerking?': an indication from the facts, never an amount of toeslag."""

from __future__ import annotations

import re

import pytest

from course.messages.module1 import EligibilityText
from course.numbers import format_euro
from course.tools.eligibility import (
    EligibilityForm,
    Housing,
    Outcome,
    _limits,
    check_huurtoeslag,
    check_zorgtoeslag,
    render_verdicts,
)

DISCLAIMER = EligibilityText.DISCLAIMER


def euro_text(value: float) -> str:
    return format_euro(value, always_cents=False)


LIMITS = _limits()
SINGLE = LIMITS.zorg_income_single
COUPLE = LIMITS.zorg_income_partner
RENT_ADULT = LIMITS.huur_rent_limit_adult
RENT_YOUNG = LIMITS.huur_rent_limit_young


def zorg(partner=False, age=30, insured=True, income=20000.0):
    return check_zorgtoeslag(partner, age, insured, income)


def huur(
    partner=False,
    age=30,
    housing=Housing.SELF_CONTAINED,
    rent=600.0,
    savings_below_limit=True,
    income=20000.0,
):
    return check_huurtoeslag(partner, age, housing, rent, savings_below_limit, income)


def test_limits_come_from_the_facts_data():
    """The check reads its limits from the facts data (facts-2026 1.2.7 and 1.2.9)."""
    assert 0 < SINGLE < COUPLE
    assert 0 < RENT_YOUNG < RENT_ADULT
    assert LIMITS.huur_savings_limit_single > 0
    assert LIMITS.zorg_min_age == LIMITS.huur_min_age < LIMITS.huur_adult_age
    assert LIMITS.proefberekening == "toeslagen.nl/proefberekening"


@pytest.mark.parametrize(
    "partner, income, outcome",
    [
        (False, SINGLE, Outcome.MAYBE),  # exactly at the limit: not higher, so maybe
        (False, SINGLE + 1, Outcome.UNLIKELY),
        (False, SINGLE + 0.01, Outcome.UNLIKELY),
        (True, COUPLE, Outcome.MAYBE),
        (True, COUPLE + 1, Outcome.UNLIKELY),
        (True, SINGLE + 1, Outcome.MAYBE),  # above the single limit, fine for a couple
        (False, 0, Outcome.MAYBE),
    ],
)
def test_zorgtoeslag_income_boundaries(partner, income, outcome):
    assert zorg(partner=partner, income=income).outcome is outcome


def test_zorgtoeslag_reason_names_the_limit():
    verdict = zorg(income=SINGLE + 1)
    assert verdict.headline == "Zorgtoeslag: waarschijnlijk niet"
    assert any(euro_text(SINGLE) in reason for reason in verdict.reasons)
    couple = zorg(partner=True, income=COUPLE + 1)
    assert any(euro_text(COUPLE) in reason and "samen" in reason for reason in couple.reasons)


@pytest.mark.parametrize(
    "age, outcome",
    [(LIMITS.zorg_min_age - 1, Outcome.UNLIKELY), (LIMITS.zorg_min_age, Outcome.MAYBE)],
)
def test_zorgtoeslag_age_boundary(age, outcome):
    assert zorg(age=age).outcome is outcome


def test_zorgtoeslag_needs_a_dutch_health_insurance():
    verdict = zorg(insured=False)
    assert verdict.outcome is Outcome.UNLIKELY
    assert any("zorgverzekering" in reason for reason in verdict.reasons)


def test_unknown_answers_give_dat_hangt_af_van():
    verdict = zorg(income=None)
    assert verdict.outcome is Outcome.DEPENDS
    assert verdict.answer == "dat hangt af van je inkomen"
    assert zorg(insured=None, income=None).answer == (
        "dat hangt af van je zorgverzekering en je inkomen"
    )


def test_zorgtoeslag_unknown_situation_only_matters_between_the_limits():
    assert zorg(partner=None, income=SINGLE).outcome is Outcome.MAYBE
    between = zorg(partner=None, income=SINGLE + 1)
    assert between.outcome is Outcome.DEPENDS and "situatie" in between.answer
    assert zorg(partner=None, income=COUPLE + 1).outcome is Outcome.UNLIKELY


def test_a_no_wins_over_an_unknown():
    assert zorg(age=16, income=None).outcome is Outcome.UNLIKELY


def test_income_close_to_the_limit_warns_about_paying_back():
    near = zorg(income=SINGLE - 100)
    assert near.outcome is Outcome.MAYBE
    assert any("terugbetalen" in reason for reason in near.reasons)
    assert not any("terugbetalen" in reason for reason in zorg(income=15000).reasons)


@pytest.mark.parametrize("rent", [RENT_ADULT - 0.01, RENT_ADULT, RENT_ADULT + 0.01, 1500])
def test_huurtoeslag_has_no_maximum_rent_since_2026(rent):
    """A high rent is no reason for a 'no': huurtoeslag is calculated up to the rent limit."""
    verdict = huur(rent=rent)
    assert verdict.outcome is Outcome.MAYBE
    above = any("geen maximale huur" in reason for reason in verdict.reasons)
    assert above is (rent > RENT_ADULT)
    assert any(euro_text(RENT_ADULT) in reason for reason in verdict.reasons)


@pytest.mark.parametrize(
    "age, limit",
    [
        (LIMITS.huur_min_age, RENT_YOUNG),
        (LIMITS.huur_adult_age - 1, RENT_YOUNG),
        (LIMITS.huur_adult_age, RENT_ADULT),
        (67, RENT_ADULT),
    ],
)
def test_huurtoeslag_rent_limit_by_age(age, limit):
    verdict = huur(age=age, rent=RENT_YOUNG + 1)
    assert verdict.outcome is Outcome.MAYBE
    assert any(euro_text(limit) in reason for reason in verdict.reasons)


def test_huurtoeslag_below_the_minimum_age_is_unlikely():
    assert huur(age=LIMITS.huur_min_age - 1).outcome is Outcome.UNLIKELY
    assert huur(age=LIMITS.huur_min_age).outcome is Outcome.MAYBE


@pytest.mark.parametrize(
    "housing, outcome",
    [
        (Housing.SELF_CONTAINED, Outcome.MAYBE),
        (Housing.ROOM, Outcome.UNLIKELY),
        (Housing.NOT_RENTING, Outcome.UNLIKELY),
        (Housing.UNKNOWN, Outcome.DEPENDS),
        (None, Outcome.DEPENDS),
    ],
)
def test_huurtoeslag_only_for_a_self_contained_home(housing, outcome):
    assert huur(housing=housing).outcome is outcome


def test_a_room_gets_a_reason_and_a_pointer_to_the_exceptions():
    verdict = huur(housing=Housing.ROOM)
    assert any("kamer" in reason and "uitzonderingen" in reason for reason in verdict.reasons)


def test_huurtoeslag_savings():
    assert huur(savings_below_limit=False).outcome is Outcome.UNLIKELY
    assert huur(savings_below_limit=None).answer == "dat hangt af van je spaargeld"
    couple = huur(partner=True, savings_below_limit=None)
    assert couple.outcome is Outcome.MAYBE
    assert any("jullie spaargeld" in reason for reason in couple.reasons)


def test_servicekosten_do_not_count():
    assert any("Servicekosten" in reason for reason in huur().reasons)


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        zorg(income=-1)
    with pytest.raises(ValueError):
        huur(rent=-1)


def test_euro_text_is_dutch():
    assert euro_text(40857) == "€ 40.857"
    assert euro_text(932.93) == "€ 932,93"
    assert euro_text(498.2) == "€ 498,20"


AMOUNT = re.compile(r"€\s?([\d.]+(?:,\d{1,2})?)")


def _amounts(text: str) -> set[float]:
    return {float(a.replace(".", "").replace(",", ".")) for a in AMOUNT.findall(text)}


def _all_verdicts():
    for partner in (False, True, None):
        for income in (None, 0, SINGLE, COUPLE + 1):
            yield zorg(partner=partner, income=income)
            for housing in Housing:
                for rent in (None, RENT_YOUNG + 1, RENT_ADULT + 1):
                    for age in (None, 17, 19, 30):
                        yield huur(partner, age, housing, rent, None, income)


def test_only_limits_from_the_facts_appear_never_an_amount_of_toeslag():
    """The indication names limits from the facts, never how much toeslag someone gets."""
    allowed = {SINGLE, COUPLE, RENT_ADULT, RENT_YOUNG, LIMITS.huur_savings_limit_single}
    for verdict in _all_verdicts():
        text = " ".join(verdict.reasons) + verdict.headline
        assert _amounts(text) <= allowed, text
        assert verdict.answer.startswith(("misschien wel", "waarschijnlijk niet", "dat hangt"))


def test_result_is_labelled_as_an_indication_and_points_to_the_proefberekening():
    page = render_verdicts([zorg(), huur()])
    assert DISCLAIMER == "Dit is geen berekening en geen advies."
    assert DISCLAIMER in page
    assert 'href="https://toeslagen.nl/proefberekening"' in page


def test_result_escapes_html():
    verdict = zorg()
    evil = type(verdict)("zorgtoeslag", Outcome.MAYBE, ("<script>x</script>",))
    page = render_verdicts([evil])
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_form_reacts_to_changes():
    form = EligibilityForm()
    assert "Vul de vragen" in form.result.value
    assert "proefberekening" in form.result.value
    form.situation.value = False
    form.age.value = "29"
    form.insured.value = True
    form.income.value = "24.000"
    assert "Zorgtoeslag: misschien wel" in form.result.value
    assert DISCLAIMER in form.result.value
    form.income.value = "41.000"
    assert "Zorgtoeslag: waarschijnlijk niet" in form.result.value
    form.housing.value = Housing.ROOM
    form.rent.value = "450"
    form.savings.value = True
    assert "Huurtoeslag: waarschijnlijk niet" in form.result.value
    form.housing.value = Housing.SELF_CONTAINED
    assert "Huurtoeslag: misschien wel" in form.result.value


def test_form_explains_bad_input_in_dutch():
    form = EligibilityForm()
    form.income.value = "veel"
    assert "geen getal" in form.result.value
    form.income.value = ""
    form.age.value = "29,5"
    assert "hele jaren" in form.result.value
    form.age.value = "29"
    form.rent.value = "-5"
    assert "0 of meer" in form.result.value


def test_every_input_has_a_label():
    form = EligibilityForm()
    fields = [form.situation, form.age, form.insured, form.income, form.housing, form.rent]
    assert all(field.description for field in [*fields, form.savings])


def test_limits_of_an_earlier_year_are_said_with_their_year(monkeypatch):
    """Without limits for the course year the check still works and names their year."""
    from course.tools import eligibility

    old = eligibility.Limits(**{**LIMITS.__dict__, "old_year": 2026})
    monkeypatch.setattr(eligibility, "_limits", lambda: old)
    monkeypatch.setattr(eligibility, "course_year", lambda: 2027)
    for verdict in (zorg(), zorg(income=10 * COUPLE), huur()):
        note = verdict.reasons[-1]
        assert "grenzen van 2026" in note and "2027 zijn nog niet bekend" in note
    current = eligibility.Limits(**{**LIMITS.__dict__, "old_year": None})
    monkeypatch.setattr(eligibility, "_limits", lambda: current)
    assert not any("nog niet bekend" in reason for reason in zorg().reasons)


def test_the_check_says_so_when_its_limits_are_older_than_the_course_year():
    from course.facts import course_year
    from course.tools.known import known

    current = known("zorgtoeslag.inkomensgrens_alleenstaand").current
    said = any("nog niet bekend" in reason for reason in zorg().reasons)
    assert said == (not current) or LIMITS.old_year not in (None, course_year())
