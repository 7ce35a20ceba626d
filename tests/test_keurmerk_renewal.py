"""Renewal with rules an auditor accepts: a window before the end date, evidence dated
inside the cycle, no renewal of a long-lapsed keurmerk (the full assessment again), a PDF
for every new credential and ``keurmerk pdf`` for an existing number.

Real keys, a real SQLite registry, the real ``keurmerk`` command line and real PDFs.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pandas as pd
import pytest
from click.testing import CliRunner
from sqlalchemy import text

from keurmerk.cli import main
from keurmerk.pdf import extract_credential
from keurmerk.privacy import add_months
from keurmerk.registry import AlreadyIssued
from keurmerk.renewal import RenewalRefused, decide_renewal
from keurmerk.rules import load_rules
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.web.lookup import look_up
from keurmerk_service import vernieuw

TODAY = datetime.now(UTC).replace(microsecond=0)
SCORE_COLUMNS = ["learner", "assignment", "score", "max_score", "open_items", "late"]
PRACTICE_COLUMNS = ["learner", "date", "practice_hours", "intervision_sessions"]


@pytest.fixture
def beheer(tmp_path):
    home = tmp_path / "home"
    Config.write(home, "https://keurmerk.example.nl", "Stichting Keurmerk")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init(actor="test")
    return beheer


def _ending_soon(beheer: Keurmerkbeheer, learner: str = "samira", email: str = "s@example.org"):
    """A keurmerk that ends in three months: inside the renewal window."""
    return beheer.issue(learner, "Samira Benali", email, now=add_months(TODAY, -33))


def _tables(tmp_path, year: int, practice_date: str) -> tuple[str, str]:
    scores = tmp_path / "scores.csv"
    pd.DataFrame(
        [("samira", f"actualiteiten-{year}", 9, 10, "", False)], columns=SCORE_COLUMNS
    ).to_csv(scores, index=False)
    practice = tmp_path / "praktijk.csv"
    pd.DataFrame([("samira", practice_date, 50, 8)], columns=PRACTICE_COLUMNS).to_csv(
        practice, index=False
    )
    return str(scores), str(practice)


def _vernieuw(beheer: Keurmerkbeheer, number: str, tables: tuple[str, str], *extra: str):
    return vernieuw(beheer, number, "s@example.org", *tables, *extra)


def test_renewing_the_new_credential_again_the_same_day_is_refused(beheer, tmp_path):
    """Finding: renewing the new credential again the same day pushed validity to 2035."""
    old = _ending_soon(beheer)
    new = beheer.renew(old.number, "s@example.org")
    with pytest.raises(RenewalRefused, match="Vernieuwen kan vanaf"):
        beheer.renew(new.number, "s@example.org")
    tables = _tables(tmp_path, TODAY.year, TODAY.date().isoformat())
    result = _vernieuw(beheer, new.number, tables)
    assert result.exit_code == 1 and "Vernieuwen kan vanaf" in result.output
    assert len(beheer.registry.certificates()) == 2


def test_a_keurmerk_expired_since_2013_does_not_renew(beheer, tmp_path):
    """Finding: a keurmerk expired since 2013 renewed without conditions."""
    old = beheer.issue("samira", "Samira Benali", "s@example.org", now=datetime(2010, 5, 1))
    with pytest.raises(RenewalRefused, match="hele toetsing"):
        beheer.renew(old.number, "s@example.org")
    tables = _tables(tmp_path, TODAY.year, TODAY.date().isoformat())
    result = _vernieuw(beheer, old.number, tables)
    assert result.exit_code == 1
    assert "verlopen op 1 mei 2013" in result.output and "keurmerk uitgeven" in result.output
    # Re-entry: after the full assessment `uitgeven` gives a new keurmerk in the same chain.
    fresh = beheer.issue("samira", "Samira Benali", "s@example.org", lapse_months=12)
    assert fresh.supersedes == old.number
    assert beheer.registry.find(old.number).superseded_by == fresh.number
    issuer = beheer.trusted_issuer()
    later = datetime.now(UTC) + timedelta(minutes=1)  # issued just now, not at import
    assert look_up(beheer.registry, fresh.number, later, issuer).status == "geldig"
    assert fresh.credential_json()["awardedDate"] != old.credential_json()["awardedDate"]
    assert beheer.check_audit().problems == []


def test_a_recently_ended_keurmerk_is_not_a_re_entry(beheer):
    ended = beheer.issue("samira", "Samira Benali", "s@example.org", now=add_months(TODAY, -38))
    with pytest.raises(AlreadyIssued):  # renewal is still possible: no fresh keurmerk
        beheer.issue("samira", "Samira Benali", "s@example.org", lapse_months=12)
    assert beheer.renew(ended.number, "s@example.org").supersedes == ended.number


@pytest.mark.parametrize(
    "now", [datetime(2026, 11, 1, tzinfo=UTC), datetime(2027, 3, 1, tzinfo=UTC)]
)
def test_old_actualiteiten_do_not_count(now):
    """Finding: `--jaar 2024` accepted an old actualiteiten assignment."""
    scores = pd.DataFrame(
        [("samira", "actualiteiten-2024", 10, 10, "", False)], columns=SCORE_COLUMNS
    )
    practice = pd.DataFrame([("samira", "2026-06-01", 50, 8)], columns=PRACTICE_COLUMNS)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    decision = decide_renewal(
        "samira", 2024, scores, practice, load_rules(), cycle_start=start, now=now
    )
    this, last = now.year, now.year - 1
    expected = f"actualiteiten 2024 telt niet: alleen de opdracht van {this} of {last} telt"
    assert not decision.eligible and decision.reasons == [expected]


def test_old_year_refused_on_the_command_line(beheer, tmp_path):
    old = _ending_soon(beheer)
    tables = _tables(tmp_path, 2024, TODAY.date().isoformat())
    result = _vernieuw(beheer, old.number, tables, "--jaar", "2024")
    assert result.exit_code == 1 and "actualiteiten 2024 telt niet" in result.output
    assert beheer.registry.find(old.number).superseded_by == ""


def test_only_practice_inside_the_cycle_counts():
    rules = load_rules()
    scores = pd.DataFrame(
        [("samira", "actualiteiten-2027", 9, 10, "", False)], columns=SCORE_COLUMNS
    )
    start, now = datetime(2024, 9, 1, tzinfo=UTC), datetime(2027, 6, 1, tzinfo=UTC)
    before = pd.DataFrame(
        [("samira", "2024-08-31", 40, 6), ("samira", "2027-06-02", 40, 6)],
        columns=PRACTICE_COLUMNS,
    )
    decision = decide_renewal("samira", 2027, scores, before, rules, cycle_start=start, now=now)
    assert not decision.eligible and any("praktijkuren" in reason for reason in decision.reasons)
    inside = pd.DataFrame(
        [("samira", "2024-09-01", 20, 3), ("samira", "2027-06-01", 20, 3)],
        columns=PRACTICE_COLUMNS,
    )
    assert decide_renewal(
        "samira", 2027, scores, inside, rules, cycle_start=start, now=now
    ).eligible


def test_practice_tables_without_or_with_bad_dates_are_refused():
    rules = load_rules()
    scores = pd.DataFrame(
        [("samira", "actualiteiten-2027", 9, 10, "", False)], columns=SCORE_COLUMNS
    )
    cycle = {
        "cycle_start": datetime(2024, 9, 1, tzinfo=UTC),
        "now": datetime(2027, 6, 1, tzinfo=UTC),
    }
    undated = pd.DataFrame(
        [("samira", 80, 10)], columns=["learner", "practice_hours", "intervision_sessions"]
    )
    decision = decide_renewal("samira", 2027, scores, undated, rules, **cycle)
    assert decision.reasons == [
        "de praktijktabel heeft geen kolom 'date'. Voor herregistratie telt alleen praktijk met "
        "een datum (JJJJ-MM-DD) binnen de periode van het keurmerk"
    ]
    garbled = pd.DataFrame([("samira", "vorige week", 80, 10)], columns=PRACTICE_COLUMNS)
    decision = decide_renewal("samira", 2027, scores, garbled, rules, **cycle)
    assert not decision.eligible and "JJJJ-MM-DD" in decision.reasons[0]


def test_vernieuw_writes_a_pdf_of_the_new_credential(beheer, tmp_path):
    old = _ending_soon(beheer)
    tables = _tables(tmp_path, TODAY.year, TODAY.date().isoformat())
    result = _vernieuw(beheer, old.number, tables, "--pdf-map", str(tmp_path / "pdf"))
    assert result.exit_code == 0, result.output
    new = beheer.registry.find(old.number).superseded_by
    pdf = tmp_path / "pdf" / f"keurmerk-{new}.pdf"
    assert f"PDF van keurmerk {new}: {pdf}" in result.output
    assert json.loads(extract_credential(pdf.read_bytes())) == json.loads(
        beheer.registry.find(new).credential
    )
    checked = CliRunner().invoke(
        main, ["controleer", str(pdf), "--map", str(beheer.config.home), "--json"]
    )
    assert checked.exit_code == 0 and json.loads(checked.output)["status"] == "geldig"


def _pdf(beheer: Keurmerkbeheer, number: str, folder) -> object:
    return CliRunner().invoke(
        main, ["pdf", number, "--map", str(beheer.config.home), "--pdf-map", str(folder)]
    )


def test_keurmerk_pdf_renders_an_existing_number_from_its_signed_credential(beheer, tmp_path):
    """Finding: after a crash mid-issue three certificates had no PDF, and no command made one."""
    certificate = beheer.issue("karim", "Karim Haddad", "k@example.org")
    result = _pdf(beheer, certificate.number.lower().replace("-", " "), tmp_path / "pdf")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "pdf" / f"keurmerk-{certificate.number}.pdf"
    assert json.loads(extract_credential(pdf.read_bytes())) == certificate.credential_json()
    beheer.revoke(certificate.number, "fraude")
    refused = _pdf(beheer, certificate.number, tmp_path / "ander")
    assert refused.exit_code == 1 and "'ingetrokken'" in refused.output
    assert not (tmp_path / "ander").exists()


def test_keurmerk_pdf_refuses_a_forged_row(beheer, tmp_path):
    certificate = beheer.issue("karim", "Karim Haddad", "k@example.org")
    forged = certificate.credential_json()
    forged["credentialSubject"]["identifier"] = []  # the name taken out: the proof breaks
    with beheer.registry.engine.begin() as connection:
        connection.execute(
            text("update certificates set credential = :credential"),
            {"credential": json.dumps(forged)},
        )
    result = _pdf(beheer, certificate.number, tmp_path / "pdf")
    assert result.exit_code == 1 and "'ongeldig'" in result.output
    assert _pdf(beheer, "KM-0000-0000", tmp_path / "pdf").exit_code == 1
