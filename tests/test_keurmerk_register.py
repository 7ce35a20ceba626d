"""The public register: official gemeenten, recorded consent, withdrawal by the holder alone,
and no enumeration (real keys, real SQLite, the real ``keurmerk serve`` in uvicorn)."""

from __future__ import annotations

import itertools
import re
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from keurmerk import gemeenten
from keurmerk.cli import main
from keurmerk.models import AuditPersonal, AuditRecord, RegisterConsent, RegisterEntry
from keurmerk.public_register import (
    SearchRefused,
    TooManyFound,
    opt_in,
    search,
    withdraw_with_code,
)
from keurmerk.service import Keurmerkbeheer
from keurmerk_issuer import new_beheer
from keurmerk_service import get, serving

NOW = datetime.now(UTC)
FIRST = ["Samira", "Karim", "Olena", "Yusuf", "Amina", "Bram", "Fatma", "Dawit", "Lina", "Omar"]
LAST = ["Benali", "El Amrani", "Kovalenko", "Warsame", "Yilmaz", "de Vries"]


@pytest.fixture
def beheer(tmp_path) -> Keurmerkbeheer:
    return new_beheer(tmp_path)


def test_the_official_list_ships_with_its_source_and_year():
    listed = gemeenten.official()
    with gemeenten.DATA.open("rb") as handle:
        data = tomllib.load(handle)
    assert listed.year == data["jaar"] == gemeenten.YEAR
    assert "CBS" in listed.source and "Gemeentelijke indeling op 1 januari" in listed.source
    assert len(listed.names) == len(set(listed.names)) == 342
    assert {"'s-Hertogenbosch", "'s-Gravenhage", "Súdwest-Fryslân", "Voorne aan Zee"} <= set(
        listed.names
    )


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Den Bosch", "'s-Hertogenbosch"),
        ("den haag", "'s-Gravenhage"),
        ("s-Hertogenbosch", "'s-Hertogenbosch"),
        ("sudwest fryslan", "Súdwest-Fryslân"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("  ZWOLLE ", "Zwolle"),
        ("Bergen", None),  # two gemeenten: the full name is needed
        ("Utrechtt", None),
        ("%", None),
    ],
)
def test_typed_gemeenten_map_to_the_official_name(typed, official):
    assert gemeenten.resolve(typed) == official


def test_a_holder_listed_as_den_bosch_is_found_under_the_official_name(beheer):
    certificate = beheer.issue("samira", "Samira Benali", "s@example.org", now=NOW)
    opt_in(beheer.registry, "samira", "Den Bosch", actor="anna")
    for typed in ("'s-Hertogenbosch", "Den Bosch", "s hertogenbosch"):
        (found,) = search(beheer.registry, "ben", typed, NOW)
        assert found.number == certificate.number and found.gemeente == "'s-Hertogenbosch"


