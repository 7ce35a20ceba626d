"""``trainer``: the trainer's command line for a cohort (Dutch output, thin over plain functions).

trainer nieuw ~/cohort-2027 [--database URL] [--uitwisseling MAP]
trainer importeer-deelnemers deelnemers.xlsx --cohort ~/cohort-2027
trainer uitdelen module-1 --cohort ~/cohort-2027
trainer ophalen module-1 --cohort ~/cohort-2027          (JupyterHub / one machine)
trainer importeer-pakketten module-1 MAP --cohort …       (inleverpakketten, no hub)
trainer nakijken module-1 --cohort ~/cohort-2027          (parallel autograde)
trainer feedback module-1 --cohort ~/cohort-2027
trainer exporteer --cohort ~/cohort-2027
sudo trainer hub start --cohort ~/cohort-2027 --trainer anouk   (JupyterHub, as root)

This is the only module that imports click or rich. Every command body is one line: it calls
a plain function (imported when the command runs, so ``trainer --help`` starts fast) that
returns the Dutch lines to print, or raises a :class:`grading.errors.TrainerError`, which is
printed after "Fout:".
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
import sys
from pathlib import Path

import click

from grading.messages import CliText as T

FOLDER = click.Path(file_okay=False, path_type=Path)


def _say(target: str, *args, **kwargs) -> None:
    """Call ``module:function`` (imported now) and print the line or lines it returns."""
    module, name = target.split(":")
    result = getattr(importlib.import_module(module), name)(*args, **kwargs)
    for line in [result] if isinstance(result, str) else result or []:
        click.echo(line)


def _yes(question: str) -> bool:
    """A Dutch yes/no question: only "j" or "ja" is yes."""
    answer = click.prompt(f"{question} (ja/nee)", default="nee", show_default=False)
    return answer.strip().lower() in ("j", "ja")


def _fail(message: str, code: int) -> None:
    click.echo(T.ERROR.format(message=message), err=True)
    sys.exit(code)


class _DutchHelp:
    """Help pages with Dutch headings (click writes "Usage", "Options" and "Commands")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", T.OPTIONS_METAVAR)
        if issubclass(type(self), click.Group):
            kwargs.setdefault("subcommand_metavar", T.COMMAND_METAVAR)
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx):
        """The ``--help`` option, explained in Dutch."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = T.HELP_HELP
        return option

    def format_usage(self, ctx, formatter) -> None:
        """The usage line after "Gebruik:"."""
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), T.USAGE)

    def format_options(self, ctx, formatter) -> None:
        """Options (and a group's commands, in the order they are made) under Dutch headings."""
        options = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]
        records = [r for p in options if (r := p.get_help_record(ctx)) is not None]
        if records:
            with formatter.section(T.OPTIONS):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            commands = [(name, self.commands[name]) for name in self.commands]
            room = formatter.width - max(len(name) for name, _ in commands) - 6  # one line each
            rows = [(name, cmd.get_short_help_str(room)) for name, cmd in commands]
            with formatter.section(T.COMMANDS):
                formatter.write_dl(rows)


def _dutch_usage_error(message: str) -> str:
    """click's English usage error in Dutch (the common ones; others stay as they are)."""
    for pattern, dutch in T.USAGE_ERRORS:
        message, count = re.subn(pattern, dutch, message)
        if count:
            break
    return message


class TrainerCommand(_DutchHelp, click.Command):
    """A ``trainer`` command with Dutch help."""


