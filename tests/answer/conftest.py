from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.settings import Settings
from tests.answer.expect import dated_assistant


@pytest.fixture(autouse=True)
def _no_real_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches a real model: the environment's endpoint settings are cleared."""
    for name in ("ASSISTANT_LLM_BASE_URL", "OPENAI_BASE_URL", "ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("answer-index")


@pytest.fixture(scope="session")
def assistant(data_dir: Path) -> Iterator[Assistant]:
    """The shipped knowledge with the default embedder (offline, no model), index built once."""
    if importlib.util.find_spec("model2vec") is None:
        pytest.skip("model2vec not installed")
    shipped = Assistant(Settings(data_dir=data_dir, embedder="model2vec", chroma_url=None))
    shipped.retriever.build()
    yield shipped


@pytest.fixture(scope="session")
def dated(assistant: Assistant, data_dir: Path) -> Assistant:
    """The phrasing tables' assistant: the shipped index behind a clock fixed at 2026-06-15."""
    return dated_assistant(data_dir, date(2026, 6, 15))

