"""API keys, per-key rate limits, the body size limit, security headers and the audit log.

API keys: ``settings.api_keys`` holds SHA-256 hex digests, never keys. A client sends the key as
``X-API-Key: <key>`` or ``Authorization: Bearer <key>``; the service hashes it and looks the
digest up. With **no keys configured** the API is open, but only to loopback clients
(127.0.0.0/8, ::1) — meant for a therapist running ``assistant serve`` on their own machine;
any other client gets 401. Configure keys before binding a non-loopback address.

The audit log (logger ``api.audit``) writes one line per request: key id (first 8 hex digits of
the key's digest, ``open`` or ``-``), method, route template, status and latency. Never a body,
a query string or a raw path.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import json
import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from fastapi import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, where
from api.limits import RateLimiter

audit_log = logging.getLogger("api.audit")



def hash_key(key: str) -> str:
    """The SHA-256 hex digest stored in ``ASSISTANT_API_KEYS``."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Principal:
    """Who is calling: a key id (digest prefix, safe to log) or ``open`` for keyless loopback use."""

    key_id: str
    digest: str = ""  # the key's full SHA-256 ("" when keyless): selects the practice (tenant)


def _is_loopback(host: str | None) -> bool:
    if not host:
        return True  # in-process transports (tests) have no peer address
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in {"localhost", "testclient"}  # starlette's TestClient peer name


SECURITY_SCHEMES = {
    "APIKeyHeader": {
        "type": "apiKey", "in": "header", "name": "X-API-Key", "description": "An API key issued to the caller.",
    },
    "HTTPBearer": {"type": "http", "scheme": "bearer", "description": "The same API key, as a bearer token."},
}


