"""The private self-check (CBI): data, scoring, no verdicts, private storage, delete, display."""

from __future__ import annotations

import copy
import os
import re
import stat
import tomllib

import pytest

from course import widgets
from course.facts import fact
from course.storage import delete_private, private_files, private_folder
from course.tools.selfcheck import (
    SELFCHECK_FILE,
    SelfCheck,
    SelfCheckFileError,
    clean_answers,
    describe,
    history_entry,
    item_score,
    load_questionnaire,
    nearest_words,
    parse_questionnaire,
    render_results,
    score_all,
    score_scale,
    selfcheck_widget,
)

Q = load_questionnaire()
RAW = tomllib.loads(SELFCHECK_FILE.read_text(encoding="utf-8"))


def _all(key_by_set: dict[str, str]) -> dict[str, str]:
    """The same answer position for every question, e.g. {"frequency": "often", ...}."""
    return {item.id: key_by_set[item.answers] for item in Q.items}


HIGHEST = {"frequency": "always", "degree": "very_high"}
LOWEST = {"frequency": "never", "degree": "very_low"}


def test_the_cbi_has_19_questions_on_three_scales():
    """Kristensen et al. 2005: personal 6, work-related 7, client-related 6 (facts 2.3.6)."""
    assert len(Q.items) == 19
    assert [len(Q.items_of(s.id)) for s in Q.scales] == [6, 7, 6]
    assert [item.id for item in Q.items if item.reverse] == ["w7"]
    assert all(item.text.strip() and item.original.strip() for item in Q.items)


def test_source_use_and_translation_are_stated():
    info = Q.instrument
    assert "Copenhagen Burnout Inventory" in info["name"]
    assert "Kristensen" in info["citation"] and "2005" in info["citation"]
    assert info["source"].startswith("https://")
    assert "bronvermelding" in info["use"]
    assert info["translation"] == "vrij vertaald, niet gevalideerd in het Nederlands"


def test_no_licensed_instrument_is_used():
    """The MBI, UBOS and BAT need a licence or permission (facts 2.3.4, 2.3.7, 2.3.8)."""
    text = SELFCHECK_FILE.read_text(encoding="utf-8")
    items = " ".join(f"{i.text} {i.original}" for i in Q.items)
    for name in ("Maslach", "UBOS", "Utrechtse", "Burnout Assessment Tool", "Schaufeli"):
        assert name not in items
    assert "Copenhagen Burnout Inventory" in text


def test_answers_score_100_75_50_25_0():
    assert [o.score for o in Q.answer_sets["frequency"]] == [100, 75, 50, 25, 0]
    assert [o.score for o in Q.answer_sets["degree"]] == [100, 75, 50, 25, 0]
    assert item_score(Q, "p1", "always") == 100
    assert item_score(Q, "p1", "seldom") == 25
    assert item_score(Q, "w1", "somewhat") == 50
    with pytest.raises(ValueError):
        item_score(Q, "p1", "very_high")  # a degree answer to a frequency question


def test_the_reversed_question_counts_the_other_way():
    """Enough energy for family and friends 'always' means no burnout on that question."""
    assert item_score(Q, "w7", "always") == 0
    assert item_score(Q, "w7", "never") == 100


def test_scale_score_is_the_mean_of_its_answers():
    answers = {"p1": "always", "p2": "often", "p3": "sometimes", "p4": "never"}
    result = score_scale(Q, "personal", answers)
    assert result.score == pytest.approx((100 + 75 + 50 + 0) / 4)
    assert (result.answered, result.total) == (4, 6)


def test_extremes_score_0_and_100():
    highest = _all(HIGHEST) | {"w7": "never"}
    lowest = _all(LOWEST) | {"w7": "always"}
    assert [r.score for r in score_all(Q, highest)] == [100, 100, 100]
    assert [r.score for r in score_all(Q, lowest)] == [0, 0, 0]


def test_too_few_answers_give_no_score():
    two = {"p1": "always", "p2": "always"}
    result = score_scale(Q, "personal", two)
    assert result.score is None
    assert describe(Q, result) == ["Beantwoord nog 1 vragen van dit deel. Dan zie je de uitkomst."]
    assert score_scale(Q, "personal", two | {"p3": "always"}).score == 100


def test_unknown_answers_are_ignored():
    raw = {"p1": "often", "p2": "very_high", "x9": "always", "p3": 5}
    assert clean_answers(Q, raw) == {"p1": "often"}
    assert clean_answers(Q, ["p1"]) == {}


@pytest.mark.parametrize(
    "score, words",
    [
        (0, "'nooit of bijna nooit'"),
        (12.4, "'nooit of bijna nooit'"),
        (12.5, "'zelden'"),
        (50, "'soms'"),
        (75, "'vaak'"),
        (100, "'altijd'"),
    ],
)
def test_nearest_words_translate_the_mean_back(score, words):
    assert nearest_words(Q, "personal", score) == words


