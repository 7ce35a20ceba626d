"""The learner's Jupyter server (loaded because the launcher makes this folder JUPYTER_CONFIG_DIR).

App pages (Voilà) for every lesson and assignment; JupyterLab in Dutch, with no news or
update checks and the course stylesheet, for learners who want it. None of nbgrader's
panels: they are English, and a learner checks and hands in inside the assignment page
("Is alles ingevuld?", "Inleveren"). The formgrader and the other tools are for trainers.
"""

from pathlib import Path

here = Path(__file__).resolve().parent

c.LabApp.app_settings_dir = str(here / "settings")  # holds overrides.json (Dutch, no news)
c.LabApp.custom_css = True  # serves custom/custom.css from this folder
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.ServerApp.jpserver_extensions = {
    "nbgrader.server_extensions.formgrader": False,
    "nbgrader.server_extensions.course_list": False,
    "nbgrader.server_extensions.assignment_list": False,
    "nbgrader.server_extensions.validate_assignment": False,
}

# App pages for learners: Voilà renders every lesson and assignment from the same server,
# with our template (Dutch, course stylesheet, no third-party requests) and without
# nbgrader's lab extensions, which do not work outside JupyterLab.
c.ServerApp.jpserver_extensions["voila"] = True
c.VoilaConfiguration.template = "sleutelpersonen"
c.VoilaConfiguration.theme = "light"
c.VoilaConfiguration.show_tracebacks = False
c.VoilaConfiguration.extension_denylist = [
    "@jupyter/nbgrader",
    "@jupyter-notebook/lab-extension",
    "@voila-dashboards/jupyterlab-preview",
    "@jupyterlab/extensionmanager-extension",
]


def _local_mathjax(page_config, *args, **kwargs):
    """Voilà loads MathJax from a CDN unless both options are "null" (then: its own copy)."""
    page_config["fullMathjaxUrl"] = "null"
    page_config["mathjaxConfig"] = "null"
    return page_config


c.VoilaConfiguration.page_config_hook = _local_mathjax
c.HTMLExporter.language_code = "nl"

# Every app page starts its own kernel. A page that was closed or left (its websocket gone)
# and has been idle for two minutes is shut down, so clicking through the course on a small
# laptop does not fill its memory; an open page keeps its kernel.
c.MappingKernelManager.cull_idle_timeout = 120
c.MappingKernelManager.cull_interval = 30
c.MappingKernelManager.cull_connected = False

# Widget outputs are never saved into a notebook (they would show "model not found" the
# next day in JupyterLab); answers are in the answers files.
from course.serverhooks import strip_widget_views  # noqa: E402

c.FileContentsManager.pre_save_hook = strip_widget_views
