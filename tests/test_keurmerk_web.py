"""The verification service in-process (httpx ASGI transport): pages, API, headers, limits."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from keurmerk.pdf import render
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.web.app import WebSettings, create_app

NOW = datetime(2027, 6, 1, tzinfo=UTC)
EVIL_NAME = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def beheer(tmp_path_factory):
    home = tmp_path_factory.mktemp("keurmerk-home")
    Config.write(home, "https://keurmerk.example.nl", "Stichting Keurmerk Sleutelpersonen")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    issued = datetime(2026, 12, 1, tzinfo=UTC)
    beheer.certs = {
        "geldig": beheer.issue("d01", "Samira Benali", "samira@example.org", now=issued),
        "verlopen": beheer.issue(
            "d02", "Karim", "k@example.org", now=datetime(2024, 1, 1, tzinfo=UTC)
        ),
        "geschorst": beheer.issue("d03", "Olena", "o@example.org", now=issued),
        "ingetrokken": beheer.issue("d04", "Ahmed", "a@example.org", now=issued),
        "html": beheer.issue("d05", EVIL_NAME, "e@example.org", now=issued),
    }
    beheer.suspend(beheer.certs["geschorst"].number, "onderzoek")
    beheer.revoke(beheer.certs["ingetrokken"].number, "fraude")
    return beheer


def _client(beheer, limit=1000):
    settings = WebSettings(
        registry=beheer.registry,
        issuer_document=beheer.issuer_document(),
        issuer_name=beheer.config.issuer.name,
        lookups_per_minute=limit,
        now=lambda: NOW,
    )
    return TestClient(create_app(settings))


@pytest.mark.parametrize("status", ["geldig", "verlopen", "geschorst", "ingetrokken"])
def test_lookup_shows_the_status_first(beheer, status):
    number = beheer.certs[status].number
    response = _client(beheer).get(f"/controleer/{number}")
    assert response.status_code == 200
    body = response.text
    assert f"Status: <strong>{status}</strong>" in body
    assert body.index("Status:") < body.index(beheer.certs[status].name)


def test_typed_number_is_forgiving(beheer):
    number = beheer.certs["geldig"].number
    response = _client(beheer).get(
        "/controleer", params={"nummer": number.lower().replace("-", " ")}
    )
    assert "<strong>geldig</strong>" in response.text


@pytest.mark.parametrize(
    "typed",
    ["KM-0000-0000", "' OR 1=1 --", "KM-7QF3-9XPA'; DROP TABLE certificates;--", "x" * 5000, "%00"],
)
def test_unknown_injection_and_overlong_numbers_get_onbekend_nummer(beheer, typed):
    response = _client(beheer).get("/controleer", params={"nummer": typed})
    assert response.status_code == 200
    assert "<strong>onbekend nummer</strong>" in response.text
    assert "Samira" not in response.text


def test_names_are_escaped(beheer):
    response = _client(beheer).get(f"/controleer/{beheer.certs['html'].number}")
    assert "<script>" not in response.text and "&lt;script&gt;" in response.text
    assert "<img src=x" not in response.text


def test_security_headers_on_every_response(beheer):
    client = _client(beheer)
    for path in ["/", "/health", "/issuer", "/bestaat-niet", "/static/keurmerk.css"]:
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"


def test_pages_load_nothing_from_elsewhere(beheer):
    client = _client(beheer)
    for path in ["/", "/toegankelijkheid", f"/controleer/{beheer.certs['geldig'].number}"]:
        body = client.get(path).text
        assert "http://" not in body.replace("http://www.w3.org", "")
        assert "https://" not in body


def test_json_api(beheer):
    client = _client(beheer)
    good = client.get(f"/api/v1/keurmerken/{beheer.certs['geldig'].number}")
    assert good.status_code == 200 and good.json()["status"] == "geldig"
    assert set(good.json()) == {
        "status",
        "number",
        "name",
        "keurmerk",
        "awarded",
        "valid_until",
        "issuer",
        "replaced_by",
        "compare",
    }
    assert good.json()["name"] == "Samira Benali"
    assert good.json()["compare"].startswith("Vergelijk deze naam met de persoon")
    unknown = client.get("/api/v1/keurmerken/KM-0000-0000")
    assert unknown.status_code == 404 and unknown.json() == {"status": "onbekend nummer"}


def test_upload_pdf_and_json_are_fully_verified(beheer):
    client = _client(beheer)
    certificate = beheer.certs["geldig"]
    credential = certificate.credential_json()
    pdf = render(credential, beheer.verify_url(certificate.number))
    for name, data, kind in [
        ("k.pdf", pdf, "application/pdf"),
        ("k.json", certificate.credential.encode(), "application/json"),
    ]:
        response = client.post("/controleer-bestand", files={"bestand": (name, data, kind)})
        assert "<strong>geldig</strong>" in response.text, response.text
    revoked = beheer.certs["ingetrokken"].credential.encode()
    response = client.post(
        "/controleer-bestand", files={"bestand": ("r.json", revoked, "application/json")}
    )
    assert "<strong>ingetrokken</strong>" in response.text
    response = client.post(
        "/controleer-bestand", files={"bestand": ("x.pdf", b"%PDF-1.4 kapot", "application/pdf")}
    )
    assert response.status_code == 422 and "<strong>onleesbaar</strong>" in response.text
    assert "geen certificaat met een digitale" in response.text and "vervalst" not in response.text


def test_api_verify_returns_one_entry_per_check(beheer):
    response = _client(beheer).post(
        "/api/v1/controleer", content=beheer.certs["geschorst"].credential
    )
    result = response.json()
    assert result["status"] == "geschorst" and not result["verified"]
    assert [c["name"] for c in result["checks"]] == [
        "handtekening",
        "uitgever",
        "geldigheid",
        "status",
    ]


def test_status_lists_issuer_and_context_at_stable_urls(beheer):
    client = _client(beheer)
    for purpose in ["revocation", "suspension"]:
        document = client.get(f"/status/{purpose}").json()
        assert document["credentialSubject"]["statusPurpose"] == purpose
    issuer = client.get("/issuer").json()
    assert issuer["id"] == "https://keurmerk.example.nl/issuer" and issuer["assertionMethod"]
    assert "keurmerkNumber" in client.get("/contexts/keurmerk-v1.jsonld").json()["@context"]
    assert client.get("/status/anders").status_code == 404


def test_lookups_are_rate_limited(beheer):
    client = _client(beheer, limit=3)
    codes = [client.get("/controleer/KM-0000-0000").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]
    assert client.get("/health").status_code == 200
