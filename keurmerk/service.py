"""Keurmerk management in one place: configuration, keys, registry, issuing and status.

The command line, the demo and the tests use this; the web service only reads.
"""

from __future__ import annotations

import base64
import tomllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import tomli_w
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
)

from keurmerk import audit_check, datamodel, identity, schema, statuslist
from keurmerk import messages as msg
from keurmerk.credential import IssuerProfile, build_credential
from keurmerk.dataintegrity import sign, single_proof, verify_signature
from keurmerk.documents import VC_V2
from keurmerk.keys import KeyStore, KeyStoreError, default_home
from keurmerk.multikey import decode_public_key
from keurmerk.privacy import add_months
from keurmerk.registry import ACTIVE, REVOKED, SUSPENDED, Certificate, Registry, default_url
from keurmerk.renewal import RenewalRefused, window_refusal
from keurmerk.rules import RenewalRules, load_rules
from keurmerk.verify import TrustedIssuer

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
        data = {
            "base_url": base_url,
            "issuer_name": issuer_name,
            "database_url": database_url,
            "validity_years": 3,
        }
        return write_config(home, data)


def write_config(home: Path, data: dict) -> Path:
    """Write ``keurmerk.toml`` with a TOML library, so quotes and backslashes stay intact."""
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = home / CONFIG_NAME
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


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
        self.registry.audit_signer = self.sign_audit

    def init(self, actor: str = "systeem") -> None:
        """Make the first key (if none) and publish empty, signed status lists."""
        if not self.keys.keys():
            info = self.keys.generate()
            self.registry.log(actor, "sleutel-gemaakt", info.method)
        for purpose in statuslist.PURPOSES:
            self.registry.status_list(purpose, self.sign_list)

    def rotate_key(self, actor: str) -> str:
        """Start signing with a new key; the old one stays published (for what it signed
        before) and its private key is destroyed."""
        info = self.keys.rotate()
        self.registry.log(actor, "sleutelwissel", info.method)
        return info.method

    def revoke_key(self, key: str, reason: str, actor: str) -> tuple[str, str, list[str]]:
        """Revoke a compromised key: (its method, the new active method or ``''``, the
        numbers of the keurmerken it signed, which fail verification from now on).

        The status lists are signed again with a key that still counts.
        """
        target, successor = self.keys.revoke(key)
        self.registry.repair_status_lists(self.sign_list, actor)
        signed_by = [
            certificate.number
            for certificate in self.registry.certificates()
            if _proof_method(certificate) == target.method
        ]
        new = successor.method if successor else ""
        self.registry.log(
            actor, "sleutel-ingetrokken", target.method, reason, nieuw=new, keurmerken=signed_by
        )
        return target.method, new, signed_by

    def test_signing_key(self) -> tuple[str, str, bytes]:
        """Issuer id, verification method and raw private key (``serve --test-uitgifte``)."""
        info, key = self.keys.active()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return self.config.issuer.id, info.method, raw

    def sign_audit(self, message: bytes) -> tuple[str, str] | None:
        """Sign an audit checkpoint with the active key (``None`` before the first key)."""
        try:
            info, key = self.keys.active()
        except KeyStoreError:
            return None
        return info.method, base64.urlsafe_b64encode(key.sign(message)).decode("ascii")

    def public_keys(self) -> dict[str, Ed25519PublicKey]:
        """Every key the issuer has published, by verification method."""
        return {k.method: decode_public_key(k.public_key) for k in self.keys.keys()}  # noqa: SIM118

    def key_ends(self) -> dict[str, datetime]:
        """Per verification method, when the key stopped signing (retired or revoked)."""
        ends = {}
        for key in self.keys.keys():  # noqa: SIM118 (a KeyStore, not a dict)
            moments = [datetime.fromisoformat(m) for m in (key.retired, key.revoked) if m]
            if moments:
                ends[key.method] = min(moments)
        return ends

    def check_audit(
        self, expected: str | None = None, checkpoints: tuple[dict, ...] = ()
    ) -> audit_check.TrailReport:
        """The audit trail, its signatures, truncation (against an ``expected`` hash or
        ``checkpoints`` kept elsewhere) and every certificate row against the trail."""
        keys = self.public_keys()
        with self.registry.reads() as session:
            report = audit_check.check_trail(session, keys, self.key_ends())
            if expected:
                report.problems += audit_check.compare_hash(session, expected)
            for checkpoint in checkpoints:
                report.problems += audit_check.compare_checkpoint(session, checkpoint, keys)
            report.problems += audit_check.certificate_problems(session, keys)
        return report

    def audit_checkpoint(self) -> dict | None:
        """The newest signed checkpoint (count, head hash, time) of the audit trail."""
        return self.registry.audit_checkpoint(self.config.issuer.id)

    def issuer_document(self) -> dict:
        return self.keys.issuer_document(self.config.issuer.name, self.config.issuer.url)

    def trusted_issuer(self) -> TrustedIssuer:
        """This issuer as a verifier trusts it (its keys as they are now)."""
        return TrustedIssuer.from_controller(self.issuer_document(), self.config.issuer.name)

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
        evidence: dict | None = None,
        lapse_months: int | None = None,
    ) -> Certificate:
        """Issue a signed keurmerk (atomically) for an eligible learner.

        With ``lapse_months`` a learner whose keurmerk ended longer ago than that (and so
        cannot renew) gets a new one after the full assessment; otherwise a learner who
        already holds a keurmerk is refused (``AlreadyIssued``).

        The name and e-mail are checked first (``identity.IdentityError``, Dutch): no empty
        or placeholder name, no malformed address, and no address already bound to another
        holder. The credential carries the name only; the registry keeps the keyed binding.
        ``evidence`` (rules version, scores, hours, …) goes into the signed audit record.
        """
        name = identity.check_name(name)
        email = identity.check_email(email)
        bound = self.email_binding(email)
        self._refuse_other_holders_email(learner_id, email)
        reason = msg.AUDIT_RENEWAL_REASON if supersedes else msg.AUDIT_ISSUE_REASON
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        lapsed_before = add_months(moment, -lapse_months) if lapse_months is not None else None
        return self._issue(
            learner_id,
            name,
            bound,
            now,
            awarded,
            actor,
            supersedes,
            until,
            reason=reason,
            evidence=evidence,
            lapsed_before=lapsed_before,
        )

    def _issue(
        self,
        learner_id: str,
        name: str,
        bound: str,
        now: datetime | None,
        awarded: datetime | None,
        actor: str,
        supersedes: str = "",
        until: datetime | None = None,
        action: str = "",
        reason: str = "",
        evidence: dict | None = None,
        lapsed_before: datetime | None = None,
    ) -> Certificate:
        """Sign and store a credential for an already checked name and e-mail binding."""
        moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        awarded = awarded or moment
        until = until or _add_years(moment, self.config.validity_years)
        info, key = self.keys.active()

        def make(number: str, index: int) -> dict:
            credential = build_credential(
                issuer=self.config.issuer,
                number=number,
                name=name,
                awarded=awarded,
                valid_from=moment,
                valid_until=until,
                status_index=index,
            )
            problems = datamodel.credential_problems(credential)
            if problems:
                raise ValueError("not a VC 2.0 credential: " + ", ".join(problems))
            signed = sign(credential, key, info.method, created=moment)
            schema.validate(signed)  # refuse what other Open Badges verifiers would refuse
            return signed

        certificate = self.registry.issue(
            learner_id=learner_id,
            name=name,
            email_hash=bound,
            make_credential=make,
            awarded_at=awarded,
            valid_from=moment,
            valid_until=until,
            actor=actor,
            supersedes=supersedes,
            action=action,
            reason=reason,
            evidence=evidence,
            sign_list=self.sign_list,
            lapsed_before=lapsed_before,
        )
        # a registry from before the message list gets it signed with the first new credential
        self.registry.status_list(statuslist.MESSAGE, self.sign_list)
        return certificate

    def renew(
        self,
        number: str,
        email: str,
        actor: str = "systeem",
        now: datetime | None = None,
        evidence: dict | None = None,
        rules: RenewalRules | None = None,
    ) -> Certificate:
        """Herregistratie: a new credential that keeps the original award date.

        Only inside the renewal window of ``rules`` (default: ``regels.toml``): from
        ``window_months`` before the end date to ``lapse_months`` after it; otherwise
        ``RenewalRefused`` with the Dutch reason.

        The new end date runs on from the old one (or from today if that has passed). A
        suspended, revoked or already renewed keurmerk cannot be renewed, and ``email`` must
        be the address the holder's keurmerk is bound to (``identity.IdentityError``).
        """
        old = self.registry.find(number)
        if old is None:
            raise LookupError(number)
        if old.state != ACTIVE or old.superseded_by:
            raise ValueError(f"{number} cannot be renewed")
        moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        refusal = window_refusal(old, moment, (rules or load_rules().renewal))
        if refusal:
            raise RenewalRefused(refusal)
        email = identity.check_email(email)
        if not self.email_matches(old, email):
            raise identity.IdentityError(msg.IDENTITY_EMAIL_NOT_HOLDERS.format(number=number))
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
            evidence=evidence,
        )

    def correct_name(
        self, number: str, name: str, reason: str, actor: str = "systeem"
    ) -> Certificate:
        """Correct the holder's name: a signed credential cannot be edited, so a new one is
        issued with the corrected name, the same award date, end date and e-mail binding,
        and the old number is marked replaced (``vervangen``).

        ``LookupError`` for an unknown number; ``identity.IdentityError`` for a bad name;
        ``ValueError`` for a keurmerk that is not the holder's current, active one.
        """
        old = self.registry.find(number)
        if old is None:
            raise LookupError(number)
        name = identity.check_name(name)
        expired = _aware(old.valid_until) <= datetime.now(UTC)
        if old.state != ACTIVE or old.superseded_by or expired:
            raise ValueError(f"{number} is not the holder's current, active keurmerk")
        if name == old.name:
            raise identity.IdentityError(msg.CORRECT_SAME_NAME.format(name=name))
        return self._replace(old, name, actor, "naamcorrectie", reason)

    def reissue(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        """Give the holder of a keurmerk signed with a revoked (compromised) key a new one,
        signed with the active key: same name, award date, end date and e-mail binding; the
        old number is marked replaced.

        ``LookupError`` for an unknown number; ``ValueError`` when the keurmerk is not the
        holder's current, active one, or was not signed with a revoked key.
        """
        old = self.registry.find(number)
        if old is None:
            raise LookupError(number)
        expired = _aware(old.valid_until) <= datetime.now(UTC)
        if old.state != ACTIVE or old.superseded_by or expired:
            raise ValueError(f"{number} is not the holder's current, active keurmerk")
        revoked = {key.method for key in self.keys.keys() if key.revoked}  # noqa: SIM118
        if _proof_method(old) not in revoked:
            raise ValueError(f"{number} was not signed with a revoked key")
        return self._replace(old, old.name, actor, "heruitgifte", reason)

    def _replace(
        self, old: Certificate, name: str, actor: str, action: str, reason: str
    ) -> Certificate:
        """A new credential for ``old``'s holder with the same dates and binding."""
        return self._issue(
            old.learner_id,
            name,
            old.email_hash,
            None,
            _aware(old.awarded_at),
            actor,
            supersedes=old.number,
            until=_aware(old.valid_until),
            action=action,
            reason=reason,
        )

    def email_binding(self, email: str) -> str:
        """The keyed binding of an e-mail address (only this issuer can compute it)."""
        return identity.binding(email, identity.load_secret(self.keys.home))

    def email_matches(self, certificate: Certificate, email: str) -> bool:
        """Whether ``email`` is the address this certificate is bound to."""
        secret = identity.load_secret(self.keys.home)
        return identity.matches(
            certificate.email_hash, email, secret, certificate.credential_json()
        )

    def _refuse_other_holders_email(self, learner_id: str, email: str) -> None:
        for certificate in self.registry.certificates():
            if certificate.learner_id != learner_id and self.email_matches(certificate, email):
                raise identity.IdentityError(msg.IDENTITY_EMAIL_TAKEN.format(email=email))

    def suspend(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        return self.registry.set_state(number, SUSPENDED, reason, self.sign_list, actor)

    def reinstate(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        return self.registry.set_state(number, ACTIVE, reason, self.sign_list, actor)

    def revoke(self, number: str, reason: str, actor: str = "systeem") -> Certificate:
        return self.registry.set_state(number, REVOKED, reason, self.sign_list, actor)

    def status_list_problems(self) -> list[str]:
        """Dutch descriptions of every way a signed status list differs from the registry."""
        report = self.registry.status_list_report()
        numbers = {c.status_index: c.number for c in self.registry.certificates()}
        keys = {k.method: k.public_key for k in self.keys.keys()}  # noqa: SIM118
        problems = []
        for purpose, (expected, stored, signed) in report.items():
            name = msg.STATUS_PURPOSE_NL[purpose]
            if stored != expected:
                problems.append(msg.AUDIT_LIST_STORED_BITS.format(purpose=name))
            if signed is None:
                problems.append(msg.AUDIT_LIST_MISSING.format(purpose=name))
                continue
            subject = signed.get("credentialSubject") or {}
            try:
                published = statuslist.decode(subject.get("encodedList"))
            except statuslist.StatusListError:
                published = b""
            if published != expected or subject.get("statusPurpose") != purpose:
                width = statuslist.STATUS_SIZE if purpose == statuslist.MESSAGE else 1
                differ = {bit // width for bit in _differing_indexes(expected, published)}
                listed = ", ".join(sorted(numbers.get(i, f"index {i}") for i in differ)[:10])
                problems.append(msg.AUDIT_LIST_BITS.format(purpose=name, numbers=listed or "-"))
            proof = signed.get("proof")
            proof = proof[0] if isinstance(proof, list) and proof else proof
            method = proof.get("verificationMethod") if isinstance(proof, dict) else None
            key = keys.get(method) if isinstance(method, str) else None
            if key is None or not verify_signature(signed, decode_public_key(key)):
                problems.append(msg.AUDIT_LIST_SIGNATURE.format(purpose=name))
        return problems

    def repair_status_lists(self, actor: str = "systeem") -> None:
        """Rebuild every status list from the registry and sign them again."""
        self.registry.repair_status_lists(self.sign_list, actor)

    def verify_url(self, number: str) -> str:
        return f"{self.config.issuer.base_url}/controleer/{number}"


def _proof_method(certificate: Certificate) -> str | None:
    proof = single_proof(certificate.credential_json()) or {}
    return proof.get("verificationMethod")


def _differing_indexes(expected: bytes, published: bytes) -> list[int]:
    """Indexes whose bit differs (every set bit of ``expected`` when ``published`` is unusable)."""
    if len(published) != len(expected):
        published = bytes(len(expected))
    return [
        index
        for index in range(len(expected) * 8)
        if expected[index // 8] != published[index // 8]
        and statuslist.get_bit(expected, index) != statuslist.get_bit(published, index)
    ]
