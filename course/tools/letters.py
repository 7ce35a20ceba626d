"""Reading official letters: show a fictional letter and practise the five questions.

Every letter in a lesson is read with the same five questions: who sent it, what do they
want, by when, what happens if nothing is done, and what to do now. The letters and their
answer options live in ``course/data/brieven.toml``; a lesson cell shows one with::

    from course.letters import decode_letter, show_letter
    show_letter("olena-toeslagen")      # only the letter
    decode_letter("ahmed-cjib")         # the letter plus the five questions

The letters are fictional. Euro amounts in them are story amounts, not facts: each letter
lists them under ``story_amounts`` so the facts check can tell them apart.
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import ipywidgets as widgets
from IPython.display import HTML, display

from course import DATA_DIR
from course.messages.module1 import LetterText as T

LETTERS_FILE = DATA_DIR / "brieven.toml"

# The five questions, in the order a learner asks them.
QUESTION_KEYS = ("afzender", "wat", "wanneer", "gevolg", "actie")

EURO_AMOUNT = re.compile(r"€\s?\d[\d.]*(?:,\d{2})?")


class LetterFileError(ValueError):
    """The letters file is missing fields or has a wrong answer key (authoring error)."""


@dataclass(frozen=True)
class LetterQuestion:
    """One of the five questions for one letter."""

    key: str
    options: tuple[str, ...]
    answer: str
    hint: str
    explanation: str

    @property
    def text(self) -> str:
        return T.QUESTION_TEXT[self.key]


@dataclass(frozen=True)
class Letter:
    """A fictional letter and the answers to its five questions."""

    id: str
    title: str
    sender: str
    sender_lines: tuple[str, ...]
    recipient_lines: tuple[str, ...]
    date: str
    reference_lines: tuple[str, ...]
    subject: str
    salutation: str
    intro: tuple[str, ...]
    details: tuple[tuple[str, str], ...]
    body: tuple[str, ...]
    closing: str
    signature: tuple[str, ...]
    story_amounts: tuple[str, ...]
    questions: tuple[LetterQuestion, ...]

    def all_text(self) -> str:
        """Every text of the letter itself (not the questions), for checks."""
        parts = [
            self.sender,
            *self.sender_lines,
            *self.recipient_lines,
            self.date,
            *self.reference_lines,
            self.subject,
            self.salutation,
            *self.intro,
            *(f"{label} {value}" for label, value in self.details),
            *self.body,
            self.closing,
            *self.signature,
        ]
        return "\n".join(parts)


@dataclass(frozen=True)
class Feedback:
    """The feedback on one answer: ``status`` is "correct", "wrong" or "missing"."""

    key: str
    status: str
    title: str
    text: str = ""

    @property
    def correct(self) -> bool:
        return self.status == "correct"


def _strings(raw: dict, name: str, where: str) -> tuple[str, ...]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LetterFileError(f"{where}: {name} must be a list of texts")
    return tuple(value)


def parse_question(raw: dict, where: str) -> LetterQuestion:
    """Validate one ``[[letters.questions]]`` table."""
    missing = [k for k in ("key", "options", "answer", "hint", "explanation") if k not in raw]
    if missing:
        raise LetterFileError(f"{where}: missing {', '.join(missing)}")
    if raw["key"] not in QUESTION_KEYS:
        raise LetterFileError(f"{where}: key must be one of {QUESTION_KEYS}, not {raw['key']!r}")
    options = _strings(raw, "options", where)
    if len(options) < 2 or len(set(options)) != len(options):
        raise LetterFileError(f"{where}: needs at least two different options")
    if raw["answer"] not in options:
        raise LetterFileError(f"{where}: answer {raw['answer']!r} is not one of the options")
    return LetterQuestion(
        key=raw["key"],
        options=options,
        answer=raw["answer"],
        hint=raw["hint"],
        explanation=raw["explanation"],
    )


def parse_letter(raw: dict, where: str) -> Letter:
    """Validate one ``[[letters]]`` table; raise ``LetterFileError`` naming the problem."""
    required = ("id", "title", "sender", "date", "subject", "salutation", "closing", "questions")
    missing = [key for key in required if key not in raw]
    if missing:
        raise LetterFileError(f"{where}: missing {', '.join(missing)}")
    where = f"{where} ({raw['id']})"
    details = raw.get("details", [])
    if not all(
        isinstance(row, list) and len(row) == 2 and all(isinstance(x, str) for x in row)
        for row in details
    ):
        raise LetterFileError(f"{where}: every row of details must be [label, value]")
    questions = tuple(
        parse_question(q, f"{where} question {i}") for i, q in enumerate(raw["questions"], 1)
    )
    keys = tuple(q.key for q in questions)
    if keys != QUESTION_KEYS:
        raise LetterFileError(f"{where}: questions must be {QUESTION_KEYS} in this order")
    letter = Letter(
        id=str(raw["id"]),
        title=raw["title"],
        sender=raw["sender"],
        sender_lines=_strings(raw, "sender_lines", where),
        recipient_lines=_strings(raw, "recipient_lines", where),
        date=raw["date"],
        reference_lines=_strings(raw, "reference_lines", where),
        subject=raw["subject"],
        salutation=raw["salutation"],
        intro=_strings(raw, "intro", where),
        details=tuple((label, value) for label, value in details),
        body=_strings(raw, "body", where),
        closing=raw["closing"],
        signature=_strings(raw, "signature", where),
        story_amounts=_strings(raw, "story_amounts", where),
        questions=questions,
    )
    unlisted = set(amounts_in(letter.all_text())) - set(letter.story_amounts)
    if unlisted:
        raise LetterFileError(f"{where}: list {sorted(unlisted)} under story_amounts")
    return letter


def amounts_in(text: str) -> list[str]:
    """Euro amounts written in ``text`` (``€ 1.234,00``), as written."""
    return EURO_AMOUNT.findall(text)


def load_letters(path: Path = LETTERS_FILE) -> dict[str, Letter]:
    """All letters in the data file, by id."""
    with Path(path).open("rb") as handle:
        data = tomllib.load(handle)
    letters: dict[str, Letter] = {}
    for index, raw in enumerate(data.get("letters", []), start=1):
        letter = parse_letter(raw, f"{Path(path).name} letter {index}")
        if letter.id in letters:
            raise LetterFileError(f"{Path(path).name}: duplicate id {letter.id!r}")
        letters[letter.id] = letter
    return letters


def check_answer(question: LetterQuestion, given: str | None, wrong_before: int = 0) -> Feedback:
    """Feedback on one answer.

    A right answer gets the explanation. A first wrong answer gets the hint; after that,
    a wrong answer gets the right answer and the explanation.
    """
    if given is None:
        return Feedback(question.key, "missing", T.CHOOSE_FIRST)
    if given == question.answer:
        return Feedback(question.key, "correct", T.CORRECT, question.explanation)
    if wrong_before == 0:
        return Feedback(question.key, "wrong", T.NOT_YET_CORRECT, question.hint)
    answer = T.THE_ANSWER_IS.format(answer=question.answer)
    return Feedback(question.key, "wrong", T.NOT_YET_CORRECT, f"{answer} {question.explanation}")


def check_letter(
    letter: Letter, answers: dict[str, str | None], wrong_before: dict[str, int] | None = None
) -> list[Feedback]:
    """Feedback on all five answers, in question order."""
    wrong_before = wrong_before or {}
    return [
        check_answer(q, answers.get(q.key), wrong_before.get(q.key, 0)) for q in letter.questions
    ]


def score_line(feedback: list[Feedback]) -> str:
    """The summary under the button: how many answers are right."""
    right = sum(item.correct for item in feedback)
    if right == len(feedback):
        return T.ALL_RIGHT
    return T.SCORE_LINE.format(right=right, total=len(feedback))


def feedback_html(item: Feedback) -> str:
    """One feedback line as HTML (escaped), in the course's feedback style."""
    kind = {"correct": "sp-correct", "wrong": "sp-wrong", "missing": "sp-hint"}[item.status]
    body = f" {html.escape(item.text)}" if item.text else ""
    return (
        f'<div class="sp-feedback {kind}" role="status">'
        f"<strong>{html.escape(item.title)}</strong>{body}</div>"
    )


