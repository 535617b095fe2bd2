from __future__ import annotations

import pytest

from assistant.drafting.offline import OfflineDrafter  # importing drafting registers `offline`
from assistant.errors import BackendError
from assistant.llm.base import Backend
from assistant.llm.registry import backend_by_name, backend_from_settings, names
from assistant.settings import Settings


def test_offline_by_default() -> None:
    backend = backend_from_settings(Settings())
    assert backend.name == "offline" and backend.is_local and backend.deterministic
    assert isinstance(backend, Backend) and isinstance(backend, OfflineDrafter)


def test_endpoint_selects_the_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    backend = backend_from_settings(Settings())
    assert backend.name.startswith("openai-compatible") and backend.is_local and not backend.deterministic
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "https://llm.example.org/v1")
    assert not backend_from_settings(Settings()).is_local


def test_names_and_unknown() -> None:
    assert {"offline", "openai", "fake"} <= set(names())
    assert isinstance(backend_by_name("fake"), Backend)
    with pytest.raises(BackendError):
        backend_by_name("nope")
