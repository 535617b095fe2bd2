"""The worklist tables (SQLAlchemy 2). The schema itself is created and changed only by the Alembic
migrations in `migrations/`; a test compares these models with the migrated schema.

Money is stored in integer cents (exact on SQLite and PostgreSQL alike). Every item belongs to
one practice, and every query filters on it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps in UTC, returned timezone-aware on every database (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class Base(DeclarativeBase):
    pass


class Practice(Base):
    """A tenant: one billing office. API keys map to practices (Settings.practice_keys)."""

    __tablename__ = "practices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RemittanceFile(Base):
    """One imported 835 file: re-importing the same bytes is recognised by its SHA-256."""

    __tablename__ = "remittances"
    __table_args__ = (UniqueConstraint("practice_id", "sha256", name="uq_remittance_file"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id"))
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(255), default="")
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    imported_by: Mapped[str] = mapped_column(String(120), default="")
    payments: Mapped[int] = mapped_column(Integer, default=0)
    claims: Mapped[int] = mapped_column(Integer, default=0)
    cts_denials: Mapped[int] = mapped_column(Integer, default=0)
    other_denials: Mapped[int] = mapped_column(Integer, default=0)
    items_created: Mapped[int] = mapped_column(Integer, default=0)
    items_updated: Mapped[int] = mapped_column(Integer, default=0)
    reversals: Mapped[int] = mapped_column(Integer, default=0)
    problems: Mapped[list[Any]] = mapped_column(JSON, default=list)


class Item(Base):
    """One denied or underpaid caregiver-training line."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("practice_id", "payer_key", "payer_claim_number", "line_key", name="uq_item_line"),
        Index("ix_items_queue", "practice_id", "open", "due_date"),
        Index("ix_items_status", "practice_id", "status", "pattern_id", "payer_key"),  # covers the outcome rates
        Index("ix_items_claim", "practice_id", "payer_key", "patient_control_number"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id"))
    remittance_id: Mapped[int | None] = mapped_column(ForeignKey("remittances.id"), nullable=True)
    payer_key: Mapped[str] = mapped_column(String(80))
    payer_name: Mapped[str] = mapped_column(String(120))
    payer_type: Mapped[str] = mapped_column(String(24))
    patient_control_number: Mapped[str] = mapped_column(String(40))
    payer_claim_number: Mapped[str] = mapped_column(String(50))
    claim_status: Mapped[str] = mapped_column(String(4))
    patient_name: Mapped[str] = mapped_column(String(120), default="")
    member_id: Mapped[str] = mapped_column(String(40), default="")
    rendering_npi: Mapped[str] = mapped_column(String(15), default="")
    line_key: Mapped[str] = mapped_column(String(80))
    procedure: Mapped[str] = mapped_column(String(8))
    modifiers: Mapped[str] = mapped_column(String(20), default="")
    units: Mapped[int] = mapped_column(Integer, default=1)
    service_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    charge_cents: Mapped[int] = mapped_column(BigInteger)
    paid_cents: Mapped[int] = mapped_column(BigInteger)
    allowed_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    denied_cents: Mapped[int] = mapped_column(BigInteger)
    adjustments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    remarks: Mapped[list[Any]] = mapped_column(JSON, default=list)
    claim_lines: Mapped[list[Any]] = mapped_column(JSON, default=list)
    denial: Mapped[str] = mapped_column(String(120))
    pattern_id: Mapped[str | None] = mapped_column(String(60), nullable=True)
    action: Mapped[str] = mapped_column(String(20))
    route: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notice_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    payer_deadline: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    status_reason: Mapped[str] = mapped_column(String(500), default="")
    assignee: Mapped[str | None] = mapped_column(String(120), nullable=True)
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    reversed: Mapped[bool] = mapped_column(Boolean, default=False)
    note_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    draft: Mapped[str | None] = mapped_column(Text, nullable=True)
    submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recovered_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Optimistic concurrency (hostile16 #1): every ORM update of an item is "UPDATE ... WHERE id = ? AND version = ?"
    # and raises StaleDataError when another writer changed the item since it was read (Store.session -> HTTP 409).
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # why the biller should look again (set by the importer): the payer acted on a decided line, or re-denied a service
    attention: Mapped[str] = mapped_column(String(500), server_default="")
    # the earlier item this one denies again under another claim number: the two are counted as one service
    redenial_of: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's own class attribute


class Event(Base):
    """History: who did what to an item, and when."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    detail: Mapped[str] = mapped_column(String(500), default="")


class Decision(Base):
    """One payer decision on an item at one level, kept as it was decided: an item taken to the next level (or
    reprocessed) changes, its earlier decisions do not, so the outcome statistics count every level's outcome."""

    __tablename__ = "decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practices.id"), index=True)
    pattern_id: Mapped[str | None] = mapped_column(String(60), nullable=True)
    payer_key: Mapped[str] = mapped_column(String(80))
    payer_name: Mapped[str] = mapped_column(String(120))
    route: Mapped[str | None] = mapped_column(String(40), nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    denied_cents: Mapped[int] = mapped_column(BigInteger)
    recovered_cents: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
