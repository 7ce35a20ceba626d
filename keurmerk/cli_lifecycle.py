"""Command line for the keurmerk lifecycle: renewal, reminders, public register, audit, backup."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import click

from keurmerk import gemeenten
from keurmerk import messages as msg
from keurmerk.backup import RestoreError, create_backup, restore_backup
from keurmerk.backup_archive import is_encrypted
from keurmerk.cli_common import ACTOR, HOME, beheer_for, read_table, write_pdf
from keurmerk.evidence import evidence
from keurmerk.identity import IdentityError
from keurmerk.numbers import normalise
from keurmerk.online import stored_verdict
from keurmerk.pdf import font_files
from keurmerk.privacy import load_privacy
from keurmerk.public_register import UnknownGemeente, opt_in, opt_out
from keurmerk.renewal import RenewalRefused, decide_renewal, reminders, window_refusal
from keurmerk.rules import DEFAULT_RULES, load_rules
from keurmerk.verify import EXPIRED, NOT_YET_VALID, SUSPENDED, VALID

# A PDF is made only for a keurmerk whose stored credential is genuine and still the
# holder's (not revoked or replaced): a PDF of a replaced one would only mislead.
PDF_STATUSES = (VALID, EXPIRED, NOT_YET_VALID, SUSPENDED)


PDF_MAP = click.option(
    "--pdf-map",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map voor de PDF (standaard: pdf in de keurmerkmap).",
)


@click.command()
@HOME
@ACTOR
@click.argument("nummer")
@click.option(
    "--email", required=True, help="E-mailadres van de houder (moet bij het keurmerk horen)."
)
@click.option("--scores", type=click.Path(exists=True, path_type=Path), required=True)
@click.option(
    "--praktijk",
    type=click.Path(exists=True, path_type=Path),
    required=True,
    help="Tabel met learner, date (JJJJ-MM-DD), practice_hours, intervision_sessions.",
)
@click.option("--jaar", type=int, default=lambda: datetime.now(UTC).year, show_default="dit jaar")
@click.option("--regels", type=click.Path(exists=True, path_type=Path), default=DEFAULT_RULES)
@PDF_MAP
def vernieuw(home, actor, nummer, email, scores, praktijk, jaar, regels, pdf_map) -> None:
    """Herregistratie: een nieuw keurmerk met de oorspronkelijke toekenningsdatum (met PDF)."""
    beheer = beheer_for(home)
    font_files()  # before anything is issued: a keurmerk without its PDF helps nobody
    number = normalise(nummer)
    old = beheer.registry.find(number) if number else None
    if old is None:
        raise click.ClickException(msg.CLI_UNKNOWN_NUMBER.format(number=nummer))
    learner = old.learner_id
    rules, now = load_rules(regels), datetime.now(UTC)
    refusal = window_refusal(old, now, rules.renewal)
    if refusal:
        beheer.registry.log(actor, "weigering", number, refusal, learner=learner)
        raise click.ClickException(refusal)
    score_table, practice_table = read_table(scores), read_table(praktijk)
    decision = decide_renewal(
        learner, jaar, score_table, practice_table, rules, cycle_start=old.valid_from, now=now
    )
    if not decision.eligible:
        beheer.registry.log(actor, "weigering", number, decision.summary, learner=learner)
        raise click.ClickException(f"{learner}: {decision.summary}")
    proof = evidence(learner, score_table, practice_table, regels, actualiteiten_year=jaar)
    try:
        new = beheer.renew(number, email, actor=actor, now=now, evidence=proof, rules=rules.renewal)
    except (IdentityError, RenewalRefused) as error:
        beheer.registry.log(actor, "weigering", number, str(error), learner=learner)
        raise click.ClickException(str(error)) from error
    except ValueError as error:
        beheer.registry.log(actor, "weigering", number, "niet te vernieuwen", learner=learner)
        raise click.ClickException(msg.CLI_CANNOT_RENEW.format(number=number)) from error
    path = write_pdf(beheer, new, pdf_map or home / "pdf")
    click.echo(msg.CLI_RENEWED.format(old=number, new=new.number))
    click.echo(msg.CLI_PDF_WRITTEN.format(number=new.number, pdf=path))


@click.command("pdf")
@HOME
@click.argument("nummer")
@PDF_MAP
def pdf(home, nummer, pdf_map) -> None:
    """Maak (opnieuw) de PDF van een keurmerk, uit het ondertekende certificaat."""
    beheer = beheer_for(home)
    font_files()
    number = normalise(nummer)
    certificate = beheer.registry.find(number) if number else None
    if certificate is None:
        raise click.ClickException(msg.CLI_UNKNOWN_NUMBER.format(number=nummer))
    verdict = stored_verdict(
        beheer.registry, certificate, datetime.now(UTC), beheer.trusted_issuer()
    )
    if verdict.status not in PDF_STATUSES:
        raise click.ClickException(
            msg.CLI_NO_PDF.format(number=certificate.number, status=verdict.status)
        )
    path = write_pdf(beheer, certificate, pdf_map or home / "pdf")
    click.echo(msg.CLI_PDF_WRITTEN.format(number=certificate.number, pdf=path))


@click.command()
@HOME
@ACTOR
@click.option("--datum", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Peildatum.")
@click.option(
    "--berichten",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map om een bericht per houder in te zetten.",
)
@click.option("--regels", type=click.Path(exists=True, path_type=Path), default=DEFAULT_RULES)
def herinneringen(home, actor, datum, berichten, regels) -> None:
    """Lijst van keurmerken die binnen 6 maanden of 1 maand aflopen, met berichten."""
    beheer = beheer_for(home)
    now = datum.replace(tzinfo=UTC) if datum else datetime.now(UTC)
    found = reminders(beheer.registry.certificates(), now, load_rules(regels))
    if not found:
        click.echo(msg.CLI_NO_REMINDERS)
    for item in found:
        click.echo(
            msg.CLI_REMINDER_LINE.format(
                months=item.months,
                number=item.number,
                learner=item.learner,
                name=item.name,
                date=item.valid_until.date().isoformat(),
            )
        )
        if berichten:
            berichten.mkdir(parents=True, exist_ok=True)
            (berichten / f"herinnering-{item.number}.txt").write_text(
                item.message(), encoding="utf-8"
            )
    beheer.registry.log(
        actor,
        "herinneringen",
        reminded={item.number: item.months for item in found},
        reference_date=now.date().isoformat(),
        messages_written=bool(berichten),
    )


@click.group()
def register() -> None:
    """Het openbare register (alleen met toestemming van de houder)."""


@register.command("aanmelden")
@HOME
@ACTOR
@click.argument("deelnemer")
@click.option("--gemeente", required=True, help="Officiële naam; 'Den Bosch' en dergelijke mag.")
@click.option(
    "--toestemming",
    "consent",
    is_flag=True,
    help="De houder gaf toestemming met de tekst die dit commando laat zien.",
)
@click.option("--regels", type=click.Path(exists=True, path_type=Path), default=DEFAULT_RULES)
def register_opt_in(home, actor, deelnemer, gemeente, consent, regels) -> None:
    """Zet een houder in het register (alleen met toestemming; geeft een afmeldcode)."""
    version = load_privacy(regels).consent_version
    if not consent:
        click.echo(msg.CLI_NEED_CONSENT)
        click.echo(f"\n{msg.REGISTER_CONSENT_TEXT}\n({version})")
        raise SystemExit(1)
    beheer = beheer_for(home)
    try:
        code = opt_in(beheer.registry, deelnemer, gemeente, actor, version)
    except LookupError as error:
        raise click.ClickException(msg.CLI_NO_CERTIFICATE.format(learner=deelnemer)) from error
    except UnknownGemeente as error:
        text = msg.CLI_BAD_GEMEENTE.format(gemeente=gemeente, year=gemeenten.YEAR)
        raise click.ClickException(text) from error
    click.echo(msg.CLI_LISTED.format(learner=deelnemer, gemeente=gemeenten.resolve(gemeente)))
    url = f"{beheer.config.issuer.base_url}/register/afmelden"
    click.echo(msg.CLI_CONSENT_RECORDED.format(version=version, actor=actor, code=code, url=url))


@register.command("afmelden")
@HOME
@ACTOR
@click.argument("deelnemer")
def register_opt_out(home, actor, deelnemer) -> None:
    """Haal een houder direct uit het register."""
    removed = opt_out(beheer_for(home).registry, deelnemer, actor)
    click.echo((msg.CLI_UNLISTED if removed else msg.CLI_NOT_LISTED).format(learner=deelnemer))


LOCAL_CHECKPOINT = "auditlog-controlepunt.json"


def _status_list_problems(beheer, repair: bool, actor: str) -> list[str]:
    problems = beheer.status_list_problems()
    if problems and repair:
        beheer.repair_status_lists(actor)
        problems = beheer.status_list_problems()
        if not problems:
            click.echo(msg.AUDIT_LISTS_REPAIRED)
    if problems:
        click.echo(msg.AUDIT_LISTS_BROKEN)
        for problem in problems:
            click.echo(f"- {problem}")
        if not repair:
            click.echo(msg.AUDIT_LISTS_HOW_TO_REPAIR)
    else:
        click.echo(msg.AUDIT_LISTS_OK)
    return problems


def _read_checkpoint(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise click.ClickException(msg.CLI_AUDIT_CHECKPOINT_FILE.format(path=path)) from error
    if not isinstance(document, dict):
        raise click.ClickException(msg.CLI_AUDIT_CHECKPOINT_FILE.format(path=path))
    return document


def _save_checkpoint(path: Path, checkpoint: dict | None) -> None:
    if checkpoint is None:
        return
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(checkpoint, handle, indent=2)
    os.replace(tmp, path)


@click.command()
@HOME
@ACTOR
@click.option(
    "--herstel",
    "repair",
    is_flag=True,
    help="Bouw de statuslijsten opnieuw op uit het register en onderteken ze.",
)
@click.option(
    "--verwacht",
    "expected",
    default="",
    help="Een hash van het auditlog die u elders bewaarde: hij moet er nog in staan.",
)
@click.option(
    "--controlepunt",
    "checkpoint_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Een ondertekend controlepunt (van /audit/checkpoint) dat u elders bewaarde.",
)
def audit(home, actor, repair, expected, checkpoint_file) -> None:
    """Controleer het auditlog, de keurmerken in het register en de statuslijsten."""
    beheer = beheer_for(home)
    checkpoints = [_read_checkpoint(checkpoint_file)] if checkpoint_file else []
    local = beheer.config.home / LOCAL_CHECKPOINT
    if local.exists():
        checkpoints.append(_read_checkpoint(local))
        click.echo(msg.AUDIT_LOCAL_CHECKPOINT.format(path=local))
    report = beheer.check_audit(expected or None, tuple(checkpoints))
    if repair and not report.ok:
        # the lists would be rebuilt from rows the trail contradicts: find out first
        click.echo(msg.AUDIT_NO_REPAIR)
        repair = False
    list_problems = _status_list_problems(beheer, repair, actor)
    if not report.ok:
        click.echo(msg.AUDIT_PROBLEMS)
        for problem in report.problems:
            click.echo(f"- {problem}")
        raise SystemExit(1)
    _save_checkpoint(local, beheer.audit_checkpoint())
    click.echo(msg.CLI_AUDIT_OK.format(count=report.records, hash=report.head))
    if list_problems:
        raise SystemExit(1)


PASSPHRASE_ENV = "KEURMERK_BACKUP_WACHTWOORD"


def _encrypted(path: Path) -> bool:
    with path.open("rb") as handle:
        return is_encrypted(handle.read(64))


@click.command()
@HOME
@ACTOR
@click.argument("bestand", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--versleutel",
    "encrypt",
    is_flag=True,
    help=f"Versleutel de backup met een wachtwoord (gevraagd, of uit ${PASSPHRASE_ENV}).",
)
def backup(home, actor, bestand, encrypt) -> None:
    """Maak een backup (met de actieve privésleutel: versleutel hem en bewaar hem offline)."""
    passphrase = None
    if encrypt:
        passphrase = os.environ.get(PASSPHRASE_ENV) or click.prompt(
            msg.CLI_BACKUP_PASSPHRASE, hide_input=True, confirmation_prompt=True
        )
    try:
        create_backup(beheer_for(home).config, bestand, actor, passphrase)
    except FileExistsError as error:
        raise click.ClickException(msg.CLI_BACKUP_EXISTS.format(path=bestand)) from error
    click.echo(msg.CLI_BACKUP_DONE.format(path=bestand))
    if passphrase:
        click.echo(msg.CLI_BACKUP_ENCRYPTED)


@click.command("backup-terugzetten")
@ACTOR
@click.argument("bestand", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--naar", type=click.Path(file_okay=False, path_type=Path), required=True)
@click.option("--database", default="", help="SQLAlchemy-URL van een lege database.")
def restore(actor, bestand, naar, database) -> None:
    """Zet een backup terug in een nieuwe, lege map en een lege database."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    try:
        if not passphrase and _encrypted(bestand):
            passphrase = click.prompt(msg.CLI_BACKUP_PASSPHRASE, hide_input=True)
        restore_backup(bestand, naar, database or None, passphrase, actor)
    except OSError as error:
        raise click.ClickException(msg.BACKUP_CANNOT_READ.format(path=bestand)) from error
    except RestoreError as error:
        raise click.ClickException(str(error)) from error
    click.echo(msg.CLI_RESTORED.format(path=naar))


COMMANDS = [vernieuw, pdf, herinneringen, register, audit, backup, restore]
