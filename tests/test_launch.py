"""`make start`: JupyterLab for learners, Dutch and quiet, stopped cleanly."""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time

from conftest import COURSE, ROOT
from course.launch import CONFIG_DIR, free_port, lab_command, learner_environment, start_url


def test_lab_listens_on_loopback_and_opens_the_start_notebook():
    command = lab_command(ROOT, 8888, "course/00-start-hier.ipynb")
    assert "--ServerApp.ip=127.0.0.1" in command
    assert "--ServerApp.default_url=/doc/tree/course/00-start-hier.ipynb" in command
    url = start_url(8888, "geheim")
    assert url == "http://127.0.0.1:8888/doc/tree/course/00-start-hier.ipynb?token=geheim"


def test_environment_uses_the_course_config_and_keeps_the_learners_own(tmp_path):
    env = learner_environment({"PATH": "/usr/bin", "SLEUTELPERSONEN_HOME": str(tmp_path)})
    assert env["JUPYTER_CONFIG_DIR"] == str(CONFIG_DIR)
    assert env["JUPYTER_CONFIG_PATH"].endswith(".jupyter")
    assert env["JUPYTERLAB_SETTINGS_DIR"].startswith(str(tmp_path))
    assert env["PATH"].split(os.pathsep)[0] == os.path.dirname(sys.executable)


def test_settings_make_the_interface_dutch_and_quiet():
    overrides = json.loads((CONFIG_DIR / "settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "nl_NL"
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"checkForUpdates": False, "fetchNews": "false"}


def test_learners_get_no_trainer_tools():
    page_config = json.loads((CONFIG_DIR / "labconfig" / "page_config.json").read_text())
    disabled = page_config["disabledExtensions"]
    assert (
        disabled["@jupyter/nbgrader:formgrader"] and disabled["@jupyter/nbgrader:create-assignment"]
    )
    server = (CONFIG_DIR / "jupyter_server_config.py").read_text()
    assert '"nbgrader.server_extensions.formgrader": False' in server
    assert '"nbgrader.server_extensions.validate_assignment": True' in server


def test_course_stylesheet_marks_answers():
    css = (CONFIG_DIR / "custom" / "custom.css").read_text()
    assert ".sp-answer" in css and "jp-mod-readOnly" in css


def test_free_port_skips_a_busy_port():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert free_port(port) != port


def test_refuses_a_folder_without_the_course(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "course.launch", "--no-browser", f"--root={tmp_path}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "00-start-hier.ipynb staat niet in" in result.stderr


def test_start_prints_the_link_and_stopping_the_launcher_stops_jupyterlab(tmp_path):
    """Does the launcher print a tokened link, and does SIGTERM leave no server behind?"""
    port = free_port(18_900)
    env = dict(os.environ, JUPYTER_TOKEN="proef-token", SLEUTELPERSONEN_HOME=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-m", "course.launch", "--no-browser", f"--port={port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        lines = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not any("token=" in line for line in lines):
            lines.append(process.stdout.readline())
        assert (
            f"http://127.0.0.1:{port}/doc/tree/course/00-start-hier.ipynb?token=proef-token"
            in "".join(lines)
        )
        assert (COURSE / "00-start-hier.ipynb").exists()
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=40)
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def test_widget_state_is_not_saved_into_notebooks():
    """Private answers in widgets must not end up in a notebook file by default."""
    overrides = json.loads((CONFIG_DIR / "settings" / "overrides.json").read_text())
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": False}
