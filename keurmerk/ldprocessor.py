"""pyld's JSON-LD processor, remembering the contexts it has already processed.

pyld processes a type-scoped context (every Open Badges and VC 2.0 type has one) from
scratch each time it meets a typed node, because the non-propagating copy of the active
context gets a fresh random id and so misses pyld's own cache. For one credential that is
about a hundred term definitions per expansion, and a new inverse context per compaction:
most of the time a verification takes.

``Processor`` keeps the outcome of processing a local context on an *immutable* active
context (pyld freezes every processed context and gives it a unique id), keyed by that id,
the local context's JSON and the options that can change the outcome. The result is the
same object pyld would have built again (and pyld shares processed contexts the same way
in its own cache), so the output of ``expand``, ``compact`` and
``to_rdf`` does not change (a test compares them with plain pyld). Only frozen contexts are
remembered; a context pyld is still building is never reused. The memory is bounded (LRU).
"""

from __future__ import annotations

import json
import threading

from cachetools import LRUCache
from frozendict import frozendict
from pyld.jsonld import IdentifierIssuer, JsonLdProcessor, _is_absolute_iri

MAX_REMEMBERED = 256

_remembered: LRUCache = LRUCache(maxsize=MAX_REMEMBERED)
_lock = threading.Lock()


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=dict)


class Processor(JsonLdProcessor):
    """A ``pyld.jsonld.JsonLdProcessor`` that reuses processed contexts (same results)."""

    def _process_context(self, active_ctx, local_ctx, options, *args, **kwargs):
        uuid = active_ctx.get("_uuid") if isinstance(active_ctx, frozendict) else None
        if not uuid or not local_ctx or args or kwargs.get("cycles"):
            return super()._process_context(active_ctx, local_ctx, options, *args, **kwargs)
        try:
            key = (
                uuid,
                _json(local_ctx),
                options.get("base", ""),
                options.get("processingMode"),
                id(options.get("documentLoader")),
                tuple(sorted(kwargs.items())),
            )
            hash(key)
        except (TypeError, ValueError):  # not plain JSON: let pyld decide what it means
            return super()._process_context(active_ctx, local_ctx, options, *args, **kwargs)
        with _lock:
            found = _remembered.get(key)
        if found is not None:
            return found[1]
        result = super()._process_context(active_ctx, local_ctx, options, *args, **kwargs)
        if isinstance(result, frozendict) and result.get("_uuid"):
            with _lock:
                # the active context is kept alive with the result, so its id stays unique
                _remembered[key] = (active_ctx, result)
        return result


def expand(document, options: dict) -> list:
    """``pyld.jsonld.expand`` with remembered contexts."""
    return Processor().expand(document, options)


def compact(document, context, options: dict) -> dict:
    """``pyld.jsonld.compact`` with remembered contexts."""
    return Processor().compact(document, context, options)


def to_rdf(document, options: dict):
    """``pyld.jsonld.to_rdf`` with remembered contexts."""
    return Processor().to_rdf(document, options)


def expanded_to_rdf(expanded: list, produce_generalized_rdf: bool = False) -> dict:
    """The RDF dataset of an already expanded document: ``to_rdf`` without expanding again.

    The same steps as the end of ``pyld.jsonld.JsonLdProcessor.to_rdf`` (node map, then
    triples per graph). pyld changes the node objects it maps, so ``expanded`` is consumed.
    """
    processor = Processor()
    issuer = IdentifierIssuer("_:b")
    node_map: dict = {"@default": {}}
    processor._create_node_map(expanded, node_map, "@default", issuer)
    options = {"produceGeneralizedRdf": produce_generalized_rdf, "processingMode": "json-ld-1.1"}
    return {
        name: processor._graph_to_rdf(graph, issuer, options)
        for name, graph in sorted(node_map.items())
        if name == "@default" or _is_absolute_iri(name)
    }
