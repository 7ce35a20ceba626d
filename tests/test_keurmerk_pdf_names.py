"""Names on the PDF certificate: Arabic joined and in order, Tigrinya visible, long names fit.

Each PDF is read back with poppler's ``pdftotext`` (Debian ``poppler-utils``), a reader
independent of fpdf2: the name must come out with its characters in logical order, and no
word of it may lie outside the certificate's inner frame.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from test_keurmerk_pdf import URL, _signed

from keurmerk import messages as msg
from keurmerk.pdf import FONT_PACKAGE, FontsMissing, render
from keurmerk_issuer import Issuer

MM = 72 / 25.4
FRAME = (14 * MM, (297 - 14) * MM)  # the inner frame of the A4 landscape page, in points
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
LONG_60 = "Maximiliaan Alexander Theodorus van den Bergh-Ouwehand Smits"
LONG_120 = " ".join(["Wolfeschlegelsteinhausenbergerdorff Şükrü Oluwaseun"] * 3)[:120]


@pytest.fixture(scope="module")
def issuer():
    return Issuer()


def _pdf(issuer, name, tmp_path):
    path = tmp_path / "keurmerk.pdf"
    path.write_bytes(render(_signed(issuer, name), URL))
    return path


def _text(path) -> str:
    """The page text in reading order, without bidi control characters."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return BIDI_CONTROLS.sub("", result.stdout)


def _words(path) -> list[tuple[str, float, float]]:
    """Every word on the page with its left and right edge (points), from ``pdftotext -bbox``."""
    result = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    html = re.sub(r"<!DOCTYPE[^>]*>", "", result.stdout)
    root = ET.fromstring(html.replace("xmlns=", "data-ns="))
    return [
        (word.text or "", float(word.get("xMin")), float(word.get("xMax")))
        for word in root.iter("word")
    ]


def _name_line(text: str) -> str:
    """The line(s) between "toegekend aan" and the statement, joined by spaces."""
    after = text.split(msg.PDF_AWARDED_TO, 1)[1]
    before = after.split("Deze persoon", 1)[0]
    return " ".join(before.split())


@pytest.mark.parametrize(
    "name",
    ["محمد العلي", "Amina محمد", "ሰላም ተስፋይ", "Şükrü Yılmaz-Оленa"],
    ids=["arabic", "mixed", "tigrinya", "latin"],
)
def test_name_comes_back_in_logical_order(issuer, tmp_path, name):
    """Does pdftotext read the holder's name back exactly, every character in order?"""
    text = _text(_pdf(issuer, name, tmp_path))
    assert _name_line(text) == name
    for label in (msg.PDF_TITLE, msg.PDF_VALID_UNTIL, "KM-7QF3-9XPA", "Stichting Keurmerk"):
        assert label in text, label  # the text after the name is still in the main font


@pytest.mark.parametrize("name", [LONG_60, "A" * 60, LONG_120], ids=["60", "60-one-word", "120"])
def test_long_names_stay_inside_the_frame(issuer, tmp_path, name):
    """Does a long name shrink (or wrap) so that no letter lies outside the frame?"""
    path = _pdf(issuer, name, tmp_path)
    text = _text(path)
    assert _name_line(text).replace(" ", "") == name.replace(" ", "")
    left, right = FRAME
    outside = [(w, x0, x1) for w, x0, x1 in _words(path) if x0 < left or x1 > right]
    assert outside == []


def test_a_60_character_name_stays_on_one_line(issuer, tmp_path):
    """Is a 60-character name shown on one line (it shrinks before it wraps)?"""
    assert len(LONG_60) == 60
    text = _text(_pdf(issuer, LONG_60, tmp_path))
    assert LONG_60 in text.splitlines()


def test_missing_fonts_give_a_dutch_message(issuer, tmp_path):
    """Without the Noto files, does render say in Dutch which package to install?"""
    with pytest.raises(FontsMissing) as missing:
        render(_signed(issuer, "Samira"), URL, fonts=tmp_path)
    assert FONT_PACKAGE in missing.value.message
    assert "lettertype" in missing.value.message
