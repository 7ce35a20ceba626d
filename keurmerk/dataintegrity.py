"""W3C Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (Ed25519 over RDFC-1.0).

Signing: canonicalise the document without its proof and the proof options (with the
document's ``@context``) using RDF Dataset Canonicalization, hash each with SHA-256, sign
``hash(proof options) + hash(document)`` with Ed25519, and store the signature as a base58btc
multibase ``proofValue``. Verification repeats the hashing and checks the signature.

A term that JSON-LD processing does not define is silently dropped from the canonical form,
so it would not be covered by the signature: ``undefined_terms`` finds them, and ``sign``
refuses such a document.

Canonicalization is bounded like Digital Bazaar's rdf-canonize (``maxWorkFactor`` 1): blank
nodes that all point at each other make RDFC-1.0 take factorial time (8 such nodes, 1.4 KB,
take pyld 89 s), so deep comparisons past that bound raise ``TooComplexError``.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld
from pyld.canon import URDNA2015
from pyld.jsonld import DEFAULT_BASE_IRI, _is_absolute_iri

from keurmerk import ldprocessor
from keurmerk.documents import document_loader
from keurmerk.multikey import decode_signature, encode_signature

CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_TYPE = "DataIntegrityProof"


class UndefinedTermError(ValueError):
    """The document uses terms that JSON-LD would drop (they would not be signed)."""

    def __init__(self, terms: list[str]):
        super().__init__("terms not defined by the document's contexts: " + ", ".join(terms))
        self.terms = terms


class UnreadableError(ValueError):
    """The document cannot be processed as JSON-LD (unknown context, invalid syntax)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class TooComplexError(UnreadableError):
    """Canonicalizing the document would take more work than any credential needs."""

    def __init__(self):
        super().__init__("too-complex")


class _BoundedURDNA2015(URDNA2015):
    """RDFC-1.0 (URDNA2015) with at most n+1 deep comparisons per blank node.

    n is the number of blank nodes that first-degree hashing cannot tell apart; this is
    rdf-canonize's default bound, so we refuse what the reference implementation refuses.
    """

    def __init__(self):
        super().__init__()
        self._deep: dict[str, int] = {}
        self._limit: int | None = None

    def hash_n_degree_quads(self, id_, issuer):
        if self._limit is None:  # first call: only non-unique blank nodes are left here
            self._limit = sum(len(ids) for ids in self.hash_to_blank_nodes.values())
        count = self._deep.get(id_, 0)
        if count > self._limit:
            raise TooComplexError()
        self._deep[id_] = count + 1
        return super().hash_n_degree_quads(id_, issuer)


def _unknown_context(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, jsonld.JsonLdError) and (
            error.type == "jsonld.LoadDocumentError"
            or error.code in ("loading document failed", "loading remote context failed")
        ):
            return True
        error = error.__cause__ or getattr(error, "cause", None)
    return False


def _expand(document: dict) -> list:
    """The expanded form, or ``UnreadableError`` when the document is not JSON-LD we read."""
    try:
        return ldprocessor.expand(document, {"documentLoader": document_loader})
    except jsonld.JsonLdError as error:
        reason = "unknown-context" if _unknown_context(error) else "jsonld"
        raise UnreadableError(reason) from error


def _canonical(expanded: list) -> str:
    dataset = ldprocessor.expanded_to_rdf(copy.deepcopy(expanded))
    return _BoundedURDNA2015().main(dataset, {"format": "application/n-quads"})


