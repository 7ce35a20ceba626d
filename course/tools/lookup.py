"""Which organisation handles my question? A lookup of organisations and topics.

The content lives in ``course/data/instanties.toml``: organisations (what they do, how to
reach them, what to bring) and topics ("zorgtoeslag aanvragen", "boete van het CJIB", …),
each pointing to one organisation. A lesson shows the lookup with::

    from course.lookup import lookup_widget
    lookup_widget()

The learner picks a topic from a list or types a few words; an answer card shows the
organisation, what it does, how to reach it, what to bring and a tip.
"""

from __future__ import annotations

import html
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course import DATA_DIR
from course.factfill import fill_text
from course.messages.module1 import LookupText as T

LOOKUP_FILE = DATA_DIR / "instanties.toml"


class LookupDataError(ValueError):
    """The lookup data file is incomplete or inconsistent (authoring error)."""


@dataclass(frozen=True)
class Organisation:
    """One organisation on the map."""

    id: str
    name: str
    does: str
    reach: str
    bring: tuple[str, ...]
    questions: tuple[str, ...] = ()
    website: str = ""
    phone: str = ""
    phone_note: str = ""


@dataclass(frozen=True)
class Topic:
    """One "Mijn vraag gaat over …" topic and the organisation that handles it."""

    id: str
    title: str
    organisation: Organisation
    tip: str
    keywords: tuple[str, ...] = ()
    reach: str = ""
    bring: tuple[str, ...] = ()

    @property
    def how_to_reach(self) -> str:
        """The topic's own contact advice, or the organisation's."""
        return self.reach or self.organisation.reach

    @property
    def what_to_bring(self) -> tuple[str, ...]:
        """The topic's own list of things to bring, or the organisation's."""
        return self.bring or self.organisation.bring


@dataclass(frozen=True)
class LookupData:
    """All organisations (by id) and topics (in file order)."""

    organisations: dict[str, Organisation]
    topics: tuple[Topic, ...]


