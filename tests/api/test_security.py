"""API keys, rate limits, body limit, CORS, CSP and the audit log."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.security import hash_key
from tests.api.conftest import KEY, NOTE, settings
from tests.api.fakes import FakeAssistant


def make(**over: object) -> TestClient:
    fake = FakeAssistant(settings(**over))
    return TestClient(create_app(fake.settings, assistant=fake))  # type: ignore[arg-type]


def test_key_required_when_configured(keyed_client: TestClient) -> None:
    resp = keyed_client.post("/v1/check", json={"text": NOTE})
    assert resp.status_code == 401 and resp.json()["code"] == "missing_api_key"
    assert resp.headers["www-authenticate"] == "Bearer"
    bad = keyed_client.post("/v1/check", json={"text": NOTE}, headers={"X-API-Key": "nope"})
    assert bad.status_code == 401 and bad.json()["code"] == "unknown_api_key"
    assert keyed_client.post("/v1/check", json={"text": NOTE}, headers={"X-API-Key": KEY}).status_code == 200
    assert (
        keyed_client.post("/v1/check", json={"text": NOTE}, headers={"Authorization": f"Bearer {KEY}"}).status_code
        == 200
    )
    assert keyed_client.get("/cds-services").status_code == 401
    # health and the page itself need no key
    assert keyed_client.get("/healthz").status_code == 200
    assert keyed_client.get("/sidebar").status_code == 200


def test_keys_are_stored_hashed() -> None:
    assert hash_key(KEY) != KEY and len(hash_key(KEY)) == 64
    with make(api_keys=[KEY]) as client:  # a raw key in the setting is not a valid digest
        assert client.post("/v1/check", json={"text": NOTE}, headers={"X-API-Key": KEY}).status_code == 401


def test_open_mode_serves_loopback_only() -> None:
    fake = FakeAssistant(settings())
    app = create_app(fake.settings, assistant=fake)  # type: ignore[arg-type]
    with TestClient(app, client=("127.0.0.1", 5000)) as local:
        assert local.post("/v1/check", json={"text": NOTE}).status_code == 200
    with TestClient(app, client=("203.0.113.7", 5000)) as remote:
        resp = remote.post("/v1/check", json={"text": NOTE})
        assert resp.status_code == 401 and resp.json()["code"] == "keys_not_configured"


def test_rate_limit_429() -> None:
    with make(rate_limit_per_minute=20, api_keys=[hash_key(KEY)]) as client:  # burst = 2
        codes = [
            client.get("/v1/search", params={"q": "room"}, headers={"X-API-Key": KEY}).status_code for _ in range(4)
        ]
        assert codes[:2] == [200, 200] and codes[-1] == 429
        resp = client.get("/v1/search", params={"q": "room"}, headers={"X-API-Key": KEY})
        assert resp.headers["content-type"].startswith("application/problem+json")
        assert int(resp.headers["retry-after"]) >= 1


def test_body_limit_413() -> None:
    with make(max_body_bytes=1_000) as client:
        resp = client.post("/v1/check", json={"text": "Caregiver training with " + "x" * 2_000})
        assert resp.status_code == 413
        body = resp.json()
        assert body["code"] == "body_too_large" and "1000 bytes" in body["detail"]
        assert "Caregiver" not in resp.text

        def chunks():
            yield b'{"text": "'
            yield b"x" * 2_000
            yield b'"}'

        chunked = client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
        assert chunked.status_code == 413


def test_cors_allow_list() -> None:
    with make(cors_origins=["https://ehr.example"]) as client:
        ok = client.options(
            "/v1/check", headers={"Origin": "https://ehr.example", "Access-Control-Request-Method": "POST"}
        )
        assert ok.headers.get("access-control-allow-origin") == "https://ehr.example"
        other = client.options(
            "/v1/check", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
        )
        assert "access-control-allow-origin" not in other.headers


def test_csp_frame_ancestors_and_no_deny() -> None:
    with make(frame_ancestors=["'self'", "https://ehr.example"], smart_client_id="cts-sidebar") as client:
        resp = client.get("/sidebar")
        csp = resp.headers["content-security-policy"]
        assert "frame-ancestors 'self' https://ehr.example" in csp
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "x-frame-options" not in resp.headers
        assert "cts-sidebar" in resp.text and "https://ehr.example" in resp.text
        assert client.get("/static/sidebar.js").status_code == 200
        assert client.get("/static/sidebar.css").status_code == 200


def test_audit_line_per_request_without_phi(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="api.audit")
    client.post("/v1/check", json={"text": NOTE})
    client.get("/v1/search", params={"q": "wife transfer question"})
    client.get("/v1/codes/97550", params={"dos": "2031-01-01"})
    lines = [r.getMessage() for r in caplog.records if r.name == "api.audit"]
    assert len(lines) == 3
    assert lines[0].startswith("key=open method=POST route=/v1/check status=200")
    assert "route=/v1/codes/{code} status=422" in lines[2]
    joined = "\n".join(r.getMessage() for r in caplog.records)
    assert "wife" not in joined and "transfer" not in joined and "Caregiver" not in joined


def test_errors_are_not_logged_with_content(caplog: pytest.LogCaptureFixture) -> None:
    class Exploding(FakeAssistant):
        def check_note(self, text, **kw):  # type: ignore[no-untyped-def, override]
            raise RuntimeError(f"boom {text}")

    fake = Exploding(settings())
    # The exception must stop at the edge: a server would log its traceback (and message) otherwise,
    # and TestClient would re-raise it here.
    with TestClient(create_app(fake.settings, assistant=fake)) as client:  # type: ignore[arg-type]
        resp = client.post("/v1/check", json={"text": NOTE})
    assert resp.status_code == 500 and resp.json()["code"] == "internal_error"
    assert "Caregiver" not in resp.text
    assert all("Caregiver" not in r.getMessage() for r in caplog.records)
    # QA8: "it has been logged" is true, and the log says what and where (type, file, line), never the message
    logged = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(m.startswith("unhandled RuntimeError at tests/api/test_security.py:") and "check_note" in m
               for m in logged), logged


def test_where_survives_a_worker_process() -> None:
    import pickle

    from api.errors import stamp, where

    try:
        {}["key"]
    except KeyError as exc:
        stamp(exc)
        crossed = pickle.loads(pickle.dumps(exc))  # how a worker process hands it back: without its traceback
    assert crossed.__traceback__ is None
    assert where(crossed).startswith("KeyError at tests/api/test_security.py:") and "key" not in where(crossed)


def test_the_pages_follow_the_api_limits_and_say_a_key_is_required(keyed_client: TestClient) -> None:
    """qa10b #18: the question box takes what /v1/answer takes; with keys configured the key field says it is needed
    (the static pages set it from their config), never 'not needed on this computer' alone."""
    from assistant.parsing import MAX_QUESTION_CHARS

    page = keyed_client.get("/sidebar").text
    assert f'id="question" type="text" maxlength="{MAX_QUESTION_CHARS}"' in page and "keyRequired&quot;: true" in page
    for script in ("/static/sidebar.js", "/static/worklist.js"):
        js = keyed_client.get(script).text
        assert 'if (config.keyRequired) $("api-key").placeholder = "required:' in js
