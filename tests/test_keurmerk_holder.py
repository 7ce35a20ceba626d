"""The holder's AVG rights on the keurmerk side: inzage, name correction and erasure, through
the real ``keurmerk`` command (real keys; real SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from keurmerk import statuslist
from keurmerk.backup import dump_registry
from keurmerk.check import StatusLists
from keurmerk.cli import main
from keurmerk.pdf import render
from keurmerk.public_register import opt_in
from keurmerk.service import Keurmerkbeheer
from keurmerk.verify import TrustedIssuer, verify_credential
from keurmerk.web.lookup import look_up
from keurmerk_issuer import new_beheer
from postgres import fresh_database

NOW = datetime.now(UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def beheer(request, tmp_path) -> Keurmerkbeheer:
    url = ""
    if request.param == "postgresql":
        name = f"avg_{uuid.uuid4().hex[:12]}"
        url = fresh_database(request.getfixturevalue("postgres_url"), name)
    return new_beheer(tmp_path, url)


def _run(beheer, *args: str, answer: str | None = None):
    return CliRunner().invoke(main, [*args, "--map", str(beheer.config.home)], input=answer)


def _holder(beheer) -> tuple:
    first = beheer.issue("samira-01", "Samira Benalli", "samira@example.org", actor="anna")
    opt_in(beheer.registry, "samira-01", "Den Bosch", actor="anna")
    other = beheer.issue("karim-02", "Karim El Amrani", "karim@example.org", actor="anna")
    return first, other


def test_inzage_shows_everything_stored_in_dutch_and_json(beheer):
    first, other = _holder(beheer)
    for who in ("samira-01", first.number.lower()):
        result = _run(beheer, "inzage", who)
        assert result.exit_code == 0, result.output
        out = result.output
        assert "Alles wat het keurmerk over samira-01 bewaart" in out
        assert f"Keurmerk {first.number}: actief" in out and "Samira Benalli" in out
        assert "E-mailadres: niet bewaard" in out and "samira@example.org" not in out
        assert "gemeente 's-Hertogenbosch" in out and "tekst register-2026-1" in out
        assert "uitgifte" in out and "register-aanmelding" in out
        assert other.number not in out and "Karim" not in out
    data = json.loads(_run(beheer, "inzage", "samira-01", "--json").output)
    assert data["keurmerken"][0]["ondertekend_bewijs"] == first.credential_json()
    assert data["toestemmingen"][0]["vastgelegd_door"] == "anna"
    gemeenten = [r["persoonsgegevens"].get("gemeente") for r in data["auditlog"]]
    assert "'s-Hertogenbosch" in gemeenten
    unknown = _run(beheer, "inzage", "niemand")
    assert unknown.exit_code == 1 and "geen bekende deelnemer" in unknown.output


def test_a_name_is_corrected_by_a_new_credential(beheer, tmp_path):
    first, _ = _holder(beheer)
    result = _run(
        beheer, "corrigeer-naam", first.number, "--naam", "Samira Benali", "--reden",
        "typefout, paspoort gezien", "--door", "anna", "--pdf-map", str(tmp_path / "pdf"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    new_number = re.search(r"vervangen door (KM-\w{4}-\w{4})", result.output).group(1)
    new = beheer.registry.find(new_number)
    assert new.name == "Samira Benali"
    assert (tmp_path / "pdf" / f"keurmerk-{new_number}.pdf").exists()
    signed_new, signed_old = new.credential_json(), first.credential_json()
    for field in ("awardedDate", "validUntil"):
        assert signed_new[field] == signed_old[field]
    trusted = TrustedIssuer.from_controller(beheer.issuer_document(), "Stichting Keurmerk")
    lists = StatusLists.of(beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    later = datetime.now(UTC)
    checked = verify_credential(new.credential_json(), {trusted.id: trusted}, later, lists)
    assert checked.verified and checked.holder == "Samira Benali"
    old = look_up(beheer.registry, first.number, NOW, beheer.trusted_issuer())
    assert old.status == "vervangen" and old.replaced_by == new_number
    assert beheer.email_matches(new, "samira@example.org")  # the binding moved along
    data = json.loads(_run(beheer, "inzage", "samira-01", "--json").output)
    correction = [r for r in data["auditlog"] if r["wat"] == "naamcorrectie"]
    assert correction and correction[0]["reden"] == "typefout, paspoort gezien"
    audit = _run(beheer, "audit")
    assert audit.exit_code == 0, audit.output
    for args, reason in [
        ((new_number, "--naam", "Samira Benali"), "er is niets te verbeteren"),
        ((new_number, "--naam", "nan"), "geen naam"),
        ((first.number, "--naam", "Samira B."), "niet het geldige keurmerk"),
    ]:
        refused = _run(beheer, "corrigeer-naam", *args, "--reden", "x")
        assert refused.exit_code == 1 and reason in refused.output.lower(), refused.output


def test_erasure_keeps_the_numbers_not_valid_and_nothing_personal(beheer, tmp_path):
    first, other = _holder(beheer)
    renewed = beheer.correct_name(first.number, "Samira Benali", "typefout", actor="anna")
    pdf = tmp_path / "oud.pdf"  # the holder's first PDF, still around somewhere
    pdf.write_bytes(render(first.credential_json(), beheer.verify_url(first.number)))
    stopped = _run(beheer, "wis", "samira-01", "--reden", "verzoek", answer="n\n")
    assert stopped.exit_code == 1 and "Niets gewist" in stopped.output
    assert beheer.registry.find(first.number).name == "Samira Benalli"
    result = _run(beheer, "wis", renewed.number, "--reden", "verzoek van 3 mei", answer="j\n")
    assert result.exit_code == 0, result.output
    assert "is gewist" in result.output and "oude backups" in result.output
    for number in (first.number, renewed.number):
        record = look_up(beheer.registry, number, NOW, beheer.trusted_issuer())
        assert (record.status, record.name) == ("niet geldig", "")
    offline = _run(beheer, "controleer", str(pdf))
    assert offline.exit_code == 1 and "ingetrokken" in offline.output
    everything = json.dumps(dump_registry(beheer.registry), ensure_ascii=False)
    for trace in ("Samira", "Benal", "samira-01", "Bosch"):
        assert trace not in everything, trace
    assert "Karim El Amrani" in everything  # the other holder is untouched
    today = datetime.now(UTC)  # "other" was issued after NOW was taken
    assert look_up(beheer.registry, other.number, today, beheer.trusted_issuer()).status == "geldig"
    assert _run(beheer, "inzage", "samira-01").exit_code == 1
    assert beheer.registry.verify_audit().ok
    assert beheer.status_list_problems() == []
    audit = _run(beheer, "audit")  # the chain, its signatures and every row against it
    assert audit.exit_code == 0, audit.output
