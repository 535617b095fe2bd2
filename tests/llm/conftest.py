from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.llm.fake_openai import FakeOpenAI


@pytest.fixture(scope="session")
def fake_openai() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _no_real_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches a real model: the environment's endpoint settings are cleared."""
    for name in ("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL", "ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
