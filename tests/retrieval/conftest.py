from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.knowledge.loader import Knowledge, load_knowledge
from assistant.settings import Settings

FIXTURE_KNOWLEDGE = Path(__file__).parent / "fixtures" / "knowledge"


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge(FIXTURE_KNOWLEDGE)


@pytest.fixture()
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge, for tests that edit it."""
    target = tmp_path / "knowledge"
    shutil.copytree(FIXTURE_KNOWLEDGE, target)
    return target


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", embedder="hash", chroma_url=None)


@pytest.fixture(scope="session")
def shared_retriever(tmp_path_factory: pytest.TempPathFactory, kb: Knowledge):
    from assistant.retrieval.retriever import Retriever

    settings = Settings(data_dir=tmp_path_factory.mktemp("shared"), embedder="hash", chroma_url=None)
    retriever = Retriever(settings, kb)
    retriever.build()
    return retriever
