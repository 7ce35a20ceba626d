"""The audit trail an auditor accepts: signed records, checkpoints, truncation, forged rows,
personal data outside the hash (erasable), and complete content."""

from __future__ import annotations

import base64
import hashlib
import json
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

import keurmerk.rules
from keurmerk import audit, holder_rights
from keurmerk.cli import main
from keurmerk.models import AuditPerson, AuditPersonal, AuditRecord, AuditSignature
from keurmerk.multikey import decode_public_key
from keurmerk.privacy import add_months
from keurmerk.public_register import opt_in
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk_issuer import new_beheer
from keurmerk_service import serving
from postgres import fresh_database

NOW = datetime(2026, 11, 25, tzinfo=UTC)


@pytest.fixture
def beheer(tmp_path):
    return new_beheer(tmp_path)


def _hashed_text(beheer: Keurmerkbeheer) -> str:
    with beheer.registry.reads() as session:
        rows = session.scalars(select(AuditRecord).order_by(AuditRecord.id))
        return json.dumps(
            [[r.actor, r.action, r.subject, r.reason, r.details] for r in rows], ensure_ascii=False
        )


def test_personal_data_is_outside_the_hashed_records(beheer):
    """Learner id, name and gemeente are not in any hashed field, only under a pseudonym."""
    beheer.issue("samira-01", "Samira Benali", "s@example.org", now=NOW, actor="anna")
    opt_in(beheer.registry, "samira-01", "Zwolle", actor="anna")
    hashed = _hashed_text(beheer)
    for personal in ("samira-01", "Samira", "Zwolle", "s@example.org"):
        assert personal not in hashed
    with beheer.registry.reads() as session:
        kept = audit.personal_records(session, "samira-01")
        ref = audit.person_ref(session, "samira-01", create=False)
    assert [entry.action for entry, _ in kept] == ["uitgifte", "register-aanmelding"]
    assert kept[0][1] == {"learner": "samira-01", "name": "Samira Benali"}
    assert kept[1][1] == {"learner": "samira-01", "gemeente": "Zwolle"}
    assert all(json.loads(entry.details)["person"] == ref for entry, _ in kept)


def test_erasing_a_person_keeps_the_chain_intact(beheer):
    """After erasure nothing links the trail to the person, and the trail still verifies."""
    beheer.issue("samira-01", "Samira Benali", "s@example.org", now=NOW)
    beheer.issue("karim-02", "Karim", "k@example.org", now=NOW)
    opt_in(beheer.registry, "samira-01", "Zwolle", actor="anna")
    with beheer.registry.transaction() as session:
        assert audit.erase_person(session, "samira-01") == 2
    with beheer.registry.reads() as session:
        assert audit.personal_records(session, "samira-01") == []
        assert audit.person_ref(session, "samira-01", create=False) is None
        people = session.scalars(select(AuditPerson.learner_id)).all()
        leftovers = [row.data for row in session.scalars(select(AuditPersonal))]
    assert people == ["karim-02"]
    assert not any("samira" in data.casefold() or "Zwolle" in data for data in leftovers)
    assert beheer.registry.verify_audit().ok
    with beheer.registry.engine.connect() as connection:
        dump = " ".join(
            str(row)
            for table in ("audit_trail", "audit_people", "audit_personal", "audit_signatures")
            for row in connection.execute(text(f"select * from {table}"))
        )
    assert "samira" not in dump.casefold() and "Zwolle" not in dump


def _audit(beheer: Keurmerkbeheer, *options: str):
    return CliRunner().invoke(main, ["audit", "--map", str(beheer.config.home), *options])


def _sql(beheer: Keurmerkbeheer, *statements: str) -> None:
    with beheer.registry.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


def _populated(beheer: Keurmerkbeheer) -> list[str]:
    a = beheer.issue("a", "Anna de Vries", "a@example.org", now=NOW, actor="anna")
    b = beheer.issue("b", "Bram", "b@example.org", now=NOW, actor="anna")
    beheer.revoke(b.number, "fraude", actor="bert")
    return [a.number, b.number]


