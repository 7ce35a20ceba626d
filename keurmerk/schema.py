"""1EdTech's Open Badges 3.0 JSON Schema for an ``AchievementCredential`` (VC 2.0).

``keurmerk/schemas/ob_v3p0_achievementcredential_schema.json`` is an unmodified copy of the
published schema (JSON Schema draft 2019-09). Every credential is checked against it, with
format checks on (``date-time`` needs ``rfc3339-validator``), before it is issued: a
credential that other Open Badges verifiers would refuse is never handed out.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft201909Validator, FormatChecker

SCHEMA_PATH = (
    Path(__file__).resolve().parent / "schemas" / ("ob_v3p0_achievementcredential_schema.json")
)


class SchemaError(ValueError):
    """The credential does not match the Open Badges 3.0 JSON Schema."""

    def __init__(self, problems: list[str]):
        super().__init__("not a valid OB 3.0 AchievementCredential: " + "; ".join(problems))
        self.problems = problems


@cache
def _validator() -> Draft201909Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema, format_checker=FormatChecker())


def problems(credential: dict) -> list[str]:
    """Every way ``credential`` breaks the schema, as ``path: message`` (empty when valid)."""
    found = []
    for error in sorted(_validator().iter_errors(credential), key=lambda e: list(e.path)):
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        found.append(f"{path}: {error.message}")
    return found


def validate(credential: dict) -> None:
    """Raise ``SchemaError`` unless ``credential`` passes the OB 3.0 JSON Schema."""
    found = problems(credential)
    if found:
        raise SchemaError(found)


def format_checks() -> set[str]:
    """The formats that are really checked (a missing optional library would drop one)."""
    return set(FormatChecker().checkers)
