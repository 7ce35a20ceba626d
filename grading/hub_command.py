"""``python -m grading.hub``: accounts and a running hub for one cohort (run as root).

Kept apart from grading/hub.py so that the hub's own config never imports click.
"""

from __future__ import annotations

import csv
import signal
from pathlib import Path

import click

from grading.hub import (
    DEFAULT_HUB_DIR,
    HubError,
    create_accounts,
    hub_url,
    start_hub,
    stop_hub,
    write_hub_config,
)
from grading.hub_accounts import AccountError
from grading.messages import HubText as T

COHORT = click.argument("cohort", type=click.Path(file_okay=False, path_type=Path))
TRAINERS = click.option("--trainer", "trainers", multiple=True, required=True, help=T.HELP_TRAINER)
HUB_DIR = click.option(
    "--hubmap", "hub_dir", type=click.Path(file_okay=False, path_type=Path), help=T.HELP_HUB_DIR
)
IP = click.option("--adres", "ip", default="127.0.0.1", show_default=True, help=T.HELP_IP)
PORT = click.option("--poort", "port", default=8000, show_default=True, help=T.HELP_PORT)


@click.group(help=T.HELP)
def command() -> None:
    """Een JupyterHub voor een cohort."""


def _settings(cohort: Path, trainers, hub_dir: Path | None, ip: str, port: int) -> dict:
    try:
        from grading.cohort import Cohort

        course_id = Cohort(cohort).course_id
        hub_dir = hub_dir or DEFAULT_HUB_DIR / course_id
        return write_hub_config(cohort, hub_dir, list(trainers), ip=ip, port=port)
    except (HubError, AccountError, ValueError) as error:
        raise click.ClickException(str(error)) from None


@command.command("accounts", help=T.HELP_ACCOUNTS)
@COHORT
@TRAINERS
@HUB_DIR
@IP
@PORT
def accounts(cohort: Path, trainers, hub_dir: Path | None, ip: str, port: int) -> None:
    """Maak de accounts."""
    settings = _settings(cohort, trainers, hub_dir, ip, port)
    try:
        made = create_accounts(settings)
    except (HubError, AccountError) as error:
        raise click.ClickException(str(error)) from None
    if not made:
        click.echo(T.NO_NEW_ACCOUNTS)
        return
    path = Path(settings["hub_dir"]) / "wachtwoorden.csv"
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(sorted(made.items()))
    path.chmod(0o600)
    click.echo(T.ACCOUNTS_MADE.format(count=len(made), path=path))


@command.command("start", help=T.HELP_START)
@COHORT
@TRAINERS
@HUB_DIR
@IP
@PORT
def start(cohort: Path, trainers, hub_dir: Path | None, ip: str, port: int) -> None:
    """Start de hub."""
    settings = _settings(cohort, trainers, hub_dir, ip, port)
    try:
        process = start_hub(Path(settings["hub_dir"]))
    except HubError as error:
        raise click.ClickException(str(error)) from None
    click.echo(T.RUNNING)
    click.echo(f"    {hub_url(settings)}")
    click.echo(T.STOP_HINT)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        stop_hub(process)
