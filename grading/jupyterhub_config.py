"""Example JupyterHub configuration for a training organisation (not used by the tests).

One Linux server runs JupyterHub for all cohorts. Copy this file to
``/etc/jupyterhub/jupyterhub_config.py``, fill in ``REPO``, ``ADMINS`` and ``COHORTS`` and
start ``jupyterhub -f /etc/jupyterhub/jupyterhub_config.py`` as root. It follows nbgrader's
"one class, multiple graders" and "multiple classes" set-ups (JupyterHub 4 or newer):

Roles
  * learners (deelnemers): Unix accounts, each with their own JupyterLab. They get the
    course's learner set-up (``course/jupyter``: Dutch interface, course stylesheet, only
    nbgrader's *Assignment List* and *Validate*) and a copy of the course notebooks.
    Group ``nbgrader-<cohort>``: nbgrader shows them that cohort's assignments.
  * trainers: Unix accounts with a plain JupyterLab (no learner set-up). Group
    ``formgrade-<cohort>`` gives them the formgrader of their cohorts.
  * grader service: per cohort one shared JupyterLab that runs as a service account
    ``grader-<cohort>``, in the cohort folder, so all trainers of a cohort grade in the same
    course folder and gradebook. The service's name is the cohort's nbgrader course id.

Exchange
  nbgrader's exchange is a folder on a volume all accounts share, ``EXCHANGE`` below:
  ``mkdir -p /srv/nbgrader/exchange && chmod 1777 /srv/nbgrader/exchange``. Put the
  nbgrader settings every account needs in ``/etc/jupyter/nbgrader_config.py``::

      from nbgrader.auth import JupyterHubAuthPlugin
      c = get_config()
      c.Exchange.root = "/srv/nbgrader/exchange"
      c.Exchange.path_includes_course = True
      c.Authenticator.plugin_class = JupyterHubAuthPlugin

  (With Kubernetes, Zero to JupyterHub, mount one shared volume at that path in every
  user pod, or use ngshare instead of a shared folder.)

Each cohort folder
  As the grader account, once per cohort (``~grader-<cohort>/<cohort>``)::

      python -c "from pathlib import Path; from grading.cohort import write_config; \\
        write_config(Path('cohort-2027'), \\
                     db_url='postgresql+psycopg://grader@db.example.nl/cijferboek_2027', \\
                     exchange=Path('/srv/nbgrader/exchange'), course_id='cohort-2027')"

  With several trainers, keep the gradebook in PostgreSQL (``db_url``): the formgrader and
  the command line then work on one database (see README, "Voor trainers").

Formgrader and JupyterHub 4.1+
  JupyterHub 4.1 forbids iframes across servers, and the formgrader panel is an iframe.
  Trainers open ``https://<hub>/services/<cohort>/formgrader`` in a browser tab, or set
  ``c.JupyterHub.enable_subdomains = True`` (needs a wildcard certificate).
"""

import os
import pwd
import shutil
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

# --- Fill these in -----------------------------------------------------------------------

# Where the Sleutelpersonen Werken repository is installed (with its .venv), readable by all.
REPO = Path("/opt/sleutelpersonen")
# The shared nbgrader exchange (must match Exchange.root in /etc/jupyter/nbgrader_config.py).
EXCHANGE = Path("/srv/nbgrader/exchange")
# Hub administrators (they manage accounts; they are not automatically trainers).
ADMINS = {"beheerder"}
# One entry per cohort: its trainers, its learners and a free local port for its formgrader.
# The key is the nbgrader course id of the cohort (write_config(..., course_id=...)).
COHORTS = {
    "cohort-2027": {
        "trainers": ["trainer-anouk", "trainer-bas"],
        "learners": ["samira", "tesfay", "karim", "olena"],
        "port": 9901,
    },
}

# --- Derived settings --------------------------------------------------------------------

VENV_BIN = REPO / ".venv" / "bin"
LEARNER_CONFIG = REPO / "course" / "jupyter"  # the learner JupyterLab set-up
COURSE_SOURCE = REPO / "course"
START_NOTEBOOK = "course/00-start-hier.ipynb"

LEARNERS = {name for cohort in COHORTS.values() for name in cohort["learners"]}
TRAINERS = {name for cohort in COHORTS.values() for name in cohort["trainers"]}
GRADERS = {f"grader-{course_id}" for course_id in COHORTS}

# Log in with the server's own Unix accounts (PAM). Any JupyterHub authenticator works;
# usernames must then match the ids in the cohort's learner list.
c.JupyterHub.authenticator_class = "pam"
c.Authenticator.allowed_users = LEARNERS | TRAINERS | GRADERS
c.Authenticator.admin_users = ADMINS

# Every user's own JupyterLab runs from the course's virtual environment.
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.environment = {"PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin"}

# --- Groups and roles --------------------------------------------------------------------

