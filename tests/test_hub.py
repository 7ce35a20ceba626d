"""A real JupyterHub for one cohort: real accounts, real proxy, real Chromium, real nbgrader.

As root (CI runs as root): two learners and a trainer become system users, the trainer
releases an assignment to the cohort's exchange, and JupyterHub starts with
configurable-http-proxy on loopback. Each learner logs in with their password and lands
on the start page as an app page, opens the released assignment (fetched into their own
workspace as themselves), answers it by clicking and typing and presses **Inleveren**. The
trainer collects and grades with the ``trainer`` command and releases feedback; each learner
opens "Mijn feedback" from the start page and reads their own feedback only. The trainer
logs in to JupyterLab with the formgrader. One learner can read nothing of the other: not
their files, not the exchange's inbox, not their server through the hub. The hub keeps its
own state in PostgreSQL (``--database``). The accounts are removed afterwards. A missing
JupyterHub, proxy, PostgreSQL or Chromium fails these tests.
"""

from __future__ import annotations

import contextlib
import csv
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from nbgrader.api import Gradebook
from playwright.sync_api import Page, expect

from course.launch import free_port
from course.numbers import format_number
from grading.cohort import Cohort, write_config
from grading.exchange import release
from grading.hub import load_settings, remove_accounts, run_as, server_bin, write_hub_config
from grading.scores import grade_manually
from learner_server import chromium
from nbgrader_course import AssignmentShape, solution_answers

pytestmark = pytest.mark.browser

ASSIGNMENT = "proefopdracht"
NOTEBOOK = "proefopdracht"
PAGE = f"opdrachten/{ASSIGNMENT}/{NOTEBOOK}.ipynb"
SUFFIX = secrets.token_hex(2)
COURSE = f"hubtest{SUFFIX}"  # its own trainer group: CI runs may overlap
AMINA, BRAM, TRAINER = f"spt{SUFFIX}amina", f"spt{SUFFIX}bram", f"spt{SUFFIX}trainer"
PASSWORDS: dict[str, str] = {}  # from the file `trainer hub accounts` writes
TIMEOUT = 120_000
# What Bram runs to read a path: list a folder, read a file.
READ = "import os; p = {path!r}; os.listdir(p) if os.path.isdir(p) else open(p).read()"
SOLUTION = solution_answers(ASSIGNMENT)[NOTEBOOK]
SHAPE = AssignmentShape(ASSIGNMENT)
OPEN = {
    str(number): "Ik vraag eerst wat zij zelf wil en leg uit wat DigiD is."
    for number in SHAPE.open_numbers
}
WRONG = {"4": "Een wachtwoord"}  # Bram's answer to question 4 (the solution is DigiD)


def _answers(name: str) -> dict:
    answers = {**SOLUTION, **OPEN}
    return {**answers, **WRONG} if name == BRAM else answers


@pytest.fixture(scope="module")
def hub_database(postgres_url):
    """A database of its own for the hub on the test run's PostgreSQL server."""
    from postgres import fresh_database

    return fresh_database(postgres_url, f"hub_{SUFFIX}")


@pytest.fixture(scope="module")
def hub(hub_database):
    """A cohort with two learners, their accounts and a running hub, as the README says:
    ``trainer hub accounts`` then ``trainer hub start`` (in the foreground, stopped as with
    Ctrl+C), with the hub's database in PostgreSQL. Every account is removed afterwards."""
    assert os.geteuid() == 0, "the hub test makes system accounts: run it as root (CI does)"
    base = Path(tempfile.mkdtemp(prefix="sp-hub-", dir="/tmp"))
    base.chmod(0o755)  # trainers reach the cohort below it
    cohort, hub_dir = base / "cohort", base / "hub"
    write_config(cohort, exchange=base / "uitwisseling", course_id=COURSE)
    with Gradebook(Cohort(cohort).gradebook_url, COURSE) as gradebook:
        for learner in (AMINA, BRAM):
            gradebook.update_or_create_student(learner)
    port = free_port(18_700)
    options = ["--cohort", str(cohort), "--trainer", TRAINER, "--hubmap", str(hub_dir)]
    options += ["--poort", str(port), "--database", hub_database]
    process = None
    try:
        made = _trainer("hub", "accounts", *options, cwd=base)
        assert "3 nieuwe accounts" in made, made
        with (hub_dir / "wachtwoorden.csv").open(encoding="utf-8") as handle:
            PASSWORDS.update(dict(csv.reader(handle)))
        release(cohort, ASSIGNMENT)
        output = base / "hub-start.txt"
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "trainer"), "hub", "start", *options],
            cwd=base,
            stdout=output.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 180
        while "De hub draait" not in output.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, output.read_text()
            time.sleep(0.3)
        assert f"http://127.0.0.1:{port}/hub/login" in output.read_text(), output.read_text()
        yield SimpleNamespace(
            url=f"http://127.0.0.1:{port}",
            cohort=cohort,
            base=base,
            settings=load_settings(hub_dir),
            database=hub_database,
        )
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)  # as Ctrl+C: the hub stops every server
            try:
                process.wait(timeout=120)
            finally:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
        artifacts = Path(__file__).resolve().parent.parent / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        for log in (hub_dir / "hub.log", base / "hub-start.txt"):
            if log.exists():
                shutil.copyfile(log, artifacts / log.name)
        remove_accounts([AMINA, BRAM, TRAINER], COURSE)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    with chromium() as chromium_browser:
        yield chromium_browser


