"""SMART App Launch in a real browser: EHR launch with PKCE S256 inside the EHR's iframe.

A mock EHR on loopback serves the SMART configuration, the authorize endpoint (which records the
PKCE challenge and redirects back), the token endpoint (which verifies the code_verifier against
the challenge) and a DocumentReference. The sidebar must come back with the note filled in.
The iframe is cross-site, so Chromium denies it sessionStorage: the launch state survives the
redirect through the window.name fallback.
"""

from __future__ import annotations

import base64
import hashlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from api.app import create_app
from tests.api.conftest import NOTE, settings
from tests.api.fakes import FakeAssistant
from tests.api.test_sidebar_browser import ARGS, CHROMIUM, HOST_PAGE, HostPage

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class MockEhr(BaseHTTPRequestHandler):
    seen: ClassVar[dict[str, Any]] = {}

    def _send(self, status: int, body: Any = b"", headers: dict[str, str] | None = None) -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Authorization, Accept, Content-Type")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_OPTIONS(self) -> None:
        self._send(204)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        url = urlparse(self.path)
        if url.path == "/fhir/.well-known/smart-configuration":
            self._send(200, {"authorization_endpoint": f"{base}/auth", "token_endpoint": f"{base}/token",
                             "code_challenge_methods_supported": ["S256"],
                             "capabilities": ["launch-ehr", "client-public", "context-ehr-patient"]})
        elif url.path == "/auth":
            q = {k: v[0] for k, v in parse_qs(url.query).items()}
            self.seen["authorize"] = q
            target = q["redirect_uri"] + "?" + urlencode({"code": "code-1", "state": q["state"]})
            self._send(302, headers={"Location": target})
        elif url.path == "/fhir/DocumentReference/d1":
            self.seen["fhir_auth"] = self.headers.get("Authorization")
            self._send(200, {"resourceType": "DocumentReference", "id": "d1", "status": "current",
                             "date": "2025-03-04T10:00:00Z",
                             "content": [{"attachment": {"contentType": "text/plain",
                                                         "data": base64.b64encode(NOTE.encode()).decode()}}]})
        else:
            self._send(404, {})

    def do_POST(self) -> None:
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
        self.seen["token"] = form
        challenge = self.seen.get("authorize", {}).get("code_challenge")
        verifier = form.get("code_verifier", "")
        expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
        if form.get("code") != "code-1" or expected != challenge:
            self._send(400, {"error": "invalid_grant"})
            return
        self._send(200, {"access_token": "tok-1", "token_type": "Bearer", "expires_in": 300, "patient": "p1",
                         "scope": "launch patient/DocumentReference.rs", "need_patient_banner": False,
                         "fhirContext": [{"reference": "DocumentReference/d1"}]})

    def log_message(self, *args: object) -> None:
        return None


def _serve(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def smart_setup() -> Iterator[tuple[str, str, str]]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    ehr = _serve(MockEhr)
    iss = f"http://127.0.0.1:{ehr.server_address[1]}/fhir"
    page = type("SmartHostPage", (HostPage,), {"body": HOST_PAGE.replace("{base}/sidebar", "{src}")
                                               .format(src=f"{base}/sidebar?" + urlencode({"iss": iss, "launch": "L1"}))
                                               .encode()})
    host_server = _serve(page)
    host = f"http://localhost:{host_server.server_address[1]}"
    fake = FakeAssistant(settings(smart_client_id="cts-sidebar", frame_ancestors=["'self'", host]))
    server = uvicorn.Server(uvicorn.Config(create_app(fake.settings, assistant=fake),  # type: ignore[arg-type]
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    yield base, host, iss
    server.should_exit = True
    for httpd in (ehr, host_server):
        httpd.shutdown()
        httpd.server_close()
    thread.join(timeout=10)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium; .ci/run does this)")
def test_smart_ehr_launch_with_pkce(smart_setup: tuple[str, str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, host, iss = smart_setup
    MockEhr.seen.clear()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{host}/host.html")
            frame = page.frame_locator("#sb")
            expect(frame.locator("#smart-status")).to_have_text("Connected to the EHR", timeout=30_000)
            expect(frame.locator("#note")).to_have_value(NOTE)
            expect(frame.locator("#dos")).to_have_value("2025-03-04")
            sidebar = next(f for f in page.frames if f.url.startswith(base))
            assert "code=" not in sidebar.url and "state=" not in sidebar.url  # dropped from the address
            frame.locator("#run-check").click()
            expect(frame.locator(".element").first).to_be_visible(timeout=30_000)
        finally:
            browser.close()
    authorize = MockEhr.seen["authorize"]
    assert authorize["code_challenge_method"] == "S256" and authorize["client_id"] == "cts-sidebar"
    assert authorize["launch"] == "L1" and authorize["aud"] == iss and authorize["response_type"] == "code"
    assert "launch" in authorize["scope"].split()
    assert MockEhr.seen["token"]["grant_type"] == "authorization_code"
    assert MockEhr.seen["fhir_auth"] == "Bearer tok-1"
