"""POST /v1/check: the skilled-service check of one note (spec/checks.md's report).

The route is FastAPI's (its OpenAPI entry, its validation errors); `CheckFastPath` answers the
common request, a valid JSON body, without FastAPI's per-request routing and dependency solving
(~0.3 ms of the ~0.5 ms the web worker spends on a check): the same authentication, body model,
worker call and response. Anything else (a body that does not validate, another content type,
FastAPI's telemetry on, dependency overrides) goes to the route unchanged.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Request, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import OffloadDep, get_offload
from api.errors import responses
from api.schemas import CheckRequest
from api.security import authenticate
from assistant.models import Report
from assistant.service import refuse_oversized_note

router = APIRouter(tags=["check"])
PATH = "/v1/check"


@router.post(
    "/check",
    response_model=Report,
    responses=responses(),
    summary="Check a caregiver-training note",
    description="Every element of the check contract met / missing / problem / not_applicable / unclear, "
    "with evidence spans into the submitted text, the time summary, supported units and expected payment.",
)
async def check(body: CheckRequest, request: Request, offload: OffloadDep) -> Response:
    # Parsing the document, the check and the serialisation all run in a worker process; the
    # report comes back as JSON bytes, serialised once (pydantic-core) and never re-validated.
    payload = {"text": body.text, "document": body.document, "dos": body.dos, "billed": body.billed,
               "profile": body.profile}
    if body.text is not None:  # before any queueing: an over-limit note is 413 at once, never 503 after a wait
        refuse_oversized_note(body.text, max_bytes=offload.settings.max_note_bytes)
    size = len(body.text) if body.text is not None else int(request.headers.get("content-length") or 0)
    report_json: bytes = await offload.run_cpu("check", payload, size=size)
    return Response(report_json, media_type="application/json")


class CheckFastPath:
    """Pure ASGI, inside the edge middleware: POST /v1/check with a JSON body that validates runs
    authenticate → get_offload → `check` directly; their errors get the app's own handlers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _eligible(scope):
            await self.app(scope, receive, send)
            return
        messages, body = await _read_body(receive)
        body_model = _validated(body) if body is not None else None
        if body_model is None:  # FastAPI reports what is wrong, as ever
            await self.app(scope, _replay(messages, receive), send)
            return
        request = Request(scope, receive)
        try:
            await authenticate(request)
            response = await check(body_model, request, await get_offload(request))
        except Exception as exc:
            handler = _handler(scope["app"], exc)
            if handler is None:
                raise
            response = await handler(request, exc)
        await response(scope, receive, send)


def _eligible(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != PATH or scope.get("root_path"):
        return False
    if scope.get("fastapi.telemetry") is not None or "starlette.max_body_size" in scope:
        return False  # FastAPI's own request telemetry or body limit: its path
    if getattr(scope.get("app"), "dependency_overrides", None):
        return False  # a test or an embedding replaced a dependency: FastAPI resolves it
    content_types = [value for name, value in scope["headers"] if name == b"content-type"]
    return content_types == [b"application/json"]


async def _read_body(receive: Receive) -> tuple[list[Message], bytes | None]:
    """The request's messages and its body (None when the client went away first)."""
    messages: list[Message] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, None
        if not message.get("more_body", False):
            return messages, b"".join(m.get("body", b"") for m in messages)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


def _validated(body: bytes) -> CheckRequest | None:
    """The body as the route would get it (JSON, then the model in Python mode), or None. orjson reads
    a 2 KB body in a quarter of `json.loads`'s time and is the stricter of the two: what it refuses
    and `json.loads` reads (a lone surrogate, NaN, UTF-16, an integer past 64 bits) goes to the route."""
    try:
        data = orjson.loads(body)
        return CheckRequest.model_validate(data) if isinstance(data, dict) else None
    except Exception:  # not JSON, too deep, not valid: the route says which
        return None


def _handler(app: Any, exc: Exception) -> Any:
    """The app's handler for `exc` below the catch-all (which the edge middleware stands in for)."""
    handlers = app.exception_handlers
    for cls in type(exc).__mro__:
        if cls is Exception:
            return None
        if cls in handlers:
            return handlers[cls]
    return None
