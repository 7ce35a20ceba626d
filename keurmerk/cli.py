"""``keurmerk``: the keurmerkbeheerder's command line (Dutch output, thin over plain functions)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from keurmerk import messages as msg
from keurmerk import statuslist
from keurmerk.bounds import load_document
from keurmerk.check import StatusLists, check_file
from keurmerk.cli_avg import COMMANDS as AVG_COMMANDS
from keurmerk.cli_common import (
    ACTOR,
    HOME,
    PROXIES,
    already_issued,
    beheer_for,
    read_table,
    serve_verification,
    write_pdf,
)
from keurmerk.cli_lifecycle import COMMANDS
from keurmerk.evidence import evidence
from keurmerk.identity import IdentityError
from keurmerk.numbers import normalise
from keurmerk.online import with_registry
from keurmerk.pdf import font_files
from keurmerk.privacy import load_privacy
from keurmerk.registry import AlreadyIssued
from keurmerk.rules import DEFAULT_RULES, decide, load_rules
from keurmerk.service import Config
from keurmerk.verify import UNREADABLE, TrustedIssuer


@click.group()
def main() -> None:
    """Keurmerk Sleutelpersoon: uitgeven, controleren, schorsen en intrekken."""


@main.command()
@HOME
@click.option("--url", "base_url", required=True, help="Adres van de controlepagina (https://…).")
@click.option("--naam", "issuer_name", required=True, help="Naam van de uitgever.")
@click.option("--database", default="", help="SQLAlchemy-URL (standaard: SQLite in de map).")
def init(home: Path, base_url: str, issuer_name: str, database: str) -> None:
    """Maak de map, de eerste sleutel en lege statuslijsten."""
    if (home / "keurmerk.toml").exists():
        raise click.ClickException(msg.CLI_ALREADY_INIT.format(home=home))
    Config.write(home, base_url, issuer_name, database)
    beheer_for(home).init()
    click.echo(msg.CLI_INIT_DONE.format(home=home))


@main.command("sleutel-vervangen")
@HOME
@ACTOR
def rotate(home: Path, actor: str) -> None:
    """Maak een nieuwe sleutel; oude certificaten blijven geldig, de oude privésleutel
    wordt vernietigd."""
    method = beheer_for(home).rotate_key(actor)
    click.echo(msg.CLI_ROTATED.format(key=method))


@main.command("sleutel-intrekken")
@HOME
@ACTOR
@click.argument("sleutel")
@click.option("--reden", required=True)
def revoke_key(home: Path, actor: str, sleutel: str, reden: str) -> None:
    """Trek een gelekte sleutel in: wat die sleutel ondertekende, is niet meer geldig."""
    try:
        method, new, numbers = beheer_for(home).revoke_key(sleutel, reden, actor)
    except LookupError as error:
        raise click.ClickException(msg.CLI_UNKNOWN_KEY.format(key=sleutel)) from error
    except ValueError as error:
        raise click.ClickException(msg.CLI_KEY_ALREADY_REVOKED.format(key=sleutel)) from error
    click.echo(msg.CLI_KEY_REVOKED.format(key=method))
    if new:
        click.echo(msg.CLI_KEY_NEW.format(key=new))
    if numbers:
        click.echo(msg.CLI_KEY_REVOKED_CERTIFICATES.format(count=len(numbers)))
        for number in numbers:
            click.echo(f"- {number}")


@main.command("heruitgeven")
@HOME
@ACTOR
@click.argument("nummers", nargs=-1, required=True)
@click.option("--reden", required=True, help="Bijvoorbeeld: sleutel ingetrokken op 3 mei.")
@click.option("--pdf-map", type=click.Path(file_okay=False, path_type=Path), default=None)
def reissue(home: Path, actor: str, nummers, reden: str, pdf_map: Path | None) -> None:
    """Geef een nieuw keurmerk voor een keurmerk dat met een ingetrokken sleutel is ondertekend."""
    beheer = beheer_for(home)
    font_files()  # a missing font says so before anything is issued
    failed = False
    for given in nummers:
        number = normalise(given)
        try:
            if number is None:
                raise LookupError(given)
            new = beheer.reissue(number, reden, actor=actor)
        except LookupError:
            click.echo(msg.CLI_UNKNOWN_NUMBER.format(number=given), err=True)
            failed = True
            continue
        except ValueError:
            click.echo(msg.CLI_CANNOT_REISSUE.format(number=number), err=True)
            failed = True
            continue
        path = write_pdf(beheer, new, pdf_map or beheer.config.home / "pdf")
        click.echo(msg.CLI_REISSUED.format(old=number, new=new.number, name=new.name, pdf=path))
    if failed:
        raise SystemExit(1)


@main.command()
@HOME
@click.option("--scores", type=click.Path(exists=True, path_type=Path), required=True)
@click.option("--praktijk", type=click.Path(exists=True, path_type=Path), required=True)
@click.option("--regels", type=click.Path(exists=True, path_type=Path), default=DEFAULT_RULES)
def beslis(home: Path, scores: Path, praktijk: Path, regels: Path) -> None:
    """Laat per deelnemer zien of die het keurmerk mag krijgen, en waarom (nog) niet."""
    for decision in decide(read_table(scores), read_table(praktijk), load_rules(regels)):
        click.echo(f"{decision.learner}: {decision.summary}")


def _refuse(beheer, actor: str, learner: str, line: str, reason: str) -> None:
    """Tell the beheerder why a learner gets no keurmerk, and log the refusal."""
    click.echo(line)
    beheer.registry.log(actor, "weigering", reason=reason, learner=learner)


@main.command()
@HOME
@ACTOR
@click.option("--scores", type=click.Path(exists=True, path_type=Path), required=True)
@click.option("--praktijk", type=click.Path(exists=True, path_type=Path), required=True)
@click.option(
    "--deelnemers",
    type=click.Path(exists=True, path_type=Path),
    required=True,
    help="Tabel met learner, name, email.",
)
@click.option("--regels", type=click.Path(exists=True, path_type=Path), default=DEFAULT_RULES)
@click.option("--pdf-map", type=click.Path(file_okay=False, path_type=Path), default=None)
def uitgeven(
    home: Path,
    actor: str,
    scores: Path,
    praktijk: Path,
    deelnemers: Path,
    regels: Path,
    pdf_map: Path | None,
) -> None:
    """Geef het keurmerk aan iedereen die aan de regels voldoet (met PDF)."""
    beheer = beheer_for(home)
    font_files()  # before anything is issued: a keurmerk without its PDF helps nobody
    people = read_table(deelnemers).set_index("learner")
    pdf_map = pdf_map or home / "pdf"
    score_table, practice_table = read_table(scores), read_table(praktijk)
    rules = load_rules(regels)
    for decision in decide(score_table, practice_table, rules):
        learner = decision.learner
        if not decision.eligible:
            line = f"{learner}: {decision.summary}"
            _refuse(beheer, actor, learner, line, decision.summary)
            continue
        if learner not in people.index:
            line = msg.CLI_NO_PERSON.format(learner=learner)
            _refuse(beheer, actor, learner, line, msg.AUDIT_NO_PERSON)
            continue
        person = people.loc[learner]
        proof = evidence(learner, score_table, practice_table, regels)
        try:
            certificate = beheer.issue(
                learner,
                person.get("name"),
                person.get("email"),
                actor=actor,
                evidence=proof,
                lapse_months=rules.renewal.lapse_months,  # re-entry after a lapsed keurmerk
            )
        except AlreadyIssued as refused:
            _refuse(beheer, actor, learner, already_issued(refused.certificate), "al uitgegeven")
            continue
        except IdentityError as refused:
            line = msg.CLI_REFUSED_PERSON.format(learner=learner, reason=refused)
            _refuse(beheer, actor, learner, line, str(refused))
            continue
        path = write_pdf(beheer, certificate, pdf_map)
        click.echo(msg.CLI_ISSUED.format(learner=learner, number=certificate.number, pdf=path))


def _change(home: Path, number: str, reason: str, action: str, actor: str) -> None:
    beheer = beheer_for(home)
    canonical = normalise(number)
    if canonical is None:
        raise click.ClickException(msg.CLI_BAD_NUMBER.format(number=number))
    try:
        getattr(beheer, action)(canonical, reason, actor=actor)
    except LookupError as error:
        raise click.ClickException(msg.CLI_UNKNOWN_NUMBER.format(number=canonical)) from error
    except ValueError as error:
        raise click.ClickException(msg.CLI_CANNOT_CHANGE.format(number=canonical)) from error
    click.echo(msg.CLI_CHANGED[action].format(number=canonical))


@main.command()
@HOME
@ACTOR
@click.argument("nummer")
@click.option("--reden", required=True)
def schors(home: Path, actor: str, nummer: str, reden: str) -> None:
    """Schors een keurmerk (tijdelijk niet geldig)."""
    _change(home, nummer, reden, "suspend", actor)


@main.command()
@HOME
@ACTOR
@click.argument("nummer")
@click.option("--reden", required=True)
def herstel(home: Path, actor: str, nummer: str, reden: str) -> None:
    """Maak een schorsing ongedaan."""
    _change(home, nummer, reden, "reinstate", actor)


@main.command("trek-in")
@HOME
@ACTOR
@click.argument("nummer")
@click.option("--reden", required=True)
def trek_in(home: Path, actor: str, nummer: str, reden: str) -> None:
    """Trek een keurmerk in (definitief)."""
    _change(home, nummer, reden, "revoke", actor)


def _fail(text: str) -> None:
    """One Dutch line on stderr and exit code 1 (no traceback, no English prefix)."""
    click.echo(text, err=True)
    raise SystemExit(1)


def _read_document(path: Path) -> dict:
    try:
        return load_document(path.read_bytes())
    except (OSError, ValueError):
        _fail(msg.CLI_BAD_DOCUMENT.format(path=path))


def _trust(path: Path) -> TrustedIssuer:
    try:
        return TrustedIssuer.from_controller(_read_document(path))
    except (KeyError, TypeError, AttributeError):
        _fail(msg.CLI_BAD_DOCUMENT.format(path=path))


@main.command()
@click.argument("bestand", type=click.Path(path_type=Path))
@click.option(
    "--uitgever",
    "issuer_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Uitgeversdocument (JSON) van een erkende uitgever; meerdere mag.",
)
@click.option(
    "--statuslijst",
    "status_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Opgeslagen statuslijst (JSON), bijvoorbeeld van /status/revocation.",
)
@HOME
@click.option("--json", "as_json", is_flag=True, help="Uitslag als JSON.")
def controleer(
    bestand: Path,
    issuer_files: tuple[Path, ...],
    status_files: tuple[Path, ...],
    home: Path,
    as_json: bool,
) -> None:
    """Controleer een certificaat (JSON of PDF) zonder internet."""
    try:
        data = bestand.read_bytes()
    except OSError:
        _fail(msg.CANNOT_OPEN.format(path=bestand))
    trusted = {issuer.id: issuer for issuer in map(_trust, issuer_files)}
    lists = [_read_document(path) for path in status_files]  # given lists come first
    beheer = beheer_for(home) if (home / "keurmerk.toml").exists() else None
    if beheer is not None:
        issuer = beheer.trusted_issuer()
        trusted.setdefault(issuer.id, issuer)
        lists += [beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES]
    result = check_file(data, trusted, datetime.now(UTC), StatusLists.of(lists))
    if beheer is not None:  # the registry knows replacements and the issue date
        result = with_registry(result, beheer.registry, trusted, beheer.config.issuer.id)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    elif result.status == UNREADABLE:
        click.echo(f"{msg.WEB_STATUS}: {result.status}. {result.checks[0].message}")
    else:
        click.echo(f"{msg.WEB_STATUS}: {result.status}")
        if result.holder:
            click.echo(f"{msg.HOLDER}: {result.holder}")
            click.echo(msg.COMPARE_NAME)
        if result.number:
            click.echo(f"{msg.NUMBER}: {result.number}")
        for check in result.checks:
            mark = msg.WEB_OK if check.ok else msg.WEB_NOT_OK
            click.echo(f"- {check.name}: {mark}. {check.message}")
    raise SystemExit(0 if result.verified else 1)


@main.command()
@HOME
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8800, show_default=True)
@click.option("--limiet", default=30, show_default=True, help="Look-ups per minuut per bezoeker.")
@PROXIES
@click.option(
    "--regels",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=DEFAULT_RULES,
    help="Regelbestand; [privacy] public_months zegt hoe lang een naam zichtbaar blijft.",
)
@click.option(
    "--test-uitgifte",
    is_flag=True,
    help="Alleen om te testen: POST /credentials/issue ondertekent wat je stuurt.",
)
def serve(
    home: Path,
    host: str,
    port: int,
    limiet: int,
    proxies: tuple[str, ...],
    regels: Path,
    test_uitgifte: bool,
) -> None:
    """Start de controlepagina."""
    months = load_privacy(regels).public_months
    serve_verification(beheer_for(home), host, port, limiet, proxies, test_uitgifte, months)


for _command in [*COMMANDS, *AVG_COMMANDS]:
    main.add_command(_command)


if __name__ == "__main__":
    main()
