"""The keurmerk registry on a real PostgreSQL server: issue, look up, change state, verify."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, text

from keurmerk import statuslist
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.verify import REVOKED, VALID, TrustedIssuer, verify_credential
from keurmerk.web.lookup import look_up


def test_registry_on_postgresql(postgres_url, tmp_path):
    Config.write(tmp_path, "https://keurmerk.example.nl", "Stichting Keurmerk", postgres_url)
    config = Config.load(tmp_path)
    assert config.database_url.startswith("postgresql")
    beheer = Keurmerkbeheer(config)
    beheer.init()
    issued = [beheer.issue(f"d{i}", f"Deelnemer {i}", f"d{i}@example.org") for i in range(5)]
    with create_engine(postgres_url).connect() as connection:
        assert connection.execute(text("select count(*) from certificates")).scalar() == 5
        assert connection.execute(text("select version()")).scalar().startswith("PostgreSQL")
    now = datetime.now(UTC)
    assert (
        look_up(beheer.registry, issued[0].number, now, beheer.trusted_issuer()).status == "geldig"
    )
    beheer.revoke(issued[1].number, "fraude")
    assert (
        look_up(beheer.registry, issued[1].number, now, beheer.trusted_issuer()).status
        == "ingetrokken"
    )
    trusted = {config.issuer.id: TrustedIssuer.from_controller(beheer.issuer_document())}
    lists = {
        doc["id"]: doc
        for doc in (beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    }
    results = [verify_credential(c.credential, trusted, now, lists.get).status for c in issued[:2]]
    assert results == [VALID, REVOKED]


def test_failed_issue_leaves_nothing_on_postgresql(postgres_url, tmp_path):
    Config.write(tmp_path, "https://keurmerk.example.nl", "Stichting Keurmerk", postgres_url)
    beheer = Keurmerkbeheer(Config.load(tmp_path))
    beheer.init()
    before = len(beheer.registry.certificates())

    def broken(number, index):
        raise RuntimeError("crash while signing")

    with pytest.raises(RuntimeError):
        beheer.registry.issue(
            learner_id="x",
            name="X",
            email_hash="h",
            make_credential=broken,
            awarded_at=datetime.now(UTC),
            valid_from=datetime.now(UTC),
            valid_until=datetime.now(UTC),
        )
    assert len(beheer.registry.certificates()) == before


def test_revocation_reaches_the_whole_chain_on_postgresql(postgres_url, tmp_path):
    Config.write(tmp_path, "https://keurmerk.example.nl", "Stichting Keurmerk", postgres_url)
    beheer = Keurmerkbeheer(Config.load(tmp_path))
    beheer.init()
    now = datetime.now(UTC).replace(microsecond=0)
    old = beheer.issue("samira", "Samira", "s@example.org", now=now.replace(year=now.year - 3))
    new = beheer.renew(old.number, "s@example.org", now=now)
    issuer = beheer.trusted_issuer()
    assert look_up(beheer.registry, old.number, now, issuer).replaced_by == new.number
    beheer.revoke(new.number, "fraude")
    assert [c.state for c in beheer.registry.chain(old.number)] == ["ingetrokken"] * 2
    trusted = {issuer.id: issuer}
    lists = {
        doc["id"]: doc
        for doc in (beheer.registry.stored_status_list(p) for p in statuslist.PURPOSES)
    }
    assert verify_credential(old.credential, trusted, now, lists.get).status == REVOKED
    assert look_up(beheer.registry, old.number, now, issuer).status == "ingetrokken"
