"""The database behind the worklist: engine, migrations on first use, sessions, practices.

    store = Store("sqlite:////home/me/.cache/cts-assistant/worklist.sqlite3")   # or postgresql+psycopg://...
    with store.session() as s: ...

SQLite (the default) needs no set-up: the file and its folder are created on first use, in WAL
mode so the HTTP service and the CLI can share it. PostgreSQL is selected by URL. Either way the
schema is brought to the newest Alembic revision before the first query.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from assistant.errors import ConcurrentChangeError, StorageError
from assistant.worklist import migrations
from assistant.worklist.db import Practice

log = logging.getLogger(__name__)
MIGRATIONS = Path(migrations.__file__).resolve().parent


def utcnow() -> datetime:
    return datetime.now(UTC)


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=10000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (Alembic is imported only when there is work to do)."""
    if _current_revision(engine) == migrations.HEAD:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")


class _PracticeRaceError(Exception):
    """The practice was added by another request between this one's read and its insert."""


class Store:
    """One database; sessions and practice ids. Thread-safe; build one per process and URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._practices: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    try:
                        engine = _engine(self.url)
                        migrate(engine)
                    except SQLAlchemyError as exc:
                        log.warning("worklist database unavailable: %s", type(exc).__name__)
                        raise StorageError(
                            "The worklist database cannot be opened or migrated.",
                            hint="check ASSISTANT_DATABASE_URL or the data directory",
                        ) from None
                    self._sessions = sessionmaker(engine, expire_on_commit=False)
                    self._engine = engine
        return self._engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        self.engine  # noqa: B018 - builds and migrates on first use
        assert self._sessions is not None
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except StaleDataError:
                # an item's version moved since it was read (db.Item.version): another writer was first
                session.rollback()
                raise ConcurrentChangeError(
                    "Another change to this worklist item was saved first; this change was not saved.",
                    hint="show the item again to see its current status, then retry if it still applies",
                ) from None
            except SQLAlchemyError as exc:
                session.rollback()
                log.warning("worklist database error: %s", type(exc).__name__)
                raise StorageError("The worklist database refused the change; nothing was saved.") from None
            except BaseException:
                session.rollback()
                raise

    def practice_id(self, key: str) -> int:
        """The id of a practice, created on first use."""
        found = self._practices.get(key)
        if found is not None:
            return found
        try:
            pid = self._find_or_add_practice(key)
        except _PracticeRaceError:  # another request added it first (two uploads on a fresh database): read it
            pid = self._find_or_add_practice(key)
        self._practices[key] = pid
        return pid

    def _find_or_add_practice(self, key: str) -> int:
        with self.session() as s:
            pid = s.scalar(select(Practice.id).where(Practice.key == key))
            if pid is None:
                practice = Practice(key=key, created_at=utcnow())
                s.add(practice)
                try:
                    s.flush()
                except IntegrityError:
                    raise _PracticeRaceError from None
                pid = practice.id
        return pid

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
