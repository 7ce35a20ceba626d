"""The keurmerk demo: decisions from a graded cohort's tables, certificates with PDFs, and the
verification service on 127.0.0.1 with the URLs to try.

    python -m keurmerk.demo [FOLDER] [--port 8800] [--no-serve]

Run it after ``python -m grading.demo_cohort`` with the same FOLDER (``make demo`` runs both).
FOLDER defaults to ``$SLEUTELPERSONEN_DEMO`` or ``~/sleutelpersonen-demo``; it must lie outside
the repository, because the demo makes a real signing key. Every run starts afresh, so the
demo can be run again and again.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import click
import pandas as pd

from keurmerk import messages as msg
from keurmerk.keys import PROJECT_DIR
from keurmerk.pdf import render
from keurmerk.rules import decide, load_rules
from keurmerk.service import Config, Keurmerkbeheer

ISSUER_NAME = "Stichting Keurmerk Sleutelpersonen (demo)"


def default_folder() -> Path:
    """Where the demo writes: ``$SLEUTELPERSONEN_DEMO`` or ``~/sleutelpersonen-demo``."""
    return Path(os.environ.get("SLEUTELPERSONEN_DEMO") or Path.home() / "sleutelpersonen-demo")


def free_port(wanted: int) -> int:
    """``wanted`` when nothing listens there, otherwise the next free port above it."""
    for port in range(wanted, wanted + 50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise click.ClickException(msg.DEMO_PORT_BUSY.format(wanted=wanted, port="?"))


def issue_demo(folder: Path, port: int) -> tuple[Keurmerkbeheer, list[tuple[str, str, Path]]]:
    """Decide and issue for the demo cohort; return the issued (learner, number, pdf)."""
    tables = folder / "tabellen"
    home = folder / "keurmerk"
    if home.exists():
        shutil.rmtree(home)
    Config.write(home, f"http://127.0.0.1:{port}", ISSUER_NAME)
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    scores = pd.read_csv(tables / "scores.csv", keep_default_na=False)
    practice = pd.read_csv(tables / "praktijk.csv")
    people = pd.read_csv(tables / "deelnemers.csv").set_index("learner")
    issued = []
    click.echo(f"\n{msg.DEMO_DECISIONS}")
    for decision in decide(scores, practice, load_rules()):
        click.echo(f"  {decision.learner}: {decision.summary}")
        if decision.eligible:
            person = people.loc[decision.learner]
            certificate = beheer.issue(decision.learner, person["name"], person["email"])
            pdf = home / "pdf" / f"keurmerk-{certificate.number}.pdf"
            pdf.parent.mkdir(parents=True, exist_ok=True)
            pdf.write_bytes(
                render(certificate.credential_json(), beheer.verify_url(certificate.number))
            )
            issued.append((decision.learner, certificate.number, pdf))
    return beheer, issued


def _demo_folder(folder: Path) -> Path:
    folder = folder.expanduser().resolve()
    if folder == PROJECT_DIR or PROJECT_DIR in folder.parents:
        raise click.ClickException(msg.DEMO_INSIDE_REPOSITORY.format(folder=folder))
    if not (folder / "tabellen" / "scores.csv").exists():
        raise click.ClickException(msg.DEMO_NO_TABLES.format(folder=folder))
    return folder


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=default_folder)
@click.option("--port", default=8800, show_default=True)
@click.option("--serve/--no-serve", default=True, help="Start de controlepagina.")
def main(folder: Path, port: int, serve: bool) -> None:
    """Geef keurmerken uit aan de democohort en start de controlepagina."""
    from keurmerk.cli_common import serve_verification

    folder = _demo_folder(folder)
    wanted, port = port, free_port(port)
    if port != wanted:
        click.echo(msg.DEMO_PORT_BUSY.format(wanted=wanted, port=port))
    beheer, issued = issue_demo(folder, port)
    base = f"http://127.0.0.1:{port}"
    click.echo(f"\n{msg.DEMO_ISSUED}")
    for learner, number, pdf in issued:
        click.echo(f"  {learner}: {base}/controleer/{number}   PDF: {pdf}")
    if issued:
        beheer.suspend(issued[-1][1], "demo: schorsing")
        click.echo(f"\n  {msg.DEMO_SUSPENDED.format(number=issued[-1][1])}")
    click.echo(f"\n{msg.DEMO_TRY}")
    for path, what in msg.DEMO_URLS:
        click.echo(f"  {base + (path or '/'):<48} {what}")
    pdf = issued[0][2] if issued else "<pdf>"
    click.echo("  " + msg.DEMO_OFFLINE.format(pdf=pdf, home=beheer.config.home))
    click.echo(f"\n{msg.DEMO_WHERE.format(folder=folder)}")
    if not serve:
        click.echo(msg.DEMO_NOT_SERVING.format(home=beheer.config.home, port=port))
        return
    click.echo(msg.DEMO_SERVING.format(url=base))
    serve_verification(beheer, "127.0.0.1", port)


if __name__ == "__main__":
    main()
