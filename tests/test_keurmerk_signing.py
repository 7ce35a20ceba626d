"""eddsa-rdfc-2022: the official 1EdTech Open Badges 3.0 vector, our signer, and tampering."""

from __future__ import annotations

import copy
import hashlib
import json
import stat
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from conftest import ROOT
from keurmerk.dataintegrity import UndefinedTermError, sign, undefined_terms, verify_signature
from keurmerk.documents import (
    DATA_INTEGRITY_V2,
    DID_V1,
    MULTIKEY_V1,
    OB_V3,
    VC_V2,
    document_loader,
    known_contexts,
)
from keurmerk.multikey import (
    KeyFormatError,
    decode_public_key,
    encode_public_key,
    read_private_key,
    write_private_key,
)

# Unmodified copies of ../shared/standards/vectors (the official 1EdTech test vector).
VECTORS = ROOT / "tests" / "fixtures" / "standards"
VECTOR = json.loads((VECTORS / "1edtech-ob3-eddsa-rdfc-2022.json").read_text())
CONTROLLER = json.loads((VECTORS / "1edtech-issuer-controller.json").read_text())
VECTOR_KEY = decode_public_key(CONTROLLER["verificationMethod"][0]["publicKeyMultibase"])


def _changed(path: list, value):
    document = copy.deepcopy(VECTOR)
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return document


# SHA-256 of the public documents in ../shared/standards/contexts (unmodified copies).
CONTEXT_SHA256 = {
    "credentials-v2.jsonld": "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
    "data-integrity-v2.jsonld": "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
    "did-v1.jsonld": "62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f",
    "multikey-v1.jsonld": "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
    "ob-v3p0-context-3.0.3.json": (
        "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761"
    ),
}


@pytest.mark.parametrize("name", sorted(CONTEXT_SHA256))
def test_shipped_contexts_are_byte_identical_copies(name):
    data = (ROOT / "keurmerk" / "contexts" / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == CONTEXT_SHA256[name]


def test_every_standard_context_is_served():
    assert {VC_V2, OB_V3, MULTIKEY_V1, DID_V1, DATA_INTEGRITY_V2} <= set(known_contexts())


def test_unknown_context_is_never_fetched():
    with pytest.raises(Exception, match="not shipped"):
        document_loader("https://example.org/evil-context.jsonld")


def test_official_vector_verifies():
    """Does the 1EdTech OB 3.0 eddsa-rdfc-2022 test vector verify with our verifier?"""
    assert verify_signature(VECTOR, VECTOR_KEY)


@pytest.mark.parametrize(
    "path, value",
    [
        (["name"], "Teamwork Badge!"),
        (["validFrom"], "2010-01-02T00:00:00Z"),
        (["issuer", "name"], "Other Corp"),
        (["credentialSubject", "id"], "did:example:someone-else"),
        (["credentialSubject", "achievement", "name"], "Leadership"),
        (["credentialSubject", "achievement", "criteria", "narrative"], "Anyone."),
        (["proof", "created"], "2010-01-01T19:23:25Z"),
        (["proof", "proofPurpose"], "authentication"),
        (["id"], "http://example.com/credentials/3528"),
    ],
)
def test_official_vector_fails_after_any_signed_change(path, value):
    assert not verify_signature(_changed(path, value), VECTOR_KEY)


def test_official_vector_fails_with_a_broken_proof_value():
    value = VECTOR["proof"]["proofValue"]
    broken = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    assert not verify_signature(_changed(["proof", "proofValue"], broken), VECTOR_KEY)
    assert not verify_signature(_changed(["proof", "proofValue"], "not-multibase"), VECTOR_KEY)


def test_vector_uses_only_defined_terms():
    unsecured = {k: v for k, v in VECTOR.items() if k != "proof"}
    assert undefined_terms(unsecured) == []


def test_sign_then_verify_with_a_fresh_key():
    key = Ed25519PrivateKey.generate()
    public = encode_public_key(key.public_key())
    document = {k: v for k, v in VECTOR.items() if k != "proof"}
    signed = sign(
        document,
        key,
        f"https://example.edu/issuers/565049#{public}",
        created=datetime(2026, 11, 25, tzinfo=UTC),
    )
    assert signed["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"  # a proof set of one
    assert verify_signature(signed, key.public_key())
    assert not verify_signature(signed, Ed25519PrivateKey.generate().public_key())


def test_signer_refuses_terms_that_json_ld_would_drop():
    """An undefined field would be unsigned (a forgery hole): the signer must refuse it."""
    document = {k: v for k, v in VECTOR.items() if k != "proof"}
    document["credentialSubject"] = dict(document["credentialSubject"], favouriteColour="blauw")
    with pytest.raises(UndefinedTermError) as refused:
        sign(document, Ed25519PrivateKey.generate(), "https://example.edu/issuers/565049#k")
    assert refused.value.terms == ["credentialSubject.favouriteColour"]


def test_multikey_round_trip_and_bad_input():
    key = Ed25519PrivateKey.generate().public_key()
    encoded = encode_public_key(key)
    assert encoded.startswith("z6Mk")
    assert encode_public_key(decode_public_key(encoded)) == encoded
    for bad in ["", "abc", "z111", "z" + "1" * 40]:
        with pytest.raises(KeyFormatError):
            decode_public_key(bad)


def test_private_key_file_is_0600_and_never_overwritten(tmp_path):
    key = Ed25519PrivateKey.generate()
    path = tmp_path / "keys" / "issuer.pem"
    write_private_key(key, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert encode_public_key(read_private_key(path).public_key()) == encode_public_key(
        key.public_key()
    )
    with pytest.raises(FileExistsError):
        write_private_key(Ed25519PrivateKey.generate(), path)
    path.chmod(0o644)
    with pytest.raises(PermissionError):
        read_private_key(path)
