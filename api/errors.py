"""problem+json (RFC 9457) for every error the service returns.

`assistant.errors.*` carry their own ``http_status`` and ``code``; this module only translates.
Nothing here ever echoes request content: validation errors keep the location and the kind of
error, never the offending value (a note, a name, a date of birth could be in it).
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import AssistantError, withheld
from assistant.parsing import shown_name

PROBLEM = "application/problem+json"
log = logging.getLogger("api.errors")

_TITLES = {
    400: "Malformed request",
    401: "Not authenticated",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    412: "Precondition failed",
    413: "Request too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    500: "Internal error",
    502: "Upstream model failed",
    503: "Not ready",
    504: "Timed out",
}


class ProblemField(BaseModel):
    """Where a request failed validation. Carries no input value."""

    model_config = ConfigDict(extra="forbid")
    loc: list[str | int]
    msg: str
    type: str


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(extra="forbid")
    type: str = Field(default="about:blank", description="A URI naming the problem kind.")
    title: str
    status: int
    detail: str = ""
    code: str = Field(description="Stable machine-readable error code (e.g. `empty_note`, `rate_limited`).")
    errors: list[ProblemField] | None = None


class ApiError(Exception):
    """Raised by the edge layer (auth, FHIR parsing, CDS Hooks) for a problem response."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail, self.headers, self.errors = status, code, detail, headers, errors

    def __reduce__(self) -> tuple[object, ...]:  # raised in worker processes, re-raised in the app
        return _rebuild_api_error, (self.status, self.code, self.detail, self.headers, self.errors)


def _rebuild_api_error(status: int, code: str, detail: str, headers: dict[str, str] | None,
                       errors: list[dict[str, Any]] | None) -> ApiError:
    return ApiError(status, code, detail, headers=headers, errors=errors)


def problem_response(
    status: int,
    code: str,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": f"urn:cts-assistant:problem:{code}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)




def safe_errors(errors: Any) -> list[dict[str, Any]]:
    """Validation errors that name the field and the problem only: never the `input` or `ctx` values, and a
    key the client made up (an unknown key, a key of a free-form object) only when it looks like a field name
    (assistant.parsing.looks_like_field_name): any other key can be a patient's name, and shows as "*"."""
    out: list[dict[str, Any]] = []
    for err in list(errors)[:20]:
        kind = str(err.get("type", "invalid"))
        raw_loc = list(err.get("loc", ()))
        loc: list[str | int] = []
        for part in raw_loc:
            # an unknown key is named when it looks like a field name ("textt"), never when it could be
            # something else a caller typed ("Walter Smith DOB 1/2/40"): that one is "*"
            loc.append(part if isinstance(part, int) else shown_name(part, "*"))
        msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
        if kind in ("too_long", "too_short") and isinstance(err.get("input"), str):
            msg = _text_length(kind, err.get("ctx") or {}) or msg
        if kind == "extra_forbidden" and raw_loc:
            msg = f"unknown field {shown_name(raw_loc[-1], '(name withheld)')}: {msg}"
        # The parser's messages quote the input; so may a pydantic message that names it. Our own
        # validators' messages (value errors) name fields only, and quote any value (withheld below).
        if kind in {"json_invalid", "assertion_error"} or ("input" in msg.lower() and "'" in msg):
            msg = _allowed(err) or _NEUTRAL.get(kind, "invalid value")
        out.append({"loc": loc, "msg": withheld(msg)[:200], "type": kind})
    return _without_other_branches(out)


def _without_other_branches(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An optional or either-shape field (`billed`: lines or a string, or left out) fails once per shape it could
    have had; the shape the value was not ("should be None", "should be a valid string") only hides the one it was.
    Those are dropped whenever the same field has another error."""
    def field(e: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(e["loc"][:2])

    def shape_only(e: dict[str, Any]) -> bool:
        return e["type"] == "none_required" or e["type"].endswith("_type")

    real = {field(e) for e in errors if not shape_only(e)}
    return [e for e in errors if not (shape_only(e) and field(e) in real)]


def _text_length(kind: str, ctx: dict[str, Any]) -> str | None:
    """A text field's length limit in characters (pydantic words a limit on an optional text field as "items")."""
    if kind == "too_long" and isinstance(ctx.get("max_length"), int):
        return f"text should have at most {ctx['max_length']} characters, not {ctx.get('actual_length', 'more')}"
    if kind == "too_short" and isinstance(ctx.get("min_length"), int):
        n = ctx["min_length"]
        return f"text should have at least {n} character{'s' if n != 1 else ''}"
    return None


def _allowed(err: Any) -> str | None:
    """For a value outside a fixed set, the set: the schema's own words (never the value sent)."""
    expected = (err.get("ctx") or {}).get("expected") if err.get("type") in {"literal_error", "enum"} else None
    return f"must be one of: {str(expected).replace(chr(39), '')}" if expected else None


_NEUTRAL = {
    "json_invalid": "body is not valid JSON",
    "value_error": "invalid value",
    "assertion_error": "invalid value",
}


async def _assistant_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AssistantError)
    status = exc.http_status if 400 <= exc.http_status < 600 else 500
    if status >= 500:
        log.warning("assistant error %s (HTTP %d)", exc.code, status)
    # AssistantError messages never contain note text, but input errors quote the offending value
    # (a denial "code", a date, a billed item): that part is withheld; the hint is our own text.
    detail = withheld(exc.message) + (f" ({exc.hint})" if exc.hint else "")
    return problem_response(status, exc.code, detail)


