"""Worker processes start from a fork server that loaded the check once (api.pool, api.preload)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from api.pool import DEFAULT_FACTORY, _child_main, default_start_method
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
LINUX = sys.platform.startswith("linux")


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter: the fork server is one per process, started once."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT), **env}, check=False)


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no fork server here")
def test_the_default_factory_starts_its_workers_from_the_fork_server() -> None:
    assert default_start_method(DEFAULT_FACTORY) == "forkserver"
    assert default_start_method("tests.api.spinning:make") == "forkserver"


@pytest.mark.slow
@pytest.mark.skipif(not LINUX, reason="reads a worker's CPU time from /proc")
def test_a_worker_starts_with_the_check_already_loaded() -> None:
    # Spawned, each worker imported the modules and loaded the knowledge itself: ~2 s of CPU, nine times
    # per web worker. Forked from the preloaded server it costs a fraction of that.
    result = _run("""
        import asyncio, os
        from api.pool import ProcessLane
        from assistant.settings import Settings

        async def main():
            lane = ProcessLane("fast", size=1, settings=Settings(embedder="hash", rate_limit_store="memory"))
            await lane.start()
            assert await lane.ready(240)
            body = await lane.call("check", {"text": "Caregiver training with the wife, 35 minutes."}, timeout=60)
            assert body.startswith(b"{")
            (worker,) = lane._workers
            fields = open(f"/proc/{worker.process.pid}/stat").read().rsplit(")", 1)[1].split()
            print((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
            await lane.close()

        if __name__ == "__main__":
            asyncio.run(main())
    """)
    assert result.returncode == 0, result.stderr[-2000:]
    assert float(result.stdout.split()[-1]) < 0.5


def test_the_preload_never_fails_the_fork_server() -> None:
    # Settings that do not validate: the preload gives up quietly and each worker reports its own failure.
    result = _run("import api.preload; print('imported')", ASSISTANT_RATE_LIMIT_PER_MINUTE="not a number")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "imported"


class _GoneParent:
    """A worker's pipe whose web worker goes away while a task runs: the reply cannot be written."""

    def __init__(self) -> None:
        self.sent = 0
        self.jobs = [pickle.dumps([("check", {"text": "Caregiver training, 35 minutes."})])]

    def send_bytes(self, data: bytes) -> None:
        self.sent += 1
        if self.sent > 1:  # the "ready" message went; the answer does not
            raise BrokenPipeError(32, "Broken pipe")

    def recv_bytes(self) -> bytes:
        if not self.jobs:
            raise EOFError
        return self.jobs.pop()


def test_a_worker_whose_web_worker_went_away_ends_quietly() -> None:
    conn = _GoneParent()
    try:
        _child_main(conn, "tests.api.spinning:make", Settings(embedder="hash", rate_limit_store="memory"))  # type: ignore[arg-type]
    finally:
        gc.unfreeze()  # the worker's loop freezes what it loaded: here, that would be the test process
    assert conn.sent == 2  # tried to answer, then ended without raising (no traceback on stderr)
