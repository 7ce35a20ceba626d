"""Keurmerk lifecycle: renewal, reminders, opt-in register, audit trail, backup and restore."""

from __future__ import annotations

import stat
from datetime import UTC, datetime

import pandas as pd
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlalchemy import text

from keurmerk import statuslist
from keurmerk.backup import RestoreError, create_backup, restore_backup
from keurmerk.cli import main
from keurmerk.public_register import SearchRefused, opt_in, opt_out, search
from keurmerk.renewal import decide_renewal, reminders
from keurmerk.rules import load_rules
from keurmerk.service import Keurmerkbeheer
from keurmerk.verify import TrustedIssuer, verify_credential
from keurmerk.web.app import WebSettings, create_app
from keurmerk.web.lookup import look_up
from keurmerk_issuer import new_beheer

T0 = datetime(2023, 1, 10, tzinfo=UTC)
NOW = datetime(2026, 11, 25, tzinfo=UTC)


def _beheer(tmp_path, database_url: str = "") -> Keurmerkbeheer:
    return new_beheer(tmp_path, database_url)


@pytest.fixture
def beheer(tmp_path):
    return _beheer(tmp_path)


def test_expired_then_renewed_keeps_the_award_date(beheer):
    old = beheer.issue("samira", "Samira Benali", "s@example.org", now=T0, actor="anna")
    assert look_up(beheer.registry, old.number, NOW, beheer.trusted_issuer()).status == "verlopen"
    new = beheer.renew(old.number, "s@example.org", actor="anna", now=NOW)
    record = look_up(beheer.registry, new.number, NOW, beheer.trusted_issuer())
    assert record.status == "geldig"
    assert new.credential_json()["awardedDate"] == "2023-01-10T00:00:00Z"
    assert record.awarded == "2023-01-10" and record.valid_until == "2029-11-25"
    replaced = look_up(beheer.registry, old.number, NOW, beheer.trusted_issuer())
    assert replaced.status == "vervangen" and replaced.replaced_by == new.number
    with pytest.raises(ValueError):
        beheer.renew(old.number, "s@example.org", now=NOW)


def test_early_renewal_runs_on_from_the_old_end_date(beheer):
    old = beheer.issue("karim", "Karim", "k@example.org", now=datetime(2024, 3, 1, tzinfo=UTC))
    new = beheer.renew(old.number, "k@example.org", now=NOW)
    assert new.valid_until.year == 2030 and new.valid_until.month == 3


def test_revoked_keurmerk_cannot_be_renewed(beheer):
    old = beheer.issue("ahmed", "Ahmed", "a@example.org", now=T0)
    beheer.revoke(old.number, "fraude")
    with pytest.raises(ValueError):
        beheer.renew(old.number, "a@example.org", now=NOW)


def test_renewal_needs_actualiteiten_and_practice():
    rules = load_rules()
    scores = pd.DataFrame(
        [
            ("samira", "actualiteiten-2026", 9, 10, "", False),
            ("olena", "actualiteiten-2026", 5, 10, "", False),
        ],
        columns=["learner", "assignment", "score", "max_score", "open_items", "late"],
    )
    practice = pd.DataFrame(
        [
            ("samira", "2025-03-01", 45, 7),
            ("olena", "2025-03-01", 10, 2),
            ("karim", "2025-03-01", 50, 8),
        ],
        columns=["learner", "date", "practice_hours", "intervision_sessions"],
    )
    cycle = {"cycle_start": T0, "now": NOW}
    assert decide_renewal("samira", 2026, scores, practice, rules, **cycle).eligible
    olena = decide_renewal("olena", 2026, scores, practice, rules, **cycle)
    assert olena.reasons[0] == "actualiteiten 2026: 50% van de punten, nodig is 70%"
    karim = decide_renewal("karim", 2026, scores, practice, rules, **cycle)
    assert karim.reasons == ["de opdracht actualiteiten 2026 is nog niet ingeleverd of nagekeken"]


def test_reminders_six_months_and_one_month_before(beheer):
    rules = load_rules()
    soon = beheer.issue("a", "Anna", "a@example.org", now=datetime(2023, 12, 10, tzinfo=UTC))
    later = beheer.issue("b", "Bram", "b@example.org", now=datetime(2024, 4, 1, tzinfo=UTC))
    beheer.issue("c", "Cor", "c@example.org", now=datetime(2025, 1, 1, tzinfo=UTC))
    found = reminders(beheer.registry.certificates(), NOW, rules)
    assert [(r.months, r.number) for r in found] == [(1, soon.number), (6, later.number)]
    text_ = found[0].message()
    assert "Beste Anna" in text_ and "10 december 2026" in text_ and "een maand" in text_


