"""Every learner page as an app page (Voilà), the way a learner opens it.

The learner's server is started with the real start command (``course.launch``) on a
temporary workspace; every page named in the course map and every released assignment is
opened in headless Debian Chromium. A page must appear within a minute, show no code,
no error and no English notebook words, pass axe-core without serious or critical
violations and load nothing from outside the learner's computer. It must also work at
360 px wide and with the keyboard alone. Finally the learner's server must not hand out
anything of the course's sources, tests or solutions.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from course.catalog import load_catalog
from learner_server import LearnerServer, chromium

pytestmark = pytest.mark.browser

START = "00-start-hier.ipynb"
VISIBLE_WITHIN = 60_000  # ms: the page must be usable within a minute
TIMEOUT = 30_000  # ms: for single steps once the page is there
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# An inner box (question, finish block) may overflow by a few pixels of input border and
# margin without hiding anything; more than this means content a learner must swipe to.
INNER_SLACK = 8
OUTPUT_PLACEHOLDER = 'script[type="application/vnd.voila.cell-output+json"]'
CATALOG = load_catalog()
LESSONS = [
    lesson.notebook
    for module in CATALOG.modules + CATALOG.refreshers
    for lesson in module.lessons
    if lesson.available
]
ASSIGNMENT_IDS = [
    assignment.id
    for module in CATALOG.modules + CATALOG.refreshers
    for assignment in module.assignments
]
PAGES = (
    [("start", START), ("mijn-feedback", "mijn-feedback.ipynb")]
    + [(f"les:{path}", path) for path in LESSONS]
    + [(f"opdracht:{name}", f"opdrachten/{name}") for name in ASSIGNMENT_IDS]
)

# Visible text that would mean Python code or an error reached the learner's screen.
CODE_OR_ERROR = {
    "import statement": re.compile(r"(^|\s)(import|from) [\w.]+( import \w+)?\s*$", re.M),
    "function definition": re.compile(r"\bdef \w+\s*\("),
    "helper call": re.compile(r"\b(vragen|oefen)\.\w+"),
    "call on an object": re.compile(r"\b[a-z_]+\.[a-z_]+\([^)]*\)"),
    "IPython magic": re.compile(r"^\s*%{1,2}[a-z]+", re.M),
    "cell prompt": re.compile(r"^\s*(In|Out)?\s*\[\d*\]:", re.M),
    "Traceback": re.compile(r"Traceback"),
    "Python error name": re.compile(r"\b\w*(Error|Exception)\b"),
}
ENGLISH = ["Run All Cells", "Restart", "Kernel", "Validate", "Submit", "Assignment List", "Success"]
HIDDEN_MARKERS = ["BEGIN HIDDEN TESTS", "### BEGIN SOLUTION", "Beoordelingsmodel"]
FORBIDDEN_FOLDERS = {"assignments", "tests", "source", "release"}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The learner's server as `make start` starts it, on a fresh workspace."""
    learner = LearnerServer(tmp_path_factory.mktemp("app-pages"))
    try:
        learner.start()
    except RuntimeError as problem:
        learner.stop()
        pytest.fail(f"De startopdracht gaf geen link / the start command failed: {problem}")
    yield learner
    learner.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


# --------------------------------------------------------------------------- helpers


class AppPage:
    """One app page in its own browser context, with every request it made."""

    def __init__(self, browser: Browser, url: str, viewport: dict = DESKTOP):
        self.requests: list[str] = []
        self.context = browser.new_context(viewport=viewport, locale="nl-NL")
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", lambda socket: self.requests.append(socket.url))
        self.page.goto(url)
        self.page.wait_for_selector("#rendered_cells", state="visible", timeout=VISIBLE_WITHIN)
        # Voilà sends widget outputs as placeholders that the page replaces by live widgets.
        self.page.wait_for_function(
            "selector => !document.querySelector(selector)",
            arg=OUTPUT_PLACEHOLDER,
            timeout=VISIBLE_WITHIN,
        )
        self.page.wait_for_load_state("networkidle")

    def close(self) -> None:
        self.context.close()

    def outside_requests(self) -> list[str]:
        """Requests to anywhere but the learner's own computer."""
        outside = []
        for url in self.requests:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.hostname != "127.0.0.1":
                outside.append(url)
        return outside


