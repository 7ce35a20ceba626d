"""Whose certificate is it, and what can we not read? Page, API and CLI, in-process.

A PDF with another name printed on it but a genuine credential inside must show the signed
name so a verifier sees the mismatch. Files we cannot read get "kunnen we niet lezen",
never "vervalst"; undefined fields in ``proof`` are refused; errors carry the headers.
"""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import matplotlib
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from fpdf import FPDF
from pypdf import PdfReader

from keurmerk import messages as msg
from keurmerk.cli import main
from keurmerk.pdf import ATTACHMENT
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import INVALID, UNREADABLE, VALID, verify_credential
from keurmerk.web.app import WebSettings, create_app
from keurmerk_issuer import NOW, Issuer

# Any TTF will do for the forger's PDF: matplotlib ships DejaVu Sans.
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"

GENUINE, PRINTED = "Samira Benali", "Iemand Anders"


@pytest.fixture(scope="module")
def beheer(tmp_path_factory):
    home = tmp_path_factory.mktemp("keurmerk-wie")
    Config.write(home, "https://keurmerk.example.nl", "Stichting Keurmerk Sleutelpersonen")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    beheer.samira = beheer.issue(
        "d01", GENUINE, "samira@example.org", now=datetime(2026, 12, 1, tzinfo=UTC)
    )
    return beheer


@pytest.fixture(scope="module")
def client(beheer):
    settings = WebSettings(
        registry=beheer.registry,
        issuer_document=beheer.issuer_document,
        issuer_name=beheer.config.issuer.name,
        lookups_per_minute=1000,
        now=lambda: NOW,
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def forged_pdf(credential_json: str, printed_name: str) -> bytes:
    """A certificate-looking PDF with another name printed, the genuine credential inside."""
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_page()
    pdf.set_font("DejaVu", "", 28)
    pdf.cell(0, 20, msg.PDF_TITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 20, printed_name, align="C")
    pdf.embed_file(bytes=credential_json.encode(), basename=ATTACHMENT, desc=msg.PDF_ATTACHMENT)
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def forged(beheer, tmp_path_factory):
    path = tmp_path_factory.mktemp("vervalst") / "keurmerk-vervalst.pdf"
    path.write_bytes(forged_pdf(beheer.samira.credential, PRINTED))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)
    assert PRINTED in text and GENUINE not in text
    return path


def _holder_block(html: str) -> str:
    start = html.index('class="km-holder"')
    return html[start : html.index("</div>", start)]


def test_the_upload_page_shows_the_signed_name_of_a_forged_pdf(client, forged):
    """Does a gemeente see that the printed name is not the signed one?"""
    response = client.post(
        "/controleer-bestand", files={"bestand": ("k.pdf", forged.read_bytes(), "application/pdf")}
    )
    html = response.text
    assert response.status_code == 200 and "<strong>geldig</strong>" in html
    holder = _holder_block(html)
    assert GENUINE in holder and "Vergelijk deze naam met de persoon" in holder
    assert html.index("Status:") < html.index(GENUINE) < html.index(msg.WEB_CHECKS)
    assert PRINTED not in html
    assert "er is niets aan het certificaat veranderd" not in html


def test_the_api_names_the_holder_with_the_comparison_line(client, forged, beheer):
    for body in (forged.read_bytes(), beheer.samira.credential.encode()):
        result = client.post("/api/v1/controleer", content=body).json()
        assert result["status"] == "geldig" and result["name"] == GENUINE
        assert result["compare"] == msg.COMPARE_NAME


def test_the_number_lookup_shows_the_name_prominently(client, beheer):
    html = client.get(f"/controleer/{beheer.samira.number}").text
    holder = _holder_block(html)
    assert GENUINE in holder and msg.COMPARE_NAME in holder


def test_the_cli_shows_the_signed_name(beheer, forged):
    result = CliRunner().invoke(main, ["controleer", str(forged), "--map", str(beheer.config.home)])
    assert f"{msg.HOLDER}: {GENUINE}" in result.output
    assert msg.COMPARE_NAME in result.output and PRINTED not in result.output


