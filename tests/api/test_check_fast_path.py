"""POST /v1/check answers the same through the fast path (a JSON body that validates) as through
FastAPI's route (any other content type), errors included."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.errors import ApiError
from api.routes import check as check_route
from api.security import authenticate
from tests.api.conftest import KEY, NOTE, document_reference

JSON, ROUTE = "application/json", "application/json; charset=utf-8"  # the second skips the fast path

BODIES: list[Any] = [
    {"text": NOTE},
    {"text": NOTE, "dos": "2025-03-04", "billed": "97550x1:GP", "profile": "strict"},
    {"text": NOTE, "billed": [{"code": "97550", "units": 1, "modifiers": ["GP"]}]},
    {"document": document_reference()},
    {"text": NOTE, "dos": "2099-01-01"},  # the check refuses it (an input error)
    {"text": ""},
    {"text": NOTE, "dos": None},
    {"text": NOTE, "extra": 1},
    [NOTE],
    "not json",
    # read by json.loads, refused by orjson: the route answers them
    '{"text": "' + NOTE + ' \\ud800"}',
    '{"text": "' + NOTE + '", "billed": NaN}',
    '{"text": "' + NOTE + '", "dos": 18446744073709551616}',
    '{"text": "x", "text": "' + NOTE + '"}',  # duplicate keys: the last one, both ways
]


def _both(client: TestClient, body: Any, headers: dict[str, str]) -> list[tuple[int, dict[str, str], bytes]]:
    out = []
    for content_type in (JSON, ROUTE):
        raw = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        resp = client.post("/v1/check", content=raw, headers={**headers, "Content-Type": content_type})
        out.append((resp.status_code, dict(resp.headers), resp.content))
    return out


@pytest.mark.parametrize("body", BODIES)
def test_fast_path_answers_as_the_route(client: TestClient, body: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes] = []
    validated = check_route._validated
    monkeypatch.setattr(check_route, "_validated", lambda raw: seen.append(raw) or validated(raw))
    fast, route = _both(client, body, {})
    assert fast == route
    assert len(seen) == 1  # the first request went the fast way, the second the route's


@pytest.mark.parametrize("key", [KEY, "wrong-key", None])
def test_fast_path_authenticates_as_the_route(keyed_client: TestClient, key: str | None) -> None:
    fast, route = _both(keyed_client, {"text": NOTE}, {"X-API-Key": key} if key else {})
    assert fast == route
    assert fast[0] == (200 if key == KEY else 401)


def test_dependency_overrides_are_honoured(keyed_client: TestClient) -> None:
    async def nobody() -> None:
        raise ApiError(403, "forbidden", "Overridden.")

    keyed_client.app.dependency_overrides[authenticate] = nobody  # type: ignore[attr-defined]
    resp = keyed_client.post("/v1/check", json={"text": NOTE}, headers={"X-API-Key": KEY})
    assert resp.status_code == 403
