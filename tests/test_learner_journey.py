"""A new learner's whole path in real Chromium, then the trainer grades it with real nbgrader.

From the link the start command prints: the start page's first practice question works with
no action, lesson 1 opens from the map, **Volgende les** leads on, the module-1 assignment is
answered by clicking and typing only (open questions too), **Is alles ingevuld?** names the
missing questions, **Inleveren** gives the package as a download. Then the `trainer`
command imports and grades that package: every closed answer scores what it deserves and
the typed open answers are in the manually graded cells and in the feedback. Reloading a
page and restarting the server keep every answer.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from nbgrader.api import Gradebook
from playwright.sync_api import Page, expect

from course.catalog import load_catalog
from course.numbers import format_number
from grading.cohort import gradebook_url
from grading.scores import grade_manually
from learner_server import LearnerServer, chromium
from nbgrader_course import AssignmentShape, solution_answers

pytestmark = pytest.mark.browser

ASSIGNMENT = "module-1"
NOTEBOOK = "opdracht-module-1"
PAGE = f"opdrachten/{ASSIGNMENT}/{NOTEBOOK}.ipynb"
LEARNER = "karim"
TIMEOUT = 90_000
# Question numbers come from the source notebook and the solution fixture, so adding a
# question elsewhere in the assignment does not break this journey.
SHAPE = AssignmentShape(ASSIGNMENT)
SOLUTION = solution_answers(ASSIGNMENT)[NOTEBOOK]
QUESTIONS = SHAPE.questions
CLOSED = [str(number) for number in SHAPE.closed]


def _number_of(answer: str) -> str:
    """The question whose solution is ``answer``."""
    (number,) = [key for key, value in SOLUTION.items() if value == answer]
    return number


# answered wrongly on purpose (the CJIB question): the trainer's score must show it
WRONG_QUESTION = _number_of("Het CJIB")
WRONG_ANSWER = "De politie"
SVB_QUESTION = _number_of("De SVB")  # changed to "DUO" after the server restart
FIRST_OPEN, SECOND_OPEN, *OTHER_OPEN = (str(number) for number in SHAPE.open_numbers)
OPEN_IDS = list(SHAPE.open)
OPEN_ANSWERS = {
    FIRST_OPEN: (
        "Karim blijft rustig en vraagt of hij mag meekijken.\n"
        "Samen lezen ze de brief: wie stuurt hem en wat willen ze?\n"
        "Hij belt niet met haar wachtwoord, maar gebruikt een machtiging <b>veilig</b>."
    ),
    SECOND_OPEN: "Karim neemt Ahmed serieus. Hij noemt 113 en de huisarts.",
} | {
    number: "Karim geeft het geld terug en stuurt de vrouw een eigen bericht."
    for number in OTHER_OPEN
}
FIRST_ANSWERED = ("1", "2", FIRST_OPEN)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    learner = LearnerServer(tmp_path_factory.mktemp("leerling"))
    learner.start()
    yield learner
    learner.stop()


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


def _page(browser, width: int = 1100) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900}, locale="nl-NL")
    page.set_default_timeout(TIMEOUT)
    return page


def _ready(page: Page) -> None:
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=TIMEOUT)


def _question(page: Page, number: str):
    label = re.compile(rf"^\s*(Vraag {number}|Jouw antwoord op vraag {number})(?!\d)")
    return page.locator(".sp-answer").filter(has_text=label).first


def _answer(page: Page, number: str, value) -> None:
    """Answer one graded question the way a learner does: click, or type."""
    box = _question(page, number)
    box.scroll_into_view_if_needed()
    if box.locator("textarea").count():
        box.locator("textarea").click()
        page.keyboard.type(value)
    elif box.locator("input[type=radio]").count():
        box.get_by_text(value, exact=True).click()
    elif box.locator("input[type=checkbox]").count():
        for option in value:
            box.get_by_text(option, exact=True).click()
    else:
        field = box.locator("input[type=text]")
        field.click()
        page.keyboard.type(format_number(value) if isinstance(value, int | float) else value)
        page.keyboard.press("Tab")  # the answer is saved when the field is left


def _saved(server: LearnerServer) -> dict:
    path = server.workspace / "opdrachten" / ASSIGNMENT / f"{NOTEBOOK}.antwoorden.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _trainer(*args: str, cwd: Path) -> str:
    """The `trainer` command, called by name as the README says (its folder on PATH)."""
    bin_dir = str(Path(sys.executable).parent)
    env = dict(os.environ, PATH=os.pathsep.join([bin_dir, os.environ.get("PATH", "")]))
    env.pop("NBGRADER_EXECUTION", None)
    result = subprocess.run(
        ["trainer", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_start_page_practice_lesson_navigation(server, browser, artifacts):
    page = _page(browser)
    page.goto(server.url)
    _ready(page)
    practice = page.locator(".sp-practice").first
    expect(practice.get_by_role("button", name="Controleer")).to_be_enabled()
    practice.get_by_role("radio").first.click()  # click 1: an answer
    practice.get_by_role("button", name="Controleer").click()  # click 2: check it
    expect(practice.locator(".sp-feedback")).to_contain_text(re.compile("Goed!|Nog niet goed"))

    page.get_by_role("link", name="De kaart van instanties").click()
    page.wait_for_url("**/module-1-bureaucratie/01-kaart-van-instanties.ipynb")
    _ready(page)
    expect(page.locator(".sp-practice").first).to_be_visible()
    page.get_by_role("button", name="Ik heb deze les afgerond").click()
    expect(page.locator(".sp-done-button + *")).to_contain_text("afgerond")
    page.get_by_role("link", name=re.compile("^Volgende les: DigiD en machtigen")).click()
    page.wait_for_url("**/module-1-bureaucratie/02-digid-en-machtigen.ipynb")
    _ready(page)
    page.get_by_role("link", name="Terug naar het overzicht").click()
    page.wait_for_url("**/00-start-hier.ipynb")
    _ready(page)
    # Progress is current whenever the start page is shown.
    lessons = len(load_catalog().modules[0].lessons)
    expect(page.locator(".sp-progress").first).to_contain_text(f"1 van {lessons} lessen afgerond")
    assert page.locator("#sp-connection-lost").count() == 0  # moving on is not losing it
    page.screenshot(path=str(artifacts / "journey-start-page.png"), full_page=True)
    page.close()


def test_assignment_answered_in_the_page_handed_in_and_graded(server, browser, artifacts, tmp_path):
    answers = dict(solution_answers(ASSIGNMENT)[NOTEBOOK])
    answers[WRONG_QUESTION] = WRONG_ANSWER
    answers.update(OPEN_ANSWERS)

    page = _page(browser)
    page.goto(server.url)
    _ready(page)
    page.get_by_role("link", name="Opdracht module 1").click()
    page.wait_for_url(f"**/{PAGE}")
    _ready(page)
    expect(page.locator(".sp-answer")).to_have_count(QUESTIONS)

    check = page.get_by_role("button", name="Is alles ingevuld?")
    status = page.locator(".sp-finish-status")
    for number in FIRST_ANSWERED:
        _answer(page, number, answers[number])
    check.click()
    missing = [str(n) for n in range(1, QUESTIONS + 1) if str(n) not in FIRST_ANSWERED]
    expect(status).to_contain_text("Deze vragen hebben nog geen antwoord: 3, 4, 5")
    expect(status).to_contain_text(f"{missing[-2]} en {missing[-1]}.")
    for number, value in answers.items():
        if number not in FIRST_ANSWERED:
            _answer(page, number, value)
    check.click()
    expect(status).to_contain_text(f"Je hebt alle {QUESTIONS} vragen beantwoord.")
    # The soft reminders under the questions are gone now that every question has an answer.
    assert page.locator(".sp-reminder").count() == 0

    saved = _saved(server)
    expected = {k: v for k, v in answers.items() if k not in OPEN_ANSWERS}
    assert {k: saved.get(k) for k in expected} == expected
    assert saved[FIRST_OPEN] == OPEN_ANSWERS[FIRST_OPEN].strip()

    # Reload: every answer is shown again, open text included.
    page.reload()
    _ready(page)
    expect(_question(page, FIRST_OPEN).locator("textarea")).to_have_value(
        OPEN_ANSWERS[FIRST_OPEN].strip()
    )
    toeslagen = page.locator(".sp-status-line").nth(int(_number_of("Dienst Toeslagen")) - 1)
    expect(toeslagen).to_contain_text("Jouw antwoord: Dienst Toeslagen")
    assert "model not found" not in page.inner_text("body")

    page.get_by_role("button", name="Inleveren").click()
    expect(status).to_contain_text("Typ eerst je deelnemersnummer")
    page.get_by_label("Jouw deelnemersnummer").fill(LEARNER)
    page.get_by_role("button", name="Inleveren").click()
    link = page.get_by_role("link", name=f"Download {LEARNER}_{ASSIGNMENT}.zip")
    with page.expect_download() as download:
        link.click()
    packages = tmp_path / "pakketten"
    packages.mkdir()
    package = packages / download.value.suggested_filename
    download.value.save_as(package)
    page.screenshot(path=str(artifacts / "journey-handed-in.png"), full_page=True)
    page.close()
    assert package.name == f"{LEARNER}_{ASSIGNMENT}.zip"

    # The trainer: a cohort, the learner, the assignment, then grading the package.
    cohort, exchange = tmp_path / "cohort", tmp_path / "uitwisseling"
    _trainer("nieuw", str(cohort), "--uitwisseling", str(exchange), cwd=tmp_path)
    people = tmp_path / "deelnemers.csv"
    people.write_text(
        f"id,voornaam,achternaam,e-mail\n{LEARNER},Karim,El Amrani,karim@voorbeeld.nl\n",
        encoding="utf-8",
    )
    _trainer("importeer-deelnemers", str(people), "--cohort", str(cohort), cwd=tmp_path)
    _trainer("uitdelen", ASSIGNMENT, "--cohort", str(cohort), cwd=tmp_path)
    _trainer(
        "importeer-pakketten", ASSIGNMENT, str(packages), "--cohort", str(cohort), cwd=tmp_path
    )
    _trainer("nakijken", ASSIGNMENT, "--cohort", str(cohort), cwd=tmp_path)

    with Gradebook(f"sqlite:///{cohort / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission_notebook(NOTEBOOK, ASSIGNMENT, LEARNER)
        grades = {grade.name: grade for grade in submission.grades}
        auto = {
            name: (grade.score, grade.max_score)
            for name, grade in grades.items()
            if grade.cell.cell_type == "code"
        }
        manual = {
            name: grade.needs_manual_grade
            for name, grade in grades.items()
            if grade.cell.cell_type == "markdown"
        }
    wrong = f"vraag-{WRONG_QUESTION}-controle"
    assert auto[wrong] == (0, 1)
    assert all(score == top for name, (score, top) in auto.items() if name != wrong), auto
    assert len(auto) == len(CLOSED)
    assert manual == dict.fromkeys(OPEN_IDS, True)
    # The trainer grades the open answers (as in the formgrader), then sends feedback.
    url = gradebook_url(cohort)
    grade_manually(url, ASSIGNMENT, LEARNER, OPEN_IDS[0], 5)
    for grade_id in OPEN_IDS[1:]:
        grade_manually(url, ASSIGNMENT, LEARNER, grade_id, 4)
    _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort), cwd=tmp_path)

    graded = json.loads(
        (cohort / "autograded" / LEARNER / ASSIGNMENT / f"{NOTEBOOK}.ipynb").read_text("utf-8")
    )
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in graded["cells"]}
    first = "".join(cells[OPEN_IDS[0]]["source"])
    assert "Samen lezen ze de brief" in first
    assert "&lt;b&gt;veilig&lt;/b&gt;" in first  # shown as typed, never as markup
    assert "Hij noemt 113 en de huisarts." in "".join(cells[OPEN_IDS[1]]["source"])
    feedback = (cohort / "feedback" / LEARNER / ASSIGNMENT / f"{NOTEBOOK}.html").read_text("utf-8")
    assert "Samen lezen ze de brief" in feedback
    assert "Hij noemt 113 en de huisarts." in feedback


def test_answers_survive_a_server_restart(server, browser):
    before = _saved(server)
    assert before, "the previous test saved answers"
    open_page = _page(browser)
    open_page.goto(server.page_url(PAGE))
    _ready(open_page)
    server.stop()
    # A page left open says in Dutch that it lost the server, instead of ignoring clicks.
    banner = open_page.locator("#sp-connection-lost")
    expect(banner).to_be_visible(timeout=30_000)
    expect(banner).to_contain_text("De verbinding met de cursus is verbroken.")
    open_page.close()
    server.start()
    page = _page(browser)
    page.goto(server.page_url(PAGE))
    _ready(page)
    expect(_question(page, "1").locator("input[type=radio]:checked")).to_have_count(1)
    expect(_question(page, SECOND_OPEN).locator("textarea")).to_have_value(
        OPEN_ANSWERS[SECOND_OPEN]
    )
    text = page.inner_text("body")
    assert "model not found" not in text
    assert "Error" not in text
    # A click after the restart is saved, not silently ignored.
    _question(page, SVB_QUESTION).get_by_text("DUO", exact=True).click()
    status = page.locator(".sp-status-line").nth(int(SVB_QUESTION) - 1)
    expect(status).to_contain_text("Jouw antwoord: DUO")
    assert _saved(server)[SVB_QUESTION] == "DUO"
    page.close()


def test_same_assignment_in_jupyterlab_with_one_run_all(server, browser, artifacts):
    page = _page(browser, width=1280)
    page.goto(server.lab_url(PAGE))
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    # The Run menu acts on the notebook once its kernel is ready ("Inactief" = idle).
    expect(page.locator("#jp-main-statusbar")).to_contain_text("Inactief", timeout=TIMEOUT)
    page.locator(".jp-Notebook .jp-Cell").first.click()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile("^Uitvoeren$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
    # One Run All shows every question and the finish block: no check stops the notebook.
    expect(page.locator(".sp-finish")).to_be_visible(timeout=TIMEOUT)
    expect(page.locator(".sp-answer")).to_have_count(QUESTIONS)
    assert page.locator(".jp-OutputArea-output[data-mime-type*=error]").count() == 0
    page.screenshot(path=str(artifacts / "journey-jupyterlab.png"))
    page.close()
