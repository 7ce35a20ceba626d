"""A small sliding-window rate limiter per client, to make guessing numbers pointless.

The client is the socket's address. Only when that address is a trusted proxy (a setting:
addresses or networks such as ``10.0.0.0/8``) does ``X-Forwarded-For`` count: it is read
from the right, skipping trusted proxies, and the first other address is the visitor. So a
visitor cannot pick a fresh address per request, and behind a proxy each visitor has their
own budget.
"""

from __future__ import annotations

import ipaddress
import math
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class RateLimiter:
    """Allow ``limit`` events per ``window`` seconds per key (in memory, per instance)."""

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._events: dict[str, deque[float]] = defaultdict(deque)

    def _current(self, key: str, now: float) -> deque[float]:
        events = self._events[key]
        while events and events[0] <= now - self.window:
            events.popleft()
        return events

    def allow(self, key: str) -> bool:
        """Record an event for ``key``; False when the key is over its limit."""
        now = self.clock()
        events = self._current(key, now)
        if len(events) >= self.limit:
            return False
        events.append(now)
        if len(self._events) > 100_000:  # bound memory under a flood of distinct clients
            self._events = defaultdict(deque, {key: events})
        return True

    def retry_after(self, key: str) -> int:
        """Whole seconds until ``key`` may try again (for the ``Retry-After`` header)."""
        now = self.clock()
        events = self._current(key, now)
        if len(events) < self.limit:
            return 0
        return max(1, math.ceil(events[len(events) - self.limit] + self.window - now))


def parse_proxies(entries: Iterable[str]) -> tuple[Network, ...]:
    """Trusted proxies from addresses or networks (``ValueError`` for anything else)."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, proxies: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in proxies)


def client_address(peer: str, forwarded_for: str, proxies: tuple[Network, ...]) -> str:
    """The visitor's address: the socket peer, or from ``X-Forwarded-For`` via trusted proxies."""
    if not _trusted(_address(peer), proxies):
        return peer or "unknown"
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return peer  # a garbled header: count the proxy itself rather than trust it
        if not _trusted(address, proxies):
            return str(address)
    return peer
