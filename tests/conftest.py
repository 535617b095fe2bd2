"""Collection for the whole suite."""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# pytest rewrites the asserts of every test module on import and caches the result as bytecode; with
# PYTHONDONTWRITEBYTECODE set (as on the development machines) nothing is cached and each run, in each
# xdist worker, re-parses and recompiles ~600 modules (~5 s). The cache lives in __pycache__, which git
# ignores, so the tests keep it whatever the environment says.
sys.dont_write_bytecode = False

# Collection imports the whole application (FastAPI, SQLAlchemy, spaCy, Chroma, ~2 million objects, nearly none
# of them garbage), and the cyclic collector keeps re-scanning them: ~1 s of ~6 s per process. The collector
# is off while collecting; afterwards everything collection made is frozen (gc.freeze: kept out of every later
# collection, not freed), so the full collections during the tests scan only what the tests make.
gc.disable()

# Modules whose every test is slow are not even imported when a run deselects slow tests (the inner
# loop, `pytest -m "not slow"`): importing them costs each xdist worker their imports (LangChain,
# Playwright, the schemathesis schema built at collection, ~6 s). A module says so with a module-level
# `pytestmark` carrying pytest.mark.slow; test_schemathesis.py marks each test instead.
SLOW_ONLY = frozenset({"test_schemathesis.py"})
_SLOW_MODULE = re.compile(r"^pytestmark = (?:\[[^\]]*)?pytest\.mark\.slow\b", re.M)


# The schemathesis pytest plugin costs each process ~1 s to import (and hypothesis with it) and wraps the
# collection, setup, call and report of every test; its one user, test_schemathesis.py, is slow. pyproject's
# addopts blocks its entry point (`-p no:schemathesis`) and pytest_configure below loads it unless slow tests
# are deselected, so the full suite runs with it as before.
SCHEMATHESIS_PLUGIN = "schemathesis.pytest.plugin"


def _inner_loop(config: pytest.Config) -> bool:
    return "not slow" in (config.getoption("markexpr") or "")


def _all_slow(path: Path) -> bool:
    if path.name in SLOW_ONLY:
        return True
    if path.suffix != ".py" or not path.name.startswith("test_"):
        return False
    return _SLOW_MODULE.search(path.read_text(encoding="utf-8")) is not None


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if _inner_loop(config) and _all_slow(collection_path):
        return True
    return None


def pytest_configure(config: pytest.Config) -> None:
    if not _inner_loop(config) and not config.pluginmanager.has_plugin("schemathesis"):
        config.pluginmanager.import_plugin(SCHEMATHESIS_PLUGIN)


@pytest.hookimpl(wrapper=True)
def pytest_collection(session: pytest.Session) -> Iterator[object]:
    try:
        return (yield)
    finally:
        gc.freeze()
        gc.enable()