def _log_in(browser, hub, name: str) -> Page:
    """Open the hub's login page and log in as ``name``, as a person does."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(f"{hub.url}/hub/login")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(PASSWORDS[name])
    page.locator("#login_submit").click()
    return page


def _ready(page: Page) -> None:
    expect(page.locator("#rendered_cells")).to_be_visible(timeout=TIMEOUT)


def _answer(page: Page, number: str, value) -> None:
    label = re.compile(rf"^\s*(Vraag {number}|Jouw antwoord op vraag {number})(?!\d)")
    box = page.locator(".sp-answer").filter(has_text=label).first
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
        box.locator("input[type=text]").click()
        page.keyboard.type(format_number(value) if isinstance(value, int | float) else value)
        page.keyboard.press("Tab")


def _trainer(*args: str, cwd: Path) -> str:
    env = dict(
        os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    env.pop("NBGRADER_EXECUTION", None)
    done = subprocess.run(
        ["trainer", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_learners_log_in_and_land_on_the_start_page(hub, browser):
    for name in (AMINA, BRAM):
        page = _log_in(browser, hub, name)
        page.wait_for_url(
            f"**/user/{name}/voila/render/00-start-hier.ipynb", timeout=240_000, wait_until="commit"
        )
        _ready(page)
        expect(page.get_by_role("heading", name="Een opdracht inleveren")).to_be_visible()
        page.context.close()
    # Each workspace belongs to its learner, in a home nobody else may enter.
    for name in (AMINA, BRAM):
        home = Path(pwd.getpwnam(name).pw_dir)
        assert home.stat().st_mode & 0o077 == 0
        assert (home / "sleutelpersonen" / PAGE).stat().st_uid == pwd.getpwnam(name).pw_uid


def test_learners_answer_and_hand_in_through_the_exchange(hub, browser, artifacts):
    for name in (AMINA, BRAM):
        page = _log_in(browser, hub, name)
        page.wait_for_url(
            f"**/user/{name}/voila/render/00-start-hier.ipynb", timeout=240_000, wait_until="commit"
        )
        _ready(page)  # the start page fetched the released assignment into the workspace
        expect(page.get_by_role("heading", name=re.compile("^Module 1:"))).to_be_visible()
        page.goto(f"{hub.url}/user/{name}/voila/render/{PAGE}")
        _ready(page)
        for number, value in _answers(name).items():
            _answer(page, number, value)
        page.get_by_role("button", name="Inleveren").click()
        status = page.locator(".sp-finish-status")
        expect(status).to_contain_text("Ingeleverd op", timeout=TIMEOUT)
        page.screenshot(path=str(artifacts / f"hub-ingeleverd-{name[-5:]}.png"), full_page=True)
        page.context.close()
    inbound = Path(hub.settings["exchange"]) / COURSE / "inbound"
    owners = {p.name.split("+")[0]: p.stat().st_uid for p in inbound.iterdir()}
    assert owners == {name: pwd.getpwnam(name).pw_uid for name in (AMINA, BRAM)}


def test_an_assignment_released_later_appears_on_the_start_page(hub, browser):
    """Released while Amina's server runs: her start page fetches it and links to it."""
    release(hub.cohort, "module-2")
    page = _log_in(browser, hub, AMINA)
    page.wait_for_url(f"**/user/{AMINA}/voila/render/00-start-hier.ipynb", wait_until="commit")
    _ready(page)
    page.get_by_role("link", name="Opdracht module 2").click()
    page.wait_for_url("**/opdrachten/module-2/*.ipynb", wait_until="commit")
    _ready(page)
    expect(page.locator(".sp-answer").first).to_be_visible()
    folder = Path(pwd.getpwnam(AMINA).pw_dir) / "sleutelpersonen" / "opdrachten" / "module-2"
    assert folder.stat().st_uid == pwd.getpwnam(AMINA).pw_uid
    assert not (
        Path(pwd.getpwnam(BRAM).pw_dir) / "sleutelpersonen" / "opdrachten" / "module-2"
    ).exists()
    page.context.close()


