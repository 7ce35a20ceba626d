"""W3C Bitstring Status List v1.0: one bit per credential for revocation or suspension.

``encodedList`` is the multibase base64url (``u`` prefix, no padding) of the GZIP-compressed
bitstring. Index 0 is the most significant bit of the first byte. The list is at least
131,072 bits (16 KiB) long, so a set bit does not single anybody out.
"""

from __future__ import annotations

import base64
import gzip
import io

MIN_BITS = 131_072
PURPOSES = ("revocation", "suspension")


class StatusListError(ValueError):
    """An encoded list or an index is malformed."""


def empty(size: int = MIN_BITS) -> bytearray:
    """A bitstring of ``size`` bits (a multiple of 8, at least 131,072), all zero."""
    if size < MIN_BITS or size % 8:
        raise StatusListError(f"a status list needs at least {MIN_BITS} bits, in whole bytes")
    return bytearray(size // 8)


def get_bit(bits: bytes, index: int) -> bool:
    """The status bit at ``index``."""
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(f"index {index} is outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def set_bit(bits: bytearray, index: int, value: bool) -> None:
    """Set or clear the status bit at ``index``."""
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(f"index {index} is outside the list")
    mask = 0x80 >> (index % 8)
    if value:
        bits[index // 8] |= mask
    else:
        bits[index // 8] &= ~mask & 0xFF


def encode(bits: bytes) -> str:
    """``u`` + base64url(gzip(bits)) without padding."""
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")


def decode(encoded: str, max_bytes: int = 16 * 1024 * 1024) -> bytes:
    """The bitstring in an ``encodedList``; refuses oversized or malformed input."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError("encodedList must be multibase base64url (prefix 'u')")
    body = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        with gzip.GzipFile(fileobj=io.BytesIO(compressed)) as stream:
            bits = stream.read(max_bytes + 1)
    except (ValueError, OSError, EOFError) as error:
        raise StatusListError("encodedList is not gzip data") from error
    if len(bits) > max_bytes:
        raise StatusListError("encodedList is too large")
    if len(bits) * 8 < MIN_BITS:
        raise StatusListError("status list is shorter than 131,072 bits")
    return bits