def _key_of(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    if key:
        return key
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() or None if scheme.lower() == "bearer" else None


async def authenticate(request: Request) -> Principal:
    """Resolve the caller and apply their rate limit (401 / 429 as problem+json).

    Headers are read directly rather than through FastAPI's security classes: this runs on every
    request and sub-dependencies cost more than the check of the key. `api.app` documents the two
    schemes (`SECURITY_SCHEMES`) in the OpenAPI document instead. Failed attempts are limited per
    client address (ASSISTANT_AUTH_FAILURES_PER_MINUTE), across workers when the store is shared."""
    state = request.app.state
    digests: frozenset[str] = state.key_digests
    key = _key_of(request)
    address = client_address(request)
    if digests:
        await refuse_failing_address(request, address)
        if not key:
            await auth_failed(request, address, "missing_api_key", "Send an API key in X-API-Key or as a Bearer token.")
        digest = hash_key(key or "")
        if digest not in digests:
            await auth_failed(request, address, "unknown_api_key", "The API key is not recognised.")
        principal = Principal(digest[:8], digest)
    else:
        if not _is_loopback(address):
            raise ApiError(401, "keys_not_configured",
                           "No API keys are configured, so only loopback clients are served; "
                           "configure ASSISTANT_API_KEYS.")
        principal = Principal("open")
    await take_request(request, principal.key_id)
    return principal


def client_address(request: Request) -> str | None:
    client = request.scope.get("client")
    return client[0] if client else None


async def _limits(request: Request, method: str, *args: Any) -> Any:
    """A limiter call: inline for the in-process store, in a worker thread for a database."""
    limiter: RateLimiter = request.app.state.limiter
    call = getattr(limiter, method)
    if limiter.local:
        return call(*args)
    return await request.app.state.offload.run_io("auth", call, *args)


async def take_request(request: Request, key_id: str) -> None:
    """The caller's request limit (429 past it). With a shared store, one request per worker renews
    the worker's lease while the others wait for it (no stampede on the database)."""
    request.scope.setdefault("state", {})["key_id"] = key_id
    limiter: RateLimiter = request.app.state.limiter
    key = f"key:{key_id}"
    if limiter.local:  # in this process: no I/O, so no task or shared renewal either
        _refuse_past_limit(limiter.take(key, request.app.state.key_limit))
        return
    if limiter.take_leased(key):
        return
    renewing: dict[str, asyncio.Future[Any]] = request.app.state.renewing
    pending = renewing.get(key)
    if pending is not None:
        with contextlib.suppress(Exception):
            await asyncio.shield(pending)
        if limiter.take_leased(key):
            return
        wait = await _limits(request, "take", key, request.app.state.key_limit)
    else:
        future = asyncio.ensure_future(_limits(request, "take", key, request.app.state.key_limit))
        renewing[key] = future
        future.add_done_callback(lambda _: renewing.pop(key, None))
        wait = await asyncio.shield(future)
    _refuse_past_limit(wait)


def _refuse_past_limit(wait: float) -> None:
    if wait:
        raise ApiError(429, "rate_limited", "Rate limit exceeded for this API key; retry after the indicated seconds.",
                       headers={"Retry-After": str(max(1, math.ceil(wait)))})


async def refuse_failing_address(request: Request, address: str | None) -> None:
    """429 for an address that has used up its failed attempts (checked before any verification).
    The shared store is asked only about addresses this worker saw fail lately: an attacker fails
    on every worker, so each one soon asks, and a client that never fails costs no round trip."""
    limiter: RateLimiter = request.app.state.limiter
    if not limiter.suspect(f"authfail:{address}"):
        return
    wait = await _limits(request, "peek", f"authfail:{address}", request.app.state.failure_limit)
    if wait:
        raise ApiError(429, "too_many_failures", "Too many failed authentications from this address; retry later.",
                       headers={"Retry-After": str(max(1, math.ceil(wait)))})


async def auth_failed(request: Request, address: str | None, code: str, detail: str) -> NoReturn:
    """Count a failed authentication against the address, then refuse it (401, or 429 past the limit)."""
    request.app.state.limiter.mark_suspect(f"authfail:{address}")
    wait = await _limits(request, "take", f"authfail:{address}", request.app.state.failure_limit)
    if wait:
        raise ApiError(429, "too_many_failures", "Too many failed authentications from this address; retry later.",
                       headers={"Retry-After": str(max(1, math.ceil(wait)))})
    raise ApiError(401, code, detail, headers={"WWW-Authenticate": "Bearer"})


def content_security_policy(frame_ancestors: list[str], *, smart: bool) -> str:
    """CSP for the sidebar: everything from 'self'. SMART needs to reach the EHR's FHIR server, known only
    at launch: any https origin, plus plain http on loopback for local sandboxes."""
    connect = "'self' https: http://localhost:* http://127.0.0.1:*" if smart else "'self'"
    ancestors = " ".join(frame_ancestors) or "'none'"
    return (
        f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src {connect}; "
        f"frame-ancestors {ancestors}; base-uri 'none'; form-action 'self'; object-src 'none'"
    )


class EdgeMiddleware:
    """Pure ASGI (cheap): body size limit → 413, security headers, one audit line per request."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, csp: str, templates: Callable[[], list[str]]) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self._templates = templates
        self._compiled: list[tuple[re.Pattern[str], str]] | None = None
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"cache-control", b"no-store"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]
        extra = self.headers

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        try:
            limited = await self._limit_body(scope, receive)
            if limited is None:
                status[0] = 413
                await self._too_large(send_wrapped)
            else:
                await self.app(scope, limited, send_wrapped)
        except Exception as exc:
            # Stop it here: past this point the server would log the traceback, whose message may
            # quote request content. The type name is enough to find the bug.
            audit_log.error("unhandled %s", where(exc))
            if not status[0]:
                status[0] = 500
                await self._send_problem(send_wrapped, 500, "internal_error", "Internal error",
                                         "An unexpected error occurred; it has been logged without request content.")
        finally:
            template = self._template(scope["path"])
            key_id = (scope.get("state") or {}).get("key_id", "-")
            audit_log.info("key=%s method=%s route=%s status=%d ms=%.1f", key_id, scope["method"], template,
                           status[0] or 500, (time.perf_counter() - started) * 1000)

    def _template(self, path: str) -> str:
        """The route template of a path (the audit log never records raw paths)."""
        if self._compiled is None:
            self._compiled = [(compile_path(t)[0], t) for t in self._templates()]
        for regex, template in self._compiled:
            if regex.match(path):
                return template
        return "<unmatched>"

    async def _limit_body(self, scope: Scope, receive: Receive) -> Receive | None:
        """None when the body is over the limit. Declared lengths are checked up front; chunked
        bodies are read (up to the limit) and replayed."""
        limit = self.max_body_bytes
        length = None
        chunked = False
        for name, value in scope["headers"]:
            if name == b"content-length":
                length = value
            elif name == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if length is not None:
            try:
                return None if int(length) > limit else receive
            except ValueError:
                return receive
        if not chunked:
            return receive
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                return None
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        return replay

    async def _too_large(self, send: Send) -> None:
        detail = (f"The request body is larger than the limit of {self.max_body_bytes} bytes; "
                  "send a shorter note or raise ASSISTANT_MAX_BODY_BYTES.")
        await self._send_problem(send, 413, "body_too_large", "Request too large", detail)

    @staticmethod
    async def _send_problem(send: Send, status: int, code: str, title: str, detail: str) -> None:
        body = json.dumps({"type": f"urn:cts-assistant:problem:{code}", "title": title, "status": status,
                           "detail": detail, "code": code}).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/problem+json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
