"""A JupyterHub for one cohort on one machine: accounts, settings, start and stop.

The training organisation's server runs JupyterHub as root. Learners and trainers log in
with their own system accounts (PAM: the machine's own user names and passwords), and each
server is started as its own user (JupyterHub's LocalProcessSpawner), so the operating
system keeps learners apart:

- a learner's server shows their workspace ``~/sleutelpersonen`` (lessons from the course;
  the start page fetches released assignments from the cohort's exchange as that learner,
  see :mod:`course.exchange_fetch`) and opens on the
  start page as an app page (``/voila/render/00-start-hier.ipynb``), with the learner set-up
  of ``course/jupyter``; **Inleveren** submits through nbgrader's exchange;
- a trainer's server is JupyterLab in the cohort folder with nbgrader's formgrader; the
  trainers of a cohort share the folder through a group.

Homes are private (0700) and every account has its own nbgrader cache, so feedback and
submissions never mix. The hub's own state (database, cookie secret, ``hub.json``) lives in
a root-only folder outside the cohort. ``grading/jupyterhub_config.py`` reads ``hub.json``
through :func:`configure`::

    settings = write_hub_config(cohort_root, hub_dir, trainers=["anouk"])
    passwords = create_accounts(settings)
    process = grading.hub_server.start_hub(hub_dir)
"""

from __future__ import annotations

import asyncio
import grp
import json
import os
import pwd
import secrets
import subprocess
import sys
from pathlib import Path

from course.workspace import START_PAGE, update_lessons
from grading.cohort import CONFIG_NAME, Cohort
from grading.errors import TrainerError
from grading.hub_accounts import (
    add_group,
    chown_tree,
    create_account,
    private_home,
    remove_account,
    share_with_group,
)
from grading.hub_python import server_bin
from grading.messages import HubText as T

PROJECT_DIR = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
PROXY = PROJECT_DIR / "tools" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
HUB_CONFIG = Path(__file__).resolve().parent / "jupyterhub_config.py"
LEARNER_CONFIG_DIR = PROJECT_DIR / "course" / "jupyter"
SETTINGS_NAME = "hub.json"
WORKSPACE_NAME = "sleutelpersonen"
DEFAULT_HUB_DIR = Path("/var/lib/sleutelpersonen-hub")
# A learner's files are theirs alone; what a trainer makes in the cohort folder (gradebook,
# hand-ins, feedback) is for the cohort's trainer group, never for other accounts.
LEARNER_UMASK, TRAINER_UMASK = 0o077, 0o007


class HubError(TrainerError):
    """The hub cannot be set up or started; the message is Dutch, for the trainer."""


def trainer_group(course_id: str) -> str:
    """The system group of a cohort's trainers (it owns the cohort folder)."""
    return f"trainer-{course_id}"[:32]


def cohort_learners(cohort: Cohort) -> list[str]:
    """The learner ids in the cohort's gradebook (``trainer importeer-deelnemers``)."""
    from nbgrader.api import Gradebook

    if not cohort.has_gradebook:
        return []
    with Gradebook(cohort.gradebook_url, cohort.course_id) as gradebook:
        return sorted(student.id for student in gradebook.students)


