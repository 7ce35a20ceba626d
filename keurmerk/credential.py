"""The keurmerk as an Open Badges 3.0 ``OpenBadgeCredential`` (W3C VC 2.0), before signing.

It carries what a gemeente needs and nothing else personal: the holder's display name, the
achievement with its criteria, the dates, the keurmerk number (OB's
``credentialSubject.licenseNumber``) and one status entry. No e-mail hash (the registry keeps
a keyed binding instead, see :mod:`keurmerk.identity`), no grades, no birth date, no BSN, no
background. Only the VC 2.0 and OB 3.0 contexts are used, so any OB 3.0 verifier reads it.

Credentials issued before had the number as ``keurmerkNumber`` (in the project context
``keurmerk-v1.jsonld``) and two status entries, or a salted SHA-256 of the e-mail address;
they still verify and show their number.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from keurmerk import statuslist
from keurmerk.documents import OB_V3, VC_V2

ACHIEVEMENT_NAME = "Keurmerk Sleutelpersoon"
ACHIEVEMENT_DESCRIPTION = (
    "De houder is een getrainde sleutelpersoon. Hij of zij helpt bewoners veilig en "
    "respectvol de weg te vinden naar instanties, zorgt goed voor zichzelf en kent de "
    "basis van betaald werken als sleutelpersoon."
)
CRITERIA = (
    "De houder heeft de drie modules van de cursus Sleutelpersonen Werken gehaald: "
    "Wegwijs in de bureaucratie, Goed voor jezelf zorgen, en Van vrijwilliger naar betaald "
    "werk. Elke opdracht is nagekeken door een trainer. De houder heeft daarnaast de "
    "praktijkeisen gehaald die de keurmerkbeheerder stelt, zoals praktijkuren en intervisie."
)


@dataclass(frozen=True)
class IssuerProfile:
    """The organisation that issues the keurmerk."""

    id: str
    name: str
    url: str
    base_url: str  # where the verification page and status lists live

    def profile(self) -> dict:
        return {"id": self.id, "type": ["Profile"], "name": self.name, "url": self.url}


def _timestamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def status_entry(base_url: str, index: int) -> dict:
    """The one status entry: two bits on the message list, valid / suspended / revoked."""
    return {
        "id": f"{base_url}/status/{statuslist.MESSAGE}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": statuslist.MESSAGE,
        "statusListIndex": str(index),
        "statusSize": statuslist.STATUS_SIZE,
        "statusMessage": statuslist.message_entries(),
        "statusListCredential": f"{base_url}/status/{statuslist.MESSAGE}",
    }


def build_credential(
    *,
    issuer: IssuerProfile,
    number: str,
    name: str,
    awarded: datetime,
    valid_from: datetime,
    valid_until: datetime,
    status_index: int,
) -> dict:
    """The unsigned credential for one holder (times must be timezone-aware UTC)."""
    return {
        "@context": [VC_V2, OB_V3],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": ACHIEVEMENT_NAME,
        "issuer": issuer.profile(),
        "awardedDate": _timestamp(awarded),
        "validFrom": _timestamp(valid_from),
        "validUntil": _timestamp(valid_until),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "licenseNumber": number,
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "name",
                    "hashed": False,
                    "identityHash": name,
                },
            ],
            "achievement": {
                "id": f"{issuer.base_url}/achievements/keurmerk-sleutelpersoon",
                "type": ["Achievement"],
                "achievementType": "Certification",
                "name": ACHIEVEMENT_NAME,
                "description": ACHIEVEMENT_DESCRIPTION,
                "criteria": {"narrative": CRITERIA},
                "inLanguage": "nl",
            },
        },
        "credentialStatus": status_entry(issuer.base_url, status_index),
    }


def holder_name(credential: dict) -> str | None:
    """The display name in a credential, if any."""
    for item in credential.get("credentialSubject", {}).get("identifier", []):
        if isinstance(item, dict) and item.get("identityType") == "name":
            return item.get("identityHash")
    return None


def keurmerk_number(credential: dict) -> str | None:
    """The keurmerk number: ``credentialSubject.licenseNumber``, or ``keurmerkNumber`` in a
    credential issued before the number moved there."""
    subject = credential.get("credentialSubject")
    number = subject.get("licenseNumber") if isinstance(subject, dict) else None
    number = number if isinstance(number, str) else credential.get("keurmerkNumber")
    return number if isinstance(number, str) else None
