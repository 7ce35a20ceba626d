"""Shared pieces of the keurmerk command line."""

from __future__ import annotations

import getpass
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import click
import pandas as pd

from keurmerk import messages as msg
from keurmerk.keys import default_home
from keurmerk.models import ACTIVE, Certificate
from keurmerk.service import Config, Keurmerkbeheer

HOME = click.option(
    "--map",
    "home",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_home,
    show_default="$KEURMERK_HOME of ~/.sleutelpersonen-keurmerk",
    help="Map met keurmerk.toml, de sleutels en het register.",
)


def beheer_for(home: Path) -> Keurmerkbeheer:
    try:
        return Keurmerkbeheer(Config.load(home))
    except FileNotFoundError as error:
        raise click.ClickException(str(error)) from error
    except (tomllib.TOMLDecodeError, KeyError) as error:
        config = home / "keurmerk.toml"
        raise click.ClickException(msg.CLI_BAD_CONFIG.format(path=config, error=error)) from error


def already_issued(existing: Certificate, now: datetime | None = None) -> str:
    """Why ``uitgeven`` gives this learner no new keurmerk (Dutch, one line)."""
    until = existing.valid_until
    until = until if until.tzinfo else until.replace(tzinfo=UTC)
    state = existing.state
    if state == ACTIVE and until < (now or datetime.now(UTC)):
        state = "verlopen"
    return msg.CLI_ALREADY_ISSUED[state].format(
        learner=existing.learner_id, number=existing.number, date=until.date().isoformat()
    )


def _check_proxies(_context, _parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    from keurmerk.web.ratelimit import parse_proxies

    try:
        parse_proxies(value)
    except ValueError as error:
        raise click.BadParameter(msg.CLI_BAD_PROXY.format(value=" ".join(value))) from error
    return value


PROXIES = click.option(
    "--vertrouwde-proxy",
    "proxies",
    multiple=True,
    envvar="KEURMERK_VERTROUWDE_PROXIES",
    callback=_check_proxies,
    help=(
        "IP-adres of netwerk (zoals 10.0.0.0/8) van een proxy voor de controlepagina. Alleen "
        "van deze adressen telt X-Forwarded-For voor de limiet per bezoeker. Meerdere mag."
    ),
)


def serve_verification(
    beheer: Keurmerkbeheer,
    host: str,
    port: int,
    lookups_per_minute: int = 30,
    trusted_proxies: tuple[str, ...] = (),
    test_issuing: bool = False,
    public_months: int = 12,
) -> None:
    """Run the verification service until stopped (Ctrl+C).

    ``test_issuing`` adds the VC-API ``POST /credentials/issue`` (for conformance suites):
    it signs whatever is sent with the issuer's key, so never turn it on for real use.
    """
    import uvicorn

    from keurmerk.web.app import WebSettings, create_app

    settings = WebSettings(
        registry=beheer.registry,
        issuer_document=beheer.issuer_document,  # read per request: rotation needs no restart
        issuer_name=beheer.config.issuer.name,
        lookups_per_minute=lookups_per_minute,
        trusted_proxies=tuple(trusted_proxies),
        test_issuing=beheer.test_signing_key if test_issuing else None,
        public_months=public_months,
    )
    # proxy_headers=False: uvicorn would otherwise believe X-Forwarded-For from 127.0.0.1;
    # the app decides who the visitor is, from the trusted-proxy setting alone.
    uvicorn.run(
        create_app(settings), host=host, port=port, log_level="warning", proxy_headers=False
    )


def write_pdf(beheer: Keurmerkbeheer, certificate: Certificate, folder: Path) -> Path:
    """Render the PDF of ``certificate``'s stored signed credential into ``folder``."""
    from keurmerk.pdf import render

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"keurmerk-{certificate.number}.pdf"
    path.write_bytes(render(certificate.credential_json(), beheer.verify_url(certificate.number)))
    return path


def read_table(path: Path) -> pd.DataFrame:
    try:
        if path.suffix.lower() in (".xlsx", ".xls"):
            return pd.read_excel(path)
        return pd.read_csv(path)
    except (OSError, ValueError) as error:
        raise click.ClickException(msg.CLI_BAD_TABLE.format(path=path, error=error)) from error


def _actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "keurmerkbeheerder"


ACTOR = click.option(
    "--door",
    "actor",
    default=_actor,
    show_default="uw gebruikersnaam",
    help="Wie dit doet (komt in het auditlog).",
)