_CARD = (
    "border:1px solid #6b7280;border-radius:4px;background:#ffffff;color:#1f2937;"
    "padding:1.2em 1.5em;max-width:42em;font-family:Georgia,'Times New Roman',serif;"
    "line-height:1.45;margin:0.5em 0;"
)
_TAG = "font-family:sans-serif;font-size:0.85em;color:#374151;margin:0 0 0.8em 0;"


def letter_html(letter: Letter) -> str:
    """The letter as a card that looks like paper. Every text is escaped."""
    e = html.escape

    def lines(items) -> str:
        return "<br>".join(e(item) for item in items)

    def paragraphs(items) -> str:
        return "".join(f"<p>{e(item)}</p>" for item in items)

    parts = [
        f'<div class="sp-letter" role="article" aria-label="{e(letter.title)}" style="{_CARD}">',
        f'<p style="{_TAG}">{e(T.EXAMPLE_LABEL)}</p>',
        f'<p><strong style="font-size:1.15em">{e(letter.sender)}</strong>',
    ]
    if letter.sender_lines:
        parts.append(f"<br>{lines(letter.sender_lines)}")
    parts.append("</p>")
    if letter.recipient_lines:
        parts.append(f'<p style="margin-top:1.2em">{lines(letter.recipient_lines)}</p>')
    meta = [f"{T.DATE_LABEL} {letter.date}", *letter.reference_lines]
    parts.append(f'<p style="margin-top:1.2em">{lines(meta)}</p>')
    parts.append(f"<p><strong>{e(T.SUBJECT_LABEL)} {e(letter.subject)}</strong></p>")
    parts.append(f"<p>{e(letter.salutation)}</p>")
    parts.append(paragraphs(letter.intro))
    if letter.details:
        rows = "".join(
            f'<tr><td style="padding:0.1em 1.5em 0.1em 0;text-align:left">{e(label)}</td>'
            f'<td style="padding:0.1em 0">{e(value)}</td></tr>'
            for label, value in letter.details
        )
        parts.append(f'<table style="border-collapse:collapse;margin:0.5em 0">{rows}</table>')
    parts.append(paragraphs(letter.body))
    parts.append(f"<p>{e(letter.closing)}</p>")
    if letter.signature:
        parts.append(f"<p>{lines(letter.signature)}</p>")
    parts.append("</div>")
    return "".join(parts)