def _text(raw: dict, key: str, where: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise LookupDataError(f"{where}: {key} must be a non-empty text")
    return value.strip()


def _texts(raw: dict, key: str, where: str, required: bool = True) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LookupDataError(f"{where}: {key} must be a list of texts")
    if required and not value:
        raise LookupDataError(f"{where}: {key} must not be empty")
    return tuple(value)


def parse_lookup(data: dict) -> LookupData:
    """Validate a parsed ``instanties.toml``; ``LookupDataError`` names the problem."""
    organisations = {}
    for org_id, raw in data.get("organisations", {}).items():
        where = f"organisations.{org_id}"
        phone = _text(raw, "phone", where, required=False)
        organisations[org_id] = Organisation(
            id=org_id,
            name=_text(raw, "name", where),
            does=_text(raw, "does", where),
            reach=_text(raw, "reach", where),
            bring=_texts(raw, "bring", where),
            questions=_texts(raw, "questions", where, required=False),
            website=_text(raw, "website", where, required=False),
            phone=phone,
            phone_note=_text(raw, "phone_note", where, required=bool(phone)),
        )
    topics = []
    seen = set()
    for index, raw in enumerate(data.get("topics", []), start=1):
        where = f"topic {index}"
        topic_id = _text(raw, "id", where)
        if topic_id in seen:
            raise LookupDataError(f"{where}: duplicate id {topic_id!r}")
        seen.add(topic_id)
        org_id = _text(raw, "organisation", where)
        if org_id not in organisations:
            raise LookupDataError(f"{where}: unknown organisation {org_id!r}")
        topics.append(
            Topic(
                id=topic_id,
                title=_text(raw, "title", where),
                organisation=organisations[org_id],
                tip=_text(raw, "tip", where),
                keywords=_texts(raw, "keywords", where, required=False),
                reach=_text(raw, "reach", where, required=False),
                bring=_texts(raw, "bring", where, required=False),
            )
        )
    if not topics:
        raise LookupDataError("no topics")
    return LookupData(organisations=organisations, topics=tuple(topics))


@cache
def load_lookup(path: Path = LOOKUP_FILE) -> LookupData:
    """Organisations and topics from the data file (facts of the course year filled in)."""
    text = fill_text(path.read_text(encoding="utf-8"), where=path.name)
    return parse_lookup(tomllib.loads(text))


def _fold(text: str) -> str:
    """Lower case without accents or punctuation noise, so 'Ziekte-wet' finds 'ziektewet'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("-", "").replace("'", "").split())


def find_topics(query: str, data: LookupData | None = None) -> list[Topic]:
    """Topics matching every word of ``query``, best first.

    A topic matches when each word occurs in its title, its keywords or the name of its
    organisation. Topics whose title contains the whole query come first, then those whose
    title contains every word, then the rest; ties keep the order of the data file. An
    empty query returns all topics in alphabetical order.
    """
    data = data or load_lookup()
    needle = _fold(query)
    if not needle:
        return sorted(data.topics, key=lambda t: _fold(t.title))
    words = needle.split()
    ranked = []
    for order, item in enumerate(data.topics):
        title = _fold(item.title)
        haystack = " ".join(
            [title, _fold(item.organisation.name), item.organisation.id.replace("_", " ")]
            + [_fold(word) for word in item.keywords]
        )
        if not all(word in haystack for word in words):
            continue
        if needle in title:
            rank = 0
        elif all(word in title for word in words):
            rank = 1
        elif any(needle in _fold(word) for word in item.keywords):
            rank = 2
        else:
            rank = 3
        ranked.append((rank, order, item))
    return [item for _, _, item in sorted(ranked, key=lambda entry: entry[:2])]


def topic(topic_id: str, data: LookupData | None = None) -> Topic:
    """One topic by its id; ``KeyError`` names an unknown id."""
    data = data or load_lookup()
    for item in data.topics:
        if item.id == topic_id:
            return item
    raise KeyError(topic_id)


def _website_html(website: str) -> str:
    href = "https://" + website.removeprefix("https://").removeprefix("http://")
    return (
        f'<a href="{html.escape(href, quote=True)}" target="_blank" rel="noopener">'
        f"{html.escape(website)}</a>"
    )


def _escape(text: str) -> str:
    """Escaped text in which "€ 12,50" never breaks between the sign and the amount."""
    return html.escape(text).replace("€ ", "€&nbsp;")


def answer_card(item: Topic) -> str:
    """HTML answer card for one topic (everything from the data file escaped)."""
    org = item.organisation
    contact = []
    if org.website:
        contact.append(f"{_escape(T.WEBSITE)}: {_website_html(org.website)}")
    if org.phone:
        contact.append(
            f"{_escape(T.PHONE)}: <strong>{_escape(org.phone)}</strong>. {_escape(org.phone_note)}"
        )
    contact_html = f"<ul>{''.join(f'<li>{line}</li>' for line in contact)}</ul>" if contact else ""
    bring = "".join(f"<li>{_escape(thing)}</li>" for thing in item.what_to_bring)
    return (
        f'<section class="sp-lookup-card" aria-label="{_escape(T.CARD_LABEL)}">'
        f"<h3>{_escape(org.name)}</h3>"
        f"<p><em>{_escape(T.CHOOSE)}: {_escape(item.title)}</em></p>"
        f"<p><strong>{_escape(T.DOES)}</strong> {_escape(org.does)}</p>"
        f"<p><strong>{_escape(T.REACH)}:</strong> {_escape(item.how_to_reach)}</p>"
        f"{contact_html}"
        f"<p><strong>{_escape(T.BRING)}:</strong></p><ul>{bring}</ul>"
        f"<p><strong>{_escape(T.TIP)}:</strong> {_escape(item.tip)}</p>"
        "</section>"
    )


def _status(text: str) -> str:
    return f'<p role="status">{html.escape(text)}</p>'


def build_lookup_widget(data: LookupData | None = None) -> widgets.VBox:
    """The lookup: a search box, a topic list and the answer card (kept apart for tests).

    Typing narrows the list to matching topics; choosing a topic shows its card.
    """
    data = data or load_lookup()
    all_topics = find_topics("", data)
    placeholder = (T.CHOOSE_FIRST, "")
    search = widgets.Text(
        description=T.SEARCH,
        placeholder=T.SEARCH_PLACEHOLDER,
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    choice = widgets.Dropdown(
        options=[placeholder] + [(t.title, t.id) for t in all_topics],
        value="",
        description=T.CHOOSE,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    status = widgets.HTML(_status(T.START))
    card = widgets.HTML("")

    def show(_change=None):
        card.value = answer_card(topic(choice.value, data)) if choice.value else ""

    def narrow(_change=None):
        query = search.value
        found = find_topics(query, data) if query.strip() else all_topics
        if not found:
            status.value = _status(T.NOTHING.format(query=query.strip()))
            choice.options = [placeholder]
            choice.value = ""
            return
        if query.strip():
            count = T.COUNT_ONE if len(found) == 1 else T.COUNT.format(count=len(found))
            status.value = _status(count)
        else:
            status.value = _status(T.START)
        current = choice.value
        choice.options = [placeholder] + [(t.title, t.id) for t in found]
        # Keep the learner's choice if it still matches; otherwise show the best match.
        ids = [t.id for t in found]
        choice.value = current if current in ids else (ids[0] if query.strip() else "")

    search.observe(narrow, names="value")
    choice.observe(show, names="value")
    box = widgets.VBox([search, choice, status, card])
    box.add_class("sp-lookup")
    return box


def lookup_widget(data: LookupData | None = None) -> None:
    """Show the lookup in a notebook."""
    display(build_lookup_widget(data))
