"""Worker processes for CPU-bound work, so the event loop only ever does I/O.

A `ProcessLane` owns a fixed number of child processes. Each child builds its `Assistant` once
(the knowledge is loaded and warmed per child) and then runs one task at a time, received over
a pipe. The parent never blocks: it writes a request and awaits the reply on an asyncio stream.

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
import logging
import multiprocessing
import os
import pickle
import socket
import struct
from collections.abc import Callable
from importlib import import_module
from multiprocessing.connection import Connection
from typing import Any

from assistant.settings import Settings

log = logging.getLogger("api.pool")

DEFAULT_FACTORY = "assistant.service:Assistant"
_HEADER = struct.Struct("!i")  # multiprocessing.Connection's framing for messages under 2 GiB


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


def _child_main(conn: Connection, factory_path: str, settings: Settings, nice: int) -> None:
    """The child's loop: build the assistant once, then answer (task, payload) messages until EOF."""
    if nice:  # below the web workers: their event loops get a core first, whatever the checks cost
        with contextlib.suppress(OSError):
            os.nice(nice)
    from api.tasks import TASKS, warm

    assistant = _resolve(factory_path)(settings)
    warm(assistant)
    conn.send_bytes(pickle.dumps(("ready", os.getpid())))
    while True:
        try:
            task, payload = pickle.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", TASKS[task](assistant, payload))
        except Exception as exc:  # the parent translates; messages of our own errors quote no input
            reply = ("error", exc)
        try:
            data = pickle.dumps(reply)
        except Exception:
            data = pickle.dumps(("crash", type(reply[1]).__name__))
        conn.send_bytes(data)


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
                 factory: str = DEFAULT_FACTORY, start_method: str = "spawn", nice: int = 0) -> None:
        self.name, self.size, self.queue_limit, self.nice = name, max(1, size), queue_limit, nice
        self._settings, self._factory = settings, factory
        self._ctx = multiprocessing.get_context(start_method)
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._workers: set[_Worker] = set()
        self._waiting = 0
        self._starting: set[asyncio.Task[None]] = set()
        self._closed = False
        self._failed = 0

    @property
    def stats(self) -> dict[str, int]:
        """Workers ready, idle and busy, and tasks waiting for one."""
        idle = self._idle.qsize()
        return {"ready": len(self._workers), "idle": idle, "busy": len(self._workers) - idle, "waiting": self._waiting,
                "starting": len(self._starting), "failed": self._failed}

    async def start(self) -> None:
        """Start every worker in the background; tasks wait (within their budget) for the first one."""
        for _ in range(self.size):
            self._spawn()

    def _spawn(self) -> None:
        if self._closed:
            return
        task = asyncio.get_running_loop().create_task(self._start_worker())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def _start_worker(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_child_main, args=(child, self._factory, self._settings, self.nice),
                                    name=f"cts-{self.name}", daemon=True)
        # Starting a spawned process forks and writes its arguments: do it off the event loop.
        try:
            await asyncio.to_thread(process.start)
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
        self._idle.put_nowait(worker)

    async def call(self, task: str, payload: Any, *, timeout: float) -> Any:
        """Run `task` in a worker within `timeout` seconds. Raises the task's own exception,
        `LaneBusyError` (never started), `TaskTimeoutError` (killed) or `WorkerCrashedError`."""
        if self._waiting >= self.queue_limit or not (self._workers or self._starting):
            raise LaneBusyError(self.name)  # too many waiting, or no worker could be started
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except TimeoutError:
            raise LaneBusyError(self.name) from None
        finally:
            self._waiting -= 1
        try:
            worker.send((task, payload))
            kind, value = await asyncio.wait_for(worker.receive(), max(0.0, deadline - loop.time()))
        except TimeoutError:
            self._replace(worker)
            raise TaskTimeoutError(task) from None
        except (asyncio.IncompleteReadError, OSError, EOFError):
            self._replace(worker)
            raise WorkerCrashedError(task) from None
        except BaseException:  # cancelled mid-task: the reply would be read by the next caller
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        if kind == "ok":
            return value
        if kind == "error" and isinstance(value, Exception):
            raise value
        raise WorkerCrashedError(f"{task}: {value}")

    def _replace(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        loop = asyncio.get_running_loop()
        loop.run_in_executor(None, worker.kill)
        self._spawn()

    async def close(self) -> None:
        self._closed = True
        for task in list(self._starting):
            task.cancel()
        workers, self._workers = list(self._workers), set()
        await asyncio.gather(*(asyncio.to_thread(w.kill) for w in workers))
