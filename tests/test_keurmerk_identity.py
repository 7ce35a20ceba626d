"""Who a keurmerk is for: the e-mail binding nobody else can test, and identity checks
before anything is signed (real keys, real SQLite, the real ``keurmerk`` command)."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from keurmerk import identity
from keurmerk.backup import create_backup, restore_backup
from keurmerk.cli import main
from keurmerk.privacy import add_months
from keurmerk.service import Keurmerkbeheer
from keurmerk_issuer import new_beheer
from keurmerk_service import vernieuw

NOW = datetime(2026, 11, 25, tzinfo=UTC)
SCORES = """learner,assignment,score,max_score,open_items,late
{rows}"""
MODULES = ("module-1", "module-2", "module-3")


@pytest.fixture
def beheer(tmp_path) -> Keurmerkbeheer:
    return new_beheer(tmp_path)


def _guesses(name: str) -> list[str]:
    """Name-based guesses for a holder's address, as an attacker would make them."""
    first, last = (part.lower() for part in name.split())
    locals_ = [first, last, f"{first}.{last}", f"{first}{last}", f"{first[0]}.{last}"]
    domains = ["example.org", "gmail.com", "hotmail.com", "outlook.com"]
    return [f"{local}@{domain}" for local in locals_ for domain in domains]


def test_nobody_without_the_secret_can_confirm_a_guessed_address(beheer):
    certificate = beheer.issue("samira", "Samira Benali", "samira.benali@example.org", now=NOW)
    credential = certificate.credential_json()
    text = json.dumps(credential)
    assert "salt" not in text and "sha256$" not in text and "emailAddress" not in text
    guesses = _guesses("Samira Benali")
    assert "samira.benali@example.org" in guesses
    # the row in the registry: an attacker with database access tries unkeyed hashes
    stored = certificate.email_hash
    assert stored.startswith("hmac-sha256$")
    digest = stored.split("$", 1)[1]
    for guess in guesses:
        assert hashlib.sha256(guess.encode()).hexdigest() != digest
        assert identity.binding(guess, b"") != stored
    # only the issuer's secret confirms it
    assert beheer.email_matches(certificate, " Samira.Benali@Example.org")
    assert not beheer.email_matches(certificate, "samira@example.org")
    secret = beheer.keys.home / identity.SECRET_NAME
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(secret.parent.stat().st_mode) == 0o700


def test_an_old_credential_with_a_salted_hash_keeps_its_binding():
    salt = "ab" * 16
    stored = "sha256$" + hashlib.sha256(("s@example.org" + salt).encode()).hexdigest()
    credential = {
        "credentialSubject": {
            "identifier": [{"identityType": "emailAddress", "identityHash": stored, "salt": salt}]
        }
    }
    assert identity.matches(stored, "S@example.org ", b"secret", credential)
    assert not identity.matches(stored, "t@example.org", b"secret", credential)


@pytest.mark.parametrize(
    ("name", "email", "reason"),
    [
        (float("nan"), "s@example.org", "De naam is leeg"),
        ("", "s@example.org", "De naam is leeg"),
        ("nan", "s@example.org", "geen naam"),
        ("Samira\x00Benali", "s@example.org", "De naam klopt niet"),
        ("Samira Benali", float("nan"), "Het e-mailadres is leeg"),
        ("Samira Benali", "   ", "Het e-mailadres is leeg"),
        ("Samira Benali", "samira at example", "geen goed e-mailadres"),
    ],
)
def test_identity_is_checked_before_signing(beheer, name, email, reason):
    with pytest.raises(identity.IdentityError, match=reason):
        beheer.issue("samira", name, email, now=NOW)
    assert beheer.registry.certificates() == []


def test_an_address_of_another_holder_is_refused(beheer):
    beheer.issue("samira", "Samira Benali", "s@example.org", now=NOW)
    with pytest.raises(identity.IdentityError, match="hoort al bij een andere houder"):
        beheer.issue("karim", "Karim El Amrani", "S@example.org", now=NOW)
    assert [c.learner_id for c in beheer.registry.certificates()] == ["samira"]


