"""Keurmerk numbers: short enough to type, too many to guess (``KM-7QF3-9XPA``).

Eight symbols from Crockford's base32 alphabet (no I, L, O or U) give 32**8 ≈ 1.1 × 10**12
numbers; with rate-limited look-ups, guessing a valid one is hopeless. Typing is forgiving:
case, spaces and look-alikes (O→0, I/L→1) are normalised.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "KM"
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_PATTERN = re.compile(rf"^{PREFIX}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def new_number() -> str:
    """A random keurmerk number."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def normalise(text: str) -> str | None:
    """The canonical form of a typed number, or ``None`` when it cannot be one."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    cleaned = re.sub(r"[\s\-_.]", "", text.upper())
    if cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    cleaned = cleaned.translate(_LOOKALIKES)
    if len(cleaned) != 8:
        return None
    number = f"{PREFIX}-{cleaned[:4]}-{cleaned[4:]}"
    return number if _PATTERN.match(number) else None