def test_no_name_is_shown_for_a_forgery(client, beheer):
    credential = json.loads(beheer.samira.credential)
    credential["credentialSubject"]["identifier"][0]["identityHash"] = PRINTED
    result = client.post("/api/v1/controleer", content=json.dumps(credential)).json()
    assert result["status"] == "ongeldig" and result["name"] is None and "compare" not in result


@pytest.fixture(scope="module")
def issuer():
    return Issuer()


def _verify(issuer, credential):
    return verify_credential(credential, {issuer.id: issuer.trust()}, NOW, issuer.lookup)


def test_an_undefined_field_in_the_proof_is_refused(issuer):
    """The reference verifier rejects it: JSON-LD drops it, so it is not signed."""
    credential = issuer.credential()
    assert _verify(issuer, credential).status == VALID
    credential["proof"]["rijbewijs"] = "B"
    result = _verify(issuer, credential)
    assert result.status == INVALID and not result.verified
    assert result.checks[0].message == msg.UNSIGNED_FIELDS


def _with(credential: dict, change) -> dict:
    changed = copy.deepcopy(credential)
    change(changed)
    return changed


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda c: c["@context"].append("https://example.org/onbekend.jsonld"),
            msg.UNKNOWN_CONTEXT,
        ),
        (lambda c: c["proof"].update(type="Ed25519Signature2020"), msg.UNKNOWN_FORMAT),
        (lambda c: c["proof"].update(cryptosuite="ecdsa-rdfc-2019"), msg.UNKNOWN_FORMAT),
    ],
    ids=["unknown-context", "unknown-proof-type", "unknown-cryptosuite"],
)
def test_unknown_contexts_and_formats_are_unreadable_not_forged(issuer, change, message):
    result = _verify(issuer, _with(issuer.credential(), change))
    assert result.status == UNREADABLE and result.checks[0].message == message
    assert "kunnen we niet lezen" in message and "vervalst" not in message


def test_errors_carry_the_security_headers_and_dutch_text(beheer, client):
    class BrokenRegistry:
        def find(self, number):
            raise RuntimeError("database weg")

    settings = WebSettings(
        registry=BrokenRegistry(), issuer_document={"id": "x"}, issuer_name="x", now=lambda: NOW
    )
    broken = TestClient(create_app(settings), raise_server_exceptions=False)
    responses = {
        500: broken.get(f"/controleer/{beheer.samira.number}"),
        404: client.get("/bestaat-niet"),
        422: client.post("/controleer-bestand"),
        413: client.post("/api/v1/controleer", content=b"x" * (3 * 1024 * 1024)),
    }
    for code, response in responses.items():
        assert response.status_code == code
        assert "default-src 'self'" in response.headers["content-security-policy"], code
        assert response.headers["x-frame-options"] == "DENY"
        assert "Traceback" not in response.text and "detail" not in response.text
    assert msg.WEB_SERVER_ERROR in responses[500].text
    assert msg.WEB_BAD_REQUEST in responses[422].text
    assert responses[413].json() == {"fout": msg.WEB_FILE_TOO_BIG}


@pytest.mark.parametrize(
    "name, content",
    [
        ("diep.json", b"[" * 100_000 + b"]" * 100_000),
        ("diep2.json", ('{"a":' * 40 + "1" + "}" * 40).encode()),
        ("geen.json", b"\x00\xff dit is geen json"),
        ("kapot.pdf", b"%PDF-1.4 kapot"),
        ("map", None),  # a folder: cannot be read as a file
        ("bestaat-niet.json", False),
    ],
)
def test_the_cli_answers_a_bad_file_with_one_dutch_line(beheer, tmp_path, name, content):
    path = tmp_path / name
    if content is None:
        path.mkdir()
    elif content is not False:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["controleer", str(path), "--map", str(beheer.config.home)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "kunnen we niet" in lines[0], result.output
    assert "vervalst" not in result.output


def test_the_real_cli_shows_no_traceback_on_a_deeply_nested_file(beheer, tmp_path):
    path = tmp_path / "diep.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    keurmerk = Path(sys.executable).parent / "keurmerk"
    done = subprocess.run(
        [keurmerk, "controleer", path, "--map", beheer.config.home],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout
    assert done.stdout.strip() == f"{msg.WEB_STATUS}: {UNREADABLE}. {msg.TOO_COMPLEX}"
