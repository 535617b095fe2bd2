"""Rate limits and one-time tokens: the same behaviour in memory and in the shared SQL store,
shared by processes on one SQLite file, and failed authentication limited by client address."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.limits import LimitStore, MemoryStore, RateLimiter, per_minute
from api.security import hash_key
from assistant.worklist.limits import SqlStore
from tests.api.conftest import KEY, settings
from tests.api.fakes import FakeAssistant

LIMIT = per_minute(60)  # one a second, bursts of 6


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> LimitStore:
    return MemoryStore() if request.param == "memory" else SqlStore(f"sqlite:///{tmp_path / 'limits.sqlite3'}")


def test_a_burst_then_one_a_second(store: LimitStore) -> None:
    assert [store.take("k", LIMIT, 100.0) for _ in range(7)][:6] == [0.0] * 6
    assert store.take("k", LIMIT, 100.0) == pytest.approx(1.0)
    assert store.peek("k", LIMIT, 100.0) == pytest.approx(1.0)
    assert store.take("other", LIMIT, 100.0) == 0.0
    assert store.take("k", LIMIT, 101.0) == 0.0 and store.take("k", LIMIT, 101.0) > 0


def test_taking_several_at_once_respects_the_burst(store: LimitStore) -> None:
    assert store.take("k", LIMIT, 0.0, 4) == 0.0
    assert store.take("k", LIMIT, 0.0, 4) > 0  # only 2 left
    assert store.take("k", LIMIT, 0.0, 2) == 0.0


def test_a_token_is_used_once_until_it_expires(store: LimitStore) -> None:
    assert store.once("jti:a", 10.0, 0.0) is True
    assert store.once("jti:a", 10.0, 5.0) is False
    assert store.once("jti:b", 10.0, 5.0) is True
    assert store.once("jti:a", 20.0, 11.0) is True


def _take_many(url: str, count: int) -> int:
    sql = SqlStore(url)
    return sum(sql.take("shared", LIMIT, 1_000.0) == 0.0 for _ in range(count))


@pytest.mark.slow
def test_processes_on_one_sqlite_file_share_the_limit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'limits.sqlite3'}"
    SqlStore(url)  # tables created before the race
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        allowed = pool.starmap(_take_many, [(url, 10)] * 3)
    assert sum(allowed) == 6  # one burst between them, not one each


def test_leases_keep_most_requests_off_the_database(tmp_path: Path) -> None:
    store = SqlStore(f"sqlite:///{tmp_path / 'limits.sqlite3'}")
    limit = per_minute(6_000)  # bursts of 600: leases of 30
    limiter = RateLimiter(store, clock=lambda: 50.0, lease=True)
    allowed = sum(limiter.take("k", limit) == 0.0 for _ in range(700))
    assert 600 - 30 <= allowed <= 600


@pytest.fixture
def strict() -> Iterator[TestClient]:
    s = settings(api_keys=[hash_key(KEY)], auth_failures_per_minute=20)  # bursts of 2 failures
    with TestClient(create_app(s, assistant=FakeAssistant(s))) as client:  # type: ignore[arg-type]
        yield client


def test_failed_authentication_is_limited_by_address(strict: TestClient) -> None:
    statuses = [strict.get("/v1/codes/97550", headers={"X-API-Key": f"wrong-{i}"}).status_code for i in range(3)]
    assert statuses == [401, 401, 429]
    refused = strict.get("/v1/codes/97550", headers={"X-API-Key": KEY})
    assert refused.status_code == 429 and refused.json()["code"] == "too_many_failures"
    assert int(refused.headers["retry-after"]) >= 1
