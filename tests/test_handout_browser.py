"""The hand-out package in real Chromium: a learner without a hub (no self-study release)
clicks "Opdracht openen" on the start page, chooses the zip the trainer made with
`trainer uitdelen`, gets a link and lands on the assignment page; a wrong file is refused
with a Dutch reason."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from grading.cohort import write_config
from grading.handout import make_packages
from grading.learners import import_learners
from learner_server import LearnerServer, chromium

pytestmark = pytest.mark.browser

ASSIGNMENT = "proefopdracht"
TIMEOUT = 90_000


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    base = tmp_path_factory.mktemp("uitdelen")
    write_config(base / "cohort")
    people = base / "deelnemers.csv"
    people.write_text("id,voornaam,achternaam,e-mail\nkarim,Karim,El Amrani,k@voorbeeld.nl\n")
    import_learners(base / "cohort", people)
    _folder, made = make_packages(base / "cohort", ASSIGNMENT)
    return {path.name: path for path in made}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    learner = LearnerServer(tmp_path_factory.mktemp("leerling"), args=("--geen-zelfstudie",))
    learner.start()
    yield learner
    learner.stop()


def _choose(page, box, path) -> None:
    """Click "Opdracht openen" and pick ``path`` in the file dialog, as a learner does."""
    with page.expect_file_chooser() as chooser:
        box.get_by_role("button", name="Opdracht openen").click()
    chooser.value.set_files(str(path))


def test_opdracht_openen_on_the_start_page(server, packages, artifacts, tmp_path):
    notebook = server.workspace / "opdrachten" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert not notebook.exists()  # no self-study release: it must come from the package
    wrong = tmp_path / "brief.zip"
    wrong.write_text("geen zip", encoding="utf-8")
    own = packages[f"Karim El Amrani (karim) - opdracht {ASSIGNMENT}.zip"]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="nl-NL")
        page.set_default_timeout(TIMEOUT)
        page.goto(server.url)
        expect(page.locator("#rendered_cells")).to_be_visible()
        box = page.locator(".sp-open")
        expect(box.get_by_text("Opdracht openen")).to_be_visible()
        _choose(page, box, wrong)
        expect(box.locator(".sp-open-status")).to_contain_text("brief.zip is geen zip-bestand")
        _choose(page, box, own)
        link = box.get_by_role("link", name=f"Open de opdracht {ASSIGNMENT}")
        expect(link).to_be_visible()
        page.screenshot(path=str(artifacts / "opdracht-openen.png"), full_page=False)
        assert notebook.is_file()
        link.click()
        page.wait_for_url(re.compile(rf".*/opdrachten/{ASSIGNMENT}/{ASSIGNMENT}\.ipynb.*"))
        expect(page.locator("#rendered_cells")).to_be_visible()
        expect(page.get_by_role("button", name="Inleveren")).to_be_visible()
        expect(page.get_by_text("Werk je op je eigen computer?")).to_be_visible()
        page.close()
