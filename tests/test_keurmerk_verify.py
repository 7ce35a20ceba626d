"""Verification: every tampering caught, unknown issuers refused, dates and status shown."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime

import pytest

from keurmerk import statuslist
from keurmerk.verify import (
    EXPIRED,
    INVALID,
    NOT_YET_VALID,
    REVOKED,
    SUSPENDED,
    UNTRUSTED,
    VALID,
    verify_credential,
)
from keurmerk_issuer import ISSUER, NOW, Issuer


@pytest.fixture(scope="module")
def issuer():
    return Issuer()


def _verify(issuer, credential, now=NOW):
    return verify_credential(credential, {issuer.id: issuer.trust()}, now, issuer.lookup)


def test_our_credential_verifies(issuer):
    result = _verify(issuer, issuer.credential())
    assert result.verified and result.status == VALID
    assert [c.name for c in result.checks] == ["handtekening", "uitgever", "geldigheid", "status"]


def test_json_text_and_bytes_work_too(issuer):
    text = json.dumps(issuer.credential())
    assert _verify(issuer, text).verified and _verify(issuer, text.encode()).verified


def _tampered(credential, path, value):
    changed = copy.deepcopy(credential)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return changed


@pytest.mark.parametrize(
    "path, value",
    [
        (["credentialSubject", "identifier", 0, "identityHash"], "Iemand Anders"),
        (["validUntil"], "2039-12-01T00:00:00Z"),
        (["validFrom"], "2020-01-01T00:00:00Z"),
        (["credentialSubject", "achievement", "name"], "Keurmerk Trainer"),
        (["credentialStatus", 0, "statusListIndex"], "8"),
        (["proof", "proofValue"], "z3FakeSignature"),
        (["issuer", "name"], "Nep Stichting"),
    ],
    ids=["name", "validUntil", "validFrom", "achievement", "status", "proofValue", "issuer"],
)
def test_every_tampering_is_caught(issuer, path, value):
    result = _verify(issuer, _tampered(issuer.credential(), path, value))
    assert not result.verified and result.status == INVALID
    assert "klopt niet" in result.checks[0].message


def test_an_added_unsigned_field_is_caught(issuer):
    """JSON-LD would drop an undefined field, so the signature still matches: refuse anyway."""
    credential = issuer.credential()
    credential["credentialSubject"]["rijbewijs"] = "B"
    result = _verify(issuer, credential)
    assert not result.verified and "handtekening niet beschermt" in result.checks[0].message


def test_a_swapped_key_is_not_trusted(issuer):
    """Signed correctly, but by a key the issuer never published: not a recognised issuer."""
    forger = Issuer()
    credential = forger.credential()
    result = verify_credential(credential, {issuer.id: issuer.trust()}, NOW, forger.lookup)
    assert result.status == UNTRUSTED
    assert result.checks[0].ok and not result.checks[1].ok
    assert result.checks[1].message == "Dit certificaat is niet van een erkende uitgever."


def test_unknown_issuer_is_rejected():
    stranger = Issuer("https://nep-keurmerk.example.com")
    result = verify_credential(stranger.credential(), {}, NOW, stranger.lookup)
    assert result.status == UNTRUSTED and not result.verified


def test_expired_and_not_yet_valid(issuer):
    credential = issuer.credential()
    assert _verify(issuer, credential, now=datetime(2030, 1, 1, tzinfo=UTC)).status == EXPIRED
    assert _verify(issuer, credential, now=datetime(2026, 1, 1, tzinfo=UTC)).status == NOT_YET_VALID


def test_suspended_then_revoked():
    issuer = Issuer()
    credential = issuer.credential(index=4242)
    statuslist.set_bit(issuer.lists["suspension"], 4242, True)
    assert _verify(issuer, credential).status == SUSPENDED
    statuslist.set_bit(issuer.lists["revocation"], 4242, True)
    assert _verify(issuer, credential).status == REVOKED
    statuslist.set_bit(issuer.lists["suspension"], 4242, False)
    statuslist.set_bit(issuer.lists["revocation"], 4242, False)
    assert _verify(issuer, credential).status == VALID


def test_status_list_that_cannot_be_fetched_or_is_forged():
    issuer = Issuer()
    credential = issuer.credential()
    result = verify_credential(credential, {issuer.id: issuer.trust()}, NOW, lambda url: None)
    assert result.status == INVALID and "status" in result.checks[-1].name
    forger = Issuer(ISSUER)
    result = verify_credential(credential, {issuer.id: issuer.trust()}, NOW, forger.lookup)
    assert result.status == INVALID


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\xff", "[]", "null", "{}", '{"proof": 1}', "x" * 100_000, {"proof": {"type": []}}],
)
def test_bad_input_never_crashes(issuer, data):
    result = verify_credential(data, {issuer.id: issuer.trust()}, NOW, issuer.lookup)
    assert not result.verified and result.checks and result.checks[0].message


def test_status_list_bits_and_encoding():
    bits = statuslist.empty()
    statuslist.set_bit(bits, 0, True)
    statuslist.set_bit(bits, 131_071, True)
    decoded = statuslist.decode(statuslist.encode(bits))
    assert statuslist.get_bit(decoded, 0) and statuslist.get_bit(decoded, 131_071)
    assert not statuslist.get_bit(decoded, 1)
    assert decoded[0] == 0x80
    with pytest.raises(statuslist.StatusListError):
        statuslist.decode("uAAAA")
    with pytest.raises(statuslist.StatusListError):
        statuslist.empty(1000)
