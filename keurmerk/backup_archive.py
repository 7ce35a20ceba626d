"""The backup file itself: a tar.gz with a signed list of contents, optionally encrypted.

``manifest.json`` lists the SHA-256 of every other file and the audit trail's signed
checkpoint, and is signed with the issuer's active Ed25519 key, so a changed, added or
removed file is found before anything is restored. With a passphrase the whole archive is
encrypted with AES-256-GCM under a key derived by scrypt (a wrong passphrase and a changed
byte are both refused). Every problem is a ``BackupError`` with one Dutch sentence.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import tarfile
import zlib

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from keurmerk import messages as msg
from keurmerk.multikey import decode_public_key

MANIFEST = "manifest.json"
ENCRYPTED_MAGIC = b"KEURMERK-BACKUP-AESGCM-1\n"
MAX_MEMBER = 512 * 1024 * 1024  # a member larger than this is not one of ours
_MANIFEST_PREFIX = b"keurmerk-backup-inhoud\n"


class BackupError(RuntimeError):
    """The backup cannot be used (damaged, incomplete, changed, wrong passphrase)."""


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(passphrase.encode("utf-8"))


def encrypt(data: bytes, passphrase: str) -> bytes:
    """The archive encrypted with a key derived from ``passphrase``."""
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(_key(passphrase, salt)).encrypt(nonce, data, ENCRYPTED_MAGIC)
    return ENCRYPTED_MAGIC + salt + nonce + sealed


def is_encrypted(data: bytes) -> bool:
    return data.startswith(ENCRYPTED_MAGIC)


def decrypt(data: bytes, passphrase: str | None) -> bytes:
    """The archive inside an encrypted backup; refused without or with a wrong passphrase."""
    if not passphrase:
        raise BackupError(msg.BACKUP_NEEDS_PASSPHRASE)
    body = data[len(ENCRYPTED_MAGIC) :]
    salt, nonce, sealed = body[:16], body[16:28], body[28:]
    try:
        return AESGCM(_key(passphrase, salt)).decrypt(nonce, sealed, ENCRYPTED_MAGIC)
    except (InvalidTag, ValueError) as error:
        raise BackupError(msg.BACKUP_WRONG_PASSPHRASE) from error


def _manifest_message(manifest: dict) -> bytes:
    return _MANIFEST_PREFIX + json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()


def pack(files: dict[str, bytes], manifest: dict, key: Ed25519PrivateKey, method: str) -> bytes:
    """A tar.gz of ``files`` (mode 0600 each) plus the signed manifest of their hashes."""
    manifest = {
        **manifest,
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())},
    }
    signature = base64.urlsafe_b64encode(key.sign(_manifest_message(manifest))).decode()
    signed = {"manifest": manifest, "verificationMethod": method, "signature": signature}
    members = {MANIFEST: json.dumps(signed, indent=2).encode("utf-8"), **files}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o600
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def unpack(data: bytes) -> dict[str, bytes]:
    """Every regular file of the archive, read completely (a cut-off file is refused)."""
    files: dict[str, bytes] = {}
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member in archive:
                if not member.isfile() or member.size > MAX_MEMBER or ".." in member.name:
                    raise BackupError(msg.BACKUP_STRANGE_FILE)
                handle = archive.extractfile(member)
                files[member.name] = handle.read() if handle else b""
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(msg.BACKUP_DAMAGED) from error
    if not files:
        raise BackupError(msg.BACKUP_DAMAGED)
    return files


def verify_manifest(files: dict[str, bytes], keys_index: list[dict]) -> dict:
    """The manifest, after checking its signature and every file's hash against it."""
    try:
        signed = json.loads(files[MANIFEST])
        manifest, method = signed["manifest"], signed["verificationMethod"]
        signature = base64.urlsafe_b64decode(signed["signature"])
        listed = dict(manifest["files"])
    except (KeyError, TypeError, ValueError, binascii.Error) as error:
        raise BackupError(msg.BACKUP_NO_MANIFEST) from error
    public = {item.get("method"): item.get("public_key") for item in keys_index}
    try:
        decode_public_key(public[method]).verify(signature, _manifest_message(manifest))
    except (KeyError, TypeError, ValueError, InvalidSignature) as error:
        raise BackupError(msg.BACKUP_MANIFEST_SIGNATURE) from error
    present = {name for name in files if name != MANIFEST}
    if present != set(listed):
        raise BackupError(msg.BACKUP_FILES_DIFFER)
    for name, digest in listed.items():
        if hashlib.sha256(files[name]).hexdigest() != digest:
            raise BackupError(msg.BACKUP_FILE_CHANGED.format(name=name))
    return manifest
