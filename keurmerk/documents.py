"""Offline JSON-LD contexts: every context a credential names is served from this package.

No verifier or issuer machine reaches the internet, and a context fetched at run time
would let a third party change what a signed credential means. Unknown URLs are refused.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pyld import jsonld

CONTEXT_DIR = Path(__file__).resolve().parent / "contexts"

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MULTIKEY_V1 = "https://w3id.org/security/multikey/v1"
DID_V1 = "https://www.w3.org/ns/did/v1"
DATA_INTEGRITY_V2 = "https://w3id.org/security/data-integrity/v2"
KEURMERK_V1 = "https://keurmerk.sleutelpersonenwerken.nl/contexts/keurmerk-v1.jsonld"

# The project's own context (custom terms); the standard ones are listed in index.json,
# an unmodified copy of ../shared/standards/contexts/index.json.
PROJECT_CONTEXTS = {KEURMERK_V1: "keurmerk-v1.jsonld"}


@cache
def _index() -> dict[str, str]:
    standard = json.loads((CONTEXT_DIR / "index.json").read_text(encoding="utf-8"))
    return standard | PROJECT_CONTEXTS


@cache
def _load(url: str) -> dict:
    return json.loads((CONTEXT_DIR / _index()[url]).read_text(encoding="utf-8"))


def known_contexts() -> list[str]:
    """The context URLs this package can serve."""
    return sorted(_index())


def context_document(url: str) -> dict:
    """The JSON of a shipped context; ``KeyError`` for an unknown URL."""
    return _load(url)


def document_loader(url: str, options: dict | None = None) -> dict:
    """A pyld document loader that only knows the shipped contexts."""
    if url not in _index():
        raise jsonld.JsonLdError(
            f"Context {url} is not shipped with keurmerk; refusing to fetch it.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    # "static": the shipped contexts never change, so pyld may keep them resolved and
    # processed between calls instead of re-reading and re-processing them every time.
    return {"contextUrl": None, "documentUrl": url, "document": _load(url), "tag": "static"}