def test_nearest_words_on_a_mixed_scale_name_both_kinds_of_answer():
    assert nearest_words(Q, "work", 75) == "'erg' of 'vaak'"


def test_results_describe_and_never_judge():
    """No validated cut-offs exist (facts 2.3.6): no 'hoog', 'laag', 'risico' or 'burn-out'."""
    for position in range(5):
        answers = {item.id: Q.options(item)[position].key for item in Q.items}
        for result in score_all(Q, answers):
            text = " ".join(describe(Q, result)).lower()
            assert not re.search(r"\b(hoog|laag|risico|burn-out|gezond|ernstig)\b", text), text


def test_result_page_says_not_a_diagnosis_and_where_to_go():
    page = render_results(Q, score_all(Q, _all(HIGHEST)))
    assert "geen diagnose" in page
    assert "huisarts" in page
    assert fact("zelfmoordpreventie.telefoon").value in page
    assert fact("zelfmoordpreventie.telefoon_0800").value in page
    assert "113.nl" in page
    empty = render_results(Q, score_all(Q, {}))
    assert "geen diagnose" in empty and "Beantwoord de vragen" in empty


def test_result_page_escapes_html():
    data = copy.deepcopy(RAW)
    data["scales"][0]["title"] = "<script>x</script>"
    evil = parse_questionnaire(data)
    page = render_results(evil, score_all(evil, _all(HIGHEST)))
    assert "<script>" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda d: d["answers"]["frequency"]["options"][0].update(score=90), "scores"),
        (lambda d: d["items"][0].update(scale="x"), "unknown scale"),
        (lambda d: d["items"][0].update(answers="x"), "unknown answer set"),
        (lambda d: d["scales"][0].update(min_answers=9), "min_answers"),
        (lambda d: d["instrument"].pop("source"), "source"),
        (lambda d: d["items"][0].pop("text"), "missing"),
    ],
)
def test_malformed_data_is_refused(change, problem):
    data = copy.deepcopy(RAW)
    change(data)
    with pytest.raises(SelfCheckFileError, match=problem):
        parse_questionnaire(data)


def test_history_entry_rounds_and_dates():
    from datetime import date

    entry = history_entry(score_all(Q, _all(HIGHEST)), date(2026, 11, 25))
    # w7 'always' (enough energy) counts 0, so work = 600 / 7 = 85.7 -> 86
    assert entry == {"date": "2026-11-25", "personal": 100, "work": 86, "client": 100}
    assert history_entry(score_all(Q, {}), date(2026, 11, 25)) is None


# Private storage and the widget


def _files(home):
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())


def test_private_folder_is_in_the_learner_home_and_owner_only(learner_home):
    folder = private_folder()
    assert folder == learner_home / "privé"
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_answering_saves_only_in_the_private_folder(learner_home):
    form = SelfCheck()
    assert _files(learner_home) == []  # opening the form saves nothing
    form.radios["p1"].value = "often"
    assert _files(learner_home) == ["privé/zelftest.json"]
    assert SelfCheck().radios["p1"].value == "often"  # a new form shows the saved answer
    form.radios["p1"].value = None
    assert SelfCheck().radios["p1"].value is None


def test_form_scores_immediately(learner_home):
    form = SelfCheck()
    assert "Beantwoord de vragen" in form.result.value
    for item in ("p1", "p2", "p3"):
        form.radios[item].value = "often"
    assert "75 van de 100" in form.result.value
    assert "'vaak'" in form.result.value.replace("&#x27;", "'")
    form.radios["p4"].value = "never"
    assert "56 van de 100" in form.result.value  # (75 * 3 + 0) / 4 = 56.25


def test_every_question_has_a_label(learner_home):
    form = SelfCheck()
    assert len(form.radios) == 19
    assert all(radio.description.startswith("Vraag ") for radio in form.radios.values())


def test_save_result_keeps_a_dated_history(learner_home):
    from datetime import date

    form = SelfCheck()
    form.save_result()
    assert "nog geen uitkomst" in form.status.value
    for item in ("p1", "p2", "p3"):
        form.radios[item].value = "always"
    form.save_result(today=date(2026, 10, 1))
    form.save_result(today=date(2026, 11, 1))
    form.save_result(today=date(2026, 11, 1))  # one entry per day
    assert [e["date"] for e in SelfCheck().history] == ["2026-10-01", "2026-11-01"]
    assert "01-11-2026" in form.history_view.value


