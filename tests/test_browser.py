"""JupyterLab as a learner sees it: real headless Debian Chromium driven by Playwright.

The server is started with the same launcher as `make start`, on a copy of course/, so the
test never writes outputs or answers into the repository.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright

from conftest import COURSE
from course.launch import free_port
from nbgrader_course import NbgraderCourse

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHOICE = "Samen met een groep"
TIMEOUT = 90_000


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A learner's JupyterLab on a copy of the course; yields (url, course copy)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian-pakket 'chromium' ontbreekt: sudo apt-get install chromium")
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(
        COURSE,
        root / "course",
        ignore=shutil.ignore_patterns("*.antwoorden*.json", ".ipynb_checkpoints", "__pycache__"),
    )
    # The released sample assignment, as a learner receives it.
    course = NbgraderCourse(tmp_path_factory.mktemp("nbgrader"))
    course.nbgrader("generate_assignment", "proefopdracht", "--create")
    shutil.copytree(course.release_dir("proefopdracht"), root / "proefopdracht")
    state = root / "state"
    token = secrets.token_urlsafe(16)
    port = free_port(18_800)
    env = dict(
        os.environ,
        JUPYTER_TOKEN=token,
        SLEUTELPERSONEN_HOME=str(state / "learner"),
        JUPYTERLAB_SETTINGS_DIR=str(state / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(state / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(state / "runtime"),
    )
    log = (root / "lab.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "course.launch", "--no-browser", f"--port={port}", f"--root={root}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for_server(port, token, process, root / "lab.log")
        url = f"http://127.0.0.1:{port}/doc/tree/course/00-start-hier.ipynb?token={token}"
        yield url, root / "course"
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        finally:
            # Whatever the launcher did, nothing of this server may outlive the test.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            log.close()


def _wait_for_server(port: int, token: str, process, log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("JupyterLab stopped:\n" + log.read_text())
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2
            ) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("JupyterLab did not start:\n" + log.read_text())


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        args = CHROMIUM_ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield chromium
        chromium.close()


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
    """Are the main menus Dutch (the nl-NL language pack is on by default)?"""
    url, _ = lab
    page = _open(browser, url)
    labels = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert {"Bestand", "Bewerk", "Weergave", "Uitvoeren"} <= set(labels)
    # Learners get no formgrader and no assignment-creation tools.
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    items = page.locator(".lm-Menu-itemLabel").all_inner_texts()
    assert "Assignment List" in items
    assert not [item for item in items if "Formgrader" in item or "Course" in item]
    page.keyboard.press("Escape")
    page.close()


def test_answer_survives_a_kernel_restart_and_a_new_browser(browser, lab, artifacts):
    """Answer by clicking, restart the kernel, run again: is the saved answer still shown?"""
    url, course = lab
    page = _open(browser, url)
    _run_all(page)
    _demo_question(page).get_by_text(CHOICE).click()
    expect(page.get_by_text(f"Jouw antwoord: {CHOICE}")).to_be_visible()
    saved = json.loads((course / "00-start-hier.antwoorden.json").read_text(encoding="utf-8"))
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


def test_practice_question_with_keyboard_only(browser, lab, artifacts):
    """Can a learner answer a practice question with Space, Tab and Enter and get feedback?"""
    url, course = lab
    explanation = "Morgen ga je gewoon verder waar je was."
    page = _open(browser, url)
    _run_all(page)
    assert explanation not in page.content()
    question = page.locator(".sp-practice").first
    question.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    button = question.get_by_role("button", name="Controleer")
    # ipywidgets radios are separate tab stops: Tab past the other options to the button.
    for _ in range(question.locator("input[type=radio]").count()):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(question.locator(".sp-feedback")).to_contain_text("Goed!")
    expect(question.locator(".sp-feedback")).to_contain_text(explanation)
    question.screenshot(path=str(artifacts / "practice-question.png"))
    page.close()


def test_start_notebook_has_no_serious_accessibility_violations(browser, lab, artifacts):
    """axe-core on the rendered notebook content: no serious or critical violations."""
    url, _ = lab
    page = _open(browser, url)
    _run_all(page)
    # Every cell rendered (JupyterLab only draws cells near the viewport).
    page.evaluate("document.querySelector('.jp-WindowedPanel-outer').scrollTo(0, 1e6)")
    page.wait_for_timeout(500)
    # The notebook's own content: rendered text and cell outputs, not JupyterLab's chrome.
    content = {"include": [[".jp-Notebook .jp-MarkdownOutput"], [".jp-Notebook .jp-OutputArea"]]}
    results = Axe().run(page, context=content, options={"resultTypes": ["violations", "passes"]})
    checked = results.response["passes"] + results.response["violations"]
    assert any(node for rule in checked for node in rule["nodes"]), "axe checked nothing"
    violations = [
        v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")
    ]
    (artifacts / "axe-start-notebook.json").write_text(
        json.dumps(results.response["violations"], indent=2), encoding="utf-8"
    )
    assert not violations, json.dumps(
        [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in violations],
        indent=1,
    )
    page.close()


def test_glossary_search_in_the_browser(browser, lab):
    """Does typing in the begrippenlijst search box show matching terms with a translation?"""
    url, _ = lab
    page = _open(browser, url)
    _run_all(page)
    page.get_by_label("Zoek een woord").fill("machtig")
    page.get_by_label("Vertaling").select_option(label="Engels")
    results = page.locator(".sp-glossary")
    expect(results).to_contain_text("DigiD Machtigen")
    expect(results).to_contain_text("nog niet nagekeken door een moedertaalspreker")
    page.close()


def _background(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).backgroundColor")


def test_assignment_answer_cells_look_different_and_validate_speaks_dutch(browser, lab, artifacts):
    """In a released assignment: is the open answer cell yellow, a locked cell not, and does
    the Validate button name the unanswered question in Dutch?"""
    url, _ = lab
    page = _open(
        browser, url.replace("course/00-start-hier.ipynb", "proefopdracht/proefopdracht.ipynb")
    )
    answer = page.locator(".jp-MarkdownCell:not(:has(.jp-mod-readOnly)) .jp-MarkdownOutput")
    locked = page.locator(".jp-MarkdownCell:has(.jp-mod-readOnly) .jp-MarkdownOutput").first
    expect(answer).to_have_count(1)
    assert _background(answer) == "rgb(255, 248, 214)"
    assert _background(locked) != _background(answer)
    answer.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(artifacts / "assignment-answer-cell.png"))
    page.get_by_role("button", name="Validate").click()
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Je hebt vraag 1 nog niet beantwoord.", timeout=TIMEOUT)
    page.screenshot(path=str(artifacts / "assignment-validate.png"))
    page.close()
