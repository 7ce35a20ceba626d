"""A cohort without a hub, end to end through the `trainer` command: hand-out packages, the
learners' work made with the learner-side code (the "Opdracht openen" and "Inleveren"
functions), a zip import with broken packages, grading, feedback sent out (a send-out folder
and e-mail to a real local SMTP server), the export and the dashboard."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from nbclient import NotebookClient
from test_feedback_sendout import Inbox, _free_port

from course.handin import make_handin, stored_learner_id
from course.handout import INSTRUCTION, MANIFEST, open_package
from grading.cli import main
from grading.cohort import gradebook_url
from grading.scores import grade_manually
from nbgrader_course import solution_answers

ASSIGNMENT = "proefopdracht"
ANSWERS = f"{ASSIGNMENT}.antwoorden.json"
PEOPLE = {
    "karim": ("Karim", "El Amrani"),
    "samira": ("Samira", "Benali"),
    "olena": ("Olena", "Kovalenko"),
    "yusuf": ("Yusuf", "Demir"),
}


def _trainer(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return result.output


def _corrupt_member(package: Path, member: str) -> None:
    """Overwrite the middle of one member's compressed data (the zip still opens)."""
    with zipfile.ZipFile(package) as archive:
        info = archive.getinfo(member)
    data = bytearray(package.read_bytes())
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_length + extra_length + info.compress_size // 3
    data[start : start + 64] = bytes(64)
    package.write_bytes(bytes(data))


