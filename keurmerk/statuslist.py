"""W3C Bitstring Status List v1.0: the status of every credential in one signed bitstring.

A credential has one ``BitstringStatusListEntry`` with ``statusPurpose`` ``message`` and
``statusSize`` 2: two bits per credential on the ``message`` list, whose value the entry's
own ``statusMessage`` explains: 0 valid, 1 suspended, 2 revoked, 3 superseded (renewed or
replaced: only the newest credential of a holder is valid). Credentials issued before
"superseded" existed declare 3 as revoked, so a superseded one of them reads as revoked
offline. Credentials issued before the message list had two entries, one bit each on a
``revocation`` and a ``suspension`` list; those lists are still published, built from the
same registry, and a superseded credential has its revocation bit set.

``encodedList`` is the multibase base64url (``u`` prefix, no padding) of the GZIP-compressed
bitstring. Index 0 is the most significant bit of the first byte. A list holds at least
131,072 entries, so a set bit does not single anybody out.
"""

from __future__ import annotations

import base64
import gzip
import io

MIN_BITS = 131_072
MESSAGE = "message"
LEGACY_PURPOSES = ("revocation", "suspension")  # one bit each, credentials issued before
PURPOSES = (MESSAGE, *LEGACY_PURPOSES)  # every list the issuer publishes
STATUS_SIZE = 2  # bits per entry on the message list
VALID_VALUE, SUSPENDED_VALUE, REVOKED_VALUE, SUPERSEDED_VALUE = 0, 1, 2, 3
# The statusMessage of every entry: what each value of the two bits means.
STATUS_MESSAGES = ("valid", "suspended", "revoked", "superseded")


class StatusListError(ValueError):
    """An encoded list or an index is malformed."""


def size_of(purpose: str) -> int:
    """The number of bits of a fresh list for ``purpose`` (131,072 entries)."""
    return MIN_BITS * (STATUS_SIZE if purpose == MESSAGE else 1)


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


def get_value(bits: bytes, index: int, size: int) -> int:
    """The ``size``-bit status value of entry ``index`` (most significant bit first)."""
    value = 0
    for offset in range(size):
        value = (value << 1) | get_bit(bits, index * size + offset)
    return value


def set_value(bits: bytearray, index: int, size: int, value: int) -> None:
    """Write the ``size``-bit status value of entry ``index``."""
    if not 0 <= value < 2**size:
        raise StatusListError(f"value {value} does not fit in {size} bits")
    for offset in range(size):
        set_bit(bits, index * size + offset, bool(value >> (size - 1 - offset) & 1))


def message_entries() -> list[dict]:
    """The ``statusMessage`` of a message entry: one per value of ``STATUS_SIZE`` bits."""
    return [
        {"status": hex(value), "message": message} for value, message in enumerate(STATUS_MESSAGES)
    ]
