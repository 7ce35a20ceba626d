"""A real test issuer (Ed25519 key, status lists) for keurmerk tests.

By default it makes credentials of the shape issued before (one proof object, a revocation
and a suspension entry); ``shape="message"`` gives today's shape (a proof set of one, one
``message`` entry of two bits).
"""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk import statuslist
from keurmerk.dataintegrity import sign
from keurmerk.documents import OB_V3, VC_V2
from keurmerk.multikey import encode_public_key
from keurmerk.verify import TrustedIssuer

ISSUER = "https://keurmerk.example.nl/issuer"
NOW = datetime(2027, 6, 1, tzinfo=UTC)
STATUS_URL = ISSUER + "/status/"


class Issuer:
    """A real Ed25519 issuer with a revocation and a suspension list."""

    def __init__(self, issuer_id: str = ISSUER):
        self.id = issuer_id
        self.key = Ed25519PrivateKey.generate()
        self.method = f"{issuer_id}#{encode_public_key(self.key.public_key())}"
        self.lists = {p: statuslist.empty(statuslist.size_of(p)) for p in statuslist.PURPOSES}

    def trust(self) -> TrustedIssuer:
        return TrustedIssuer.from_controller(
            self.trust_document(), name="Stichting Keurmerk Sleutelpersonen"
        )

    def trust_document(self) -> dict:
        return {
            "id": self.id,
            "verificationMethod": [
                {
                    "id": self.method,
                    "type": "Multikey",
                    "controller": self.id,
                    "publicKeyMultibase": encode_public_key(self.key.public_key()),
                }
            ],
            "assertionMethod": [self.method],
        }

    def credential(
        self,
        index: int = 7,
        valid_until: str = "2029-12-01T00:00:00Z",
        shape: str = "legacy",
        messages: tuple[str, ...] = statuslist.STATUS_MESSAGES,
    ) -> dict:
        document = {
            "@context": [VC_V2, OB_V3],
            "id": "urn:uuid:5b0f5a54-9a73-4a55-9a63-0a0f3b6a6c01",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": {"id": self.id, "type": ["Profile"], "name": "Stichting Keurmerk"},
            "validFrom": "2026-12-01T00:00:00Z",
            "validUntil": valid_until,
            "name": "Keurmerk Sleutelpersoon",
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "identifier": [
                    {
                        "type": "IdentityObject",
                        "identityType": "name",
                        "hashed": False,
                        "identityHash": "Samira Benali",
                    }
                ],
                "achievement": {
                    "id": "https://keurmerk.example.nl/achievements/sleutelpersoon",
                    "type": ["Achievement"],
                    "name": "Keurmerk Sleutelpersoon",
                    "description": "Getraind sleutelpersoon.",
                    "criteria": {"narrative": "Alle drie de modules gehaald."},
                },
            },
            "credentialStatus": [
                {
                    "id": f"{STATUS_URL}{purpose}#{index}",
                    "type": "BitstringStatusListEntry",
                    "statusPurpose": purpose,
                    "statusListIndex": str(index),
                    "statusListCredential": f"{STATUS_URL}{purpose}",
                }
                for purpose in statuslist.LEGACY_PURPOSES
            ],
        }
        if shape == "message":
            document["credentialStatus"] = {
                "id": f"{STATUS_URL}message#{index}",
                "type": "BitstringStatusListEntry",
                "statusPurpose": "message",
                "statusListIndex": str(index),
                "statusSize": statuslist.STATUS_SIZE,
                "statusMessage": [
                    {"status": hex(value), "message": text} for value, text in enumerate(messages)
                ],
                "statusListCredential": f"{STATUS_URL}message",
            }
        signed = sign(document, self.key, self.method, created=datetime(2026, 12, 1, tzinfo=UTC))
        if shape == "legacy":
            signed["proof"] = signed["proof"][0]  # one proof object, as signed before
        return signed

    def status_credential(self, purpose: str) -> dict:
        document = {
            "@context": [VC_V2],
            "id": f"{STATUS_URL}{purpose}",
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": self.id,
            "validFrom": "2026-12-01T00:00:00Z",
            "credentialSubject": {
                "id": f"{STATUS_URL}{purpose}#list",
                "type": "BitstringStatusList",
                "statusPurpose": purpose,
                "encodedList": statuslist.encode(self.lists[purpose]),
            },
        }
        return sign(document, self.key, self.method)

    def lookup(self, url: str):
        for purpose in statuslist.PURPOSES:
            if url == f"{STATUS_URL}{purpose}":
                return self.status_credential(purpose)
        return None


def new_beheer(tmp_path, database_url: str = ""):
    """A keurmerk home in ``tmp_path/home`` with a real first key and signed status lists."""
    from keurmerk.service import Config, Keurmerkbeheer

    Config.write(
        tmp_path / "home", "https://keurmerk.example.nl", "Stichting Keurmerk", database_url
    )
    beheer = Keurmerkbeheer(Config.load(tmp_path / "home"))
    beheer.init(actor="test")
    return beheer
