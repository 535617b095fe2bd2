"""The HTTP service: `create_app(settings)` builds one `Assistant` in the lifespan and wires the routes.

    uvicorn --factory api.app:create_app        # or: assistant serve

Routes: /v1 (check, search, answer, rewrite, appeals, codes, era, worklist), /cds-services, /sidebar,
/worklist, /healthz, /readyz.
Every error is problem+json and every status a route can return is in the OpenAPI document.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.middleware.cors import CORSMiddleware

from api import errors
from api.cds_auth import Jwks, authenticate_cds, fetch_jwks
from api.limits import MemoryStore, RateLimiter, per_minute
from api.offload import Offload
from api.routes import (
    answer,
    cds_hooks,
    check,
    codes,
    docs,
    drafting,
    health,
    search,
    sidebar,
    worklist,
    worklist_page,
)
from api.security import SECURITY_SCHEMES, EdgeMiddleware, authenticate, content_security_policy
from api.tasks import warm
from assistant.service import Assistant, limit_store
from assistant.settings import Settings

log = logging.getLogger("api")


def _warm_check(assistant: Assistant, components: dict[str, str], app: FastAPI) -> None:
    """Load the knowledge and run one synthetic check, so the first real check (in a worker thread, or
    the codes and CDS Hooks routes here) pays no loading cost. Worker processes warm themselves."""
    try:
        app.state.knowledge_version = assistant.knowledge.version
        warm(assistant)
        components["knowledge"] = "ok"
    except Exception as exc:
        components["knowledge"] = f"failed: {type(exc).__name__}"
        log.warning("knowledge unavailable: %s", type(exc).__name__)
    try:  # the first FHIR request should not pay the import
        import fhir.resources.R4B.claimresponse
        import fhir.resources.R4B.documentreference  # noqa: F401
    except ImportError:
        components["fhir"] = "failed: ImportError"


def _warm_rest(assistant: Assistant, components: dict[str, str]) -> None:
    """Open (or build) the retrieval index and the language-model backend, in the background:
    the check is served meanwhile; a search during warm-up waits for the index."""

    def index() -> None:
        warm = getattr(assistant.retriever, "warm", None)
        if callable(warm):
            warm()

    def backend() -> None:
        _ = assistant.backend
        warm = getattr(assistant, "warm_drafting", None)
        if callable(warm):
            warm()

    for name, build in (("index", index), ("backend", backend)):
        components[name] = "warming"
        try:
            build()
            components[name] = "ok"
        except Exception as exc:
            components[name] = f"failed: {type(exc).__name__}"
            log.warning("%s unavailable: %s", name, type(exc).__name__)
    # What was just built lives as long as the process: a full collection walking it (models, index,
    # knowledge) would stall the event loop for a second; freeze it out of the collector's reach.
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None, *, assistant: Assistant | None = None,
               worker_factory: str | None = None) -> FastAPI:
    """The FastAPI app. Pass `assistant` to inject a configured (or fake) one; otherwise it is built
    from `settings` in the lifespan. CPU-bound work runs in worker processes built by
    `worker_factory` ("module:callable" taking settings; the real `Assistant` by default), or in
    threads sharing an injected `assistant` when no factory is given (see api.offload)."""
    settings = settings or (assistant.settings if assistant is not None else Settings())
    app = FastAPI(
        title="CTS documentation and appeal assistant",
        version="1",
        summary="Checks caregiver-training notes (97550/97551/97552, G0541/G0542/G0543), searches the rules, "
        "drafts rewrites and appeals.",
        lifespan=_lifespan(settings, assistant, worker_factory),
        docs_url=None,  # Swagger UI loads from a CDN, which the CSP forbids: api/routes/docs.py serves /docs
        redoc_url=None,
    )
    _init_state(app, settings, assistant)
    errors.install(app)
    _include_routers(app)
    _add_middleware(app, settings)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _lifespan(settings: Settings, assistant: Assistant | None,
              worker_factory: str | None) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.assistant = assistant or Assistant(settings)
        # Drafting threads hold the GIL in bursts (de-identification, the check); hand it back to the
        # event loop after 1 ms instead of 5, so /healthz and the routes never queue long behind them.
        sys.setswitchinterval(0.001)
        # An injected assistant is shared by worker threads, unless a factory builds worker processes.
        offload = Offload(settings, assistant=app.state.assistant,
                          processes=assistant is None or worker_factory is not None, factory=worker_factory)
        await offload.start()
        app.state.offload = offload
        components = app.state.components
        components.update(knowledge="warming", index="pending", backend="pending")
        await run_in_threadpool(_warm_check, app.state.assistant, components, app)
        threading.Thread(target=_warm_rest, args=(app.state.assistant, components), name="warm", daemon=True).start()
        if not settings.api_keys:
            log.warning("no API keys configured: serving loopback clients only")
        try:
            yield
        finally:
            await offload.close()

    return lifespan


def _init_state(app: FastAPI, settings: Settings, assistant: Assistant | None) -> None:
    app.state.settings = settings
    app.state.components = {}
    app.state.knowledge_version = ""
    app.state.key_digests = frozenset(k.strip().lower() for k in settings.api_keys if k.strip())
    app.state.limiter = _limiter(settings)
    app.state.key_limit = per_minute(settings.rate_limit_per_minute)
    app.state.failure_limit = per_minute(settings.auth_failures_per_minute)
    # the assistant is in app.state by the time a request asks for keys (set here or in the lifespan)
    app.state.jwks = Jwks(lambda url: fetch_jwks(url, app.state.assistant.fetch_url))
    app.state.renewing = {}  # rate-limit lease renewals in flight, by key
    if assistant is not None:
        app.state.assistant = assistant


_API = (check, search, answer, drafting, codes, worklist)
_PAGES = (health, sidebar, docs, worklist_page)  # no authentication of their own (CDS Hooks has its own)


def _include_routers(app: FastAPI) -> None:
    for module in _API:  # one level of inclusion: cheaper routing
        app.include_router(module.router, prefix="/v1", dependencies=[Depends(authenticate)])
    app.include_router(cds_hooks.router, dependencies=[Depends(authenticate_cds)])
    for module in _PAGES:
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=sidebar.STATIC), name="static")


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    app.add_middleware(check.CheckFastPath)  # innermost: CORS and the edge wrap it as they wrap the routes
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"], max_age=600)
    csp = content_security_policy(settings.frame_ancestors, smart=bool(settings.smart_client_id))
    app.add_middleware(EdgeMiddleware, max_body_bytes=settings.max_body_bytes, csp=csp,
                       templates=_templates)


def _templates() -> list[str]:
    """Every route's path template, for the audit log. Read off the routers, not the OpenAPI document:
    building that costs 0.2-0.4 s, which the first request of every worker would pay."""
    api = [f"/v1{route.path}".replace(":int}", "}") for module in _API for route in module.router.routes]
    pages = [route.path for module in (cds_hooks, *_PAGES) for route in module.router.routes]
    return [*api, *pages, "/static/{path:path}", "/openapi.json"]


def _limiter(settings: Settings) -> RateLimiter:
    """Limits in memory, or shared by every worker through the database (see api.limits)."""
    store = limit_store(settings)
    return RateLimiter(store, lease=not isinstance(store, MemoryStore))


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with problem responses under application/problem+json."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
    ref = "#/components/schemas/Problem"
    schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    for name, path in schema.get("paths", {}).items():
        for op in path.values():
            if name.startswith(("/v1/", "/cds-services")):
                op["security"] = [{scheme: []} for scheme in SECURITY_SCHEMES]
            for response in op.get("responses", {}).values():
                content = response.get("content", {})
                json_body = content.get("application/json", {})
                if json_body.get("schema", {}).get("$ref") == ref:
                    response["content"] = {errors.PROBLEM: json_body}
    app.openapi_schema = schema
    return schema
