"""``trainer``: the trainer's command line for a cohort (Dutch output, thin over plain functions).

trainer nieuw ~/cohort-2027 [--database URL] [--uitwisseling MAP]
trainer importeer-deelnemers deelnemers.xlsx --cohort ~/cohort-2027
trainer uitdelen module-1 --cohort ~/cohort-2027
trainer ophalen module-1 --cohort ~/cohort-2027          (JupyterHub / one machine)
trainer importeer-pakketten module-1 MAP --cohort …       (inleverpakketten, no hub)
trainer nakijken ~/cohort-2027 module-1                   (parallel autograde)
trainer feedback module-1 --cohort ~/cohort-2027
trainer exporteer --cohort ~/cohort-2027
"""

from __future__ import annotations

from pathlib import Path

import click

from grading.autograde import nakijken as autograde_command
from grading.cohort import write_config
from grading.exchange import collect_command, release_command
from grading.export import export_command
from grading.feedback import feedback_command
from grading.handin_import import import_packages_command
from grading.learners import import_learners_command
from grading.messages import CliText


@click.group()
def main() -> None:
    """Sleutelpersonen Werken voor trainers: een cohort van uitdelen tot feedback."""


@main.command("nieuw")
@click.argument("map", type=click.Path(file_okay=False, path_type=Path))
@click.option("--database", default="", help=CliText.HELP_DATABASE)
@click.option(
    "--uitwisseling",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=CliText.HELP_EXCHANGE,
)
def new_cohort(map: Path, database: str, uitwisseling: Path | None) -> None:
    """Maak een nieuwe cohortmap (buiten de repository)."""
    if (map / "nbgrader_config.py").exists():
        raise click.ClickException(CliText.EXISTS.format(path=map))
    write_config(map, db_url=database or None, exchange=uitwisseling)
    click.echo(CliText.CREATED.format(path=map.resolve()))


for _command in (
    import_learners_command,
    release_command,
    collect_command,
    import_packages_command,
    autograde_command,
    feedback_command,
    export_command,
):
    main.add_command(_command)


if __name__ == "__main__":
    main()
