"""The credential shape: 1EdTech's OB 3.0 JSON Schema passes, old credentials keep verifying.

Today's credential has a proof set of one and one ``message`` status entry (two bits:
valid, suspended, revoked) and the number as ``credentialSubject.licenseNumber``. Credentials
issued before (one proof object, a revocation and a suspension entry, ``keurmerkNumber`` in
the project context) are made here the old way, through the real registry, and must still
verify, follow suspension and revocation, and show their number.
"""

from __future__ import annotations

import copy
import hashlib
import json
import secrets
import uuid
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from keurmerk import schema, statuslist
from keurmerk.check import StatusLists, check_file
from keurmerk.cli import main
from keurmerk.credential import build_credential
from keurmerk.dataintegrity import sign
from keurmerk.documents import KEURMERK_V1, OB_V3, VC_V2
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import (
    INVALID,
    REPLACED,
    REVOKED,
    SUSPENDED,
    VALID,
    TrustedIssuer,
    verify_credential,
)
from keurmerk_issuer import NOW, Issuer


@pytest.fixture(params=["sqlite", "postgresql"])
def beheer(request, tmp_path) -> Keurmerkbeheer:
    url = ""
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_url").rsplit("/", 1)[0]
        name = f"vorm_{uuid.uuid4().hex[:12]}"
        with create_engine(server + "/postgres", isolation_level="AUTOCOMMIT").connect() as db:
            db.execute(text(f"create database {name}"))
        url = f"{server}/{name}"
    Config.write(tmp_path, "https://keurmerk.example.nl", "Stichting Keurmerk", url)
    beheer = Keurmerkbeheer(Config.load(tmp_path))
    beheer.init()
    return beheer


def _legacy_email_hash(email: str, salt: str) -> str:
    """The unkeyed salted e-mail hash credentials carried before the keyed binding."""
    return "sha256$" + hashlib.sha256((email.lower() + salt).encode()).hexdigest()


def _old_way(beheer: Keurmerkbeheer, learner: str, name: str):
    """Issue a keurmerk exactly as before: project context, keurmerkNumber, two entries."""
    info, key = beheer.keys.active()
    moment = datetime.now(UTC).replace(microsecond=0)
    salt = secrets.token_hex(16)
    email_hash = _legacy_email_hash(f"{learner}@example.org", salt)

    def make(number: str, index: int) -> dict:
        credential = build_credential(
            issuer=beheer.config.issuer,
            number=number,
            name=name,
            awarded=moment,
            valid_from=moment,
            valid_until=moment.replace(year=moment.year + 3),
            status_index=index,
        )
        credential["credentialSubject"]["identifier"].append(
            {
                "type": "IdentityObject",
                "identityType": "emailAddress",
                "hashed": True,
                "identityHash": email_hash,
                "salt": salt,
            }
        )
        credential["@context"] = [VC_V2, OB_V3, KEURMERK_V1]
        credential["keurmerkNumber"] = credential["credentialSubject"].pop("licenseNumber")
        base = beheer.config.issuer.base_url
        credential["credentialStatus"] = [
            {
                "id": f"{base}/status/{purpose}#{index}",
                "type": "BitstringStatusListEntry",
                "statusPurpose": purpose,
                "statusListIndex": str(index),
                "statusListCredential": f"{base}/status/{purpose}",
            }
            for purpose in ("revocation", "suspension")
        ]
        signed = sign(credential, key, info.method, created=moment)
        signed["proof"] = signed["proof"][0]
        return signed

    return beheer.registry.issue(
        learner_id=learner,
        name=name,
        email_hash=email_hash,
        make_credential=make,
        awarded_at=moment,
        valid_from=moment,
        valid_until=moment.replace(year=moment.year + 3),
    )


def _check(beheer: Keurmerkbeheer, credential: dict):
    trusted = TrustedIssuer.from_controller(beheer.issuer_document(), "Stichting Keurmerk")
    lists = StatusLists.of(beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    data = json.dumps(credential).encode()
    return check_file(data, {trusted.id: trusted}, datetime.now(UTC), lists)


def test_an_issued_credential_passes_the_official_schema_with_format_checks(beheer):
    assert {"date-time", "date"} <= schema.format_checks()
    credential = beheer.issue("d1", "Samira Benali", "s@example.org").credential_json()
    assert schema.problems(credential) == []
    assert isinstance(credential["proof"], list) and len(credential["proof"]) == 1
    assert isinstance(credential["credentialStatus"], dict)
    assert credential["@context"] == [VC_V2, OB_V3]


def test_the_schema_refuses_the_old_shape_and_bad_dates():
    old = Issuer().credential()
    found = " ".join(schema.problems(old))
    assert "proof" in found and "credentialStatus" in found
    new = Issuer().credential(shape="message")
    assert schema.problems(new) == []
    broken = copy.deepcopy(new)
    broken["validFrom"] = "1 december 2026"
    with pytest.raises(schema.SchemaError, match="validFrom"):
        schema.validate(broken)


def test_old_and_new_credentials_follow_suspension_and_revocation(beheer):
    old = _old_way(beheer, "oud", "Oude Houder")
    new = beheer.issue("nieuw", "Nieuwe Houder", "n@example.org")
    assert isinstance(old.credential_json()["proof"], dict)
    for certificate in (old, new):
        result = _check(beheer, certificate.credential_json())
        assert result.status == VALID and result.verified, result.as_dict()
        assert result.number == certificate.number
    for action, expected in ((beheer.suspend, SUSPENDED), (beheer.reinstate, VALID)):
        for certificate in (old, new):
            action(certificate.number, "test")
            assert _check(beheer, certificate.credential_json()).status == expected
    beheer.revoke(old.number, "fraude")
    beheer.revoke(new.number, "fraude")
    assert _check(beheer, old.credential_json()).status == REVOKED
    assert _check(beheer, new.credential_json()).status == REVOKED
    assert beheer.status_list_problems() == []
    audit = CliRunner().invoke(main, ["audit", "--map", str(beheer.config.home)])
    assert audit.exit_code == 0, audit.output


@pytest.mark.parametrize("value, status", [(0, VALID), (1, SUSPENDED), (2, REVOKED), (3, REPLACED)])
def test_the_two_status_bits_mean_what_the_entry_says(value, status):
    issuer = Issuer()
    credential = issuer.credential(index=4242, shape="message")
    statuslist.set_value(issuer.lists["message"], 4242, statuslist.STATUS_SIZE, value)
    trusted = {issuer.id: issuer.trust()}
    assert verify_credential(credential, trusted, NOW, issuer.lookup).status == status


def test_a_status_message_we_do_not_know_is_not_valid():
    issuer = Issuer()
    credential = issuer.credential(shape="message")
    del credential["proof"]
    credential["credentialStatus"]["statusMessage"][0]["message"] = "misschien"
    credential = sign(credential, issuer.key, issuer.method)  # genuinely signed, value unknown
    trusted = {issuer.id: issuer.trust()}
    result = verify_credential(credential, trusted, NOW, issuer.lookup)
    assert result.checks[0].ok and result.status == INVALID
    assert result.checks[-1].name == "status" and not result.checks[-1].ok
