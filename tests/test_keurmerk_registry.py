"""The registry (SQLite file): atomic issuing, unguessable numbers, status changes re-signed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk import statuslist
from keurmerk.credential import IssuerProfile, build_credential, keurmerk_number
from keurmerk.dataintegrity import sign
from keurmerk.documents import VC_V2
from keurmerk.multikey import encode_public_key
from keurmerk.numbers import new_number, normalise
from keurmerk.registry import ACTIVE, REVOKED, SUSPENDED, Registry

ISSUER = IssuerProfile(
    id="https://keurmerk.example.nl/issuer",
    name="Stichting Keurmerk",
    url="https://keurmerk.example.nl",
    base_url="https://keurmerk.example.nl",
)
KEY = Ed25519PrivateKey.generate()
METHOD = f"{ISSUER.id}#{encode_public_key(KEY.public_key())}"
WHEN = datetime(2026, 12, 1, tzinfo=UTC)
UNTIL = datetime(2029, 12, 1, tzinfo=UTC)


def _issue(registry: Registry, learner="d01", name="Samira Benali", fail=False):
    def make(number, index):
        credential = build_credential(
            issuer=ISSUER,
            number=number,
            name=name,
            awarded=WHEN,
            valid_from=WHEN,
            valid_until=UNTIL,
            status_index=index,
        )
        if fail:
            raise RuntimeError("power cut while signing")
        return sign(credential, KEY, METHOD)

    return registry.issue(
        learner_id=learner,
        name=name,
        email_hash="hmac-sha256$test",
        make_credential=make,
        awarded_at=WHEN,
        valid_from=WHEN,
        valid_until=UNTIL,
    )


def _sign_list(purpose: str, bits: bytes) -> dict:
    document = {
        "@context": [VC_V2],
        "id": f"{ISSUER.base_url}/status/{purpose}",
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": ISSUER.id,
        "validFrom": "2026-12-01T00:00:00Z",
        "credentialSubject": {
            "id": f"{ISSUER.base_url}/status/{purpose}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": statuslist.encode(bits),
        },
    }
    return sign(document, KEY, METHOD)


@pytest.fixture
def registry(tmp_path):
    return Registry(f"sqlite:///{tmp_path / 'keurmerk.sqlite'}")


def test_issue_stores_the_signed_credential(registry, tmp_path):
    certificate = _issue(registry)
    assert (tmp_path / "keurmerk.sqlite").exists()
    stored = registry.find(certificate.number)
    assert stored.state == ACTIVE
    assert keurmerk_number(stored.credential_json()) == certificate.number
    assert stored.credential_json()["proof"][0]["verificationMethod"] == METHOD


def test_a_crash_while_issuing_leaves_nothing(registry):
    with pytest.raises(RuntimeError):
        _issue(registry, fail=True)
    assert registry.certificates() == []


def test_numbers_and_indexes_are_unique(registry):
    issued = [_issue(registry, learner=f"d{i}") for i in range(20)]
    assert len({c.number for c in issued}) == 20
    assert len({c.status_index for c in issued}) == 20


def test_numbers_are_typeable_and_forgiving():
    number = new_number()
    assert normalise(number) == number
    assert normalise(number.lower().replace("-", " ")) == number
    assert normalise("km-oooo-iiii") == "KM-0000-1111"
    for bad in ["", "KM-1234", "'; DROP TABLE certificates;--", "x" * 10_000, "KM-####-####"]:
        assert normalise(bad) is None


def test_suspend_reinstate_revoke_changes_bits_and_resigns(registry):
    certificate = _issue(registry)
    registry.set_state(certificate.number, SUSPENDED, "onderzoek naar een klacht", _sign_list)
    lists = {p: registry.status_list(p, _sign_list) for p in statuslist.PURPOSES}
    bits = statuslist.decode(lists["suspension"]["credentialSubject"]["encodedList"])
    assert statuslist.get_bit(bits, certificate.status_index)
    registry.set_state(certificate.number, ACTIVE, "klacht ongegrond", _sign_list)
    bits = statuslist.decode(
        registry.status_list("suspension", _sign_list)["credentialSubject"]["encodedList"]
    )
    assert not statuslist.get_bit(bits, certificate.status_index)
    registry.set_state(certificate.number, REVOKED, "fraude", _sign_list)
    revoked = registry.find(certificate.number)
    assert (revoked.state, revoked.state_reason) == (REVOKED, "fraude")
    with pytest.raises(ValueError):
        registry.set_state(certificate.number, ACTIVE, "", _sign_list)


def test_unknown_number_cannot_change_state(registry):
    with pytest.raises(LookupError):
        registry.set_state("KM-0000-0000", REVOKED, "x", _sign_list)