def test_a_clean_trail_passes_and_every_record_is_signed(beheer):
    _populated(beheer)
    result = _audit(beheer)
    assert result.exit_code == 0, result.output
    assert "Het auditlog is in orde: 4 regels" in result.output
    report = beheer.check_audit()
    assert report.ok and report.unsigned == 0
    with beheer.registry.reads() as session:
        assert session.scalar(select(func.count()).select_from(AuditSignature)) == 4


def test_deleting_the_newest_records_is_found_with_an_expected_hash(beheer):
    _populated(beheer)
    head = beheer.check_audit().head
    _sql(
        beheer,
        "delete from audit_trail where id = 4",
        "delete from audit_signatures where record_id = 4",
    )
    result = _audit(beheer, "--verwacht", head)
    assert result.exit_code == 1
    assert f"De hash {head} staat niet in het auditlog" in result.output
    assert "in orde: 3 regels" not in result.output


def test_deleting_the_newest_records_is_found_against_the_last_audit(beheer):
    """`keurmerk audit` keeps the signed checkpoint it saw; a later, shorter trail fails."""
    _populated(beheer)
    assert _audit(beheer).exit_code == 0
    saved = json.loads((beheer.config.home / "auditlog-controlepunt.json").read_text())
    assert saved["count"] == 4
    _sql(beheer, "delete from audit_trail where id >= 3", "delete from audit_signatures")
    result = _audit(beheer)
    assert result.exit_code == 1
    assert "regel 4 met hash" in result.output and "staat er niet meer in" in result.output


def test_deleting_the_whole_trail_is_found(beheer):
    numbers = _populated(beheer)
    _sql(beheer, "delete from audit_trail", "delete from audit_signatures")
    result = _audit(beheer)
    assert result.exit_code == 1
    for number in numbers:
        assert f"Keurmerk {number} staat in het register, maar het auditlog heeft geen" in (
            result.output
        )


def test_an_edit_with_every_later_hash_recomputed_is_found(beheer):
    """The public algorithm lets anyone recompute the chain, but not the issuer's signature."""
    _populated(beheer)
    with beheer.registry.transaction() as session:
        rows = list(session.scalars(select(AuditRecord).order_by(AuditRecord.id)))
        rows[3].reason = "op verzoek"  # was "fraude"
        previous = rows[2].hash
        for row in rows[3:]:
            row.prev_hash = previous
            row.hash = audit._digest(previous, row)
            previous = row.hash
    assert beheer.registry.verify_audit().ok  # the bare chain is fooled
    result = _audit(beheer)
    assert result.exit_code == 1
    assert "De handtekening van regel 4 van het auditlog klopt niet" in result.output
    # stripping the signatures instead is found too: later records are unsigned
    _sql(beheer, "delete from audit_signatures where record_id >= 3")
    assert "Regel 3 van het auditlog heeft geen handtekening" in _audit(beheer).output


def test_an_unrevoked_row_and_a_forged_row_are_found(beheer):
    good, revoked = _populated(beheer)
    _sql(beheer, f"update certificates set state = 'actief' where number = '{revoked}'")
    result = _audit(beheer)
    assert result.exit_code == 1
    assert f"Keurmerk {revoked}: in het register staat 'actief'" in result.output
    assert "'ingetrokken'" in result.output
    # --herstel would sign the lists from the forged row: it refuses, the bit stays set
    before = beheer.registry.stored_status_list("revocation")
    repaired = _audit(beheer, "--herstel")
    assert repaired.exit_code == 1 and "De statuslijsten zijn niet hersteld" in repaired.output
    assert beheer.registry.stored_status_list("revocation") == before
    _sql(
        beheer,
        "insert into certificates (number, learner_id, name, email_hash, awarded_at, valid_from,"
        " valid_until, status_index, state, state_reason, issued_at, credential, supersedes,"
        " superseded_by) select 'KM-FAKE-0001', 'nep', 'Nep Persoon', email_hash, awarded_at,"
        " valid_from, valid_until, status_index + 1, 'actief', '', issued_at, credential, '', ''"
        f" from certificates where number = '{good}'",
    )
    result = _audit(beheer)
    assert "Keurmerk KM-FAKE-0001 staat in het register, maar het auditlog heeft geen" in (
        result.output
    )


