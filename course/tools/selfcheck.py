"""The private self-check of module 2: the Copenhagen Burnout Inventory (CBI), freely translated.

Privacy by design (DESIGN.md decision 5): the answers stay on the learner's machine, in the
private folder ``<learner home>/privé`` (``course.storage``), outside every assignment folder
and never next to a notebook. They are never graded and never handed in. A visible button
deletes them (after a confirmation). The widget shows nothing private as plain text, so a
saved notebook holds no answers either (see ``course.widgets.display_private``).

The questions, answer scales and source live in ``course/data/zelftest.toml``. Scoring follows
the CBI: each answer is worth 100, 75, 50, 25 or 0 (reversed for one question), and each of the
three scales scores the mean of its answered questions, 0-100. There are no validated cut-off
scores (facts-2026 2.3.6), so results are described, never judged::

    questionnaire = load_questionnaire()
    results = score_all(questionnaire, {"p1": "often", "p2": "sometimes", ...})

On a JupyterHub (the organisation's server, where its administrators can read every file)
the form stores nothing until the learner ticks "Bewaar mijn antwoorden op de server",
after a line that says who can read a stored file; unticking it erases what was stored. A
learner who stored answers earlier keeps that choice.

A lesson cell shows the form with ``selfcheck_widget()``. The private folder belongs to
``course.storage``; the delete button and the private display to ``course.widgets``.
"""

from __future__ import annotations

import html
import math
import os
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import ipywidgets as widgets

from course import DATA_DIR
from course.facts import fact
from course.messages.module2 import SelfCheckText as T
from course.numbers import format_date
from course.storage import delete_private, private_folder, private_store
from course.widgets import DeleteConfirmation, display_private, status_html

SELFCHECK_NAME = "zelftest"
# JupyterHub sets this in every server it spawns (and so in every kernel of that server).
HUB_ENV = "JUPYTERHUB_USER"
SELFCHECK_FILE = DATA_DIR / "zelftest.toml"
HISTORY_LIMIT = 24


# The questionnaire (data) and its scoring (pure functions)


class SelfCheckFileError(ValueError):
    """The questionnaire data file is malformed (authoring error)."""


@dataclass(frozen=True)
class AnswerOption:
    key: str
    label: str
    score: int


@dataclass(frozen=True)
class Scale:
    id: str
    title: str
    intro: str
    about: str
    min_answers: int


@dataclass(frozen=True)
class Item:
    id: str
    scale: str
    answers: str
    text: str
    original: str
    reverse: bool = False


@dataclass(frozen=True)
class Questionnaire:
    instrument: dict
    answer_sets: dict[str, tuple[AnswerOption, ...]]
    scales: tuple[Scale, ...]
    items: tuple[Item, ...]

    def items_of(self, scale_id: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scale == scale_id)

    def item(self, item_id: str) -> Item:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def options(self, item: Item) -> tuple[AnswerOption, ...]:
        return self.answer_sets[item.answers]


def parse_questionnaire(data: dict) -> Questionnaire:
    """Validate the parsed ``zelftest.toml``; raise ``SelfCheckFileError`` naming the problem."""
    try:
        answer_sets = {
            name: tuple(AnswerOption(o["key"], o["label"], int(o["score"])) for o in raw["options"])
            for name, raw in data["answers"].items()
        }
        scales = tuple(
            Scale(s["id"], s["title"], s["intro"], s["about"], int(s["min_answers"]))
            for s in data["scales"]
        )
        items = tuple(
            Item(
                i["id"],
                i["scale"],
                i["answers"],
                i["text"],
                i["original"],
                bool(i.get("reverse", False)),
            )
            for i in data["items"]
        )
        instrument = dict(data["instrument"])
    except (KeyError, TypeError) as error:
        raise SelfCheckFileError(f"missing or malformed field: {error}") from error
    for name, options in answer_sets.items():
        if sorted(o.score for o in options) != [0, 25, 50, 75, 100]:
            raise SelfCheckFileError(f"answer set {name}: scores must be 0, 25, 50, 75 and 100")
        if len({o.key for o in options}) != len(options):
            raise SelfCheckFileError(f"answer set {name}: duplicate keys")
    scale_ids = [s.id for s in scales]
    item_ids = [i.id for i in items]
    if len(set(item_ids)) != len(item_ids) or len(set(scale_ids)) != len(scale_ids):
        raise SelfCheckFileError("duplicate item or scale id")
    for item in items:
        if item.scale not in scale_ids:
            raise SelfCheckFileError(f"item {item.id}: unknown scale {item.scale!r}")
        if item.answers not in answer_sets:
            raise SelfCheckFileError(f"item {item.id}: unknown answer set {item.answers!r}")
    for scale in scales:
        count = sum(1 for item in items if item.scale == scale.id)
        if not 1 <= scale.min_answers <= count:
            raise SelfCheckFileError(f"scale {scale.id}: min_answers must be 1..{count}")
    for key in ("name", "citation", "source", "use", "translation"):
        if not instrument.get(key):
            raise SelfCheckFileError(f"instrument: missing {key}")
    return Questionnaire(instrument, answer_sets, scales, items)


