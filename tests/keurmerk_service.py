"""A real keurmerk service (``keurmerk serve`` in its own uvicorn process) for tests."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from email.message import Message
from pathlib import Path

KEURMERK = str(Path(sys.executable).parent / "keurmerk")
# The service with a time limit per file check of argv[3] seconds (argv: home, port, limit).
LAUNCH_WITH_SHORT_LIMIT = """
import sys
from pathlib import Path
import uvicorn
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.web.app import WebSettings, create_app
beheer = Keurmerkbeheer(Config.load(Path(sys.argv[1])))
settings = WebSettings(
    registry=beheer.registry,
    issuer_document=beheer.issuer_document,
    issuer_name=beheer.config.issuer.name,
    lookups_per_minute=10_000,
    check_seconds=float(sys.argv[3]),
)
uvicorn.run(create_app(settings), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(home: Path, log: Path, *options: str, check_seconds: float | None = None):
    """``keurmerk serve`` on a free port until the block ends; yields the base URL.

    With ``check_seconds`` the same app runs with that time limit per file check (for
    tests whose point is not the limit, on a busy machine)."""
    port = free_port()
    command = [KEURMERK, "serve", "--map", str(home), "--port", str(port), *options]
    if check_seconds is not None:
        command = [sys.executable, "-c", LAUNCH_WITH_SHORT_LIMIT, str(home), str(port)]
        command.append(str(check_seconds))
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=2).read()
                break
            except OSError:
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "service did not start"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def post(url: str, body: bytes | dict, timeout: float = 30) -> tuple[int, dict, Message]:
    """POST JSON; (status, parsed body, headers), error statuses included."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read()), response.headers
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = {"raw": raw.decode("utf-8", "replace")}
        return error.code, parsed, error.headers


def multipart(data: bytes, name: str = "k.json") -> tuple[bytes, dict]:
    """A ``multipart/form-data`` body with ``data`` as the upload field ``bestand``."""
    boundary = "keurmerk-test-grens"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="bestand"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def upload(base: str, data: bytes, name: str = "k.json") -> tuple[int, str]:
    """Upload a file to the verification page; (HTTP status, page text)."""
    body, headers = multipart(data, name)
    request = urllib.request.Request(base + "/controleer-bestand", data=body, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=150) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    """GET a page; (status, text), error statuses included."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def vernieuw(beheer, number: str, email: str, scores: Path, practice: Path, *extra: str):
    """``keurmerk vernieuw`` for ``beheer``'s keurmerk folder (click's test runner)."""
    from click.testing import CliRunner

    from keurmerk.cli import main

    arguments = ["vernieuw", number, "--map", str(beheer.config.home), "--email", email]
    arguments += ["--scores", str(scores), "--praktijk", str(practice), *extra]
    return CliRunner().invoke(main, arguments)
