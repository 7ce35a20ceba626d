"""AVG on the keurmerk side: how long the public look-up shows a name (real keys, real
SQLite, the real ``keurmerk serve`` in uvicorn)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from keurmerk.privacy import add_months, load_privacy
from keurmerk.service import Keurmerkbeheer
from keurmerk.web.lookup import look_up
from keurmerk_issuer import new_beheer
from keurmerk_service import get, serving

T0 = datetime(2020, 3, 1, tzinfo=UTC)  # valid until 2023-03-01


@pytest.fixture
def beheer(tmp_path) -> Keurmerkbeheer:
    return new_beheer(tmp_path)


def _look(beheer, number: str, when: datetime, months: int):
    """The public look-up of ``number`` at ``when``, names public for ``months``."""
    return look_up(beheer.registry, number, when, beheer.trusted_issuer(), months)


def test_an_expired_number_shows_the_name_only_for_the_retention_period(beheer):
    old = beheer.issue("samira", "Samira Benali", "s@example.org", now=T0)
    inside = look_up(
        beheer.registry, old.number, datetime(2024, 2, 1, tzinfo=UTC), beheer.trusted_issuer(), 12
    )
    assert inside.status == "verlopen" and inside.name == "Samira Benali"
    after = look_up(
        beheer.registry, old.number, datetime(2024, 3, 2, tzinfo=UTC), beheer.trusted_issuer(), 12
    )
    assert after.status == "niet geldig" and after.name == "" and after.valid_until == ""
    assert after.as_dict() == {"status": "niet geldig", "number": old.number}
    longer = look_up(
        beheer.registry, old.number, datetime(2024, 3, 2, tzinfo=UTC), beheer.trusted_issuer(), 24
    )
    assert longer.name == "Samira Benali"


def test_a_revoked_number_counts_from_the_revocation(beheer):
    now = datetime.now(UTC)
    revoked = beheer.issue("karim", "Karim El Amrani", "k@example.org", now=now)
    beheer.revoke(revoked.number, "fraude", actor="anna")
    soon = look_up(
        beheer.registry, revoked.number, add_months(now, 11), beheer.trusted_issuer(), 12
    )
    assert soon.status == "ingetrokken" and soon.name == "Karim El Amrani"
    later = look_up(
        beheer.registry, revoked.number, add_months(now, 13), beheer.trusted_issuer(), 12
    )
    assert later.status == "niet geldig" and later.name == ""
    valid = beheer.issue("olena", "Olena Koval", "o@example.org", now=now)
    years_on = look_up(
        beheer.registry, valid.number, add_months(now, 35), beheer.trusted_issuer(), 0
    )
    assert years_on.status == "geldig" and years_on.name == "Olena Koval"


def test_retention_is_set_in_the_rules_file(tmp_path):
    assert load_privacy().public_months == 12
    rules = tmp_path / "regels.toml"
    rules.write_text("[privacy]\npublic_months = 3\n", encoding="utf-8")
    assert load_privacy(rules).public_months == 3


def test_the_real_service_hides_names_of_long_ended_keurmerken(beheer, tmp_path):
    expired = beheer.issue("samira", "Samira Benali", "s@example.org", now=T0)
    revoked = beheer.issue("karim", "Karim El Amrani", "k@example.org")
    beheer.revoke(revoked.number, "fraude")
    valid = beheer.issue("olena", "Olena Koval", "o@example.org")
    rules = tmp_path / "regels.toml"
    rules.write_text("[privacy]\npublic_months = 0\n", encoding="utf-8")
    home = beheer.config.home
    with serving(home, tmp_path / "serve.log", "--regels", str(rules)) as base:
        for number, name in [(expired.number, "Samira"), (revoked.number, "Karim")]:
            code, page = get(f"{base}/controleer/{number}")
            assert code == 200 and "niet geldig" in page and name not in page
            code, body = get(f"{base}/api/v1/keurmerken/{number}")
            assert json.loads(body) == {"status": "niet geldig", "number": number}
        code, page = get(f"{base}/controleer/{valid.number}")
        assert code == 200 and "Olena Koval" in page
