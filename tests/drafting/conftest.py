from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _no_real_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches a real model: the environment's endpoint settings are cleared."""
    for name in ("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL", "ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
