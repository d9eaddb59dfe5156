"""create_app: the FastAPI application over one store, HTML pages and /api/ JSON."""

from __future__ import annotations

import os
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitreport.errors import SitreportError
from sitreport.kb import load_kb
from sitreport.options import Options
from sitreport.serve import api, pages, views
from sitreport.serve.downloads import MAX_CONCURRENT_DOWNLOADS, DownloadSlots
from sitreport.serve.filters import FilterError
from sitreport.serve.ingest import ingest_router
from sitreport.store import Store

SERVE_DIR = Path(__file__).resolve().parent
REPO_NODE_MODULES = SERVE_DIR.parents[2] / "node_modules"
# Browser libraries installed by `npm ci` (package.json): only their dist folders are served.
VENDOR_DIRS: dict[str, str] = {"leaflet": "leaflet/dist", "markercluster": "leaflet.markercluster/dist"}

# Scripts, styles, images and fetches only from this server: no inline script, no eval,
# nothing from elsewhere, so injected markup in an article could not run even if it escaped.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Host names the server answers to unless told more (--allowed-host): a page elsewhere that
# points its own name at 127.0.0.1 (DNS rebinding) sends its name, not these, and is refused.
LOOPBACK_HOSTS: frozenset[str] = frozenset({"127.0.0.1", "localhost", "::1"})
# Longer filter values are never meant (place names, ids, a few words) and SQLite refuses LIKE
# patterns over 50,000 bytes: refuse them up front with the parameter's name.
MAX_PARAMETER_CHARS = 1000
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def node_modules_dir() -> Path:
    """SITREPORT_NODE_MODULES if set, else the checkout's node_modules."""
    return Path(os.environ.get("SITREPORT_NODE_MODULES", REPO_NODE_MODULES))


def mount_vendor(app: FastAPI) -> None:
    """Serve each installed browser library; record which are there so pages can say so."""
    app.state.vendor = set()
    for name, relative in VENDOR_DIRS.items():
        folder = node_modules_dir() / relative
        if folder.is_dir():
            app.mount(f"/vendor/{name}", StaticFiles(directory=folder), name=f"vendor-{name}")
            app.state.vendor.add(name)


def host_name(host_header: str) -> str:
    """The name in a Host header, without port: ``[::1]:8000`` → ``::1``, ``Example:80`` → ``example``."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.partition(":")[0]


Handler = Callable[[Request], Awaitable[Response]]
Middleware = Callable[[Request, Handler], Awaitable[Response]]


def guard(allowed_hosts: frozenset[str]) -> Middleware:
    """Middleware: refuse a Host not in ``allowed_hosts``; security headers on every response."""

    async def guarded(request: Request, call_next: Handler) -> Response:
        host = host_name(request.headers.get("host", ""))
        if host not in allowed_hosts:
            message = f"host {host or '(none)'!r} is not served here; start the server with --allowed-host"
            response: Response = JSONResponse({"detail": message}, status_code=400)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return guarded


def check_parameters(request: Request) -> None:
    """Every route's dependency: a query or path value with a control character (NUL breaks
    PostgreSQL) or over MAX_PARAMETER_CHARS is a 400 naming it, whatever the route."""
    given = [*request.query_params.multi_items(), *request.path_params.items()]
    for name, value in given:
        text = str(value)
        if any(ord(character) < 32 for character in name + text):
            raise FilterError(f"{name[:50]!r} holds a control character")
        if len(text) > MAX_PARAMETER_CHARS or len(name) > MAX_PARAMETER_CHARS:
            raise FilterError(f"{name[:50]!r} is over {MAX_PARAMETER_CHARS} characters")


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, detail: object) -> Response:
    """The error as JSON under /api/, else a page; security headers set here too, because a 500
    is answered outside the middleware that sets them on everything else."""
    if wants_json(request):
        response: Response = JSONResponse({"detail": detail}, status_code=status)
    else:
        response = pages.error_page(request, status, str(detail))
    response.headers.update(SECURITY_HEADERS)
    return response


def install_error_handlers(app: FastAPI) -> None:
    async def filter_error(request: Request, error: Exception) -> Response:
        return error_response(request, 400, str(error))

    async def not_found(request: Request, error: Exception) -> Response:
        return error_response(request, 404, str(error))

    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response = error_response(request, error.status_code, error.detail)
        response.headers.update(error.headers or {})
        return response

    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        # A query or path value of the wrong type or range: a bad request, named (query.limit: ...).
        problems = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors()]
        return error_response(request, 400, problems if wants_json(request) else "; ".join(problems))

    async def internal_error(request: Request, error: Exception) -> Response:
        return error_response(request, 500, "internal error; the server log has the details")

    app.add_exception_handler(FilterError, filter_error)
    app.add_exception_handler(views.NotFoundError, not_found)
    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, internal_error)


def create_app(
    db_url: str, allow_ingest: bool = False, token: str | None = None, allowed_hosts: Iterable[str] = ()
) -> FastAPI:
    """The web UI and HTTP API over the store at ``db_url``; read-only unless allow_ingest.

    ``allow_ingest`` mounts POST /api/ingest, which needs ``token`` as a bearer token; only
    then may the store be new. Requests are answered for loopback names and ``allowed_hosts``.
    """
    if allow_ingest and not token:
        raise SitreportError("allow_ingest needs a token, so that only its holder can write")
    store = Store(db_url, create=allow_ingest)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # The place filter reads the gazetteer (2-3 s to load): load it while the server
        # waits for its first requests, not during the first one with a place.
        threading.Thread(target=load_kb, args=(app.state.options.kb_dirs,), daemon=True).start()
        yield
        store.close()

    app = FastAPI(
        title="sitreport",
        summary="A sourced event ledger read from conflict news",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI loads scripts from a CDN: nothing may be fetched from outside
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(check_parameters)],
    )
    app.state.store = store
    app.state.options = Options(db_url=db_url)
    app.state.framing_cache = views.FramingCache()
    app.state.downloads = DownloadSlots(MAX_CONCURRENT_DOWNLOADS)
    hosts = LOOPBACK_HOSTS | {host_name(host) for host in allowed_hosts}
    app.middleware("http")(guard(hosts))
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=SERVE_DIR / "static"), name="static")
    mount_vendor(app)
    app.include_router(api.router)
    if allow_ingest and token:
        app.include_router(ingest_router(token))
    app.include_router(pages.router)
    return app
