"""The page "Mijn feedback": which feedback a learner sees, in which order, and how it is linked.

The whole path on a real JupyterHub (fetching from the exchange as the learner, opening the
page and the feedback in Chromium) is in tests/test_hub.py; here the page's choices.
"""

from __future__ import annotations

import json
import re

import pytest

from course.exchange_fetch import COURSE_ENV, EXCHANGE_ENV, fetch_feedback, handed_in
from course.my_feedback import feedback_html, feedback_items, newest_feedback

NBGRADER_STAMP = "{} UTC"


def _feedback(root, assignment: str, stamp: str, text: str = "<h1>Feedback</h1>"):
    folder = root / "opdrachten" / assignment / "feedback" / NBGRADER_STAMP.format(stamp)
    folder.mkdir(parents=True)
    page = folder / f"{assignment}.html"
    page.write_text(text, encoding="utf-8")
    return page


def test_the_newest_feedback_of_an_assignment_wins(tmp_path):
    _feedback(tmp_path, "module-1", "2027-01-12 10:31:22.123456")
    newest = _feedback(tmp_path, "module-1", "2027-02-03 09:00:00.000001")
    _feedback(tmp_path, "module-1", "2026-12-30 23:59:59.000000")
    submitted, page = newest_feedback(tmp_path, "module-1")
    assert page == newest and submitted.month == 2
    assert newest_feedback(tmp_path, "module-2") is None


def test_items_follow_the_course_order_with_titles(tmp_path):
    _feedback(tmp_path, "module-3", "2027-03-01 10:00:00.000000")
    _feedback(tmp_path, "module-1", "2027-01-12 10:00:00.000000")
    (tmp_path / "opdrachten" / "module-2").mkdir()  # released, no feedback yet
    items = feedback_items(tmp_path)
    assert [(i.assignment, i.title) for i in items] == [
        ("module-1", "Opdracht module 1"),
        ("module-3", "Opdracht module 3"),
    ]
    assert items[0].page.startswith("opdrachten/module-1/feedback/2027-01-12 10:00:00")


def test_links_open_the_file_from_the_server_encoded_and_escaped(tmp_path):
    _feedback(tmp_path, "module-1", "2027-01-12 10:31:22.123456")
    shown = feedback_html(feedback_items(tmp_path), waiting=["Opdracht <2>"], on_hub=True)
    (href,) = re.findall(r'href="([^"]+)"', shown)
    assert href == (
        "../../files/opdrachten/module-1/feedback/2027-01-12%2010%3A31%3A22.123456%20UTC/"
        "module-1.html"
    )
    assert 'target="_blank"' in shown and 'rel="noopener"' in shown
    assert "Bekijk je feedback voor Opdracht module 1" in shown
    assert "Ingeleverd op 12-01-2027" in shown
    assert "Opdracht &lt;2&gt;: ingeleverd. Je trainer kijkt je opdracht nog na." in shown


@pytest.mark.parametrize(
    ("on_hub", "waiting", "expected"),
    [
        (False, [], "meestal per e-mail"),
        (True, [], "Je hebt nog geen opdracht ingeleverd"),
        (True, ["Opdracht module 1"], "Er is nog geen feedback voor je"),
    ],
)
def test_without_feedback_the_page_says_where_it_comes_from(on_hub, waiting, expected):
    assert expected in feedback_html([], waiting, on_hub)


def test_handed_in_reads_the_learners_own_submission_cache(tmp_path, monkeypatch):
    """nbgrader's cache of this learner's submissions says what was handed in; the cache
    comes from the learner's nbgrader_config.py (on a hub: one per learner)."""
    workspace, cache = tmp_path / "werkmap", tmp_path / "cache"
    for assignment in ("module-1", "module-2", "module-3"):
        (workspace / "opdrachten" / assignment).mkdir(parents=True)
    (cache / "cohort-2027" / "amina+module-2+2027-01-12 10:00:00.000000 UTC").mkdir(parents=True)
    (cache / "ander-cohort" / "amina+module-1+2027-01-12 10:00:00.000000 UTC").mkdir(parents=True)
    (workspace / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.Exchange.cache = {json.dumps(str(cache))}\n", encoding="utf-8"
    )
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(tmp_path / "geen-config"))
    hub = {EXCHANGE_ENV: str(tmp_path / "uitwisseling"), COURSE_ENV: "cohort-2027"}
    assert handed_in(workspace, hub) == ["module-2"]
    assert handed_in(workspace, {}) == []  # no hub: nothing to fetch
    assert fetch_feedback(workspace, environ={}) == []