# nbgrader's JupyterHubAuthPlugin reads these names: "formgrade-<course id>" may grade,
# "nbgrader-<course id>" takes part. `nbgrader db student add` (or the import of learners)
# in the grader service also adds learners to "nbgrader-<course id>".
c.JupyterHub.load_groups = {"trainers": {"users": sorted(TRAINERS)}}
for course_id, cohort in COHORTS.items():
    c.JupyterHub.load_groups[f"formgrade-{course_id}"] = {
        "users": [*cohort["trainers"], f"grader-{course_id}"]
    }
    c.JupyterHub.load_groups[f"nbgrader-{course_id}"] = {"users": list(cohort["learners"])}

c.JupyterHub.load_roles = [
    # Trainers may look up accounts (name, groups, last activity) but cannot open a
    # learner's JupyterLab: no "admin:servers" and no "access:servers".
    {"name": "trainer", "groups": ["trainers"], "scopes": ["read:users", "list:users"]},
    # A user's server may act with its owner's permissions: nbgrader's course list and
    # assignment list ask the hub which cohorts (services) their user belongs to.
    {"name": "server", "scopes": ["inherit"]},
    # The grader services keep the "nbgrader-<cohort>" groups in line with the gradebook.
    {
        "name": "grader-service",
        "services": list(COHORTS),
        "scopes": ["list:users", "read:users", "read:users:groups", "groups", "read:groups"],
    },
]
for course_id in COHORTS:
    # Trainers of a cohort open its formgrader (the grader service) and nothing else.
    c.JupyterHub.load_roles.append(
        {
            "name": f"formgrade-{course_id}",
            "groups": [f"formgrade-{course_id}"],
            "scopes": [
                f"access:services!service={course_id}",
                "list:services",
                f"read:services!service={course_id}",
            ],
        }
    )
    # Learners of a cohort may see that the cohort exists (for the assignment list).
    c.JupyterHub.load_roles.append(
        {
            "name": f"nbgrader-{course_id}",
            "groups": [f"nbgrader-{course_id}"],
            "scopes": ["list:services", f"read:services!service={course_id}"],
        }
    )

# --- The grader service of each cohort ---------------------------------------------------

# A shared JupyterLab per cohort, started by the hub as the cohort's grader account, in the
# cohort folder (so nbgrader reads that cohort's nbgrader_config.py). Trainers use the
# formgrader there, and the trainer commands in its terminal. No learner set-up here.
c.JupyterHub.services = [
    {
        "name": course_id,
        "url": f"http://127.0.0.1:{cohort['port']}",
        "command": [
            str(VENV_BIN / "jupyterhub-singleuser"),
            f"--group=formgrade-{course_id}",
        ],
        "user": f"grader-{course_id}",
        "cwd": f"/home/grader-{course_id}/{course_id}",
        "environment": {
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin",  # nbgrader needs alembic
            "JUPYTERHUB_DEFAULT_URL": "/formgrader",
        },
    }
    for course_id, cohort in COHORTS.items()
]

# --- Learners get the course's learner JupyterLab ----------------------------------------


def learner_environment(home: Path) -> dict[str, str]:
    """What ``sleutelpersonen-start`` sets for a learner (see course/launch.py), per user.

    ``course/jupyter`` becomes the Jupyter config folder: Dutch interface, the course
    stylesheet, no formgrader or assignment-creation tools. The learner's own ``~/.jupyter``
    stays on the config path; settings and private course data stay in their home folder.
    """
    data = home / ".sleutelpersonen"
    return {
        "JUPYTER_CONFIG_DIR": str(LEARNER_CONFIG),
        "JUPYTER_CONFIG_PATH": str(home / ".jupyter"),
        "JUPYTERLAB_SETTINGS_DIR": str(data / "jupyterlab" / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(data / "jupyterlab" / "workspaces"),
        "SLEUTELPERSONEN_HOME": str(data),
    }


def copy_course(home: Path, owner: str) -> None:
    """Give a learner their own copy of the course notebooks, once (answers are saved
    next to the notebooks). Later course updates: use nbgitpuller, never overwrite."""
    target = home / "course"
    if target.exists():
        return
    shutil.copytree(
        COURSE_SOURCE, target, ignore=shutil.ignore_patterns("__pycache__", "jupyter", "*.py")
    )
    account = pwd.getpwnam(owner)
    for folder, _dirs, files in os.walk(target):
        for path in [folder, *(os.path.join(folder, name) for name in files)]:
            os.chown(path, account.pw_uid, account.pw_gid)


def prepare_server(spawner) -> None:
    """Before a user's JupyterLab starts: learners get the learner set-up, trainers do not."""
    name = spawner.user.name
    if name not in LEARNERS or name in TRAINERS:
        return
    home = Path(pwd.getpwnam(name).pw_dir)
    copy_course(home, name)
    spawner.environment = {**spawner.environment, **learner_environment(home)}
    # Open the start notebook in single-document mode, as on a laptop.
    spawner.default_url = f"/doc/tree/{START_NOTEBOOK}"


c.Spawner.pre_spawn_hook = prepare_server