@cache
def load_questionnaire(path: Path = SELFCHECK_FILE) -> Questionnaire:
    """The questionnaire from ``course/data/zelftest.toml``."""
    with path.open("rb") as handle:
        return parse_questionnaire(tomllib.load(handle))


def item_score(questionnaire: Questionnaire, item_id: str, key: str) -> int:
    """The CBI score (0-100) of one answer; reversed questions count 100 minus the score."""
    item = questionnaire.item(item_id)
    for option in questionnaire.options(item):
        if option.key == key:
            return 100 - option.score if item.reverse else option.score
    raise ValueError(f"{key!r} is not an answer to question {item_id}")


def clean_answers(questionnaire: Questionnaire, raw) -> dict[str, str]:
    """Only the valid answers of a saved answers object (unknown ids or keys are dropped)."""
    if not isinstance(raw, dict):
        return {}
    clean = {}
    for item in questionnaire.items:
        key = raw.get(item.id)
        if any(option.key == key for option in questionnaire.options(item)):
            clean[item.id] = key
    return clean


@dataclass(frozen=True)
class ScaleResult:
    """The outcome of one scale: ``score`` is ``None`` while too few questions are answered."""

    scale: Scale
    score: float | None
    answered: int
    total: int


def score_scale(questionnaire: Questionnaire, scale_id: str, answers: dict) -> ScaleResult:
    """Mean score (0-100) of the answered questions of one scale, as in the CBI."""
    scale = next(s for s in questionnaire.scales if s.id == scale_id)
    items = questionnaire.items_of(scale_id)
    scores = [
        item_score(questionnaire, item.id, answers[item.id]) for item in items if item.id in answers
    ]
    score = sum(scores) / len(scores) if len(scores) >= scale.min_answers else None
    return ScaleResult(scale, score, len(scores), len(items))


def score_all(questionnaire: Questionnaire, answers: dict) -> list[ScaleResult]:
    """One result per scale, in the order of the data file."""
    answers = clean_answers(questionnaire, answers)
    return [score_scale(questionnaire, scale.id, answers) for scale in questionnaire.scales]


def whole(score: float) -> int:
    """A score rounded half up to a whole number (62.5 -> 63)."""
    return int(math.floor(score + 0.5))


def nearest_words(questionnaire: Questionnaire, scale_id: str, score: float) -> str:
    """The answer labels closest to a score, for the answer sets of one scale.

    50 gives "'soms' of 'een beetje'" for a scale with both kinds of questions. This only
    translates the mean back into the words of the questions; it is not a judgement.
    """
    if not 0 <= score <= 100:
        raise ValueError(f"score must be 0-100, not {score}")
    anchor = 25 * int(math.floor(score / 25 + 0.5))
    names = dict.fromkeys(item.answers for item in questionnaire.items_of(scale_id))
    labels = [
        option.label.lower()
        for name in names
        for option in questionnaire.answer_sets[name]
        if option.score == anchor
    ]
    return " of ".join(f"'{label}'" for label in labels)


def describe(questionnaire: Questionnaire, result: ScaleResult) -> list[str]:
    """Plain Dutch sentences about one scale's result (no judgement: there is no cut-off)."""
    if result.score is None:
        if result.answered == 0:
            return [T.RESULT_NONE]
        missing = result.scale.min_answers - result.answered
        return [T.RESULT_NEED_MORE.format(missing=missing)]
    lines = [
        T.RESULT_SCORE.format(score=whole(result.score)),
        T.RESULT_WORD.format(words=nearest_words(questionnaire, result.scale.id, result.score)),
    ]
    if result.answered < result.total:
        lines.append(T.RESULT_PARTIAL.format(answered=result.answered, total=result.total))
    lines.append(result.scale.about)
    return lines


