"""The private self-care plan: saved only in the private folder, printable, deletable."""

from __future__ import annotations

import base64
import os
import re
import stat
from datetime import date

from course import widgets
from course.facts import fact
from course.storage import private_files, private_folder
from course.tools.selfcareplan import (
    FIELDS,
    SelfCarePlan,
    clean_plan,
    download_link,
    export_plan,
    is_empty,
    render_plan_html,
    render_plan_text,
    selfcareplan_widget,
)

DAY = date(2026, 11, 25)
PLAN = {
    "energy_givers": "Wandelen met mijn zoon\nKoken",
    "say_no": "Vandaag lukt het niet. Morgen om tien uur wel.",
    "huisarts": "Dokter Jansen",
    "review": "3",
}


def _files(home):
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())


def test_plan_asks_everything_the_lesson_promises():
    labels = " ".join(f.label for f in FIELDS).lower()
    for part in ("energie", "signalen", "grenzen", "nee", "steunpersonen", "bel"):
        assert part in labels
    assert len({f.key for f in FIELDS}) == len(FIELDS)


def test_clean_plan_keeps_known_non_empty_fields():
    raw = PLAN | {"signals": "   ", "unknown": "x", "review": "3", "limits": 5}
    assert clean_plan(raw) == PLAN
    assert clean_plan({"review": "12"}) == {}
    assert clean_plan("kapot") == {}
    assert is_empty({}) and is_empty({"review": "3"}) and not is_empty(PLAN)


def test_text_version_lists_every_field_and_the_fixed_numbers():
    text = render_plan_text(PLAN, DAY)
    assert "Gemaakt op 25-11-2026." in text
    assert "- Wandelen met mijn zoon\n- Koken" in text
    assert "(nog niet ingevuld)" in text
    assert "over 3 maanden" in text
    for field in FIELDS:
        assert field.label in text
    for key in ("zelfmoordpreventie.telefoon", "zelfmoordpreventie.telefoon_0800"):
        assert fact(key).value in text
    assert f"Bel {fact('noodnummer.alarm').value}" in text


def test_html_version_is_a_printable_page_and_escapes_everything():
    page = render_plan_html(PLAN | {"signals": "<script>alert(1)</script>"}, DAY)
    assert page.startswith("<!DOCTYPE html>") and 'lang="nl"' in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<li>Koken</li>" in page
    assert "@media print" in page


def test_download_link_holds_the_page():
    page = render_plan_html(PLAN, DAY)
    link = download_link(page)
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)
    assert base64.b64decode(data).decode("utf-8") == page
    assert 'download="mijn-zelfzorgplan.html"' in link


def test_export_writes_owner_only_files_in_the_private_folder(learner_home):
    html_file, text_file = export_plan(PLAN, DAY)
    assert html_file.parent == text_file.parent == learner_home / "privé"
    assert "Wandelen met mijn zoon" in text_file.read_text(encoding="utf-8")
    if os.name == "posix":
        for path in (html_file, text_file):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_typing_saves_at_once_and_only_in_the_private_folder(learner_home):
    form = SelfCarePlan()
    assert _files(learner_home) == []
    form.inputs["energy_givers"].value = "Wandelen"
    form.review.value = "6"
    assert _files(learner_home) == ["privé/zelfzorgplan.json"]
    again = SelfCarePlan()
    assert again.inputs["energy_givers"].value == "Wandelen"
    assert again.review.value == "6"
    form.inputs["energy_givers"].value = "  "
    assert "energy_givers" not in SelfCarePlan().plan


def test_every_input_has_a_label(learner_home):
    form = SelfCarePlan()
    assert all(box.description for box in form.inputs.values())
    assert form.review.description


def test_export_button_writes_the_print_version_and_offers_a_download(learner_home):
    form = SelfCarePlan()
    form.export()
    assert "nog leeg" in form.export_result.value
    assert _files(learner_home) == []
    form.inputs["limits"].value = "Na negen uur neem ik niet op."
    form.export(made=DAY)
    assert _files(learner_home) == [
        "privé/zelfzorgplan.html",
        "privé/zelfzorgplan.json",
        "privé/zelfzorgplan.txt",
    ]
    assert "Download de printversie" in form.export_result.value
    assert "zelfzorgplan.html" in form.export_result.value


def test_delete_asks_first_and_removes_plan_and_print_version(learner_home):
    form = SelfCarePlan()
    form.inputs["signals"].value = "Ik slaap slecht."
    form.review.value = "1"
    form.export()
    assert form.delete.button.layout.display != "none"
    form.delete.button.click()
    assert "Weet je het zeker?" in form.delete.question.value
    form.delete.no.click()
    assert len(private_files("zelfzorgplan")) == 3
    form.delete.button.click()
    form.delete.yes.click()
    assert private_files("zelfzorgplan") == []
    assert _files(learner_home) == []  # emptying the boxes does not save them again
    assert all(box.value == "" for box in form.inputs.values())
    assert form.review.value == ""
    assert "gewist" in form.status.value
    assert SelfCarePlan().plan == {}


def test_unreadable_plan_is_kept_as_backup(learner_home):
    (private_folder() / "zelfzorgplan.json").write_text("[]", encoding="utf-8")
    form = SelfCarePlan()
    assert "kon niet worden gelezen" in form.box.children[0].value
    form.inputs["signals"].value = "Piekeren"
    assert list(private_folder().glob("zelfzorgplan.beschadigd-*.json"))
    assert SelfCarePlan().plan == {"signals": "Piekeren"}


def test_widget_output_has_no_private_plain_text(learner_home, monkeypatch):
    """The plain-text part of the output (saved in the notebook) never holds the plan."""
    marker = "GEHEIM-PLAN-7731"
    SelfCarePlan().inputs["energy_givers"].value = marker
    shown = []
    monkeypatch.setattr(widgets, "display", lambda obj, raw=False: shown.append(obj))
    selfcareplan_widget()
    (bundle,) = shown
    assert marker not in bundle["text/plain"]
    assert "privé" in bundle["text/plain"]


def test_two_open_forms_do_not_undo_each_other(learner_home):
    first, second = SelfCarePlan(), SelfCarePlan()
    first.inputs["signals"].value = "Piekeren"
    second.inputs["limits"].value = "Niet na tienen"
    assert SelfCarePlan().plan == {"signals": "Piekeren", "limits": "Niet na tienen"}