def write_hub_config(
    cohort_root: Path,
    hub_dir: Path,
    trainers: list[str],
    learners: list[str] | None = None,
    ip: str = "127.0.0.1",
    port: int = 8000,
    database: str | None = None,
) -> dict:
    """Write ``hub.json`` (root only) for the cohort in ``cohort_root``; return the settings.

    ``learners`` default to the cohort's gradebook; the cohort must have an exchange.
    ``database`` is the hub's own database (a SQLAlchemy URL, e.g. PostgreSQL); without it
    the hub keeps a SQLite file in ``hub_dir``. The file is root-only, as it may hold the
    database password.
    """
    cohort = Cohort(cohort_root)
    exchange = cohort.exchange
    if exchange is None:
        raise HubError(T.NO_EXCHANGE.format(root=cohort.root))
    if cohort.settings.get("c.CourseDirectory.groupshared") is not True:
        cohort.change()  # a cohort from before group sharing: its config gets the setting
    learners = sorted(learners if learners is not None else cohort_learners(cohort))
    if not trainers:
        raise HubError(T.NO_TRAINERS)
    if not learners:
        raise HubError(T.NO_LEARNERS.format(root=cohort.root))
    both = set(learners) & set(trainers)
    if both:
        raise HubError(T.BOTH_ROLES.format(names=", ".join(sorted(both))))
    settings = {
        "cohort": str(cohort.root),
        "course_id": cohort.course_id,
        "exchange": str(exchange),
        "learners": learners,
        "trainers": sorted(trainers),
        "ip": ip,
        "port": port,
        "hub_dir": str(Path(hub_dir).resolve()),
        "db_url": hub_database(hub_dir, database),
    }
    hub_dir = Path(hub_dir)
    hub_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    hub_dir.chmod(0o700)
    path = hub_dir / SETTINGS_NAME
    path.write_text(json.dumps(settings, indent=2), encoding="utf-8")
    path.chmod(0o600)
    return settings


def hub_database(hub_dir: Path | str, url: str | None) -> str:
    """The hub's database URL: ``url`` (PostgreSQL or SQLite), or SQLite in ``hub_dir``."""
    if not url:
        return f"sqlite:///{Path(hub_dir).resolve() / 'jupyterhub.sqlite'}"
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        backend = ""
    if backend not in ("postgresql", "sqlite"):
        raise HubError(T.BAD_DATABASE.format(url=url))
    return url


def load_settings(hub_dir: Path | str) -> dict:
    """The settings :func:`write_hub_config` wrote."""
    return json.loads((Path(hub_dir) / SETTINGS_NAME).read_text(encoding="utf-8"))


def create_accounts(settings: dict, passwords: dict[str, str] | None = None) -> dict[str, str]:
    """Create the cohort's system accounts that do not exist yet; return their passwords.

    Every home is made private (0700). Trainers join the cohort's trainer group, which gets
    the cohort folder. The exchange is set up so that learners can hand in but not read each
    other's work (nbgrader's own modes on ``inbound`` and ``feedback``).
    """
    passwords = dict(passwords or {})
    group = trainer_group(settings["course_id"])
    add_group(group)
    made: dict[str, str] = {}
    for name in [*settings["learners"], *settings["trainers"]]:
        groups = [group] if name in settings["trainers"] else []
        password = passwords.get(name) or secrets.token_urlsafe(9)
        if create_account(name, password, groups):
            made[name] = password
        private_home(name)
    share_with_group(Path(settings["cohort"]), group)
    prepare_exchange(settings)
    return made


def remove_accounts(names: list[str], course_id: str | None = None) -> None:
    """Remove system accounts (and their homes); with ``course_id`` also the trainer group."""
    for name in names:
        remove_account(name)
    if course_id:
        subprocess.run(["groupdel", trainer_group(course_id)], capture_output=True)


# nbgrader's own modes for a group-shared course (``CourseDirectory.groupshared``): the
# trainers' group lists and reads the inbox and writes feedback; learners may only hand in
# (inbound), read releases (outbound) and fetch feedback whose secret name they know.
EXCHANGE_MODES = {"inbound": 0o2773, "outbound": 0o2775, "feedback": 0o2771}


def prepare_exchange(settings: dict) -> None:
    """The exchange root as nbgrader wants it (everyone may enter; a cohort's course folder
    belongs to its trainers, so only they release and collect). Folders made before, by
    root or without group sharing, get the group-shared modes too."""
    root = Path(settings["exchange"])
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o777 | 0o1000)  # nbgrader checks 0777; the sticky bit guards the courses
    course = root / settings["course_id"]
    course.mkdir(exist_ok=True)
    group = grp.getgrnam(trainer_group(settings["course_id"])).gr_gid
    for folder, mode in [(course, 0o2775), *((course / n, m) for n, m in EXCHANGE_MODES.items())]:
        folder.mkdir(exist_ok=True)
        os.chown(folder, os.stat(folder).st_uid, group)
        folder.chmod(mode)