def test_trainer_collects_grades_and_releases_feedback(hub):
    """As the trainer's own account, as in the terminal of their JupyterLab (umask 007):
    ophalen, nakijken and feedback work through the cohort's trainer group."""
    collected = _as_trainer("ophalen", ASSIGNMENT, "--cohort", str(hub.cohort))
    assert AMINA in collected and BRAM in collected
    _as_trainer("nakijken", ASSIGNMENT, "--cohort", str(hub.cohort))
    with Gradebook(Cohort(hub.cohort).gradebook_url, COURSE) as gradebook:
        scores = {
            name: gradebook.find_submission(ASSIGNMENT, name).code_score for name in (AMINA, BRAM)
        }
    closed = sum(SHAPE.closed.values())
    assert scores == {AMINA: closed, BRAM: closed - SHAPE.closed[4]}
    # The open answer graded as in the formgrader; then the feedback goes out.
    url = Cohort(hub.cohort).gradebook_url
    for name, points in ((AMINA, 3), (BRAM, 1)):
        grade_manually(url, ASSIGNMENT, name, next(iter(SHAPE.open)), points)
    _as_trainer("feedback", ASSIGNMENT, "--cohort", str(hub.cohort))
    # What the trainer made belongs to the trainer group, in a folder nobody else may enter.
    group = grp.getgrnam(f"trainer-{COURSE}").gr_gid
    assert hub.cohort.stat().st_mode & 0o007 == 0 and hub.cohort.stat().st_gid == group
    made = [p for p in hub.cohort.rglob("*") if p.stat().st_uid == pwd.getpwnam(TRAINER).pw_uid]
    assert made, "the trainer's commands wrote nothing in the cohort"
    assert all(path.stat().st_gid == group for path in made)