def test_a_changed_name_or_end_date_in_a_row_is_found(beheer):
    good, _revoked = _populated(beheer)
    _sql(beheer, f"update certificates set name = 'Iemand Anders' where number = '{good}'")
    result = _audit(beheer)
    assert result.exit_code == 1
    assert f"Keurmerk {good}: nummer, naam of einddatum in het register klopt niet" in (
        result.output
    )
    _sql(
        beheer,
        f"update certificates set name = 'Anna de Vries', valid_until = '2035-01-01 00:00:00'"
        f" where number = '{good}'",
    )
    assert "nummer, naam of einddatum" in _audit(beheer).output
    _sql(beheer, f"update certificates set credential = '{{}}' where number = '{good}'")
    output = _audit(beheer).output
    assert f"Keurmerk {good}: het opgeslagen certificaat is niet meer het certificaat" in output


def test_a_trail_from_before_signing_still_verifies(tmp_path):
    """An old database: unsigned records, learner ids in the hash, none of the new tables."""
    Config.write(tmp_path / "home", "https://keurmerk.example.nl", "Stichting Keurmerk")
    old = Keurmerkbeheer(Config.load(tmp_path / "home"))
    old.registry.audit_signer = None  # as before this change
    old.init(actor="test")
    with old.registry.transaction() as session:
        audit.record(session, "test", "register-aanmelding", "samira", details={"x": 1})
    _sql(old, "drop table audit_signatures", "drop table audit_people", "drop table audit_personal")
    beheer = Keurmerkbeheer(Config.load(tmp_path / "home"))
    beheer.issue("karim", "Karim", "k@example.org", now=NOW)
    report = beheer.check_audit()
    assert report.ok, report.problems
    assert report.unsigned == 2 and report.records == 3
    assert _audit(beheer).exit_code == 0


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_checkpoint_is_published_signed_and_catches_truncation(tmp_path, request, database):
    """A real `keurmerk serve` publishes the signed checkpoint; a copy kept elsewhere later
    shows that the trail was cut."""
    url = ""
    if database == "postgresql":  # a database of its own on the test server
        url = fresh_database(
            request.getfixturevalue("postgres_url"), f"audit_{uuid.uuid4().hex[:12]}"
        )
    beheer = new_beheer(tmp_path, url)
    _populated(beheer)
    with serving(beheer.config.home, tmp_path / "serve.log") as base:
        with urllib.request.urlopen(base + "/audit/checkpoint", timeout=10) as response:
            published = json.loads(response.read())
        with urllib.request.urlopen(base + "/issuer", timeout=10) as response:
            issuer = json.loads(response.read())
    assert published["count"] == 4 and published["head"] == beheer.check_audit().head
    method = next(
        m for m in issuer["verificationMethod"] if m["id"] == published["verificationMethod"]
    )
    decode_public_key(method["publicKeyMultibase"]).verify(
        base64.urlsafe_b64decode(published["signature"]),
        audit.checkpoint_message(published["count"], published["head"], published["at"]),
    )
    kept = tmp_path / "controlepunt.json"
    kept.write_text(json.dumps(published))
    assert _audit(beheer, "--controlepunt", str(kept)).exit_code == 0
    _sql(
        beheer,
        "delete from audit_signatures where record_id = 4",
        "delete from audit_trail where id = 4",
    )
    result = _audit(beheer, "--controlepunt", str(kept))
    assert result.exit_code == 1 and "regel 4 met hash" in result.output
    forged = dict(published, count=3)
    kept.write_text(json.dumps(forged))
    assert (
        "De handtekening van het controlepunt klopt niet"
        in _audit(beheer, "--controlepunt", str(kept)).output
    )


