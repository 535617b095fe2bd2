"""Per-key request limits for the HTTP service, over a `LimitStore` (see assistant.limits).

With a shared store each worker leases a few requests at a time, so most requests cost no
database round trip.
"""

from __future__ import annotations

import threading
import time

from assistant.service import Limit, LimitStore, MemoryStore, per_minute

__all__ = ["Limit", "LimitStore", "MemoryStore", "RateLimiter", "per_minute"]

class RateLimiter:
    """Per-key request limits over a store (the API key limit, failed authentication by address).

    With a shared store each worker leases a few requests at a time (at most a twentieth of the
    burst, for at most a second), so most requests cost no database round trip; the limit then
    holds to within `lease` requests per worker."""

    LEASE_SECONDS = 1.0

    def __init__(self, store: LimitStore, *, clock: object = time.time, lease: bool = False) -> None:
        self.store = store
        self._clock = clock
        self._lease = lease
        self._leases: dict[str, tuple[int, float]] = {}
        self._suspects: dict[str, float] = {}
        self._lock = threading.Lock()

    def now(self) -> float:
        return float(self._clock())  # type: ignore[operator]

    @property
    def local(self) -> bool:
        """Whether the store is in this process (no I/O: callable from the event loop)."""
        return isinstance(self.store, MemoryStore)

    def take_leased(self, key: str) -> bool:
        """Take one request from this worker's lease on `key`, if it holds one (no I/O)."""
        with self._lock:
            left, until = self._leases.get(key, (0, 0.0))
            if left > 0 and self.now() < until:
                self._leases[key] = (left - 1, until)
                return True
        return False

    SUSPECT_SECONDS = 600.0

    def mark_suspect(self, key: str) -> None:
        """Remember (in this worker, for ten minutes) that `key` failed: `suspect` is then true."""
        with self._lock:
            if len(self._suspects) > 10_000:
                now = self.now()
                self._suspects = {k: v for k, v in self._suspects.items() if v > now}
            self._suspects[key] = self.now() + self.SUSPECT_SECONDS

    def suspect(self, key: str) -> bool:
        return self._suspects.get(key, 0.0) > self.now()

    def take(self, key: str, limit: Limit) -> float:
        now = self.now()
        size = min(50, int(limit.burst // 20)) if self._lease else 1
        if size <= 1:
            return self.store.take(key, limit, now)
        if self.take_leased(key):
            return 0.0
        if not self.store.take(key, limit, now, size):
            with self._lock:
                self._leases[key] = (size - 1, now + self.LEASE_SECONDS)
            return 0.0
        return self.store.take(key, limit, now)  # near the limit: one at a time, exactly

    def peek(self, key: str, limit: Limit) -> float:
        return self.store.peek(key, limit, self.now())

    def once(self, key: str, expires: float) -> bool:
        return self.store.once(key, expires, self.now())
