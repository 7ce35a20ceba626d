"""Answer widgets for graded closed questions, and the checks that hidden tests call.

A notebook's hidden setup cell makes one ``AnswerSheet``; each question cell shows a
widget with it, and each (hidden) test cell checks the saved answer::

    sheet = AnswerSheet("voorbeeldopdracht")      # setup cell
    sheet.single_choice(1, ["DigiD", "eHerkenning"])  # question cell
    sheet.require(1)                               # test cell, visible part
    sheet.check_choice(1, "DigiD")                 # test cell, hidden part

Answers live in ``<name>.antwoorden.json`` next to the notebook. A widget writes it only
when the learner changes the answer; on every run (also during nbgrader validate and
autograde) it shows the saved answer and prints ``Jouw antwoord: …`` as plain text, so
the line also lands in nbgrader's feedback. Tests read the file, never widget state.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course import messages as msg
from course.messages.app import AppText
from course.numbers import format_number, read_number
from course.storage import JsonStore

ANSWERS_SUFFIX = ".antwoorden.json"
ANSWER_CLASS = "sp-answer"


class NietBeantwoord(AssertionError):  # noqa: N818 - the class name is what learners read
    """A graded question has no saved answer (or the answers file is unreadable)."""


class NogNietGoed(AssertionError):  # noqa: N818 - the class name is what learners read
    """A graded question's saved answer is not the right one."""


def under_nbgrader() -> bool:
    """True while nbgrader validates or autogrades: there is no browser to show widgets."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


def describe(value) -> str:
    """A saved answer as the learner should read it back."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return format_number(float(value))
    if isinstance(value, list):
        return "; ".join(str(item) for item in value) if value else "(niets gekozen)"
    return str(value)


def normalise_text(text: str) -> str:
    """Compare short text answers without caring about case, spaces or a final full stop."""
    return " ".join(str(text).casefold().split()).strip(" .!?")