async def _api_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return problem_response(exc.status, exc.code, withheld(exc.detail), headers=exc.headers, errors=exc.errors)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = safe_errors(exc.errors())
    if _not_json(request) and any(e["loc"][:1] == ["body"] for e in errors):
        # Without a JSON content type the body is not parsed, and the schema error would mislead.
        return problem_response(415, "unsupported_media_type", "Send the request body as JSON, with the header "
                                "Content-Type: application/json.")
    if any(e["type"] == "json_invalid" for e in errors):
        return problem_response(400, "malformed_json", "The request body is not valid JSON.", errors=errors)
    # one field's errors carry that field's own code, as the library's errors for it do (docs/api.md)
    if errors and all(e["loc"][1:2] == ["dos"] for e in errors):
        return problem_response(422, "invalid_date", "`dos` is not a date: send an ISO date, e.g. 2025-03-04.",
                                errors=errors)
    if errors and all(e["loc"][1:2] == ["billed"] for e in errors):
        return problem_response(422, "bad_billed_line", "A billed line is not valid; see `errors` (units are a "
                                "whole number from 1 to 99).", errors=errors)
    return problem_response(
        422, "invalid_request", "The request does not match the schema; see `errors`.", errors=errors
    )


def _not_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return not (kind == "application/json" or kind.endswith("+json"))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = {404: "not_found", 405: "method_not_allowed", 400: "malformed_request"}.get(status, "http_error")
    detail = exc.detail if isinstance(exc.detail, str) and status != 400 else _TITLES.get(status, "Error")
    if status == 400:
        detail = _unparsed_body(exc.__cause__) or detail
    headers = getattr(exc, "headers", None)
    if status == 405:  # Starlette lists the methods of one route; a path may have several (GET + PATCH)
        headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return problem_response(status, code, detail, headers=headers)


def _unparsed_body(cause: BaseException | None) -> str | None:
    """What made a JSON body unreadable, in words (FastAPI answers 400 with the parser's error as the cause): where
    the bytes stop being UTF-8, a nesting too deep, a number too long. Never the body's content."""
    if isinstance(cause, UnicodeDecodeError):
        return (f"The request body is not valid UTF-8 text (byte {cause.start + 1}); send JSON encoded as UTF-8, "
                "with any other character escaped as \\uXXXX.")
    if isinstance(cause, RecursionError):
        return "The request body nests JSON arrays or objects too deeply to be read; no request field nests deeply."
    if isinstance(cause, ValueError) and "digits" in str(cause):
        return "A number in the request body has too many digits to be read."
    return None


def _allowed_methods(request: Request) -> list[str]:
    from starlette.routing import Match

    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


#: Set on an unexpected exception where it was raised (a worker process): pickling drops the traceback.
WHERE = "_cts_where"
_ROOT = Path(__file__).resolve().parent.parent


def where(exc: BaseException) -> str:
    """An unexpected exception as the log may show it: its type and where it was raised (file, line,
    function), never its message (a third-party message may quote the request)."""
    stamped = getattr(exc, WHERE, None)
    if isinstance(stamped, str):
        return stamped
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    path = Path(last.filename)
    shown = path.relative_to(_ROOT) if path.is_relative_to(_ROOT) else Path(*path.parts[-2:])
    return f"{type(exc).__name__} at {shown}:{last.lineno} in {last.name}"


def stamp(exc: BaseException) -> None:
    """Record `where(exc)` on the exception itself, so it survives the trip from a worker process."""
    with contextlib.suppress(AttributeError):  # an exception class with __slots__: its type is still logged
        setattr(exc, WHERE, where(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    # Log the type and place only: exception messages from third-party code may quote input.
    log.error("unhandled %s", where(exc))
    return problem_response(
        500, "internal_error", "An unexpected error occurred; it has been logged without request content."
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(AssistantError, _assistant_error)
    app.add_exception_handler(ApiError, _api_problem)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)


def _problem(description: str) -> dict[str, Any]:
    # `app.openapi` moves the schema from application/json to application/problem+json.
    return {"description": description, "model": Problem}


# Statuses every authenticated JSON route can return, documented once.
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _problem("Malformed request (for example, a body that is not JSON)."),
    401: _problem("Missing or unknown API key."),
    413: _problem("Request body or note over the configured size limit."),
    415: _problem("A request body sent without Content-Type: application/json."),
    422: _problem("Input that does not validate; `errors` says where (never echoing the value)."),
    429: _problem("Per-key rate limit exceeded; see `Retry-After`."),
    500: _problem("Unexpected error; logged without request content."),
    503: _problem("Still starting or every worker busy (see `Retry-After`), or the retrieval index is unavailable."),
    504: _problem("The request ran past its time budget (ASSISTANT_REQUEST_TIMEOUT) and was stopped."),
}


def responses(*extra: int, **described: str) -> dict[int | str, dict[str, Any]]:
    """COMMON_RESPONSES plus the given statuses (`responses(404, 503)`)."""
    out = dict(COMMON_RESPONSES)
    for status in extra:
        out[status] = _problem(_TITLES.get(status, "Error"))
    for key, text in described.items():
        out[int(key.lstrip("s"))] = _problem(text)
    return out
