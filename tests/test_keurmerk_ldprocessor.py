"""The faster JSON-LD path gives exactly what plain pyld gives.

Verification remembers processed contexts (``keurmerk.ldprocessor``), expands a document
once for both the signature and the undefined-term check, and lets pyld keep the shipped
contexts. Every result must stay byte-for-byte what plain pyld computes from scratch, in
any order and on repetition (a remembered context must never leak into another document).
"""

from __future__ import annotations

import copy
import json
from itertools import chain

import pytest
from pyld import jsonld

from conftest import ROOT
from keurmerk import ldprocessor
from keurmerk.dataintegrity import canonicalize, check_proof, undefined_terms, verify_signature
from keurmerk.documents import DID_V1, MULTIKEY_V1, OB_V3, VC_V2, document_loader
from keurmerk.multikey import decode_public_key
from keurmerk_issuer import Issuer

VECTORS = ROOT / "tests" / "fixtures" / "standards"
VECTOR = json.loads((VECTORS / "1edtech-ob3-eddsa-rdfc-2022.json").read_text())
CONTROLLER = json.loads((VECTORS / "1edtech-issuer-controller.json").read_text())

SHARED_SCOPE = {"@vocab": "https://example.org/vocab/"}
INLINE = {
    "@context": [
        VC_V2,
        {
            "@protected": True,
            "ex": "https://example.org/terms#",
            "Color": {"@id": "ex:Color", "@type": "@vocab", "@context": SHARED_SCOPE},
            "Shape": {"@id": "ex:Shape", "@type": "@vocab", "@context": SHARED_SCOPE},
            "tags": {"@id": "ex:tags", "@container": "@list"},
            "label": {"@id": "ex:label", "@language": "nl"},
            "Box": {
                "@id": "ex:Box",
                "@context": {"@propagate": True, "inside": {"@id": "ex:inside"}},
            },
            "Plain": {"@id": "ex:Plain", "@context": {"note": "ex:note"}},
        },
    ],
    "id": "urn:uuid:0b5e9a1e-6c3d-4f55-9d0e-1a2b3c4d5e6f",
    "type": ["VerifiableCredential", "Box"],
    "issuer": "https://example.org/issuer",
    "validFrom": "2027-01-01T00:00:00Z",
    "credentialSubject": {
        "type": "Plain",
        "note": "alleen hier gedefinieerd",
        "Color": "Rood",
        "Shape": "Cirkel",
        "tags": ["b", "a", "b"],
        "label": "doos",
        "inside": {"inside": {"label": "binnenste"}},
    },
}


def _untagged_loader(url: str, options: dict | None = None) -> dict:
    """The shipped contexts, without permission to keep them processed (plain pyld)."""
    remote = dict(document_loader(url, options))
    remote.pop("tag", None)
    remote["document"] = copy.deepcopy(remote["document"])
    return remote


PLAIN = {"documentLoader": _untagged_loader}


def _plain_undefined_terms(document: dict) -> list[str]:
    from keurmerk.dataintegrity import _paths

    context = document.get("@context")
    if context is None:
        return sorted(_paths(document))
    expanded = jsonld.expand(document, dict(PLAIN))
    compacted = jsonld.compact(expanded, {"@context": context}, dict(PLAIN))
    return sorted(_paths(document) - _paths(compacted))


def _documents() -> list[dict]:
    issuer = Issuer()
    unsecured = {k: v for k, v in VECTOR.items() if k != "proof"}
    undefined = copy.deepcopy(unsecured)
    undefined["credentialSubject"]["favouriteColour"] = "blauw"
    undefined["credentialSubject"]["achievement"]["criteria"]["secret"] = 1
    node_reference = copy.deepcopy(INLINE)
    node_reference["credentialSubject"]["inside"] = {"id": "https://example.org/doos/1"}
    proof = dict(VECTOR["proof"], **{"@context": VECTOR["@context"]})
    return [
        VECTOR,
        unsecured,
        undefined,
        proof,
        issuer.credential(),
        issuer.status_credential("revocation"),
        {
            "@context": [DID_V1, MULTIKEY_V1],
            **{k: v for k, v in CONTROLLER.items() if k != "@context"},
        },
        INLINE,
        node_reference,
        {"@context": [VC_V2, OB_V3], "@graph": [unsecured, {"id": "urn:x:1", "name": "los"}]},
        {"name": "zonder context", "nested": {"a": 1}},
    ]


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_same_results_as_plain_pyld_in_any_order(order):
    documents = _documents()
    if order == "backward":
        documents.reverse()
    for document in chain(documents, documents):  # twice: the second round hits the cache
        normalized = jsonld.normalize(
            document, {**PLAIN, "algorithm": "URDNA2015", "format": "application/n-quads"}
        )
        assert canonicalize(copy.deepcopy(document)) == normalized
        expanded = jsonld.expand(document, dict(PLAIN))
        assert ldprocessor.expand(document, {"documentLoader": document_loader}) == expanded
        assert undefined_terms(document) == _plain_undefined_terms(document)
        context = document.get("@context")
        if context is not None:
            options = {"documentLoader": document_loader}
            compacted = jsonld.compact(expanded, {"@context": context}, dict(PLAIN))
            assert ldprocessor.compact(expanded, {"@context": context}, options) == compacted


def test_a_refused_context_stays_refused():
    """Redefining a protected VC 2.0 term is an error every time, never a cached success."""
    document = {
        "@context": [VC_V2, {"name": "https://example.org/not-the-name"}],
        "name": "Samira Benali",
    }
    for _ in range(3):
        with pytest.raises(jsonld.JsonLdError):
            jsonld.expand(document, dict(PLAIN))
        with pytest.raises(jsonld.JsonLdError):
            ldprocessor.expand(document, {"documentLoader": document_loader})


def test_check_proof_matches_the_separate_checks():
    key = decode_public_key(CONTROLLER["verificationMethod"][0]["publicKeyMultibase"])
    forged = copy.deepcopy(VECTOR)
    forged["credentialSubject"]["favouriteColour"] = "blauw"  # unsigned but not a change
    renamed = copy.deepcopy(VECTOR)
    renamed["name"] = "Andere naam"
    for document in (VECTOR, forged, renamed):
        outcome = check_proof(document, key)
        assert outcome.valid == verify_signature(document, key)
        unsecured = {k: v for k, v in document.items() if k != "proof"}
        signed_proof = {"@context": document["@context"], **document["proof"]}
        expected = _plain_undefined_terms(unsecured) + _plain_undefined_terms(signed_proof)
        assert list(outcome.unsigned) == (expected if outcome.valid else [])
    assert check_proof(forged, key).unsigned == ("credentialSubject.favouriteColour",)
    assert not check_proof(renamed, key).valid
