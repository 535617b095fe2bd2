"""Worker processes for CPU-bound work, so the event loop only ever does I/O.

A `ProcessLane` owns a fixed number of child processes. Each child builds its `Assistant` once
(the knowledge is loaded and warmed per child; forked from a fork server that did it already, see
`default_start_method`) and then runs one task at a time, received over a pipe. The parent never
blocks: it writes a request and awaits the reply on an asyncio stream.

    lane = ProcessLane("fast", size=2, settings=settings)
    await lane.start()
    report_json = await lane.call("check", payload, timeout=10.0)

Bounded on every side: at most `size` tasks run, at most `queue_limit` wait (more → `LaneBusyError`);
a task still running when its time budget ends gets its child killed and replaced (a thread can
not be stopped; a process can), so one pathological input never holds a worker for longer than
the budget. Separate processes also mean the operating system, not the GIL, shares the cores:
a busy child cannot starve the event loop that answers /healthz.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import socket
import struct
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from multiprocessing.connection import Connection
from typing import Any

from api.errors import stamp
from assistant.settings import Settings

log = logging.getLogger("api.pool")

DEFAULT_FACTORY = "assistant.service:Assistant"
PRELOAD = "api.preload"  # what the fork server imports once for the default factory (see api.preload)
_HEADER = struct.Struct("!i")  # multiprocessing.Connection's framing for messages under 2 GiB
BATCH_JOBS, BATCH_CHARS = 4, 24_000  # most tasks one message may carry to a worker


class LaneBusyError(Exception):
    """No worker became free within the budget, or too many tasks are already waiting."""


class TaskTimeoutError(Exception):
    """The task ran past its time budget; its worker was killed and is being replaced."""


class WorkerCrashedError(Exception):
    """The worker died or failed outside the task's own error handling."""


