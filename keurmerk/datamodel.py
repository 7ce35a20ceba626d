"""The W3C Verifiable Credentials Data Model 2.0 rules that JSON-LD and a signature do not
check: required properties, URL identifiers, dates as XML Schema ``dateTimeStamp``, a
``type`` on every status, evidence, terms-of-use, refresh and schema entry, a non-empty
subject, and the VC 2.0 context first.

``credential_problems`` and ``presentation_problems`` return short English codes (empty when
the document follows the model). The issuer refuses to sign such a credential and the
verifier calls it ``ongeldig`` with one Dutch message (``messages.DATA_MODEL_BAD``).
"""

from __future__ import annotations

import re
from datetime import datetime

from keurmerk.documents import VC_V2

# XML Schema dateTimeStamp: a date-time with a time zone (``Z`` or an offset).
_DATE_TIME_STAMP = re.compile(
    r"^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
# Properties whose every entry must say its own ``type``.
TYPED_ENTRIES = ("credentialStatus", "evidence", "termsOfUse", "refreshService", "credentialSchema")


def _items(value) -> list:
    return value if isinstance(value, list) else [value]


def _is_url(value) -> bool:
    return isinstance(value, str) and bool(_URL.match(value))


def _is_date_time(value) -> bool:
    if not isinstance(value, str) or not _DATE_TIME_STAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _types(node) -> list:
    found = node.get("type") if isinstance(node, dict) else None
    return _items(found) if found is not None else []


def _context_problems(document: dict) -> list[str]:
    context = document.get("@context")
    contexts = _items(context) if context is not None else []
    if not contexts or contexts[0] != VC_V2:
        return ["context-not-vc2-first"]
    return []


def _type_problems(node, required: str) -> list[str]:
    types = _types(node)
    if not types or not all(isinstance(t, str) and t for t in types):
        return ["type-missing"]
    return [] if required in types else [f"type-not-{required}"]


def _id_problems(node, name: str) -> list[str]:
    if isinstance(node, dict) and "id" in node and not _is_url(node["id"]):
        return [f"{name}-id-not-url"]
    return []


def credential_problems(credential) -> list[str]:
    """Every VC 2.0 data-model rule the credential breaks (empty when it follows them)."""
    if not isinstance(credential, dict):
        return ["not-an-object"]
    problems = _context_problems(credential)
    problems += _type_problems(credential, "VerifiableCredential")
    problems += _id_problems(credential, "credential")
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if not _is_url(issuer_id):
        problems.append("issuer-not-url")
    subjects = _items(credential.get("credentialSubject"))
    if not subjects or not all(isinstance(s, dict) and s for s in subjects):
        problems.append("credentialSubject-empty")
    else:
        for subject in subjects:
            problems += _id_problems(subject, "credentialSubject")
    for name in ("validFrom", "validUntil"):
        if name in credential and not _is_date_time(credential[name]):
            problems.append(f"{name}-not-dateTimeStamp")
    for name in TYPED_ENTRIES:
        for entry in _items(credential.get(name, [])):
            if not isinstance(entry, dict) or not _types(entry):
                problems.append(f"{name}-without-type")
            else:
                problems += _id_problems(entry, name)
    return problems


def presentation_problems(presentation) -> list[str]:
    """Every VC 2.0 data-model rule the presentation (not its credentials) breaks."""
    if not isinstance(presentation, dict):
        return ["not-an-object"]
    problems = _context_problems(presentation)
    problems += _type_problems(presentation, "VerifiablePresentation")
    problems += _id_problems(presentation, "presentation")
    holder = presentation.get("holder")
    holder_id = holder.get("id") if isinstance(holder, dict) else holder
    if holder is not None and not _is_url(holder_id):
        problems.append("holder-not-url")
    for credential in _items(presentation.get("verifiableCredential", [])):
        if not isinstance(credential, dict):
            problems.append("verifiableCredential-not-an-object")
    return problems