def _as_trainer(*args: str) -> str:
    done = run_as(
        TRAINER,
        [str(server_bin() / "python"), "-m", "grading", *args],
        cwd=Path(pwd.getpwnam(TRAINER).pw_dir),
        umask=0o007,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_each_learner_reads_only_their_own_feedback_on_mijn_feedback(hub, browser, artifacts):
    """From the start page to "Mijn feedback", which fetches the feedback from the exchange
    as the learner; the link opens the Dutch feedback page with the learner's own answers."""
    for name in (AMINA, BRAM):
        page = _log_in(browser, hub, name)
        page.wait_for_url(f"**/user/{name}/voila/render/00-start-hier.ipynb", wait_until="commit")
        _ready(page)
        page.get_by_role("link", name="Mijn feedback").click()
        page.wait_for_url(f"**/user/{name}/voila/render/mijn-feedback.ipynb", wait_until="commit")
        _ready(page)
        link = page.get_by_role("link", name=re.compile(f"Bekijk je feedback voor {ASSIGNMENT}"))
        expect(link).to_be_visible(timeout=TIMEOUT)
        page.screenshot(path=str(artifacts / f"hub-mijn-feedback-{name[-5:]}.png"), full_page=True)
        with page.context.expect_page() as opened:
            link.click()
        feedback = opened.value
        feedback.wait_for_load_state()
        assert f"/user/{name}/files/opdrachten/{ASSIGNMENT}/feedback/" in feedback.url
        expect(feedback.get_by_role("heading", level=1)).to_be_visible()
        text = feedback.locator("body").inner_text()
        assert ("Een wachtwoord" in text) == (name == BRAM), text[:500]
        assert "Een wachtwoord" not in text or name == BRAM
        workspace = Path(pwd.getpwnam(name).pw_dir) / "sleutelpersonen"
        (html,) = (workspace / "opdrachten" / ASSIGNMENT / "feedback").rglob("*.html")
        assert html.stat().st_uid == pwd.getpwnam(name).pw_uid
        page.context.close()


def test_servers_run_with_private_file_modes_and_the_hub_state_is_in_postgresql(hub):
    """A learner's server makes files for the learner alone (umask 077), a trainer's for the
    cohort's trainer group (007); the hub's users are rows in PostgreSQL, not a SQLite file."""
    from sqlalchemy import create_engine, text

    umasks = _server_umasks()
    assert umasks.get(AMINA) == "0077" and umasks.get(BRAM) == "0077", umasks
    engine = create_engine(hub.database)
    with engine.connect() as connection:
        users = {row[0] for row in connection.execute(text("SELECT name FROM users"))}
    engine.dispose()
    assert {AMINA, BRAM} <= users
    assert not list(Path(hub.settings["hub_dir"]).glob("*.sqlite"))


def test_a_learner_cannot_read_the_other_learners_work(hub, browser):
    amina_home = Path(pwd.getpwnam(AMINA).pw_dir)
    inbound = Path(hub.settings["exchange"]) / COURSE / "inbound"
    submission = next(inbound.glob(f"{AMINA}+*"))
    python = str(server_bin() / "python")
    feedback = Path(hub.settings["exchange"]) / COURSE / "feedback"
    for target in (amina_home / "sleutelpersonen" / PAGE, amina_home, inbound, feedback):
        done = run_as(
            BRAM,
            [
                python,
                "-c",
                READ.format(path=str(target)),
            ],
            cwd=Path("/tmp"),
        )
        assert done.returncode != 0 and "PermissionError" in done.stderr, (target, done.stderr)
    # The inbox cannot be listed, so a submission's secret name cannot be found; and Bram's
    # browser gets no access to Amina's server or her account through the hub.
    assert submission.name.count("+") == 3
    page = _log_in(browser, hub, BRAM)
    page.wait_for_url(f"**/user/{BRAM}/**", timeout=240_000, wait_until="commit")
    response = page.goto(f"{hub.url}/user/{AMINA}/voila/render/00-start-hier.ipynb")
    assert response.status == 403 or f"/user/{BRAM}/" in page.url
    assert "Een opdracht inleveren" not in page.content() or f"/user/{BRAM}/" in page.url
    api = page.request.get(f"{hub.url}/hub/api/users/{AMINA}")
    assert api.status in (403, 404)
    page.context.close()


def test_trainer_lands_on_jupyterlab_with_the_formgrader(hub, browser):
    page = _log_in(browser, hub, TRAINER)
    page.wait_for_url(f"**/user/{TRAINER}/lab**", timeout=240_000, wait_until="commit")
    expect(page.locator(".jp-LabShell")).to_be_visible(timeout=TIMEOUT)
    page.goto(f"{hub.url}/user/{TRAINER}/formgrader")
    expect(page.get_by_text(ASSIGNMENT).first).to_be_visible(timeout=TIMEOUT)
    page.context.close()
    # What the trainer's server (and its terminal) makes is for the trainer group only.
    assert _server_umasks().get(TRAINER) == "0007"


def _server_umasks() -> dict[str, str]:
    """The umask of each running single-user server, by account name (from /proc)."""
    umasks = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError, KeyError):
            command = (status.parent / "cmdline").read_bytes()
            if b"jupyterhub.singleuser" not in command or b"umask" in command:
                continue
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
            uid = int(fields["Uid"].split()[0])
            umasks[pwd.getpwuid(uid).pw_name] = fields["Umask"].strip()
    return umasks