def open_app(server: LearnerServer, browser: Browser, path: str, **kwargs) -> AppPage:
    """Open a workspace notebook as an app page; say so plainly when the server is gone."""
    try:
        return AppPage(browser, server.page_url(path), **kwargs)
    except Exception:
        if server.process is None or server.process.poll() is not None:
            pytest.fail(
                "De cursusserver is gestopt / the learner's server stopped "
                f"(exit code {server.process and server.process.returncode}):\n"
                + server.server_log()[-3000:]
            )
        raise


def page_problems(app: AppPage) -> list[str]:
    """Everything on an open app page that a learner must not meet."""
    page = app.page
    assert page.locator("body[data-voila]").count() == 1, "not a Voilà app page"
    text = page.inner_text("body")
    problems = []
    if count := visible_code_inputs(page):
        problems.append(f"{count} visible code inputs or prompts")
    for label, pattern in CODE_OR_ERROR.items():
        if found := pattern.search(text):
            problems.append(f"{label}: {found.group(0)!r}")
    stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
    if stderr.count():
        problems.append(f"stderr output: {stderr.all_inner_texts()[:3]}")
    errors = page.locator(".jp-OutputArea-output").filter(
        has_text=re.compile(r"Traceback|Error|error when executing")
    )
    if errors.count():
        problems.append(f"error output: {errors.all_inner_texts()[:3]}")
    for word in ENGLISH:
        if re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
            problems.append(f"English word {word!r}")
    if violations := axe_problems(page):
        problems.append("axe: " + json.dumps(violations, indent=1))
    if outside := app.outside_requests():
        problems.append(f"requests leaving 127.0.0.1: {outside}")
    return problems


def workspace_page(server: LearnerServer, path: str) -> str:
    """A page's path inside the workspace; an assignment folder holds one notebook."""
    if not path.startswith("opdrachten/"):
        return path
    notebooks = sorted((server.workspace / path).glob("*.ipynb"))
    assert len(notebooks) == 1, f"{path}: expected one released notebook, found {notebooks}"
    return notebooks[0].relative_to(server.workspace).as_posix()


def safe_name(path: str) -> str:
    return re.sub(r"[^\w.-]+", "_", path)