def _resolve(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    factory: Callable[..., Any] = getattr(import_module(module), name)
    return factory


def default_start_method(factory: str) -> str:
    """"forkserver" where there is one: workers fork from a single-threaded server that imported and
    warmed the check once (`api.preload`, for the default factory), in milliseconds instead of ~2 s of
    CPU each as a spawned interpreter; never "fork" from the web worker, whose threads could hold locks.
    Elsewhere "spawn"."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    if factory == DEFAULT_FACTORY:
        # Read when the fork server starts (the first worker of the process): later calls change nothing.
        multiprocessing.set_forkserver_preload([PRELOAD])
    return "forkserver"


def _child_main(conn: Connection, factory_path: str, settings: Settings, drafting: bool = False) -> None:
    """The child's loop: build the assistant once, then answer (task, payload) messages until EOF."""
    from api.tasks import TASKS, warm

    assistant = _resolve(factory_path)(settings)
    warm(assistant)
    if drafting and callable(getattr(assistant, "warm_drafting", None)):
        assistant.warm_drafting()
    # The knowledge, vocabulary and compiled patterns live as long as the worker: move them out of the
    # collector's reach, so collections during a check scan only what the check allocated.
    gc.collect()
    gc.freeze()
    conn.send_bytes(pickle.dumps(("ready", os.getpid())))
    while True:
        try:
            jobs = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            conn.send_bytes(_answers(assistant, TASKS, jobs))
        except OSError:  # the web worker went away mid-task (shutdown): nothing to answer, no traceback
            return


def _answers(assistant: Any, tasks: dict[str, Callable[[Any, Any], Any]], jobs: list[tuple[str, Any]]) -> bytes:
    """One reply per (task, payload): ("ok", result) or ("error", exception)."""
    replies: list[tuple[str, Any]] = []
    for task, payload in jobs:
        try:
            replies.append(("ok", tasks[task](assistant, payload)))
        except Exception as exc:  # the parent translates; messages of our own errors quote no input
            stamp(exc)  # where it was raised: the traceback does not cross the process boundary
            replies.append(("error", exc))
    try:
        return pickle.dumps(replies)
    except Exception:  # an exception that does not pickle: name it, keep the other replies
        return pickle.dumps([r if _pickles(r) else ("crash", type(r[1]).__name__) for r in replies])


def _pickles(value: Any) -> bool:
    try:
        pickle.dumps(value)
        return True
    except Exception:
        return False


@dataclass
class _Job:
    task: str
    payload: Any
    size: int
    deadline: float
    future: asyncio.Future[Any]
    dispatched: bool = False


class _Worker:
    def __init__(self, process: Any, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.process, self.reader, self.writer = process, reader, writer

    async def receive(self) -> Any:
        (size,) = _HEADER.unpack(await self.reader.readexactly(_HEADER.size))
        return pickle.loads(await self.reader.readexactly(size))

    def send(self, message: Any) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.write(_HEADER.pack(len(data)) + data)

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class ProcessLane:
    """`size` worker processes answering tasks from `api.tasks`; see the module docstring."""

    def __init__(self, name: str, *, size: int, settings: Settings, queue_limit: int = 256,
                 factory: str = DEFAULT_FACTORY, start_method: str | None = None, nice: int = 0,
                 batch: int = BATCH_JOBS) -> None:
        self.name, self.size, self.queue_limit, self.nice, self.batch = name, max(1, size), queue_limit, nice, batch
        self._settings, self._factory = settings, factory
        # typed as a spawn/forkserver/fork context: `BaseContext` declares no Process for mypy
        self._ctx: Any = multiprocessing.get_context(start_method or default_start_method(factory))
        self._pending: deque[_Job] = deque()
        self._arrived: asyncio.Event | None = None
        self._workers: set[_Worker] = set()
        self._serving: set[asyncio.Task[None]] = set()
        self._starting: set[asyncio.Task[None]] = set()
        self._busy = self._failed = 0
        self._closed = False
        self._up: asyncio.Event | None = None  # set when the first worker is ready (or every start failed)

    @property
    def stats(self) -> dict[str, int]:
        """Workers ready, idle and busy, tasks waiting for one, workers starting and failed to start."""
        ready = len(self._workers)
        return {"ready": ready, "idle": ready - self._busy, "busy": self._busy, "waiting": len(self._pending),
                "starting": len(self._starting), "failed": self._failed}

    async def start(self) -> None:
        """Start every worker in the background; tasks wait (within their budget) for the first one."""
        self._arrived = asyncio.Event()
        self._up = asyncio.Event()
        for _ in range(self.size):
            self._spawn()

    async def ready(self, timeout: float) -> bool:
        """Wait (at most `timeout` seconds) for a first worker: whether one is ready. Every start failing ends
        the wait too (tasks are then refused at once as busy)."""
        if self._workers:
            return True
        if self._up is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._up.wait(), timeout)
        return bool(self._workers)

    def _spawn(self) -> None:
        if self._closed:
            return
        task = asyncio.get_running_loop().create_task(self._start_worker())
        self._starting.add(task)
        task.add_done_callback(self._started)

    def _started(self, task: asyncio.Task[None]) -> None:
        self._starting.discard(task)
        if self._up is not None and (self._workers or not self._starting):
            self._up.set()

    async def _start_worker(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        args = (child, self._factory, self._settings, self.name == "drafting")
        process = self._ctx.Process(target=_child_main, args=args, name=f"cts-{self.name}", daemon=True)
        # Starting a spawned process forks and writes its arguments: do it off the event loop.
        try:
            await asyncio.to_thread(process.start)
            if self.nice:  # below the web workers, from its first import on: their event loops go first
                with contextlib.suppress(OSError):
                    os.setpriority(os.PRIO_PROCESS, process.pid, os.getpriority(os.PRIO_PROCESS, 0) + self.nice)
        except Exception as exc:  # e.g. a script that builds the app without a __main__ guard
            log.error("%s worker could not start: %s", self.name, type(exc).__name__)
            self._failed += 1
            return
        finally:
            child.close()
        sock = socket.socket(fileno=os.dup(parent.fileno()))
        parent.close()
        reader, writer = await asyncio.open_connection(sock=sock, limit=2**20)
        worker = _Worker(process, reader, writer)
        try:
            kind, _ = await worker.receive()
        except (asyncio.IncompleteReadError, OSError):
            kind = "died"
        if kind != "ready" or self._closed:
            if not self._closed:  # dying while the app shuts down is expected
                log.error("%s worker failed to start (%s)", self.name, kind)
                self._failed += 1
            await asyncio.to_thread(worker.kill)
            return
        self._workers.add(worker)
        serving = asyncio.get_running_loop().create_task(self._serve(worker))
        self._serving.add(serving)
        serving.add_done_callback(self._serving.discard)

    async def call(self, task: str, payload: Any, *, timeout: float, size: int = 0) -> Any:
        """Run `task` in a worker within `timeout` seconds. Raises the task's own exception,
        `LaneBusyError` (never started), `TaskTimeoutError` (killed) or `WorkerCrashedError`.
        `size` (characters of input) bounds how many waiting tasks travel to a worker together."""
        if len(self._pending) >= self.queue_limit or not (self._workers or self._starting) or self._arrived is None:
            raise LaneBusyError(self.name)  # too many waiting, or no worker could be started
        loop = asyncio.get_running_loop()
        job = _Job(task, payload, size, loop.time() + timeout, loop.create_future())
        self._pending.append(job)
        self._arrived.set()
        try:
            async with asyncio.timeout_at(job.deadline):
                return await job.future
        except TimeoutError:
            if job.dispatched:
                raise TaskTimeoutError(task) from None
            raise LaneBusyError(self.name) from None
        finally:
            if not job.dispatched:
                with contextlib.suppress(ValueError):
                    self._pending.remove(job)

    async def _serve(self, worker: _Worker) -> None:
        """One worker's loop: send it the waiting tasks (a few at a time when many wait: one pipe round
        trip and one context switch for all of them), hand out the replies, kill it past the deadline."""
        while not self._closed:
            batch = await self._next_batch()
            self._busy += 1
            try:
                worker.send([(job.task, job.payload) for job in batch])
                async with asyncio.timeout_at(max(job.deadline for job in batch)):
                    replies = await worker.receive()
            except BaseException as exc:
                failure = TaskTimeoutError if isinstance(exc, TimeoutError) else WorkerCrashedError
                for job in batch:
                    if not job.future.done():
                        job.future.set_exception(failure(job.task))
                self._replace(worker)
                if isinstance(exc, (TimeoutError, asyncio.IncompleteReadError, OSError, EOFError)):
                    return
                raise
            finally:
                self._busy -= 1
            for job, (kind, value) in zip(batch, replies, strict=True):
                if job.future.done():
                    continue
                if kind == "ok":
                    job.future.set_result(value)
                else:
                    job.future.set_exception(value if isinstance(value, Exception) else WorkerCrashedError(job.task))

    async def _next_batch(self) -> list[_Job]:
        """The next tasks for an idle worker: its share of those waiting, at most BATCH_JOBS of them and
        BATCH_CHARS of input (one task at least)."""
        assert self._arrived is not None
        while True:
            while not self._pending:
                self._arrived.clear()
                await self._arrived.wait()
            idle = max(1, len(self._workers) - self._busy)
            share = min(self.batch, -(-len(self._pending) // idle))
            batch: list[_Job] = []
            chars = 0
            while self._pending and len(batch) < share:
                job = self._pending[0]
                if batch and chars + job.size > BATCH_CHARS:
                    break
                self._pending.popleft()
                if job.future.done():  # its caller gave up
                    continue
                job.dispatched = True
                batch.append(job)
                chars += job.size
            if batch:
                return batch

    def _replace(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, worker.kill)
        self._spawn()

    async def close(self) -> None:
        self._closed = True
        for task in [*self._starting, *self._serving]:
            task.cancel()
        for job in self._pending:
            if not job.future.done():
                job.future.set_exception(LaneBusyError(self.name))
        workers, self._workers = list(self._workers), set()
        await asyncio.gather(*(asyncio.to_thread(w.kill) for w in workers))