@pytest.fixture
def smtp():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def test_cohort_without_a_hub(tmp_path, monkeypatch, smtp):
    root = tmp_path / "cohort-2027"
    _trainer("nieuw", str(root))
    people = tmp_path / "deelnemers.csv"
    rows = [f"{id_},{first},{last},{id_}@voorbeeld.nl" for id_, (first, last) in PEOPLE.items()]
    people.write_text("id,voornaam,achternaam,e-mail\n" + "\n".join(rows) + "\n", "utf-8")
    _trainer("importeer-deelnemers", str(people), "--cohort", str(root))

    # Hand-out: a package per learner, named by name and id, and one for the group.
    output = _trainer("uitdelen", ASSIGNMENT, "--cohort", str(root))
    folder = root / "uitdelen" / ASSIGNMENT
    assert f"uitdeelpakket in {folder}: 1 voor de groep en 4 per deelnemer" in output
    own = {
        id_: folder / f"{first} {last} ({id_}) - opdracht {ASSIGNMENT}.zip"
        for id_, (first, last) in PEOPLE.items()
    }
    group = folder / f"Iedereen - opdracht {ASSIGNMENT}.zip"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [group.name, "instructie.txt", *(p.name for p in own.values())]
    )
    assert "Opdracht openen" in (folder / "instructie.txt").read_text("utf-8")
    with zipfile.ZipFile(own["karim"]) as archive:
        assert json.loads(archive.read(MANIFEST))["learner"] == "karim"
        assert "Hallo Karim El Amrani," in archive.read(INSTRUCTION).decode("utf-8")
        notebook = archive.read(f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb").decode("utf-8")
    assert "BEGIN HIDDEN TESTS" not in notebook and "Beoordelingsmodel" not in notebook
    assert "Submit" not in notebook and "zip-bestand" in notebook
    again = _trainer("uitdelen", ASSIGNMENT, "--cohort", str(root), code=1)
    assert again.startswith("Fout: De opdracht 'proefopdracht' is al uitgedeeld")

    # The learners, each on their own computer: open the package, answer, hand in.
    inbox_folder = tmp_path / "inleveringen"
    answers = solution_answers(ASSIGNMENT)[ASSIGNMENT]
    work = {"karim": answers, "samira": {"1": answers["1"]}, "olena": "{kapot", "yusuf": answers}
    made_at = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    for learner, given in work.items():
        monkeypatch.setenv("SLEUTELPERSONEN_HOME", str(tmp_path / f"home-{learner}"))
        workspace = tmp_path / f"werkmap-{learner}"
        package = group if learner == "samira" else own[learner]  # Samira got the group's
        opened = open_package(package.read_bytes(), workspace, name=package.name)
        assert opened.notebook == workspace / "opdrachten" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        text = given if isinstance(given, str) else json.dumps(given)
        (opened.folder / ANSWERS).write_text(text, encoding="utf-8")
        learner_id = stored_learner_id() or learner  # Samira types hers on "Inleveren"
        assert learner_id == learner
        make_handin(opened.folder, learner_id, out_dir=inbox_folder, now=made_at)
    # Yusuf sent a newer package too, and it broke on the way: the older one must count.
    newer = make_handin(opened.folder, "yusuf", out_dir=tmp_path, now=made_at + timedelta(hours=1))
    broken = inbox_folder / "yusuf_proefopdracht (1).zip"
    newer.path.rename(broken)
    _corrupt_member(broken, f"{ASSIGNMENT}/{ASSIGNMENT}.ipynb")
    (inbox_folder / "kapot.zip").write_text("dit is geen zip", encoding="utf-8")
    with zipfile.ZipFile(inbox_folder / "fatima_proefopdracht.zip", "w") as bad:
        bad.writestr("../../buiten.txt", "niet toegestaan")

    report = _trainer("importeer-pakketten", ASSIGNMENT, str(inbox_folder), "--cohort", str(root))
    lines = {line.split()[0]: line for line in report.splitlines() if line.split()}
    for learner in ("karim", "samira", "olena"):
        assert "ingelezen" in lines[f"{learner}_proefopdracht.zip"], report
    assert "LET OP" in report and "beschadigd" in report
    assert "ingelezen" in lines["yusuf_proefopdracht.zip"], report
    assert "GEWEIGERD" in lines["yusuf_proefopdracht"] and "kan niet worden uitgepakt" in report
    assert "GEWEIGERD" in lines["kapot.zip"] and "beschadigd zip-bestand" in lines["kapot.zip"]
    assert "onbekende deelnemer 'fatima'" in lines["fatima_proefopdracht.zip"]
    assert "4 van 7 pakketten ingelezen, 3 geweigerd" in report
    assert not (tmp_path / "buiten.txt").exists()
    for learner in PEOPLE:
        assert (root / "submitted" / learner / ASSIGNMENT / ANSWERS).is_file()

    graded = CliRunner().invoke(main, ["nakijken", ASSIGNMENT, "--cohort", str(root)])
    assert graded.exit_code == 0, graded.output
    for learner in PEOPLE:
        grade_manually(gradebook_url(root), ASSIGNMENT, learner, "vraag-5-antwoord", 2)

    # Feedback: a send-out folder with a file per learner, and e-mail over SMTP.
    inbox, port = smtp
    settings = ["--server", "127.0.0.1", "--poort", str(port), "--beveiliging", "geen"]
    _trainer("e-mail-instellen", "--cohort", str(root), *settings, "--afzender", "t@voorbeeld.nl")
    output = _trainer("feedback", ASSIGNMENT, "--cohort", str(root), "--mailen")
    assert "Per e-mail verstuurd aan 4 deelnemer(s):" in output
    sent = root / "uitsturen" / ASSIGNMENT
    for learner, (first, last) in PEOPLE.items():
        page = sent / f"{first} {last} ({learner}) - feedback {ASSIGNMENT}.html"
        html = page.read_text("utf-8")
        assert "BEGIN HIDDEN TESTS" not in html and "Beoordelingsmodel" not in html
        assert "Submit" not in html
    assert "Je hebt vraag 2 nog niet beantwoord." in (
        sent / f"Samira Benali (samira) - feedback {ASSIGNMENT}.html"
    ).read_text("utf-8")
    assert sorted(m["To"].addresses[0].addr_spec for m in inbox.messages) == sorted(
        f"{learner}@voorbeeld.nl" for learner in PEOPLE
    )

    _trainer("exporteer", "--cohort", str(root))
    table = pd.read_csv(next((root / "export").glob("scores.csv")))
    scores = table.set_index("learner")["score"].to_dict()
    assert scores["karim"] == scores["yusuf"] == 6.0  # Yusuf's older, good package counted
    assert scores["samira"] < 6.0 and scores["olena"] == 2.0

    _trainer("dashboard", "--cohort", str(root))
    dashboard = nbformat.read(root / "dashboard.ipynb", as_version=4)
    monkeypatch.delenv("SLEUTELPERSONEN_COHORT", raising=False)
    NotebookClient(
        dashboard, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(root)}}
    ).execute()
    outputs = [o for cell in dashboard.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "4 deelnemers" in printed
