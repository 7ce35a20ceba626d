"""Ed25519 keys as W3C Multikey strings (``z6Mk…``), and key files that stay private."""

from __future__ import annotations

import os
from pathlib import Path

import base58
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

ED25519_PUB_PREFIX = b"\xed\x01"  # multicodec ed25519-pub, varint encoded


class KeyFormatError(ValueError):
    """A multibase or multikey string is not an Ed25519 public key."""


def encode_public_key(key: Ed25519PublicKey) -> str:
    """``z`` + base58btc(0xed01 + 32 key bytes): the ``publicKeyMultibase`` value."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "z" + base58.b58encode(ED25519_PUB_PREFIX + raw).decode("ascii")


def decode_public_key(multibase: str) -> Ed25519PublicKey:
    """The Ed25519 public key in a ``z6Mk…`` string; ``KeyFormatError`` otherwise."""
    if not isinstance(multibase, str) or not multibase.startswith("z"):
        raise KeyFormatError("not a base58btc multibase string")
    try:
        data = base58.b58decode(multibase[1:])
    except ValueError as error:
        raise KeyFormatError("invalid base58") from error
    if len(data) != 34 or not data.startswith(ED25519_PUB_PREFIX):
        raise KeyFormatError("not an Ed25519 multikey")
    return Ed25519PublicKey.from_public_bytes(data[2:])


def decode_signature(proof_value: str) -> bytes:
    """The raw signature in a ``z…`` proofValue."""
    if not isinstance(proof_value, str) or not proof_value.startswith("z"):
        raise KeyFormatError("proofValue is not base58btc multibase")
    try:
        return base58.b58decode(proof_value[1:])
    except ValueError as error:
        raise KeyFormatError("invalid base58 in proofValue") from error


def encode_signature(signature: bytes) -> str:
    """``z`` + base58btc(signature)."""
    return "z" + base58.b58encode(signature).decode("ascii")


def write_private_key(key: Ed25519PrivateKey, path: Path) -> None:
    """Write a private key as PKCS#8 PEM, readable by the owner only (0600), never overwriting."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
    os.chmod(path, 0o600)


def read_private_key(path: Path) -> Ed25519PrivateKey:
    """Read a private key file; refuse one that others can read."""
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise PermissionError(f"{path} is readable by others (mode {mode:o}); chmod 600 it")
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFormatError(f"{path} does not hold an Ed25519 key")
    return key