def test_register_is_opt_in_and_withdrawal_is_immediate(beheer):
    samira = beheer.issue("samira", "Samira Benali", "s@example.org", now=NOW)
    beheer.issue("yusuf", "Yusuf Warsame", "y@example.org", now=NOW)
    assert search(beheer.registry, "sam", "Rotterdam", NOW) == []
    opt_in(beheer.registry, "samira", "Rotterdam", actor="samira")
    (listing,) = search(beheer.registry, "SAM", "rotterdam", NOW)
    assert (listing.name, listing.number) == ("Samira Benali", samira.number)
    assert search(beheer.registry, "yusuf", "Rotterdam", NOW) == []  # never opted in
    client = TestClient(
        create_app(
            WebSettings(
                registry=beheer.registry,
                issuer_document=beheer.issuer_document(),
                issuer_name="Stichting Keurmerk",
                now=lambda: NOW,
            )
        )
    )
    assert (
        "Samira Benali"
        in client.get("/register", params={"naam": "sam", "gemeente": "Rotterdam"}).text
    )
    opt_out(beheer.registry, "samira", actor="samira")
    assert search(beheer.registry, "sam", "Rotterdam", NOW) == []
    assert (
        "Samira"
        not in client.get("/register", params={"naam": "sam", "gemeente": "Rotterdam"}).text
    )


def test_register_refuses_bulk_searches_and_hides_invalid(beheer):
    beheer.issue("olena", "Olena Kovalenko", "o@example.org", now=NOW)
    opt_in(beheer.registry, "olena", "Utrecht", actor="olena")
    for name, gemeente in [("", "Utrecht"), ("o", "Utrecht"), ("olena", ""), ("%", "")]:
        with pytest.raises(SearchRefused):
            search(beheer.registry, name, gemeente, NOW)
    number = beheer.registry.certificates()[0].number
    beheer.suspend(number, "klacht")
    assert search(beheer.registry, "olena", "Utrecht", NOW) == []


def test_audit_trail_records_everything_and_detects_edits(beheer):
    certificate = beheer.issue("samira", "Samira", "s@example.org", now=NOW, actor="anna")
    beheer.suspend(certificate.number, "klacht", actor="bert")
    opt_in(beheer.registry, "samira", "Utrecht", actor="samira")
    beheer.rotate_key("anna")
    check = beheer.registry.verify_audit()
    assert check.ok and check.records == 5
    with beheer.registry.engine.begin() as connection:
        actions = [
            row[0] for row in connection.execute(text("select action from audit_trail order by id"))
        ]
        assert actions == [
            "sleutel-gemaakt",
            "uitgifte",
            "schorsing",
            "register-aanmelding",
            "sleutelwissel",
        ]
        connection.execute(text("update audit_trail set reason = 'geen klacht' where id = 3"))
    check = beheer.registry.verify_audit()
    assert not check.ok and check.first_broken == 3
    result = CliRunner().invoke(main, ["audit", "--map", str(beheer.config.home)])
    assert result.exit_code != 0 and "gebroken bij regel 3" in result.output


def test_deleted_audit_record_is_detected(beheer):
    beheer.issue("a", "A", "a@example.org", now=NOW)
    beheer.issue("b", "B", "b@example.org", now=NOW)
    with beheer.registry.engine.begin() as connection:
        connection.execute(text("delete from audit_trail where id = 2"))
    assert beheer.registry.verify_audit().first_broken == 3


