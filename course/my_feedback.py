"""The page "Mijn feedback": the trainer's feedback on each assignment the learner handed in.

On a JupyterHub the page fetches the feedback the trainer released (``trainer feedback``)
from the cohort's exchange, as the learner, with nbgrader's own ``fetch_feedback`` (see
:mod:`course.exchange_fetch`); nbgrader only finds the feedback that belongs to this learner's
own submissions. Each assignment then gets a link to its newest feedback page (our Dutch
template, ``grading/templates/feedback``), served by the learner's own server under
``files/``. Without a hub the trainer sends feedback by e-mail, and the page says so::

    show_feedback()        # the page's one code cell
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from IPython.display import HTML, display

from course.catalog import Catalog, load_catalog
from course.exchange_fetch import exchange_settings, fetch_feedback, handed_in
from course.messages.app import FeedbackPageText as T
from course.numbers import format_date
from course.workspace import ASSIGNMENTS_DIR, workspace_root

PAGE = "mijn-feedback.ipynb"
# Where Voilà shows this page (``voila/render/mijn-feedback.ipynb``) and where the server
# serves plain files (``files/…``), both under the server's base URL.
FILES_FROM_PAGE = "../../files"


@dataclass(frozen=True)
class FeedbackItem:
    """The newest feedback of one assignment (``page`` is relative to the workspace)."""

    assignment: str
    title: str
    submitted: datetime | None
    page: str


def newest_feedback(root: Path, assignment: str) -> tuple[datetime | None, Path] | None:
    """The newest feedback page of ``assignment`` in the workspace, with its hand-in time.

    nbgrader puts it in ``opdrachten/<id>/feedback/<time of the submission>/<notebook>.html``.
    """
    folder = Path(root) / ASSIGNMENTS_DIR / assignment / "feedback"
    pages = sorted(folder.glob("*/*.html")) if folder.is_dir() else []
    if not pages:
        return None
    stamped = sorted(((_submitted(page.parent.name), page) for page in pages), key=_order)
    return stamped[-1]


def _submitted(name: str) -> datetime | None:
    """The hand-in time in nbgrader's folder name (``2027-01-12 10:31:22.123456 UTC``)."""
    try:
        return datetime.fromisoformat(name.removesuffix(" UTC"))
    except ValueError:
        return None


def _order(item: tuple[datetime | None, Path]) -> tuple[datetime, str]:
    return (item[0] or datetime.min, item[1].as_posix())


def feedback_items(root: Path, catalog: Catalog | None = None) -> list[FeedbackItem]:
    """Every assignment in the workspace with feedback, in course order."""
    titles = assignment_titles(catalog or load_catalog())
    folder = Path(root) / ASSIGNMENTS_DIR
    found = sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []
    order = list(titles)
    found.sort(key=lambda name: (order.index(name) if name in order else len(order), name))
    items = []
    for assignment in found:
        newest = newest_feedback(root, assignment)
        if newest is None:
            continue
        submitted, page = newest
        title = titles.get(assignment, assignment)
        items.append(FeedbackItem(assignment, title, submitted, page.relative_to(root).as_posix()))
    return items


def assignment_titles(catalog: Catalog) -> dict[str, str]:
    """Assignment id to title, in course order (modules, then the actualiteiten)."""
    modules = (*catalog.modules, *catalog.refreshers)
    return {a.id: a.title for module in modules for a in module.assignments}


def feedback_html(items: list[FeedbackItem], waiting: list[str], on_hub: bool) -> str:
    """The page's list: a link per assignment with feedback, a line per one still waiting."""
    parts = [f"<p>{html.escape(T.INTRO_HUB if on_hub else T.INTRO_LAPTOP)}</p>"]
    if items:
        parts.append(f"<p>{html.escape(T.HOW_TO_READ)}</p><ul class='sp-feedback-list'>")
        for item in items:
            href = f"{FILES_FROM_PAGE}/{quote(item.page)}"  # nbgrader's folder has spaces
            when = (
                f" {html.escape(T.HANDED_IN_ON.format(date=format_date(item.submitted.date())))}"
                if item.submitted
                else ""
            )
            parts.append(
                f'<li><a class="sp-nav-link" href="{html.escape(href)}" target="_blank" '
                f'rel="noopener">{html.escape(T.OPEN.format(title=item.title))}</a> '
                f"{html.escape(T.OPENS_NEW_TAB)}{when}</li>"
            )
        parts.append("</ul>")
    if waiting:
        parts.append("<ul>")
        parts.extend(f"<li>{html.escape(T.WAITING.format(title=title))}</li>" for title in waiting)
        parts.append("</ul>")
    if on_hub and not items and not waiting:
        parts.append(f"<p>{html.escape(T.NOTHING_HANDED_IN)}</p>")
    elif on_hub and not items:
        parts.append(f"<p>{html.escape(T.NONE_YET)}</p>")
    return f'<div class="sp-my-feedback" role="region" aria-live="polite">{"".join(parts)}</div>'


def show_feedback(root: Path | None = None, catalog: Catalog | None = None) -> None:
    """Fetch new feedback (on a hub) and show a link to each assignment's feedback."""
    root = workspace_root() if root is None else Path(root)
    catalog = catalog or load_catalog()
    on_hub = exchange_settings() is not None
    handed = handed_in(root) if on_hub else []
    fetch_feedback(root, handed)
    items = feedback_items(root, catalog)
    with_feedback = {item.assignment for item in items}
    titles = assignment_titles(catalog)
    waiting = [titles.get(a, a) for a in handed if a not in with_feedback]
    display(HTML(feedback_html(items, waiting, on_hub)))