def test_searches_need_three_letters_a_word_start_and_few_results(beheer):
    for i, first in enumerate(["Samira", "Samir", "Sami", "Samuel"]):
        beheer.issue(f"d{i}", f"{first} Benali", f"d{i}@example.org", now=NOW)
        opt_in(beheer.registry, f"d{i}", "Zwolle", actor="anna")
    for letters, gemeente in [("sa", "Zwolle"), ("s%_", "Zwolle"), ("sam", "Nergenshuizen")]:
        with pytest.raises(SearchRefused):
            search(beheer.registry, letters, gemeente, NOW)
    with pytest.raises(TooManyFound):
        search(beheer.registry, "sam", "Zwolle", NOW)  # four match: type more letters
    assert [f.name for f in search(beheer.registry, "samir", "Zwolle", NOW)] == [
        "Samir Benali",
        "Samira Benali",
    ]
    assert search(beheer.registry, "ira", "Zwolle", NOW) == []  # not the start of a word


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_consent_is_recorded_and_required(beheer):
    beheer.issue("samira", "Samira Benali", "s@example.org", now=NOW)
    home = str(beheer.config.home)
    refused = _run("register", "aanmelden", "samira", "--gemeente", "Zwolle", "--map", home)
    assert refused.exit_code == 1 and "toestemming" in refused.output
    assert "Ik geef toestemming" in refused.output and "register-2026-1" in refused.output
    wrong = _run(
        "register", "aanmelden", "samira", "--gemeente", "Zwol", "--toestemming", "--map", home
    )
    assert wrong.exit_code == 1 and "geen Nederlandse gemeente" in wrong.output
    with beheer.registry.reads() as session:
        assert session.scalars(select(RegisterEntry)).all() == []
    result = _run(
        "register", "aanmelden", "samira", "--gemeente", "den haag", "--toestemming",
        "--door", "anna", "--map", home,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "bij gemeente 's-Gravenhage" in result.output
    code = re.search(r"AFM-\w{4}-\w{4}-\w{4}", result.output).group(0)
    with beheer.registry.reads() as session:
        (consent,) = session.scalars(select(RegisterConsent)).all()
        assert (consent.learner_id, consent.recorded_by) == ("samira", "anna")
        assert consent.text_version == "register-2026-1" and consent.given_at is not None
        assert consent.withdrawn_at is None
    raw = (beheer.config.home / "keurmerk.sqlite").read_bytes()
    assert code.encode() not in raw and code.replace("-", "").encode() not in raw


def _post(url: str, fields: dict[str, str]) -> tuple[int, str]:
    data = urllib.parse.urlencode(fields).encode()
    try:
        with urllib.request.urlopen(url, data=data, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_the_holder_withdraws_with_their_code_without_a_beheerder(beheer, tmp_path):
    beheer.issue("samira", "Samira Benali", "s@example.org", now=NOW)
    code = opt_in(beheer.registry, "samira", "Zwolle", actor="anna")
    assert not withdraw_with_code(beheer.registry, "AFM-0000-0000-0000")
    with serving(beheer.config.home, tmp_path / "serve.log") as base:
        query = urllib.parse.urlencode({"naam": "ben", "gemeente": "Zwolle"})
        assert "Samira Benali" in get(f"{base}/register?{query}")[1]
        assert get(f"{base}/register/afmelden")[0] == 200
        status, page = _post(f"{base}/register/afmelden", {"code": code.lower()})
        assert status == 200 and "niet meer in het register" in page
        assert "Samira Benali" not in get(f"{base}/register?{query}")[1]
        status, page = _post(f"{base}/register/afmelden", {"code": code})
        assert status == 400 and "kennen we niet" in page
    with beheer.registry.reads() as session:
        consent = session.scalars(select(RegisterConsent)).one()
        assert consent.withdrawn_at is not None and consent.withdrawn_by == "houder (afmeldcode)"
        last = session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
        assert (last.action, last.actor) == ("register-afmelding", "houder (afmeldcode)")
        assert "samira" not in last.details  # the learner id stays outside the hash
        assert session.get(AuditPersonal, last.id) is not None
    assert beheer.registry.verify_audit().ok


def _populate(beheer, count: int, gemeente: str) -> set[str]:
    numbers = set()
    people = itertools.islice(itertools.product(LAST, FIRST), count)
    for i, (last, first) in enumerate(people):
        learner = f"{gemeente[:3]}{i}"
        number = beheer.issue(learner, f"{first} {last}", f"{learner}@example.org", now=NOW).number
        opt_in(beheer.registry, learner, gemeente, actor="anna")
        numbers.add(number)
    return numbers


def _crawl(base: str, gemeente: str, queries: int, rotate: bool) -> tuple[set[str], int]:
    """A naive crawler: three-letter prefixes in order, as fast as it can."""
    found, answered = set(), 0
    letters = "abdeghiklmnorstuvwy"
    for i, combo in enumerate(itertools.islice(itertools.product(letters, repeat=3), queries)):
        query = urllib.parse.urlencode({"naam": "".join(combo), "gemeente": gemeente})
        headers = {"X-Forwarded-For": f"198.51.{i // 250}.{i % 250}"} if rotate else {}
        status, page = get(f"{base}/register?{query}", headers)
        answered += status == 200
        found |= set(re.findall(r"KM-\w{4}-\w{4}", page))
    return found, answered


def test_a_crawler_gets_only_a_small_fraction(beheer, tmp_path):
    listed = _populate(beheer, 40, "Zwolle")
    other = _populate(beheer, 2, "Utrecht")
    log = tmp_path / "serve.log"
    with serving(beheer.config.home, log, "--vertrouwde-proxy", "127.0.0.1") as base:
        started = datetime.now(UTC)
        alone, answered_alone = _crawl(base, "Zwolle", 2208, rotate=False)
        assert answered_alone <= 10  # per visitor
        many, answered_many = _crawl(base, "Zwolle", 2208, rotate=True)
        assert answered_alone + answered_many <= 30  # per gemeente, all visitors together
        seconds = (datetime.now(UTC) - started).total_seconds()
        collected = (alone | many) & listed
        print(f"crawler: 4416 queries in {seconds:.1f} s, {len(collected)} of {len(listed)}")
        assert len(collected) <= len(listed) // 10
        # another gemeente is still searchable for a visitor who has budget left
        query = urllib.parse.urlencode({"naam": "sam", "gemeente": "Utrecht"})
        status, page = get(f"{base}/register?{query}", {"X-Forwarded-For": "192.0.2.7"})
        assert status == 200 and set(re.findall(r"KM-\w{4}-\w{4}", page)) <= other
        assert "Samira" in page
