"""Who a keurmerk is for: the holder's name and e-mail, checked before anything is signed.

The e-mail address never goes into a credential. The registry keeps a *binding*: an
HMAC-SHA256 of the normalised address under a secret that only the issuer has
(``keys/email-binding.secret``, mode 0600). Without that secret nobody can test a guessed
address against a credential or a leaked row; with it the issuer can check that a renewal is
asked for with the holder's own address. Credentials issued before carried an unkeyed, salted
SHA-256 (``sha256$…`` with the salt next to it); they still verify, and their binding is still
checked against that hash.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import re
import secrets
import unicodedata
from pathlib import Path

from keurmerk import messages as msg

SECRET_NAME = "email-binding.secret"
PREFIX = "hmac-sha256$"
MAX_NAME = 200
# Spreadsheet placeholders that end up as text when a cell was empty.
PLACEHOLDERS = {"nan", "none", "null", "n/a", "na", "-", "?"}
EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")


class IdentityError(ValueError):
    """A name or e-mail address that must not go into a keurmerk (Dutch message)."""


def _text(value) -> str:
    """A table cell as text; an empty cell (``None`` or NaN) is empty text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def check_name(value) -> str:
    """The display name as it will be signed, or ``IdentityError``."""
    name = unicodedata.normalize("NFC", _text(value))
    if not name:
        raise IdentityError(msg.IDENTITY_NO_NAME)
    if name.casefold() in PLACEHOLDERS:
        raise IdentityError(msg.IDENTITY_PLACEHOLDER_NAME.format(name=name))
    if len(name) > MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise IdentityError(msg.IDENTITY_BAD_NAME)
    if not any(c.isalpha() for c in name):
        raise IdentityError(msg.IDENTITY_BAD_NAME)
    return name


def check_email(value) -> str:
    """The e-mail address, normalised (trimmed, lower case), or ``IdentityError``."""
    email = _text(value).lower()
    if not email:
        raise IdentityError(msg.IDENTITY_NO_EMAIL)
    if len(email) > 254 or not EMAIL.fullmatch(email):
        raise IdentityError(msg.IDENTITY_BAD_EMAIL.format(email=email))
    return email


def load_secret(keys_dir: Path) -> bytes:
    """The issuer's binding secret (made on first use, 0600 in a 0700 folder)."""
    path = keys_dir / SECRET_NAME
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        pass
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    secret = secrets.token_bytes(32)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(secret.hex())
    return secret


def binding(email: str, secret: bytes) -> str:
    """``hmac-sha256$`` + hex(HMAC-SHA256(secret, normalised e-mail))."""
    normalised = email.strip().lower().encode("utf-8")
    return PREFIX + hmac.new(secret, normalised, hashlib.sha256).hexdigest()


def _legacy_salt(credential: dict) -> str | None:
    subject = credential.get("credentialSubject")
    items = subject.get("identifier", []) if isinstance(subject, dict) else []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("identityType") == "emailAddress":
            salt = item.get("salt")
            return salt if isinstance(salt, str) else None
    return None


def matches(stored: str, email: str, secret: bytes, credential: dict) -> bool:
    """Whether ``email`` is the address bound to a certificate (new or old style)."""
    if stored.startswith(PREFIX):
        return hmac.compare_digest(stored, binding(email, secret))
    salt = _legacy_salt(credential)
    if salt is None or not stored.startswith("sha256$"):
        return False
    normalised = email.strip().lower()
    legacy = "sha256$" + hashlib.sha256((normalised + salt).encode("utf-8")).hexdigest()
    return hmac.compare_digest(stored, legacy)
