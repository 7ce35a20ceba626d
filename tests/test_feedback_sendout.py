"""Feedback sent out: one file per learner named by name and id, and e-mail to each learner
with their own feedback, delivered to a real SMTP server (aiosmtpd) on this machine."""

from __future__ import annotations

import socket
from email import message_from_bytes
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner

from graded_cohort import make_cohort
from grading.cli import main as trainer
from grading.cohort import Cohort

ASSIGNMENT = "proefopdracht"
PEOPLE = {
    "anna": ("Anna", "de Vries", "anna@voorbeeld.nl"),
    "bram": ("Bram", "Bakker", "bram@voorbeeld.nl"),
    "carla": ("Carla", "Özdemir", "carla@voorbeeld.nl"),
    "dirk": ("Dirk", "de Vries", "dirk@voorbeeld.nl"),
}


class Inbox:
    """An aiosmtpd handler that keeps every message and refuses the addresses in ``refuse``."""

    def __init__(self):
        self.messages = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 Onbekend adres"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _trainer(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(trainer, list(args))
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    """A graded cohort whose learners have names and e-mail addresses."""
    base = tmp_path_factory.mktemp("uitsturen")
    root = make_cohort(base / "cohort")
    people = base / "deelnemers.csv"
    rows = [";".join((learner, *person)) for learner, person in PEOPLE.items()]
    people.write_text("id;voornaam;achternaam;e-mail\n" + "\n".join(rows) + "\n", "utf-8")
    _trainer("importeer-deelnemers", str(people), "--cohort", str(root))
    return root


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def _attachment(message):
    parts = [part for part in message.iter_attachments()]
    assert len(parts) == 1
    return parts[0].get_filename(), parts[0].get_content()


def test_feedback_writes_one_file_per_learner_named_by_name_and_id(cohort):
    output = _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort))
    folder = cohort / "uitsturen" / ASSIGNMENT
    assert f"Klaar om te versturen, één bestand per deelnemer: {folder}" in output
    names = sorted(path.name for path in folder.glob("*.html"))
    assert names == [
        "Anna de Vries (anna) - feedback proefopdracht.html",
        "Bram Bakker (bram) - feedback proefopdracht.html",
        "Carla Özdemir (carla) - feedback proefopdracht.html",
        "Dirk de Vries (dirk) - feedback proefopdracht.html",
    ]
    own = (cohort / "feedback" / "anna" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_bytes()
    assert (folder / names[0]).read_bytes() == own


def test_without_settings_nothing_is_sent_and_the_folder_is_named(cohort):
    output = _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort), "--mailen", code=1)
    assert output.startswith("Fout: Deze cohort heeft nog geen e-mailinstellingen")
    assert "Klaar om te versturen" in output


def test_each_learner_gets_their_own_feedback_by_email_once(cohort, smtp):
    inbox, port = smtp
    _trainer(
        "e-mail-instellen",
        "--cohort",
        str(cohort),
        "--server",
        "127.0.0.1",
        "--poort",
        str(port),
        "--afzender",
        "Trainer <trainer@voorbeeld.nl>",
        "--beveiliging",
        "geen",
    )
    assert Cohort(cohort).mail.port == port
    assert Cohort(cohort).year  # the course year survives the e-mail settings

    output = _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort), "--mailen")
    assert "Per e-mail verstuurd aan 4 deelnemer(s):" in output
    assert "  carla: carla@voorbeeld.nl" in output
    by_address = {message["To"].addresses[0].addr_spec: message for message in inbox.messages}
    assert sorted(by_address) == sorted(person[2] for person in PEOPLE.values())
    for learner, (first, last, address) in PEOPLE.items():
        message = by_address[address]
        assert message["Subject"] == f"Feedback op je opdracht {ASSIGNMENT}"
        assert message["From"] == "Trainer <trainer@voorbeeld.nl>"
        assert f"Beste {first}," in message.get_body(("plain",)).get_content()
        name, content = _attachment(message)
        assert name == f"{first} {last} ({learner}) - feedback {ASSIGNMENT}.html"
        own = (cohort / "feedback" / learner / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text("utf-8")
        # Their own feedback, no one else's (mail sends text with CRLF line ends).
        assert content.replace("\r\n", "\n").rstrip("\n") == own.rstrip("\n")
        assert "BEGIN HIDDEN TESTS" not in content and "Beoordelingsmodel" not in content

    again = _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort), "--mailen")
    assert "Niet verstuurd aan 4 deelnemer(s):" in again and "al verstuurd op" in again
    assert len(inbox.messages) == 4


def test_a_refused_address_does_not_stop_the_others(cohort, smtp):
    inbox, port = smtp
    _trainer(
        "e-mail-instellen",
        "--cohort",
        str(cohort),
        "--server",
        "127.0.0.1",
        "--poort",
        str(port),
        "--afzender",
        "trainer@voorbeeld.nl",
        "--beveiliging",
        "geen",
    )
    inbox.refuse = {"bram@voorbeeld.nl"}
    output = _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort), "--opnieuw-mailen", code=1)
    assert output.startswith("Fout: ")
    assert "Per e-mail verstuurd aan 3 deelnemer(s):" in output
    assert "  bram: de mailserver weigert het adres bram@voorbeeld.nl" in output
    assert len(inbox.messages) == 3


def test_no_mail_server_is_a_dutch_error(cohort):
    port = _free_port()  # nothing listens here
    _trainer(
        "e-mail-instellen", "--cohort", str(cohort), "--server", "127.0.0.1", "--poort",
        str(port), "--afzender", "trainer@voorbeeld.nl", "--beveiliging", "geen",
    )  # fmt: skip
    output = _trainer("feedback", ASSIGNMENT, "--cohort", str(cohort), "--opnieuw-mailen", code=1)
    assert output.startswith(f"Fout: De mailserver 127.0.0.1:{port} is niet bereikbaar")
    output = _trainer(
        "e-mail-instellen", "--cohort", str(cohort), "--server", "x", "--afzender", "geen-adres",
        code=1,
    )  # fmt: skip
    assert "Fout: Het afzenderadres 'geen-adres' is geen e-mailadres." in output