def _results(beheer: Keurmerkbeheer) -> dict:
    trusted = {beheer.config.issuer.id: TrustedIssuer.from_controller(beheer.issuer_document())}
    lists = {
        doc["id"]: doc
        for doc in (beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    }
    return {
        c.number: (
            verify_credential(c.credential, trusted, NOW, lists.get).as_dict(),
            look_up(beheer.registry, c.number, NOW, beheer.trusted_issuer()).as_dict(),
        )
        for c in beheer.registry.certificates()
    }


def _populated(tmp_path) -> Keurmerkbeheer:
    beheer = _beheer(tmp_path)
    a = beheer.issue("a", "Anna", "a@example.org", now=T0)
    b = beheer.issue("b", "Bram", "b@example.org", now=NOW)
    c = beheer.issue("c", "Cor", "c@example.org", now=NOW)
    beheer.renew(a.number, "a@example.org", now=NOW)
    beheer.suspend(b.number, "klacht")
    beheer.revoke(c.number, "fraude")
    beheer.rotate_key("test")
    beheer.issue("d", "Dirk", "d@example.org", now=NOW)
    opt_in(beheer.registry, "d", "Utrecht", actor="d")
    return beheer


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_backup_restore_gives_identical_verification(tmp_path, request, database):
    beheer = _populated(tmp_path)
    backup = create_backup(beheer.config, tmp_path / "keurmerk-backup.tar.gz")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    url = request.getfixturevalue("postgres_url") if database == "postgresql" else None
    if url:  # a fresh database on the same server
        url = url.rsplit("/", 1)[0] + "/postgres"
        from sqlalchemy import create_engine

        with create_engine(url, isolation_level="AUTOCOMMIT").connect() as connection:
            connection.execute(text("create database herstel"))
        url = url.rsplit("/", 1)[0] + "/herstel"
    restored_config = restore_backup(backup, tmp_path / "hersteld", url)
    restored = Keurmerkbeheer(restored_config)
    assert _results(restored) == _results(beheer)
    assert restored.registry.verify_audit().ok
    assert search(restored.registry, "dirk", "Utrecht", NOW)
    keys = list((tmp_path / "hersteld" / "keys" / "private").glob("*.pem"))
    active, _ = beheer.keys.active()
    # only the active private key travels; retired keys stay published in keys.json
    assert [k.name for k in keys] == [active.file_name]
    assert all(stat.S_IMODE(k.stat().st_mode) == 0o600 for k in keys)
    assert len(restored.keys.keys()) == 2
    # the restored keurmerk can go on issuing with the newest key
    assert restored.issue("e", "Eva", "e@example.org", now=NOW).number


def test_restore_refuses_damaged_files_and_non_empty_targets(tmp_path):
    beheer = _populated(tmp_path)
    backup = create_backup(beheer.config, tmp_path / "b.tar.gz")
    with pytest.raises(RestoreError, match="bevat al"):
        restore_backup(backup, beheer.config.home)
    broken = tmp_path / "kapot.tar.gz"
    broken.write_bytes(b"geen backup")
    with pytest.raises(RestoreError, match="beschadigd"):
        restore_backup(broken, tmp_path / "nieuw")
    with pytest.raises(FileExistsError):
        create_backup(beheer.config, backup)


def test_lifecycle_commands(tmp_path):
    beheer = _beheer(tmp_path)
    started = datetime.now(UTC).replace(year=datetime.now(UTC).year - 3)  # ends about now
    old = beheer.issue("samira", "Samira", "s@example.org", now=started)
    home = str(beheer.config.home)
    (tmp_path / "scores.csv").write_text(
        "learner,assignment,score,max_score,open_items,late\n"
        f"samira,actualiteiten-{datetime.now(UTC).year},9,10,,False\n"
    )
    (tmp_path / "praktijk.csv").write_text(
        "learner,date,practice_hours,intervision_sessions\n"
        f"samira,{datetime.now(UTC).date().isoformat()},50,8\n"
    )
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "vernieuw",
            old.number,
            "--map",
            home,
            "--email",
            "s@example.org",
            "--scores",
            str(tmp_path / "scores.csv"),
            "--praktijk",
            str(tmp_path / "praktijk.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "de toekenningsdatum blijft" in result.output
    result = runner.invoke(
        main,
        ["register", "aanmelden", "samira", "--gemeente", "Zwolle", "--toestemming", "--map", home],
    )
    assert "staat nu in het register" in result.output
    result = runner.invoke(main, ["register", "afmelden", "samira", "--map", home])
    assert "staat niet meer in het register" in result.output
    result = runner.invoke(
        main,
        [
            "herinneringen",
            "--map",
            home,
            "--datum",
            "2029-10-01",
            "--berichten",
            str(tmp_path / "berichten"),
        ],
    )
    assert "over 6 mnd" in result.output or "over 1 mnd" in result.output
    assert list((tmp_path / "berichten").glob("herinnering-*.txt"))
    assert runner.invoke(main, ["audit", "--map", home]).exit_code == 0
