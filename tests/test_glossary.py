"""The begrippenlijst: well-formed B1 entries, honest translation status, working search."""

import re

import pytest

from course.glossary import LANGUAGES, Term, Translation, load_glossary, render, search

TERMS = load_glossary()


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def test_terms_are_unique_and_many():
    names = [term.term.casefold() for term in TERMS]
    assert len(names) == len(set(names))
    assert len(names) >= 50


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.term)
def test_entry_is_short_plain_dutch(term: Term):
    """B1: at most three sentences of at most 15 words, no numbers (those live in data files)."""
    sentences = _sentences(term.explanation)
    assert 1 <= len(sentences) <= 3
    assert all(len(sentence.split()) <= 15 for sentence in sentences), term.explanation
    assert not re.search(r"\d", term.explanation)
    assert not re.search(r"\b(bijv|bv|o\.a|d\.w\.z|enz)\.", term.explanation)


@pytest.mark.parametrize("term", TERMS, ids=lambda t: t.term)
def test_translations_are_known_languages_with_english(term: Term):
    assert "en" in term.translations
    assert set(term.translations) <= set(LANGUAGES)
    assert all(isinstance(t.checked, bool) and t.text.strip() for t in term.translations.values())


def test_see_also_points_to_existing_terms():
    names = {term.term for term in TERMS}
    for term in TERMS:
        assert set(term.see_also) <= names, term.term


def test_search_ranks_term_matches_first():
    found = [term.term for term in search(TERMS, "digid")]
    assert found[0] == "DigiD"
    assert "DigiD Machtigen" in found


def test_search_ignores_case_and_accents():
    terms = [Term(term="Reële kosten", explanation="Uitleg.")]
    assert search(terms, "REELE") == terms


def test_search_finds_words_in_explanations_and_translations():
    terms = [
        Term(
            term="Bijstand",
            explanation="Geld van de gemeente.",
            translations={"en": Translation(text="social assistance", checked=False)},
        )
    ]
    assert search(terms, "gemeente") == terms
    assert search(terms, "assistance") == terms
    assert search(terms, "zzp") == []


def test_render_escapes_and_marks_unchecked_translations():
    terms = [
        Term(
            term="<b>x</b>",
            explanation="<script>",
            translations={"ar": Translation(text="نص", checked=False)},
        )
    ]
    html = render(terms, "ar")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "nog niet nagekeken" in html
    assert 'lang="ar"' in html