def axe_problems(page: Page) -> list:
    results = Axe().run(page, options={"resultTypes": ["violations", "passes"]})
    checked = results.response["passes"] + results.response["violations"]
    assert any(rule["nodes"] for rule in checked), "axe checked nothing"
    return [
        (v["id"], v["impact"], v["help"], [node["target"] for node in v["nodes"]][:5])
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def visible_code_inputs(page: Page) -> int:
    """Code cell inputs (editors, highlighted source) a learner can see.

    Voilà renders markdown cells inside ``.jp-InputArea`` too, so only code cells count.
    """
    return page.evaluate(
        """() => [...document.querySelectorAll(
              '.jp-CodeCell .jp-InputArea, .jp-InputArea .cm-editor, .jp-InputArea .highlight,'
              + ' .jp-InputPrompt, .jp-OutputPrompt')]
            .filter(e => e.offsetWidth > 0 && e.offsetHeight > 0
                         && getComputedStyle(e).visibility !== 'hidden').length"""
    )


def tab_until(page: Page, locator, limit: int = 150) -> None:
    """Press Tab until ``locator`` has the focus (keyboard only)."""
    for _ in range(limit):
        if locator.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    expect(locator).to_be_focused(timeout=1)


def horizontal_overflow(page: Page) -> dict:
    """Pixels a learner would have to scroll sideways, per scrolling element.

    Voilà's page does not scroll itself: ``#rendered_cells`` is its scroll container. Any
    other box that scrolls sideways (a wide table in a markdown cell, say) counts too.
    """
    return page.evaluate(
        """() => {
            const cells = document.querySelector('#rendered_cells');
            const root = document.documentElement;
            const found = {
                document: root.scrollWidth - window.innerWidth,
                '#rendered_cells': cells.scrollWidth - cells.clientWidth,
            };
            for (const e of cells.querySelectorAll('*')) {
                const style = getComputedStyle(e);
                if (!['auto', 'scroll'].includes(style.overflowX) || !e.offsetWidth) continue;
                if (e.scrollWidth > e.clientWidth + 1) {
                    const name = e.tagName.toLowerCase() + '.' + [...e.classList].join('.');
                    found[name + ' "' + e.innerText.slice(0, 40) + '"'] =
                        e.scrollWidth - e.clientWidth;
                }
            }
            return found;
        }"""
    )


# --------------------------------------------------------------------------- every page


def test_every_catalog_assignment_is_released_and_checked(server):
    """The pages below cover every released assignment in the learner's workspace."""
    released = sorted(p.name for p in (server.workspace / "opdrachten").iterdir() if p.is_dir())
    assert released == sorted(ASSIGNMENT_IDS)


@pytest.mark.parametrize("path", [path for _, path in PAGES], ids=[name for name, _ in PAGES])
def test_page_is_a_clean_dutch_app_page(server, browser, artifacts, path):
    """Visible within 60 s; no code, no errors, no English notebook words; axe clean;
    no request leaves 127.0.0.1; at 360 px wide the page itself never scrolls sideways
    (a wide table or tool may scroll inside its own box)."""
    notebook = workspace_page(server, path)
    app = open_app(server, browser, notebook)
    page = app.page
    try:
        problems = page_problems(app)
        page.set_viewport_size(PHONE)
        page.wait_for_timeout(300)
        overflow = horizontal_overflow(page)
        for name in ("document", "#rendered_cells"):
            if overflow[name] > 1:
                problems.append(f"at 360 px the page scrolls sideways: {name} {overflow[name]} px")
        if problems:
            page.screenshot(path=str(artifacts / f"app-{safe_name(notebook)}.png"), full_page=True)
        assert not problems, f"{notebook}:\n" + "\n".join(problems)
    finally:
        app.close()


# --------------------------------------------------------------------------- 360 px


@pytest.mark.parametrize("path", [START, "opdrachten/module-1"], ids=["start", "opdracht"])
def test_page_fits_a_phone(server, browser, artifacts, path):
    """At 360×740: no sideways scrolling; the first button a learner needs is on screen
    and works (start page: Controleer of the first practice question; assignment: the
    first question and the finish button "Is alles ingevuld?")."""
    notebook = workspace_page(server, path)
    app = open_app(server, browser, notebook, viewport=PHONE)
    page = app.page
    try:
        overflow = horizontal_overflow(page)
        too_wide = {
            where: pixels
            for where, pixels in overflow.items()
            if pixels > (1 if where in ("document", "#rendered_cells") else INNER_SLACK)
        }
        if too_wide:
            page.screenshot(path=str(artifacts / f"phone-{safe_name(notebook)}.png"))
        assert not too_wide, f"scrolls sideways at 360 px (pixels): {too_wide}"
        if path == START:
            question = page.locator(".sp-practice").first
            button = question.get_by_role("button", name="Controleer")
            feedback = question  # its .sp-feedback area appears on the first check
        else:
            first = page.locator(".sp-answer").first
            first.scroll_into_view_if_needed()
            expect(first).to_be_visible()
            assert_inside(first, PHONE["width"])
            button = page.locator(".sp-finish").get_by_role("button", name="Is alles ingevuld?")
            feedback = page.locator(".sp-finish")
        button.scroll_into_view_if_needed()
        expect(button).to_be_visible()
        expect(button).to_be_enabled()
        assert_inside(button, PHONE["width"])
        before = feedback.inner_text()
        button.click()  # Playwright first checks that the button itself receives the click
        expect(feedback).not_to_have_text(before)
        if path == START:
            expect(feedback.locator(".sp-feedback")).to_contain_text("Kies eerst een antwoord")
        page.screenshot(path=str(artifacts / f"phone-{safe_name(notebook)}.png"))
    finally:
        app.close()


def assert_inside(locator, width: int) -> None:
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    assert box["x"] >= -1 and box["x"] + box["width"] <= width + 1, f"outside the screen: {box}"


# --------------------------------------------------------------------------- keyboard


def test_practice_question_with_the_keyboard_only(server, browser):
    """Start page: Tab to the first option, Space, Tab to Controleer, Enter → Dutch feedback."""
    practice = (server.workspace / "00-start-hier.oefenvragen.toml").read_text(encoding="utf-8")
    explanation = re.search(r'^explanation = "(.*)"$', practice, re.M).group(1)
    app = open_app(server, browser, START)
    page = app.page
    try:
        question = page.locator(".sp-practice").first
        first_option = question.locator("input").first
        tab_until(page, first_option)
        page.keyboard.press("Space")
        expect(first_option).to_be_checked()
        button = question.get_by_role("button", name="Controleer")
        tab_until(page, button, limit=10)
        page.keyboard.press("Enter")
        feedback = question.locator(".sp-feedback")
        expect(feedback).to_contain_text("Goed!")
        expect(feedback).to_contain_text(explanation)
    finally:
        app.close()


def test_assignment_question_with_the_keyboard_only(server, browser):
    """Module 1 assignment: question 1 answered with Tab and Space is shown and saved."""
    notebook = workspace_page(server, "opdrachten/module-1")
    answers = server.workspace / "opdrachten/module-1/opdracht-module-1.antwoorden.json"
    assert not answers.exists() or "1" not in json.loads(answers.read_text(encoding="utf-8"))
    app = open_app(server, browser, notebook)
    page = app.page
    try:
        question = page.locator(".sp-answer").first
        first_option = question.locator("input").first
        choice = question.locator("label:has(input)").first.inner_text().strip()
        tab_until(page, first_option)
        page.keyboard.press("Space")
        expect(first_option).to_be_checked()
        status = page.locator(".sp-status-line").first
        expect(status).to_have_text(f"Jouw antwoord: {choice}")
        # The kernel writes the answers file when the answer changes.
        assert _wait_for_answer(answers, "1") == choice
    finally:
        app.close()


def _wait_for_answer(path: Path, key: str, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                data = {}
            if key in data:
                return data[key]
        time.sleep(0.2)
    raise AssertionError(f"{path.name} has no answer {key!r} after {seconds} s")


# --------------------------------------------------------------------------- contents API


def _api(server: LearnerServer, path: str, content: bool = True) -> dict:
    token = urllib.parse.parse_qs(urllib.parse.urlsplit(server.url).query)["token"][0]
    base = server.url.split("/voila/")[0]
    quoted = urllib.parse.quote(path)
    url = f"{base}/api/contents/{quoted}?token={token}&content={int(content)}"
    with urllib.request.urlopen(url, timeout=30) as reply:
        return json.load(reply)


def test_learner_server_hands_out_no_sources_tests_or_solutions(server):
    """The contents API lists no source assignments, tests, solutions or nbgrader folders,
    and no notebook it serves holds hidden tests, solutions or the rubric."""
    folders, files, problems = [""], [], []
    while folders:
        folder = folders.pop()
        for item in _api(server, folder)["content"]:
            path = item["path"]
            if item["type"] == "directory":
                if item["name"] in FORBIDDEN_FOLDERS:
                    problems.append(f"folder {path}/")
                folders.append(path)
            else:
                files.append(path)
    problems += [
        f"solution file {path}"
        for path in files
        if re.search(r"(^|/)tests/fixtures/solutions/[^/]+\.json$", path)
    ]
    notebooks = [path for path in files if path.endswith(".ipynb")]
    assert START in files and len(notebooks) >= 1 + len(LESSONS) + len(ASSIGNMENT_IDS), (
        f"the API listed too little: {sorted(files)}"
    )
    for path in notebooks:
        text = json.dumps(_api(server, path)["content"], ensure_ascii=False)
        problems += [f"{path}: {marker!r}" for marker in HIDDEN_MARKERS if marker in text]
    assert not problems, "\n".join(problems)
