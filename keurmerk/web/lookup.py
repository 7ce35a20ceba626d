"""What the verification page shows for a keurmerk number (plain functions, no web code)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from keurmerk import messages as msg
from keurmerk.credential import holder_name
from keurmerk.numbers import normalise
from keurmerk.privacy import PrivacyRules, name_is_public
from keurmerk.registry import REVOKED, SUSPENDED, Registry

VALID, EXPIRED, SUSPENDED_NL, REVOKED_NL, REPLACED, NOT_VALID, UNKNOWN = (
    "geldig",
    "verlopen",
    "geschorst",
    "ingetrokken",
    "vervangen",
    "niet geldig",
    "onbekend nummer",
)


@dataclass(frozen=True)
class PublicRecord:
    """Exactly what a verifier may see about a certificate."""

    status: str
    number: str = ""
    name: str = ""
    keurmerk: str = ""
    awarded: str = ""
    valid_until: str = ""
    issuer: str = ""
    replaced_by: str = ""

    def as_dict(self) -> dict:
        if self.status == UNKNOWN:
            return {"status": UNKNOWN}
        if self.status == NOT_VALID:
            return {"status": NOT_VALID, "number": self.number}
        return self.__dict__ | ({"compare": msg.COMPARE_NAME} if self.name else {})


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def dutch_date(iso: str) -> str:
    """'2029-11-25' → '25 november 2029' (for pages; the API keeps ISO dates)."""
    moment = datetime.fromisoformat(iso)
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}"


def look_up(
    registry: Registry, typed: str, now: datetime, public_months: int = PrivacyRules.public_months
) -> PublicRecord:
    """The public record for a typed number; ``onbekend nummer`` for anything else.

    ``public_months`` after a keurmerk ended (see :mod:`keurmerk.privacy`) only ``niet
    geldig`` and the number are shown: no name, no dates."""
    number = normalise(typed)
    if number is None:
        return PublicRecord(UNKNOWN)
    certificate = registry.find(number)
    if certificate is None:
        return PublicRecord(UNKNOWN)
    if not certificate.name:  # erased at the holder's request: the number stays not valid
        return PublicRecord(NOT_VALID, number=certificate.number)
    credential = certificate.credential_json()
    if certificate.state == REVOKED:
        status = REVOKED_NL
    elif certificate.state == SUSPENDED:
        status = SUSPENDED_NL
    elif certificate.superseded_by:
        status = REPLACED
    elif _aware(certificate.valid_until) < now:
        status = EXPIRED
    else:
        status = VALID
    if status != VALID:
        with registry.reads() as session:
            if not name_is_public(session, certificate, now, public_months):
                return PublicRecord(NOT_VALID, number=certificate.number)
    return PublicRecord(
        status=status,
        number=certificate.number,
        name=holder_name(credential) or certificate.name,  # as signed
        keurmerk=credential.get("name", ""),
        awarded=_aware(certificate.awarded_at).date().isoformat(),
        valid_until=_aware(certificate.valid_until).date().isoformat(),
        issuer=credential.get("issuer", {}).get("name", ""),
        replaced_by=certificate.superseded_by,
    )
