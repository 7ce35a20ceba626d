"""The begrippenlijst: terms with a B1 explanation and optional translations, searchable."""

from __future__ import annotations

import html
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course import DATA_DIR
from course import messages as msg

GLOSSARY_FILE = DATA_DIR / "begrippen.toml"
LANGUAGES = tuple(msg.LANGUAGES)


@dataclass(frozen=True)
class Translation:
    """A translation of a term; ``checked`` once a native speaker has reviewed it."""

    text: str
    checked: bool


@dataclass(frozen=True)
class Term:
    """One glossary entry."""

    term: str
    explanation: str
    module: int = 0
    see_also: tuple[str, ...] = ()
    translations: dict[str, Translation] = field(default_factory=dict)


def load_glossary(path: Path = GLOSSARY_FILE) -> list[Term]:
    """All terms, in file order."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    terms = []
    for raw in data["terms"]:
        translations = {
            code: Translation(text=item["text"], checked=bool(item["checked"]))
            for code, item in raw.get("translations", {}).items()
        }
        terms.append(
            Term(
                term=raw["term"],
                explanation=raw["explanation"],
                module=int(raw.get("module", 0)),
                see_also=tuple(raw.get("see_also", ())),
                translations=translations,
            )
        )
    return terms


def _fold(text: str) -> str:
    """Lower case without accents, so 'reele' finds 'reële'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def search(terms: list[Term], query: str) -> list[Term]:
    """Terms matching ``query``: term starts with it, then term contains it, then the rest."""
    needle = _fold(query.strip())
    if not needle:
        return sorted(terms, key=lambda t: _fold(t.term))
    ranked = []
    for term in terms:
        name = _fold(term.term)
        if name.startswith(needle):
            rank = 0
        elif needle in name:
            rank = 1
        elif needle in _fold(term.explanation) or any(
            needle in _fold(t.text) for t in term.translations.values()
        ):
            rank = 2
        else:
            continue
        ranked.append((rank, name, term))
    return [term for _, _, term in sorted(ranked, key=lambda item: item[:2])]


def render(terms: list[Term], language: str | None) -> str:
    """HTML for a list of terms (everything escaped)."""
    items = []
    for term in terms:
        line = f"<dt>{html.escape(term.term)}</dt><dd>{html.escape(term.explanation)}"
        translation = term.translations.get(language or "")
        if translation:
            state = msg.GLOSSARY_CHECKED if translation.checked else msg.GLOSSARY_UNCHECKED
            line += (
                f'<br><span lang="{html.escape(language)}" dir="auto">'
                f"{html.escape(translation.text)}</span> <em>({state})</em>"
            )
        items.append(line + "</dd>")
    return f'<dl class="sp-glossary">{"".join(items)}</dl>'


def search_widget(terms: list[Term] | None = None) -> None:
    """A search box and a language choice above the matching terms."""
    terms = terms if terms is not None else load_glossary()
    box = widgets.Text(
        description=msg.GLOSSARY_SEARCH,
        placeholder=msg.GLOSSARY_PLACEHOLDER,
        style={"description_width": "initial"},
    )
    language = widgets.Dropdown(
        options=[(msg.GLOSSARY_NO_LANGUAGE, "")]
        + [(name, code) for code, name in msg.LANGUAGES.items()],
        value="",
        description=msg.GLOSSARY_LANGUAGE,
        style={"description_width": "initial"},
    )
    results = widgets.HTML()

    def refresh(_change=None):
        if not box.value.strip():
            start = msg.GLOSSARY_START.format(count=len(terms))
            results.value = f'<p role="status">{html.escape(start)}</p>'
            return
        found = search(terms, box.value)
        if not found:
            results.value = (
                f'<p role="status">{html.escape(msg.GLOSSARY_NOTHING.format(query=box.value))}</p>'
            )
            return
        count = f'<p role="status">{msg.GLOSSARY_COUNT.format(count=len(found))}</p>'
        results.value = count + render(found, language.value)

    box.observe(refresh, names="value")
    language.observe(refresh, names="value")
    refresh()
    display(widgets.VBox([widgets.HBox([box, language]), results]))
