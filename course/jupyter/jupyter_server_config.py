"""JupyterLab for learners (loaded because the launcher makes this folder JUPYTER_CONFIG_DIR).

Dutch interface, no news or update checks, the course stylesheet, and nbgrader's learner
tools only: the formgrader and the assignment-creation tools are for trainers.
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
    "nbgrader.server_extensions.assignment_list": True,
    "nbgrader.server_extensions.validate_assignment": True,
}