def test_delete_asks_first_and_then_removes_everything(learner_home):
    form = SelfCheck()
    form.radios["p1"].value = "always"
    form.save_result()
    form.delete.button.click()
    assert form.delete.confirm.layout.display is None  # the question "Weet je het zeker?"
    assert "Weet je het zeker?" in form.delete.question.value
    form.delete.no.click()
    assert private_files("zelftest")  # "Nee, toch niet" keeps the data
    assert "niets gewist" in form.status.value
    form.delete.button.click()
    form.delete.yes.click()
    assert private_files("zelftest") == []
    assert _files(learner_home) == []  # emptying the form does not save it again
    assert all(radio.value is None for radio in form.radios.values())
    assert "gewist" in form.status.value
    assert "Beantwoord de vragen" in form.result.value
    assert SelfCheck().answers == {} and SelfCheck().history == []


def test_unreadable_file_is_kept_as_backup_and_deleted_with_the_rest(learner_home):
    folder = private_folder()
    (folder / "zelftest.json").write_text("{kapot", encoding="utf-8")
    form = SelfCheck()
    header = form.box.children[0].value
    assert "konden niet worden gelezen" in header
    form.radios["p1"].value = "often"
    backups = list(folder.glob("zelftest.beschadigd-*.json"))
    assert [b.read_text(encoding="utf-8") for b in backups] == ["{kapot"]
    assert delete_private("zelftest")
    assert _files(learner_home) == []


def test_delete_leaves_other_private_files_alone(learner_home):
    folder = private_folder()
    (folder / "zelfzorgplan.json").write_text("{}", encoding="utf-8")
    (folder / "zelftest.json").write_text("{}", encoding="utf-8")
    delete_private("zelftest")
    assert _files(learner_home) == ["privé/zelfzorgplan.json"]


def test_widget_output_has_no_private_plain_text(learner_home, monkeypatch):
    """ipywidgets' plain-text repr lists values and is saved in the notebook: we replace it."""
    marker = "often"
    SelfCheck().radios["p1"].value = marker
    shown = []
    monkeypatch.setattr(widgets, "display", lambda obj, raw=False: shown.append(obj))
    selfcheck_widget()
    (bundle,) = shown
    assert set(bundle) == {"application/vnd.jupyter.widget-view+json", "text/plain"}
    assert marker not in bundle["text/plain"]
    assert "privé" in bundle["text/plain"]


def test_two_open_forms_do_not_undo_each_other(learner_home):
    first, second = SelfCheck(), SelfCheck()
    first.radios["p1"].value = "often"
    second.radios["p2"].value = "seldom"
    assert SelfCheck().answers == {"p1": "often", "p2": "seldom"}


# On a JupyterHub (JupyterHub sets JUPYTERHUB_USER in every server and kernel it starts)


@pytest.fixture
def on_hub(learner_home, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "amina")
    return learner_home


def test_on_a_hub_the_form_says_who_can_read_and_stores_nothing(on_hub):
    form = SelfCheck()
    header = form.box.children[0].value
    assert "beheerders van de server wel" in header
    assert "bewaren we je antwoorden niet" in header
    assert form.keep_box in form.box.children and form.keep_box.value is False
    for item in ("p1", "p2", "p3"):
        form.radios[item].value = "often"
    assert "75 van de 100" in form.result.value  # the result still shows
    form.save_result()
    assert "vinkje" in form.status.value
    assert _files(on_hub) == []  # nothing on the server's disk, not even the folder
    assert not (on_hub / "privé").exists()
    assert SelfCheck().answers == {}


def test_on_a_hub_ticking_keep_stores_and_unticking_erases(on_hub):
    form = SelfCheck()
    form.radios["p1"].value = "always"
    form.keep_box.value = True
    assert _files(on_hub) == ["privé/zelftest.json"]
    assert stat.S_IMODE((on_hub / "privé" / "zelftest.json").stat().st_mode) == 0o600
    assert "nu bewaard" in form.keep_status.value
    form.radios["p2"].value = "often"
    form.radios["p3"].value = "often"
    form.save_result()
    again = SelfCheck()  # the choice is remembered: a stored file means "keep"
    assert again.keep_box.value is True
    assert again.answers == {"p1": "always", "p2": "often", "p3": "often"}
    assert len(again.history) == 1
    again.keep_box.value = False
    assert _files(on_hub) == []
    assert "gewist" in again.keep_status.value
    assert SelfCheck().keep_box.value is False


def test_on_a_hub_delete_also_stops_storing(on_hub):
    form = SelfCheck()
    form.keep_box.value = True
    form.radios["p1"].value = "always"
    form.delete.button.click()
    form.delete.yes.click()
    assert _files(on_hub) == [] and form.keep_box.value is False
    form.radios["p1"].value = "never"
    assert _files(on_hub) == []


def test_on_a_laptop_there_is_no_keep_box(learner_home, monkeypatch):
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    form = SelfCheck()
    assert form.keep_box not in form.box.children
    assert "Maar de beheerders van de organisatie" in form.box.children[0].value