def test_name_correction_and_erasure_keep_the_audit_in_order(beheer):
    """Rows changed by the holder's rights (a new credential, an emptied row) match the trail."""
    a, b = _populated(beheer)
    corrected = beheer.correct_name(a, "Anna de Vries-Bakker", "typefout", actor="anna")
    beheer.issue("c", "Cor", "c@example.org", now=NOW)
    (erased,) = holder_rights.erase(beheer.registry, "c", beheer.sign_list, "anna", "verzoek")
    result = _audit(beheer)
    assert result.exit_code == 0, result.output
    # the erased row may not come back to life unnoticed
    _sql(beheer, f"update certificates set state = 'actief' where number in ('{erased}', '{b}')")
    output = _audit(beheer).output
    assert f"Keurmerk {b}: in het register staat 'actief'" in output
    assert f"Keurmerk {erased}: in het register staat 'actief'" in output
    assert corrected.supersedes == a


SCORES = """learner,assignment,score,max_score,open_items,late
samira,module-1,30,32,,False
samira,module-2,25,28,,False
samira,module-3,28,30,,False
samira,actualiteiten-{year},9,10,,False
karim,module-1,30,32,,False
karim,module-2,25,28,vraag-3-antwoord,False
karim,module-3,28,30,,False
"""
PRACTICE = "learner,practice_hours,intervision_sessions\nsamira,45,7\nkarim,30,5\n"
PEOPLE = "learner,name,email\nsamira,Samira Benali,samira@example.org\nkarim,Karim,k@example.org\n"


def _records(beheer: Keurmerkbeheer) -> list[tuple[AuditRecord, dict]]:
    with beheer.registry.reads() as session:
        return [(r, json.loads(r.details)) for r in session.scalars(select(AuditRecord))]


