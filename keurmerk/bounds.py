"""What a verifier is willing to read: a certificate is small, shallow and simple.

``load_document`` parses JSON and checks these bounds before any JSON-LD processing, so a
hostile document is refused in microseconds instead of occupying the service. A keurmerk
credential uses a small fraction of each bound (depth 5, about 20 objects, 6 blank nodes).
Canonicalization has its own work bound (``dataintegrity.TooComplexError``).
"""

from __future__ import annotations

import json

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_CONTAINERS = 2_000  # JSON objects and arrays together
MAX_BLANK_NODES = 200  # objects without an IRI "id", explicit "_:" labels included


class NotJsonError(ValueError):
    """The bytes are not a JSON object."""


class TooComplexDocumentError(ValueError):
    """The JSON is larger, deeper or has more nodes than any certificate needs."""


def _is_blank_node(node: dict) -> bool:
    if any(key in node for key in ("@value", "@list", "@set")):
        return False
    identifier = node.get("id", node.get("@id"))
    return not isinstance(identifier, str) or identifier.startswith("_:")


def check_shape(document: object) -> None:
    """Raise ``TooComplexDocumentError`` when ``document`` exceeds a bound (no recursion)."""
    containers = blank_nodes = 0
    stack = [(document, 1, False)]
    while stack:
        node, depth, in_context = stack.pop()
        if not isinstance(node, dict | list):
            continue
        containers += 1
        if depth > MAX_DEPTH or containers > MAX_CONTAINERS:
            raise TooComplexDocumentError
        if isinstance(node, list):
            stack.extend((item, depth + 1, in_context) for item in node)
            continue
        if not in_context and _is_blank_node(node):
            blank_nodes += 1
            if blank_nodes > MAX_BLANK_NODES:
                raise TooComplexDocumentError
        stack.extend(
            (value, depth + 1, in_context or key == "@context") for key, value in node.items()
        )


def load_document(data: bytes | str | dict) -> dict:
    """A JSON object within the bounds, or ``NotJsonError`` / ``TooComplexDocumentError``."""
    if isinstance(data, dict):
        value = data
    else:
        if len(data) > MAX_BYTES:
            raise TooComplexDocumentError
        try:
            value = json.loads(data)
        except RecursionError as error:  # nested deeper than Python's JSON parser goes
            raise TooComplexDocumentError from error
        except (ValueError, UnicodeDecodeError, TypeError) as error:
            raise NotJsonError from error
    if not isinstance(value, dict):
        raise NotJsonError
    check_shape(value)
    return value
