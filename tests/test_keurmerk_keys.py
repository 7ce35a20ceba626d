"""Issuer keys: 0600 outside the repository, rotation keeps old certificates verifiable."""

from __future__ import annotations

import stat
from datetime import UTC, datetime

import pytest

from conftest import ROOT
from keurmerk.dataintegrity import sign
from keurmerk.documents import OB_V3, VC_V2
from keurmerk.keys import KeyStore, KeyStoreError
from keurmerk.verify import VALID, TrustedIssuer, verify_credential

ISSUER = "https://keurmerk.example.nl/issuer"
NOW = datetime(2027, 1, 1, tzinfo=UTC)


def _credential(store: KeyStore) -> dict:
    info, key = store.active()
    document = {
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
    return sign(document, key, info.method)


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
