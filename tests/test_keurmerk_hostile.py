"""The real verification service (uvicorn on 127.0.0.1) under hostile requests and rotation.

Can a poison JSON-LD document, a 500 MB body or a deeply nested document freeze the service
or grow its memory? Does a key rotation reach the running service without a restart?
``/health`` is timed from another thread while the hostile requests run.
"""

from __future__ import annotations

import json
import os
import select
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from keurmerk import messages as msg
from keurmerk.documents import VC_V2
from keurmerk.multikey import encode_public_key, encode_signature
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk_service import LAUNCH_WITH_SHORT_LIMIT, multipart

KEURMERK = str(Path(sys.executable).parent / "keurmerk")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _serving(command: list[str], port: int, log: Path):
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).read()
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "service did not start"
                time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _request(url: str, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) without raising on 4xx/5xx."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class HealthTimer:
    """Times GET /health every 20 ms from another thread while the block runs."""

    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}/health"
        self.latencies: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            start = time.perf_counter()
            urllib.request.urlopen(self.url, timeout=30).read()
            self.latencies.append(time.perf_counter() - start)
            self._stop.wait(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(35)

    def report(self, what: str) -> str:
        worst, median = max(self.latencies), statistics.median(self.latencies)
        line = f"/health during {what}: n={len(self.latencies)} median {median * 1000:.1f} ms, "
        return line + f"max {worst * 1000:.1f} ms"


def _rss_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no VmRSS")


def poison_document(nodes: int = 8) -> dict:
    """Blank nodes that all point at each other, with a well-formed (wrong) proof.

    RDFC-1.0 needs factorial time on this shape: 8 nodes took pyld 89 s on the event loop.
    """
    key = Ed25519PrivateKey.generate()
    public = encode_public_key(key.public_key())
    graph = [
        {"@id": f"_:b{i}", "https://e.x/p": [{"@id": f"_:b{j}"} for j in range(nodes) if j != i]}
        for i in range(nodes)
    ]
    return {
        "@context": [VC_V2],
        # the VC 2.0 data-model minimum, so the verifier gets as far as canonicalizing
        "type": ["VerifiableCredential"],
        "issuer": "urn:i",
        "credentialSubject": {"id": "urn:s"},
        "@graph": graph,
        "proof": {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "verificationMethod": f"did:key:{public}#{public}",
            "proofPurpose": "assertionMethod",
            "proofValue": encode_signature(key.sign(b"poison")),
        },
    }


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    home = tmp_path_factory.mktemp("keurmerk-dienst")
    Config.write(home, "https://keurmerk.example.nl", "Stichting Keurmerk Sleutelpersonen")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    now = datetime.now(UTC) - timedelta(days=1)
    home.joinpath("samira.json").write_text(
        beheer.issue("d01", "Samira Benali", "samira@example.org", now=now).credential
    )
    return home


@pytest.fixture(scope="module")
def service(home, tmp_path_factory):
    port = _free_port()
    log = tmp_path_factory.mktemp("log") / "serve.log"
    command = [KEURMERK, "serve", "--map", str(home), "--port", str(port), "--limiet", "10000"]
    with _serving(command, port, log) as process:
        yield f"http://127.0.0.1:{port}", port, process


def test_poison_document_is_refused_at_once_and_health_stays_fast(service):
    base, port, _ = service
    poison = json.dumps(poison_document(), separators=(",", ":")).encode()
    assert len(poison) < 1600
    with HealthTimer(port) as timer:
        started = time.perf_counter()
        for _ in range(5):
            status, headers, body = _request(f"{base}/api/v1/controleer", poison)
            assert status == 422 and json.loads(body)["fout"] == msg.TOO_COMPLEX
            form, form_headers = multipart(poison)
            status, headers, page = _request(f"{base}/controleer-bestand", form, form_headers)
            assert status == 422 and "te ingewikkeld" in page.decode()
            assert "vervalst" not in page.decode() and headers["X-Frame-Options"] == "DENY"
        elapsed = time.perf_counter() - started
        time.sleep(0.1)
    print(f"\n10 poison checks in {elapsed:.2f} s; " + timer.report("the poison documents"))
    assert elapsed < 10
    assert max(timer.latencies) < 1.0


def test_a_slow_check_is_stopped_at_its_time_limit(home, tmp_path):
    """A document within the bounds that still takes long is killed at the limit."""
    credential = json.loads(home.joinpath("samira.json").read_text())
    credential["credentialSubject"]["achievement"]["alignment"] = [
        {
            "type": "Alignment",
            "id": f"https://e.x/a{k}",
            "targetName": "x",
            "targetUrl": "https://e.x",
        }
        for k in range(1900)
    ]
    slow = json.dumps(credential).encode()
    port = _free_port()
    command = [sys.executable, "-c", LAUNCH_WITH_SHORT_LIMIT, str(home), str(port), "0.3"]
    with _serving(command, port, tmp_path / "serve.log"):
        base = f"http://127.0.0.1:{port}"
        with HealthTimer(port) as timer:
            started = time.perf_counter()
            status, _, body = _request(f"{base}/api/v1/controleer", slow)
            elapsed = time.perf_counter() - started
        assert status == 422 and json.loads(body)["fout"] == msg.TOO_SLOW
        status, _, body = _request(
            f"{base}/api/v1/controleer", home.joinpath("samira.json").read_bytes()
        )
        assert status == 200 and json.loads(body)["status"] == "geldig"
    print(f"\nslow check stopped after {elapsed:.2f} s; " + timer.report("the slow check"))
    assert elapsed < 5
    assert max(timer.latencies) < 1.0


def _complete(answer: bytes) -> bool:
    head, found, body = answer.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n") if found else []:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value)
    return False


def _read_answer(connection: socket.socket) -> bytes:
    """Read an HTTP answer until its body is complete or the server closes."""
    answer = b""
    connection.settimeout(10)
    while not _complete(answer):
        try:
            data = connection.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not data:
            break
        answer += data
    return answer


def _send_chunked(port: int, path: str, content_type: str, first: bytes, total: int):
    """POST a chunked body of ``total`` bytes until the server answers; (sent, answer)."""
    connection = socket.create_connection(("127.0.0.1", port))
    connection.sendall(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
        f"Content-Type: {content_type}\r\n\r\n".encode()
    )
    chunk = b"a" * (1 << 20)
    frames = [b"%x\r\n%s\r\n" % (len(first), first)] if first else []
    sent, answer = 0, b""
    connection.settimeout(2)
    try:
        while sent < total:
            readable, _, _ = select.select([connection], [], [], 0)
            if readable:
                break
            frame = frames.pop() if frames else b"%x\r\n%s\r\n" % (len(chunk), chunk)
            try:
                connection.sendall(frame)
            except TimeoutError:
                break  # the server stopped reading: its answer should be there
            sent += len(frame)
        answer = _read_answer(connection)
    except (BrokenPipeError, ConnectionResetError):
        answer = _read_answer(connection)
    finally:
        connection.close()
    return sent, answer


@pytest.mark.parametrize(
    "path, content_type, first",
    [
        ("/api/v1/controleer", "application/json", b""),
        (
            "/controleer-bestand",
            "multipart/form-data; boundary=grens",
            b'--grens\r\nContent-Disposition: form-data; name="bestand"; filename="k.pdf"\r\n'
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n",
        ),
    ],
    ids=["json", "multipart"],
)
def test_a_500_mb_body_is_refused_while_reading(service, path, content_type, first):
    _, port, process = service
    _request(f"http://127.0.0.1:{port}/health")
    before = _rss_mb(process.pid)
    with HealthTimer(port) as timer:
        sent, answer = _send_chunked(port, path, content_type, first, 500 * 1024 * 1024)
    after = _rss_mb(process.pid)
    print(
        f"\n{path}: server answered after {sent / 2**20:.0f} MB sent; RSS {before} -> {after} MB; "
        + timer.report("the 500 MB body")
    )
    head = answer.decode("utf-8", "replace")
    assert head.startswith("HTTP/1.1 413"), head[:200]
    assert "x-frame-options: DENY" in head and "te groot" in head
    assert sent < 100 * 2**20
    assert after - before < 40
    assert max(timer.latencies) < 1.0


def test_a_declared_huge_body_is_refused_before_reading(service):
    _, port, _ = service
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(
            b"POST /api/v1/controleer HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 524288000\r\n\r\n"
        )
        answer = _read_answer(connection).decode()
    assert answer.startswith("HTTP/1.1 413") and msg.WEB_FILE_TOO_BIG in answer


@pytest.mark.parametrize(
    "document",
    [b"[" * 100_000 + b"]" * 100_000, ('{"a":' * 40 + "1" + "}" * 40).encode()],
    ids=["arrays-100000-deep", "objects-40-deep"],
)
def test_deeply_nested_json_gets_a_clean_dutch_4xx(service, document):
    base, _, _ = service
    status, headers, body = _request(f"{base}/api/v1/controleer", document)
    assert status == 422 and json.loads(body)["fout"] == msg.TOO_COMPLEX
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    form, form_headers = multipart(document)
    status, headers, page = _request(f"{base}/controleer-bestand", form, form_headers)
    assert status == 422 and msg.TOO_COMPLEX in page.decode()
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_key_rotation_reaches_the_running_service(service, home):
    """sleutel-vervangen while serve runs: new /issuer, new and old certificates geldig."""
    base, _, _ = service
    before = json.loads(_request(f"{base}/issuer")[2])
    rotated = subprocess.run(
        [KEURMERK, "sleutel-vervangen", "--map", str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ | {"KEURMERK_HOME": str(home)},
    )
    assert rotated.returncode == 0, rotated.stderr
    after = json.loads(_request(f"{base}/issuer")[2])
    new_methods = set(after["assertionMethod"]) - set(before["assertionMethod"])
    assert len(after["assertionMethod"]) == len(before["assertionMethod"]) + 1
    assert next(iter(new_methods)) in rotated.stdout

    beheer = Keurmerkbeheer(Config.load(home))
    now = datetime.now(UTC) - timedelta(days=1)
    new = beheer.issue("d02", "Olena Kovalenko", "olena@example.org", now=now)
    assert json.loads(new.credential)["proof"][0]["verificationMethod"] in new_methods
    beheer.suspend(new.number, "test")  # re-signs the status lists with the new key
    beheer.reinstate(new.number, "test")
    for credential, name in [
        (home.joinpath("samira.json").read_bytes(), "Samira Benali"),
        (new.credential.encode(), "Olena Kovalenko"),
    ]:
        status, _, body = _request(f"{base}/api/v1/controleer", credential)
        result = json.loads(body)
        assert status == 200 and result["status"] == "geldig", result
        assert result["name"] == name
