"""W3C Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (Ed25519 over RDFC-1.0).

Signing: canonicalise the document without its proof and the proof options (with the
document's ``@context``) using RDF Dataset Canonicalization, hash each with SHA-256, sign
``hash(proof options) + hash(document)`` with Ed25519, and store the signature as a base58btc
multibase ``proofValue``. Verification repeats the hashing and checks the signature.

A term that JSON-LD processing does not define is silently dropped from the canonical form,
so it would not be covered by the signature: ``undefined_terms`` finds them, and ``sign``
refuses such a document.
"""

from __future__ import annotations

import copy
import hashlib
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld

from keurmerk.documents import document_loader
from keurmerk.multikey import decode_signature, encode_signature

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_TYPE = "DataIntegrityProof"


class UndefinedTermError(ValueError):
    """The document uses terms that JSON-LD would drop (they would not be signed)."""

    def __init__(self, terms: list[str]):
        super().__init__("terms not defined by the document's contexts: " + ", ".join(terms))
        self.terms = terms


def _options() -> dict:
    return {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": document_loader,
    }


def canonicalize(document: dict) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document (offline contexts only)."""
    return jsonld.normalize(document, _options())


def _paths(node, prefix: str = "") -> set[str]:
    found = set()
    if isinstance(node, list):
        for item in node:
            found |= _paths(item, prefix)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                continue
            path = f"{prefix}.{key}" if prefix else key
            found.add(path)
            found |= _paths(value, path)
    return found


def undefined_terms(document: dict) -> list[str]:
    """Keys (as dotted paths) that disappear when the document is expanded and compacted."""
    context = document.get("@context")
    if context is None:
        return sorted(_paths(document))
    expanded = jsonld.expand(document, {"documentLoader": document_loader})
    compacted = jsonld.compact(expanded, {"@context": context}, {"documentLoader": document_loader})
    return sorted(_paths(document) - _paths(compacted))


def _hash_data(unsecured: dict, proof_options: dict) -> bytes:
    options = dict(proof_options)
    options["@context"] = unsecured["@context"]
    proof_hash = hashlib.sha256(canonicalize(options).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonicalize(unsecured).encode("utf-8")).digest()
    return proof_hash + document_hash


def sign(
    document: dict,
    private_key: Ed25519PrivateKey,
    verification_method: str,
    created: datetime | None = None,
    proof_purpose: str = "assertionMethod",
) -> dict:
    """A copy of ``document`` with an ``eddsa-rdfc-2022`` proof added.

    Raises ``UndefinedTermError`` when a term would be dropped by JSON-LD processing.
    """
    unsecured = copy.deepcopy(document)
    unsecured.pop("proof", None)
    dropped = undefined_terms(unsecured)
    if dropped:
        raise UndefinedTermError(dropped)
    when = (created or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "verificationMethod": verification_method,
        "proofPurpose": proof_purpose,
    }
    signature = private_key.sign(_hash_data(unsecured, proof))
    secured = copy.deepcopy(unsecured)
    secured["proof"] = {**proof, "proofValue": encode_signature(signature)}
    return secured


def verify_signature(document: dict, public_key: Ed25519PublicKey) -> bool:
    """True when the document's proof is a valid ``eddsa-rdfc-2022`` signature by this key.

    Never raises on malformed input: anything unexpected is simply not a valid proof.
    """
    try:
        proof = dict(document["proof"])
        if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
            return False
        signature = decode_signature(proof.pop("proofValue"))
        unsecured = {key: value for key, value in document.items() if key != "proof"}
        public_key.verify(signature, _hash_data(unsecured, proof))
        return True
    except (InvalidSignature, KeyError, TypeError, ValueError, jsonld.JsonLdError):
        return False
