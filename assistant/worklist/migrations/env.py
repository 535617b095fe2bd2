"""Alembic environment: runs on the connection `assistant.worklist.store` hands over.

On PostgreSQL the migration holds an advisory lock, so several servers starting at once
upgrade the schema one after another instead of racing.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from assistant.worklist.db import Base

MIGRATION_LOCK = 835_010  # any constant shared by every server of this product


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover - the product migrates online only
    raise SystemExit("offline (SQL script) migrations are not supported; the assistant migrates on first use")
run_migrations_online()
