"""FastAPI app: the Dutch verification page, the JSON API, status lists and issuer document.

Stateless apart from the database (and a per-instance rate limiter), so it scales out
behind any load balancer. Every page is escaped by Jinja2, every response carries
security headers, and assets are self-hosted (no third-party requests).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import FastAPI, File, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from keurmerk import messages as msg
from keurmerk import vcapi
from keurmerk.check import StatusLists
from keurmerk.check import check_file as check_any_file
from keurmerk.documents import KEURMERK_V1, context_document
from keurmerk.gemeenten import official as official_gemeenten
from keurmerk.gemeenten import resolve as resolve_gemeente
from keurmerk.online import with_registry
from keurmerk.public_register import (
    MAX_RESULTS,
    SearchRefused,
    TooManyFound,
    search,
    withdraw_with_code,
)
from keurmerk.registry import Registry
from keurmerk.statuslist import PURPOSES
from keurmerk.verify import UNREADABLE, TrustedIssuer, Verification, unreadable
from keurmerk.web.guard import BodyLimit, SecurityHeaders
from keurmerk.web.lookup import UNKNOWN, dutch_date, look_up
from keurmerk.web.pool import CheckPool, CheckTimeout, PoolBusy
from keurmerk.web.ratelimit import RateLimiter, client_address, parse_proxies

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 2 * 1024 * 1024
MAX_BODY = MAX_UPLOAD + 64 * 1024  # the file plus multipart framing
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
}


@dataclass
class WebSettings:
    """Everything the service needs; the clock is injectable for tests."""

    registry: Registry
    issuer_document: dict | Callable[[], dict]  # a callable is read per request (rotation)
    issuer_name: str
    lookups_per_minute: int = 30
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    check_workers: int = 2  # processes for file checks
    check_seconds: float = 5.0  # hard time limit per file check
    trusted_proxies: tuple[str, ...] = ()  # only these may say who the visitor is (XFF)
    public_months: int = 12  # [privacy] public_months: how long an ended keurmerk shows a name
    register_per_minute: int = 10  # register searches and withdrawals per visitor
    register_per_gemeente_per_hour: int = 30  # searches per gemeente, all visitors together
    # Only for conformance tests (keurmerk serve --test-uitgifte): returns the issuer id, the
    # verification method and the raw private key that POST /credentials/issue signs with.
    test_issuing: Callable[[], tuple[str, str, bytes]] | None = None

    def issuer(self) -> dict:
        """The issuer document as it is now (a rotated key shows up without a restart)."""
        document = self.issuer_document
        return document() if callable(document) else document

    @property
    def trusted_issuer(self) -> TrustedIssuer:
        """This service's issuer, with its keys as they are now."""
        return TrustedIssuer.from_controller(self.issuer(), name=self.issuer_name)

    @property
    def trusted(self) -> dict[str, TrustedIssuer]:
        issuer = self.trusted_issuer
        return {issuer.id: issuer}


class KeurmerkApp(FastAPI):
    """FastAPI with the guard layers outside its error handling (so errors get them too)."""

    def build_middleware_stack(self):
        inner = BodyLimit(super().build_middleware_stack(), MAX_BODY, self.state.too_large)
        return SecurityHeaders(inner, SECURITY_HEADERS)


