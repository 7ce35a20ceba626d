"""Keurmerk management in one place: configuration, keys, registry, issuing and status.

The command line, the demo and the tests use this; the web service only reads.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from keurmerk import statuslist
from keurmerk.credential import IssuerProfile, build_credential, email_hash, new_salt
from keurmerk.dataintegrity import sign
from keurmerk.documents import VC_V2
from keurmerk.keys import KeyStore, default_home
from keurmerk.registry import ACTIVE, REVOKED, SUSPENDED, Certificate, Registry, default_url

CONFIG_NAME = "keurmerk.toml"


@dataclass(frozen=True)
class Config:
    """Where the keys and the registry are, and who the issuer is."""

    home: Path
    issuer: IssuerProfile
    database_url: str
    validity_years: int = 3

    @classmethod
    def load(cls, home: Path | None = None) -> Config:
        """Read ``keurmerk.toml`` from the keurmerk home folder."""
        home = (home or default_home()).resolve()
        path = home / CONFIG_NAME
        if not path.exists():
            raise FileNotFoundError(f"{path} ontbreekt: maak het met 'keurmerk init'")
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        base_url = data["base_url"].rstrip("/")
        issuer = IssuerProfile(
            id=f"{base_url}/issuer",
            name=data["issuer_name"],
            url=data.get("issuer_url", base_url),
            base_url=base_url,
        )
        return cls(
            home=home,
            issuer=issuer,
            database_url=data.get("database_url") or default_url(home),
            validity_years=int(data.get("validity_years", 3)),
        )

    @staticmethod
    def write(home: Path, base_url: str, issuer_name: str, database_url: str = "") -> Path:
        """Create ``keurmerk.toml`` (the private key never goes in here)."""
        home.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = home / CONFIG_NAME
        lines = [
            f'base_url = "{base_url}"',
            f'issuer_name = "{issuer_name}"',
            f'database_url = "{database_url}"',
            "validity_years = 3",
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


class Keurmerkbeheer:
    """The keurmerkbeheerder's actions."""

    def __init__(self, config: Config):
        self.config = config
        self.keys = KeyStore(config.home / "keys", config.issuer.id)
        self.registry = Registry(config.database_url)

    def init(self, actor: str = "systeem") -> None:
        """Make the first key (if none) and publish empty, signed status lists."""
        if not self.keys.keys():
            info = self.keys.generate()
            self.registry.log(actor, "sleutel-gemaakt", info.method)
        for purpose in statuslist.PURPOSES:
            self.registry.status_list(purpose, self.sign_list)

    def rotate_key(self, actor: str) -> str:
        """Start signing with a new key; the old one stays published."""
        info = self.keys.rotate()
        self.registry.log(actor, "sleutelwissel", info.method)
        return info.method

    def issuer_document(self) -> dict:
        return self.keys.issuer_document(self.config.issuer.name, self.config.issuer.url)

    def sign_list(self, purpose: str, bits: bytes) -> dict:
        """A freshly signed Bitstring Status List credential."""
        info, key = self.keys.active()
        base = self.config.issuer.base_url
        document = {
            "@context": [VC_V2],
            "id": f"{base}/status/{purpose}",
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": self.config.issuer.id,
            "validFrom": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "credentialSubject": {
                "id": f"{base}/status/{purpose}#list",
                "type": "BitstringStatusList",
                "statusPurpose": purpose,
                "encodedList": statuslist.encode(bits),
            },
        }
        return sign(document, key, info.method)

    def issue(
        self,
        learner_id: str,
        name: str,
        email: str,
        now: datetime | None = None,
        awarded: datetime | None = None,
        actor: str = "systeem",
        supersedes: str = "",
        until: datetime | None = None,
    ) -> Certificate:
        """Issue a signed keurmerk (atomically) for an eligible learner."""
        moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        awarded = awarded or moment
        until = until or _add_years(moment, self.config.validity_years)
        salt = new_salt()
        info, key = self.keys.active()

        def make(number: str, index: int) -> dict:
            credential = build_credential(
                issuer=self.config.issuer,
                number=number,
                name=name,
                email=email,
                salt=salt,
                awarded=awarded,
                valid_from=moment,
                valid_until=until,
                status_index=index,
            )
            return sign(credential, key, info.method, created=moment)

        return self.registry.issue(
            learner_id=learner_id,
            name=name,
            email_hash=email_hash(email, salt),
            make_credential=make,
            awarded_at=awarded,
            valid_from=moment,
            valid_until=until,
            actor=actor,
            supersedes=supersedes,
        )

    def renew(
        self, number: str, email: str, actor: str = "systeem", now: datetime | None = None
    ) -> Certificate:
        """Herregistratie: a new credential that keeps the original award date.

        The new end date runs on from the old one (or from today if that has passed). A
        suspended, revoked or already renewed keurmerk cannot be renewed.
        """
        old = self.registry.find(number)
        if old is None:
            raise LookupError(number)
        if old.state != ACTIVE or old.superseded_by:
            raise ValueError(f"{number} cannot be renewed")
        moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        old_end = old.valid_until if old.valid_until.tzinfo else old.valid_until.replace(tzinfo=UTC)
        until = _add_years(max(moment, old_end), self.config.validity_years)
        awarded = old.awarded_at if old.awarded_at.tzinfo else old.awarded_at.replace(tzinfo=UTC)
        return self.issue(
            old.learner_id,
            old.name,
            email,
            now=moment,
            awarded=awarded,
            actor=actor,
            supersedes=number,
            until=until,
        )

    def suspend(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        return self.registry.set_state(number, SUSPENDED, reason, self.sign_list, actor)

    def reinstate(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        return self.registry.set_state(number, ACTIVE, reason, self.sign_list, actor)

    def revoke(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        return self.registry.set_state(number, REVOKED, reason, self.sign_list, actor)

    def verify_url(self, number: str) -> str:
        return f"{self.config.issuer.base_url}/controleer/{number}"
