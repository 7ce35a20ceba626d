"""Check a certificate file as a verifier hands it in: a PDF with the credential inside, or
the credential itself (JSON). Shared by ``keurmerk controleer`` and the web service (which
runs it in a worker process with a time limit). Never raises on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from keurmerk import messages as msg
from keurmerk.bounds import MAX_BYTES
from keurmerk.pdf import extract_credential
from keurmerk.verify import TrustedIssuer, Verification, unreadable, verify_credential


@dataclass(frozen=True)
class StatusLists:
    """Signed status lists a verifier already holds, looked up by URL (picklable).

    An exact ``id`` match wins; otherwise the list with the URL's last path segment as its
    purpose (``…/status/revocation``), so a moved service still finds its own lists. The
    verifier checks each list's signature and issuer, so a wrong match is never trusted.
    """

    documents: tuple[dict, ...] = ()

    @classmethod
    def of(cls, documents: Iterable[dict | None]) -> StatusLists:
        return cls(tuple(d for d in documents if isinstance(d, dict)))

    def __call__(self, url: str) -> dict | None:
        for document in self.documents:
            if document.get("id") == url:
                return document
        purpose = url.rstrip("/").rsplit("/", 1)[-1] if isinstance(url, str) else ""
        for document in self.documents:
            subject = document.get("credentialSubject")
            same_purpose = isinstance(subject, dict) and subject.get("statusPurpose") == purpose
            if same_purpose and str(document.get("id", "")).rstrip("/").endswith("/" + purpose):
                return document
        return None


def check_file(
    data: bytes,
    trusted: Mapping[str, TrustedIssuer],
    now: datetime,
    status_lists: StatusLists | None = None,
) -> Verification:
    """Verify a PDF (its embedded ``keurmerk.json``) or a JSON credential."""
    if len(data) > MAX_BYTES:
        return unreadable(msg.TOO_COMPLEX)
    if data.startswith(b"%PDF"):
        embedded = extract_credential(data)
        if not embedded:
            return unreadable(msg.NO_CREDENTIAL_IN_PDF)
        data = embedded
    return verify_credential(data, trusted, now, status_lists or StatusLists())
