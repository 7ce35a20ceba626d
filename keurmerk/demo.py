"""The keurmerk demo: decisions from a graded cohort's tables, certificates with PDFs, and the
verification service on 127.0.0.1 with the URLs to try.

    python -m keurmerk.demo FOLDER   (after python -m grading.demo_cohort FOLDER)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pandas as pd

from keurmerk.pdf import render
from keurmerk.rules import decide, load_rules
from keurmerk.service import Config, Keurmerkbeheer


def issue_demo(folder: Path, port: int) -> tuple[Keurmerkbeheer, list[tuple[str, str, Path]]]:
    """Decide and issue for the demo cohort; return the issued (learner, number, pdf)."""
    tables = folder / "tabellen"
    home = folder / "keurmerk"
    if home.exists():
        shutil.rmtree(home)
    Config.write(home, f"http://127.0.0.1:{port}", "Stichting Keurmerk Sleutelpersonen (demo)")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    scores = pd.read_csv(tables / "scores.csv", keep_default_na=False)
    practice = pd.read_csv(tables / "praktijk.csv")
    people = pd.read_csv(tables / "deelnemers.csv").set_index("learner")
    issued = []
    click.echo("\nBesluiten volgens keurmerk/regels.toml:")
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


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--port", default=8800, show_default=True)
@click.option("--serve/--no-serve", default=True, help="Start de controlepagina.")
def main(folder: Path, port: int, serve: bool) -> None:
    """Geef keurmerken uit aan de democohort en start de controlepagina."""
    beheer, issued = issue_demo(folder, port)
    base = f"http://127.0.0.1:{port}"
    click.echo("\nUitgegeven keurmerken:")
    for learner, number, pdf in issued:
        click.echo(f"  {learner}: {base}/controleer/{number}   PDF: {pdf}")
    if issued:
        learner, number, _ = issued[0]
        beheer.suspend(issued[-1][1], "demo: schorsing")
        click.echo(f"\n  (Voor de demo is {issued[-1][1]} geschorst.)")
    click.echo("\nProbeer ook:")
    click.echo(f"  {base}/                      de controlepagina")
    click.echo(f"  {base}/controleer/KM-0000-0000   een onbekend nummer")
    click.echo(f"  {base}/status/revocation    de statuslijst (intrekking)")
    click.echo(f"  {base}/issuer               het uitgeversdocument")
    click.echo(f"  keurmerk controleer <pdf> --map {folder / 'keurmerk'}   offline controle")
    if serve:
        import uvicorn

        from keurmerk.web.app import WebSettings, create_app

        settings = WebSettings(
            registry=beheer.registry,
            issuer_document=beheer.issuer_document(),
            issuer_name=beheer.config.issuer.name,
        )
        click.echo(f"\nDe controlepagina draait op {base} (stoppen: Ctrl+C).")
        uvicorn.run(create_app(settings), host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()
