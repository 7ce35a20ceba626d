"""`make start`: the learner's server with app pages, Dutch and quiet, stopped cleanly."""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time

from conftest import ROOT
from course.launch import CONFIG_DIR, free_port, lab_command, learner_environment, start_url


def test_server_listens_on_loopback_and_opens_the_start_page_as_an_app_page(tmp_path):
    command = lab_command(tmp_path, 8888, "00-start-hier.ipynb")
    assert "--ServerApp.ip=127.0.0.1" in command
    assert f"--ServerApp.root_dir={tmp_path}" in command
    assert "--ServerApp.default_url=/voila/render/00-start-hier.ipynb" in command
    url = start_url(8888, "geheim")
    assert url == "http://127.0.0.1:8888/voila/render/00-start-hier.ipynb?token=geheim"


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


def test_learners_get_no_nbgrader_panels():
    """No formgrader, and none of nbgrader's English learner panels (Validate, Assignment List):
    learners check and hand in inside the assignment page."""
    page_config = json.loads((CONFIG_DIR / "labconfig" / "page_config.json").read_text())
    assert page_config["disabledExtensions"]["@jupyter/nbgrader"] is True
    server = (CONFIG_DIR / "jupyter_server_config.py").read_text()
    for extension in ("formgrader", "course_list", "assignment_list", "validate_assignment"):
        assert f'"nbgrader.server_extensions.{extension}": False' in server


def test_course_stylesheet_marks_answers():
    css = (CONFIG_DIR / "custom" / "custom.css").read_text()
    assert ".sp-answer" in css and "jp-mod-readOnly" in css


def test_free_port_skips_a_busy_port():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert free_port(port) != port


def test_refuses_a_workspace_inside_the_repository(tmp_path):
    """Learner work never lands inside the git checkout."""
    result = subprocess.run(
        [sys.executable, "-m", "course.launch", "--no-browser", f"--werkmap={ROOT / 'werk'}"],
        env=dict(os.environ, SLEUTELPERSONEN_HOME=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "ligt in de map van de cursus zelf" in result.stderr
    assert not (ROOT / "werk").exists()


def _start(tmp_path, port: int) -> subprocess.Popen:
    env = dict(os.environ, JUPYTER_TOKEN="proef-token", SLEUTELPERSONEN_HOME=str(tmp_path))
    workspace = tmp_path / "sleutelpersonen"
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "course.launch",
            "--no-browser",
            f"--port={port}",
            f"--werkmap={workspace}",
            "--geen-zelfstudie",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen, port: int) -> str:
    process.send_signal(signal.SIGTERM)
    rest, _ = process.communicate(timeout=40)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0
    return rest


def test_start_prints_the_link_quietly_and_stopping_stops_the_server(tmp_path):
    """A few Dutch lines and the link (the server's output goes to a log file); SIGTERM
    leaves no server behind; a second run keeps the learner's answers and progress."""
    for run in (1, 2):
        port = free_port(18_900)
        process = _start(tmp_path, port)
        try:
            lines = []
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not any("token=" in line for line in lines):
                lines.append(process.stdout.readline())
            link = f"http://127.0.0.1:{port}/voila/render/00-start-hier.ipynb?token=proef-token"
            assert link in "".join(lines)
            workspace = tmp_path / "sleutelpersonen"
            assert (workspace / "00-start-hier.ipynb").exists()
            assert not (workspace / "tests").exists() and not (workspace / "assignments").exists()
            answers = workspace / "00-start-hier.antwoorden.json"
            if run == 1:
                answers.write_text('{"1": "Samen met een groep"}', encoding="utf-8")
            else:
                assert json.loads(answers.read_text(encoding="utf-8")) == {
                    "1": "Samen met een groep"
                }
            output = "".join(lines) + _stop(process, port)
            assert len(output.strip().splitlines()) <= 10, output
            assert "[I " not in output and "Traceback" not in output
            assert (tmp_path / "cursus-server.log").stat().st_size > 0
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)


def test_widget_state_is_not_saved_into_notebooks():
    """Private answers in widgets must not end up in a notebook file by default."""
    overrides = json.loads((CONFIG_DIR / "settings" / "overrides.json").read_text())
    assert overrides["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": False}


def test_saving_drops_widget_outputs_so_the_next_day_shows_no_model_not_found():
    from course.serverhooks import WIDGET_VIEW, strip_widget_views

    view = {"output_type": "display_data", "data": {WIDGET_VIEW: {"model_id": "x"}}}
    text = {"output_type": "stream", "name": "stdout", "text": "Jouw antwoord: UWV"}
    model = {"type": "notebook", "content": {"cells": [{"outputs": [view, text]}, {}]}}
    strip_widget_views(model, path="x.ipynb")
    assert model["content"]["cells"][0]["outputs"] == [text]
    server = (CONFIG_DIR / "jupyter_server_config.py").read_text()
    assert "c.FileContentsManager.pre_save_hook = strip_widget_views" in server


def test_closed_pages_do_not_keep_their_kernels():
    """Each app page has a kernel: idle ones without a page are shut down."""
    server = (CONFIG_DIR / "jupyter_server_config.py").read_text()
    assert "c.MappingKernelManager.cull_idle_timeout = 120" in server
    assert "c.MappingKernelManager.cull_connected = False" in server
