"""The energy planner: the balance of a week, and private storage that the learner can wipe."""

from __future__ import annotations

import json
import os

import pytest

from course import messages as msg
from course.messages.module2 import EnergyText
from course.tools.energy import (
    HOURS_PER_WEEK,
    Activity,
    EnergyPlanner,
    Level,
    balance,
    data_path,
    data_to_rows,
    delete_data,
    energy_store,
    read_hours,
    read_week,
    render_week,
    rows_to_data,
    show_week,
)

T = EnergyText
NOT_DELETED = msg.NOT_DELETED

KARIM = [
    ("Werk in het magazijn", "40", -1),
    ("Buren helpen", "15", -2),
    ("Spelen met de kinderen", "4", 2),
    ("Moskee en vrienden", "3", 1),
    ("Huishouden", "6", 0),
]


def test_points_are_hours_times_effect():
    assert Activity("Buren helpen", 15, -2).points == -30
    assert Activity("Wandelen", 2.5, 2).points == 5
    assert Activity("Koken", 6, 0).points == 0


@pytest.mark.parametrize("effect", [-3, 3, 1.5, None])
def test_effect_must_be_on_the_five_point_scale(effect):
    with pytest.raises(ValueError):
        Activity("x", 1, effect)


def test_balance_adds_up_gives_costs_and_neutral():
    week = read_week(KARIM)
    summary = balance(week.activities)
    assert summary.gives_hours == 7 and summary.gives_points == 11
    assert summary.costs_hours == 55 and summary.costs_points == 70
    assert summary.neutral_hours == 6 and summary.total_hours == 68
    assert summary.points == -59
    assert summary.level is Level.OUT


@pytest.mark.parametrize(
    "rows, level",
    [
        ([], Level.EMPTY),
        ([("Koken", 5, 0)], Level.BALANCED),
        ([("Werk", 10, -1), ("Sport", 5, 2)], Level.BALANCED),  # costs 10, gives 10
        ([("Werk", 11, -1), ("Sport", 5, 2)], Level.WATCH),
        ([("Werk", 20, -1), ("Sport", 5, 2)], Level.WATCH),  # exactly twice
        ([("Werk", 21, -1), ("Sport", 5, 2)], Level.OUT),
        ([("Werk", 1, -1)], Level.OUT),  # nothing gives energy
    ],
)
def test_level_boundaries(rows, level):
    assert balance(Activity(*row) for row in rows).level is level


@pytest.mark.parametrize("text, hours", [("6", 6), ("2,5", 2.5), ("2.5", 2.5), (" 0 ", 0)])
def test_hours_are_read_the_dutch_way(text, hours):
    assert read_hours(text) == hours


def test_empty_hours_are_none():
    assert read_hours("") is None and read_hours("   ") is None


@pytest.mark.parametrize(
    "text, problem",
    [("veel", "geen aantal uren"), ("-3", "0 uur of meer"), ("200", str(HOURS_PER_WEEK))],
)
def test_bad_hours_get_a_dutch_message(text, problem):
    with pytest.raises(ValueError, match=problem):
        read_hours(text, number=3)


def test_read_week_skips_empty_rows_and_names_incomplete_ones():
    week = read_week(
        [
            ("", "", None),
            ("Buren helpen", "15", -2),
            ("Sport", "", 2),  # no hours yet
            ("", "4", 1),  # no name: gets a default name
            ("Telefoon", "8", ""),  # no effect yet
            ("Werk", "veel", -1),  # not a number
        ]
    )
    assert [a.name for a in week.activities] == ["Buren helpen", "Activiteit 4"]
    assert week.incomplete == (3, 5)
    assert len(week.problems) == 1 and "Activiteit 6" in week.problems[0]


def test_a_week_longer_than_a_week_gets_a_warning():
    week = read_week([("Werk", "100", -1), ("Helpen", "80", -2)])
    assert week.warnings and str(HOURS_PER_WEEK) in week.warnings[0]
    assert len(week.activities) == 2


def test_render_shows_level_bars_table_and_disclaimer():
    page = render_week(read_week(KARIM), title="De week van Karim")
    assert "Uit balans." in page and T.DISCLAIMER in page
    assert "De week van Karim" in page
    assert "Kost energie: 55 uur, 70 punten" in page
    assert "Balans: -59 punten." in page
    assert "<table" in page and "kost veel energie" in page


def test_render_of_an_empty_week_invites_to_start():
    page = render_week(read_week([("", "", None)]))
    assert T.START in page and T.DISCLAIMER in page


def test_render_escapes_html():
    page = render_week(read_week([("<script>x</script>", "2", 1)]), title="<b>")
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page


def test_rows_round_trip_through_the_saved_form():
    rows = [("Buren helpen", "15", -2), ("", "", ""), ("Sport", "2,5", 2)]
    data = rows_to_data(rows)
    assert data == [
        {"row": 1, "activity": "Buren helpen", "hours": "15", "effect": -2},
        {"row": 3, "activity": "Sport", "hours": "2,5", "effect": 2},
    ]
    back = data_to_rows({"rows": data}, rows=3)
    assert back == [("Buren helpen", "15", -2), ("", "", None), ("Sport", "2,5", 2)]


@pytest.mark.parametrize(
    "data",
    [None, [], {"rows": "x"}, {"rows": [1, {"row": 99}, {"row": True}, {"row": "1"}]}],
)
def test_malformed_saved_data_is_ignored(data):
    assert data_to_rows(data, rows=2) == [("", "", None), ("", "", None)]