# ----------------------------------------------------------------- the hub's side


def configure(c, hub_dir: Path | str) -> None:
    """Fill JupyterHub's config ``c`` from ``hub.json`` in ``hub_dir`` (the hub config)."""
    settings = load_settings(hub_dir)
    hub_dir = Path(hub_dir)
    port = int(settings["port"])
    c.JupyterHub.ip = settings["ip"]
    c.JupyterHub.port = port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = port + 1
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 2}"
    c.ConfigurableHTTPProxy.command = [str(PROXY)]
    c.JupyterHub.db_url = settings.get("db_url") or hub_database(hub_dir, None)
    c.JupyterHub.cookie_secret_file = str(hub_dir / "jupyterhub_cookie_secret")
    c.JupyterHub.authenticator_class = "pam"
    c.PAMAuthenticator.open_sessions = False  # no login records for a web login
    c.Authenticator.allowed_users = set(settings["learners"]) | set(settings["trainers"])
    c.Authenticator.admin_users = set()  # nobody may open another person's server
    c.JupyterHub.spawner_class = "localprocess"
    c.Spawner.cmd = server_command(LEARNER_UMASK)
    c.Spawner.start_timeout = 180
    c.Spawner.http_timeout = 180
    c.Spawner.pre_spawn_hook = lambda spawner: prepare_server(spawner, settings)
    c.JupyterHub.template_vars = {"announcement_login": T.LOGIN_ANNOUNCEMENT}


def server_command(umask: int) -> list[str]:
    """The command of a user's server: ``jupyterhub-singleuser`` under ``umask`` (the spawner
    appends its own arguments, which the shell passes on unchanged)."""
    python = str(server_bin() / "python")
    return [
        "/bin/sh",
        "-c",
        f'umask {umask:03o} && exec "$@"',
        "sh",
        python,
        "-m",
        "jupyterhub.singleuser",
    ]


def base_environment() -> dict[str, str]:
    """What every server needs: the course's own tools first on PATH (nbgrader's alembic),
    and the course environment's Jupyter folders (extensions, templates, JupyterLab), also
    when the server's Python is :mod:`grading.hub_python`'s small environment."""
    venv = VENV_BIN.parent
    return {
        "PATH": f"{server_bin()}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "JUPYTER_PATH": str(venv / "share" / "jupyter"),
        "JUPYTER_CONFIG_PATH": str(venv / "etc" / "jupyter"),
        "JUPYTERLAB_DIR": str(venv / "share" / "jupyter" / "lab"),
    }


