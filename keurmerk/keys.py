"""The issuer's signing keys: generated here, kept 0600 outside the repository, rotated.

``keys.json`` in the key folder lists every key ever used (public part, created, retired,
revoked), so the issuer document keeps publishing retired keys and old certificates stay
valid. Only the active key has a private part: a PEM file of mode 0600 in ``private/``,
never logged or copied. On rotation the retired private key is overwritten and removed, so
nobody can sign with it any more; a retired key verifies only proofs made before its
retirement. A compromised key is revoked: the issuer document says so and every proof it
made fails.
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
    revoked: str | None = None  # compromised: nothing it signed is trusted any more

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
        """Create a new key and make it the active one (retiring the previous one, whose
        private key is destroyed)."""
        moment = _stamp(now)
        key = Ed25519PrivateKey.generate()
        public = encode_public_key(key.public_key())
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_key(key, self.home / "private" / (public + ".pem"))
        keys = [
            k if k.retired else KeyInfo(**{**asdict(k), "retired": moment}) for k in self.keys()
        ]
        info = KeyInfo(method=f"{self.issuer_id}#{public}", public_key=public, created=moment)
        self._save([*keys, info])
        self.destroy_retired()
        return info

    def destroy_retired(self) -> list[str]:
        """Overwrite and remove the private key file of every key that no longer signs.

        Returns the verification methods whose private key was destroyed.
        """
        destroyed = []
        for info in self.keys():
            path = self.home / "private" / info.file_name
            if (info.retired or info.revoked) and path.exists():
                _shred(path)
                destroyed.append(info.method)
        return destroyed

    def revoke(self, method: str, now: datetime | None = None) -> tuple[KeyInfo, KeyInfo | None]:
        """Mark a (compromised) key as revoked; its proofs fail from now on.

        ``method`` is the verification method id or the public key. When the active key is
        revoked a new one is made first (returned second), so the issuer can sign again.
        """
        keys = self.keys()
        found = [k for k in keys if method in (k.method, k.public_key)]
        if not found:
            raise LookupError(method)
        target = found[0]
        if target.revoked:
            raise ValueError(f"{target.method} is already revoked")
        successor = self.generate(now) if target.retired is None else None
        moment = _stamp(now)
        self._save(
            [
                KeyInfo(**{**asdict(k), "revoked": moment}) if k.method == target.method else k
                for k in self.keys()
            ]
        )
        self.destroy_retired()
        return target, successor

    rotate = generate

    def active(self) -> tuple[KeyInfo, Ed25519PrivateKey]:
        """The key to sign with now."""
        current = [k for k in self.keys() if k.retired is None]
        if not current:
            raise KeyStoreError("no active signing key; run the key generation command first")
        info = current[-1]
        return info, read_private_key(self.home / "private" / info.file_name)

    def issuer_document(self, name: str, url: str | None = None) -> dict:
        """The controller document that publishes every key.

        A retired key carries ``retired`` (when it stopped signing: it verifies only proofs
        made before); a revoked key carries the Multikey ``revoked`` date and is no longer an
        ``assertionMethod``, so no verifier accepts what it signed.
        """
        methods = []
        for k in self.keys():
            method = {
                "id": k.method,
                "type": "Multikey",
                "controller": self.issuer_id,
                "publicKeyMultibase": k.public_key,
            }
            if k.revoked:
                method["revoked"] = _xsd(k.revoked)
            elif k.retired:
                method["retired"] = _xsd(k.retired)
            methods.append(method)
        document = {
            "@context": [DID_V1, MULTIKEY_V1],
            "id": self.issuer_id,
            "verificationMethod": methods,
            "assertionMethod": [m["id"] for m in methods if "revoked" not in m],
        }
        return document | ({"name": name} if name else {}) | ({"url": url} if url else {})


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def _xsd(stamp: str) -> str:
    """An ISO timestamp as an ``xsd:dateTimeStamp`` in UTC (``…Z``)."""
    moment = datetime.fromisoformat(stamp)
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _shred(path: Path) -> None:
    """Overwrite a private key file with random bytes, flush it to disk, then remove it."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(os.urandom(max(size, 64)))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
