"""The certificate as a PDF a holder is proud to show, with the signed credential inside.

A4 landscape: the keurmerk, the holder's name, dates, issuer, number and a QR code to the
verification page. The signed credential is embedded as ``keurmerk.json`` (a PDF file
attachment), so ``verify`` can check the PDF itself offline.

Names are written in Noto Sans with Noto Sans Arabic and Noto Sans Ethiopic as fallbacks
(Debian ``fonts-noto-core``) and shaped by HarfBuzz (fpdf2 text shaping), so Arabic letters
join and right-to-left runs are ordered right; a long name shrinks, then wraps to two lines.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import click
import segno
from fpdf import FPDF
from pypdf import PdfReader

from keurmerk import messages as msg
from keurmerk.credential import holder_name, keurmerk_number

ATTACHMENT = "keurmerk.json"
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONT_PACKAGE = "fonts-noto-core"
# Family name in the PDF -> file stem; the first is the main font, the others fill in
# the characters it lacks (in this order).
FONT_FAMILIES = {
    "Noto": "NotoSans",
    "NotoArabic": "NotoSansArabic",
    "NotoEthiopic": "NotoSansEthiopic",
}
MAIN = "Noto"
NAME_WIDTH = 257  # mm between the inner margins
NAME_SIZES = (28, 16, 10)  # start, smallest on one line, smallest on two lines
BLUE = (21, 66, 115)
GREY = (85, 85, 85)


def _date(value: str) -> str:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}"


class FontsMissing(click.ClickException):
    """The Noto font files are not installed; the message says what to install, in Dutch.

    A ``ClickException``, so every command (``uitgeven``, ``make demo``) shows one line.
    """


def font_files(folder: Path | None = None) -> dict[tuple[str, str], Path]:
    """Each (family, style) with its font file; raises ``FontsMissing`` if one is absent."""
    folder = folder or FONT_DIR
    files = {
        (family, style): folder / f"{stem}-{weight}.ttf"
        for family, stem in FONT_FAMILIES.items()
        for style, weight in (("", "Regular"), ("B", "Bold"))
    }
    missing = [path for path in files.values() if not path.is_file()]
    if missing:
        raise FontsMissing(msg.PDF_FONTS_MISSING.format(path=missing[0], package=FONT_PACKAGE))
    return files


def _new_pdf(fonts: Path | None) -> FPDF:
    pdf = FPDF(orientation="landscape", format="A4")
    for (family, style), path in font_files(fonts).items():
        pdf.add_font(family, style, str(path))
    pdf.set_fallback_fonts([family for family in FONT_FAMILIES if family != MAIN])
    pdf.set_text_shaping(True)  # HarfBuzz: joined Arabic letters, bidi order
    return pdf


def _name_lines(pdf: FPDF, name: str) -> tuple[float, list[str]]:
    """The largest font size at which the name fits: one line, else two lines."""
    start, one_line, two_lines = NAME_SIZES
    for size in range(start, one_line - 1, -1):
        pdf.set_font(MAIN, "B", size)
        if pdf.get_string_width(name) <= NAME_WIDTH - 2 * pdf.c_margin:
            return size, [name]
    for size in range(one_line, two_lines - 1, -1):
        pdf.set_font(MAIN, "B", size)
        lines = pdf.multi_cell(NAME_WIDTH, size * 0.45, name, dry_run=True, output="LINES")
        if len(lines) <= 2:
            return size, lines
    return two_lines, lines[:2]


def _write_name(pdf: FPDF, name: str) -> None:
    """The holder's name centred in the band between y=66 and y=84 mm."""
    size, lines = _name_lines(pdf, name)
    height = size * 0.45  # line height in mm (1.27 x the font size in points)
    pdf.set_font(MAIN, "B", size)
    top = 75 - height * len(lines) / 2
    for number, line in enumerate(lines):
        pdf.set_xy(20, top + number * height)
        pdf.cell(NAME_WIDTH, height, line, align="C")


def render(credential: dict, verify_url: str, fonts: Path | None = None) -> bytes:
    """The PDF bytes for a signed credential (``fonts``: another folder with the Noto files)."""
    pdf = _new_pdf(fonts)
    pdf.set_title(msg.PDF_TITLE)
    pdf.set_author(credential["issuer"]["name"])
    pdf.set_lang("nl")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_draw_color(*BLUE)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, 277, 190)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, 269, 182)

    pdf.set_text_color(*BLUE)
    pdf.set_font(MAIN, "B", 34)
    pdf.set_xy(20, 32)
    pdf.cell(257, 16, msg.PDF_TITLE, align="C")
    pdf.set_text_color(*GREY)
    pdf.set_font(MAIN, "", 14)
    pdf.set_xy(20, 56)
    pdf.cell(257, 8, msg.PDF_AWARDED_TO, align="C")
    pdf.set_text_color(0, 0, 0)
    _write_name(pdf, holder_name(credential) or "")
    pdf.set_font(MAIN, "", 12)
    pdf.set_text_color(*GREY)
    pdf.set_xy(45, 88)
    pdf.multi_cell(207, 6.5, msg.PDF_STATEMENT, align="C")

    rows = [
        (msg.PDF_AWARDED, _date(credential["awardedDate"])),
        (msg.PDF_VALID_UNTIL, _date(credential["validUntil"])),
        (msg.PDF_ISSUER, credential["issuer"]["name"]),
        (msg.PDF_NUMBER, keurmerk_number(credential) or ""),
    ]
    y = 122
    for label, value in rows:
        pdf.set_xy(40, y)
        pdf.set_font(MAIN, "", 11)
        pdf.set_text_color(*GREY)
        pdf.cell(45, 8, label)
        pdf.set_font(MAIN, "B", 12)
        pdf.set_text_color(0, 0, 0)
        pdf.cell(110, 8, value)
        y += 10

    qr = io.BytesIO()
    segno.make(verify_url, error="m").save(qr, kind="png", scale=10, border=2)
    qr.seek(0)
    pdf.image(qr, x=205, y=112, w=52, h=52, alt_text=msg.PDF_QR_ALT)
    pdf.set_font(MAIN, "", 8.5)
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
