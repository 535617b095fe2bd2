"""The shared `LimitStore` (assistant.limits): plain SQLAlchemy Core on two tables of its own, created
if missing (they are not part of the worklist schema and its migrations).

PostgreSQL (ASSISTANT_DATABASE_URL) shares the limits across hosts; a SQLite file in the data
directory shares them across the workers of one host (WAL mode, so readers never wait). A take
is one atomic conditional UPDATE (GCRA: `api.limits.gcra`), plus an INSERT the first time a key
is seen. Calls block on the database: the API runs them in a worker thread, never on the loop.
Reached through the facade: `assistant.service.limit_store(settings)`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    MetaData,
    String,
    Table,
    case,
    create_engine,
    delete,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql as postgresql_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.schema import CreateTable

from assistant.limits import Limit, gcra

metadata = MetaData()
limits = Table("api_rate_limits", metadata, Column("key", String(200), primary_key=True),
               Column("tat", Float, nullable=False))
seen = Table("api_seen_tokens", metadata, Column("key", String(300), primary_key=True),
             Column("expires", Float, nullable=False))


def create_tables(engine: Engine, attempts: int = 3) -> None:
    """CREATE TABLE IF NOT EXISTS, safe when several workers start on a fresh database at once: `create_all`
    checks then creates, and a worker that lost the race died on "table ... already exists". A concurrent
    IF NOT EXISTS can still fail (SQLite busy past its timeout; PostgreSQL a unique violation in its catalog):
    a short wait and another attempt finds the tables there."""
    for attempt in range(attempts):
        try:
            with engine.begin() as conn:
                for table in metadata.sorted_tables:
                    conn.execute(CreateTable(table, if_not_exists=True))
            return
        except (OperationalError, ProgrammingError, IntegrityError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))  # the other worker's transaction ends; IF NOT EXISTS then passes


def store_url(database_url: str | None, data_dir: Path) -> str:
    """The configured database, else a SQLite file in the data directory."""
    return database_url or f"sqlite:///{data_dir / 'limits.sqlite3'}"


class SqlStore:
    def __init__(self, url: str) -> None:
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(url, pool_pre_ping=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        create_tables(self.engine)
        self._takes = 0

    def take(self, key: str, limit: Limit, now: float, cost: int = 1) -> float:
        key = key[:200]
        start = case((limits.c.tat > now, limits.c.tat), else_=now)
        ahead = (cost - 1) * limit.interval
        allowed = update(limits).where(limits.c.key == key, start + ahead - now <= limit.window)
        allowed = allowed.values(tat=start + cost * limit.interval)
        with self.engine.begin() as conn:
            if conn.execute(allowed).rowcount == 1:
                self._sweep(conn, now)
                return 0.0
            tat = conn.execute(select(limits.c.tat).where(limits.c.key == key)).scalar_one_or_none()
            if tat is not None:
                return gcra(tat, limit, now, cost)[1]
            if ahead <= limit.window and self._insert_new(conn, limits, key=key, tat=now + cost * limit.interval):
                return 0.0
            # another worker inserted it first (count against its row), or the cost is over the burst
            return 0.0 if conn.execute(allowed).rowcount == 1 else limit.interval * cost

    def peek(self, key: str, limit: Limit, now: float) -> float:
        with self.engine.connect() as conn:
            tat = conn.execute(select(limits.c.tat).where(limits.c.key == key[:200])).scalar_one_or_none()
        return gcra(tat, limit, now)[1]

    def once(self, key: str, expires: float, now: float) -> bool:
        key = key[:300]
        with self.engine.begin() as conn:
            # An expired entry may be reused: delete it, then the insert decides.
            conn.execute(delete(seen).where(seen.c.key == key, seen.c.expires <= now))
            return self._insert_new(conn, seen, key=key, expires=expires)

    def _insert_new(self, conn: Any, table: Table, **values: Any) -> bool:
        """INSERT unless the key exists (ON CONFLICT DO NOTHING); True when this call inserted it."""
        dialect = self.engine.dialect.name
        if dialect in ("sqlite", "postgresql"):
            module = sqlite_dialect if dialect == "sqlite" else postgresql_dialect
            statement = module.insert(table).values(**values).on_conflict_do_nothing(index_elements=["key"])
            return bool(conn.execute(statement).rowcount == 1)
        try:  # other databases: a savepoint around a plain insert
            with conn.begin_nested():
                conn.execute(insert(table).values(**values))
            return True
        except IntegrityError:
            return False

    def _sweep(self, conn: Any, now: float) -> None:
        """Now and then, forget keys whose allowance is full again and tokens that have expired."""
        self._takes += 1
        if self._takes % 1000 == 0:
            conn.execute(delete(limits).where(limits.c.tat < now - 3600))
            conn.execute(delete(seen).where(seen.c.expires < now))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