def learner_environment(home: Path, workspace: Path, settings: dict) -> dict[str, str]:
    """The learner set-up of ``course/jupyter`` for a learner's server (as course/launch.py)."""
    data = home / ".sleutelpersonen"
    base = base_environment()
    return {
        **base,
        "JUPYTER_CONFIG_DIR": str(LEARNER_CONFIG_DIR),
        "JUPYTER_CONFIG_PATH": os.pathsep.join(
            [str(home / ".jupyter"), base["JUPYTER_CONFIG_PATH"]]
        ),
        "JUPYTER_PATH": os.pathsep.join([str(LEARNER_CONFIG_DIR), base["JUPYTER_PATH"]]),
        "JUPYTERLAB_SETTINGS_DIR": str(data / "jupyterlab" / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(data / "jupyterlab" / "workspaces"),
        "SLEUTELPERSONEN_HOME": str(data),
        "SLEUTELPERSONEN_WERKMAP": str(workspace),
        # The start page fetches released assignments from here (course/exchange_fetch.py).
        "SLEUTELPERSONEN_UITWISSELING": settings["exchange"],
        "SLEUTELPERSONEN_CURSUS": settings["course_id"],
    }


async def prepare_server(spawner, settings: dict) -> None:
    """Before a server starts: a learner's workspace and settings, or a trainer's cohort."""
    name = spawner.user.name
    home = Path(pwd.getpwnam(name).pw_dir)
    if name in settings["trainers"]:
        await asyncio.to_thread(write_trainer_config, home, name, settings)
        spawner.notebook_dir = settings["cohort"]
        spawner.default_url = "/lab"
        spawner.cmd = server_command(TRAINER_UMASK)
        spawner.environment = {**spawner.environment, **base_environment()}
        return
    workspace = home / WORKSPACE_NAME
    await asyncio.to_thread(prepare_learner, name, settings)
    spawner.notebook_dir = str(workspace)
    spawner.default_url = f"/voila/render/{START_PAGE}"
    spawner.cmd = server_command(LEARNER_UMASK)
    spawner.environment = {**spawner.environment, **learner_environment(home, workspace, settings)}


def write_trainer_config(home: Path, name: str, settings: dict) -> Path:
    """``~/.jupyter/nbgrader_config.py`` of a trainer: the cohort's config (formgrader)."""
    folder = home / ".jupyter"
    folder.mkdir(exist_ok=True)
    path = folder / CONFIG_NAME
    cohort_config = Path(settings["cohort"]) / CONFIG_NAME
    path.write_text(f"c = get_config()\nload_subconfig({str(cohort_config)!r})\n", "utf-8")
    chown_tree(folder, name)
    return path


def write_learner_config(home: Path, name: str, settings: dict) -> Path:
    """``~/.jupyter/nbgrader_config.py`` of a learner: the cohort's exchange and course id,
    the learner's own id and their own cache (never shared with another learner)."""
    from grading import NBGRADER_CONFIG

    folder = home / ".jupyter"
    folder.mkdir(exist_ok=True)
    cache = home / ".local" / "share" / "jupyter" / "nbgrader_cache"
    lines = [
        "c = get_config()",
        f"load_subconfig({str(NBGRADER_CONFIG)!r})",
        f"c.Exchange.root = {settings['exchange']!r}",
        f"c.CourseDirectory.course_id = {settings['course_id']!r}",
        f"c.CourseDirectory.student_id = {name!r}",
        f"c.Exchange.cache = {str(cache)!r}",
    ]
    path = folder / CONFIG_NAME
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chown_tree(folder, name)
    return path


def prepare_learner(name: str, settings: dict) -> Path:
    """The learner's workspace with the course's lessons (the start page fetches released
    assignments into it, see :mod:`course.exchange_fetch`)."""
    home = Path(pwd.getpwnam(name).pw_dir)
    workspace = home / WORKSPACE_NAME
    workspace.mkdir(exist_ok=True)
    update_lessons(workspace)
    write_learner_config(home, name, settings)
    chown_tree(workspace, name)
    return workspace


def run_as(
    name: str, command: list[str], cwd: Path, umask: int | None = None
) -> subprocess.CompletedProcess:
    """Run ``command`` as the system user ``name`` with their own home and settings (and,
    like a terminal in their server, that server's ``umask``)."""
    from jupyterhub.spawner import set_user_setuid  # what the hub does for a server

    become = set_user_setuid(name, chdir=False)

    def preexec() -> None:
        become()
        if umask is not None:
            os.umask(umask)

    account = pwd.getpwnam(name)
    base = base_environment()
    env = {
        **base,
        "HOME": account.pw_dir,
        "USER": name,
        "JUPYTER_CONFIG_PATH": os.pathsep.join(
            [str(Path(account.pw_dir) / ".jupyter"), base["JUPYTER_CONFIG_PATH"]]
        ),
    }
    if "PYTHONPATH" in os.environ:  # kept, as JupyterHub keeps it for the servers it starts
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
