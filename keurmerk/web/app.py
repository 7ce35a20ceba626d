"""FastAPI app: the Dutch verification page, the JSON API, status lists and issuer document.

Stateless apart from the database (and a per-instance rate limiter), so it scales out
behind any load balancer. Every page is escaped by Jinja2, every response carries
security headers, and assets are self-hosted (no third-party requests).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, File, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from keurmerk import messages as msg
from keurmerk.documents import KEURMERK_V1, context_document
from keurmerk.pdf import extract_credential
from keurmerk.public_register import SearchRefused, search
from keurmerk.registry import Registry
from keurmerk.verify import TrustedIssuer, verify_credential
from keurmerk.web.lookup import UNKNOWN, dutch_date, look_up
from keurmerk.web.ratelimit import RateLimiter

HERE = Path(__file__).resolve().parent
MAX_UPLOAD = 2 * 1024 * 1024
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
    issuer_document: dict
    issuer_name: str
    lookups_per_minute: int = 30
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    @property
    def trusted(self) -> dict[str, TrustedIssuer]:
        issuer = TrustedIssuer.from_controller(self.issuer_document, name=self.issuer_name)
        return {issuer.id: issuer}


def create_app(settings: WebSettings) -> FastAPI:
    """The verification service."""
    app = FastAPI(title="Keurmerk Sleutelpersoon", docs_url=None, redoc_url=None)
    templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"], default=True),
    )
    templates.filters["datum"] = dutch_date
    limiter = RateLimiter(settings.lookups_per_minute)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def page(name: str, status_code: int = 200, **context) -> HTMLResponse:
        html = templates.get_template(name).render(msg=msg, **context)
        return HTMLResponse(html, status_code=status_code)

    def client(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def status_lookup(url: str) -> dict | None:
        purpose = url.rstrip("/").rsplit("/", 1)[-1]
        if purpose not in ("revocation", "suspension"):
            return None
        return settings.registry.stored_status_list(purpose)

    @app.get("/", response_class=HTMLResponse)
    def home():
        return page("index.html", title=msg.WEB_TITLE)

    @app.get("/controleer", response_class=HTMLResponse)
    def check_form(request: Request, nummer: str = ""):
        if not nummer.strip():
            return RedirectResponse("/", status_code=303)
        return check_number(request, nummer)

    @app.get("/controleer/{nummer}", response_class=HTMLResponse)
    def check_number(request: Request, nummer: str):
        if not limiter.allow(client(request)):
            return page("te-vaak.html", status_code=429, title=msg.WEB_TOO_MANY)
        record = look_up(settings.registry, nummer[:64], settings.now())
        return page("resultaat.html", title=msg.WEB_RESULT_TITLE, record=record, unknown=UNKNOWN)

    @app.post("/controleer-bestand", response_class=HTMLResponse)
    async def check_file(request: Request, bestand: Annotated[UploadFile, File()]):
        if not limiter.allow(client(request)):
            return page("te-vaak.html", status_code=429, title=msg.WEB_TOO_MANY)
        data = await bestand.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            result = None
            problem = msg.WEB_FILE_TOO_BIG
        else:
            if data.startswith(b"%PDF"):
                data = extract_credential(data) or b""
            result = verify_credential(data, settings.trusted, settings.now(), status_lookup)
            problem = None
        return page("bestand.html", title=msg.WEB_FILE_TITLE, result=result, problem=problem)

    @app.get("/api/v1/keurmerken/{nummer}")
    def api_number(request: Request, nummer: str):
        if not limiter.allow(client(request)):
            return JSONResponse({"fout": msg.WEB_TOO_MANY}, status_code=429)
        record = look_up(settings.registry, nummer[:64], settings.now())
        return JSONResponse(record.as_dict(), status_code=404 if record.status == UNKNOWN else 200)

    @app.post("/api/v1/controleer")
    async def api_verify(request: Request):
        if not limiter.allow(client(request)):
            return JSONResponse({"fout": msg.WEB_TOO_MANY}, status_code=429)
        body = await request.body()
        if len(body) > MAX_UPLOAD:
            return JSONResponse({"fout": msg.WEB_FILE_TOO_BIG}, status_code=413)
        result = verify_credential(body, settings.trusted, settings.now(), status_lookup)
        return JSONResponse(result.as_dict())

    @app.get("/status/{purpose}")
    def status_list(purpose: str):
        document = status_lookup(purpose)
        if document is None:
            return JSONResponse({"fout": msg.WEB_NOT_FOUND}, status_code=404)
        return JSONResponse(document, media_type="application/vc+ld+json")

    @app.get("/issuer")
    def issuer():
        return JSONResponse(settings.issuer_document, media_type="application/did+ld+json")

    @app.get("/contexts/keurmerk-v1.jsonld")
    def project_context():
        return JSONResponse(context_document(KEURMERK_V1), media_type="application/ld+json")

    @app.get("/register", response_class=HTMLResponse)
    def register(request: Request, naam: str = "", gemeente: str = ""):
        naam, gemeente = naam[:100], gemeente[:100]
        results, message = [], ""
        if naam or gemeente:
            if not limiter.allow(client(request)):
                return page("te-vaak.html", status_code=429, title=msg.WEB_TOO_MANY)
            try:
                results = search(settings.registry, naam, gemeente, settings.now())
                message = "" if results else msg.WEB_REGISTER_NONE
            except SearchRefused:
                message = msg.WEB_REGISTER_REFUSED
        return page(
            "register.html",
            title=msg.WEB_REGISTER_TITLE,
            naam=naam,
            gemeente=gemeente,
            results=results,
            message=message,
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

    return app


def dump(document: dict) -> str:
    """Pretty JSON for templates."""
    return json.dumps(document, ensure_ascii=False, indent=2)
