"""Widget pieces shared by the lesson tools: status lines, problem lists, a guarded delete.

A tool never imports another tool; what two tools show the same way lives here::

    delete = DeleteConfirmation(T.DELETE_QUESTION, on_delete=self.delete_all)
    box = widgets.VBox([..., delete.box, delete.status])
    display_private(box, T.PLAIN)   # nothing private in the saved notebook
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import ipywidgets as widgets
from IPython.display import display

from course.messages import common as msg


def status_html(text: str) -> str:
    """One sentence announced to screen readers (``role="status"``), escaped."""
    return f'<p role="status">{html.escape(text)}</p>'


def problems_html(title: str, problems: Iterable[str], role: str = "alert") -> str:
    """A bold title and a list of problems to fix first, every text escaped."""
    items = "".join(f"<li>{html.escape(problem)}</li>" for problem in problems)
    return f'<div role="{role}"><p><strong>{html.escape(title)}</strong></p><ul>{items}</ul></div>'


@dataclass
class DeleteConfirmation:
    """A "Wis mijn gegevens" button that asks "Weet je het zeker?" before ``on_delete`` runs.

    ``on_delete`` deletes the tool's files, empties the form and sets ``status``; "Nee, toch
    niet" deletes nothing and says so.
    """

    confirm_text: str
    on_delete: Callable[[], None]
    status: widgets.HTML = field(default_factory=widgets.HTML)

    def __post_init__(self):
        auto = widgets.Layout(width="max-content")
        self.button = widgets.Button(
            description=msg.DELETE_BUTTON, button_style="danger", icon="trash", layout=auto
        )
        self.yes = widgets.Button(description=msg.DELETE_YES, button_style="danger", layout=auto)
        self.no = widgets.Button(description=msg.DELETE_NO, layout=auto)
        self.question = widgets.HTML(f"<p><strong>{html.escape(self.confirm_text)}</strong></p>")
        self.confirm = widgets.VBox([self.question, widgets.HBox([self.yes, self.no])])
        self.confirm.layout.display = "none"
        self.button.on_click(self.ask)
        self.yes.on_click(self._yes)
        self.no.on_click(self._no)
        self.box = widgets.VBox([self.button, self.confirm])

    def ask(self, _button=None) -> None:
        """Show the question and the two answers; nothing is deleted yet."""
        self.confirm.layout.display = None
        self.status.value = ""

    def _yes(self, _button=None) -> None:
        self.confirm.layout.display = "none"
        self.on_delete()

    def _no(self, _button=None) -> None:
        self.confirm.layout.display = "none"
        self.status.value = status_html(msg.NOT_DELETED)


def display_private(widget: widgets.Widget, plain: str) -> None:
    """Show ``widget`` without its ``repr`` as plain text.

    ipywidgets puts ``repr(widget)`` (which lists current values) in the ``text/plain`` part of
    the output, and JupyterLab saves that part in the notebook file. Private answers must not
    end up there, so the plain-text part is a fixed, neutral sentence.
    """
    bundle = {
        "application/vnd.jupyter.widget-view+json": {
            "version_major": 2,
            "version_minor": 0,
            "model_id": widget.model_id,
        },
        "text/plain": plain,
    }
    display(bundle, raw=True)
