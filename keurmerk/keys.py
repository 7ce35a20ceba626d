"""The issuer's signing keys: generated here, kept 0600 outside the repository, rotated.

``keys.json`` in the key folder lists every key ever used (public part, created, retired),
so the issuer document keeps publishing retired keys and old certificates stay valid.
Private keys are PEM files of mode 0600 in ``private/``; they are never logged or copied.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk.documents import DID_V1, MULTIKEY_V1
from keurmerk.multikey import encode_public_key, read_private_key, write_private_key

PROJECT_DIR = Path(__file__).resolve().parent.parent


class KeyStoreError(RuntimeError):
    """The key folder is unsafe or has no usable key."""


@dataclass(frozen=True)
class KeyInfo:
    """Public facts about one signing key."""

    method: str  # verification method id: <issuer id>#<publicKeyMultibase>
    public_key: str
    created: str
    retired: str | None = None

    @property
    def file_name(self) -> str:
        return self.public_key + ".pem"


def default_home() -> Path:
    """``$KEURMERK_HOME`` or ``~/.sleutelpersonen-keurmerk``."""
    return Path(os.environ.get("KEURMERK_HOME") or Path.home() / ".sleutelpersonen-keurmerk")


class KeyStore:
    """The keys of one issuer, in a folder outside the repository."""

    def __init__(self, home: Path, issuer_id: str):
        home = home.resolve()
        if home == PROJECT_DIR or PROJECT_DIR in home.parents:
            raise KeyStoreError(f"{home} is inside the repository; keep keys outside it")
        self.home = home
        self.issuer_id = issuer_id
        self.index = home / "keys.json"
        self._cache: tuple[tuple[int, int, int], list[KeyInfo]] | None = None

    def keys(self) -> list[KeyInfo]:
        """Every key, oldest first.

        Re-read only when ``keys.json`` changes (it is replaced atomically, so a new inode),
        which lets a running service pick up a rotated key on its next request.
        """
        try:
            stat = self.index.stat()
        except FileNotFoundError:
            return []
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        if self._cache is None or self._cache[0] != stamp:
            items = json.loads(self.index.read_text(encoding="utf-8"))
            self._cache = (stamp, [KeyInfo(**item) for item in items])
        return list(self._cache[1])

    def _save(self, keys: list[KeyInfo]) -> None:
        tmp = self.index.with_suffix(".tmp")
        tmp.write_text(json.dumps([asdict(k) for k in keys], indent=2), encoding="utf-8")
        os.replace(tmp, self.index)

    def generate(self, now: datetime | None = None) -> KeyInfo:
        """Create a new key and make it the active one (retiring the previous one)."""
        moment = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        key = Ed25519PrivateKey.generate()
        public = encode_public_key(key.public_key())
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_key(key, self.home / "private" / (public + ".pem"))
        keys = [
            k if k.retired else KeyInfo(**{**asdict(k), "retired": moment}) for k in self.keys()
        ]
        info = KeyInfo(method=f"{self.issuer_id}#{public}", public_key=public, created=moment)
        self._save([*keys, info])
        return info

    rotate = generate

    def active(self) -> tuple[KeyInfo, Ed25519PrivateKey]:
        """The key to sign with now."""
        current = [k for k in self.keys() if k.retired is None]
        if not current:
            raise KeyStoreError("no active signing key; run the key generation command first")
        info = current[-1]
        return info, read_private_key(self.home / "private" / info.file_name)

    def issuer_document(self, name: str, url: str | None = None) -> dict:
        """The controller document that publishes every key (retired ones too)."""
        methods = [
            {
                "id": k.method,
                "type": "Multikey",
                "controller": self.issuer_id,
                "publicKeyMultibase": k.public_key,
            }
            for k in self.keys()
        ]
        document = {
            "@context": [DID_V1, MULTIKEY_V1],
            "id": self.issuer_id,
            "verificationMethod": methods,
            "assertionMethod": [m["id"] for m in methods],
        }
        return document | ({"name": name} if name else {}) | ({"url": url} if url else {})
