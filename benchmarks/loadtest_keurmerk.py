"""Load test of the verification service (loopback only, bounded in count and time).

Starts `keurmerk serve` on 127.0.0.1 with a fresh registry of certificates, then sends
CONCURRENCY simultaneous look-ups (several rounds) to the JSON API, and the same load to the
trivial /health endpoint measured in the same run. Prints p50/p95 latency, throughput and
their ratio to /health. Exits non-zero on any error.

    .venv/bin/python benchmarks/loadtest_keurmerk.py [--concurrency 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course.launch import free_port  # noqa: E402
from keurmerk.service import Config, Keurmerkbeheer  # noqa: E402


async def _burst(client: httpx.AsyncClient, urls: list[str]) -> tuple[list[float], int]:
    async def one(url: str) -> tuple[float, bool]:
        start = time.perf_counter()
        try:
            response = await client.get(url)
            ok = response.status_code in (200, 404)
        except httpx.HTTPError:
            ok = False
        return time.perf_counter() - start, ok

    results = await asyncio.gather(*(one(url) for url in urls))
    return [seconds for seconds, _ in results], sum(1 for _, ok in results if not ok)


async def _measure(base: str, paths: list[str], concurrency: int, rounds: int) -> dict:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    latencies: list[float] = []
    errors = 0
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        started = time.perf_counter()
        for _ in range(rounds):
            urls = [random.choice(paths) for _ in range(concurrency)]
            burst, failed = await _burst(client, urls)
            latencies += burst
            errors += failed
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "per_second": len(latencies) / elapsed,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--certificates", type=int, default=50)
    args = parser.parse_args()
    if not 1 <= args.concurrency <= 2000 or not 1 <= args.rounds <= 50:
        parser.error("keep the load bounded: concurrency 1..2000, rounds 1..50")

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        port = free_port(18_600)
        base = f"http://127.0.0.1:{port}"
        Config.write(home, base, "Stichting Keurmerk (belastingtest)")
        beheer = Keurmerkbeheer(Config.load(home))
        beheer.init()
        now = datetime.now(UTC)
        numbers = [
            beheer.issue(f"d{i}", f"Deelnemer {i}", f"d{i}@example.org", now=now).number
            for i in range(args.certificates)
        ]
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "keurmerk.cli",
                "serve",
                "--map",
                str(home),
                "--port",
                str(port),
                "--limiet",
                "1000000",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    httpx.get(base + "/health", timeout=1)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            lookups = [f"/api/v1/keurmerken/{n}" for n in numbers] + [
                "/api/v1/keurmerken/KM-0000-0000"
            ]
            asyncio.run(_measure(base, ["/health"] + lookups, args.concurrency, 1))  # warm up
            health = asyncio.run(_measure(base, ["/health"], args.concurrency, args.rounds))
            lookup = asyncio.run(_measure(base, lookups, args.concurrency, args.rounds))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)

    print(f"{'endpoint':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'req/s':>9}")
    for name, row in (("/health", health), ("/api/v1/keurmerken", lookup)):
        print(
            f"{name:<22}{row['requests']:>9}{row['errors']:>8}{row['p50_ms']:>9.1f}"
            f"{row['p95_ms']:>9.1f}{row['per_second']:>9.0f}"
        )
    print(
        f"look-up vs health: p50 x{lookup['p50_ms'] / health['p50_ms']:.2f}, "
        f"throughput x{lookup['per_second'] / health['per_second']:.2f} "
        f"({args.concurrency} concurrent, {args.rounds} rounds)"
    )
    return 1 if health["errors"] or lookup["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
