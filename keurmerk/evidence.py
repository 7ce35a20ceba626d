"""The evidence behind an issue or renewal decision, as kept in its signed audit record.

An auditor must be able to see why a keurmerk was given: which version of the rules, which
scores and how much practice. Rows are copied as they were read (the learner is named by the
record's pseudonym, not here).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

SCORE_FIELDS = ("assignment", "score", "max_score", "open_items", "late")
PRACTICE_FIELDS = ("practice_hours", "intervision_sessions")


def rules_version(path: Path) -> dict:
    """The rules file by name and SHA-256 (the version that decided)."""
    return {"file": path.name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def _plain(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return value.item() if hasattr(value, "item") else value


def _rows(table: pd.DataFrame, learner: str, fields: tuple[str, ...]) -> list[dict]:
    mine = table[table["learner"] == learner]
    present = [f for f in fields if f in table.columns]
    return [{f: _plain(row[f]) for f in present} for _, row in mine.iterrows()]


def evidence(
    learner: str, scores: pd.DataFrame, practice: pd.DataFrame, rules: Path, **extra
) -> dict:
    """What the decision for ``learner`` rested on: rules version, scores, practice."""
    return {
        "rules": rules_version(rules),
        "scores": _rows(scores, learner, SCORE_FIELDS),
        "practice": _rows(practice, learner, PRACTICE_FIELDS),
        **extra,
    }
