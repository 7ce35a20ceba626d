"""One holder, one truth: suspension and revocation reach every credential of a holder, a
superseded credential fails offline too, and the number look-up trusts only signed data.

Real keys, a real SQLite registry (PostgreSQL in test_keurmerk_postgres.py), the real
``keurmerk`` command and a real ``keurmerk serve`` for the upload page and the API.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import text

from keurmerk import statuslist
from keurmerk.cli import main
from keurmerk.dataintegrity import sign
from keurmerk.multikey import encode_public_key
from keurmerk.pdf import render
from keurmerk.registry import expected_bits
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import TrustedIssuer, verify_credential
from keurmerk.web.lookup import look_up
from keurmerk_issuer import NOW as NOW_ISSUER
from keurmerk_issuer import Issuer
from keurmerk_service import post, serving, upload

NOW = datetime.now(UTC).replace(microsecond=0)
EARLIER = NOW - timedelta(days=2 * 365 + 200)  # a keurmerk inside its renewal window


def _beheer(tmp_path, database_url: str = "") -> Keurmerkbeheer:
    home = tmp_path / "home"
    Config.write(home, "https://keurmerk.example.nl", "Stichting Keurmerk", database_url)
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init(actor="test")
    return beheer


@pytest.fixture
def beheer(tmp_path):
    return _beheer(tmp_path)


def _offline(beheer: Keurmerkbeheer, credential: dict | str) -> str:
    """The verdict of a verifier with only the issuer document and the signed lists."""
    lists = {
        doc["id"]: doc
        for doc in (beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    }
    trusted = {beheer.config.issuer.id: beheer.trusted_issuer()}
    return verify_credential(credential, trusted, NOW, lists.get).status


def _controleer(beheer: Keurmerkbeheer, path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["controleer", str(path), "--map", str(beheer.config.home), "--json"]
    )
    return result.exit_code, result.output


def _api(base: str, data: bytes) -> dict:
    """``POST /api/v1/controleer`` (the service runs with a time limit a busy machine meets)."""
    return post(base + "/api/v1/controleer", data, timeout=150)[1]


def _upload(base: str, data: bytes, name: str = "k.json") -> str:
    """The upload page's answer."""
    status, page = upload(base, data, name)
    assert status == 200, page
    return page


def _renewed_chain(beheer: Keurmerkbeheer):
    old = beheer.issue("samira", "Samira Benali", "s@example.org", now=EARLIER)
    new = beheer.renew(old.number, "s@example.org", now=NOW - timedelta(minutes=5))
    return old, new


def test_superseded_credential_fails_offline_and_says_by_which_number_online(beheer, tmp_path):
    old, new = _renewed_chain(beheer)
    assert _offline(beheer, old.credential) == "vervangen"
    assert _offline(beheer, new.credential) == "geldig"
    record = look_up(beheer.registry, old.number, NOW, beheer.trusted_issuer())
    assert (record.status, record.replaced_by) == ("vervangen", new.number)
    path = tmp_path / "oud.json"
    path.write_text(old.credential)
    code, output = _controleer(beheer, path)
    answer = json.loads(output)
    assert code == 1 and answer["status"] == "vervangen" and answer["replaced_by"] == new.number
    assert f"vervangen door keurmerk {new.number}" in output


def test_revoking_the_renewed_keurmerk_reaches_the_original_pdf(beheer, tmp_path):
    old, new = _renewed_chain(beheer)
    pdf = render(old.credential_json(), beheer.verify_url(old.number))
    (tmp_path / "oud.pdf").write_bytes(pdf)
    beheer.revoke(new.number, "fraude", actor="anna")
    assert {c.state for c in beheer.registry.chain(old.number)} == {"ingetrokken"}
    assert beheer.check_audit().problems == []
    assert _offline(beheer, old.credential) == "ingetrokken"
    assert _offline(beheer, new.credential) == "ingetrokken"
    code, output = _controleer(beheer, tmp_path / "oud.pdf")
    assert code == 1 and json.loads(output)["status"] == "ingetrokken"
    issuer = beheer.trusted_issuer()
    assert look_up(beheer.registry, old.number, NOW, issuer).status == "ingetrokken"
    with serving(beheer.config.home, tmp_path / "serve.log", check_seconds=120) as base:
        page = _upload(base, pdf, "oud.pdf")
        assert "<strong>ingetrokken</strong>" in page and "geldig<" not in page
        body = _api(base, old.credential.encode())
        assert body["status"] == "ingetrokken" and not body["verified"]
        assert _api(base, new.credential.encode())["status"] == "ingetrokken"


