"""The audit trail an auditor accepts: signed records, checkpoints, truncation, forged rows,
personal data outside the hash (erasable), and complete content."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from keurmerk import audit
from keurmerk.models import AuditPerson, AuditPersonal, AuditRecord
from keurmerk.public_register import opt_in
from keurmerk.service import Config, Keurmerkbeheer

NOW = datetime(2026, 11, 25, tzinfo=UTC)


def _beheer(tmp_path, database_url: str = "") -> Keurmerkbeheer:
    Config.write(
        tmp_path / "home", "https://keurmerk.example.nl", "Stichting Keurmerk", database_url
    )
    beheer = Keurmerkbeheer(Config.load(tmp_path / "home"))
    beheer.init(actor="test")
    return beheer


@pytest.fixture
def beheer(tmp_path):
    return _beheer(tmp_path)


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
