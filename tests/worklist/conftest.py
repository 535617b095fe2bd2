"""Storage tests run against SQLite always and against PostgreSQL when ASSISTANT_TEST_DATABASE_URL is set
(.ci/run starts a Debian PostgreSQL and sets it). Each test starts from an empty, freshly migrated schema: on
SQLite a copy of one file migrated once per session (an Alembic upgrade costs ~0.1 s; the CLI tests still migrate
an empty data directory through the real command)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from assistant import Assistant, Settings

FIXTURES = Path(__file__).resolve().parents[1] / "remittance" / "fixtures"
TODAY = date(2025, 4, 25)
PG_URL = os.environ.get("ASSISTANT_TEST_DATABASE_URL")
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(not PG_URL, reason="ASSISTANT_TEST_DATABASE_URL unset")),
]


def era(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def reprocessed_unprocessable() -> bytes:
    """The payer's correction of claim SDT25030401 (reversal and reprocessing) with its 97550 line denied again,
    CO-16: a new determination whose denial is not the reversed claim's."""
    return (
        era("medicare_reprocessed.835")
        .replace(
            b"SVC*HC:97550:GP*120*44.38**1~\nDTM*472*20250304~\nCAS*CO*45*63.39**253*0.91~\nCAS*PR*2*11.32~",
            b"SVC*HC:97550:GP*120*0**1~\nDTM*472*20250304~\nCAS*CO*16*108.47~\nCAS*PR*2*11.53~",
        )
        .replace(b"CLP*SDT25030401*1*180*66.08*16.86", b"CLP*SDT25030401*1*180*21.7*17.07")
        .replace(b"BPR*I*111.55", b"BPR*I*67.17")
    )


def _empty_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        # every table the migrations made, whatever revision added it (a new table is never left behind)
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty SQLite worklist at the newest revision, migrated by the store itself; tests use copies."""
    from assistant.worklist.store import Store

    path = tmp_path_factory.mktemp("worklist-template") / "worklist.sqlite3"
    store = Store(f"sqlite:///{path}")
    store.engine  # noqa: B018 - creates and migrates the file
    store.dispose()
    return path


def sqlite_copy(template: Path, folder: Path) -> str:
    """The URL of a private copy of `template` (closed, so WAL already checkpointed) in `folder`."""
    target = folder / "worklist.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        assert PG_URL is not None
        _empty_postgres(PG_URL)
        return PG_URL
    return sqlite_copy(request.getfixturevalue("migrated_sqlite"), tmp_path)


@pytest.fixture
def assistant(database_url: str, tmp_path: Path) -> Iterator[Assistant]:
    a = Assistant(Settings(embedder="hash", data_dir=tmp_path, database_url=database_url, user="biller-a"))
    yield a
    a.store.dispose()
