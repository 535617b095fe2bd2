"""Collection for the whole suite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# pytest rewrites the asserts of every test module on import and caches the result as bytecode; with
# PYTHONDONTWRITEBYTECODE set (as on the development machines) nothing is cached and each run, in each
# xdist worker, re-parses and recompiles ~600 modules (~5 s). The cache lives in __pycache__, which git
# ignores, so the tests keep it whatever the environment says.
sys.dont_write_bytecode = False

# Modules whose every test is marked slow and whose collection alone is costly (schemathesis builds its
# property tests from the OpenAPI document at collection, ~6 s): not even imported when a run
# deselects slow tests (the inner loop, `pytest -m "not slow"`).
SLOW_ONLY = frozenset({"test_schemathesis.py"})


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if collection_path.name in SLOW_ONLY and "not slow" in (config.getoption("markexpr") or ""):
        return True
    return None