def _tables(tmp_path, people: str, learners: list[str]) -> list[str]:
    rows = "".join(f"{who},{module},30,32,,False\n" for who in learners for module in MODULES)
    (tmp_path / "scores.csv").write_text(SCORES.format(rows=rows), encoding="utf-8")
    practice = "".join(f"{who},24,4\n" for who in learners)
    (tmp_path / "praktijk.csv").write_text(
        "learner,practice_hours,intervision_sessions\n" + practice, encoding="utf-8"
    )
    (tmp_path / "deelnemers.csv").write_text(people, encoding="utf-8")
    return [
        "--scores",
        str(tmp_path / "scores.csv"),
        "--praktijk",
        str(tmp_path / "praktijk.csv"),
    ]


def test_uitgeven_refuses_empty_cells_with_a_reason(beheer, tmp_path):
    people = (
        "learner,name,email\n"
        "samira,,s@example.org\n"
        "karim,Karim El Amrani,\n"
        "olena,Olena Koval,o@example.org\n"
    )
    tables = _tables(tmp_path, people, ["samira", "karim", "olena"])
    home = str(beheer.config.home)
    result = CliRunner().invoke(
        main,
        ["uitgeven", "--map", home, *tables, "--deelnemers", str(tmp_path / "deelnemers.csv")],
    )
    assert result.exit_code == 0, result.output
    assert "samira: De naam is leeg" in result.output
    assert "karim: Het e-mailadres is leeg" in result.output
    assert "olena: keurmerk KM-" in result.output
    names = [c.name for c in beheer.registry.certificates()]
    assert names == ["Olena Koval"]
    assert not any("nan" in path.name for path in (beheer.config.home / "pdf").iterdir())


def _renew(beheer, tmp_path, number: str, email: str):
    rows = f"samira,actualiteiten-{datetime.now(UTC).year},9,10,,False\n"
    (tmp_path / "scores.csv").write_text(SCORES.format(rows=rows), encoding="utf-8")
    (tmp_path / "praktijk.csv").write_text(
        f"learner,date,practice_hours,intervision_sessions\nsamira,{datetime.now(UTC).date()},50,8\n",
        encoding="utf-8",
    )
    scores, practice = tmp_path / "scores.csv", tmp_path / "praktijk.csv"
    return vernieuw(beheer, number, email, scores, practice)


def test_renewal_needs_the_holders_own_address(beheer, tmp_path):
    ends_soon = add_months(datetime.now(UTC), -33)  # inside the renewal window
    old = beheer.issue("samira", "Samira Benali", "s@example.org", now=ends_soon)
    beheer.issue("karim", "Karim El Amrani", "k@example.org", now=NOW)
    for wrong, reason in [("", "Het e-mailadres is leeg"), ("k@example.org", "hoort niet bij")]:
        result = _renew(beheer, tmp_path, old.number, wrong)
        assert result.exit_code == 1 and reason in result.output, result.output
        assert "Traceback" not in result.output
    assert beheer.registry.find(old.number).superseded_by == ""
    result = _renew(beheer, tmp_path, old.number, "S@Example.org")
    assert result.exit_code == 0, result.output
    assert beheer.registry.find(old.number).superseded_by


def test_the_binding_secret_travels_with_the_backup(beheer, tmp_path):
    certificate = beheer.issue("samira", "Samira Benali", "s@example.org", now=NOW)
    archive = create_backup(beheer.config, tmp_path / "backup.tar.gz")
    restored = Keurmerkbeheer(restore_backup(archive, tmp_path / "terug"))
    secret = restored.keys.home / identity.SECRET_NAME
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    copy = restored.registry.find(certificate.number)
    assert restored.email_matches(copy, "s@example.org")
    assert not restored.email_matches(copy, "t@example.org")
