"""Practice questions for lessons: instant feedback with an explanation.

Questions live in ``<notebook>.oefenvragen.toml`` beside the lesson, so the answer key is
not part of the rendered page or the notebook's code. A lesson cell shows one with::

    oefen = PracticeSet("01-kaart-van-instanties")
    oefen.ask("1")

Each question has a *Controleer* button (keyboard: Tab, Space or Enter). A wrong answer
gets a hint and a second try; after the right answer or a second wrong one the
explanation is shown.
"""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course import messages as msg
from course.answers import normalise_text
from course.factfill import fill_text
from course.numbers import format_number, read_number

PRACTICE_SUFFIX = ".oefenvragen.toml"
KINDS = ("single", "multiple", "number", "text")


class PracticeFileError(ValueError):
    """A practice file is missing fields or has the wrong kind of answer (authoring error)."""


@dataclass(frozen=True)
class PracticeQuestion:
    """One practice question as written in the ``.oefenvragen.toml`` file."""

    id: str
    kind: str
    question: str
    answer: object
    explanation: str
    options: tuple[str, ...] = ()
    tolerance: float = 0.0
    hint: str = ""

    def is_correct(self, given) -> bool:
        """Whether ``given`` (as the widget returns it) is the right answer."""
        if given is None:
            return False
        if self.kind == "single":
            return given == self.answer
        if self.kind == "multiple":
            return set(given) == set(self.answer)
        if self.kind == "number":
            return abs(float(given) - float(self.answer)) <= self.tolerance + 1e-9
        accepted = self.answer if isinstance(self.answer, list) else [self.answer]
        return normalise_text(given) in {normalise_text(item) for item in accepted}

    def answer_text(self) -> str:
        """The right answer as a learner reads it."""
        if self.kind == "multiple":
            return "; ".join(self.answer)
        if self.kind == "number":
            return format_number(float(self.answer))
        if self.kind == "text" and isinstance(self.answer, list):
            return self.answer[0]
        return str(self.answer)


def parse_question(raw: dict, where: str) -> PracticeQuestion:
    """Validate one ``[[questions]]`` table; raise ``PracticeFileError`` naming the problem."""
    missing = [key for key in ("id", "kind", "question", "answer", "explanation") if key not in raw]
    if missing:
        raise PracticeFileError(f"{where}: missing {', '.join(missing)}")
    kind = raw["kind"]
    if kind not in KINDS:
        raise PracticeFileError(f"{where}: kind must be one of {KINDS}, not {kind!r}")
    options = tuple(raw.get("options", ()))
    answer = raw["answer"]
    if kind in ("single", "multiple") and len(options) < 2:
        raise PracticeFileError(f"{where}: a {kind} question needs at least two options")
    if kind == "single" and answer not in options:
        raise PracticeFileError(f"{where}: answer {answer!r} is not one of the options")
    if kind == "multiple" and not (isinstance(answer, list) and set(answer) <= set(options)):
        raise PracticeFileError(f"{where}: answer must be a list of options")
    if kind == "number" and not isinstance(answer, int | float):
        raise PracticeFileError(f"{where}: answer must be a number")
    return PracticeQuestion(
        id=str(raw["id"]),
        kind=kind,
        question=raw["question"],
        answer=answer,
        explanation=raw["explanation"],
        options=options,
        tolerance=float(raw.get("tolerance", 0.0)),
        hint=raw.get("hint", ""),
    )


def load_questions(path: Path) -> dict[str, PracticeQuestion]:
    """All practice questions in a file, by id (facts of the course year filled in)."""
    text = path.read_text(encoding="utf-8")
    if "{{" in text:
        text = fill_text(text, where=path.name)
    data = tomllib.loads(text)
    questions: dict[str, PracticeQuestion] = {}
    for index, raw in enumerate(data.get("questions", []), start=1):
        question = parse_question(raw, f"{path.name} question {index}")
        if question.id in questions:
            raise PracticeFileError(f"{path.name}: duplicate id {question.id!r}")
        questions[question.id] = question
    return questions


@dataclass
class PracticeSet:
    """The practice questions of one lesson notebook."""

    name: str
    folder: Path = field(default_factory=Path.cwd)

    def __post_init__(self):
        self.path = Path(self.folder) / f"{self.name}{PRACTICE_SUFFIX}"
        self.questions = load_questions(self.path)

    def ask(self, question_id: str) -> None:
        """Show practice question ``question_id`` with a check button and feedback area."""
        display(practice_widget(self.questions[str(question_id)]))


def practice_widget(question: PracticeQuestion) -> widgets.VBox:
    """The widget for one practice question (kept separate so tests can click it)."""
    label = msg.PRACTICE_LABEL.format(number=question.id)
    prompt = widgets.HTML(
        f"<p><strong>{html.escape(label)}.</strong> {html.escape(question.question)}</p>"
    )
    if question.kind == "single":
        field_ = widgets.RadioButtons(
            options=list(question.options), value=None, layout=widgets.Layout(width="auto")
        )
        read = lambda: field_.value  # noqa: E731
        inputs = [field_]
    elif question.kind == "multiple":
        inputs = [
            widgets.Checkbox(
                description=o, value=False, indent=False, layout=widgets.Layout(width="auto")
            )
            for o in question.options
        ]
        read = lambda: [box.description for box in inputs if box.value] or None  # noqa: E731
    else:
        field_ = widgets.Text(
            placeholder=msg.NUMBER_PLACEHOLDER
            if question.kind == "number"
            else msg.TEXT_PLACEHOLDER
        )
        inputs = [field_]

        def read():
            text = field_.value.strip()
            if not text:
                return None
            if question.kind != "number":
                return text
            return read_number(text)

    button = widgets.Button(description=msg.CHECK_BUTTON, button_style="primary")
    feedback = widgets.HTML("")
    attempts = {"wrong": 0}

    def on_click(_button):
        try:
            given = read()
        except ValueError as problem:
            feedback.value = _feedback_html("sp-hint", str(problem))
            return
        if given is None:
            feedback.value = _feedback_html("sp-hint", msg.CHOOSE_FIRST)
            return
        if question.is_correct(given):
            feedback.value = _feedback_html("sp-correct", msg.CORRECT, question.explanation)
            return
        attempts["wrong"] += 1
        if attempts["wrong"] == 1:
            extra = question.hint or msg.TRY_AGAIN
            feedback.value = _feedback_html("sp-wrong", msg.NOT_YET_CORRECT, extra)
        else:
            answer = msg.THE_ANSWER_IS.format(answer=question.answer_text())
            feedback.value = _feedback_html(
                "sp-wrong", msg.NOT_YET_CORRECT, f"{answer} {question.explanation}"
            )

    button.on_click(on_click)
    box = widgets.VBox([prompt, *inputs, button, feedback])
    box.add_class("sp-practice")
    return box


def _feedback_html(kind: str, title: str, text: str = "") -> str:
    body = f" {html.escape(text)}" if text else ""
    title_html = f"<strong>{html.escape(title)}</strong>"
    return f'<div class="sp-feedback {kind}" role="status">{title_html}{body}</div>'
