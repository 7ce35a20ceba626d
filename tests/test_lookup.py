"""The lookup "Mijn vraag gaat over …": sound data, sourced facts, good search, live widget."""

from __future__ import annotations

import pytest
from test_facts import amounts_in, phones_in

from course.facts import load_records
from course.tools.lookup import (
    LookupDataError,
    answer_card,
    build_lookup_widget,
    find_topics,
    load_lookup,
    parse_lookup,
    topic,
)

DATA = load_lookup()

# The organisations lesson m1-l1 teaches; each must be on the map.
ORGANISATIONS = {
    "gemeente",
    "dienst_toeslagen",
    "belastingdienst",
    "uwv",
    "svb",
    "duo",
    "cak",
    "cjib",
    "zorgverzekeraar",
    "woningcorporatie",
    "juridisch_loket",
    "sociaal_raadslieden",
    "huisarts",
}

# The organisations lesson m1-r2 (Verblijf, tolken en veiligheid) adds to the map.
ORGANISATIONS_LESSON_B = {
    "ind",
    "coa",
    "vluchtelingenwerk",
    "ggd",
    "jeugdgezondheidszorg",
    "arbeidsinspectie",
    "fairwork",
    "juridisch_loket",
    "veilig_thuis",
}


def _known_facts():
    """Numbers and phone numbers in the facts files (course/data/feiten*.toml), all dates."""
    numbers, phones = set(), set()
    for record in load_records().values():
        for item in record.values:
            if isinstance(item.value, str):
                phones.add(item.value.replace("-", "").replace(" ", ""))
            else:
                numbers.add(round(float(item.value), 2))
    return numbers, phones


def _all_texts():
    for org in DATA.organisations.values():
        yield org.id, " ".join([org.name, org.does, org.reach, org.phone, org.phone_note])
        yield org.id, " ".join(org.bring + org.questions)
    for item in DATA.topics:
        yield item.id, " ".join([item.title, item.tip, item.reach, *item.bring, *item.keywords])


def test_every_organisation_of_the_lesson_is_on_the_map():
    assert set(DATA.organisations) >= ORGANISATIONS
    assert set(DATA.organisations) >= ORGANISATIONS_LESSON_B


def test_there_are_enough_topics_and_every_organisation_has_one():
    assert len(DATA.topics) >= 25
    used = {item.organisation.id for item in DATA.topics}
    assert used == set(DATA.organisations)


def test_every_phone_number_and_amount_in_the_data_is_a_sourced_fact():
    """Is each phone number and € amount of instanties.toml in the facts with a source?"""
    numbers, phones = _known_facts()
    missing = []
    for where, text in _all_texts():
        missing += [f"{where}: {p}" for p in phones_in(text) if p not in phones]
        missing += [f"{where}: € {a}" for a in amounts_in(text) if round(a, 2) not in numbers]
    assert not missing, missing


def test_phone_numbers_sit_only_in_the_phone_field_or_are_the_emergency_number():
    """A number in running text is easy to miss in the yearly update; keep them in `phone`."""
    for org in DATA.organisations.values():
        for number in phones_in(" ".join([org.does, org.reach, *org.bring])):
            assert number in {"112", org.phone.replace("-", "")}, (org.id, number)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("boete", "cjib"),
        ("CJIB", "cjib"),
        ("pensioen", "aow"),
        ("AOW", "aow"),
        ("zorgtoeslag", "zorgtoeslag"),
        ("kinderbijslag", "kinderbijslag"),
        ("ontslag", "ww"),
        ("huurachterstand", "huurachterstand"),
        ("kapot", "reparatie"),
        ("bijstand", "bijstand"),
        ("schulden", "schulden"),
        ("bezwaar", "bezwaar"),
        ("verwijzing", "verwijzing"),
        ("inburgeringsexamen", "duo"),
        ("eigen bijdrage", "cak_bijdrage"),
        ("belastingaangifte", "belastingaangifte"),
        ("zorgverzekering kiezen", "zorgverzekering"),
        ("juridisch advies", "juridisch"),
        ("verblijfsvergunning", "verblijfsvergunning"),
        ("naturalisatie", "naturalisatie"),
        ("gezinshereniging", "gezinshereniging"),
        ("azc", "azc"),
        ("weekgeld", "azc"),
        ("statushouder", "vluchtelingen"),
        ("tijdelijke bescherming", "oekraine"),
        ("Oekraïne", "oekraine"),
        ("tolk", "tolk"),
        ("soa", "ggd"),
        ("consultatiebureau", "consultatiebureau"),
        ("peuter", "consultatiebureau"),
        ("kiespijn", "tandarts"),
        ("huwelijksdwang", "eergeweld"),
        ("meisjesbesnijdenis", "meisjesbesnijdenis"),
        ("uitbuiting", "uitbuiting"),
        ("mensenhandel", "fairwork"),
    ],
)
def test_search_puts_the_right_topic_first(query, expected):
    found = find_topics(query, DATA)
    assert found and found[0].id == expected, [t.id for t in found]


