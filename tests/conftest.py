"""Collection for the whole suite."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

# pytest rewrites the asserts of every test module on import and caches the result as bytecode; with
# PYTHONDONTWRITEBYTECODE set (as on the development machines) nothing is cached and each run, in each
# xdist worker, re-parses and recompiles ~600 modules (~5 s). The cache lives in __pycache__, which git
# ignores, so the tests keep it whatever the environment says.
sys.dont_write_bytecode = False

# Modules whose every test is slow are not even imported when a run deselects slow tests (the inner
# loop, `pytest -m "not slow"`): importing them costs each xdist worker their imports (LangChain,
# Playwright, the schemathesis schema built at collection, ~6 s). A module says so with a module-level
# `pytestmark` carrying pytest.mark.slow; test_schemathesis.py marks each test instead.
SLOW_ONLY = frozenset({"test_schemathesis.py"})
_SLOW_MODULE = re.compile(r"^pytestmark = (?:\[[^\]]*)?pytest\.mark\.slow\b", re.M)


def _all_slow(path: Path) -> bool:
    if path.name in SLOW_ONLY:
        return True
    if path.suffix != ".py" or not path.name.startswith("test_"):
        return False
    return _SLOW_MODULE.search(path.read_text(encoding="utf-8")) is not None


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if "not slow" in (config.getoption("markexpr") or "") and _all_slow(collection_path):
        return True
    return None