def crisis_text() -> str:
    """The 113 sentence, with both numbers from the facts data."""
    return T.CRISIS.format(
        phone=fact("zelfmoordpreventie.telefoon").value,
        phone_0800=fact("zelfmoordpreventie.telefoon_0800").value,
    )


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


def render_results(questionnaire: Questionnaire, results: list[ScaleResult]) -> str:
    """The result area as HTML: per scale a score and words, then what it means and where to go."""
    parts = [f"<h4>{html.escape(T.RESULT_TITLE)}</h4>"]
    if all(result.answered == 0 for result in results):
        parts.append(_p(T.RESULT_START))
    else:
        for result in results:
            lines = describe(questionnaire, result)
            parts.append(
                f"<p><strong>{html.escape(result.scale.title)}</strong><br>"
                f"{html.escape(' '.join(lines))}</p>"
            )
        parts.append(f"<h4>{html.escape(T.MEANING_TITLE)}</h4>")
        parts.extend(_p(text) for text in T.MEANING)
    parts.append(f"<p><strong>{html.escape(T.NOT_A_DIAGNOSIS_LONG)}</strong></p>")
    parts.append(_p(T.HUISARTS))
    parts.append(f"<p><strong>{html.escape(crisis_text())}</strong></p>")
    return f'<div class="sp-selfcheck-result" role="status">{"".join(parts)}</div>'


def history_entry(results: list[ScaleResult], today: date | None = None) -> dict | None:
    """A dated record of the scores, or ``None`` when no scale has a score yet."""
    scores = {r.scale.id: whole(r.score) for r in results if r.score is not None}
    if not scores:
        return None
    return {"date": (today or date.today()).isoformat(), **scores}


def clean_history(raw) -> list[dict]:
    """The saved history entries that are well-formed."""
    if not isinstance(raw, list):
        return []
    entries = []
    for entry in raw:
        if isinstance(entry, dict) and isinstance(entry.get("date"), str):
            try:
                date.fromisoformat(entry["date"])
            except ValueError:
                continue
            entries.append(entry)
    return entries[-HISTORY_LIMIT:]