def _duplicates(beheer: Keurmerkbeheer):
    """Two keurmerken of one holder, as a registry from before the one-keurmerk rule has."""
    first = beheer.issue("karim", "Karim Haddad", "k@example.org", now=NOW)
    second = beheer.issue("karim-dubbel", "Karim Haddad", "k2@example.org", now=NOW)
    with beheer.registry.engine.begin() as connection:
        connection.execute(
            text("update certificates set learner_id = 'karim' where learner_id = 'karim-dubbel'")
        )
    return first, second


def test_revoking_one_duplicate_revokes_the_other(beheer, tmp_path):
    first, second = _duplicates(beheer)
    beheer.revoke(second.number, "dubbel uitgegeven en fraude")
    assert _offline(beheer, first.credential) == "ingetrokken"
    assert look_up(beheer.registry, first.number, NOW, beheer.trusted_issuer()).status == (
        "ingetrokken"
    )
    path = tmp_path / "eerste.json"
    path.write_text(first.credential)
    assert json.loads(_controleer(beheer, path)[1])["status"] == "ingetrokken"
    with serving(beheer.config.home, tmp_path / "serve.log", check_seconds=120) as base:
        assert _api(base, first.credential.encode())["status"] == "ingetrokken"
        assert "<strong>ingetrokken</strong>" in _upload(base, first.credential.encode())


def test_suspension_and_reinstatement_reach_the_whole_chain(beheer):
    old, new = _renewed_chain(beheer)
    first, second = _duplicates(beheer)
    beheer.suspend(old.number, "klacht in onderzoek")
    assert [c.state for c in beheer.registry.chain(new.number)] == ["geschorst", "geschorst"]
    assert _offline(beheer, new.credential) == "geschorst"
    assert _offline(beheer, old.credential) == "vervangen"  # superseded stays superseded
    assert _offline(beheer, first.credential) == "geldig"  # another holder is untouched
    beheer.suspend(first.number, "klacht")
    assert _offline(beheer, second.credential) == "geschorst"
    beheer.reinstate(old.number, "klacht ongegrond")
    assert [c.state for c in beheer.registry.chain(new.number)] == ["actief", "actief"]
    assert _offline(beheer, new.credential) == "geldig"
    assert _offline(beheer, old.credential) == "vervangen"
    beheer.reinstate(second.number, "klacht ongegrond")
    assert _offline(beheer, first.credential) == "geldig"
    assert beheer.check_audit().problems == []  # every chain member's row matches the trail
    assert beheer.status_list_problems() == []


def test_old_credentials_read_superseded_as_revoked():
    """Value 3 on the message list: credentials issued before declare it "revoked"."""
    bits = expected_bits([(5, "actief", True), (6, "geschorst", False), (7, "ingetrokken", True)])
    message = bits[statuslist.MESSAGE]
    values = [statuslist.get_value(message, i, 2) for i in (5, 6, 7)]
    assert values == [3, 1, 2]
    assert statuslist.get_bit(bits["revocation"], 5)  # legacy entries: superseded is revoked
    assert not statuslist.get_bit(bits["suspension"], 5)
    assert statuslist.get_bit(bits["suspension"], 6)


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        (("valid", "suspended", "revoked", "revoked"), "ingetrokken"),  # issued before
        (statuslist.STATUS_MESSAGES, "vervangen"),
    ],
)
def test_value_three_reads_as_the_credential_declares_it(messages, expected):
    issuer = Issuer()
    credential = issuer.credential(index=9, shape="message", messages=messages)
    statuslist.set_value(issuer.lists["message"], 9, 2, statuslist.SUPERSEDED_VALUE)
    result = verify_credential(credential, {issuer.id: issuer.trust()}, NOW_ISSUER, issuer.lookup)
    assert result.status == expected


def test_lookup_and_upload_check_agree_for_every_certificate(beheer, tmp_path):
    old, new = _renewed_chain(beheer)
    first, second = _duplicates(beheer)
    expired = beheer.issue("eva", "Eva", "e@example.org", now=NOW - timedelta(days=4 * 365))
    beheer.suspend(first.number, "klacht")
    issuer = beheer.trusted_issuer()
    expected = {
        old.number: "vervangen",
        new.number: "geldig",
        first.number: "geschorst",
        second.number: "geschorst",
        expired.number: "verlopen",
    }
    with serving(beheer.config.home, tmp_path / "serve.log", check_seconds=120) as base:
        for certificate in beheer.registry.certificates():
            by_number = look_up(beheer.registry, certificate.number, NOW, issuer).status
            by_file = _api(base, certificate.credential.encode())
            assert by_number == by_file["status"] == expected[certificate.number]


