"""The sidebar in a real browser: embedded in a 360 px iframe of a (cross-origin) EHR host page.

Headless Debian chromium (installed by .ci/run with apt, never downloaded by Playwright). The
server is uvicorn in a thread on a free loopback port; the host page is served by a second tiny
server on another loopback port — another origin, so the CSP frame-ancestors allow-list is
exercised for real (both are loopback, so Chromium's local-network-access checks allow it).
The screenshot is written to var/screenshots/sidebar.png.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from api.app import create_app
from assistant.knowledge.loader import cached_knowledge
from tests.api.conftest import NOTE, settings
from tests.api.fakes import FakeAssistant

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SCREENSHOT = Path(__file__).resolve().parents[2] / "var" / "screenshots" / "sidebar.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


HOST_PAGE = """<!doctype html><html><head><title>EHR</title></head>
<body style="margin:0;display:flex;font-family:sans-serif">
<div style="flex:1;padding:16px"><h1>EHR chart</h1><p>Synthetic patient chart.</p></div>
<iframe id="sb" src="{base}/sidebar" style="width:360px;height:900px;border:0;border-left:1px solid #ccc"></iframe>
</body></html>"""


class HostPage(BaseHTTPRequestHandler):
    """The EHR page that embeds the sidebar."""

    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        return None


def _assistant(tmp: Path, host: str) -> object:
    """The real assistant (offline, hash embedder) when the library's check runs; else the fake."""
    try:
        from assistant import Assistant
        from assistant.settings import Settings

        real = Assistant(Settings(embedder="hash", data_dir=tmp, rate_limit_per_minute=10_000,
                                  frame_ancestors=["'self'", host]))
        real.check_note(NOTE)
        return real
    except Exception:
        return FakeAssistant(settings(frame_ancestors=["'self'", host]))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    host_server = ThreadingHTTPServer(("127.0.0.1", 0), HostPage)
    host = f"http://localhost:{host_server.server_address[1]}"
    HostPage.body = HOST_PAGE.format(base=f"http://127.0.0.1:{port}").encode()
    threading.Thread(target=host_server.serve_forever, daemon=True).start()
    assistant = _assistant(tmp_path_factory.mktemp("data"), host)
    app = create_app(assistant.settings, assistant=assistant)  # type: ignore[attr-defined, arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", host
    server.should_exit = True
    host_server.shutdown()
    host_server.server_close()
    thread.join(timeout=10)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary on PATH (apt-get install chromium; .ci/run does this)")
def test_sidebar_check_and_highlight_in_iframe(server: tuple[str, str]) -> None:
    from playwright.sync_api import expect, sync_playwright

    _base, host = server
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 900, "height": 900})
            page.goto(f"{host}/host.html")
            frame = page.frame_locator("#sb")
            frame.locator("#note").fill(NOTE)
            frame.locator("#dos").fill("2025-03-04")
            frame.locator("#billed").fill("97550x1:GP,97110x2:GP")
            frame.locator("#run-check").click()
            elements = frame.locator(".element")
            expect(elements.first).to_be_visible(timeout=30_000)
            assert elements.count() == len(cached_knowledge().check_ids)
            assert (
                frame.locator('.element[data-check="consent"] .label').inner_text()
                == cached_knowledge().rules["consent"].label
            )
            preferred = frame.locator('.element[data-check="caregiver"]:has(.count)')
            with_evidence = preferred if preferred.count() else frame.locator(".element:has(.count)").first
            check_id = with_evidence.get_attribute("data-check")
            with_evidence.click()
            mark = frame.locator("#note-view mark").first
            expect(mark).to_be_visible()
            assert mark.inner_text().strip() and mark.inner_text() in NOTE
            expect(frame.locator(f'.element[data-check="{check_id}"]')).to_have_attribute("aria-pressed", "true")
            expect(frame.locator("#billing")).to_be_visible()
            # the other service on the claim is named, not checked and not fatal
            assert "97110 x2" in frame.locator("#other").inner_text()
            box = page.locator("#sb").bounding_box()
            assert box is not None and 360 <= box["width"] <= 362  # 360 px plus the border
            SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
            # a rewrite is shown in the sidebar, ready to download
            frame.locator("#run-rewrite").click()
            expect(frame.locator("#draft")).to_be_visible(timeout=30_000)
            assert frame.locator("#draft-text").inner_text().strip()
            # the question box gives a short cited answer, then the passages
            frame.locator("#question").fill("is G0541 billable in 2024?")
            frame.locator("#run-ask").click()
            expect(frame.locator("#answer")).to_be_visible(timeout=30_000)
            assert frame.locator("#answer-text sup").count() >= 1
            assert frame.locator("#answer-passages li").count() >= 1
        finally:
            browser.close()
    assert SCREENSHOT.stat().st_size > 10_000