def create_app(settings: WebSettings) -> FastAPI:
    """The verification service."""
    pool = CheckPool(settings.check_workers, settings.check_seconds)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        pool.close()

    app = KeurmerkApp(
        title="Keurmerk Sleutelpersoon", docs_url=None, redoc_url=None, lifespan=lifespan
    )
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"], default=True),
    )
    templates.filters["datum"] = dutch_date
    limiter = RateLimiter(settings.lookups_per_minute)
    register_limiter = RateLimiter(settings.register_per_minute)
    gemeente_limiter = RateLimiter(settings.register_per_gemeente_per_hour, window=3600.0)
    proxies = parse_proxies(settings.trusted_proxies)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(name: str, status_code: int = 200, **context) -> HTMLResponse:
        html = templates.get_template(name).render(msg=msg, **context)
        return HTMLResponse(html, status_code=status_code)

    def client(request: Request) -> str:
        peer = request.client.host if request.client else ""
        return client_address(peer, request.headers.get("x-forwarded-for", ""), proxies)

    def too_many(request: Request, response: Response) -> Response:
        response.headers["Retry-After"] = str(limiter.retry_after(client(request)))
        return response

    def status_lookup(url: str) -> dict | None:
        purpose = url.rstrip("/").rsplit("/", 1)[-1]
        if purpose not in PURPOSES:
            return None
        return settings.registry.stored_status_list(purpose)

    def check_now(data: bytes) -> Verification:
        """Check a file in a worker process (blocking: call it from a thread)."""
        lists = StatusLists.of(settings.registry.stored_status_list(p) for p in PURPOSES)
        issuer = settings.trusted_issuer
        trusted = {issuer.id: issuer}
        try:
            result = pool.call(check_any_file, data, trusted, settings.now(), lists)
        except CheckTimeout:
            return unreadable(msg.TOO_SLOW)
        return with_registry(result, settings.registry, trusted, issuer.id)

    def error_response(request_path: str, status_code: int, text: str) -> Response:
        if request_path.startswith(("/api/", "/credentials/", "/presentations/")):
            return JSONResponse({"fout": text}, status_code=status_code)
        return page("bestand.html", status_code, title=msg.WEB_FILE_TITLE, problem=text)

    async def too_large(scope) -> Response:
        return error_response(scope.get("path", ""), 413, msg.WEB_FILE_TOO_BIG)

    app.state.too_large = too_large

    @app.get("/", response_class=HTMLResponse)
    def home():
        return page("index.html", title=msg.WEB_TITLE)

    @app.get("/controleer", response_class=HTMLResponse)
    def check_form(request: Request, nummer: str = ""):
        if not nummer.strip():
            return RedirectResponse("/", status_code=303)
        return check_number(request, nummer)

    def public_record(nummer: str):
        """The look-up of a typed number, with the retention period for names."""
        now, trusted = settings.now(), settings.trusted_issuer
        return look_up(settings.registry, nummer[:64], now, trusted, settings.public_months)

    @app.get("/controleer/{nummer}", response_class=HTMLResponse)
    def check_number(request: Request, nummer: str):
        if not limiter.allow(client(request)):
            return too_many(request, page("te-vaak.html", status_code=429, title=msg.WEB_TOO_MANY))
        record = public_record(nummer)
        return page("resultaat.html", title=msg.WEB_RESULT_TITLE, record=record, unknown=UNKNOWN)

    @app.post("/controleer-bestand", response_class=HTMLResponse)
    async def check_file(request: Request, bestand: Annotated[UploadFile, File()]):
        if not limiter.allow(client(request)):
            return too_many(request, page("te-vaak.html", status_code=429, title=msg.WEB_TOO_MANY))
        data = await bestand.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            return error_response(request.url.path, 413, msg.WEB_FILE_TOO_BIG)
        try:
            result = await asyncio.to_thread(check_now, data)
        except PoolBusy:
            return error_response(request.url.path, 503, msg.WEB_BUSY)
        code = 422 if result.status == UNREADABLE else 200
        return page("bestand.html", code, title=msg.WEB_FILE_TITLE, result=result, problem=None)

    @app.get("/api/v1/keurmerken/{nummer}")
    def api_number(request: Request, nummer: str):
        if not limiter.allow(client(request)):
            return too_many(request, JSONResponse({"fout": msg.WEB_TOO_MANY}, status_code=429))
        record = public_record(nummer)
        return JSONResponse(record.as_dict(), status_code=404 if record.status == UNKNOWN else 200)

    @app.post("/api/v1/controleer")
    async def api_verify(request: Request):
        if not limiter.allow(client(request)):
            return too_many(request, JSONResponse({"fout": msg.WEB_TOO_MANY}, status_code=429))
        body = await request.body()
        if len(body) > MAX_UPLOAD:
            return JSONResponse({"fout": msg.WEB_FILE_TOO_BIG}, status_code=413)
        try:
            result = await asyncio.to_thread(check_now, body)
        except PoolBusy:
            return JSONResponse({"fout": msg.WEB_BUSY}, status_code=503)
        if result.status == UNREADABLE:
            return JSONResponse(result.as_dict() | {"fout": result.checks[0].message}, 422)
        return JSONResponse(result.as_dict())

    async def vc_api(request: Request, function, *args) -> Response:
        """A VC-API operation: rate limit, body limit, worker process with a time limit."""
        if not limiter.allow(client(request)):
            return too_many(request, JSONResponse({"fout": msg.WEB_TOO_MANY}, status_code=429))
        body = await request.body()
        if len(body) > MAX_UPLOAD:
            return JSONResponse({"fout": msg.WEB_FILE_TOO_BIG}, status_code=413)
        try:
            code, result = await asyncio.to_thread(pool.call, function, body, *args)
        except PoolBusy:
            return JSONResponse({"fout": msg.WEB_BUSY}, status_code=503)
        except CheckTimeout:
            return JSONResponse({"verified": False, "fout": msg.TOO_SLOW}, status_code=400)
        return JSONResponse(result, status_code=code)

    def verify_args() -> tuple:
        lists = StatusLists.of(settings.registry.stored_status_list(p) for p in PURPOSES)
        return settings.trusted, settings.now(), lists

    @app.post("/credentials/verify")
    async def vc_api_verify_credential(request: Request):
        return await vc_api(request, vcapi.verify_credential_body, *verify_args())

    @app.post("/presentations/verify")
    async def vc_api_verify_presentation(request: Request):
        return await vc_api(request, vcapi.verify_presentation_body, *verify_args())

    if settings.test_issuing is not None:

        @app.post("/credentials/issue")
        async def vc_api_issue(request: Request):
            return await vc_api(request, vcapi.issue_body, *settings.test_issuing())

    @app.get("/status/{purpose}")
    def status_list(purpose: str):
        document = status_lookup(purpose)
        if document is None:
            return JSONResponse({"fout": msg.WEB_NOT_FOUND}, status_code=404)
        return JSONResponse(document, media_type="application/vc+ld+json")

    @app.get("/audit/checkpoint")
    def audit_checkpoint():
        """The newest signed checkpoint of the audit trail: keep copies to detect truncation."""
        document = settings.registry.audit_checkpoint(settings.issuer()["id"])
        if document is None:
            return JSONResponse({"fout": msg.WEB_NOT_FOUND}, status_code=404)
        return JSONResponse(document, headers={"Cache-Control": "no-store"})

    @app.get("/issuer")
    def issuer():
        return JSONResponse(settings.issuer(), media_type="application/did+ld+json")

    @app.get("/contexts/keurmerk-v1.jsonld")
    def project_context():
        return JSONResponse(context_document(KEURMERK_V1), media_type="application/ld+json")

    def register_too_many(request: Request) -> Response:
        response = page("te-vaak.html", status_code=429, title=msg.WEB_TOO_MANY)
        response.headers["Retry-After"] = str(register_limiter.retry_after(client(request)))
        return response

    def register_page(request: Request, naam: str = "", gemeente: str = "", status_code=200):
        naam, gemeente = naam[:100], gemeente[:100]
        results, message = [], ""
        if naam or gemeente:
            if not register_limiter.allow(client(request)):
                return register_too_many(request)
            official = resolve_gemeente(gemeente)
            if official is not None and not gemeente_limiter.allow(official):
                message, status_code = msg.WEB_REGISTER_BUSY, 429
            else:
                try:
                    results = search(settings.registry, naam, gemeente, settings.now())
                    message = "" if results else msg.WEB_REGISTER_NONE
                except TooManyFound:
                    message = msg.WEB_REGISTER_TOO_MANY.format(count=MAX_RESULTS)
                except SearchRefused:
                    message = msg.WEB_REGISTER_REFUSED
            gemeente = official or gemeente
        return page(
            "register.html",
            status_code,
            title=msg.WEB_REGISTER_TITLE,
            naam=naam,
            gemeente=gemeente,
            gemeenten=official_gemeenten().names,
            results=results,
            message=message,
        )

    @app.get("/register", response_class=HTMLResponse)
    def register(request: Request, naam: str = "", gemeente: str = ""):
        return register_page(request, naam, gemeente)

    @app.get("/register/afmelden", response_class=HTMLResponse)
    def withdraw_form():
        return page("afmelden.html", title=msg.WEB_WITHDRAW_TITLE, message="", done=False)

    @app.post("/register/afmelden", response_class=HTMLResponse)
    async def withdraw(request: Request):
        if not register_limiter.allow(client(request)):
            return register_too_many(request)
        form = parse_qs((await request.body())[:1024].decode("utf-8", "replace"))
        code = (form.get("code") or [""])[0][:64]
        done = await asyncio.to_thread(withdraw_with_code, settings.registry, code)
        message = msg.WEB_WITHDRAW_DONE if done else msg.WEB_WITHDRAW_UNKNOWN
        return page(
            "afmelden.html",
            200 if done else 400,
            title=msg.WEB_WITHDRAW_TITLE,
            message=message,
            done=done,
        )

    @app.get("/toegankelijkheid", response_class=HTMLResponse)
    def accessibility():
        return page("toegankelijkheid.html", title=msg.WEB_A11Y_TITLE)

    @app.get("/health")
    def health():
        return Response("ok", media_type="text/plain")

    @app.exception_handler(404)
    async def not_found(request: Request, exc):
        return page("niet-gevonden.html", status_code=404, title=msg.WEB_NOT_FOUND)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc):
        return error_response(request.url.path, 422, msg.WEB_BAD_REQUEST)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc):
        return error_response(request.url.path, 500, msg.WEB_SERVER_ERROR)

    return app


def dump(document: dict) -> str:
    """Pretty JSON for templates."""
    return json.dumps(document, ensure_ascii=False, indent=2)
