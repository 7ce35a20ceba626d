"""The verification result in real Chromium: each status is the largest text on the page,
with its own icon and colour (contrast at least 4.5:1), self-hosted fonts, plain Dutch, and
axe finds no serious or critical problem."""

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
from playwright.sync_api import sync_playwright
from test_keurmerk_browser import ARGS, CHROMIUM

from course.launch import free_port
from keurmerk import messages as msg
from keurmerk.privacy import add_months
from keurmerk.service import Config, Keurmerkbeheer

pytestmark = pytest.mark.browser

STATUSES = ["geldig", "verlopen", "geschorst", "ingetrokken", "vervangen", "onbekend nummer"]
FILE_STATUSES = ["onleesbaar", "ongeldig"]

# For every element that holds text of its own: its font size in px.
TEXT_SIZES = """() => {
  const sizes = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = el.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0) continue;
    sizes.push([el.closest('.km-status__title') ? 'status' : el.tagName + '.' + el.className,
                parseFloat(getComputedStyle(el).fontSize)]);
  }
  return sizes;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    home = tmp_path_factory.mktemp("keurmerk-statuses")
    port = free_port(18_760)
    Config.write(home, f"http://127.0.0.1:{port}", "Stichting Keurmerk Sleutelpersonen")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    now = datetime.now(UTC)
    certs = {
        "geldig": beheer.issue("d01", "محمد العلي", "m@example.org", now=now),
        "verlopen": beheer.issue(
            "d02", "ሰላም ተስፋይ", "s@example.org", now=add_months(now, -38)
        ),  # ended two months ago: inside the time a name stays public
        "geschorst": beheer.issue("d03", "Amina محمد", "a@example.org", now=now),
        "ingetrokken": beheer.issue("d04", "Olena", "o@example.org", now=now),
        # ends in four months: inside the renewal window
        "vervangen": beheer.issue("d05", "Karim", "k@example.org", now=add_months(now, -32)),
    }
    beheer.suspend(certs["geschorst"].number, "onderzoek")
    beheer.revoke(certs["ingetrokken"].number, "fraude")
    beheer.renew(certs["vervangen"].number, "k@example.org", now=now)
    numbers = {status: cert.number for status, cert in certs.items()}
    numbers["onbekend nummer"] = "KM-0000-0000"
    forged = json.loads(certs["geldig"].credential)
    forged["credentialSubject"]["name"] = "Iemand Anders"
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
        yield base, numbers, json.dumps(forged).encode()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        args = ARGS + (["--no-sandbox"] if os.geteuid() == 0 else [])
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seen(site, browser, artifacts):
    """Every status page, opened as a gemeente would, at desktop and at phone width."""
    base, numbers, forged = site
    found, external = {}, []
    for width in (1280, 360):
        page = browser.new_page(locale="nl-NL", viewport={"width": width, "height": 800})
        page.on("request", lambda r: external.append(r.url) if not r.url.startswith(base) else None)
        for status in STATUSES:
            page.goto(f"{base}/controleer/{numbers[status]}")
            found[status, width] = _measure(page, artifacts, f"{status}-{width}")
        for status, name, data in [
            ("onleesbaar", "kapot.pdf", b"%PDF-1.4 kapot"),
            ("ongeldig", "keurmerk.json", forged),
        ]:
            page.goto(base + "/")
            page.set_input_files("#bestand", {"name": name, "mimeType": "", "buffer": data})
            page.get_by_role("button", name=msg.WEB_FILE_BUTTON).click()
            page.wait_for_load_state()
            found[status, width] = _measure(page, artifacts, f"{status}-{width}")
        page.close()
    return found, [url for url in external if not url.startswith("data:")]


def _measure(page, artifacts, name) -> dict:
    page.evaluate("document.fonts.ready.then(() => true)")
    status = page.locator(".km-status")
    title = page.locator(".km-status__title")
    page.screenshot(path=str(artifacts / f"keurmerk-status-{name}.png"), full_page=True)
    axe = Axe().run(page, options={"resultTypes": ["violations"]}).response["violations"]
    (artifacts / f"axe-keurmerk-status-{name}.json").write_text(json.dumps(axe, indent=2))
    return {
        "class": status.get_attribute("class"),
        "icon": page.locator(".km-status__icon").get_attribute("class"),
        "icon_visible": page.locator(".km-status__icon").is_visible(),
        "icon_size": page.locator(".km-status__icon").bounding_box(),
        "text": title.inner_text(),
        "ink": title.evaluate("e => getComputedStyle(e).color"),
        "inks": status.evaluate(
            "e => [...e.querySelectorAll('h1, h1 *, p')].map(x => getComputedStyle(x).color)"
        ),
        "tint": status.evaluate("e => getComputedStyle(e).backgroundColor"),
        "sizes": page.evaluate(TEXT_SIZES),
        "fonts": page.evaluate(
            "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
        ),
        "families": page.evaluate(
            "() => [...document.querySelectorAll('body, h1, h2, p, button, input, label')]"
            ".map(e => getComputedStyle(e).fontFamily)"
        ),
        "axe": [(v["id"], v["impact"]) for v in axe],
        "body": page.locator("main").inner_text(),
    }


def _rgb(css: str) -> tuple[float, ...]:
    values = css[css.index("(") + 1 : css.index(")")].replace(",", " ").split()
    return tuple(float(v) for v in values[:3])


def _contrast(a: str, b: str) -> float:
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(_rgb(a)), luminance(_rgb(b))), reverse=True)
    return (high + 0.05) / (low + 0.05)


ALL = STATUSES + FILE_STATUSES


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("status", ALL)
def test_status_is_the_largest_text_with_its_icon(seen, status, width):
    """Is the status the largest text on the page, with its own class and a visible icon?"""
    found = seen[0][status, width]
    kind = status.replace(" ", "-")
    assert f"km-status--{kind}" in found["class"]
    assert f"km-icon--{kind}" in found["icon"] and found["icon_visible"]
    assert found["icon_size"]["width"] >= 32
    status_size = max(size for owner, size in found["sizes"] if owner == "status")
    others = [(owner, size) for owner, size in found["sizes"] if owner != "status"]
    assert all(size < status_size for _, size in others), (status_size, others)
    assert found["text"] == f"{msg.WEB_STATUS}: {status}"


def test_every_status_has_its_own_colour_with_enough_contrast(seen):
    """Does each status get a colour of its own, readable (>= 4.5:1) on its background?"""
    found = seen[0]
    inks = {status: found[status, 1280]["ink"] for status in ALL}
    assert len(set(inks.values())) == len(ALL), inks
    for status in ALL:
        for ink in found[status, 1280]["inks"]:
            assert _contrast(ink, found[status, 1280]["tint"]) >= 4.5, (status, ink)


def test_no_serious_accessibility_problems(seen):
    """Does axe-core find no serious or critical violation on any status page?"""
    problems = {
        key: [v for v in found["axe"] if v[1] in ("serious", "critical")]
        for key, found in seen[0].items()
    }
    assert all(not found for found in problems.values()), problems


def test_fonts_are_self_hosted_and_used_everywhere(seen):
    """Are Noto Sans (and Arabic/Ethiopic for such names) loaded from our own server only?"""
    found, external = seen
    assert external == []
    assert "Noto Sans" in found["geldig", 1280]["fonts"]
    assert "Noto Sans Arabic" in found["geldig", 1280]["fonts"]  # the holder is محمد العلي
    assert "Noto Sans Ethiopic" in found["verlopen", 1280]["fonts"]  # ሰላም ተስፋይ
    for family in found["geldig", 1280]["families"]:
        assert family.startswith('"Noto Sans"'), family


def test_plain_dutch_and_no_misleading_lines(seen):
    """No "uitgever"/"ondertekend"/"JSON" jargon; a forged file never says its origin is fine."""
    found = seen[0]
    for key, page in found.items():
        body = page["body"]
        for word in ("uitgever", "ondertekend", "JSON"):
            assert word not in body, (key, word)
    forged = found["ongeldig", 1280]["body"]
    origin = next(line for line in forged.splitlines() if msg.WEB_CHECK_NAMES["uitgever"] in line)
    assert msg.WEB_NOT_OK in origin
    suspended_text = found["geschorst", 1280]["body"]
    assert "geldig op dit moment" not in suspended_text
