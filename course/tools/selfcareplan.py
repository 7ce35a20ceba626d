"""The private self-care plan of module 2 ("Mijn zelfzorgplan").

The learner writes a personal plan: what gives and costs energy, their signals, limits and
sentences to say no, support people, what they do when signals appear and whom they call.
Like the self-check, the plan is private by design: it is saved only in the private folder
(``course.storage.private_folder()``), never in an assignment folder or next to a notebook;
it is never graded or handed in, and a visible button deletes it after a confirmation. A
print version (HTML and plain text) is written to the same private folder on request::

    plan = {"energy_givers": "Wandelen", "say_no": "Vandaag lukt het niet."}
    render_plan_text(plan)      # the plan as plain text
    render_plan_html(plan)      # a small printable HTML page

A lesson cell shows the form with ``selfcareplan_widget()``.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import ipywidgets as widgets

from course.facts import fact
from course.messages.module2 import SelfCarePlanText as T
from course.numbers import format_date
from course.storage import delete_private, private_folder, private_store, write_private_text
from course.widgets import DeleteConfirmation, display_private, status_html


@dataclass(frozen=True)
class PlanField:
    """One question of the plan; its Dutch label, help and placeholder are in the messages."""

    key: str
    rows: int = 3

    @property
    def label(self) -> str:
        return T.FIELDS[self.key][0]

    @property
    def help(self) -> str:
        return T.FIELDS[self.key][1]

    @property
    def placeholder(self) -> str:
        return T.FIELDS[self.key][2]


SHORT_FIELDS = ("huisarts", "who_i_call")
FIELDS = tuple(PlanField(key, rows=2 if key in SHORT_FIELDS else 3) for key in T.FIELDS)
REVIEW_OPTIONS = tuple((label, key) for key, label in T.REVIEW_OPTIONS.items())


PLAN_NAME = "zelfzorgplan"
REVIEW_KEY = "review"


def _review_label(value: str | None) -> str | None:
    return next((label for label, key in REVIEW_OPTIONS if key == value), None)


def clean_plan(raw) -> dict[str, str]:
    """Only the known, non-empty text fields (and the review choice) of a saved plan."""
    if not isinstance(raw, dict):
        return {}
    plan = {}
    for plan_field in FIELDS:
        value = raw.get(plan_field.key)
        if isinstance(value, str) and value.strip():
            plan[plan_field.key] = value
    if _review_label(raw.get(REVIEW_KEY)):
        plan[REVIEW_KEY] = raw[REVIEW_KEY]
    return plan


def always_lines() -> list[str]:
    """The fixed lines about 113, 112 and the huisartsenpost (numbers from the facts data)."""
    numbers = {
        "phone": fact("zelfmoordpreventie.telefoon").value,
        "phone_0800": fact("zelfmoordpreventie.telefoon_0800").value,
        "alarm": fact("noodnummer.alarm").value,
    }
    return [line.format(**numbers) for line in T.ALWAYS]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def is_empty(plan: dict) -> bool:
    """Whether the plan has no text at all."""
    return not any(plan.get(f.key, "").strip() for f in FIELDS)


def render_plan_text(plan: dict, made: date | None = None) -> str:
    """The plan as plain text, for printing or copying."""
    plan = clean_plan(plan)
    day = format_date(made or date.today())
    out = [T.TITLE.upper(), T.MADE_ON.format(day=day), ""]
    for plan_field in FIELDS:
        out.append(plan_field.label)
        lines = _lines(plan.get(plan_field.key, "")) or [T.NOTHING]
        out.extend(f"- {line}" for line in lines)
        out.append("")
    if REVIEW_KEY in plan:
        out += [T.REVIEW_LINE.format(when=_review_label(plan[REVIEW_KEY])), ""]
    out.append(T.ALWAYS_TITLE)
    out.extend(f"- {line}" for line in always_lines())
    return "\n".join(out) + "\n"


def render_plan_html(plan: dict, made: date | None = None) -> str:
    """The plan as a small, printable HTML page (every text escaped)."""
    plan = clean_plan(plan)
    day = format_date(made or date.today())
    sections = []
    for plan_field in FIELDS:
        lines = _lines(plan.get(plan_field.key, ""))
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        body = f"<ul>{items}</ul>" if lines else f"<p>{html.escape(T.NOTHING)}</p>"
        sections.append(f"<h2>{html.escape(plan_field.label)}</h2>{body}")
    if REVIEW_KEY in plan:
        when = T.REVIEW_LINE.format(when=_review_label(plan[REVIEW_KEY]))
        sections.append(f"<p><strong>{html.escape(when)}</strong></p>")
    always = "".join(f"<li>{html.escape(line)}</li>" for line in always_lines())
    sections.append(f"<h2>{html.escape(T.ALWAYS_TITLE)}</h2><ul>{always}</ul>")
    style = (
        "body{font-family:sans-serif;font-size:12pt;line-height:1.5;max-width:40em;margin:2em auto}"
        "h1{font-size:18pt}h2{font-size:13pt;margin-top:1.2em;border-bottom:1px solid #999}"
        "@media print{body{margin:0}}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{html.escape(T.TITLE)}</title><style>{style}</style></head><body>"
        f"<h1>{html.escape(T.TITLE)}</h1><p>{html.escape(T.MADE_ON.format(day=day))}</p>"
        f"{''.join(sections)}</body></html>\n"
    )


def export_plan(plan: dict, made: date | None = None) -> tuple[Path, Path]:
    """Write the print versions to the private folder; return (html file, text file)."""
    folder = private_folder()
    html_file = folder / f"{PLAN_NAME}.html"
    text_file = folder / f"{PLAN_NAME}.txt"
    write_private_text(html_file, render_plan_html(plan, made))
    write_private_text(text_file, render_plan_text(plan, made))
    return html_file, text_file


def download_link(page: str) -> str:
    """An HTML link that lets the browser save ``page`` as a file (no server involved)."""
    data = base64.b64encode(page.encode("utf-8")).decode("ascii")
    return (
        f'<a download="mijn-zelfzorgplan.html" style="text-decoration: underline" '
        f'href="data:text/html;charset=utf-8;base64,{data}">'
        f"<strong>{html.escape(T.DOWNLOAD)}</strong></a>"
    )


class SelfCarePlan:
    """The plan form: one text box per question, saved at once; export and delete buttons."""

    def __init__(self) -> None:
        self.store = private_store(PLAN_NAME)
        saved = self.store.load()
        problem = self.store.problem
        self.plan = clean_plan(saved.get("plan"))
        self._quiet = False

        header = widgets.HTML(
            f"<h3>{html.escape(T.TITLE)}</h3><p>{html.escape(T.INTRO)}</p>"
            f"<p>{html.escape(T.PRIVATE.format(folder=private_folder()))}</p>"
            f"<p>{html.escape(T.PRIVATE_HUB)}</p>"
            + (f"<p>{html.escape(T.UNREADABLE)}</p>" if problem else "")
        )
        parts: list[widgets.Widget] = [header]
        self.inputs: dict[str, widgets.Textarea] = {}
        for plan_field in FIELDS:
            common = {
                "value": self.plan.get(plan_field.key, ""),
                "description": plan_field.label,
                "placeholder": plan_field.placeholder,
                "style": {"description_width": "initial"},
                "layout": widgets.Layout(width="95%", flex_flow="column"),
            }
            box = widgets.Textarea(rows=plan_field.rows, **common)
            box.observe(self._changed(plan_field.key), names="value")
            self.inputs[plan_field.key] = box
            parts += [box, widgets.HTML(f"<p>{html.escape(plan_field.help)}</p>")]
        self.review = widgets.Dropdown(
            options=[(T.REVIEW_NONE, ""), *REVIEW_OPTIONS],
            value=self.plan.get(REVIEW_KEY, ""),
            description=T.REVIEW,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="28em"),
        )
        self.review.observe(self._changed(REVIEW_KEY), names="value")
        always = "".join(f"<li>{html.escape(line)}</li>" for line in always_lines())
        self.status = widgets.HTML()
        self.export_button = widgets.Button(
            description=T.EXPORT,
            button_style="primary",
            icon="print",
            layout=widgets.Layout(width="max-content"),
        )
        self.export_button.on_click(self.export)
        self.export_result = widgets.HTML()
        self.delete = DeleteConfirmation(T.DELETE_CONFIRM, self.delete_all, self.status)
        parts += [
            self.review,
            widgets.HTML(f"<h4>{html.escape(T.ALWAYS_TITLE)}</h4><ul>{always}</ul>"),
            self.export_button,
            self.export_result,
            self.delete.box,
            self.status,
        ]
        self.box = widgets.VBox(parts)
        self.box.add_class("sp-selfcareplan")

    def _changed(self, key: str):
        def on_change(change):
            if self._quiet:
                return
            # Re-read first, so two open copies of the form do not undo each other's work.
            plan = clean_plan(self.store.load().get("plan"))
            value = change["new"]
            if value is None or (isinstance(value, str) and not value.strip()):
                plan.pop(key, None)
            else:
                plan[key] = value
            self.plan = plan
            self.store.update("plan", dict(plan) or None)
            self.status.value = ""

        return on_change

    def export(self, _button=None, made: date | None = None) -> None:
        """Write the print versions to the private folder and offer a download link."""
        if is_empty(self.plan):
            self.export_result.value = status_html(T.EMPTY)
            return
        html_file, text_file = export_plan(self.plan, made)
        done = T.EXPORTED.format(html_file=html_file, text_file=text_file)
        self.export_result.value = (
            f'<div role="status"><p>{html.escape(done)}</p>'
            f"<p>{download_link(render_plan_html(self.plan, made))}</p>"
            f"<p>{html.escape(T.DOWNLOAD_NOTE)}</p></div>"
        )

    def delete_all(self) -> None:
        """Delete every private file of the plan (data, backups, print versions); empty the form."""
        delete_private(PLAN_NAME)
        self._quiet = True
        try:
            for box in self.inputs.values():
                box.value = ""
            self.review.value = ""
        finally:
            self._quiet = False
        self.plan = {}
        self.export_result.value = ""
        self.status.value = status_html(T.DELETED)


def selfcareplan_widget() -> None:
    """Show the private self-care plan in a lesson (nothing private appears as plain text)."""
    display_private(SelfCarePlan().box, T.PLAIN)
