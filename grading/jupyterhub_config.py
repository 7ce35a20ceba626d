"""JupyterHub configuration of a cohort's hub (JupyterHub 6, run as root).

Started by ``python -m grading.hub start COHORT --trainer NAAM`` (see README, "Voor
trainers"), which writes the cohort's settings to ``hub.json`` in the hub's own folder and
runs ``jupyterhub -f grading/jupyterhub_config.py`` with ``$SLEUTELPERSONEN_HUB`` naming
that folder. Everything is set by :func:`grading.hub.configure`:

- log in with the machine's accounts (PAM); only the cohort's learners and trainers;
- every server runs as its own user (LocalProcessSpawner, the hub runs as root);
- learners land on the course start page as an app page, in their own workspace with the
  released assignments fetched from the cohort's exchange; trainers on JupyterLab in the
  cohort folder, with nbgrader's formgrader;
- configurable-http-proxy from ``tools/hub`` (``make hub``).

Past one machine (Kubernetes, Zero to JupyterHub) the same roles apply; see README.
"""

import os

from grading.hub import configure

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file
configure(c, os.environ.get("SLEUTELPERSONEN_HUB", os.getcwd()))
