"""The certificate as a PDF a holder is proud to show, with the signed credential inside.

A4 landscape: the keurmerk, the holder's name, dates, issuer, number and a QR code to the
verification page. The signed credential is embedded as ``keurmerk.json`` (a PDF file
attachment), so ``verify`` can check the PDF itself offline.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import matplotlib
import segno
from fpdf import FPDF
from pypdf import PdfReader

from keurmerk import messages as msg
from keurmerk.credential import holder_name

ATTACHMENT = "keurmerk.json"
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu: covers most scripts
BLUE = (21, 66, 115)
GREY = (85, 85, 85)


def _date(value: str) -> str:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}"


def render(credential: dict, verify_url: str) -> bytes:
    """The PDF bytes for a signed credential."""
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(msg.PDF_TITLE)
    pdf.set_author(credential["issuer"]["name"])
    pdf.set_lang("nl")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, 269, 182)

    pdf.set_text_color(*BLUE)
    pdf.set_font("DejaVu", "B", 34)
    pdf.set_xy(20, 32)
    pdf.cell(257, 16, msg.PDF_TITLE, align="C")
    pdf.set_text_color(*GREY)
    pdf.set_font("DejaVu", "", 14)
    pdf.set_xy(20, 56)
    pdf.cell(257, 8, msg.PDF_AWARDED_TO, align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "B", 28)
    pdf.set_xy(20, 68)
    pdf.cell(257, 14, holder_name(credential) or "", align="C")
    pdf.set_font("DejaVu", "", 12)
    pdf.set_text_color(*GREY)
    pdf.set_xy(45, 88)
    pdf.multi_cell(207, 6.5, msg.PDF_STATEMENT, align="C")

    rows = [
        (msg.PDF_AWARDED, _date(credential["awardedDate"])),
        (msg.PDF_VALID_UNTIL, _date(credential["validUntil"])),
        (msg.PDF_ISSUER, credential["issuer"]["name"]),
        (msg.PDF_NUMBER, credential["keurmerkNumber"]),
    ]
    y = 122
    for label, value in rows:
        pdf.set_xy(40, y)
        pdf.set_font("DejaVu", "", 11)
        pdf.set_text_color(*GREY)
        pdf.cell(45, 8, label)
        pdf.set_font("DejaVu", "B", 12)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(110, 8, value)
        y += 10

    qr = io.BytesIO()
    segno.make(verify_url, error="m").save(qr, kind="png", scale=10, border=2)
    qr.seek(0)
    pdf.image(qr, x=205, y=112, w=52, h=52, alt_text=msg.PDF_QR_ALT)
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_text_color(*GREY)
    pdf.set_xy(180, 166)
    pdf.multi_cell(102, 4.5, msg.PDF_CHECK.format(url=verify_url), align="C")

    pdf.embed_file(
        bytes=json.dumps(credential, ensure_ascii=False, indent=2).encode("utf-8"),
        basename=ATTACHMENT,
        mime_type="application/json",
        desc=msg.PDF_ATTACHMENT,
    )
    return bytes(pdf.output())


def extract_credential(pdf_bytes: bytes) -> bytes | None:
    """The embedded ``keurmerk.json`` of a PDF, or ``None`` (never raises on bad input)."""
    try:
        attachments = PdfReader(io.BytesIO(pdf_bytes)).attachments
        found = attachments.get(ATTACHMENT)
        return found[0] if found else None
    except Exception:  # noqa: BLE001 - any unreadable PDF is simply "no certificate"
        return None