def test_hub_config_logs_in_the_cohort_only_and_gives_each_role_its_page(tmp_path):
    """The real hub config (grading/jupyterhub_config.py) read as JupyterHub reads it."""
    from traitlets.config import Config

    from grading.hub import HUB_CONFIG

    cohort = tmp_path / "cohort"
    write_config(cohort, exchange=tmp_path / "uitwisseling", course_id=COURSE)
    write_hub_config(cohort, tmp_path / "hub", ["anouk"], learners=["samira", "tesfay"])
    config = Config()
    namespace = {"get_config": lambda: config, "__file__": str(HUB_CONFIG)}
    os.environ["SLEUTELPERSONEN_HUB"] = str(tmp_path / "hub")
    try:
        exec(compile(HUB_CONFIG.read_text(encoding="utf-8"), str(HUB_CONFIG), "exec"), namespace)
    finally:
        del os.environ["SLEUTELPERSONEN_HUB"]
    assert config.JupyterHub.authenticator_class == "pam"
    assert config.JupyterHub.spawner_class == "localprocess"
    assert config.Authenticator.allowed_users == {"samira", "tesfay", "anouk"}
    assert config.Authenticator.admin_users == set()
    assert config.ConfigurableHTTPProxy.command[0].endswith(
        "tools/hub/node_modules/.bin/configurable-http-proxy"
    )
    assert config.Spawner.cmd[-2:] == ["-m", "jupyterhub.singleuser"]


def test_trainer_nieuw_names_the_cohort_on_the_hub(tmp_path):
    """A cohort's course id is an option of `trainer nieuw`; a name the hub cannot use is
    refused in Dutch."""
    cohort = tmp_path / "cohort-2027"
    _trainer(
        "nieuw", str(cohort), "--uitwisseling", str(tmp_path / "uitwisseling"),
        "--cursus-id", "cohort-2027", cwd=tmp_path,
    )  # fmt: skip
    assert Cohort(cohort).course_id == "cohort-2027"
    assert Cohort(cohort).exchange == tmp_path / "uitwisseling"
    env = dict(
        os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    refused = subprocess.run(
        ["trainer", "nieuw", str(tmp_path / "ander"), "--cursus-id", "Cohort+2027"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1
    assert refused.stderr.startswith("Fout: 'Cohort+2027' kan geen cursus-id zijn")
    assert not (tmp_path / "ander" / "nbgrader_config.py").exists()


def test_trainer_instellen_gives_an_existing_cohort_an_exchange_and_a_name(tmp_path):
    cohort = tmp_path / "cohort"
    _trainer("nieuw", str(cohort), cwd=tmp_path)
    assert Cohort(cohort).exchange is None
    said = _trainer(
        "instellen", "--cohort", str(cohort), "--uitwisseling", str(tmp_path / "uitwisseling"),
        "--cursus-id", "cohort-2027", cwd=tmp_path,
    )  # fmt: skip
    assert "cohort-2027" in said
    assert Cohort(cohort).course_id == "cohort-2027"
    assert Cohort(cohort).exchange == tmp_path / "uitwisseling"
    # Once the gradebook holds assignments under a course id, that id stays.
    with Gradebook(Cohort(cohort).gradebook_url, "cohort-2027") as gradebook:
        gradebook.add_assignment(ASSIGNMENT)
    env = dict(
        os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    refused = subprocess.run(
        ["trainer", "instellen", "--cohort", str(cohort), "--cursus-id", "ander"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1 and "al opdrachten" in refused.stderr
    assert Cohort(cohort).course_id == "cohort-2027"


def test_the_servers_python_is_usable_by_everyone_even_under_a_private_umask():
    """Trainer commands run under a private umask (077); the small environment the servers'
    Python lives in must still be usable by every account, and one left unusable is made
    again (found on a fresh clone, where `trainer hub accounts` makes it first)."""
    from grading.hub_python import SHIM_NAME, usable_by_everyone

    base = Path(tempfile.mkdtemp(prefix="sp-hubpython-", dir="/tmp"))
    try:
        base.chmod(0o755)
        private = base / "privé"
        private.mkdir(mode=0o700)
        (private / "python").write_bytes(b"")
        (private / "python").chmod(0o700)
        (base / "venv" / "bin").mkdir(parents=True)
        (base / "venv" / "bin" / "python").symlink_to(private / "python")
        previous = os.umask(0o077)
        try:
            made = server_bin(base / "venv" / "bin")
            assert made == base / "venv" / SHIM_NAME / "bin"
            assert usable_by_everyone(made / "python")
            (base / "venv" / SHIM_NAME).chmod(0o700)  # left unusable by an older version
            again = server_bin(base / "venv" / "bin")
        finally:
            os.umask(previous)
        assert usable_by_everyone(again / "python")
    finally:
        shutil.rmtree(base, ignore_errors=True)
