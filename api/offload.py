"""Where route work runs, and for how long: nothing CPU-bound or blocking runs on the event loop.

    Offload
    ├── cpu lanes    "fast" and "slow" worker processes (api.pool): the check, CDS order cards.
    │                A note's size picks the lane, so short notes never queue behind long ones.
    └── io lanes     bounded thread pools per kind of blocking work: "search" (the index),
                     "drafting" (model calls, de-identification, DOCX). A hung model fills the
                     drafting lane only; search keeps its own threads.

Every call has the request's time budget (`ASSISTANT_REQUEST_TIMEOUT`): past it the client gets
504 problem+json (the work ran too long; a worker process is killed and replaced, a thread is
abandoned to finish on its own) or 503 (the work never started: every worker stayed busy).
With an injected assistant (tests, embedding) the cpu lanes are bounded threads instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

from api.errors import ApiError
from api.pool import DEFAULT_FACTORY, LaneBusyError, ProcessLane, TaskTimeoutError, WorkerCrashedError
from api.tasks import TASKS
from assistant.settings import Settings

log = logging.getLogger("api.offload")
T = TypeVar("T")
FAST_NICE, DRAFTING_NICE, SLOW_NICE = 2, 5, 12  # added to the web worker's niceness in the worker processes
STARTUP_WAIT = 120.0  # seconds the app waits at start for its first check worker


class Lane(Protocol):
    name: str

    @property
    def stats(self) -> dict[str, int]: ...

    async def start(self) -> None: ...

    async def ready(self, timeout: float) -> bool: ...

    async def call(self, task: str, payload: Any, *, timeout: float, size: int = 0) -> Any: ...

    async def close(self) -> None: ...


class ThreadLane:
    """The `ProcessLane` interface over a bounded thread pool, with one shared assistant.

    A slot is held until the thread really ends, even when its caller gave up at the deadline:
    abandoned threads still count, so a hung dependency can never take more than `size` threads."""

    def __init__(self, name: str, *, size: int, assistant: Any, queue_limit: int = 256) -> None:
        self.name, self.size, self.queue_limit = name, max(1, size), queue_limit
        self._assistant = assistant
        self._slots: asyncio.Semaphore | None = None
        self._executor = ThreadPoolExecutor(self.size, thread_name_prefix=f"cts-{name}")
        self._busy = self._waiting = 0

    @property
    def stats(self) -> dict[str, int]:
        return {"ready": self.size, "idle": self.size - self._busy, "busy": self._busy, "waiting": self._waiting}

    async def start(self) -> None:
        return None

    async def ready(self, timeout: float) -> bool:
        return True

    async def call(self, task: str, payload: Any, *, timeout: float, size: int = 0) -> Any:
        return await self.run(functools.partial(TASKS[task], self._assistant, payload), timeout=timeout)

    async def run(self, fn: Callable[[], T], *, timeout: float) -> T:
        """`fn()` in one of the lane's threads within `timeout` (`LaneBusyError` / `TaskTimeoutError` past it)."""
        if self._waiting >= self.queue_limit:
            raise LaneBusyError(self.name)
        if self._slots is None:  # bound to the running loop on first use
            self._slots = asyncio.Semaphore(self.size)
        slots, loop = self._slots, asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self._waiting += 1
        try:
            await asyncio.wait_for(slots.acquire(), timeout)
        except TimeoutError:
            raise LaneBusyError(self.name) from None
        finally:
            self._waiting -= 1
        self._busy += 1

        def release(_: object) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed (app shut down) meanwhile
                loop.call_soon_threadsafe(self._release, slots)

        future = self._executor.submit(fn)
        future.add_done_callback(release)  # on completion, or on cancellation before it started
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), max(0.0, deadline - loop.time()))
        except TimeoutError:
            raise TaskTimeoutError(self.name) from None

    def _release(self, slots: asyncio.Semaphore) -> None:
        self._busy -= 1
        slots.release()

    async def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def cpu_workers(settings: Settings) -> int:
    """Worker processes per lane: the configured number, else the cores shared among web workers."""
    if settings.cpu_workers is not None:
        return settings.cpu_workers
    return max(1, (os.cpu_count() or 1) // max(1, settings.web_workers))


def drafting_workers(settings: Settings) -> int:
    """Drafting processes per web worker: the configured number, else two per check worker process (a
    draft mostly waits on the model; two per core was the capacity when every core had a web worker)."""
    return settings.drafting_workers or 2 * max(1, cpu_workers(settings))


class Offload:
    """The lanes of one app (built in the lifespan, closed on shutdown)."""

    def __init__(self, settings: Settings, *, assistant: Any, processes: bool = True,
                 factory: str | None = None) -> None:
        """Worker processes built by `factory` ("module:callable" of settings; the real `Assistant` by
        default); or, with `processes` false or `ASSISTANT_CPU_WORKERS=0`, threads sharing `assistant`."""
        self.settings = settings
        self.timeout = settings.request_timeout
        size = cpu_workers(settings)
        self.cpu: dict[str, Lane]
        if not processes or size == 0:
            threads = max(1, size or (os.cpu_count() or 1))
            self.cpu = {name: ThreadLane(name, size=threads, assistant=assistant) for name in ("fast", "slow")}
            self.cpu["drafting"] = ThreadLane("drafting", size=settings.drafting_threads, assistant=assistant)
        else:
            build = factory or DEFAULT_FACTORY
            # Scheduling priority: web workers (event loops) first, then short notes, then long ones. Each
            # lane has a process per core this web worker serves, so long notes alone still use every core.
            self.cpu = {"fast": ProcessLane("fast", size=size, settings=settings, factory=build, nice=FAST_NICE),
                        "slow": ProcessLane("slow", size=size, settings=settings, factory=build, nice=SLOW_NICE),
                        # one draft at a time per process: a draft may wait on the model
                        "drafting": ProcessLane("drafting", size=drafting_workers(settings), settings=settings,
                                                factory=build, nice=DRAFTING_NICE, batch=1)}
        self.io: dict[str, ThreadLane] = {
            "search": ThreadLane("search", size=settings.search_threads, assistant=None),
            "drafting": ThreadLane("drafting", size=settings.drafting_threads, assistant=None),
            "auth": ThreadLane("auth", size=8, assistant=None)}

    async def start(self) -> None:
        for lane in self.cpu.values():
            await lane.start()
        # The app accepts no request before the check has a worker: a check sent while the workers still import
        # (seconds on a loaded machine) waited out its budget and got 503/504. Bounded: a worker that never comes
        # leaves the lane to answer busy at once.
        if not await self.cpu["fast"].ready(STARTUP_WAIT):
            log.warning("no check worker ready after %.0f s; checks are refused as busy until one is", STARTUP_WAIT)

    async def close(self) -> None:
        for lane in [*self.cpu.values(), *self.io.values()]:
            await lane.close()

    @property
    def stats(self) -> dict[str, dict[str, int]]:
        return {name: lane.stats for name, lane in {**self.cpu, **self.io}.items()}

    async def run_cpu(self, task: str, payload: Any, *, size: int) -> Any:
        """A task of `api.tasks` in the fast lane (inputs up to `ASSISTANT_SLOW_LANE_CHARS`) or the slow one."""
        lane = self.cpu["fast" if size <= self.settings.slow_lane_chars else "slow"]
        return await _translated(lane.call(task, payload, timeout=self.timeout, size=size))

    async def run_lane(self, lane: str, task: str, payload: Any) -> Any:
        """A task of `api.tasks` in the named CPU lane (the drafting lane: one draft per worker process)."""
        return await _translated(self.cpu[lane].call(task, payload, timeout=self.timeout))

    async def run_io(self, lane: str, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Blocking `fn(*args, **kwargs)` in the named io lane."""
        call = functools.partial(fn, *args, **kwargs)
        result: T = await _translated(self.io[lane].run(call, timeout=self.timeout))
        return result


async def _translated(awaitable: Any) -> Any:
    try:
        return await awaitable
    except LaneBusyError:
        raise ApiError(503, "busy", "Every worker stayed busy for the whole time budget; retry shortly.",
                       headers={"Retry-After": "2"}) from None
    except TaskTimeoutError:
        raise ApiError(504, "timeout", "The request ran past its time budget and was stopped; "
                       "send a shorter note or raise ASSISTANT_REQUEST_TIMEOUT.") from None
    except WorkerCrashedError:
        raise ApiError(500, "internal_error", "A worker failed; it has been replaced and nothing was logged "
                       "from the request.") from None
