"""Collection for the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

# Modules whose every test is marked slow and whose collection alone is costly (schemathesis builds its
# property tests from the OpenAPI document at collection, ~6 s): not even imported when a run
# deselects slow tests (the inner loop, `pytest -m "not slow"`).
SLOW_ONLY = frozenset({"test_schemathesis.py"})


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name in SLOW_ONLY and "not slow" in (config.getoption("markexpr") or ""):
        return True
    return None
