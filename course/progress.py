"""Lesson progress on the learner's own machine: a "done" button and an overview per module.

Progress lives in ``voortgang.json`` in the learner's data folder (``$SLEUTELPERSONEN_HOME``
or ``~/.sleutelpersonen``), outside every assignment folder, so it is never handed in.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from course import messages as msg
from course.catalog import Catalog, Lesson, Module, load_catalog
from course.exchange_fetch import fetch_released
from course.messages.app import AppText
from course.storage import JsonStore, learner_home
from course.workspace import START_PAGE, assignment_notebook, workspace_root


def progress_store() -> JsonStore:
    """The progress file: lesson id → ``{"done": true, "when": "…"}``."""
    return JsonStore(learner_home() / "voortgang.json")


def is_done(lesson_id: str, store: JsonStore | None = None) -> bool:
    """Whether the learner marked this lesson as done."""
    entry = (store or progress_store()).load().get(lesson_id)
    return bool(isinstance(entry, dict) and entry.get("done"))


def mark_done(lesson_id: str, done: bool = True, store: JsonStore | None = None) -> None:
    """Mark a lesson as done (or not done again)."""
    value = {"done": True, "when": datetime.now().isoformat(timespec="seconds")} if done else None
    (store or progress_store()).update(lesson_id, value)


@dataclass(frozen=True)
class ModuleProgress:
    """How far the learner is in one module."""

    number: int
    title: str
    done: int
    total: int
    available: int

    @property
    def line(self) -> str:
        name = f"Module {self.number}: {self.title}"
        if self.available == 0:
            return msg.PROGRESS_NONE_YET.format(module=name)
        return msg.PROGRESS_LINE.format(module=name, done=self.done, total=self.total)


def module_progress(catalog: Catalog | None = None) -> list[ModuleProgress]:
    """Progress for every module of the course."""
    catalog = catalog or load_catalog()
    saved = progress_store().load()
    result = []
    for module in catalog.modules:
        done = sum(
            1
            for lesson in module.lessons
            if isinstance(saved.get(lesson.id), dict) and saved[lesson.id].get("done")
        )
        available = sum(1 for lesson in module.lessons if lesson.available)
        result.append(
            ModuleProgress(module.number, module.title, done, len(module.lessons), available)
        )
    return result


def show_progress(catalog: Catalog | None = None) -> None:
    """Show a progress bar per module, with a plain-text line for screen readers and feedback."""
    rows = []
    lines = []
    for item in module_progress(catalog):
        label = html.escape(item.line)
        rows.append(
            f'<p class="sp-progress"><label>{label}<br>'
            f'<progress max="{item.total}" value="{item.done}">{item.done}/{item.total}'
            f"</progress></label></p>"
        )
        lines.append(item.line)
    display({"text/html": "".join(rows), "text/plain": "\n".join(lines)}, raw=True)


def done_button(lesson_id: str) -> None:
    """The button at the end of a lesson: "Ik heb deze les afgerond"."""
    store = progress_store()
    load_catalog().lesson(lesson_id)  # fail early on a typo in the lesson id
    toggle = widgets.ToggleButton(
        value=is_done(lesson_id, store),
        description=msg.MARK_DONE,
        icon="check",
        layout=widgets.Layout(width="auto"),
    )
    toggle.add_class("sp-done-button")
    status = widgets.HTML(_status(toggle.value))

    def on_change(change):
        mark_done(lesson_id, change["new"], store)
        status.value = _status(change["new"])

    toggle.observe(on_change, names="value")
    display(widgets.VBox([toggle, status]))


def _status(done: bool) -> str:
    return f'<span role="status">{msg.MARKED_DONE if done else ""}</span>'


def show_map(catalog: Catalog | None = None) -> None:
    """The course map: each module with its lessons (linked when available) and assignment."""
    catalog = catalog or load_catalog()
    saved = progress_store().load()
    root = workspace_root()
    fetch_released(root)  # on a JupyterHub: assignments the trainer released since last time
    parts = []
    for module in catalog.modules:
        items = []
        for lesson in module.lessons:
            title = html.escape(lesson.title)
            if lesson.available:
                done = isinstance(saved.get(lesson.id), dict) and saved[lesson.id].get("done")
                state = msg.LESSON_DONE if done else msg.LESSON_AVAILABLE
                items.append(
                    f'<li><a href="{html.escape(lesson.notebook)}">{title}</a> '
                    f"({lesson.minutes} minuten, {state})</li>"
                )
            else:
                items.append(f"<li>{title} ({lesson.minutes} minuten, {msg.LESSON_COMING})</li>")
        parts.append(
            f"<h3>Module {module.number}: {html.escape(module.title)}</h3>"
            f"<p>{html.escape(module.summary)}</p><ul>{''.join(items)}</ul>"
            f"{_assignment_items(module, root)}"
        )
    parts.append(f"<h3>Het keurmerk</h3><p>{html.escape(catalog.keurmerk)}</p>")
    for refresher in catalog.refreshers:
        items = "".join(
            f'<li><a href="{html.escape(lesson.notebook)}">{html.escape(lesson.title)}</a> '
            f"({lesson.minutes} minuten)</li>"
            if lesson.available
            else f"<li>{html.escape(lesson.title)} ({msg.LESSON_COMING})</li>"
            for lesson in refresher.lessons
        )
        parts.append(
            f"<h3>{html.escape(refresher.title)}</h3><p>{html.escape(refresher.summary)}</p>"
            f"<ul>{items}</ul>{_assignment_items(refresher, root)}"
        )
    display(HTML("".join(parts)))


def _assignment_items(module: Module, root: Path) -> str:
    """The module's assignments: a link when released in the workspace, else a plain line."""
    items = []
    for assignment in module.assignments:
        notebook = assignment_notebook(assignment.id, root)
        title = html.escape(assignment.title)
        if notebook is None:
            items.append(
                f"<li>{html.escape(AppText.ASSIGNMENT_FROM_TRAINER.format(title=assignment.title))}</li>"
            )
            continue
        target = notebook.relative_to(root).as_posix()  # the map is on the start page, at the root
        items.append(f'<li><a href="{html.escape(target)}">{title}</a></li>')
    if not items:
        return ""
    return f"<p>{html.escape(AppText.ASSIGNMENT_HEADING)}:</p><ul>{''.join(items)}</ul>"


