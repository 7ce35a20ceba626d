"""The keurmerk credential: OB 3.0 shape, nothing personal beyond the name."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk.credential import (
    IssuerProfile,
    build_credential,
    holder_name,
    keurmerk_number,
)
from keurmerk.dataintegrity import sign, undefined_terms
from keurmerk.documents import OB_V3, VC_V2
from keurmerk.multikey import encode_public_key
from keurmerk.verify import VALID, TrustedIssuer, verify_credential

ISSUER = IssuerProfile(
    id="https://keurmerk.example.nl/issuer",
    name="Stichting Keurmerk Sleutelpersonen",
    url="https://keurmerk.example.nl",
    base_url="https://keurmerk.example.nl",
)


def _credential(**overrides):
    values = dict(
        issuer=ISSUER,
        number="KM-7QF3-9XPA",
        name="Samira Benali",
        awarded=datetime(2026, 12, 1, tzinfo=UTC),
        valid_from=datetime(2026, 12, 1, tzinfo=UTC),
        valid_until=datetime(2029, 12, 1, tzinfo=UTC),
        status_index=12,
    )
    return build_credential(**(values | overrides))


def test_every_term_is_defined_so_everything_is_signed():
    assert undefined_terms(_credential()) == []


def test_recipient_is_the_display_name_only():
    credential = _credential()
    subject = credential["credentialSubject"]
    assert set(subject) == {"type", "licenseNumber", "identifier", "achievement"}
    assert holder_name(credential) == "Samira Benali"
    assert [item["identityType"] for item in subject["identifier"]] == ["name"]
    text = json.dumps(credential)
    assert "salt" not in text and "sha256$" not in text
    assert "@" not in text.replace("@context", "")


def test_signed_credential_verifies():
    key = Ed25519PrivateKey.generate()
    method = f"{ISSUER.id}#{encode_public_key(key.public_key())}"
    signed = sign(_credential(), key, method)
    trusted = TrustedIssuer.from_controller(
        {
            "id": ISSUER.id,
            "verificationMethod": [
                {
                    "id": method,
                    "type": "Multikey",
                    "controller": ISSUER.id,
                    "publicKeyMultibase": encode_public_key(key.public_key()),
                }
            ],
            "assertionMethod": [method],
        }
    )
    result = verify_credential(signed, {ISSUER.id: trusted}, datetime(2027, 1, 1, tzinfo=UTC))
    # No status lookup given: the status cannot be checked, everything else must pass.
    assert [c.ok for c in result.checks[:3]] == [True, True, True]
    assert result.status != VALID and result.checks[-1].name == "status"


def test_one_status_entry_of_two_bits_says_valid_suspended_revoked_or_superseded():
    """The OB 3.0 schema wants one credentialStatus object: a message entry of two bits."""
    entry = _credential()["credentialStatus"]
    assert entry["statusPurpose"] == "message" and entry["statusListIndex"] == "12"
    assert entry["statusSize"] == 2
    assert [m["message"] for m in entry["statusMessage"]] == [
        "valid",
        "suspended",
        "revoked",
        "superseded",
    ]
    assert entry["statusListCredential"] == "https://keurmerk.example.nl/status/message"


def test_the_number_is_obs_license_number_and_no_project_context_is_needed():
    credential = _credential()
    assert credential["@context"] == [VC_V2, OB_V3]
    assert credential["credentialSubject"]["licenseNumber"] == "KM-7QF3-9XPA"
    assert keurmerk_number(credential) == "KM-7QF3-9XPA"
    old = {"keurmerkNumber": "KM-AAAA-BBBB", "credentialSubject": {}}
    assert keurmerk_number(old) == "KM-AAAA-BBBB"
