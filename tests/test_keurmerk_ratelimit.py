"""The rate limit per visitor: `Retry-After` on 429, and `X-Forwarded-For` believed only from
trusted proxies (in-process, and on a real `keurmerk serve` process)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from email.message import Message

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from course.launch import free_port
from keurmerk.cli import main
from keurmerk.service import Config, Keurmerkbeheer
from keurmerk.web.app import WebSettings, create_app
from keurmerk.web.ratelimit import RateLimiter, client_address, parse_proxies

PROXIES = parse_proxies(["10.0.0.0/8", "2001:db8::1"])


@pytest.mark.parametrize(
    ("peer", "header", "visitor"),
    [
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),  # not a proxy: the header is ignored
        ("127.0.0.1", "198.51.100.1", "127.0.0.1"),  # localhost is not trusted by default
        ("10.1.2.3", "198.51.100.1", "198.51.100.1"),
        ("10.1.2.3", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # a spoofed left part is skipped
        ("10.1.2.3", "198.51.100.1, 10.9.9.9", "198.51.100.1"),  # a chain of trusted proxies
        ("10.1.2.3", "", "10.1.2.3"),
        ("10.1.2.3", "198.51.100.1, onzin", "10.1.2.3"),
        ("2001:db8::1", "2001:db8::42", "2001:db8::42"),
        ("testclient", "198.51.100.1", "testclient"),
    ],
)
def test_client_address(peer, header, visitor):
    """Is the visitor the socket peer unless a trusted proxy forwarded the request?"""
    assert client_address(peer, header, PROXIES) == visitor


def test_retry_after_counts_down_to_the_first_free_slot():
    """Does Retry-After say when the oldest look-up leaves the one-minute window?"""
    now = [1000.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.allow("a") and limiter.retry_after("a") == 0
    now[0] += 10
    assert limiter.allow("a") and not limiter.allow("a")
    assert limiter.retry_after("a") == 50
    now[0] += 49.5
    assert limiter.retry_after("a") == 1
    now[0] += 1
    assert limiter.allow("a")


def test_bad_proxy_setting_is_refused_in_dutch(tmp_path):
    result = CliRunner().invoke(
        main, ["serve", "--map", str(tmp_path), "--vertrouwde-proxy", "proxy.example.nl"]
    )
    assert result.exit_code == 2
    assert "is geen IP-adres of netwerk" in result.output


@pytest.fixture(scope="module")
def beheer(tmp_path_factory):
    home = tmp_path_factory.mktemp("keurmerk-limit")
    Config.write(home, "https://keurmerk.example.nl", "Stichting Keurmerk")
    beheer = Keurmerkbeheer(Config.load(home))
    beheer.init()
    beheer.number = beheer.issue("d01", "Samira", "s@example.org").number
    return beheer


def _client(beheer, peer: str, proxies: tuple[str, ...] = ()) -> TestClient:
    settings = WebSettings(
        registry=beheer.registry,
        issuer_document=beheer.issuer_document(),
        issuer_name=beheer.config.issuer.name,
        lookups_per_minute=3,
        now=lambda: datetime.now(UTC),
        trusted_proxies=proxies,
    )
    return TestClient(create_app(settings), client=(peer, 40000))


def test_429_pages_and_api_carry_retry_after(beheer):
    """Do the page and the API say, in Retry-After, how many seconds to wait?"""
    client = _client(beheer, "203.0.113.9")
    codes = [client.get(f"/controleer/{beheer.number}").status_code for _ in range(3)]
    page = client.get(f"/controleer/{beheer.number}")
    api = client.get(f"/api/v1/keurmerken/{beheer.number}")
    assert codes == [200, 200, 200] and page.status_code == api.status_code == 429
    for response in (page, api):
        assert 1 <= int(response.headers["Retry-After"]) <= 60
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "te veel controles" in page.text and "te veel controles" in api.json()["fout"]


def test_spoofed_forwarded_for_does_not_reset_the_budget(beheer):
    """Can a visitor who sends a new X-Forwarded-For each time get past the limit? (No.)"""
    client = _client(beheer, "203.0.113.10")
    codes = [
        client.get(
            f"/controleer/{beheer.number}", headers={"X-Forwarded-For": f"198.51.100.{i}"}
        ).status_code
        for i in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]


def test_behind_a_trusted_proxy_each_visitor_has_a_budget(beheer):
    """Behind a trusted proxy, does one busy visitor leave the others their own budget?"""
    client = _client(beheer, "10.0.0.2", proxies=("10.0.0.0/8",))

    def look_up(visitor: str) -> int:
        headers = {"X-Forwarded-For": visitor}
        return client.get(f"/controleer/{beheer.number}", headers=headers).status_code

    assert [look_up("198.51.100.1") for _ in range(4)] == [200, 200, 200, 429]
    assert [look_up("198.51.100.2") for _ in range(3)] == [200, 200, 200]
    assert look_up("6.6.6.6, 198.51.100.1") == 429  # a spoofed left part changes nothing


def _get(url: str, headers: dict[str, str]) -> tuple[int, Message]:
    """Status and headers (looked up without regard to case)."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def _serve(home, port: int, *options: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "keurmerk.cli", "serve", "--map", str(home), "--port", str(port)]
        + ["--limiet", "3", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if _get(f"http://127.0.0.1:{port}/health", {})[0] == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(process.communicate()[0])


def test_real_service_from_localhost_ignores_forwarded_for(beheer):
    """Does `keurmerk serve` (uvicorn) ignore X-Forwarded-For from 127.0.0.1 by default, and
    believe it only from a proxy given with --vertrouwde-proxy?"""
    port = free_port(18_810)
    url = f"http://127.0.0.1:{port}/api/v1/keurmerken/{beheer.number}"
    process = _serve(beheer.config.home, port)
    try:
        answers = [_get(url, {"X-Forwarded-For": f"198.51.100.{i}"}) for i in range(4)]
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert [code for code, _ in answers] == [200, 200, 200, 429]
    assert 1 <= int(answers[-1][1]["Retry-After"]) <= 60

    port = free_port(18_830)
    url = f"http://127.0.0.1:{port}/api/v1/keurmerken/{beheer.number}"
    process = _serve(beheer.config.home, port, "--vertrouwde-proxy", "127.0.0.1")
    try:
        visitors = [_get(url, {"X-Forwarded-For": f"198.51.100.{i}"})[0] for i in range(5)]
        same = [_get(url, {"X-Forwarded-For": "198.51.100.99"})[0] for _ in range(4)]
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert visitors == [200] * 5
    assert same == [200, 200, 200, 429]
