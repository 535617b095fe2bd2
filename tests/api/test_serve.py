"""`assistant serve` runs uvicorn with the app factory (uvicorn itself is replaced here)."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner


def test_serve_runs_the_factory(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import app

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append((a, kw)))
    result = CliRunner().invoke(app, ["serve", "--port", "8123", "--workers", "2"])
    assert result.exit_code == 0, result.output
    (args, kwargs), = calls
    assert args == ("api.app:create_app",)
    assert kwargs["factory"] is True and kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8123
    assert kwargs["workers"] == 2 and kwargs["access_log"] is False


@pytest.mark.parametrize(("cores", "web"), [(None, 1), (1, 1), (2, 1), (4, 1), (5, 2), (8, 2), (9, 3), (64, 16)])
def test_serve_defaults_to_one_web_worker_per_four_cores(monkeypatch: pytest.MonkeyPatch, cores: int | None,
                                                         web: int) -> None:
    import os

    from assistant.cli import app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: calls.append(kw))
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setenv("ASSISTANT_WEB_WORKERS", "7")
    result = CliRunner().invoke(app, ["serve", "--port", "8124"])
    assert result.exit_code == 0, result.output
    assert calls[0]["workers"] == web and os.environ["ASSISTANT_WEB_WORKERS"] == str(web)


def test_serve_warns_when_exposed_without_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import app

    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: None)
    monkeypatch.delenv("ASSISTANT_API_KEYS", raising=False)
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "only loopback clients" in result.output
