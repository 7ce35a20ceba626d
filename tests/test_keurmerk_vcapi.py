"""The VC-API routes on a real uvicorn process: verify credentials and presentations, and
issue only behind ``keurmerk serve --test-uitgifte``, with the service's limits and headers."""

from __future__ import annotations

import copy

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk.cli import main
from keurmerk.dataintegrity import sign
from keurmerk.documents import OB_V3, VC_V2
from keurmerk.multikey import encode_public_key
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk_service import post, serving

ISSUER_URL = "https://keurmerk.example.nl"


@pytest.fixture(scope="module")
def beheer(tmp_path_factory) -> Keurmerkbeheer:
    home = tmp_path_factory.mktemp("vcapi") / "home"
    result = CliRunner().invoke(
        main, ["init", "--map", str(home), "--url", ISSUER_URL, "--naam", "Stichting Keurmerk"]
    )
    assert result.exit_code == 0, result.output
    return Keurmerkbeheer(Config.load(home))


@pytest.fixture(scope="module")
def credential(beheer) -> dict:
    return beheer.issue("d1", "Samira Benali", "s@example.org").credential_json()


@pytest.fixture(scope="module")
def service(beheer, tmp_path_factory):
    log = tmp_path_factory.mktemp("vcapi-log") / "serve.log"
    with serving(beheer.config.home, log, "--test-uitgifte", "--limiet", "10000") as base:
        yield base


@pytest.fixture(scope="module")
def plain_service(beheer, tmp_path_factory):
    log = tmp_path_factory.mktemp("vcapi-log") / "serve-plain.log"
    with serving(beheer.config.home, log) as base:
        yield base


def test_our_credential_verifies(service, credential):
    status, result, headers = post(service + "/credentials/verify", {
        "verifiableCredential": credential, "options": {}})  # fmt: skip
    assert status == 200 and result["verified"] is True, result
    assert {"proof", "issuer", "validity", "credentialStatus"} <= set(result["checks"])
    assert result["errors"] == [] and result["warnings"] == []
    assert result["name"] == "Samira Benali"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Iemand Anders"),
        lambda c: c["credentialSubject"].update(licenseNumber="KM-0000-0000"),
        lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
        lambda c: c["proof"][0].update(proofValue="z3FakeSignature"),
        lambda c: c.update(validFrom="morgen"),
    ],
    ids=["name", "number", "validUntil", "proofValue", "validFrom-format"],
)
def test_a_tampered_credential_is_refused(service, credential, change):
    tampered = copy.deepcopy(credential)
    change(tampered)
    status, result, _ = post(service + "/credentials/verify", {"verifiableCredential": tampered})
    assert status == 400 and result["verified"] is False and result["errors"], result


@pytest.mark.parametrize(
    "body",
    [b"niet json", b"[]", b'{"verifiableCredential": "tekst"}', b'{"credential": {}}'],
)
def test_a_bad_request_is_400(service, body):
    status, result, headers = post(service + "/credentials/verify", body)
    assert status == 400 and result["verified"] is False
    assert "Content-Security-Policy" in headers


def test_a_huge_body_is_413(service):
    # over the route's 2 MB, under the stream limit (which cuts the connection at 2 MB + 64 KB)
    status, result, headers = post(service + "/credentials/verify", b" " * (2 * 1024 * 1024 + 9))
    assert status == 413 and "fout" in result and "X-Frame-Options" in headers


def _holder():
    key = Ed25519PrivateKey.generate()
    public = encode_public_key(key.public_key())
    return key, f"did:key:{public}", f"did:key:{public}#{public}"


def _presentation(credential: dict, holder: str | None = None) -> dict:
    presentation = {
        "@context": [VC_V2],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [credential],
    }
    return presentation | ({"holder": holder} if holder else {})


def test_an_unsigned_presentation_verifies_with_a_warning(service, credential):
    status, result, _ = post(service + "/presentations/verify", {
        "verifiablePresentation": _presentation(credential)})  # fmt: skip
    assert status == 200 and result["verified"] is True, result
    assert result["warnings"] and result["credentialResults"][0]["verified"] is True


def test_a_signed_presentation_checks_proof_and_challenge(service, credential):
    key, did, method = _holder()
    signed = sign(
        _presentation(credential, did), key, method, proof_purpose="authentication",
        challenge="abc123", domain="gemeente.example.nl",
    )  # fmt: skip
    options = {"challenge": "abc123", "domain": "gemeente.example.nl"}
    url = service + "/presentations/verify"
    status, result, _ = post(url, {"verifiablePresentation": signed, "options": options})
    assert status == 200 and result["verified"] is True and "proof" in result["checks"], result
    wrong = {"challenge": "other", "domain": "gemeente.example.nl"}
    status, result, _ = post(url, {"verifiablePresentation": signed, "options": wrong})
    assert status == 400 and result["verified"] is False
    tampered = copy.deepcopy(signed)
    tampered["holder"] = _holder()[1]
    status, result, _ = post(url, {"verifiablePresentation": tampered, "options": options})
    assert status == 400 and result["verified"] is False


def test_a_presentation_with_a_tampered_credential_is_refused(service, credential):
    tampered = copy.deepcopy(credential)
    tampered["name"] = "Keurmerk Trainer"
    status, result, _ = post(service + "/presentations/verify", {
        "verifiablePresentation": _presentation(tampered)})  # fmt: skip
    assert status == 400 and result["credentialResults"][0]["verified"] is False


def _plain_credential() -> dict:
    return {
        "@context": [VC_V2, OB_V3],
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": ISSUER_URL + "/issuer", "type": ["Profile"], "name": "Stichting"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Test",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/a",
                "type": ["Achievement"],
                "name": "Test",
                "description": "Test",
                "criteria": {"narrative": "Test"},
            },
        },
    }


def test_issue_signs_and_the_result_verifies(service):
    status, result, _ = post(service + "/credentials/issue", {"credential": _plain_credential()})
    assert status == 201, result
    issued = result["verifiableCredential"]
    assert issued["proof"][0]["cryptosuite"] == "eddsa-rdfc-2022"
    status, result, _ = post(service + "/credentials/verify", {"verifiableCredential": issued})
    assert status == 200 and result["verified"] is True, result


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.update(type=["VerifiableCredential", "KeurmerkCredential"]),
        lambda c: c.update(issuer="https://iemand-anders.example.org"),
        lambda c: c.update(validFrom="2026-01-01"),
        lambda c: c["credentialSubject"].update(rijbewijs="B"),
        lambda c: c.update({"@context": [OB_V3, VC_V2]}),
    ],
    ids=["undefined-type", "other-issuer", "date-format", "undefined-term", "context-order"],
)
def test_issue_refuses_what_it_should_not_sign(service, change):
    credential = _plain_credential()
    change(credential)
    status, result, _ = post(service + "/credentials/issue", {"credential": credential})
    assert status == 400 and result["errors"], result


def test_issue_is_not_there_without_the_test_flag(plain_service, credential):
    status, _, _ = post(plain_service + "/credentials/issue", {"credential": _plain_credential()})
    assert status in (404, 405)
    status, result, _ = post(plain_service + "/credentials/verify", {
        "verifiableCredential": credential})  # fmt: skip
    assert status == 200 and result["verified"] is True