def canonicalize(document: dict) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document (offline contexts only).

    Raises ``UnreadableError`` (reason ``unknown-context`` or ``jsonld``) for a document that
    is not JSON-LD we can read, and ``TooComplexError`` past the canonicalization bound.
    """
    return _canonical(_expand(document))


def _node_reference(value) -> bool:
    """``{"id": …}`` alone is a node reference: compaction may turn it into the bare IRI."""
    return isinstance(value, dict) and len(value) == 1 and ("id" in value or "@id" in value)


def _own_context(value) -> bool:
    """An embedded document with its own ``@context`` (a credential inside a presentation):
    compacting with the outer context cannot give it back, and it is checked on its own."""
    items = value if isinstance(value, list) else [value]
    return any(isinstance(item, dict) and "@context" in item for item in items)


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
            if not _node_reference(value) and not _own_context(value):
                found |= _paths(value, path)
    return found


def _relative_types(node, prefix: str = "") -> set[str]:
    """``type`` values that no context defines: pyld resolves them against its made-up base
    IRI (or leaves them relative), so they would be signed as something nobody meant."""
    found = set()
    if isinstance(node, list):
        for item in node:
            found |= _relative_types(item, prefix)
    elif isinstance(node, dict):
        types = node.get("@type", [])
        for value in types if isinstance(types, list) else [types]:
            if not isinstance(value, str):
                continue
            if not _is_absolute_iri(value) or value.startswith(DEFAULT_BASE_IRI):
                found.add(f"type: {value.removeprefix(DEFAULT_BASE_IRI)}")
        for key, value in node.items():
            if key not in ("@type", "@value"):
                found |= _relative_types(value, prefix)
    return found


def undefined_terms(document: dict, expanded: list | None = None) -> list[str]:
    """Keys (as dotted paths) that disappear when the document is expanded and compacted,
    and ``type`` values that are no term and no absolute IRI (as ``type: Value``).

    An object that holds only ``id`` is a node reference, not a term (compaction may turn it
    into the bare IRI string). An embedded document with its own ``@context`` is left to its
    own check.

    ``expanded`` may pass the document's expanded form when the caller already has it.
    """
    context = document.get("@context")
    if context is None:
        return sorted(_paths(document))
    if expanded is None:
        expanded = ldprocessor.expand(document, {"documentLoader": document_loader})
    compacted = ldprocessor.compact(
        expanded,
        {"@context": context},
        {"documentLoader": document_loader, "skipExpansion": True},
    )
    return sorted((_paths(document) - _paths(compacted)) | _relative_types(expanded))


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
    challenge: str | None = None,
    domain: str | None = None,
) -> dict:
    """A copy of ``document`` with an ``eddsa-rdfc-2022`` proof added, as a proof set of one
    (the shape the Open Badges 3.0 JSON Schema requires).

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
    proof |= {"challenge": challenge} if challenge is not None else {}
    proof |= {"domain": domain} if domain is not None else {}
    signature = private_key.sign(_hash_data(unsecured, proof))
    secured = copy.deepcopy(unsecured)
    secured["proof"] = [{**proof, "proofValue": encode_signature(signature)}]
    return secured


def single_proof(document: dict) -> dict | None:
    """The document's one proof: an object, or a set (list) of exactly one.

    A proof set of one signs exactly what a single proof object signs (the proof is a
    separate graph either way), so credentials signed before, with one object, still verify.
    ``None`` when there is no proof or more than one.
    """
    proof = document.get("proof") if isinstance(document, dict) else None
    if isinstance(proof, list):
        proof = proof[0] if len(proof) == 1 else None
    return proof if isinstance(proof, dict) else None


def _verified(document: dict, public_key: Ed25519PublicKey) -> tuple[dict, list] | None:
    """The unsecured document and its expanded form when the signature holds, else ``None``."""
    try:
        proof = dict(single_proof(document))
        if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
            return None
        signature = decode_signature(proof.pop("proofValue"))
        unsecured = {key: value for key, value in document.items() if key != "proof"}
        proof["@context"] = unsecured["@context"]
        proof_hash = hashlib.sha256(canonicalize(proof).encode("utf-8")).digest()
        expanded = _expand(unsecured)
        document_hash = hashlib.sha256(_canonical(expanded).encode("utf-8")).digest()
        public_key.verify(signature, proof_hash + document_hash)
        return unsecured, expanded
    except UnreadableError:
        raise
    except (InvalidSignature, KeyError, TypeError, ValueError, jsonld.JsonLdError):
        return None


def verify_signature(document: dict, public_key: Ed25519PublicKey) -> bool:
    """True when the document's proof is a valid ``eddsa-rdfc-2022`` signature by this key.

    A wrong or malformed signature is simply not valid; a document that cannot be read as
    JSON-LD at all raises ``UnreadableError`` (it is not a forgery, we just cannot tell).
    """
    return _verified(document, public_key) is not None


@dataclass(frozen=True)
class ProofCheck:
    """A proof checked completely: the signature, and fields the signature does not cover."""

    valid: bool
    unsigned: tuple[str, ...] = ()  # dropped by JSON-LD, so not signed (only when valid)


def check_proof(document: dict, public_key: Ed25519PublicKey) -> ProofCheck:
    """``verify_signature`` plus ``undefined_terms`` of the document and of its proof.

    The same checks as calling those one after the other, but the document is expanded
    once. Raises ``UnreadableError`` like ``verify_signature``.
    """
    verified = _verified(document, public_key)
    if verified is None:
        return ProofCheck(False)
    unsecured, expanded = verified
    signed_proof = {"@context": document.get("@context"), **single_proof(document)}
    unsigned = undefined_terms(unsecured, expanded) + undefined_terms(signed_proof)
    return ProofCheck(True, tuple(unsigned))