def test_issue_renewal_refusals_and_reminders_are_logged_with_evidence(beheer, tmp_path):
    """`uitgeven --door`: who, why and the evidence; refusals and reminders are records too."""
    year = datetime.now(UTC).year
    for name, content in [
        ("scores.csv", SCORES.format(year=year)),
        ("praktijk.csv", PRACTICE),
        ("deelnemers.csv", PEOPLE),
    ]:
        (tmp_path / name).write_text(content, encoding="utf-8")
    home = str(beheer.config.home)
    tables = [
        "--scores",
        str(tmp_path / "scores.csv"),
        "--praktijk",
        str(tmp_path / "praktijk.csv"),
    ]
    runner = CliRunner()
    issued = runner.invoke(
        main,
        [
            "uitgeven",
            "--map",
            home,
            "--door",
            "anna",
            *tables,
            "--deelnemers",
            str(tmp_path / "deelnemers.csv"),
            "--pdf-map",
            str(tmp_path / "pdf"),
        ],
    )
    assert issued.exit_code == 0, issued.output
    records = _records(beheer)
    (issue,) = [(r, d) for r, d in records if r.action == "uitgifte"]
    (refusal,) = [(r, d) for r, d in records if r.action == "weigering"]
    assert issue[0].actor == "anna" and issue[0].reason == "voldoet aan de regels"
    proof = issue[1]["evidence"]
    rules_file = Path(keurmerk.rules.DEFAULT_RULES)
    assert proof["rules"]["sha256"] == hashlib.sha256(rules_file.read_bytes()).hexdigest()
    assert {
        "assignment": "module-2",
        "score": 25,
        "max_score": 28,
        "open_items": "",
        "late": False,
    } in proof["scores"]
    assert proof["practice"] == [{"practice_hours": 45, "intervision_sessions": 7}]
    assert refusal[0].actor == "anna" and "vraag 3" in refusal[0].reason
    with beheer.registry.reads() as session:
        assert audit.personal_records(session, "karim")[0][0].action == "weigering"
    assert "karim" not in _hashed_text(beheer)

    number = beheer.registry.certificates()[0].number
    renew = ["vernieuw", number, "--map", home, "--door", "bert", *tables]
    wrong = runner.invoke(main, [*renew, "--email", "niet@example.org"])
    assert wrong.exit_code == 1
    early = runner.invoke(main, [*renew, "--email", "samira@example.org"])  # issued today
    assert early.exit_code == 1 and "Vernieuwen kan vanaf" in early.output
    # a keurmerk that ends in three months, inside its renewal window
    today = datetime.now(UTC)
    olena = beheer.issue("olena", "Olena Koval", "o@example.org", now=add_months(today, -33))
    (tmp_path / "vernieuw-scores.csv").write_text(
        "learner,assignment,score,max_score,open_items,late\n"
        f"olena,actualiteiten-{year},9,10,,False\n"
    )
    (tmp_path / "vernieuw-praktijk.csv").write_text(
        f"learner,date,practice_hours,intervision_sessions\nolena,{today.date()},45,7\n"
    )
    renewed = runner.invoke(
        main,
        [
            "vernieuw",
            olena.number,
            "--map",
            home,
            "--door",
            "bert",
            "--scores",
            str(tmp_path / "vernieuw-scores.csv"),
            "--praktijk",
            str(tmp_path / "vernieuw-praktijk.csv"),
            "--email",
            "o@example.org",
        ],
    )
    assert renewed.exit_code == 0, renewed.output
    records = _records(beheer)
    (renewal,) = [(r, d) for r, d in records if r.action == "vernieuwing"]
    assert renewal[0].actor == "bert" and renewal[1]["evidence"]["actualiteiten_year"] == year
    assert [r.subject for r, _ in records if r.action == "weigering"][-1] == number

    reminded = runner.invoke(
        main, ["herinneringen", "--map", home, "--door", "cor", "--datum", f"{year + 6}-01-01"]
    )
    assert reminded.exit_code == 0, reminded.output
    last, details = _records(beheer)[-1]
    assert last.action == "herinneringen" and last.actor == "cor"
    assert details["reference_date"] == f"{year + 6}-01-01"
    assert _audit(beheer).exit_code == 0


def test_a_revoked_chain_matches_the_trail(beheer):
    """Revoking a renewed keurmerk revokes the whole chain; the audit follows the record."""
    old = beheer.issue("olena", "Olena", "o@example.org", now=add_months(NOW, -33))
    new = beheer.renew(old.number, "o@example.org", now=NOW)  # inside the renewal window
    beheer.revoke(new.number, "fraude")
    assert {c.state for c in beheer.registry.chain(new.number)} == {"ingetrokken"}
    assert _audit(beheer).exit_code == 0
    _sql(beheer, f"update certificates set state = 'actief' where number = '{old.number}'")
    assert f"Keurmerk {old.number}: in het register staat 'actief'" in _audit(beheer).output


def test_a_record_signed_with_a_retired_key_is_found(beheer):
    """A stolen key that was rotated out cannot add records that pass the audit."""
    _populated(beheer)
    old, old_key = beheer.keys.active()
    beheer.rotate_key("anna")
    assert _audit(beheer).exit_code == 0

    def stolen(message: bytes) -> tuple[str, str]:
        return old.method, base64.urlsafe_b64encode(old_key.sign(message)).decode()

    time.sleep(1.1)  # times have whole seconds: a record in the rotation's second is allowed
    with beheer.registry.transaction() as session:
        session.info[audit.SIGNER] = stolen
        added = audit.record(session, "indringer", "herstel", "KM-XXXX-XXXX", "grapje")
    result = _audit(beheer)
    assert result.exit_code == 1
    assert f"Regel {added.id} van het auditlog is ondertekend met een sleutel die toen al" in (
        result.output
    )
