"""Start and stop a cohort's JupyterHub; the plain functions behind ``trainer hub``.

``trainer hub accounts`` makes the system accounts and writes their passwords to a file only
root can read; ``trainer hub start`` starts JupyterHub (with configurable-http-proxy) in the
foreground until Ctrl+C. Both run as root. ``python -m grading.hub_server …`` is the same.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from grading.hub import (
    DEFAULT_HUB_DIR,
    HUB_CONFIG,
    PROXY,
    VENV_BIN,
    HubError,
    create_accounts,
    load_settings,
    prepare_exchange,
    trainer_group,
    write_hub_config,
)
from grading.hub_accounts import share_with_group
from grading.hub_python import NoServerPython, server_bin
from grading.messages import HubText as T

PASSWORDS_FILE = "wachtwoorden.csv"


def start_hub(hub_dir: Path, log: Path | None = None, timeout: float = 120) -> subprocess.Popen:
    """Start JupyterHub for the settings in ``hub_dir``; return once its login page answers."""
    if not shutil.which("jupyterhub", path=str(VENV_BIN)):
        raise HubError(T.NOT_INSTALLED)
    if not PROXY.exists():
        raise HubError(T.NO_PROXY)
    if os.geteuid() != 0:
        raise HubError(T.NOT_ROOT)
    try:
        server_bin()
    except NoServerPython as error:
        raise HubError(str(error)) from None
    settings = load_settings(hub_dir)
    log = log or Path(hub_dir) / "hub.log"
    handle = log.open("ab")
    env = {**os.environ, "SLEUTELPERSONEN_HUB": str(hub_dir)}
    env["PATH"] = os.pathsep.join([str(VENV_BIN), env.get("PATH", "")])
    process = subprocess.Popen(
        [str(VENV_BIN / "jupyterhub"), "-f", str(HUB_CONFIG)],
        cwd=hub_dir,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise HubError(T.START_FAILED.format(log=log))
        if _login_page_answers(f"http://{settings['ip']}:{int(settings['port'])}/hub/login"):
            return process
        time.sleep(0.3)
    stop_hub(process)
    raise HubError(T.START_FAILED.format(log=log))


def _login_page_answers(url: str) -> bool:
    """Does the hub itself answer (not only its proxy, which starts first)?"""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


def stop_hub(process: subprocess.Popen, timeout: float = 60) -> None:
    """Stop the hub as Ctrl+C does: it stops every server and its proxy first."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def hub_url(settings: dict) -> str:
    """The address learners and trainers open."""
    return f"http://{settings['ip']}:{settings['port']}/hub/login"


def _settings(
    cohort: Path,
    trainers: list[str],
    hub_dir: Path | None,
    ip: str,
    port: int,
    database: str | None = None,
) -> dict:
    from grading.cohort import Cohort

    course_id = Cohort(cohort).course_id
    hub_dir = hub_dir or DEFAULT_HUB_DIR / course_id
    return write_hub_config(cohort, hub_dir, list(trainers), ip=ip, port=port, database=database)


def accounts_lines(
    cohort: Path,
    trainers: list[str],
    hub_dir: Path | None = None,
    ip: str = "127.0.0.1",
    port: int = 8000,
    database: str | None = None,
) -> list[str]:
    """``trainer hub accounts``: make the accounts; new passwords go to a root-only file."""
    if os.geteuid() != 0:
        raise HubError(T.NOT_ROOT)
    settings = _settings(cohort, trainers, hub_dir, ip, port, database)
    made = create_accounts(settings)
    if not made:
        return [T.NO_NEW_ACCOUNTS]
    path = Path(settings["hub_dir"]) / PASSWORDS_FILE
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(sorted(made.items()))
    path.chmod(0o600)
    return [T.ACCOUNTS_MADE.format(count=len(made), path=path)]


def serve(
    cohort: Path,
    trainers: list[str],
    hub_dir: Path | None = None,
    ip: str = "127.0.0.1",
    port: int = 8000,
    database: str | None = None,
) -> list[str]:
    """``trainer hub start``: run the hub until Ctrl+C (or SIGTERM); then stop every server."""
    settings = _settings(cohort, trainers, hub_dir, ip, port, database)
    # What root made in the cohort and the exchange since (uitdelen, ophalen as root) stays
    # the trainers'.
    share_with_group(Path(settings["cohort"]), trainer_group(settings["course_id"]))
    prepare_exchange(settings)
    process = start_hub(Path(settings["hub_dir"]))
    print(f"{T.RUNNING}\n    {hub_url(settings)}\n{T.STOP_HINT}", flush=True)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop_hub(process)
    return [T.STOPPED]


if __name__ == "__main__":
    from grading.cli import main

    main(["hub", *sys.argv[1:]], prog_name="python -m grading.hub_server")