class TrainerGroup(_DutchHelp, click.Group):
    """A click group whose errors are Dutch and start with "Fout:" (not click's "Error:")."""

    command_class = TrainerCommand

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Run a command; domain errors, usage errors and Ctrl+C end with a Dutch line."""
        from grading.errors import TrainerError

        _environment_bin_first()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except TrainerError as error:
            _fail(str(error), error.exit_code)
        except click.UsageError as error:
            hint = f"\n{error.ctx.get_usage()}\n{T.HELP_HINT}" if error.ctx else ""
            _fail(_dutch_usage_error(error.format_message()) + hint, error.exit_code)
        except click.ClickException as error:
            _fail(error.format_message(), error.exit_code)
        except (click.Abort, KeyboardInterrupt):
            _fail(T.INTERRUPTED, 130)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _environment_bin_first() -> None:
    """Put this environment's bin/ first on PATH: a new gradebook runs ``alembic`` from PATH,
    and ``.venv/bin/trainer`` must work without activating the environment."""
    folder = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if folder not in parts:
        os.environ["PATH"] = os.pathsep.join([folder, *parts])


def _private_cohort(context: click.Context, _parameter, value: Path) -> Path:
    """Before a command touches a cohort: make it private, and everything it writes too
    (the umask goes back when the command ends, for callers such as tests)."""
    from grading.cohort import Cohort, NotACohort

    before = os.umask(0o077)
    os.umask(before)
    context.call_on_close(lambda: os.umask(before))
    with contextlib.suppress(NotACohort, OSError):  # the command itself says what is wrong
        Cohort(value).make_private()
    return value


def _cohort_option(function):
    return click.option(
        "--cohort",
        type=FOLDER,
        metavar=T.FOLDER_METAVAR,
        default=".",
        help=T.HELP_COHORT,
        callback=_private_cohort,
    )(function)


@click.group("trainer", cls=TrainerGroup, help=T.HELP_MAIN)
def main() -> None:
    """The ``trainer`` command group."""


@main.command("nieuw", help=T.HELP_NEW)
@click.argument("map", type=FOLDER)
@click.option("--database", default="", metavar="URL", help=T.HELP_DATABASE)
@click.option(
    "--uitwisseling", type=FOLDER, default=None, metavar=T.FOLDER_METAVAR, help=T.HELP_EXCHANGE
)
@click.option("--cursus-id", default="sleutelpersonen", metavar="ID", help=T.HELP_COURSE_ID)
def new_cohort(map: Path, database: str, uitwisseling: Path | None, cursus_id: str) -> None:
    _say("grading.cohort:new_cohort_line", map, database or None, uitwisseling, cursus_id)


@main.command("instellen", help=T.HELP_CHANGE)
@_cohort_option
@click.option(
    "--uitwisseling", type=FOLDER, default=None, metavar=T.FOLDER_METAVAR, help=T.HELP_EXCHANGE
)
@click.option("--cursus-id", default=None, metavar="ID", help=T.HELP_COURSE_ID)
def change(cohort: Path, uitwisseling: Path | None, cursus_id: str | None) -> None:
    _say("grading.cohort:change_line", cohort, uitwisseling, cursus_id)


@main.command("importeer-deelnemers", help=T.HELP_IMPORT_LEARNERS)
@click.argument("bestand", type=click.Path(dir_okay=False, path_type=Path))
@_cohort_option
def import_learners(bestand: Path, cohort: Path) -> None:
    _say("grading.learners:import_line", cohort, bestand)


@main.command("uitdelen", help=T.HELP_RELEASE)
@click.argument("opdracht")
@_cohort_option
@click.option("--opnieuw", is_flag=True, help=T.HELP_RELEASE_AGAIN)
def release(opdracht: str, cohort: Path, opnieuw: bool) -> None:
    _say("grading.handout:release_lines", cohort, opdracht, again=opnieuw)


@main.command("ophalen", help=T.HELP_COLLECT)
@click.argument("opdracht")
@_cohort_option
def collect(opdracht: str, cohort: Path) -> None:
    _say("grading.exchange:collect_lines", cohort, opdracht)


@main.command("importeer-pakketten", help=T.HELP_IMPORT_PACKAGES)
@click.argument("opdracht")
@click.argument("map", type=FOLDER)
@_cohort_option
def import_packages(opdracht: str, map: Path, cohort: Path) -> None:
    _say("grading.handin_import:import_lines", cohort, opdracht, map)


@main.command("nakijken", help=T.HELP_AUTOGRADE)
@click.argument("opdracht")
@_cohort_option
@click.option("--werkers", type=int, default=None, metavar=T.NUMBER, help=T.HELP_WORKERS)
@click.option("--timeout", type=int, default=20, metavar=T.SECONDS, help=T.HELP_TIMEOUT)
@click.option("--opnieuw", is_flag=True, help=T.HELP_AUTOGRADE_AGAIN)
def autograde(opdracht: str, cohort: Path, werkers: int | None, timeout: int, opnieuw: bool):
    _autograde(cohort, opdracht, werkers, timeout, opnieuw)


@main.command("feedback", help=T.HELP_FEEDBACK)
@click.argument("opdracht")
@_cohort_option
@click.option("--deelnemer", "learners", multiple=True, metavar="ID", help=T.HELP_FEEDBACK_LEARNER)
@click.option("--ook-niet-beoordeeld", is_flag=True, help=T.HELP_FEEDBACK_UNFINISHED)
@click.option("--vrijgeven/--niet-vrijgeven", "release", default=None, help=T.HELP_FEEDBACK_RELEASE)
@click.option("--mailen", is_flag=True, help=T.HELP_FEEDBACK_MAIL)
@click.option("--opnieuw-mailen", is_flag=True, help=T.HELP_FEEDBACK_MAIL_AGAIN)
def feedback(opdracht, cohort, learners, ook_niet_beoordeeld, release, mailen, opnieuw_mailen):
    _say(
        "grading.feedback:feedback_lines",
        cohort,
        opdracht,
        list(learners) or None,
        ook_niet_beoordeeld,
        release,
        mail=mailen or opnieuw_mailen,
        mail_again=opnieuw_mailen,
    )


@main.command("e-mail-instellen", help=T.HELP_MAIL_SETTINGS)
@_cohort_option
@click.option("--server", default="", metavar="SERVER", help=T.HELP_MAIL_SERVER)
@click.option("--poort", type=int, default=587, metavar=T.NUMBER, help=T.HELP_MAIL_PORT)
@click.option("--afzender", default="", metavar=T.ADDRESS, help=T.HELP_MAIL_SENDER)
@click.option("--gebruiker", default="", metavar=T.NAME, help=T.HELP_MAIL_USER)
@click.option(
    "--beveiliging",
    type=click.Choice(["starttls", "ssl", "geen"]),
    default="starttls",
    help=T.HELP_MAIL_SECURITY,
)
def mail_settings(cohort, server, poort, afzender, gebruiker, beveiliging) -> None:
    _say(
        "grading.cohort:mail_settings_line", cohort, server, poort, afzender, gebruiker, beveiliging
    )


@main.command("deelnemer-verwijderen", help=T.HELP_REMOVE_LEARNER)
@click.argument("deelnemer")
@_cohort_option
@click.option("--ja", "confirmed", is_flag=True, help=T.HELP_YES)
def remove_learner(deelnemer: str, cohort: Path, confirmed: bool) -> None:
    _say("grading.learner_data:removal_preview", cohort, deelnemer)
    if not confirmed and not _yes(T.REMOVE_CONFIRM):
        _say("grading.learner_data:stopped_line")
        sys.exit(1)
    _say("grading.learner_data:removal_line", cohort, deelnemer)


@main.command("vervangen-opruimen", help=T.HELP_PURGE_REPLACED)
@_cohort_option
@click.option("--dagen", default=30, metavar="DAGEN", help=T.HELP_DAYS)
def purge_replaced(cohort: Path, dagen: int) -> None:
    _say("grading.learner_data:purge_line", cohort, dagen)


@main.command("exporteer", help=T.HELP_EXPORT)
@_cohort_option
@click.option(
    "--map",
    "folder",
    type=FOLDER,
    default=None,
    metavar=T.FOLDER_METAVAR,
    help=T.HELP_EXPORT_FOLDER,
)
@click.option("--grens", type=click.FloatRange(0, 100), default=70, help=T.HELP_THRESHOLD)
def export(cohort: Path, folder: Path | None, grens: float) -> None:
    _say("grading.export:export_lines", cohort, folder, grens)


@main.command("dashboard", help=T.HELP_DASHBOARD)
@_cohort_option
@click.option("--openen", is_flag=True, help=T.HELP_DASHBOARD_OPEN)
def dashboard(cohort: Path, openen: bool) -> None:
    _say("grading.dashboard:dashboard_lines", cohort, open_lab=openen)


# ------------------------------------------------------------------ nakijken's screen
def _autograde(cohort: Path, assignment: str, workers, timeout: int, force: bool) -> None:
    """Autograde with a progress bar, then the table per learner; exit 1 if any failed."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from grading import autograde_report as report_text
    from grading.autograde import autograde_parallel

    console = Console()
    columns = ("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn())
    progress = Progress(*columns, TimeElapsedColumn(), console=console)
    task = progress.add_task(T.PROGRESS.format(assignment=assignment), total=None)
    with progress:
        report = autograde_parallel(
            cohort,
            assignment,
            workers=workers,
            timeout=timeout,
            force=force,
            on_total=lambda total: progress.update(task, total=total),
            on_result=lambda _result: progress.advance(task),
        )
    if not report.results:
        console.print(T.NO_SUBMISSIONS.format(assignment=assignment), soft_wrap=True)
        return
    _print_table(console, report.assignment, report_text.rows(report), report_text.HEADERS)
    for line in report_text.summary(report):
        console.print(line, soft_wrap=True)
    if report.failed:
        sys.exit(1)


@main.group("hub", cls=TrainerGroup, help=T.HELP_HUB)
def hub() -> None:
    """``trainer hub``: a JupyterHub for the cohort on this machine (as root)."""


def _hub_options(function):
    for option in reversed(
        [
            _cohort_option,
            click.option(
                "--trainer", "trainers", multiple=True, metavar="NAAM", help=T.HELP_HUB_TRAINER
            ),
            click.option(
                "--hubmap", type=FOLDER, default=None, metavar=T.FOLDER_METAVAR, help=T.HELP_HUB_DIR
            ),
            click.option("--adres", default="127.0.0.1", metavar="ADRES", help=T.HELP_HUB_IP),
            click.option("--poort", default=8000, metavar="POORT", help=T.HELP_HUB_PORT),
            click.option("--database", default=None, metavar="URL", help=T.HELP_HUB_DATABASE),
        ]
    ):
        function = option(function)
    return function


@hub.command("accounts", help=T.HELP_HUB_ACCOUNTS)
@_hub_options
def hub_accounts(cohort: Path, trainers, hubmap: Path | None, adres, poort, database) -> None:
    lines = "grading.hub_server:accounts_lines"
    _say(lines, cohort, list(trainers), hubmap, adres, poort, database)


@hub.command("start", help=T.HELP_HUB_START)
@_hub_options
def hub_start(cohort: Path, trainers, hubmap: Path | None, adres, poort, database) -> None:
    _say("grading.hub_server:serve", cohort, list(trainers), hubmap, adres, poort, database)


def _print_table(console, assignment: str, rows, headers) -> None:
    from rich.table import Table

    styles = {"graded": "green", "failed": "bold red", "skipped": "dim"}
    table = Table(title=T.TABLE_TITLE.format(assignment=assignment))
    for header in headers:
        table.add_column(header, overflow="fold")
    for learner, status, label, score, note in rows:
        table.add_row(learner, f"[{styles[status]}]{label}[/]", score, note)
    console.print(table)


if __name__ == "__main__":
    main()
