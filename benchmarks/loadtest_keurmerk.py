"""Load test of the verification service (loopback only, bounded in count and time).

Starts `keurmerk serve` on 127.0.0.1 with a fresh registry of certificates, then measures,
each against the trivial /health endpoint in the same run:

1. CONCURRENCY simultaneous number look-ups on the JSON API (several rounds);
2. the file check: uploads of genuine credential JSON and certificate PDFs, as a form to
   /controleer-bestand and as a body to /api/v1/controleer (--file-concurrency at a time);
3. heavy and hostile requests (oversized bodies, declared and chunked, a JSON-LD "poison"
   document whose blank nodes all point at each other, too many blank nodes, deep nesting,
   slow uploads, forged and unreadable files) while /health is timed at the same moment,
   compared with /health timed the same way with nothing else going on.

Every response must have its expected status (hostile ones their 4xx, with the security
headers); during the hostile phase the 95th percentile of /health must stay below
HEALTH_P95_LIMIT_MS (250 ms). Exits non-zero otherwise. With the defaults it runs in well
under 2 minutes (about 35 s on a shared 2-core machine).

    .venv/bin/python benchmarks/loadtest_keurmerk.py [--concurrency 200] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course.launch import free_port  # noqa: E402
from keurmerk.multikey import encode_public_key, encode_signature  # noqa: E402
from keurmerk.pdf import render  # noqa: E402
from keurmerk.service import Config, Keurmerkbeheer  # noqa: E402

HEALTH_P95_LIMIT_MS = 250.0  # /health p95 while hostile requests arrive
MB = 1024 * 1024


def _summary(latencies: list[float], elapsed: float, errors: int) -> dict:
    ordered = sorted(latencies) or [0.0]
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": 1000 * statistics.median(ordered),
        "p95_ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
        "max_ms": 1000 * ordered[-1],
        "per_second": len(latencies) / elapsed if elapsed else 0.0,
    }


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
    return _summary(latencies, elapsed, errors)


# --- requests with an expected outcome (file checks, hostile requests) ---------------------


@dataclass
class Probe:
    """One kind of request: how to send it and what the service must answer."""

    name: str
    send: Callable[[httpx.AsyncClient], object]  # returns an awaitable response
    expected: int
    verified: bool | None = None  # for a 200 from the API: must "verified" be this?
    fout: str | None = None  # for a refusal from the API: the Dutch message it must carry
    latencies: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    async def run(self, client: httpx.AsyncClient) -> None:
        start = time.perf_counter()
        try:
            response = await self.send(client)
        except httpx.HTTPError as error:
            self.problems.append(f"{type(error).__name__}: {error}")
            return
        self.latencies.append(time.perf_counter() - start)
        problem = self._judge(response)
        if problem:
            self.problems.append(problem)

    def _judge(self, response: httpx.Response) -> str:
        if response.status_code != self.expected:
            return f"status {response.status_code}, expected {self.expected}"
        if response.headers.get("x-frame-options") != "DENY":
            return "no security headers"
        if not response.headers.get("content-type", "").startswith("application/json"):
            return ""
        body = response.json()
        if self.verified is not None and body.get("verified") is not self.verified:
            return f"verified={body.get('verified')} ({body.get('status')})"
        if self.fout is not None and body.get("fout") != self.fout:
            return f"message {body.get('fout')!r}"
        return ""


def _api(data: bytes | Callable[[], AsyncIterator[bytes]]):
    def send(client: httpx.AsyncClient):
        content = data() if callable(data) else data
        return client.post("/api/v1/controleer", content=content)

    return send


def _form(data: bytes, filename: str):
    def send(client: httpx.AsyncClient):
        return client.post("/controleer-bestand", files={"bestand": (filename, data)})

    return send


def _slowly(data: bytes, pieces: int, pause: float) -> Callable[[], AsyncIterator[bytes]]:
    """A chunked upload that trickles ``data`` in ``pieces`` with ``pause`` seconds between."""

    async def chunks() -> AsyncIterator[bytes]:
        size = len(data) // pieces + 1
        for start in range(0, len(data), size):
            yield data[start : start + size]
            await asyncio.sleep(pause)

    return chunks


def _endless(total: int, chunk: int = 256 * 1024) -> Callable[[], AsyncIterator[bytes]]:
    """A chunked upload without Content-Length, ``total`` bytes of nonsense."""
    block = b"x" * chunk

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(total // chunk):
            yield block

    return chunks


def poison_document(nodes: int = 8) -> bytes:
    """1.4 KB of blank nodes that all point at each other: factorial work for RDFC-1.0."""
    graph = [
        {"@id": f"_:b{i}", "https://e.x/p": [{"@id": f"_:b{j}"} for j in range(nodes) if j != i]}
        for i in range(nodes)
    ]
    key = Ed25519PrivateKey.generate()
    public = encode_public_key(key.public_key())
    proof = {  # a well-formed proof by a real key, so the verifier does canonicalize
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": f"did:key:{public}#{public}",
        "proofPurpose": "assertionMethod",
        "proofValue": encode_signature(key.sign(b"poison")),
    }
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        # the VC 2.0 data-model minimum, so the verifier gets as far as canonicalizing
        "type": ["VerifiableCredential"],
        "issuer": "urn:i",
        "credentialSubject": {"id": "urn:s"},
        "@graph": graph,
    }
    return json.dumps(document | {"proof": proof}, separators=(",", ":")).encode()


def many_blank_nodes(count: int = 1000) -> bytes:
    """Far more blank nodes than any certificate has (refused before JSON-LD processing)."""
    graph = [{"https://e.x/p": i} for i in range(count)]
    document = {"@context": ["https://www.w3.org/ns/credentials/v2"], "@graph": graph}
    return json.dumps(document).encode()


def _forged(credential: bytes) -> bytes:
    document = json.loads(credential)
    document["credentialSubject"]["identifier"][0]["identityHash"] = "Iemand Anders"
    return json.dumps(document).encode()


def file_probes(jsons: list[bytes], pdfs: list[bytes]) -> list[Probe]:
    """Genuine certificates, as JSON and as PDF, by form and by API: all must be geldig."""
    probes = []
    for i, (credential, pdf) in enumerate(zip(jsons, pdfs, strict=True)):
        probes += [
            Probe(f"JSON via API {i}", _api(credential), 200, verified=True),
            Probe(f"PDF via API {i}", _api(pdf), 200, verified=True),
            Probe(f"JSON via form {i}", _form(credential, "keurmerk.json"), 200),
            Probe(f"PDF via form {i}", _form(pdf, "keurmerk.pdf"), 200),
        ]
    return probes


def hostile_probes(credential: bytes, pdf: bytes, messages) -> list[Probe]:
    """Heavy and hostile requests, each with the answer the service must give."""
    too_big, too_complex = messages.WEB_FILE_TOO_BIG, messages.TOO_COMPLEX
    deep = b"[" * 100_000 + b"]" * 100_000
    return [
        Probe("oversized, declared 3 MB", _api(b"x" * (3 * MB)), 413, fout=too_big),
        Probe("oversized, chunked 64 MB", _api(_endless(64 * MB)), 413, fout=too_big),
        Probe("oversized form upload 3 MB", _form(b"%PDF" + b"x" * (3 * MB), "groot.pdf"), 413),
        Probe("JSON-LD poison (8 nodes)", _api(poison_document()), 422, fout=too_complex),
        Probe("JSON-LD poison via form", _form(poison_document(), "gif.json"), 422),
        Probe("1000 blank nodes", _api(many_blank_nodes()), 422, fout=too_complex),
        Probe("nested 100000 deep", _api(deep), 422, fout=too_complex),
        Probe("not JSON", _api(b"\x00\xff garbage " * 100), 422),
        Probe("PDF without credential", _api(b"%PDF-1.7\n%%EOF\n"), 422),
        Probe("forged name", _api(_forged(credential)), 200, verified=False),
        Probe("slow genuine upload (2 s)", _api(_slowly(credential, 10, 0.2)), 200, verified=True),
        Probe("slow oversized upload", _api(_slowly(b"x" * (3 * MB), 30, 0.05)), 413),
        Probe("genuine PDF among them", _api(pdf), 200, verified=True),
    ]


async def _run_probes(base: str, probes: list[Probe], repeat: int, concurrency: int) -> float:
    """Send every probe ``repeat`` times, at most ``concurrency`` at once; seconds taken."""
    gate = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:

        async def one(probe: Probe) -> None:
            async with gate:
                await probe.run(client)

        jobs = [probe for _ in range(repeat) for probe in probes]
        random.shuffle(jobs)
        started = time.perf_counter()
        await asyncio.gather(*(one(probe) for probe in jobs))
        return time.perf_counter() - started


async def _ping_health(base: str, stop: asyncio.Event, pingers: int = 4) -> dict:
    """GET /health from ``pingers`` loops (10 ms pause each) until ``stop`` is set."""
    latencies: list[float] = []
    errors = 0

    async def loop(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while not stop.is_set():
            start = time.perf_counter()
            try:
                response = await client.get("/health")
                errors += response.status_code != 200
            except httpx.HTTPError:
                errors += 1
            latencies.append(time.perf_counter() - start)
            await asyncio.sleep(0.01)

    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        started = time.perf_counter()
        await asyncio.gather(*(loop(client) for _ in range(pingers)))
        return _summary(latencies, time.perf_counter() - started, errors)


async def _health_alone(base: str, seconds: float) -> dict:
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(seconds, stop.set)
    return await _ping_health(base, stop)


async def _health_during(base: str, probes: list[Probe], repeat: int, concurrency: int):
    stop = asyncio.Event()
    health = asyncio.create_task(_ping_health(base, stop))
    await asyncio.sleep(0.2)  # the pingers are running before the first hostile request
    seconds = await _run_probes(base, probes, repeat, concurrency)
    stop.set()
    return await health, seconds


# --- the service ----------------------------------------------------------------------------


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _issue(home: Path, base: str, count: int, pdfs: int):
    Config.write(home, base, "Stichting Keurmerk (belastingtest)")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    now = datetime.now(UTC) - timedelta(days=1)
    certificates = [
        beheer.issue(f"d{i}", f"Deelnemer {i}", f"d{i}@example.org", now=now) for i in range(count)
    ]
    with_files = certificates[:pdfs]
    jsons = [c.credential.encode("utf-8") for c in with_files]
    rendered = [render(json.loads(c.credential), beheer.verify_url(c.number)) for c in with_files]
    return [c.number for c in certificates], jsons, rendered


def _start(home: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "keurmerk.cli", "serve", "--map", str(home)]
    command += ["--port", str(port), "--limiet", "1000000"]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            httpx.get(base + "/health", timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the service did not start")


def _row(name: str, row: dict) -> str:
    return (
        f"{name:<30}{row['requests']:>9}{row['errors']:>8}{row['p50_ms']:>9.1f}"
        f"{row['p95_ms']:>9.1f}{row['max_ms']:>9.1f}{row['per_second']:>9.0f}"
    )


def _probe_table(probes: list[Probe]) -> tuple[list[str], int]:
    lines, failures = [], 0
    for probe in probes:
        row = _summary(probe.latencies, 0, len(probe.problems))
        verdict = "ok" if not probe.problems else "FAILED: " + probe.problems[0]
        failures += len(probe.problems)
        lines.append(
            f"  {probe.name:<30}{probe.expected:>5}{row['requests']:>5}{row['p50_ms']:>9.1f}"
            f"{row['max_ms']:>9.1f}  {verdict}"
        )
    return lines, failures


def main() -> int:
    from keurmerk import messages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--certificates", type=int, default=50)
    parser.add_argument("--file-concurrency", type=int, default=8)
    parser.add_argument("--file-rounds", type=int, default=5, help="uploads of each file")
    parser.add_argument("--hostile-rounds", type=int, default=4, help="each hostile request")
    parser.add_argument("--hostile-concurrency", type=int, default=16)
    args = parser.parse_args()
    bounded = (
        1 <= args.concurrency <= 2000
        and 1 <= args.rounds <= 50
        and 1 <= args.file_concurrency <= 64
        and 1 <= args.file_rounds <= 50
        and 1 <= args.hostile_rounds <= 20
        and 1 <= args.hostile_concurrency <= 64
        and 4 <= args.certificates <= 1000
    )
    if not bounded:
        parser.error(
            "keep the load bounded: concurrency 1..2000, rounds 1..50, file-concurrency "
            "1..64, file-rounds 1..50, hostile-rounds 1..20, hostile-concurrency 1..64, "
            "certificates 4..1000"
        )

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        port = free_port(18_600)
        base = f"http://127.0.0.1:{port}"
        numbers, jsons, pdfs = _issue(home, base, args.certificates, pdfs=4)
        files = file_probes(jsons, pdfs)
        hostile = hostile_probes(jsons[0], pdfs[0], messages)
        server = _start(home, port)
        try:
            _wait_until_up(base, server)
            lookups = [f"/api/v1/keurmerken/{n}" for n in numbers]
            lookups.append("/api/v1/keurmerken/KM-0000-0000")
            asyncio.run(_measure(base, ["/health"] + lookups, args.concurrency, 1))  # warm up
            warm = file_probes(jsons[:1], pdfs[:1])
            asyncio.run(_run_probes(base, warm, 2, 2))  # start the check workers
            health = asyncio.run(_measure(base, ["/health"], args.concurrency, args.rounds))
            lookup = asyncio.run(_measure(base, lookups, args.concurrency, args.rounds))
            single = file_probes(jsons, pdfs)
            single_seconds = asyncio.run(_run_probes(base, single, 2, 1))
            seconds = asyncio.run(_run_probes(base, files, args.file_rounds, args.file_concurrency))
            rss_before = _rss_mb(server.pid)
            alone = asyncio.run(_health_alone(base, 3.0))
            during, hostile_seconds = asyncio.run(
                _health_during(base, hostile, args.hostile_rounds, args.hostile_concurrency)
            )
            rss_after = _rss_mb(server.pid)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)

    file_latencies = [s for probe in files for s in probe.latencies]
    file_errors = sum(len(probe.problems) for probe in files + single)
    checks = _summary(file_latencies, seconds, file_errors)
    header = f"{'phase':<30}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
    print(header + f"{'max ms':>9}{'req/s':>9}")
    print(_row("/health (burst)", health))
    print(_row("/api/v1/keurmerken (burst)", lookup))
    one_at_a_time = _summary(
        [s for probe in single for s in probe.latencies],
        single_seconds,
        sum(len(probe.problems) for probe in single),
    )
    print(_row("file check, one at a time", one_at_a_time))
    print(_row(f"file check, {args.file_concurrency} at a time", checks))
    print(_row("/health alone (paced)", alone))
    print(_row("/health during hostile", during))
    print(
        f"look-up vs health: p50 x{lookup['p50_ms'] / health['p50_ms']:.2f}, "
        f"throughput x{lookup['per_second'] / health['per_second']:.2f} "
        f"({args.concurrency} concurrent, {args.rounds} rounds)"
    )
    print(
        f"file check vs health: p50 x{checks['p50_ms'] / health['p50_ms']:.1f}, "
        f"{checks['per_second']:.0f} checks/s ({args.file_concurrency} concurrent, "
        f"{len(files)} kinds x {args.file_rounds})"
    )
    print(
        f"/health during hostile vs alone: p50 x{during['p50_ms'] / alone['p50_ms']:.2f}, "
        f"p95 {during['p95_ms']:.1f} ms vs {alone['p95_ms']:.1f} ms "
        f"(limit {HEALTH_P95_LIMIT_MS:.0f} ms; hostile phase {hostile_seconds:.1f} s)"
    )
    if rss_before and rss_after:
        print(
            f"server memory: {rss_before:.0f} MB before the hostile phase, {rss_after:.0f} MB after"
        )
    lines, hostile_failures = _probe_table(hostile)
    print(
        f"hostile and heavy requests ({args.hostile_rounds} of each, "
        f"{args.hostile_concurrency} at a time):"
    )
    print(f"  {'request':<30}{'want':>5}{'n':>5}{'p50 ms':>9}{'max ms':>9}")
    print("\n".join(lines))
    file_lines, _ = _probe_table(files + single)
    for line in file_lines:
        if "FAILED" in line:
            print(line)

    failures = []
    if health["errors"] or lookup["errors"] or alone["errors"] or during["errors"]:
        failures.append("errors on /health or look-ups")
    if file_errors:
        failures.append(f"{file_errors} file checks did not answer geldig")
    if hostile_failures:
        failures.append(f"{hostile_failures} hostile requests got an unexpected answer")
    if during["p95_ms"] > HEALTH_P95_LIMIT_MS:
        failures.append(f"/health p95 {during['p95_ms']:.0f} ms > {HEALTH_P95_LIMIT_MS:.0f} ms")
    print("FAIL: " + "; ".join(failures) if failures else "PASS")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
