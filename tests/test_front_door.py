"""The front door: --version, /docs, one-line errors for a busy port, no template leftovers in reports."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from assistant.cli import app
from assistant.settings import Settings
from evals.labels import NOTES_DEV, NOTES_HOLDOUT, load_notes

ROOT = Path(__file__).resolve().parents[1]


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and re.match(r"cts-assistant \d+\.\d+", result.output)


@pytest.mark.slow
def test_docs_page_lists_every_operation() -> None:
    with TestClient(create_app(Settings(embedder="hash"))) as client:
        page = client.get("/docs")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        for path in client.get("/openapi.json").json()["paths"]:
            assert f"<code>{path}</code>" in page.text
        assert client.get("/static/docs.css").status_code == 200


@pytest.mark.slow
def test_busy_port_is_one_line_error() -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen(1)
        port = held.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"error: Cannot listen on 127.0.0.1:{port}") and "Traceback" not in proc.stderr


@pytest.fixture(scope="module")
def reports() -> list:
    import assistant

    items = load_notes(NOTES_DEV) + load_notes(NOTES_HOLDOUT)
    return [assistant.check_note(i.text, dos=i.dos, billed=i.billed, profile=i.profile) for i in items]


@pytest.mark.slow
def test_no_template_leftovers_in_messages(reports: list) -> None:
    for report in reports:
        for check in report.checks:
            for text in (check.message, check.fix):
                assert not re.search(r"\{\w*\}", text), (check.id, text)
                assert "  " not in text and text == text.strip(), (check.id, text)


def test_unwritable_output_is_one_line_error(tmp_path: Path) -> None:
    note = ROOT / "examples" / "note_ready.txt"
    out = tmp_path / "missing-folder" / "letter.docx"
    result = CliRunner().invoke(app, ["appeal", "--denial", "CO-50 N115", "--note", str(note),
                                      "--format", "docx", "--out", str(out)])
    assert result.exit_code == 2
    assert "Cannot write" in result.output and "Traceback" not in result.output