class AnswerSheet:
    """The answers of one notebook, stored in ``<name>.antwoorden.json`` beside it."""

    def __init__(self, name: str, folder: str | Path | None = None):
        self.name = name
        self.path = Path(folder or Path.cwd()).resolve() / f"{name}{ANSWERS_SUFFIX}"
        self.store = JsonStore(self.path)
        self._warned = False
        self._backup_reported = False
        self.widgets: dict[str, widgets.Widget] = {}
        self._reminders: dict[str, widgets.HTML] = {}
        self.statuses: dict[str, widgets.HTML] = {}

    # ----------------------------------------------------------------- reading
    def saved(self, question) -> object | None:
        """The saved answer to ``question``, or ``None``."""
        return self.store.load().get(str(question))

    def answer(self, question):
        """The saved answer; raises ``NietBeantwoord`` with a Dutch message when missing."""
        data = self.store.load()
        if self.store.problem is not None and not data:
            raise NietBeantwoord(
                msg.ANSWERS_CORRUPT_IN_TEST.format(file=self.path.name, question=question)
            )
        value = data.get(str(question))
        if value is None or value == "" or value == []:
            raise NietBeantwoord(msg.NOT_ANSWERED.format(question=question))
        return value

    def is_answered(self, question) -> bool:
        """Whether ``question`` has a saved, non-empty answer."""
        value = self.saved(question)
        return not (value is None or value == "" or value == [])

    def questions(self) -> list[str]:
        """The graded questions shown on this page so far, in the order they appeared."""
        return list(self.widgets)

    def missing(self) -> list[str]:
        """The questions on this page that have no saved answer yet."""
        return [question for question in self.widgets if not self.is_answered(question)]

    def require(self, question) -> None:
        """Check that ``question`` has an answer.

        While nbgrader validates or autogrades, a missing answer raises ``NietBeantwoord``
        (``Je hebt vraag N nog niet beantwoord.``). For a learner it never stops the page: it
        shows a soft reminder line that disappears as soon as the question is answered.
        """
        if under_nbgrader():
            self.answer(question)
            return
        reminder = widgets.HTML(self._reminder(question))
        self._reminders[str(question)] = reminder
        display(reminder)

    # ------------------------------------------------------------------ checks
    def _judge(self, question, correct: bool, explanation: str) -> None:
        """Pass (printing the explanation) or fail with a Dutch message that keeps other keys."""
        if not correct:
            message = msg.WRONG.format(question=question)
            raise NogNietGoed(f"{message} {explanation}".strip())
        if explanation:
            print(msg.RIGHT.format(question=question, explanation=explanation))

    def check_choice(self, question, expected: str, explanation: str = "") -> None:
        """Pass when the single-choice answer equals ``expected``."""
        if not under_nbgrader():
            return
        self._judge(question, self.answer(question) == expected, explanation)

    def check_choices(self, question, expected: Sequence[str], explanation: str = "") -> None:
        """Pass when exactly the options in ``expected`` were ticked."""
        if not under_nbgrader():
            return
        value = self.answer(question)
        correct = isinstance(value, list) and set(value) == set(expected)
        self._judge(question, correct, explanation)

    def check_number(
        self, question, expected: float, tolerance: float = 0.0, explanation: str = ""
    ) -> None:
        """Pass when the number is within ``tolerance`` of ``expected``."""
        if not under_nbgrader():
            return
        value = self.answer(question)
        correct = (
            not isinstance(value, bool)
            and isinstance(value, int | float)
            and abs(float(value) - expected) <= tolerance + 1e-9
        )
        self._judge(question, correct, explanation)

    def check_text(self, question, accepted: Sequence[str], explanation: str = "") -> None:
        """Pass when the text matches one of ``accepted`` (case and spaces ignored)."""
        if not under_nbgrader():
            return
        value = self.answer(question)
        correct = isinstance(value, str) and normalise_text(value) in {
            normalise_text(item) for item in accepted
        }
        self._judge(question, correct, explanation)

    # ----------------------------------------------------------------- widgets
    def single_choice(self, question, options: Sequence[str]) -> None:
        """Radio buttons: the learner picks one option."""
        saved = self._start(question)
        if saved is _HEADLESS:
            return
        value = saved if saved in options else None
        radio = widgets.RadioButtons(
            options=list(options),
            value=value,
            description=msg.QUESTION_LABEL.format(question=question),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )
        self._show(question, radio, saved, lambda change: change["new"])

    def multiple_choice(self, question, options: Sequence[str]) -> None:
        """Check boxes: the learner ticks one or more options."""
        saved = self._start(question)
        if saved is _HEADLESS:
            return
        ticked = set(saved) if isinstance(saved, list) else set()
        boxes = [
            widgets.Checkbox(
                value=option in ticked,
                description=option,
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            for option in options
        ]
        label = widgets.HTML(
            f"<strong>{msg.QUESTION_LABEL.format(question=question)}</strong> ({msg.MULTIPLE_HINT})"
        )
        group = widgets.VBox([label, *boxes])

        def current(_change):
            return [box.description for box in boxes if box.value]

        self._show(question, group, saved, current, sources=boxes)

    def number(self, question, unit: str | None = None) -> None:
        """A text box for a number, typed the Dutch way (12,50; 35,7%).

        ``2,000`` is not guessed: the learner is asked "Bedoel je 2.000 of 2?" and nothing is
        saved until the number is clear. Euro amounts are shown with two decimals.
        """
        euros = bool(unit) and unit.split()[0] == "euro"

        def show(value) -> str:
            if not isinstance(value, int | float) or isinstance(value, bool):
                return describe(value)
            text = format_number(float(value), decimals=2 if euros else None)
            return f"{text} {unit}" if unit else text

        saved = self._start(question, show)
        if saved is _HEADLESS:
            return
        shown = show(saved) if isinstance(saved, int | float) else ""
        box = widgets.Text(
            value=shown[: -len(unit) - 1] if unit and shown else shown,
            placeholder=msg.NUMBER_PLACEHOLDER,
            description=msg.QUESTION_LABEL.format(question=question),
            continuous_update=False,
            style={"description_width": "initial"},
        )
        parts = [box] + ([widgets.Label(unit)] if unit else [])

        def current(change):
            return read_number(change["new"])

        def line(value) -> str:
            return _line(value, show)

        self._show(question, widgets.HBox(parts), saved, current, sources=[box], line=line)

    def short_text(self, question) -> None:
        """A one-line text box for a short answer."""
        saved = self._start(question)
        if saved is _HEADLESS:
            return
        box = widgets.Text(
            value=saved if isinstance(saved, str) else "",
            placeholder=msg.TEXT_PLACEHOLDER,
            description=msg.QUESTION_LABEL.format(question=question),
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="30em"),
        )

        def current(change):
            return change["new"].strip() or None

        self._show(question, box, saved, current, sources=[box])

    def open_text(self, question, rows: int = 10) -> None:
        """A large text area for an open question; the text saves itself while typing.

        The saved text reaches nbgrader's manually graded answer cell before grading
        (``grading.preprocessors.FillOpenAnswers``), so the trainer grades it there.
        """
        saved = self._start(question)
        if saved is _HEADLESS:
            return
        area = widgets.Textarea(
            value=saved if isinstance(saved, str) else "",
            placeholder=AppText.OPEN_PLACEHOLDER,
            description=AppText.OPEN_LABEL.format(question=question),
            continuous_update=True,
            rows=rows,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="100%"),
        )
        area.add_class("sp-open")

        def current(change):
            return change["new"].strip() or None

        self._show(question, area, saved, current, line=_open_line)

    def finish(self) -> None:
        """The end of an assignment: "Is alles ingevuld?" and "Inleveren" (see course.finish)."""
        if under_nbgrader():
            return
        from course.finish import finish_widget

        display(finish_widget(self))

    # ---------------------------------------------------------------- plumbing
    def _start(self, question, show: Callable = None):
        """Load the saved answer; without a browser, only print it."""
        saved = self.saved(question)
        if self.store.problem is not None and not self._warned:
            self._warned = True
            print(msg.ANSWERS_CORRUPT)
        if under_nbgrader():
            print(_line(saved, show))
            return _HEADLESS
        return saved

    def _show(
        self,
        question,
        widget: widgets.Widget,
        saved,
        current: Callable,
        sources: Sequence[widgets.Widget] | None = None,
        line: Callable = None,
    ) -> None:
        line = line or _line
        widget.add_class(ANSWER_CLASS)
        self.widgets[str(question)] = widget
        # Widgets, not display updates: Voilà keeps widgets live, not earlier outputs.
        status = widgets.HTML(_status_html(line(saved)))
        status.add_class("sp-status")
        self.statuses[str(question)] = status
        display(widget, status)

        def on_change(change):
            try:
                value = current(change)
            except ValueError as problem:
                status.value = _status_html(str(problem))
                return
            self.store.update(str(question), value)
            text = line(value)
            if self.store.backup is not None and not self._backup_reported:
                self._backup_reported = True
                text += "\n" + msg.ANSWERS_BACKED_UP.format(backup=self.store.backup.name)
            status.value = _status_html(text)
            reminder = self._reminders.get(str(question))
            if reminder is not None:
                reminder.value = self._reminder(question)

        for source in sources or [widget]:
            source.observe(on_change, names="value")

    def status_text(self, question) -> str:
        """The line under a question's widget as the learner reads it (for tests and tools)."""
        status = self.statuses.get(str(question))
        return _plain(status.value) if status is not None else ""

    def reminder_text(self, question) -> str:
        """The soft reminder under a question's check ("" once it is answered)."""
        reminder = self._reminders.get(str(question))
        return _plain(reminder.value) if reminder is not None else ""

    def _reminder(self, question) -> str:
        if self.is_answered(question):
            return ""
        text = html.escape(AppText.REMINDER.format(question=question))
        return f'<p class="sp-reminder">{text}</p>'


_HEADLESS = object()


def _status_html(text: str) -> str:
    lines = "<br>".join(html.escape(line) for line in text.splitlines())
    return f'<span class="sp-status-line" role="status">{lines}</span>'


def _plain(value: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", value.replace("<br>", "\n")))


def _open_line(value) -> str:
    if not isinstance(value, str) or not value.strip():
        return AppText.OPEN_EMPTY
    words = len(value.split())
    return AppText.OPEN_SAVED_ONE if words == 1 else AppText.OPEN_SAVED.format(words=words)


def _line(value, show: Callable = None) -> str:
    if value is None or value == "" or value == []:
        return msg.NO_ANSWER_YET
    return msg.YOUR_ANSWER.format(answer=(show or describe)(value))
