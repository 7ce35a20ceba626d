"""The verification page in real headless Chromium: axe-core finds no violations at all,
a hostile name is shown as harmless text, and the page works with the keyboard."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright

from course.launch import free_port
from keurmerk.service import Config, Keurmerkbeheer

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EVIL = '<img src=x onerror="window.hacked=1">Eva <script>window.hacked=2</script>'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    home = tmp_path_factory.mktemp("keurmerk-site")
    port = free_port(18_700)
    Config.write(home, f"http://127.0.0.1:{port}", "Stichting Keurmerk Sleutelpersonen")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    good = beheer.issue("d01", "Samira Benali", "s@example.org", now=datetime.now(UTC))
    evil = beheer.issue("d02", EVIL, "e@example.org", now=datetime.now(UTC))
    process = subprocess.Popen(
        [sys.executable, "-m", "keurmerk.cli", "serve", "--map", str(home), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base, good.number, evil.number
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def page():
    with sync_playwright() as playwright:
        args = ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        page = browser.new_page(locale="nl-NL")
        yield page
        browser.close()


def _axe(page, artifacts, name):
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    violations = results.response["violations"]
    (artifacts / f"axe-{name}.json").write_text(json.dumps(violations, indent=2))
    assert not violations, [(v["id"], v["impact"], v["help"]) for v in violations]


def test_home_page_and_keyboard_lookup(site, page, artifacts):
    base, number, _ = site
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(base) else None)
    page.goto(base + "/")
    _axe(page, artifacts, "keurmerk-start")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Keurmerknummer")).to_be_focused()
    page.keyboard.type(number.lower())
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("geldig")
    page.screenshot(path=str(artifacts / "keurmerk-geldig.png"), full_page=True)
    _axe(page, artifacts, "keurmerk-resultaat")
    assert [u for u in external if not u.startswith("data:")] == []


def test_hostile_name_is_shown_as_text(site, page, artifacts):
    base, _, evil = site
    page.goto(f"{base}/controleer/{evil}")
    expect(page.get_by_text("Eva", exact=False)).to_be_visible()
    assert page.evaluate("window.hacked") is None
    assert page.locator("main img").count() == 0
    _axe(page, artifacts, "keurmerk-html-naam")


def test_unknown_number_and_accessibility_statement(site, page, artifacts):
    base, _, _ = site
    page.goto(f"{base}/controleer/KM-0000-0000")
    expect(page.get_by_role("status")).to_contain_text("onbekend nummer")
    _axe(page, artifacts, "keurmerk-onbekend")
    page.goto(f"{base}/toegankelijkheid")
    expect(page.get_by_role("heading", level=1)).to_have_text("Toegankelijkheidsverklaring")
    _axe(page, artifacts, "keurmerk-toegankelijkheid")
