"""Interop without a project context: the shipped OB contexts, node references, undefined
types, and the VC 2.0 data model on issue and on verify."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from keurmerk import messages as msg
from keurmerk.dataintegrity import UndefinedTermError, sign, undefined_terms
from keurmerk.documents import CONTEXT_DIR, OB_V3, VC_V2, document_loader
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import INVALID, UNREADABLE, VALID, verify_credential
from keurmerk_issuer import NOW, Issuer

STANDARDS = Path(__file__).resolve().parents[2] / "shared" / "standards" / "contexts"
OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"


@pytest.fixture(scope="module")
def issuer():
    return Issuer()


def _verify(issuer, credential):
    return verify_credential(credential, {issuer.id: issuer.trust()}, NOW, issuer.lookup)


def _unsigned(issuer) -> dict:
    credential = issuer.credential(shape="message")
    del credential["proof"]
    return credential


@pytest.mark.skipif(not STANDARDS.is_dir(), reason="only where ../shared/standards is laid")
def test_shipped_contexts_are_unmodified_copies_of_the_standards():
    index = json.loads((STANDARDS / "index.json").read_text(encoding="utf-8"))
    assert (CONTEXT_DIR / "index.json").read_bytes() == (STANDARDS / "index.json").read_bytes()
    for name in index.values():
        assert (CONTEXT_DIR / name).read_bytes() == (STANDARDS / name).read_bytes(), name


@pytest.mark.parametrize(
    "url",
    [
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        OB_V3,
        OB_EXTENSIONS,
    ],
)
def test_every_ob_context_is_served_offline(url):
    assert "@context" in document_loader(url)["document"]


@pytest.mark.parametrize(
    "contexts",
    [
        [VC_V2, "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"],
        [VC_V2, OB_V3, OB_EXTENSIONS],
    ],
    ids=["3.0.2", "extensions"],
)
def test_badges_naming_other_ob_contexts_verify(issuer, contexts):
    """Another issuer's OB 3.0 badge with extensions.json is geldig, not vervalst. (3.0.1 is
    served too, but it redefines protected VC 2.0 terms, so it only goes with VC 1.1.)"""
    credential = _unsigned(issuer) | {"@context": contexts}
    signed = sign(credential, issuer.key, issuer.method)
    assert _verify(issuer, signed).status == VALID


def test_an_object_with_only_an_id_is_a_node_reference_not_an_undefined_term(issuer):
    credential = _unsigned(issuer)
    credential["issuer"] = {"id": issuer.id}
    assert undefined_terms(credential) == []
    signed = sign(credential, issuer.key, issuer.method)
    assert _verify(issuer, signed).status == VALID


def test_an_undefined_term_under_a_node_reference_is_still_found(issuer):
    credential = _unsigned(issuer)
    credential["credentialSubject"]["rijbewijs"] = {"id": "https://example.org/b"}
    assert "credentialSubject.rijbewijs" in undefined_terms(credential)


def test_an_undefined_type_value_is_refused(issuer):
    credential = _unsigned(issuer)
    credential["type"] = ["VerifiableCredential", "OpenBadgeCredential", "KeurmerkCredential"]
    with pytest.raises(UndefinedTermError, match="type: KeurmerkCredential"):
        sign(credential, issuer.key, issuer.method)


def _change(credential: dict, change) -> dict:
    changed = copy.deepcopy(credential)
    change(changed)
    return changed


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c.update(issuer={"id": "Stichting Keurmerk", "type": ["Profile"]}),
        lambda c: c.update(issuer="geen adres"),
        lambda c: c.pop("issuer"),
        lambda c: c.update(validFrom="2026-12-01T00:00:00"),
        lambda c: c.update(validUntil="1 december 2029"),
        lambda c: c.update(type=["OpenBadgeCredential"]),
        lambda c: c.update(credentialSubject={}),
        lambda c: c.pop("credentialSubject"),
        lambda c: c.update(id="keurmerk 7"),
        lambda c: c["credentialStatus"].pop("type"),
        lambda c: c.update(evidence=[{"id": "https://example.org/bewijs"}]),
        lambda c: c.update(termsOfUse={"id": "https://example.org/voorwaarden"}),
    ],
    ids=[
        "issuer-id",
        "issuer-string",
        "no-issuer",
        "validFrom-no-zone",
        "validUntil-text",
        "no-VerifiableCredential",
        "empty-subject",
        "no-subject",
        "id-not-url",
        "status-without-type",
        "evidence-without-type",
        "termsOfUse-without-type",
    ],
)
def test_a_credential_outside_the_vc2_data_model_is_ongeldig(issuer, change):
    result = _verify(issuer, _change(issuer.credential(shape="message"), change))
    assert result.status == INVALID and not result.verified
    assert result.checks == [result.checks[0]] and result.checks[0].name == "vorm"
    assert result.checks[0].message == msg.DATA_MODEL_BAD


def test_the_vc2_context_must_come_first(issuer):
    credential = issuer.credential(shape="message")
    credential["@context"] = [OB_V3, VC_V2]
    result = _verify(issuer, credential)
    assert result.status == UNREADABLE and result.checks[0].message == msg.UNKNOWN_CONTEXT


def test_issuing_refuses_a_credential_outside_the_data_model(tmp_path):
    """An issuer address that is no URL gives an issuer id that is none: nothing is issued."""
    Config.write(tmp_path, "keurmerk-zonder-adres", "Stichting Keurmerk")
    beheer = Keurmerkbeheer(Config.load(tmp_path))
    beheer.init()
    with pytest.raises(ValueError, match="issuer-not-url"):
        beheer.issue("d1", "Samira Benali", "s@example.org")
    assert beheer.registry.certificates() == []
