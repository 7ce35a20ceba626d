"""The PDF certificate: the signed credential travels inside it and still verifies."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

from pypdf import PdfReader

from keurmerk.credential import IssuerProfile, build_credential
from keurmerk.dataintegrity import sign
from keurmerk.pdf import extract_credential, render
from keurmerk.verify import TrustedIssuer, verify_credential
from keurmerk_issuer import NOW, Issuer

URL = "https://keurmerk.example.nl/controleer/KM-7QF3-9XPA"


def _signed(issuer: Issuer, name: str) -> dict:
    profile = IssuerProfile(
        id=issuer.id, name="Stichting Keurmerk", url=issuer.id, base_url=issuer.id
    )
    day = datetime(2026, 12, 1, tzinfo=UTC)
    credential = build_credential(
        issuer=profile,
        number="KM-7QF3-9XPA",
        name=name,
        awarded=day,
        valid_from=day,
        valid_until=datetime(2029, 12, 1, tzinfo=UTC),
        status_index=3,
    )
    return sign(credential, issuer.key, issuer.method)


def test_pdf_carries_the_signed_credential_and_shows_the_essentials():
    issuer = Issuer()
    signed = _signed(issuer, "Şükrü Yılmaz-Оленa")
    pdf = render(signed, URL)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for expected in [
        "Keurmerk Sleutelpersoon",
        "Şükrü Yılmaz",
        "1 december 2029",
        "KM-7QF3-9XPA",
        "Stichting Keurmerk",
        URL,
    ]:
        assert expected in text.replace("\n", " "), expected
    embedded = extract_credential(pdf)
    assert json.loads(embedded) == signed
    trusted = {issuer.id: TrustedIssuer.from_controller(issuer.trust_document())}
    result = verify_credential(embedded, trusted, NOW)
    assert [check.ok for check in result.checks[:3]] == [True, True, True]


def test_extract_never_crashes_on_bad_pdfs():
    for data in [b"", b"%PDF-1.7 garbage", b"\x00" * 100, render.__doc__.encode()]:
        assert extract_credential(data) is None
