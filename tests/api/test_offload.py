"""CPU work runs in worker processes with a time budget; /healthz never waits behind it."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.offload import Offload, ThreadLane
from api.pool import LaneBusyError, ProcessLane, TaskTimeoutError
from tests.api.conftest import NOTE, settings
from tests.api.fakes import FakeAssistant

FACTORY = "tests.api.spinning:make"


def _wait(predicate: object, what: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def pooled() -> Iterator[TestClient]:
    s = settings(cpu_workers=1, request_timeout=30.0, slow_lane_chars=1_000)
    app = create_app(s, assistant=FakeAssistant(s), worker_factory=FACTORY)  # type: ignore[arg-type]
    with TestClient(app) as client:
        _wait(lambda: client.get("/readyz").json()["components"].get("workers") == "ok", "worker processes")
        yield client


@pytest.mark.slow
def test_healthz_answers_while_every_worker_is_busy(pooled: TestClient) -> None:
    offload = pooled.app.state.offload  # type: ignore[attr-defined]
    short, long = "SPIN 8 " + NOTE, "SPIN 8 " + NOTE + " filler" * 200
    with ThreadPoolExecutor(4) as pool:
        # one at a time, each once the lane has taken the one before: two sent together may travel to the worker as
        # one batch and leave nothing waiting (the test was flaky on a loaded machine)
        pending: list[Future[object]] = []
        for text, lane, state, count in ((short, "fast", "busy", 1), (long, "slow", "busy", 1),
                                         (short, "fast", "waiting", 1), (long, "slow", "waiting", 1)):
            pending.append(pool.submit(pooled.post, "/v1/check", json={"text": text}))
            _wait(lambda lane=lane, state=state, count=count: offload.stats[lane][state] == count,  # type: ignore[misc]
                  f"{lane} lane {state}")
        _wait(lambda: all(offload.stats[lane]["busy"] == offload.stats[lane]["ready"] for lane in ("fast", "slow"))
              and offload.stats["fast"]["waiting"] == 1, "a saturated pool")
        assert pooled.get("/healthz").json() == {"status": "ok"}
        assert not any(f.done() for f in pending)  # answered while every check was still running
        assert [f.result().status_code for f in pending] == [200] * 4  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_check_past_its_budget_is_stopped_and_the_worker_replaced() -> None:
    s = settings(cpu_workers=1, request_timeout=1.0)
    app = create_app(s, assistant=FakeAssistant(s), worker_factory=FACTORY)  # type: ignore[arg-type]
    with TestClient(app) as client:
        _wait(lambda: client.get("/readyz").json()["components"].get("workers") == "ok", "worker processes")
        slow = client.post("/v1/check", json={"text": "SPIN 30 " + NOTE})
        assert slow.status_code == 504 and slow.headers["content-type"] == "application/problem+json"
        assert slow.json()["code"] == "timeout"
        offload = client.app.state.offload  # type: ignore[attr-defined]
        _wait(lambda: offload.stats["fast"]["ready"] == 1, "a replacement worker")
        assert client.post("/v1/check", json={"text": NOTE}).status_code == 200


@pytest.mark.slow
def test_no_request_is_accepted_before_a_check_worker_is_ready() -> None:
    """An outside tester's first checks after startup waited out their budget for a worker still importing
    (503, then 504): the app now starts serving once the check has a worker."""
    s = settings(cpu_workers=1, request_timeout=1.0)
    app = create_app(s, assistant=FakeAssistant(s), worker_factory="tests.api.spinning:make_slow_to_start")  # type: ignore[arg-type]
    with TestClient(app) as client:
        assert client.app.state.offload.stats["fast"]["ready"] == 1  # type: ignore[attr-defined]
        assert client.post("/v1/check", json={"text": NOTE}).status_code == 200


@pytest.mark.slow
@pytest.mark.parametrize(("text", "status", "code"), [("   ", 422, "empty_note"), (NOTE, 200, None)])
def test_errors_cross_the_process_boundary(pooled: TestClient, text: str, status: int, code: str | None) -> None:
    response = pooled.post("/v1/check", json={"text": text})
    assert response.status_code == status
    if code:
        assert response.json()["code"] == code and "hint" not in response.json()


def test_a_thread_lane_never_runs_more_than_its_size_and_says_busy() -> None:
    lane = ThreadLane("t", size=1, assistant=None)
    release = threading.Event()

    async def scenario() -> tuple[object, object, int]:
        first = asyncio.create_task(lane.run(release.wait, timeout=0.2))
        await asyncio.sleep(0.05)
        busy = await asyncio.gather(lane.run(lambda: None, timeout=0.1), return_exceptions=True)
        ran_over = await asyncio.gather(first, return_exceptions=True)
        still_held = lane.stats["busy"]  # the abandoned thread keeps its slot until it ends
        release.set()
        return (type(busy[0]), type(ran_over[0]), still_held)

    assert asyncio.run(scenario()) == (LaneBusyError, TaskTimeoutError, 1)


@pytest.mark.slow
def test_a_process_lane_refuses_more_waiting_tasks_than_its_queue_limit() -> None:
    lane = ProcessLane("p", size=1, settings=settings(), queue_limit=1, factory=FACTORY)

    async def scenario() -> list[object]:
        await lane.start()
        while not lane.stats["ready"]:
            await asyncio.sleep(0.05)
        running = asyncio.ensure_future(lane.call("check", {"text": "SPIN 2 " + NOTE}, timeout=30))
        await asyncio.sleep(0.2)
        waiting = asyncio.ensure_future(lane.call("check", {"text": NOTE}, timeout=30))
        await asyncio.sleep(0.2)
        refused = await asyncio.gather(lane.call("check", {"text": NOTE}, timeout=30), return_exceptions=True)
        done = await asyncio.gather(running, waiting, return_exceptions=True)
        await lane.close()
        return [type(refused[0]), *[type(d) for d in done]]

    assert asyncio.run(scenario()) == [LaneBusyError, bytes, bytes]


def test_cpu_workers_0_checks_in_threads_with_the_apps_assistant() -> None:
    s = settings(cpu_workers=0)
    with TestClient(create_app(s)) as client:
        assert client.post("/v1/check", json={"text": NOTE}).status_code == 200
        assert type(client.app.state.offload.cpu["fast"]).__name__ == "ThreadLane"  # type: ignore[attr-defined]


# cores, web workers, ASSISTANT_CPU_WORKERS, ASSISTANT_DRAFTING_WORKERS -> fast, slow, drafting processes per
# web worker. With the defaults a server has, in all, a fast and a slow worker per core and two drafting workers
# per core, however many web workers share the cores.
LANES = [
    (2, 1, None, None, (2, 2, 4)),
    (2, 2, None, None, (1, 1, 2)),
    (8, 2, None, None, (4, 4, 8)),
    (3, 2, None, None, (1, 1, 2)),
    (1, 1, None, None, (1, 1, 2)),
    (2, 1, 1, None, (1, 1, 2)),
    (2, 1, None, 3, (2, 2, 3)),
]


@pytest.mark.parametrize(("cores", "web", "cpu", "drafting", "sizes"), LANES)
def test_lane_sizes(monkeypatch: pytest.MonkeyPatch, cores: int, web: int, cpu: int | None, drafting: int | None,
                    sizes: tuple[int, int, int]) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: cores)
    s = settings(web_workers=web, cpu_workers=cpu, drafting_workers=drafting)
    offload = Offload(s, assistant=None)  # processes start only with start()
    assert tuple(offload.cpu[name].size for name in ("fast", "slow", "drafting")) == sizes  # type: ignore[attr-defined]
