"""Status changes under pressure: 20 real `keurmerk` processes at once, on SQLite and PostgreSQL.

Every change must end up in the signed status lists, the number look-up and the file check
must agree, and `keurmerk audit` must see (and repair) a status list that does not match.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from keurmerk import statuslist
from keurmerk.cli import main
from keurmerk.registry import REVOKED, SUSPENDED
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import TrustedIssuer, verify_credential
from keurmerk.web.lookup import look_up
from postgres import fresh_database

KEURMERK = str(Path(sys.executable).parent / "keurmerk")
PROCESSES = 20


@pytest.fixture(params=["sqlite", "postgresql"])
def beheer(request, tmp_path) -> Keurmerkbeheer:
    url = ""
    if request.param == "postgresql":
        url = fresh_database(
            request.getfixturevalue("postgres_url"), f"gelijktijdig_{uuid.uuid4().hex[:12]}"
        )
    result = CliRunner().invoke(
        main,
        [
            "init",
            "--map",
            str(tmp_path / "home"),
            "--url",
            "https://keurmerk.example.nl",
            "--naam",
            "Stichting Keurmerk",
            "--database",
            url,
        ],
    )
    assert result.exit_code == 0, result.output
    return Keurmerkbeheer(Config.load(tmp_path / "home"))


def _run_parallel(
    home: Path, commands: list[list[str]]
) -> tuple[list[subprocess.CompletedProcess], float]:
    """Start every command as its own `keurmerk` process at once; wait for all of them."""
    started = time.monotonic()
    running = [
        subprocess.Popen(
            [KEURMERK, *command, "--map", str(home), "--door", "test"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    results = []
    for process, command in zip(running, commands, strict=True):
        out, err = process.communicate(timeout=240)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results, time.monotonic() - started


def _signed_bits(beheer: Keurmerkbeheer) -> dict[str, bytes]:
    return {
        purpose: statuslist.decode(
            beheer.registry.stored_status_list(purpose)["credentialSubject"]["encodedList"]
        )
        for purpose in statuslist.PURPOSES
    }


def _assert_lists_match_registry(beheer: Keurmerkbeheer) -> None:
    """Every bit of every signed list matches the registry; look-up and file check agree."""
    bits = _signed_bits(beheer)
    now = datetime.now(UTC)
    trusted = {beheer.config.issuer.id: TrustedIssuer.from_controller(beheer.issuer_document())}
    lists = {
        doc["id"]: doc
        for doc in (beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    }
    certificates = beheer.registry.certificates()
    flagged = {
        "revocation": {c.status_index for c in certificates if c.state == REVOKED},
        "suspension": {c.status_index for c in certificates if c.state == SUSPENDED},
    }
    for purpose in statuslist.LEGACY_PURPOSES:
        set_bits = {i for i in range(statuslist.MIN_BITS) if statuslist.get_bit(bits[purpose], i)}
        assert set_bits == flagged[purpose], purpose
    values = {  # the message list: two bits per keurmerk, 1 suspended, 2 revoked
        i: value
        for i in range(statuslist.MIN_BITS)
        if (value := statuslist.get_value(bits["message"], i, statuslist.STATUS_SIZE))
    }
    assert values == {i: 2 for i in flagged["revocation"]} | {i: 1 for i in flagged["suspension"]}
    for certificate in certificates:
        by_number = look_up(
            beheer.registry, certificate.number, now, beheer.trusted_issuer()
        ).status
        by_file = verify_credential(certificate.credential, trusted, now, lists.get).status
        assert by_number == by_file, certificate.number


def _audit(beheer: Keurmerkbeheer, *options: str):
    return CliRunner().invoke(main, ["audit", "--map", str(beheer.config.home), *options])


def test_twenty_parallel_status_changes_all_reach_the_signed_lists(beheer):
    """Do 20 parallel `schors`/`trek-in`/`herstel` processes each leave their bit, nothing lost?

    Twelve processes change twelve keurmerken (six suspended, six revoked); eight race on one
    keurmerk (revoke, suspend, reinstate), which must end revoked for every verifier.
    """
    issued = [beheer.issue(f"d{i:02}", f"Deelnemer {i}", f"d{i}@example.org") for i in range(13)]
    target, others = issued[0], issued[1:]
    commands = [
        ["schors" if i % 2 else "trek-in", c.number, "--reden", f"test {i}"]
        for i, c in enumerate(others)
    ]
    race = ["trek-in", "schors", "herstel", "schors", "trek-in", "herstel", "schors", "trek-in"]
    commands += [[verb, target.number, "--reden", f"wedloop {i}"] for i, verb in enumerate(race)]
    assert len(commands) == PROCESSES
    results, seconds = _run_parallel(beheer.config.home, commands)
    database = beheer.registry.engine.dialect.name
    print(f"\n{PROCESSES} parallel status changes ({database}): {seconds:.1f} s")
    problems = [r.stderr for r in results if r.returncode != 0]
    assert all(r.returncode == 0 for r in results[:12]), problems
    # On the raced keurmerk only changes after the revocation may be refused, in Dutch.
    assert all(
        r.returncode == 0 or "is ingetrokken en kan niet meer veranderen" in r.stderr
        for r in results[12:]
    ), problems
    assert not any("Traceback" in r.stderr for r in results), problems
    assert beheer.registry.find(target.number).state == REVOKED
    states = [beheer.registry.find(c.number).state for c in others]
    assert states == [REVOKED, SUSPENDED] * 6
    bits = _signed_bits(beheer)
    assert sum(bin(b).count("1") for b in bits["revocation"]) == 7
    assert sum(bin(b).count("1") for b in bits["suspension"]) == 6
    _assert_lists_match_registry(beheer)
    audit = _audit(beheer)
    assert audit.exit_code == 0, audit.output
    assert "kloppen met het register" in audit.output
    assert beheer.registry.verify_audit().ok


def test_audit_finds_and_repairs_a_wrong_status_list(beheer):
    """Does `keurmerk audit` catch a signed list that lost a bit, and `--herstel` fix it?"""
    revoked = beheer.issue("d01", "Deelnemer 1", "d1@example.org")
    beheer.issue("d02", "Deelnemer 2", "d2@example.org")
    beheer.revoke(revoked.number, "fraude")
    # A genuinely signed list without the revocation: what a lost update used to leave behind.
    empty = bytes(statuslist.empty(statuslist.size_of("message")))
    lost = json.dumps(beheer.sign_list("message", empty))
    with beheer.registry.engine.begin() as connection:
        connection.execute(
            text("update status_lists set signed = :signed where purpose = 'message'"),
            {"signed": lost},
        )
    now = datetime.now(UTC)
    trusted = {beheer.config.issuer.id: TrustedIssuer.from_controller(beheer.issuer_document())}
    listed = beheer.registry.stored_status_list
    stale = verify_credential(
        revoked.credential, trusted, now, lambda url: listed(url.rsplit("/", 1)[-1])
    )
    assert stale.status == "geldig"  # the damage the audit must find

    found = _audit(beheer)
    assert found.exit_code == 1, found.output
    assert "klopt niet met het register" in found.output and revoked.number in found.output
    assert "keurmerk audit --herstel" in found.output

    repaired = _audit(beheer, "--herstel")
    assert repaired.exit_code == 0, repaired.output
    assert "opnieuw opgebouwd" in repaired.output
    _assert_lists_match_registry(beheer)
    assert _audit(beheer).exit_code == 0
    assert beheer.registry.verify_audit().ok


def test_audit_finds_a_tampered_signature(beheer):
    """Does the audit notice a status list whose bits were edited without a new signature?"""
    suspended = beheer.issue("d01", "Deelnemer 1", "d1@example.org")
    beheer.suspend(suspended.number, "klacht")
    document = beheer.registry.stored_status_list("message")
    empty = statuslist.empty(statuslist.size_of("message"))
    document["credentialSubject"]["encodedList"] = statuslist.encode(empty)
    with beheer.registry.engine.begin() as connection:
        connection.execute(
            text("update status_lists set signed = :signed where purpose = 'message'"),
            {"signed": json.dumps(document)},
        )
    found = _audit(beheer)
    assert found.exit_code == 1
    assert "De handtekening van de statuslijst voor status (geldig" in found.output
    assert _audit(beheer, "--herstel").exit_code == 0
    _assert_lists_match_registry(beheer)
