"""Rate limits and one-time tokens, shared by every worker that uses the same store (pure: no I/O).

    LimitStore                              the interface (three operations)
    ├── MemoryStore                         one process (tests, `ASSISTANT_RATE_LIMIT_STORE=memory`)
    └── assistant.worklist.limits.SqlStore  every worker and host on one database: ASSISTANT_DATABASE_URL,
                                            else a SQLite file in the data directory (one host, all workers)

Limits are GCRA (the generic cell rate algorithm, a token bucket kept as one number per key: the
theoretical arrival time), so a shared store needs one atomic UPDATE per request and no locks.
Times are wall-clock seconds, comparable across processes and hosts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Limit:
    """`per_minute` requests, refilled continuously, with bursts of `burst` requests."""

    per_minute: float
    burst: float

    @property
    def interval(self) -> float:
        return 60.0 / self.per_minute

    @property
    def window(self) -> float:
        """How far ahead of now the arrival time may run: room for `burst` requests at once."""
        return self.interval * max(0.0, self.burst - 1.0)


def per_minute(count: int) -> Limit:
    """The service's usual shape: bursts of a tenth of the minute's allowance (at least one)."""
    return Limit(per_minute=float(count), burst=max(1.0, count / 10.0))


class LimitStore(Protocol):
    def take(self, key: str, limit: Limit, now: float, cost: int = 1) -> float:
        """Take `cost` requests from `key`'s allowance: 0 when allowed, else seconds until they are."""
        ...

    def peek(self, key: str, limit: Limit, now: float) -> float:
        """Like `take`, without taking anything."""
        ...

    def once(self, key: str, expires: float, now: float) -> bool:
        """True the first time `key` is seen before `expires` (replay protection), False after."""
        ...


def gcra(tat: float | None, limit: Limit, now: float, cost: int = 1) -> tuple[float, float]:
    """(new arrival time, wait) for `cost` requests: wait 0 means allowed and the new time is to be stored."""
    start = max(tat or now, now)
    late = start + (cost - 1) * limit.interval - now - limit.window
    if late > 0:
        return start, late
    return start + cost * limit.interval, 0.0


class MemoryStore:
    """One process's limits (a lock makes it safe from threads as well as from the event loop)."""

    def __init__(self) -> None:
        self._tat: dict[str, float] = {}
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def take(self, key: str, limit: Limit, now: float, cost: int = 1) -> float:
        with self._lock:
            tat, wait = gcra(self._tat.get(key), limit, now, cost)
            if not wait:
                self._tat[key] = tat
            return wait

    def peek(self, key: str, limit: Limit, now: float) -> float:
        with self._lock:
            return gcra(self._tat.get(key), limit, now)[1]

    def once(self, key: str, expires: float, now: float) -> bool:
        with self._lock:
            if len(self._seen) > 10_000:  # forget what has expired
                self._seen = {k: v for k, v in self._seen.items() if v > now}
            if self._seen.get(key, 0.0) > now:
                return False
            self._seen[key] = expires
            return True
