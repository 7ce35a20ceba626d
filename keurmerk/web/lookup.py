"""What the verification page shows for a keurmerk number (plain functions, no web code)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from keurmerk import messages as msg
from keurmerk.numbers import normalise
from keurmerk.online import stored_verdict
from keurmerk.privacy import PrivacyRules, name_is_public
from keurmerk.registry import Registry
from keurmerk.verify import (
    EXPIRED,
    INVALID,
    NOT_YET_VALID,
    REPLACED,
    REVOKED,
    SUSPENDED,
    VALID,
    TrustedIssuer,
)

NOT_VALID, UNKNOWN = "niet geldig", "onbekend nummer"
# Outcomes of a credential that is really ours: the look-up shows its signed name and dates.
SHOWN = (VALID, EXPIRED, NOT_YET_VALID, SUSPENDED, REVOKED, REPLACED)


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


def dutch_date(iso: str) -> str:
    """'2029-11-25' → '25 november 2029' (for pages; the API keeps ISO dates)."""
    moment = datetime.fromisoformat(iso)
    return f"{moment.day} {msg.MONTHS[moment.month - 1]} {moment.year}"


def look_up(
    registry: Registry,
    typed: str,
    now: datetime,
    issuer: TrustedIssuer,
    public_months: int = PrivacyRules.public_months,
) -> PublicRecord:
    """The public record for a typed number; ``onbekend nummer`` for anything else.

    The answer comes from the stored signed credential, verified like an uploaded one
    (signature, the issuer's keys, dates, signed status lists) and then made stricter by the
    registry (replaced, the holder's chain suspended or revoked). The unsigned row alone
    never makes a number valid, and a row whose credential does not verify shows no name.
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
    result = stored_verdict(registry, certificate, now, issuer)
    if result.status not in SHOWN:
        return PublicRecord(INVALID, number=certificate.number)
    if result.status != VALID:
        with registry.reads() as session:
            if not name_is_public(session, certificate, now, public_months):
                return PublicRecord(NOT_VALID, number=certificate.number)
    credential = result.credential
    return PublicRecord(
        status=result.status,
        number=certificate.number,
        name=result.holder or "",
        keurmerk=credential.get("name", ""),
        awarded=_date(credential.get("awardedDate") or credential.get("validFrom")),
        valid_until=_date(credential.get("validUntil")),
        issuer=credential.get("issuer", {}).get("name", ""),
        replaced_by=result.replaced_by or "",
    )


def _date(value) -> str:
    """The date of a signed ISO timestamp (``''`` when there is none)."""
    return value[:10] if isinstance(value, str) else ""
