"""Shared pieces of the keurmerk command line."""

from __future__ import annotations

import getpass
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
