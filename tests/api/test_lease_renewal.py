"""With a shared store, concurrent requests renew a worker's lease once, not once each."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from api.limits import RateLimiter, per_minute
from api.security import take_request
from assistant.worklist.limits import SqlStore


class CountingStore(SqlStore):
    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.takes = 0

    def take(self, *args: Any, **kwargs: Any) -> float:
        self.takes += 1
        return super().take(*args, **kwargs)


def test_one_renewal_serves_every_waiting_request(tmp_path: Path) -> None:
    store = CountingStore(f"sqlite:///{tmp_path / 'limits.sqlite3'}")
    limiter = RateLimiter(store, lease=True)

    async def run_io(lane: str, fn: Any, *args: Any) -> Any:
        await asyncio.sleep(0.01)  # a database round trip
        return fn(*args)

    state = SimpleNamespace(limiter=limiter, renewing={}, key_limit=per_minute(60_000),
                            offload=SimpleNamespace(run_io=run_io))
    requests = [SimpleNamespace(app=SimpleNamespace(state=state), scope={}) for _ in range(40)]

    async def scenario() -> None:
        await asyncio.gather(*(take_request(r, "k") for r in requests))  # type: ignore[arg-type]

    asyncio.run(scenario())
    assert store.takes == 1  # a lease of 50 covers all 40
