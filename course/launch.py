"""Start JupyterLab for learners: Dutch, quiet, the start notebook in single-document mode."""

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

PROJECT_DIR = COURSE_DIR.parent
CONFIG_DIR = COURSE_DIR / "jupyter"
START_NOTEBOOK = "course/00-start-hier.ipynb"


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
        f"--ServerApp.default_url=/doc/tree/{notebook}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and CI run as root
    return command


def start_url(port: int, token: str, notebook: str = START_NOTEBOOK) -> str:
    """The link a learner opens: the start notebook in single-document mode."""
    return f"http://127.0.0.1:{port}/doc/tree/{notebook}?token={token}"


@click.command()
@click.option("--port", default=8888, show_default=True, help="Preferred port.")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=PROJECT_DIR,
    show_default=True,
    help="Folder JupyterLab shows (must contain course/00-start-hier.ipynb).",
)
@click.option("--browser/--no-browser", default=True, help="Open the link in a browser.")
def main(port: int, root: Path, browser: bool) -> None:
    """Start de cursus Sleutelpersonen Werken in JupyterLab."""
    root = root.resolve()
    if not (root / START_NOTEBOOK).is_file():
        raise click.ClickException(f"{START_NOTEBOOK} staat niet in {root}.")
    port = free_port(port)
    token = os.environ.get("JUPYTER_TOKEN") or secrets.token_urlsafe(24)
    env = learner_environment()
    env["JUPYTER_TOKEN"] = token
    url = start_url(port, token)
    process = subprocess.Popen(lab_command(root, port, START_NOTEBOOK), env=env)
    # Stopping the launcher (Ctrl+C or SIGTERM) must also stop JupyterLab and its kernels.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        _wait_until_listening(port, process)
        click.echo("")
        click.echo("De cursus staat klaar. Open deze link in je browser:")
        click.echo(f"    {url}")
        click.echo("Stoppen: druk hier op Ctrl+C.")
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
            raise click.ClickException("JupyterLab is gestopt. Kijk in de meldingen hierboven.")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise click.ClickException("JupyterLab startte niet binnen twee minuten.")


if __name__ == "__main__":
    main()