# Private storage


def test_data_file_lives_in_the_private_folder_of_the_learner(learner_home):
    assert data_path() == learner_home / "privé" / "energieplanner.json"
    assert energy_store().path == data_path()


def test_showing_the_planner_writes_nothing(learner_home, tmp_path, monkeypatch):
    notebook_folder = tmp_path / "module-2-zelfzorg"
    notebook_folder.mkdir()
    monkeypatch.chdir(notebook_folder)
    planner = EnergyPlanner()
    assert T.START in planner.result.value
    assert not learner_home.exists() or not any(learner_home.rglob("*"))
    assert not any(notebook_folder.iterdir())


def _fill(planner, rows):
    for (name, hours, effect), (name_w, hours_w, effect_w) in zip(rows, planner.rows, strict=False):
        name_w.value = name
        hours_w.value = hours
        effect_w.value = effect


def test_planner_reacts_and_saves_only_under_the_learner_home(learner_home, tmp_path, monkeypatch):
    notebook_folder = tmp_path / "module-2-zelfzorg"
    notebook_folder.mkdir()
    monkeypatch.chdir(notebook_folder)
    planner = EnergyPlanner()
    _fill(planner, KARIM)
    assert "Uit balans." in planner.result.value
    assert T.SAVED in planner.status.value
    saved = learner_home / "privé" / "energieplanner.json"
    assert saved.exists()
    assert os.environ["SLEUTELPERSONEN_HOME"] == str(learner_home)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["week"]["rows"][1] == {
        "row": 2,
        "activity": "Buren helpen",
        "hours": "15",
        "effect": -2,
    }
    assert not any(notebook_folder.iterdir()), "nothing may be written next to the notebook"
    assert [p.name for p in learner_home.rglob("*") if p.is_file()] == ["energieplanner.json"]

    planner.rows[1][2].value = 2  # helping now gives a lot of energy
    assert "In balans." in planner.result.value or "Let op." in planner.result.value

    again = EnergyPlanner()  # re-running the cell shows what was saved
    assert again.rows[0][0].value == "Werk in het magazijn"
    assert again.rows[1][2].value == 2
    assert again.result.value == planner.result.value


def test_bad_input_is_explained_and_the_text_is_kept(learner_home):
    planner = EnergyPlanner()
    planner.rows[0][0].value = "Werk"
    planner.rows[0][1].value = "veertig"
    assert "geen aantal uren" in planner.result.value
    assert EnergyPlanner().rows[0][1].value == "veertig"


def test_wis_mijn_gegevens_asks_first_then_deletes(learner_home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    planner = EnergyPlanner()
    _fill(planner, KARIM)
    saved = data_path()
    assert saved.exists()
    assert planner.delete_button.description == "Wis mijn gegevens"
    assert planner.confirm.layout.display == "none"

    planner.delete_button.click()
    assert planner.confirm.layout.display != "none"
    assert saved.exists(), "nothing is deleted before the learner confirms"
    planner.no_button.click()
    assert saved.exists() and NOT_DELETED in planner.status.value
    assert planner.confirm.layout.display == "none"

    planner.delete_button.click()
    planner.yes_button.click()
    assert not saved.exists()
    assert not (learner_home / "privé").exists()
    assert T.DELETED in planner.status.value
    assert all(name.value == "" and effect.value == "" for name, _, effect in planner.rows)
    assert T.START in planner.result.value
    assert not saved.exists(), "clearing the form must not save it again"
    assert EnergyPlanner().entries()[0] == ("", "", "")


def test_delete_keeps_other_private_files(learner_home):
    store = energy_store()
    store.update("week", {"rows": []})
    other = learner_home / "privé" / "zelfcheck.json"
    other.write_text("{}", encoding="utf-8")
    assert delete_data(store) is True
    assert not store.path.exists() and other.exists()
    assert delete_data(store) is False


def test_an_unreadable_file_is_reported_kept_as_backup_and_wiped_on_delete(learner_home):
    path = data_path()
    path.parent.mkdir(parents=True)
    path.write_text("{kapot", encoding="utf-8")
    planner = EnergyPlanner()
    assert T.LOAD_FAILED in planner.status.value
    planner.rows[0][0].value = "Werk"
    backups = list(path.parent.glob("energieplanner.beschadigd-*.json"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "{kapot"
    planner.delete_button.click()
    planner.yes_button.click()
    assert not path.parent.exists() or not any(path.parent.glob("energieplanner*"))


def test_a_failed_save_is_told_in_dutch(learner_home):
    learner_home.mkdir(parents=True)
    (learner_home / "privé").write_text("geen map", encoding="utf-8")
    planner = EnergyPlanner()
    planner.rows[0][0].value = "Werk"
    assert T.SAVE_FAILED in planner.status.value


def test_example_week_saves_nothing(learner_home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    show_week([("Werk", 40, -1), ("Sport", 2, 2)], title="Voorbeeld")
    assert not learner_home.exists()
    assert not any(tmp_path.iterdir())


def test_every_input_has_a_label_and_the_scale_has_five_steps():
    planner = EnergyPlanner(store=energy_store())
    for name, hours, effect in planner.rows:
        assert name.description and hours.description and effect.description
        assert len(effect.options) == 6  # "Kies …" plus the five steps
    assert len(planner.rows) == 10
