"""The W3C VC-API verify and issue operations, so standard test suites can drive the service.

``POST /credentials/verify`` takes ``{"verifiableCredential": …, "options": …}``,
``POST /presentations/verify`` takes ``{"verifiablePresentation": …, "options": …}``, and
both answer ``{"verified", "checks", "warnings", "errors"}`` (HTTP 200 when verified, 400
otherwise). ``POST /credentials/issue`` (only with ``keurmerk serve --test-uitgifte``) takes
``{"credential": …, "options": …}`` and answers 201 ``{"verifiableCredential": …}``.

The checks are the keurmerk's own (``verify.verify_credential``). Besides the keurmerk's
issuer, a ``did:key`` issuer is resolved offline (its key *is* its identifier), so credentials
from other implementations can be checked; any other issuer is not known. These functions
take and return plain data, so the web service runs them in a worker process with a time
limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk import datamodel
from keurmerk import messages as msg
from keurmerk.bounds import NotJsonError, TooComplexDocumentError, load_document
from keurmerk.check import StatusLists
from keurmerk.dataintegrity import (
    CRYPTOSUITE,
    PROOF_TYPE,
    UndefinedTermError,
    UnreadableError,
    check_proof,
    sign,
    single_proof,
)
from keurmerk.multikey import KeyFormatError, decode_public_key
from keurmerk.verify import TrustedIssuer, Verification, verify_credential

CHECK_NAMES = {
    "handtekening": "proof",
    "uitgever": "issuer",
    "geldigheid": "validity",
    "status": "credentialStatus",
    "vorm": "dataModel",
    "bestand": "document",
}
DID_KEY = "did:key:"


class BadRequest(ValueError):
    """The request body is not what the operation takes."""


def _body(data: bytes, field: str) -> tuple[dict, dict]:
    try:
        body = load_document(data)
    except (NotJsonError, TooComplexDocumentError) as error:
        raise BadRequest("body is not a JSON object within the size and depth bounds") from error
    document, options = body.get(field), body.get("options", {})
    if not isinstance(document, dict) or not isinstance(options, dict):
        raise BadRequest(f"'{field}' must be an object and 'options' an object")
    return document, options


def _problem(title: str, detail: str) -> dict:
    return {"type": f"https://www.w3.org/TR/vc-data-model-2.0/#{title}", "title": title,
            "detail": detail}  # fmt: skip


def _did_key_holder(method) -> TrustedIssuer | None:
    """The ``did:key`` a verification method belongs to, when the method is that key."""
    if not isinstance(method, str) or not method.startswith(DID_KEY) or "#" not in method:
        return None
    did, fragment = method.split("#", 1)
    if did != DID_KEY + fragment:
        return None
    return TrustedIssuer(id=did, name=did, keys={method: fragment})


def _resolvable(credential: dict, trusted: Mapping[str, TrustedIssuer]) -> dict:
    proof = single_proof(credential) or {}
    resolved = _did_key_holder(proof.get("verificationMethod"))
    if resolved is None or resolved.id in trusted:
        return dict(trusted)
    return {**trusted, resolved.id: resolved}


def result_of(verification: Verification) -> dict:
    """A ``Verification`` as a VC-API verification result."""
    return {
        "verified": verification.verified,
        "checks": [CHECK_NAMES.get(c.name, c.name) for c in verification.checks if c.ok],
        "warnings": [],
        "errors": [
            _problem(CHECK_NAMES.get(c.name, c.name), c.message)
            for c in verification.checks
            if not c.ok
        ],
        "status": verification.status,
        "name": verification.holder,
    }


def _verify_one(credential, trusted, now: datetime, lists: StatusLists) -> dict:
    if not isinstance(credential, dict):
        return {"verified": False, "checks": [], "warnings": [],
                "errors": [_problem("document", msg.UNREADABLE)]}  # fmt: skip
    return result_of(verify_credential(credential, _resolvable(credential, trusted), now, lists))


def verify_credential_body(
    data: bytes, trusted: Mapping[str, TrustedIssuer], now: datetime, lists: StatusLists
) -> tuple[int, dict]:
    """``POST /credentials/verify``: (HTTP status, verification result)."""
    try:
        credential, _options = _body(data, "verifiableCredential")
    except BadRequest as error:
        return 400, {"verified": False, "checks": [], "warnings": [],
                     "errors": [_problem("request", str(error))]}  # fmt: skip
    result = _verify_one(credential, trusted, now, lists)
    return (200 if result["verified"] else 400), result


def _presentation_proof(presentation: dict, options: dict, trusted) -> tuple[list, list]:
    """Checks and errors for the presentation's own (authentication) proof."""
    proof = single_proof(presentation)
    if proof is None:
        return [], [_problem("proof", msg.NO_PROOF)]
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return [], [_problem("proof", msg.UNKNOWN_FORMAT)]
    method = proof.get("verificationMethod")
    holder = _did_key_holder(method)
    known = next((i.keys[method] for i in trusted.values() if method in i.keys), None)
    key_text = known or (holder.keys[method] if holder else None)
    errors = []
    try:
        key = decode_public_key(key_text) if key_text else None
    except KeyFormatError:
        key = None
    outcome = check_proof(presentation, key) if key is not None else None
    if outcome is None or not outcome.valid or outcome.unsigned:
        errors.append(_problem("proof", msg.PROOF_BAD))
    if proof.get("proofPurpose") != "authentication":
        errors.append(_problem("proofPurpose", "proofPurpose must be authentication"))
    for name in ("challenge", "domain"):
        if name in options and proof.get(name) != options[name]:
            errors.append(_problem(name, f"the proof's {name} differs from options.{name}"))
    holder_field = presentation.get("holder")
    holder_id = holder_field.get("id") if isinstance(holder_field, dict) else holder_field
    if holder_id is not None and not str(method).startswith(f"{holder_id}#"):
        errors.append(_problem("holder", "the proof is not by the presentation's holder"))
    return ([] if errors else ["proof"]), errors