def next_steps(lesson_id: str, catalog: Catalog | None = None) -> list[tuple[str, str]]:
    """(label, path relative to the workspace) for where to go after this lesson.

    The next lesson in the course; after a module's last lesson its assignment comes
    first when it is in the workspace.
    """
    catalog = catalog or load_catalog()
    root = workspace_root()
    steps: list[tuple[str, str]] = []
    for group in (catalog.modules, catalog.refreshers):
        lessons: list[tuple[Module, Lesson]] = [(m, le) for m in group for le in m.lessons]
        for index, (module, lesson) in enumerate(lessons):
            if lesson.id != lesson_id:
                continue
            if index + 1 == len(lessons) or lessons[index + 1][0] is not module:
                for assignment in module.assignments:
                    notebook = assignment_notebook(assignment.id, root)
                    if notebook is not None:
                        label = AppText.NEXT_ASSIGNMENT.format(title=assignment.title)
                        steps.append((label, notebook.relative_to(root).as_posix()))
            if index + 1 < len(lessons) and lessons[index + 1][1].available:
                following = lessons[index + 1][1]
                steps.append(
                    (AppText.NEXT_LESSON.format(title=following.title), following.notebook)
                )
    steps.append((AppText.TO_OVERVIEW, START_PAGE))
    return steps


def lesson_footer(lesson_id: str) -> None:
    """The end of every lesson: "Ik heb deze les afgerond", the next lesson and the overview.

    Links are relative to the lesson, so they work in the app pages and in JupyterLab.
    """
    lesson = load_catalog().lesson(lesson_id)
    done_button(lesson_id)
    here = posixpath.dirname(lesson.notebook) or "."
    links = []
    for label, target in next_steps(lesson_id):
        href = posixpath.relpath(target, here)
        links.append(f'<a class="sp-nav-link" href="{html.escape(href)}">{html.escape(label)}</a>')
    label = html.escape(AppText.NAV_LABEL)
    display(HTML(f'<nav class="sp-nav" aria-label="{label}">{"".join(links)}</nav>'))
