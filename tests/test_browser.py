"""JupyterLab, for trainers and for learners who want it, in real headless Debian Chromium.

The learner's pages are app pages (tests/test_learner_journey.py, tests/test_app_pages.py);
the same server also offers JupyterLab, in Dutch, where one Run All Cells shows everything.
The server is started by the real start command on a temporary workspace.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from learner_server import LearnerServer, chromium

pytestmark = pytest.mark.browser

CHOICE = "Samen met een groep"
TIMEOUT = 90_000
START = "00-start-hier.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """The learner's server; yields it (workspace, links)."""
    server = LearnerServer(tmp_path_factory.mktemp("lab"), port=18_800)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


def _open(browser, url: str) -> Page:
    page = browser.new_page(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Inactief")
    return page


def _menu(page: Page, menu: str, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{menu}$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()


def _run_all(page: Page) -> None:
    _menu(page, "Uitvoeren", "Run All Cells")
    page.wait_for_selector(".sp-answer input[type=radio]")
    page.wait_for_selector("text=in de begrippenlijst")


def _demo_question(page: Page):
    return page.locator(".sp-answer").first


def test_interface_is_dutch(browser, lab):
    """Are the main menus Dutch (the nl-NL language pack is on by default), with no nbgrader?"""
    page = _open(browser, lab.lab_url(START))
    labels = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert {"Bestand", "Bewerk", "Weergave", "Uitvoeren"} <= set(labels)
    # None of nbgrader's English panels: learners hand in from the assignment page.
    assert "Nbgrader" not in labels
    expect(page.get_by_role("button", name="Validate")).to_have_count(0)
    page.close()


def test_answer_survives_a_kernel_restart_and_a_new_browser(browser, lab, artifacts):
    """Answer by clicking, restart the kernel, run again: is the saved answer still shown?"""
    url = lab.lab_url(START)
    page = _open(browser, url)
    _run_all(page)
    _demo_question(page).get_by_text(CHOICE).click()
    expect(page.get_by_text(f"Jouw antwoord: {CHOICE}")).to_be_visible()
    answers = lab.workspace / "00-start-hier.antwoorden.json"
    saved = json.loads(answers.read_text(encoding="utf-8"))
    assert saved == {"1": CHOICE}

    _menu(page, "Kernel", "Herstart Kernel and Clear Outputs of All Cells…")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    expect(page.get_by_text(f"Jouw antwoord: {CHOICE}")).to_have_count(0)
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Inactief")
    _run_all(page)
    expect(page.get_by_text(f"Jouw antwoord: {CHOICE}")).to_be_visible()
    expect(_demo_question(page).get_by_label(CHOICE)).to_be_checked()
    _demo_question(page).scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # let JupyterLab draw the cells around it
    page.screenshot(path=str(artifacts / "start-notebook.png"))
    page.close()

    fresh = _open(browser, url)
    _run_all(fresh)
    expect(_demo_question(fresh).get_by_label(CHOICE)).to_be_checked()
    fresh.close()


def test_glossary_search_in_the_app_page(browser, lab):
    """Does typing in the begrippenlijst search box show matching terms with a translation?"""
    page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="nl-NL")
    page.set_default_timeout(TIMEOUT)
    page.goto(lab.url)
    expect(page.locator("#rendered_cells")).to_be_visible()
    page.get_by_label("Zoek een woord").fill("machtig")
    page.get_by_label("Vertaling").select_option(label="Engels")
    results = page.locator(".sp-glossary")
    expect(results).to_contain_text("DigiD Machtigen")
    expect(results).to_contain_text("nog niet nagekeken door een moedertaalspreker")
    page.close()
