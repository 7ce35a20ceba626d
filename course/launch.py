"""Start the course for a learner: the workspace, then the app pages on one Jupyter server.

The server shows the learner's workspace (``course.workspace``), never the repository.
The start page opens as an app page (Voilà, ``/voila/render/…``); JupyterLab stays
available on the same server for learners who want it. The server's own output goes to
a log file in the learner's folder, so the terminal shows a few Dutch lines and the link.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import webbrowser
from pathlib import Path

import click

from course import COURSE_DIR
from course.catalog import load_catalog
from course.storage import learner_home
from course.workspace import (
    START_PAGE,
    WORKSPACE_ENV,
    default_workspace,
    is_inside,
    update_lessons,
)

PROJECT_DIR = COURSE_DIR.parent
CONFIG_DIR = COURSE_DIR / "jupyter"
START_NOTEBOOK = START_PAGE
LOG_NAME = "cursus-server.log"


def free_port(preferred: int, host: str = "127.0.0.1") -> int:
    """``preferred`` when it is free, otherwise the next free port above it."""
    for port in range(preferred, preferred + 50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    raise click.ClickException(f"Geen vrije poort gevonden vanaf {preferred}.")


def learner_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the learner's JupyterLab.

    ``course/jupyter`` becomes the Jupyter config dir: only that dir's ``custom/`` folder is
    served as ``/custom/custom.css``. The learner's own ``~/.jupyter`` (for example an
    nbgrader exchange setting) stays on the config path. JupyterLab's user settings and
    workspaces go to the learner's data folder, not into the repository.
    """
    env = dict(os.environ if base is None else base)
    home_config = env.get("JUPYTER_CONFIG_DIR") or str(Path.home() / ".jupyter")
    extra = [p for p in (env.get("JUPYTER_CONFIG_PATH"), home_config) if p]
    env["JUPYTER_CONFIG_DIR"] = str(CONFIG_DIR)
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(extra)
    # Voilà finds the course's page template under <JUPYTER_PATH>/voila/templates.
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(CONFIG_DIR), env.get("JUPYTER_PATH")) if p
    )
    learner_data = Path(env.get("SLEUTELPERSONEN_HOME") or Path.home() / ".sleutelpersonen")
    env.setdefault("JUPYTERLAB_SETTINGS_DIR", str(learner_data / "jupyterlab" / "settings"))
    env.setdefault("JUPYTERLAB_WORKSPACES_DIR", str(learner_data / "jupyterlab" / "workspaces"))
    # The kernel and nbgrader need the environment's own tools (alembic, jupyter) on PATH.
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join([bin_dir, env.get("PATH", "")])
    return env


def lab_command(root: Path, port: int, notebook: str) -> list[str]:
    """The ``jupyter lab`` command line for learners."""
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.default_url=/voila/render/{notebook}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root
    return command


def start_url(port: int, token: str, notebook: str = START_NOTEBOOK) -> str:
    """The link a learner opens: the start page as an app page."""
    return f"http://127.0.0.1:{port}/voila/render/{notebook}?token={token}"


def lab_url(port: int, token: str, notebook: str = START_NOTEBOOK) -> str:
    """The same start page in JupyterLab, for learners who want it."""
    return f"http://127.0.0.1:{port}/lab/tree/{notebook}?token={token}"


def prepare_workspace(root: Path, self_study: bool) -> None:
    """Copy the lessons into ``root``; for self-study, also release the assignments there."""
    if is_inside(root, PROJECT_DIR):
        raise click.ClickException(
            f"De werkmap {root} ligt in de map van de cursus zelf. Kies een andere map, "
            "bijvoorbeeld in je thuismap."
        )
    root.mkdir(parents=True, exist_ok=True)
    update_lessons(root)
    if not self_study:
        return
    click.echo("De opdrachten worden klaargezet. De eerste keer duurt dat even ...")
    from grading.selfstudy import release_into  # the trainer's release, done for one learner

    catalog = load_catalog()
    assignments = [a.id for m in (*catalog.modules, *catalog.refreshers) for a in m.assignments]
    set_aside: dict = {}
    release_into(root, assignments, learner_home() / "zelfstudie", set_aside)
    for answers, numbers in set_aside.items():
        click.echo(
            f"Opdracht {answers.parent.name}: vraag {', '.join(numbers)} is veranderd. "
            "Beantwoord die vragen opnieuw. Je oude antwoorden staan bewaard naast de opdracht."
        )


@click.command()
@click.option("--port", default=8888, show_default=True, help="Preferred port.")
@click.option(
    "--werkmap",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Map met je lessen en opdrachten (standaard ${WORKSPACE_ENV} of ~/sleutelpersonen).",
)
@click.option(
    "--zelfstudie/--geen-zelfstudie",
    "self_study",
    default=True,
    show_default=True,
    help="Zet de opdrachten van de cursus zelf in je werkmap.",
)
@click.option("--browser/--no-browser", default=True, help="Open de link in je browser.")
def main(port: int, root: Path | None, self_study: bool, browser: bool) -> None:
    """Start de cursus Sleutelpersonen Werken."""
    root = (root or default_workspace()).expanduser().resolve()
    prepare_workspace(root, self_study)
    port = free_port(port)
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_urlsafe(24)
    env = learner_environment()
    env["JUPYTER_TOKEN"] = token
    env[WORKSPACE_ENV] = str(root)
    url = start_url(port, token)
    log_path = learner_home() / LOG_NAME
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("ab")
    process = subprocess.Popen(
        lab_command(root, port, START_NOTEBOOK), env=env, stdout=log, stderr=subprocess.STDOUT
    )
    # Stopping the launcher (Ctrl+C or SIGTERM) must also stop JupyterLab and its kernels.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        _wait_until_listening(port, process)
        click.echo("")
        click.echo("De cursus staat klaar. Open deze link in je browser:")
        click.echo(f"    {url}")
        click.echo("")
        click.echo(f"Je lessen en opdrachten staan in: {root}")
        click.echo("Stoppen: druk hier op Ctrl+C. Je antwoorden blijven bewaard.")
        click.echo("")
        if browser:
            webbrowser.open(url)
        process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        _stop(process)
    sys.exit(0 if process.returncode in (0, -signal.SIGTERM) else process.returncode)


def _interrupt(_signum, _frame):
    raise KeyboardInterrupt


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_listening(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise click.ClickException(
                f"De cursus kon niet starten. Wat er misging, staat in {LOG_NAME} "
                f"in {learner_home()}."
            )
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise click.ClickException("De cursus startte niet binnen twee minuten.")


if __name__ == "__main__":
    main()
