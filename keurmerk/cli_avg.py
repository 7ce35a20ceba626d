"""Command line for the holder's AVG rights: inzage, name correction, erasure."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import click

from keurmerk import messages as msg
from keurmerk.cli_common import ACTOR, HOME, beheer_for, write_pdf
from keurmerk.holder_rights import erase, inzage, learner_of
from keurmerk.identity import IdentityError
from keurmerk.numbers import normalise
from keurmerk.pdf import font_files


def _learner(beheer, who: str) -> str:
    learner = learner_of(beheer.registry, who.strip())
    if learner is None:
        raise click.ClickException(msg.CLI_UNKNOWN_HOLDER.format(who=who))
    return learner


def _yes(question: str) -> bool:
    """A Dutch yes/no question: only "j" or "ja" is yes."""
    answer = click.prompt(f"{question} (ja/nee)", default="nee", show_default=False)
    return answer.strip().lower() in ("j", "ja")


def _day(iso: str) -> str:
    """'2026-12-07T02:25:06+00:00' → '7 december 2026, 02:25' (UTC as stored)."""
    if not iso:
        return ""
    moment = datetime.fromisoformat(iso)
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


DATES = ("toegekend", "geldig_vanaf", "geldig_tot", "uitgegeven", "sinds", "gegeven", "wanneer")


def _dutch_dates(item: dict) -> dict:
    return item | {key: _day(item[key]) for key in DATES + ("ingetrokken",) if item.get(key)}


def _readable(data: dict) -> list[str]:
    """The inzage as Dutch lines."""
    lines = [msg.INZAGE_TITLE.format(learner=data["deelnemer"]), ""]
    for item in map(_dutch_dates, data["keurmerken"]):
        reason = f" ({item['reden']})" if item["reden"] else ""
        lines.append(msg.INZAGE_CERTIFICATE.format(**item | {"reden": reason}))
        if item["vervangt"]:
            lines.append(msg.INZAGE_REPLACES.format(nummer=item["vervangt"]))
        if item["vervangen_door"]:
            lines.append(msg.INZAGE_REPLACED.format(nummer=item["vervangen_door"]))
        lines.append(msg.INZAGE_BINDING.format(binding=item["email_binding"][:20] + "…"))
        lines.append(msg.INZAGE_SIGNED)
    register = data["register"]
    lines.append("")
    shown = msg.INZAGE_REGISTER.format(**_dutch_dates(register)) if register else None
    lines.append(shown or msg.INZAGE_NO_REGISTER)
    for consent in map(_dutch_dates, data["toestemmingen"]):
        withdrawn = msg.INZAGE_CONSENT_WITHDRAWN.format(**consent) if consent["ingetrokken"] else ""
        lines.append(msg.INZAGE_CONSENT.format(**consent | {"ingetrokken": withdrawn}))
    lines += ["", msg.INZAGE_AUDIT.format(count=len(data["auditlog"]))]
    for record in map(_dutch_dates, data["auditlog"]):
        personal = record["persoonsgegevens"]
        named = [f"{msg.INZAGE_FIELDS.get(k, k)}: {v}" for k, v in personal.items()]
        extra = " — " + ", ".join(named) if personal else ""
        reason = f" ({record['reden']})" if record["reden"] else ""
        number = f" {record['nummer']}" if record["nummer"] else ""
        values = record | {"reden": reason, "persoonsgegevens": extra, "nummer": number}
        lines.append(msg.INZAGE_AUDIT_LINE.format(**values))
    return lines


@click.command("inzage")
@HOME
@click.argument("wie")
@click.option(
    "--json", "as_json", is_flag=True, help="Alles als JSON (met het ondertekende bewijs)."
)
def inzage_command(home: Path, wie: str, as_json: bool) -> None:
    """Laat alles zien wat over een houder bewaard wordt (deelnemer-id of keurmerknummer)."""
    beheer = beheer_for(home)
    data = inzage(beheer.registry, _learner(beheer, wie))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(_readable(data)))


@click.command("corrigeer-naam")
@HOME
@ACTOR
@click.argument("nummer")
@click.option("--naam", required=True, help="De juiste naam, zoals op het identiteitsbewijs.")
@click.option("--reden", required=True, help="Waarom (komt in het auditlog).")
@click.option("--pdf-map", type=click.Path(file_okay=False, path_type=Path), default=None)
def correct_name(home, actor, nummer, naam, reden, pdf_map) -> None:
    """Verbeter de naam: een nieuw keurmerk met de juiste naam vervangt het oude."""
    beheer = beheer_for(home)
    number = normalise(nummer)
    if number is None:
        raise click.ClickException(msg.CLI_BAD_NUMBER.format(number=nummer))
    font_files()
    try:
        new = beheer.correct_name(number, naam, reden, actor=actor)
    except LookupError as error:
        raise click.ClickException(msg.CLI_UNKNOWN_NUMBER.format(number=number)) from error
    except IdentityError as error:
        raise click.ClickException(str(error)) from error
    except ValueError as error:
        raise click.ClickException(msg.CLI_CANNOT_CORRECT.format(number=number)) from error
    path = write_pdf(beheer, new, pdf_map or beheer.config.home / "pdf")
    click.echo(msg.CLI_CORRECTED.format(old=number, new=new.number, name=new.name, pdf=path))


@click.command("wis")
@HOME
@ACTOR
@click.argument("wie")
@click.option("--reden", required=True, help="Bijvoorbeeld: verzoek van de houder van 3 mei.")
@click.option("--ja", "confirmed", is_flag=True, help="Niet meer vragen of u het zeker weet.")
def erase_command(home, actor, wie, reden, confirmed) -> None:
    """Wis een houder (AVG): persoonsgegevens weg, nummers ingetrokken."""
    beheer = beheer_for(home)
    learner = _learner(beheer, wie)
    numbers = [c["nummer"] for c in inzage(beheer.registry, learner)["keurmerken"]]
    click.echo(msg.CLI_ERASE_WARNING.format(learner=learner, numbers=", ".join(numbers)))
    if not confirmed and not _yes(msg.CLI_ERASE_CONFIRM):
        click.echo(msg.CLI_ERASE_STOPPED)
        raise SystemExit(1)
    erased = erase(
        beheer.registry, learner, beheer.sign_list, actor, reden, beheer.config.home / "pdf"
    )
    click.echo(msg.CLI_ERASED.format(learner=learner, numbers=", ".join(erased)))


COMMANDS = [inzage_command, correct_name, erase_command]
