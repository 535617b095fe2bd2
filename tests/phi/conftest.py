"""Shared fixtures for the PHI tests. All data here is synthetic."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.phi import Deidentifier

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def deid() -> Deidentifier:
    """One engine for the whole session (building it is the expensive part)."""
    return Deidentifier()


@pytest.fixture(scope="session")
def cts_note() -> str:
    return (HERE / "fixtures" / "cts_note.txt").read_text(encoding="utf-8")