def test_search_ignores_case_accents_and_hyphens_and_needs_every_word():
    assert [t.id for t in find_topics("ZIEKTE-WET", DATA)] == ["ziek_zonder_werk"]
    assert find_topics("huur kapot", DATA)[0].id == "reparatie"
    assert find_topics("huur pensioen", DATA) == []
    assert find_topics("qwerty", DATA) == []


def test_empty_search_lists_every_topic_alphabetically():
    found = find_topics("  ", DATA)
    assert len(found) == len(DATA.topics)
    titles = [t.title.casefold() for t in found]
    assert titles == sorted(titles)


def test_topic_by_id():
    assert topic("aow", DATA).organisation.id == "svb"
    with pytest.raises(KeyError):
        topic("bestaat-niet", DATA)


def test_card_shows_organisation_reach_bring_and_tip():
    card = answer_card(topic("juridisch", DATA))
    assert "Het Juridisch Loket" in card
    assert "0900-8020" in card and "€&nbsp;0,25" in card
    assert 'href="https://www.juridischloket.nl"' in card
    assert "Neem mee" in card and "<li>" in card and "Tip" in card


def test_cards_of_lesson_b_name_the_right_organisation_and_contact():
    card = answer_card(topic("uitbuiting", DATA))
    assert "Nederlandse Arbeidsinspectie" in card and "0800-5151" in card
    assert 'href="https://www.nlarbeidsinspectie.nl"' in card
    assert "IND" in answer_card(topic("verblijfsvergunning", DATA))
    assert "COA" in answer_card(topic("azc", DATA))
    assert 'href="https://www.fairwork.nu"' in answer_card(topic("fairwork", DATA))
    assert "Veilig Thuis" in answer_card(topic("eergeweld", DATA))


def test_topic_can_override_what_to_bring():
    item = topic("huurtoeslag", DATA)
    assert item.what_to_bring != item.organisation.bring
    assert "<li>je huurcontract of de brief met je huurprijs</li>" in answer_card(item)


def test_card_escapes_html_from_the_data():
    data = parse_lookup(
        {
            "organisations": {
                "x": {
                    "name": "<script>alert(1)</script>",
                    "does": "a & b",
                    "reach": "r",
                    "website": 'x.nl" onclick="evil',
                    "bring": ["<b>pas</b>"],
                }
            },
            "topics": [{"id": "t", "title": "t", "organisation": "x", "tip": "<i>tip</i>"}],
        }
    )
    card = answer_card(data.topics[0])
    assert "<script>" not in card and "&lt;script&gt;" in card
    assert "<b>pas</b>" not in card and "<i>tip</i>" not in card
    assert 'onclick="evil' not in card


@pytest.mark.parametrize(
    "raw, problem",
    [
        ({"topics": [{"id": "t", "title": "t", "organisation": "x", "tip": "."}]}, "unknown"),
        (
            {
                "organisations": {"x": {"name": "X", "does": "d", "reach": "r", "bring": ["b"]}},
                "topics": [
                    {"id": "t", "title": "t", "organisation": "x", "tip": "."},
                    {"id": "t", "title": "u", "organisation": "x", "tip": "."},
                ],
            },
            "duplicate",
        ),
        (
            {
                "organisations": {
                    "x": {"name": "X", "does": "d", "reach": "r", "bring": ["b"], "phone": "1"}
                },
                "topics": [{"id": "t", "title": "t", "organisation": "x", "tip": "."}],
            },
            "phone_note",
        ),
        ({"organisations": {"x": {"name": "X", "does": "d", "reach": "r"}}}, "bring"),
    ],
)
def test_authoring_mistakes_are_named(raw, problem):
    with pytest.raises(LookupDataError, match=problem):
        parse_lookup(raw)


def _widget():
    box = build_lookup_widget(DATA)
    search, choice, status, card = box.children
    return search, choice, status, card


def test_widget_starts_with_every_topic_and_no_card():
    search, choice, status, card = _widget()
    assert search.description and choice.description == "Mijn vraag gaat over"
    assert len(choice.options) == len(DATA.topics) + 1
    assert choice.value == "" and card.value == ""
    assert "Kies een onderwerp" in status.value


def test_choosing_a_topic_shows_its_card():
    _, choice, _, card = _widget()
    choice.value = "kinderbijslag"
    assert "SVB" in card.value and "kinderbijslag" in card.value
    choice.value = ""
    assert card.value == ""


def test_typing_narrows_the_list_and_shows_the_best_match():
    search, choice, status, card = _widget()
    search.value = "boete"
    assert choice.value == "cjib"
    assert "CJIB" in card.value
    assert [value for _, value in choice.options][1:] == [t.id for t in find_topics("boete")]
    assert "2 onderwerpen gevonden" in status.value


def test_typing_keeps_a_choice_that_still_matches():
    search, choice, _, _ = _widget()
    search.value = "huur"
    choice.value = "reparatie"
    search.value = "huurh"
    assert choice.value == "reparatie"


def test_no_match_says_so_and_clears_the_card():
    search, choice, status, card = _widget()
    search.value = "boete"
    search.value = "<qwerty>"
    assert choice.value == "" and card.value == ""
    assert "Geen onderwerp gevonden" in status.value and "&lt;qwerty&gt;" in status.value
    search.value = ""
    assert len(choice.options) == len(DATA.topics) + 1
