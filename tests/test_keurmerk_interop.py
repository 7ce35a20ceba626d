"""Cross-verification with two independent implementations, both ways, fully offline.

Digital Bazaar's reference libraries (npm ``@digitalbazaar/vc``, ``data-integrity``,
``eddsa-rdfc-2022-cryptosuite``; ``tools/interop``, installed by ``make test`` with ``npm ci``)
and ``openbadgeslib`` (PyPI, its strict OB 3.0 verifier) accept our credentials, and
credentials they sign pass our real service (``POST /credentials/verify``); a tampered one
fails everywhere. A missing install fails these tests: they are never skipped.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from openbadgeslib.ob3.ldp import OB3LdpVerifier, add_data_integrity_proof

from conftest import ROOT
from keurmerk.cli import main
from keurmerk.multikey import decode_public_key, encode_public_key
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk_service import post, serving

INTEROP = ROOT / "tools" / "interop"
TAMPERINGS = [
    lambda c: c["credentialSubject"]["identifier"][0].update(identityHash="Iemand Anders"),
    lambda c: c.update(validUntil="2099-01-01T00:00:00Z"),
    lambda c: c["credentialSubject"]["achievement"].update(name="Keurmerk Trainer"),
]
TAMPER_IDS = ["name", "validUntil", "achievement"]


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None or not (INTEROP / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        pytest.fail("node or tools/interop/node_modules is missing: run make test (npm ci)")
    return found


def _run_node(node: str, *args: str) -> dict:
    done = subprocess.run(
        [node, str(INTEROP / "interop.mjs"), *args], capture_output=True, text=True, timeout=120
    )
    assert done.stdout, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def beheer(tmp_path_factory) -> Keurmerkbeheer:
    home = tmp_path_factory.mktemp("interop") / "home"
    result = CliRunner().invoke(
        main,
        ["init", "--map", str(home), "--url", "https://keurmerk.example.nl", "--naam", "Stichting"],
    )
    assert result.exit_code == 0, result.output
    return Keurmerkbeheer(Config.load(home))


@pytest.fixture(scope="module")
def credential(beheer) -> dict:
    return beheer.issue("d1", "Samira Benali", "s@example.org").credential_json()


@pytest.fixture(scope="module")
def service(beheer, tmp_path_factory):
    log = tmp_path_factory.mktemp("interop-log") / "serve.log"
    with serving(beheer.config.home, log, "--limiet", "10000") as base:
        yield base


def _files(tmp_path: Path, credential: dict, issuer: dict) -> tuple[str, str]:
    (tmp_path / "credential.json").write_text(json.dumps(credential), encoding="utf-8")
    (tmp_path / "issuer.json").write_text(json.dumps(issuer), encoding="utf-8")
    return str(tmp_path / "credential.json"), str(tmp_path / "issuer.json")


def test_our_credential_verifies_with_digital_bazaar(node, beheer, credential, tmp_path):
    result = _run_node(node, "verify", *_files(tmp_path, credential, beheer.issuer_document()))
    assert result == {"verified": True, "errors": []}


@pytest.mark.parametrize("change", TAMPERINGS, ids=TAMPER_IDS)
def test_digital_bazaar_refuses_our_credential_tampered(node, beheer, credential, tmp_path, change):
    tampered = copy.deepcopy(credential)
    change(tampered)
    result = _run_node(node, "verify", *_files(tmp_path, tampered, beheer.issuer_document()))
    assert result["verified"] is False, result


def _issuer_pem(beheer: Keurmerkbeheer) -> bytes:
    method = beheer.issuer_document()["verificationMethod"][-1]["publicKeyMultibase"]
    key = decode_public_key(method)
    return key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def test_our_credential_verifies_with_openbadgeslib(beheer, credential):
    """openbadgeslib's strict OB 3.0 verifier: schema, contexts, proof, no project context."""
    badge = OB3LdpVerifier(pubkey_pem=_issuer_pem(beheer)).verify(copy.deepcopy(credential))
    assert badge is not None


@pytest.mark.parametrize("change", TAMPERINGS, ids=TAMPER_IDS)
def test_openbadgeslib_refuses_our_credential_tampered(beheer, credential, change):
    tampered = copy.deepcopy(credential)
    change(tampered)
    with pytest.raises(Exception, match="(?i)proof|signature"):
        OB3LdpVerifier(pubkey_pem=_issuer_pem(beheer)).verify(tampered)


def _unsigned(credential: dict) -> dict:
    """Our credential's content without our proof, status or id: for a peer to sign."""
    return {k: v for k, v in credential.items() if k not in ("proof", "credentialStatus", "id")}


def _verify_in_service(service: str, credential: dict) -> tuple[int, dict]:
    status, result, _ = post(service + "/credentials/verify", {"verifiableCredential": credential})
    return status, result


def test_a_digital_bazaar_credential_verifies_in_our_service(node, service, credential, tmp_path):
    path, _ = _files(tmp_path, _unsigned(credential), {})
    issued = _run_node(node, "issue", path)
    signed = issued["verifiableCredential"]
    assert signed["issuer"]["id"] == issued["issuer"].split("#")[0]
    status, result = _verify_in_service(service, signed)
    assert status == 200 and result["verified"] is True, result
    assert result["name"] == "Samira Benali"
    for change in TAMPERINGS:
        tampered = copy.deepcopy(signed)
        change(tampered)
        status, result = _verify_in_service(service, tampered)
        assert status == 400 and result["verified"] is False, result


def test_an_openbadgeslib_credential_verifies_in_our_service(service, credential):
    key = Ed25519PrivateKey.generate()
    public = encode_public_key(key.public_key())
    did = f"did:key:{public}"
    document = _unsigned(credential)
    document["issuer"] = {**document["issuer"], "id": did}
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())
    signed = add_data_integrity_proof(document, pem, f"{did}#{public}")
    status, result = _verify_in_service(service, signed)
    assert status == 200 and result["verified"] is True, result
    for change in TAMPERINGS:
        tampered = copy.deepcopy(signed)
        change(tampered)
        status, result = _verify_in_service(service, tampered)
        assert status == 400 and result["verified"] is False, result