def _sql(beheer: Keurmerkbeheer, statement: str, **values) -> None:
    with beheer.registry.engine.begin() as connection:
        connection.execute(text(statement), values)


def test_edited_rows_do_not_make_a_number_valid(beheer):
    revoked = beheer.issue("a", "Anna de Vries", "a@example.org", now=NOW)
    beheer.revoke(revoked.number, "fraude")
    ended = beheer.issue("b", "Bram", "b@example.org", now=NOW - timedelta(days=4 * 365))
    _sql(beheer, "update certificates set state = 'actief', state_reason = ''")
    _sql(beheer, "update certificates set name = 'Iemand Anders'")
    _sql(beheer, "update certificates set valid_until = :until", until=NOW + timedelta(days=999))
    issuer = beheer.trusted_issuer()
    record = look_up(beheer.registry, revoked.number, NOW, issuer)
    assert record.status == "ingetrokken" and record.name == "Anna de Vries"
    record = look_up(beheer.registry, ended.number, NOW, issuer)
    assert record.status == "verlopen" and record.name == "Bram"
    assert record.valid_until == ended.credential_json()["validUntil"][:10]


def _insert_copy(beheer: Keurmerkbeheer, number: str, credential: str, index: int) -> None:
    _sql(
        beheer,
        "insert into certificates (number, learner_id, name, email_hash, awarded_at, valid_from,"
        " valid_until, status_index, state, state_reason, issued_at, credential, supersedes,"
        " superseded_by) values (:number, 'nep', 'Nep Persoon', '', :now, :now, :until, :index,"
        " 'actief', '', :now, :credential, '', '')",
        number=number,
        now=NOW,
        until=NOW + timedelta(days=999),
        index=index,
        credential=credential,
    )


def test_made_up_rows_are_not_valid(beheer):
    real = beheer.issue("a", "Anna", "a@example.org", now=NOW)
    # a row for a made-up person that carries somebody else's signed credential
    _insert_copy(beheer, "KM-2222-2222", real.credential, 99_991)
    # a row whose credential is signed by a key the issuer does not have
    forged = json.loads(real.credential)
    forged.pop("proof")
    forged["credentialSubject"]["licenseNumber"] = "KM-3333-3333"
    key = Ed25519PrivateKey.generate()
    forged = sign(forged, key, f"{beheer.config.issuer.id}#{encode_public_key(key.public_key())}")
    _insert_copy(beheer, "KM-3333-3333", json.dumps(forged), 99_992)
    issuer = beheer.trusted_issuer()
    for number in ("KM-2222-2222", "KM-3333-3333"):
        record = look_up(beheer.registry, number, NOW, issuer)
        assert record.status == "ongeldig" and record.name == "", number
    assert look_up(beheer.registry, real.number, NOW, issuer).status == "geldig"


def test_a_credential_the_registry_does_not_hold_is_not_valid_online(beheer, tmp_path):
    real = beheer.issue("a", "Anna", "a@example.org", now=NOW)
    _, key = beheer.keys.active()
    copy = json.loads(real.credential)
    copy.pop("proof")
    copy["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"  # signed by us, never issued
    path = tmp_path / "kopie.json"
    path.write_text(json.dumps(sign(copy, key, beheer.keys.active()[0].method)))
    code, output = _controleer(beheer, path)
    assert code == 1 and json.loads(output)["status"] == "ongeldig"
    assert "niet zo in het register" in output


def test_trusted_issuer_reads_retired_and_revoked_keys():
    document = {
        "id": "https://x.example/issuer",
        "verificationMethod": [
            {"id": "https://x.example/issuer#a", "type": "Multikey", "publicKeyMultibase": "za"},
            {
                "id": "https://x.example/issuer#b",
                "type": "Multikey",
                "publicKeyMultibase": "zb",
                "retired": "2026-01-01T00:00:00+00:00",
            },
            {
                "id": "https://x.example/issuer#c",
                "type": "Multikey",
                "publicKeyMultibase": "zc",
                "revoked": "2026-02-01T00:00:00+00:00",
            },
        ],
        "assertionMethod": ["https://x.example/issuer#a", "https://x.example/issuer#b"],
    }
    issuer = TrustedIssuer.from_controller(document)
    assert set(issuer.keys) == {"https://x.example/issuer#a", "https://x.example/issuer#b"}
    assert issuer.retired == {"https://x.example/issuer#b": "2026-01-01T00:00:00+00:00"}
    assert set(issuer.revoked) == {"https://x.example/issuer#c"}