def decode_widget(letter: Letter) -> widgets.VBox:
    """The exercise: the letter, five questions with radio buttons, and a Controleer button.

    Kept separate from ``decode_letter`` so tests can set answers and click the button.
    """
    card = widgets.HTML(letter_html(letter))
    intro = widgets.HTML(f"<p>{html.escape(T.EXERCISE_INTRO)}</p>")
    choices: dict[str, widgets.RadioButtons] = {}
    feedback: dict[str, widgets.HTML] = {}
    rows = []
    for number, question in enumerate(letter.questions, start=1):
        label = T.QUESTION_LABEL.format(number=number)
        choice = widgets.RadioButtons(
            options=list(question.options),
            value=None,
            description=f"<strong>{html.escape(label)} {html.escape(question.text)}</strong>",
            description_allow_html=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", margin="0.8em 0 0 0"),
        )
        choices[question.key] = choice
        feedback[question.key] = widgets.HTML("")
        rows.append(widgets.VBox([choice, feedback[question.key]]))
    button = widgets.Button(description=T.CHECK_BUTTON, button_style="primary")
    summary = widgets.HTML("")
    wrong_before = {key: 0 for key in QUESTION_KEYS}

    def on_click(_button):
        answers = {key: choice.value for key, choice in choices.items()}
        results = check_letter(letter, answers, wrong_before)
        for item in results:
            feedback[item.key].value = feedback_html(item)
            if item.status == "wrong":
                wrong_before[item.key] += 1
        summary.value = f'<p role="status"><strong>{html.escape(score_line(results))}</strong></p>'

    button.on_click(on_click)
    box = widgets.VBox([card, intro, *rows, button, summary])
    box.add_class("sp-practice")
    box.add_class("sp-letter-exercise")
    return box


def show_letter(letter_id: str, path: Path = LETTERS_FILE) -> None:
    """Show one letter as a card (no questions)."""
    display(HTML(letter_html(load_letters(path)[letter_id])))


def decode_letter(letter_id: str, path: Path = LETTERS_FILE) -> None:
    """Show the 'brief ontcijferen' exercise for one letter."""
    display(decode_widget(load_letters(path)[letter_id]))
