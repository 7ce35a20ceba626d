"""`make demo` without the server: a cohort graded by real nbgrader, then keurmerken issued."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from grading.demo_cohort import make_cohort
from keurmerk.demo import issue_demo
from keurmerk.pdf import extract_credential
from keurmerk.verify import VALID, TrustedIssuer, verify_credential


def test_demo_issues_only_to_those_who_pass(tmp_path):
    tables = make_cohort(tmp_path)
    assert {p.name for p in tables.iterdir()} == {"scores.csv", "praktijk.csv", "deelnemers.csv"}
    beheer, issued = issue_demo(tmp_path, port=8899)
    assert sorted(learner for learner, _, _ in issued) == ["samira", "tesfay"]
    trusted = {beheer.config.issuer.id: TrustedIssuer.from_controller(beheer.issuer_document())}
    lists = {
        doc["id"]: doc
        for doc in (beheer.registry.stored_status_list(p) for p in ("revocation", "suspension"))
    }
    for _, number, pdf in issued:
        credential = json.loads(extract_credential(pdf.read_bytes()))
        assert credential["keurmerkNumber"] == number
        result = verify_credential(credential, trusted, datetime.now(UTC), lists.get)
        assert result.status == VALID, result.checks
