"""Feedback sent out: one file per learner in a send-out folder, and e-mail over SMTP.

``trainer feedback`` writes ``<cohort>/uitsturen/<assignment>/`` with one file per learner,
named by name and id (``Karim El Amrani (karim) - feedback module-1.html``), ready to send
by hand from any mail program. With ``--mailen`` every learner gets their own file as an
attachment, sent over the cohort's SMTP server (``trainer e-mail-instellen``; the password
comes from ``$SLEUTELPERSONEN_SMTP_WACHTWOORD``). ``verzonden.json`` in the same folder
records what went to whom, so a second run sends only what is new or changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import smtplib
import ssl
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from grading.cohort import Cohort, MailSettings
from grading.errors import TrainerError
from grading.messages import SendoutText as T

SENDOUT_DIR = "uitsturen"
SENT_FILE = "verzonden.json"
PASSWORD_ENV = "SLEUTELPERSONEN_SMTP_WACHTWOORD"


class MailError(TrainerError):
    """E-mail cannot be sent at all (no settings, no connection, wrong password)."""


@dataclass(frozen=True)
class Recipient:
    """A learner as the gradebook knows them."""

    id: str
    first_name: str
    last_name: str
    email: str

    @property
    def name(self) -> str:
        """First and last name (the id when the gradebook has no name)."""
        return " ".join(filter(None, [self.first_name, self.last_name])) or self.id


@dataclass
class SendResult:
    """Per learner: sent, skipped (with the Dutch reason) or failed (idem)."""

    sent: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)


def recipients(cohort: Cohort) -> dict[str, Recipient]:
    """Every learner of the cohort's gradebook, by id."""
    from nbgrader.api import Gradebook

    with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
        return {
            s.id: Recipient(s.id, s.first_name or "", s.last_name or "", s.email or "")
            for s in gradebook.students
        }


def _safe(text: str) -> str:
    """A file name part that every system accepts (letters of any language stay)."""
    return re.sub(r"[^\w .()-]+", "-", text, flags=re.UNICODE).strip(" .-") or "deelnemer"


def sendout_folder(cohort: Cohort, assignment: str) -> Path:
    """``<cohort>/uitsturen/<assignment>``."""
    return cohort.root / SENDOUT_DIR / _safe(assignment)


def write_sendout(cohort: Cohort, assignment: str, made: dict[str, list[Path]]) -> dict[str, Path]:
    """One file per learner in the send-out folder (a zip when there are several notebooks)."""
    people = recipients(cohort)
    folder = sendout_folder(cohort, assignment)
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for learner, pages in made.items():
        person = people.get(learner) or Recipient(learner, "", "", "")
        stem = f"{_safe(person.name)} ({_safe(learner)}) - feedback {_safe(assignment)}"
        target = folder / f"{stem}{'.html' if len(pages) == 1 else '.zip'}"
        for old in folder.glob(f"* ({_safe(learner)}) - feedback *"):
            if old != target:
                old.unlink()  # the learner's name changed since the last run
        temporary = target.with_name(f".{target.name}.nieuw")
        if len(pages) == 1:
            temporary.write_bytes(pages[0].read_bytes())
        else:
            with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
                for page in pages:
                    archive.write(page, page.name)
        os.replace(temporary, target)
        files[learner] = target
    return files


def _message(settings: MailSettings, person: Recipient, assignment: str, path: Path):
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = formataddr((person.name, person.email))
    message["Subject"] = T.SUBJECT.format(assignment=assignment)
    message["Message-ID"] = make_msgid(domain=settings.sender.rsplit("@", 1)[-1].strip("> "))
    message.set_content(
        T.BODY.format(first_name=person.first_name or person.name, assignment=assignment)
    )
    if path.suffix == ".html":
        html = path.read_text(encoding="utf-8")
        message.add_attachment(html, subtype="html", charset="utf-8", filename=path.name)
    else:
        data = path.read_bytes()
        message.add_attachment(data, maintype="application", subtype="zip", filename=path.name)
    return message


def _connect(settings: MailSettings) -> smtplib.SMTP:
    try:
        if settings.security == "ssl":
            server = smtplib.SMTP_SSL(
                settings.server, settings.port, timeout=30, context=ssl.create_default_context()
            )
        else:
            server = smtplib.SMTP(settings.server, settings.port, timeout=30)
            if settings.security == "starttls":
                server.starttls(context=ssl.create_default_context())
        if settings.user:
            server.login(settings.user, os.environ.get(PASSWORD_ENV, ""))
    except smtplib.SMTPAuthenticationError:
        raise MailError(T.LOGIN_FAILED.format(user=settings.user, env=PASSWORD_ENV)) from None
    except (OSError, smtplib.SMTPException) as error:
        reason = getattr(error, "strerror", None) or type(error).__name__
        raise MailError(
            T.NO_CONNECTION.format(server=settings.server, port=settings.port, reason=reason)
        ) from None
    return server


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def send(cohort: Cohort, assignment: str, files: dict[str, Path], again: bool = False):
    """E-mail each learner their own feedback file; a :class:`SendResult`.

    A file already sent unchanged to the same address is skipped (``again`` sends it anyway).
    One learner's refused address never stops the others; no connection at all raises
    :class:`MailError` before anything is sent.
    """
    settings = cohort.mail
    if settings is None:
        raise MailError(T.NO_SETTINGS)
    people = recipients(cohort)
    record_path = sendout_folder(cohort, assignment) / SENT_FILE
    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        record = {}
    result, todo = SendResult(), []
    for learner, path in sorted(files.items()):
        person = people.get(learner)
        if person is None or "@" not in person.email:
            result.skipped[learner] = T.NO_ADDRESS
            continue
        earlier = record.get(learner, {})
        same = earlier.get("sha256") == _digest(path) and earlier.get("aan") == person.email
        if same and not again:
            result.skipped[learner] = T.ALREADY_SENT.format(when=earlier.get("om", "?"))
            continue
        todo.append((learner, person, path))
    if not todo:
        return result
    with _connect(settings) as server:
        for learner, person, path in todo:
            try:
                server.send_message(_message(settings, person, assignment, path))
            except smtplib.SMTPRecipientsRefused:
                result.failed[learner] = T.REFUSED.format(email=person.email)
                continue
            except smtplib.SMTPException as error:
                result.failed[learner] = T.SEND_FAILED.format(reason=type(error).__name__)
                continue
            result.sent.append(learner)
            record[learner] = {
                "aan": person.email,
                "bestand": path.name,
                "sha256": _digest(path),
                "om": datetime.now().astimezone().strftime("%d-%m-%Y %H:%M"),
            }
            record_path.write_text(json.dumps(record, indent=2, ensure_ascii=False), "utf-8")
    return result


def send_lines(result: SendResult, addresses: dict[str, str]) -> list[str]:
    """The Dutch report of a send run."""
    lines = []
    if result.sent:
        lines.append(T.SENT.format(count=len(result.sent)))
        lines += [T.LINE.format(learner=who, text=addresses.get(who, "")) for who in result.sent]
    for title, items in ((T.NOT_SENT, result.skipped), (T.FAILED, result.failed)):
        if items:
            lines.append(title.format(count=len(items)))
            lines += [T.LINE.format(learner=who, text=reason) for who, reason in items.items()]
    return lines
