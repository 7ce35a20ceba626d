"""What the verification page shows for a keurmerk number (plain functions, no web code)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from keurmerk import messages as msg
from keurmerk.credential import holder_name
from keurmerk.numbers import normalise
from keurmerk.registry import REVOKED, SUSPENDED, Registry

VALID, EXPIRED, SUSPENDED_NL, REVOKED_NL, REPLACED, UNKNOWN = (
    "geldig",
    "verlopen",
    "geschorst",
    "ingetrokken",
    "vervangen",
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
        return self.__dict__ | ({"compare": msg.COMPARE_NAME} if self.name else {})


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def dutch_date(iso: str) -> str:
    """'2029-11-25' → '25 november 2029' (for pages; the API keeps ISO dates)."""
    moment = datetime.fromisoformat(iso)
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}"


def look_up(registry: Registry, typed: str, now: datetime) -> PublicRecord:
    """The public record for a typed number; ``onbekend nummer`` for anything else."""
    number = normalise(typed)
    if number is None:
        return PublicRecord(UNKNOWN)
    certificate = registry.find(number)
    if certificate is None:
        return PublicRecord(UNKNOWN)
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
