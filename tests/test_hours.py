"""Hours tracker: week log by kind, year totals against the urencriterium, private storage."""

import datetime as dt
import json

import pytest

from course.tools import hours
from course.tools.hours import (
    HoursTracker,
    clean_week,
    load_log,
    parse_week_key,
    save_week,
    set_week,
    week_key,
    weeks_in_year,
    year_summary,
)

TODAY = dt.date(2026, 11, 25)  # ISO week 48 of 2026, which has 53 weeks


def test_the_criterion_comes_from_the_facts():
    assert hours.criterion_hours() == 1225


def test_week_keys():
    assert week_key(2026, 5) == "2026-W05"
    assert parse_week_key("2026-W05") == (2026, 5)
    assert weeks_in_year(2026) == 53 and weeks_in_year(2025) == 52
    assert parse_week_key("2025-W53") is None
    assert parse_week_key("kapot") is None
    with pytest.raises(ValueError, match="bestaat niet"):
        week_key(2025, 53)


def test_clean_week_drops_zeros_and_refuses_impossible_hours():
    assert clean_week({"direct": 20, "reizen": 0}) == {"direct": 20.0}
    with pytest.raises(ValueError, match="0 of meer"):
        clean_week({"direct": -1})
    with pytest.raises(ValueError, match="hoogstens 168"):
        clean_week({"direct": 170})
    with pytest.raises(ValueError, match="maar 168 uur"):
        clean_week({"direct": 100, "administratie": 80})
    with pytest.raises(ValueError, match="Onbekende"):
        clean_week({"slapen": 8})


def test_natalia_year_by_hand():
    """46 weeks of 20 hours for clients + 6 indirect hours (3 admin, 2 finding clients,
    1 travel) = 46 × 26 = 1.196 hours: 29 short of 1.225 (lesson m3-l4). Her 4 volunteer hours
    (184) do not count."""
    log = {}
    for week in range(1, 47):
        log = set_week(
            log,
            2026,
            week,
            {"direct": 20, "administratie": 3, "acquisitie": 2, "reizen": 1, "niet_bedrijf": 4},
        )
    s = year_summary(log, 2026)
    assert s.weeks_logged == 46
    assert (s.direct, s.indirect, s.counted, s.not_counted) == (920, 276, 1196, 184)
    assert not s.met and s.remaining == 29
    assert s.needed_per_week is None  # no date given: no weeks-left estimate


def test_needed_per_week_uses_the_weeks_left():
    log = set_week({}, 2026, 1, {"direct": 25})
    s = year_summary(log, 2026, today=TODAY)
    assert s.weeks_left == 5  # weeks 49 to 53
    assert s.remaining == 1200 and s.needed_per_week == 240
    assert year_summary(log, 2027, today=TODAY).weeks_left == 52
    assert year_summary(log, 2025, today=TODAY).weeks_left == 0


def test_reaching_the_criterion():
    log = {}
    for week in range(1, 50):
        log = set_week(log, 2026, week, {"direct": 20, "administratie": 5})
    s = year_summary(log, 2026, today=TODAY)
    assert s.counted == 1225 and s.met and s.remaining == 0
    assert "Je haalt het urencriterium" in hours.render_summary(s)


def test_other_years_and_bad_entries_are_ignored():
    log = {
        "2025-W10": {"direct": 40},
        "2026-W10": {"direct": 10, "raar": "x"},
        "2026-W11": "kapot",
        "onzin": {"direct": 5},
        "2026-W12": {"direct": 500},
    }
    s = year_summary(log, 2026)
    assert s.counted == 10 and s.weeks_logged == 1


def test_set_week_replaces_and_removes():
    log = set_week({}, 2026, 3, {"direct": 8})
    log = set_week(log, 2026, 3, {"administratie": 2})
    assert log == {"2026-W03": {"administratie": 2.0}}
    assert set_week(log, 2026, 3, {"administratie": 0}) == {}


def test_the_log_is_private_in_the_learner_folder(learner_home):
    save_week(2026, 48, {"direct": 20, "reizen": 1.5})
    saved = json.loads((learner_home / "urenregistratie.json").read_text(encoding="utf-8"))
    assert saved == {"2026-W48": {"direct": 20.0, "reizen": 1.5}}
    assert load_log() == saved
    save_week(2026, 48, {"direct": 0})
    assert load_log() == {}


