"""Issuer keys: 0600 outside the repository, rotation keeps old certificates verifiable."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from conftest import ROOT
from keurmerk import statuslist
from keurmerk.backup import create_backup, read_backup, restore_backup
from keurmerk.check import StatusLists
from keurmerk.cli import main
from keurmerk.dataintegrity import sign
from keurmerk.documents import OB_V3, VC_V2
from keurmerk.keys import KeyStore, KeyStoreError
from keurmerk.models import Certificate
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import INVALID, VALID, TrustedIssuer, verify_credential
from keurmerk.web.lookup import look_up

ISSUER = "https://keurmerk.example.nl/issuer"
NOW = datetime(2027, 1, 1, tzinfo=UTC)


def _credential(store: KeyStore) -> dict:
    info, key = store.active()
    return sign(_document(), key, info.method)


def _credential_made(store: KeyStore, created: datetime) -> dict:
    info, key = store.active()
    return sign(_document(), key, info.method, created=created)


def _document() -> dict:
    return {
        "@context": [VC_V2, OB_V3],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER, "type": ["Profile"], "name": "Keurmerk"},
        "validFrom": "2026-12-01T00:00:00Z",
        "name": "Keurmerk Sleutelpersoon",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://keurmerk.example.nl/achievements/sleutelpersoon",
                "type": ["Achievement"],
                "name": "Keurmerk Sleutelpersoon",
                "criteria": {"narrative": "Alle modules gehaald."},
                "description": "Getraind sleutelpersoon.",
            },
        },
    }


def test_keys_are_private_files(tmp_path):
    store = KeyStore(tmp_path / "keys", ISSUER)
    info = store.generate()
    private = tmp_path / "keys" / "private" / info.file_name
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert "PRIVATE KEY" not in (tmp_path / "keys" / "keys.json").read_text()


def test_refuses_a_key_folder_inside_the_repository():
    with pytest.raises(KeyStoreError, match="inside the repository"):
        KeyStore(ROOT / "geheime-sleutels", ISSUER)


def test_no_key_yet_gives_a_clear_error(tmp_path):
    with pytest.raises(KeyStoreError, match="no active signing key"):
        KeyStore(tmp_path, ISSUER).active()


def test_rotation_keeps_old_certificates_valid(tmp_path):
    """After rotation, new certificates use the new key and old ones still verify."""
    store = KeyStore(tmp_path, ISSUER)
    first = store.generate()
    old = _credential(store)
    second = store.rotate()
    new = _credential(store)
    assert old["proof"][0]["verificationMethod"] == first.method
    assert new["proof"][0]["verificationMethod"] == second.method
    keys = store.keys()
    assert keys[0].retired and keys[1].retired is None
    trusted = {ISSUER: TrustedIssuer.from_controller(store.issuer_document("Keurmerk"))}
    for credential in (old, new):
        assert verify_credential(credential, trusted, NOW).status == VALID


def _retired_key_copy(store: KeyStore):
    """The active key as a thief copied it, then the issuer rotates."""
    info, key = store.active()
    store.rotate(now=datetime(2026, 6, 1, tzinfo=UTC))
    return info, key


def test_a_retired_key_no_longer_signs_what_verifies(tmp_path):
    """Finding: a credential signed today with a retired key verified "geldig"."""
    store = KeyStore(tmp_path, ISSUER)
    store.generate(now=datetime(2026, 1, 1, tzinfo=UTC))
    before = _credential_made(store, datetime(2026, 3, 1, tzinfo=UTC))
    info, stolen = _retired_key_copy(store)
    today = sign(_document(), stolen, info.method)  # proof.created is now: after retirement
    trusted = {ISSUER: TrustedIssuer.from_controller(store.issuer_document("Keurmerk"))}
    result = verify_credential(today, trusted, NOW)
    assert result.status == INVALID and "oude sleutel" in result.checks[0].message
    assert verify_credential(before, trusted, NOW).status == VALID


def test_rotation_destroys_the_retired_private_key(tmp_path):
    store = KeyStore(tmp_path, ISSUER)
    first = store.generate()
    second = store.rotate()
    private = sorted(p.name for p in (tmp_path / "private").iterdir())
    assert private == [second.file_name] and first.file_name not in private
    assert store.issuer_document("K")["verificationMethod"][0]["retired"].endswith("Z")


def test_rotation_destroys_retired_keys_left_by_an_older_version(tmp_path):
    store = KeyStore(tmp_path, ISSUER)
    first = store.generate()
    leftover = (tmp_path / "private" / first.file_name).read_bytes()
    store.rotate()
    (tmp_path / "private" / first.file_name).write_bytes(leftover)  # as kept before
    assert store.destroy_retired() == [first.method]
    assert not (tmp_path / "private" / first.file_name).exists()


def test_a_revoked_key_fails_everything_it_signed(tmp_path):
    store = KeyStore(tmp_path, ISSUER)
    first = store.generate()
    signed = _credential(store)
    target, successor = store.revoke(first.public_key)
    assert target.method == first.method and successor is not None
    assert store.active()[0].method == successor.method
    document = store.issuer_document("Keurmerk")
    revoked = [m for m in document["verificationMethod"] if m["id"] == first.method]
    assert revoked[0]["revoked"].endswith("Z") and first.method not in document["assertionMethod"]
    trusted = {ISSUER: TrustedIssuer.from_controller(document)}
    result = verify_credential(signed, trusted, NOW)
    assert result.status == INVALID and "ingetrokken" in result.checks[0].message
    assert verify_credential(_credential(store), trusted, NOW).status == VALID
    assert sorted(p.name for p in (tmp_path / "private").iterdir()) == [successor.file_name]
    with pytest.raises(ValueError):
        store.revoke(first.method)
    with pytest.raises(LookupError):
        store.revoke("zGeenSleutel")


def _beheer(tmp_path) -> Keurmerkbeheer:
    Config.write(tmp_path / "home", "https://keurmerk.example.nl", "Stichting Keurmerk")
    beheer = Keurmerkbeheer(Config.load(tmp_path / "home"))
    beheer.init(actor="test")
    return beheer


def test_online_the_registry_issue_date_decides_for_a_retired_key(tmp_path):
    beheer = _beheer(tmp_path)
    today = datetime.now(UTC).replace(microsecond=0)
    real = beheer.issue("a", "Anna", "a@example.org", now=today - timedelta(days=10))
    info, stolen = beheer.keys.active()
    beheer.rotate_key("test")
    later = datetime.now(UTC) + timedelta(hours=1)
    # Someone with the old key and database access: a back-dated proof, a row issued today.
    forged = json.loads(real.credential)
    forged.pop("proof")
    forged["id"] = "urn:uuid:11111111-1111-4111-8111-111111111111"
    forged["credentialSubject"]["licenseNumber"] = "KM-4444-4444"
    forged = sign(forged, stolen, info.method, created=today - timedelta(days=5))
    with beheer.registry.sessions.begin() as session:
        row = session.get(Certificate, real.id)
        session.add(
            Certificate(
                **{
                    column.key: getattr(row, column.key)
                    for column in Certificate.__table__.columns
                    if column.key not in ("id", "number", "status_index", "credential")
                }
                | {"number": "KM-4444-4444", "status_index": 99_993, "issued_at": later},
                credential=json.dumps(forged),
            )
        )
    issuer = beheer.trusted_issuer()
    assert look_up(beheer.registry, "KM-4444-4444", later, issuer).status == "ongeldig"
    assert look_up(beheer.registry, real.number, later, issuer).status == "geldig"
    # Offline only proof.created counts: the back-dated forgery passes there (README).
    trusted = {issuer.id: issuer}
    lists = StatusLists.of(beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    assert verify_credential(forged, trusted, later, lists).status == VALID


def test_sleutel_intrekken_makes_what_the_key_signed_invalid(tmp_path):
    beheer = _beheer(tmp_path)
    today = datetime.now(UTC).replace(microsecond=0)
    signed = beheer.issue("a", "Anna", "a@example.org", now=today - timedelta(days=1))
    old_key = beheer.keys.active()[0]
    home = str(beheer.config.home)
    result = CliRunner().invoke(
        main, ["sleutel-intrekken", old_key.public_key, "--reden", "gelekt", "--map", home]
    )
    assert result.exit_code == 0, result.output
    assert "is ingetrokken" in result.output and signed.number in result.output
    assert "Nieuwe sleutel in gebruik" in result.output
    assert "blijven geldig" not in result.output  # what the revoked key signed does not
    issuer = beheer.trusted_issuer()
    assert old_key.method not in issuer.keys
    assert look_up(beheer.registry, signed.number, today, issuer).status == "ongeldig"
    assert beheer.status_list_problems() == []  # re-signed with the new key
    fresh = beheer.issue("b", "Bram", "b@example.org", now=today)
    assert look_up(beheer.registry, fresh.number, today, issuer).status == "geldig"
    (tmp_path / "a.json").write_text(signed.credential)
    checked = CliRunner().invoke(main, ["controleer", str(tmp_path / "a.json"), "--map", home])
    assert checked.exit_code == 1 and "ingetrokken" in checked.output
    again = CliRunner().invoke(
        main, ["sleutel-intrekken", old_key.method, "--reden", "x", "--map", home]
    )
    assert again.exit_code == 1 and "al ingetrokken" in again.output
    assert beheer.registry.verify_audit().ok


def test_holders_of_a_revoked_key_get_a_new_keurmerk_with_heruitgeven(tmp_path):
    """After sleutel-intrekken the beheerder gives each listed holder a new credential, signed
    with the new key, with the same name and dates; nothing else can be re-issued this way."""
    beheer = _beheer(tmp_path)
    today = datetime.now(UTC).replace(microsecond=0)
    signed = beheer.issue("a", "Anna", "a@example.org", now=today - timedelta(days=1))
    home = str(beheer.config.home)
    revoked = CliRunner().invoke(
        main,
        [
            "sleutel-intrekken",
            beheer.keys.active()[0].public_key,
            "--reden",
            "gelekt",
            "--map",
            home,
        ],
    )
    assert "keurmerk heruitgeven" in revoked.output
    result = CliRunner().invoke(
        main, ["heruitgeven", signed.number, "--reden", "sleutel gelekt", "--map", home]
    )
    assert result.exit_code == 0, result.output
    old = beheer.registry.find(signed.number)
    new = beheer.registry.find(old.superseded_by)
    assert new.name == "Anna" and new.awarded_at == old.awarded_at
    assert new.valid_until == old.valid_until and new.supersedes == signed.number
    assert (beheer.config.home / "pdf" / f"keurmerk-{new.number}.pdf").read_bytes()[:5] == b"%PDF-"
    issuer = beheer.trusted_issuer()
    assert look_up(beheer.registry, new.number, today, issuer).status == "geldig"
    assert look_up(beheer.registry, signed.number, today, issuer).status != "geldig"
    (tmp_path / "nieuw.json").write_text(new.credential)
    checked = CliRunner().invoke(main, ["controleer", str(tmp_path / "nieuw.json"), "--map", home])
    assert checked.exit_code == 0, checked.output
    # Only a current keurmerk signed with a revoked key: not the new one, not twice.
    refused = CliRunner().invoke(
        main, ["heruitgeven", new.number, signed.number, "--reden", "x", "--map", home]
    )
    assert refused.exit_code == 1 and refused.output.count("kan niet opnieuw") == 2
    audit = CliRunner().invoke(main, ["audit", "--map", home])
    assert audit.exit_code == 0, audit.output


def test_backups_hold_only_the_signing_key(tmp_path):
    beheer = _beheer(tmp_path)
    first = beheer.keys.active()[0]
    leftover = (beheer.keys.home / "private" / first.file_name).read_bytes()
    beheer.rotate_key("test")
    (beheer.keys.home / "private" / first.file_name).write_bytes(leftover)  # an older version
    backup = create_backup(beheer.config, tmp_path / "b.tar.gz")
    keys = [name for name in read_backup(backup) if name.startswith("keys/private/")]
    assert keys == [f"keys/private/{beheer.keys.active()[0].file_name}"]
    restored = restore_backup(backup, tmp_path / "hersteld")
    assert [p.name for p in (restored.home / "keys" / "private").iterdir()] == [
        beheer.keys.active()[0].file_name
    ]
