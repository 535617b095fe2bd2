"""Shared fixtures for the knowledge-base tests: the shipped knowledge, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.knowledge.loader import Knowledge, default_knowledge_dir, load_knowledge


@pytest.fixture(scope="session")
def kdir() -> Path:
    return default_knowledge_dir()


@pytest.fixture(scope="session")
def kb(kdir: Path) -> Knowledge:
    return load_knowledge(kdir)