def test_tracker_saves_loads_and_summarises(learner_home):
    tracker = HoursTracker(today=TODAY)
    assert tracker.year.value == 2026 and tracker.week.value == 48
    assert "23 november tot en met 29 november" in tracker.week.label
    assert "nog geen uren" in tracker.summary.value
    tracker.fields["direct"].value = "20"
    tracker.fields["administratie"].value = "2,5"
    tracker.fields["niet_bedrijf"].value = "4"
    tracker.save_button.click()
    assert "opgeslagen" in tracker.status.value
    assert "22,5 van de 1.225 uur" in tracker.summary.value
    assert "Niet voor je bedrijf: 4 uur" in tracker.summary.value
    tracker.week.value = 47
    assert all(field.value == "" for field in tracker.fields.values())
    tracker.week.value = 48
    assert tracker.fields["administratie"].value == "2,5"
    tracker.clear_button.click()
    assert "gewist" in tracker.status.value
    assert load_log() == {}


def test_tracker_explains_bad_input_and_saves_nothing(learner_home):
    tracker = HoursTracker(today=TODAY)
    tracker.fields["direct"].value = "<i>veel</i>"
    tracker.save()
    assert "geen getal" in tracker.status.value
    assert "<i>" not in tracker.status.value
    tracker.fields["direct"].value = "-3"
    tracker.save()
    assert "0 of meer" in tracker.status.value
    assert load_log() == {}


def test_tracker_switches_year(learner_home):
    save_week(2027, 2, {"direct": 7})
    tracker = HoursTracker(today=TODAY)
    tracker.year.value = 2027
    assert "Jouw uren in 2027" in tracker.summary.value
    assert "7 van de 1.225 uur" in tracker.summary.value
    assert len(tracker.week.options) == 52


def test_unreadable_log_is_kept_and_does_not_crash(learner_home):
    learner_home.mkdir(parents=True)
    (learner_home / "urenregistratie.json").write_text("[kapot", encoding="utf-8")
    tracker = HoursTracker(today=TODAY)
    assert "kon niet worden gelezen" in tracker.summary.value
    tracker.fields["direct"].value = "5"
    tracker.save()
    assert load_log() == {"2026-W48": {"direct": 5.0}}
    backups = list(learner_home.glob("urenregistratie.beschadigd-*.json"))
    assert [b.read_text(encoding="utf-8") for b in backups] == ["[kapot"]


def test_every_input_has_a_label(learner_home):
    tracker = HoursTracker(today=TODAY)
    fields = [tracker.year, tracker.week, *tracker.fields.values()]
    assert all(field.description for field in fields)
    assert tracker.save_button.description and tracker.clear_button.description


# "Wis mijn gegevens"


def _files(home):
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())


def test_delete_asks_first_and_then_removes_the_log_and_its_backups(learner_home):
    """Does "Wis mijn gegevens" ask first, then remove the log and backups, and empty the form?"""
    learner_home.mkdir(parents=True)
    (learner_home / "urenregistratie.json").write_text("[kapot", encoding="utf-8")
    tracker = HoursTracker(today=TODAY)
    tracker.fields["direct"].value = "5"
    tracker.save()
    assert len(_files(learner_home)) == 2  # the log and the backup of the broken one
    tracker.delete.button.click()
    assert tracker.delete.confirm.layout.display is None
    assert "Weet je het zeker?" in tracker.delete.question.value
    tracker.delete.no.click()
    assert len(_files(learner_home)) == 2  # "Nee, toch niet" keeps the data
    assert "niets gewist" in tracker.delete.status.value
    tracker.delete.button.click()
    tracker.delete.yes.click()
    assert _files(learner_home) == []
    assert "gewist" in tracker.delete.status.value
    assert all(field.value == "" for field in tracker.fields.values())
    assert "nog geen uren" in tracker.summary.value
    assert "kon niet worden gelezen" not in tracker.summary.value
    assert load_log() == {} and _files(learner_home) == []  # emptying saves nothing again


def test_delete_leaves_other_files_in_the_learner_home_alone(learner_home):
    """Does deleting the hours log keep progress, settings and the private tools' files?"""
    save_week(2026, 48, {"direct": 3})
    (learner_home / "voortgang.json").write_text("{}", encoding="utf-8")
    (learner_home / "privé").mkdir()
    (learner_home / "privé" / "zelftest.json").write_text("{}", encoding="utf-8")
    tracker = HoursTracker(today=TODAY)
    tracker.delete.button.click()
    tracker.delete.yes.click()
    assert _files(learner_home) == ["privé/zelftest.json", "voortgang.json"]


def test_delete_with_nothing_saved_says_so(learner_home):
    tracker = HoursTracker(today=TODAY)
    tracker.delete_all()
    assert "geen uren bewaard" in tracker.delete.status.value


def test_an_ambiguous_number_is_asked_about_and_not_saved(learner_home):
    """Is "1,500" (one and a half, or fifteen hundred?) asked about instead of saved?"""
    tracker = HoursTracker(today=TODAY)
    tracker.fields["direct"].value = "1,500"
    tracker.save()
    assert "Bedoel je 1.500 of 1,5?" in tracker.status.value
    assert load_log() == {}
