"""Read and write numbers the Dutch way (12,50 and 1.234,50), as learners type them."""

from __future__ import annotations

import re

_THOUSANDS_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_number(text: str) -> float | None:
    """Return the number a learner typed, or ``None`` when it is not a number.

    Accepts a decimal comma or point, dots or spaces as thousands separators, a leading
    euro sign and a minus sign: ``"€ 1.234,50"`` → 1234.5, ``"12,5"`` → 12.5,
    ``"1.234"`` → 1234, ``"1.5"`` → 1.5.
    """
    cleaned = text.strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    cleaned = cleaned.replace("\u2212", "-")
    if not cleaned:
        return None
    sign = -1.0 if cleaned.startswith("-") else 1.0
    cleaned = cleaned.lstrip("+-")
    if "," in cleaned:
        if cleaned.count(",") > 1:
            return None
        whole, _, fraction = cleaned.partition(",")
        if "." in whole and not _THOUSANDS_DOTS.match(whole):
            return None
        cleaned = whole.replace(".", "") + "." + fraction
    elif _THOUSANDS_DOTS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", cleaned):
        return None
    return sign * float(cleaned)


def format_number(value: float) -> str:
    """Dutch notation without needless decimals: 1234.5 → '1.234,5', 12.0 → '12'."""
    if value == int(value) and abs(value) < 1e15:
        text = f"{int(value):,}"
    else:
        text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