def render_history(questionnaire: Questionnaire, history: list[dict]) -> str:
    """The saved results as a small table (newest last)."""
    if not history:
        return ""
    head = "".join(
        f"<th>{html.escape(s.title.split(': ', 1)[-1])}</th>" for s in questionnaire.scales
    )
    rows = []
    for entry in history:
        day = format_date(date.fromisoformat(entry["date"]))
        cells = "".join(
            f"<td>{html.escape(str(entry.get(s.id, '-')))}</td>" for s in questionnaire.scales
        )
        rows.append(f"<tr><td>{html.escape(day)}</td>{cells}</tr>")
    return (
        f"<h4>{html.escape(T.HISTORY_TITLE)}</h4>"
        f"<table><thead><tr><th>{html.escape(T.HISTORY_DATE)}</th>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


# The widget


class SelfCheck:
    """The self-check form: questions, an immediate result, save and delete buttons."""

    def __init__(self, questionnaire: Questionnaire | None = None) -> None:
        self.questionnaire = questionnaire or load_questionnaire()
        self.store = private_store(SELFCHECK_NAME)
        self.on_hub = bool(os.environ.get(HUB_ENV))
        # On a hub nothing is stored unless the learner chose it (a stored file says they did).
        self.keep = not self.on_hub or self.store.path.exists()
        saved = self.store.load() if self.keep else {}
        problem = self.store.problem
        self.answers = clean_answers(self.questionnaire, saved.get("answers"))
        self.history = clean_history(saved.get("history"))
        self._quiet = False

        q = self.questionnaire
        info = q.instrument
        header = widgets.HTML(
            f"<h3>{html.escape(T.TITLE)}</h3>{_p(T.INTRO)}"
            f"<p><strong>{html.escape(T.NOT_A_DIAGNOSIS)}</strong></p>"
            + (
                _p(T.HUB_NOT_STORED) + _p(T.HUB_WHO_READS)
                if self.on_hub
                else _p(T.PRIVATE.format(folder=private_folder())) + _p(T.PRIVATE_HUB)
            )
            + (_p(T.UNREADABLE) if problem else "")
        )
        self.radios: dict[str, widgets.RadioButtons] = {}
        parts: list[widgets.Widget] = [header]
        self.keep_box = widgets.Checkbox(
            value=self.keep, description=T.HUB_KEEP, indent=False, layout={"width": "auto"}
        )
        self.keep_box.observe(self._keep_changed, names="value")
        self.keep_status = widgets.HTML()
        if self.on_hub:
            parts += [self.keep_box, self.keep_status]
        number = 0
        for scale in q.scales:
            parts.append(widgets.HTML(f"<h4>{html.escape(scale.title)}</h4>{_p(scale.intro)}"))
            for item in q.items_of(scale.id):
                number += 1
                prompt = widgets.HTML(f"<p><strong>{number}.</strong> {html.escape(item.text)}</p>")
                radio = widgets.RadioButtons(
                    options=[(o.label, o.key) for o in q.options(item)],
                    value=self.answers.get(item.id),
                    description=T.QUESTION.format(number=number),
                    tooltip=item.text,
                    layout=widgets.Layout(width="auto"),
                )
                radio.observe(self._changed(item.id), names="value")
                self.radios[item.id] = radio
                parts.extend([prompt, radio])
        self.result = widgets.HTML()
        self.history_view = widgets.HTML()
        self.status = widgets.HTML()
        self.save_button = widgets.Button(
            description=T.SAVE_RESULT,
            button_style="primary",
            icon="save",
            layout=widgets.Layout(width="max-content"),
        )
        self.save_button.on_click(self.save_result)
        self.delete = DeleteConfirmation(T.CONFIRM, self.delete_all, self.status)
        source = T.SOURCE.format(
            name=info["name"], citation=info["citation"], translation=info["translation"]
        )
        parts += [
            self.result,
            self.save_button,
            self.history_view,
            self.delete.box,
            self.status,
            widgets.HTML(f"<p><small>{html.escape(source)}</small></p>"),
        ]
        self.box = widgets.VBox(parts)
        self.box.add_class("sp-selfcheck")
        self.refresh()

    def _changed(self, item_id: str):
        def on_change(change):
            if self._quiet:
                return
            # Re-read first, so two open copies of the form do not undo each other's answers.
            if self.keep:
                answers = clean_answers(self.questionnaire, self.store.load().get("answers"))
            else:
                answers = dict(self.answers)
            if change["new"] is None:
                answers.pop(item_id, None)
            else:
                answers[item_id] = change["new"]
            self.answers = answers
            if self.keep:
                self.store.update("answers", dict(answers) or None)
            self.status.value = ""
            self.refresh()

        return on_change

    def _keep_changed(self, change) -> None:
        """Ticked: store what is on the form from now on. Unticked: erase what was stored."""
        self.keep = bool(change["new"])
        if self.keep:
            self.store.update("answers", dict(self.answers) or None)
            if self.history:
                self.store.update("history", self.history)
            self.keep_status.value = status_html(T.HUB_KEPT)
        else:
            delete_private(SELFCHECK_NAME)
            self.keep_status.value = status_html(T.HUB_NOT_KEPT)

    @property
    def results(self) -> list[ScaleResult]:
        return score_all(self.questionnaire, self.answers)

    def refresh(self) -> None:
        """Show the current result and history."""
        self.result.value = render_results(self.questionnaire, self.results)
        self.history_view.value = render_history(self.questionnaire, self.history)

    def save_result(self, _button=None, today: date | None = None) -> None:
        """Add today's scores to the private history (one entry per day)."""
        entry = history_entry(self.results, today)
        if entry is None:
            self.status.value = status_html(T.NOTHING_TO_SAVE)
            return
        if not self.keep:
            self.status.value = status_html(T.HUB_SAVE_FIRST)
            return
        history = [e for e in self.history if e["date"] != entry["date"]] + [entry]
        self.history = history[-HISTORY_LIMIT:]
        self.store.update("history", self.history)
        self.status.value = status_html(T.SAVED_RESULT)
        self.refresh()

    def delete_all(self) -> None:
        """Delete every private file of the self-check and empty the form."""
        delete_private(SELFCHECK_NAME)
        self._quiet = True
        try:
            for radio in self.radios.values():
                radio.value = None
        finally:
            self._quiet = False
        self.answers = {}
        self.history = []
        self.keep_box.value = not self.on_hub  # online: nothing is stored again until ticked
        self.keep_status.value = ""
        self.refresh()
        self.status.value = status_html(T.DELETED)


def selfcheck_widget() -> None:
    """Show the private self-check in a lesson (nothing private appears as plain text)."""
    display_private(SelfCheck().box, T.PLAIN)
