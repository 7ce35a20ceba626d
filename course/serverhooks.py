"""Hooks for the learner's Jupyter server (wired in ``course/jupyter/jupyter_server_config.py``).

A widget's output in a saved notebook only points at a widget that lived in yesterday's
kernel: opened again it shows "Error displaying widget: model not found". Answers live in
the answers files, never in the notebook, so such outputs are dropped before saving.
"""

from __future__ import annotations

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def strip_widget_views(model: dict, **_kwargs) -> None:
    """``pre_save_hook``: remove widget-view outputs from a notebook before it is saved."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    for cell in model["content"].get("cells", []):
        outputs = cell.get("outputs")
        if not outputs:
            continue
        cell["outputs"] = [
            output for output in outputs if WIDGET_VIEW not in output.get("data", {})
        ]