def verify_presentation_body(
    data: bytes, trusted: Mapping[str, TrustedIssuer], now: datetime, lists: StatusLists
) -> tuple[int, dict]:
    """``POST /presentations/verify``: the presentation, its proof (if any) and every
    credential in it. An unsigned presentation is a warning, not an error."""
    try:
        presentation, options = _body(data, "verifiablePresentation")
    except BadRequest as error:
        return 400, {"verified": False, "checks": [], "warnings": [],
                     "errors": [_problem("request", str(error))]}  # fmt: skip
    errors = [_problem(code, msg.DATA_MODEL_BAD) for code in datamodel.presentation_problems(
        presentation)]  # fmt: skip
    checks, warnings = [], []
    if not errors:
        if "proof" in presentation:
            try:
                checks, proof_errors = _presentation_proof(presentation, options, trusted)
            except UnreadableError:
                checks, proof_errors = [], [_problem("proof", msg.UNKNOWN_CONTEXT)]
            errors += proof_errors
        elif "challenge" in options:
            errors.append(_problem("proof", msg.NO_PROOF))
        else:
            warnings.append(_problem("proof", "the presentation is not signed"))
    credentials = presentation.get("verifiableCredential", [])
    credentials = credentials if isinstance(credentials, list) else [credentials]
    results = [_verify_one(c, trusted, now, lists) for c in credentials] if not errors else []
    verified = not errors and all(r["verified"] for r in results)
    body = {"verified": verified, "checks": checks, "warnings": warnings, "errors": errors,
            "credentialResults": results}  # fmt: skip
    return (200 if verified else 400), body


def issue_body(data: bytes, issuer_id: str, method: str, private_key: bytes) -> tuple[int, dict]:
    """``POST /credentials/issue`` (test flag only): sign a VC 2.0 credential of our issuer."""
    try:
        credential, _options = _body(data, "credential")
    except BadRequest as error:
        return 400, {"errors": [_problem("request", str(error))]}
    credential = dict(credential)
    issuer = credential.get("issuer")
    if (issuer.get("id") if isinstance(issuer, dict) else issuer) != issuer_id:
        return 400, {"errors": [_problem("issuer", f"the issuer must be {issuer_id}")]}
    problems = datamodel.credential_problems(credential)
    if problems:
        return 400, {"errors": [_problem(code, msg.DATA_MODEL_BAD) for code in problems]}
    try:
        signed = sign(credential, Ed25519PrivateKey.from_private_bytes(private_key), method)
    except UndefinedTermError as error:
        return 400, {"errors": [_problem("undefinedTerm", str(error))]}
    except UnreadableError as error:
        return 400, {"errors": [_problem("context", error.reason)]}
    return 201, {"verifiableCredential": signed}
