"""The limit store's tables are created safely when several workers start at once (outside tester, qa6 L4:
the first `serve --workers 2` on a fresh data directory lost a worker to "table api_rate_limits already
exists")."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect

from assistant.worklist.limits import SqlStore, create_tables, metadata

WORKERS = 4
ROUNDS = 3


def _start(url: str, barrier: Any, errors: Any) -> None:
    barrier.wait()
    try:
        SqlStore(url)
    except Exception as exc:  # reported to the parent, which fails the test with it
        errors.put(f"{type(exc).__name__}: {exc}")


def test_workers_racing_on_a_fresh_sqlite_file_all_start(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    for round_no in range(ROUNDS):
        url = f"sqlite:///{tmp_path / f'limits{round_no}.sqlite3'}"
        barrier, errors = ctx.Barrier(WORKERS), ctx.Queue()
        procs = [ctx.Process(target=_start, args=(url, barrier, errors)) for _ in range(WORKERS)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(120)
        seen = [errors.get() for _ in range(errors.qsize())] if not errors.empty() else []
        assert not seen and all(p.exitcode == 0 for p in procs), seen
        assert set(metadata.tables) <= set(inspect(create_engine(url)).get_table_names())


def test_creating_the_tables_again_is_a_no_op(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'limits.sqlite3'}")
    metadata.create_all(engine)  # as another worker left it
    create_tables(engine)
    create_tables(engine)
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())
