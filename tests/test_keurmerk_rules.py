"""Keurmerk rules: a decision per learner with Dutch reasons (fixture score table)."""

from __future__ import annotations

import pandas as pd
import pytest

from keurmerk.rules import DEFAULT_RULES, Rules, decide, load_rules

MODULES = ["module-1", "module-2", "module-3"]


def _scores(rows):
    return pd.DataFrame(
        rows, columns=["learner", "assignment", "score", "max_score", "open_items", "late"]
    )


def _passed(learner):
    return [(learner, m, 18, 20, "", False) for m in MODULES]


PRACTICE = pd.DataFrame(
    [("samira", 24, 4), ("karim", 24, 4), ("olena", 10, 1), ("tesfay", 30, 5)],
    columns=["learner", "practice_hours", "intervision_sessions"],
)


def test_default_rules_are_documented_and_load():
    rules = load_rules(DEFAULT_RULES)
    assert list(rules.modules) == MODULES
    assert (rules.min_percentage, rules.validity_years) == (70, 3)


def test_all_requirements_met():
    (decision,) = decide(
        _scores(_passed("samira")), PRACTICE[PRACTICE.learner == "samira"], load_rules()
    )
    assert decision.eligible and decision.summary.startswith("Ja")


def test_open_manual_item_gives_the_example_reason():
    rows = _passed("karim")
    rows[1] = ("karim", "module-2", 18, 20, "vraag-3-antwoord", False)
    (decision,) = decide(_scores(rows), PRACTICE[PRACTICE.learner == "karim"], load_rules())
    assert not decision.eligible
    assert decision.summary == (
        "Nog niet: module 2 (Goed voor jezelf zorgen): open vraag 3 is nog niet beoordeeld"
    )


def test_low_score_missing_module_and_too_little_practice():
    rows = [("olena", "module-1", 13, 20, "", False), ("olena", "module-2", 14, 20, "", False)]
    (decision,) = decide(_scores(rows), PRACTICE[PRACTICE.learner == "olena"], load_rules())
    assert decision.reasons == [
        "module 1 (Wegwijs in de bureaucratie): 65% van de punten, nodig is 70%",
        "module 3 (Van vrijwilliger naar betaald werk): "
        "de opdracht is nog niet ingeleverd of nagekeken",
        "10 praktijkuren, nodig zijn er 20",
        "1 intervisiebijeenkomsten, nodig zijn er 3",
    ]


def test_exactly_the_minimum_passes_and_late_work_follows_the_rule():
    rows = [("tesfay", m, 14, 20, "", m == "module-3") for m in MODULES]
    rules = load_rules()
    assert decide(_scores(rows), PRACTICE, rules)[-1].eligible
    strict = Rules(**{**rules.__dict__, "accept_late": False})
    decision = decide(_scores(rows), PRACTICE, strict)[-1]
    assert decision.reasons == [
        "module 3 (Van vrijwilliger naar betaald werk): de opdracht is te laat ingeleverd"
    ]


def test_a_table_without_the_agreed_columns_is_refused():
    with pytest.raises(ValueError, match="open_items"):
        decide(pd.DataFrame({"learner": ["x"], "assignment": ["module-1"]}), PRACTICE, load_rules())


def test_several_open_items_read_naturally():
    rows = _passed("olena")
    rows[0] = ("olena", "module-1", 18, 20, "vraag-21-antwoord;vraag-22-antwoord", False)
    (decision,) = decide(_scores(rows), PRACTICE[PRACTICE.learner == "olena"], load_rules())
    assert decision.reasons[0] == (
        "module 1 (Wegwijs in de bureaucratie): "
        "open vraag 21 en open vraag 22 zijn nog niet beoordeeld"
    )
