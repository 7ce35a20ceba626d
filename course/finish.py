"""The end of an assignment page: "Is alles ingevuld?" and "Inleveren".

The learner never meets nbgrader's English panels. "Is alles ingevuld?" lists, by number,
the questions without a saved answer. "Inleveren" hands the assignment in:

- through nbgrader's exchange, as the learner, when one is configured (a JupyterHub);
- otherwise as an inleverpakket (``course.handin``), offered as a download link and kept
  next to the assignment folder.
"""

from __future__ import annotations

import base64
import html
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets

from course.handin import (
    HandinError,
    exchange_course,
    make_handin,
    store_learner_id,
    stored_learner_id,
    submit_to_exchange,
)
from course.messages.app import AppText as T

# A download link carries the package inside the page; hand-in packages are small.
MAX_LINK_BYTES = 25 * 1024 * 1024


def join_numbers(numbers: list[str]) -> str:
    """``["3", "7", "21"]`` → ``"3, 7 en 21"``."""
    if len(numbers) <= 1:
        return "".join(numbers)
    return f"{', '.join(numbers[:-1])} {T.AND} {numbers[-1]}"


def completeness_text(sheet) -> str:
    """One Dutch line: which questions still lack an answer, or that all are answered."""
    missing = sheet.missing()
    if not missing:
        count = len(sheet.questions())
        return T.ALL_ANSWERED_ONE if count == 1 else T.ALL_ANSWERED.format(count=count)
    if len(missing) == 1:
        return T.MISSING_ONE.format(numbers=missing[0])
    return T.MISSING.format(numbers=join_numbers(missing))


def download_link(path: Path) -> str:
    """An ``<a download>`` link that carries the file itself (works in Voilà and JupyterLab)."""
    data = base64.b64encode(path.read_bytes()).decode("ascii")
    name = html.escape(path.name)
    return (
        f'<a class="sp-download" download="{name}" '
        f'href="data:application/zip;base64,{data}">{html.escape(T.PACKAGE_LINK.format(name=path.name))}</a>'
    )


def _status(lines: list[str], extra_html: str = "") -> str:
    body = "<br>".join(html.escape(line) for line in lines)
    return f'<div class="sp-finish-status" role="status">{body}{extra_html}</div>'


def finish_widget(sheet, folder: Path | None = None) -> widgets.VBox:
    """The two buttons and a status area at the end of an assignment page."""
    folder = Path(folder or sheet.path.parent)
    # Whether an exchange is configured is looked up on the first click: reading nbgrader's
    # configuration takes seconds, and the page must be ready at once.
    exchange: dict[str, str | None] = {}
    check = widgets.Button(description=T.CHECK_BUTTON, layout=widgets.Layout(width="auto"))
    handin = widgets.Button(
        description=T.HANDIN_BUTTON, button_style="primary", layout=widgets.Layout(width="auto")
    )
    anyway = widgets.Button(
        description=T.HANDIN_ANYWAY, layout=widgets.Layout(width="auto", display="none")
    )
    learner = widgets.Text(
        value=stored_learner_id(),
        description=T.ID_LABEL,
        placeholder=T.ID_PLACEHOLDER,
        style={"description_width": "initial"},
        layout=widgets.Layout(display="none"),
    )
    status = widgets.HTML(_status([]))

    def on_check(_button):
        status.value = _status([completeness_text(sheet)])

    def hand_in(_button=None):
        anyway.layout.display = "none"
        status.value = _status([T.BUSY])
        if "course" not in exchange:
            exchange["course"] = exchange_course(folder)
        course = exchange["course"]
        try:
            if course:
                submit_to_exchange(folder, course)
                when = datetime.now().strftime("%d-%m-%Y %H:%M")
                status.value = _status([T.SUBMITTED.format(when=when), T.SUBMITTED_AGAIN])
                return
            typed = learner.value.strip()
            result = make_handin(folder, typed)
            store_learner_id(typed)
        except HandinError as error:
            if not course:
                learner.layout.display = None  # the learner id is asked only when needed
            status.value = _status([str(error)])
            return
        link = ""
        if result.path.stat().st_size <= MAX_LINK_BYTES:
            link = f"<br>{download_link(result.path)}"
        lines = [T.PACKAGE_READY] if link else []
        status.value = _status(
            lines,
            link
            + "<br>"
            + html.escape(T.PACKAGE_SAVED.format(folder=result.path.parent))
            + "<br>"
            + html.escape(T.PACKAGE_SEND),
        )

    def on_handin(_button):
        missing = sheet.missing()
        if missing:
            status.value = _status(
                [T.MISSING_BEFORE_HANDIN.format(missing=completeness_text(sheet))]
            )
            anyway.layout.display = None
            return
        hand_in()

    check.on_click(on_check)
    handin.on_click(on_handin)
    anyway.on_click(hand_in)
    buttons = widgets.HBox([check, handin, anyway], layout=widgets.Layout(flex_flow="row wrap"))
    box = widgets.VBox([learner, buttons, status])
    box.add_class("sp-finish")
    return box
