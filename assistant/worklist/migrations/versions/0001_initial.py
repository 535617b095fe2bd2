"""Worklist: practices, imported remittances, items, history.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    _create_practices()
    _create_remittances()
    _create_items()
    _create_events()


def _create_practices() -> None:
    op.create_table(
        "practices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(120), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
    )


def _create_remittances() -> None:
    op.create_table(
        "remittances",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("practice_id", sa.Integer(), sa.ForeignKey("practices.id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("imported_at", TZ, nullable=False),
        sa.Column("imported_by", sa.String(120), nullable=False),
        *[
            sa.Column(name, sa.Integer(), nullable=False)
            for name in (
                "payments",
                "claims",
                "cts_denials",
                "other_denials",
                "items_created",
                "items_updated",
                "reversals",
            )
        ],
        sa.Column("problems", sa.JSON(), nullable=False),
        sa.UniqueConstraint("practice_id", "sha256", name="uq_remittance_file"),
    )


def _create_items() -> None:
    op.create_table(
        "items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("practice_id", sa.Integer(), sa.ForeignKey("practices.id"), nullable=False),
        sa.Column("remittance_id", sa.Integer(), sa.ForeignKey("remittances.id"), nullable=True),
        sa.Column("payer_key", sa.String(80), nullable=False),
        sa.Column("payer_name", sa.String(120), nullable=False),
        sa.Column("payer_type", sa.String(24), nullable=False),
        sa.Column("patient_control_number", sa.String(40), nullable=False),
        sa.Column("payer_claim_number", sa.String(50), nullable=False),
        sa.Column("claim_status", sa.String(4), nullable=False),
        sa.Column("patient_name", sa.String(120), nullable=False),
        sa.Column("member_id", sa.String(40), nullable=False),
        sa.Column("rendering_npi", sa.String(15), nullable=False),
        sa.Column("line_key", sa.String(80), nullable=False),
        sa.Column("procedure", sa.String(8), nullable=False),
        sa.Column("modifiers", sa.String(20), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=True),
        sa.Column("charge_cents", sa.BigInteger(), nullable=False),
        sa.Column("paid_cents", sa.BigInteger(), nullable=False),
        sa.Column("allowed_cents", sa.BigInteger(), nullable=True),
        sa.Column("denied_cents", sa.BigInteger(), nullable=False),
        sa.Column("adjustments", sa.JSON(), nullable=False),
        sa.Column("remarks", sa.JSON(), nullable=False),
        sa.Column("claim_lines", sa.JSON(), nullable=False),
        sa.Column("denial", sa.String(120), nullable=False),
        sa.Column("pattern_id", sa.String(60), nullable=True),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("route", sa.String(40), nullable=True),
        sa.Column("notice_date", sa.Date(), nullable=True),
        sa.Column("payer_deadline", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_reason", sa.String(500), nullable=False),
        sa.Column("assignee", sa.String(120), nullable=True),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("reversed", sa.Boolean(), nullable=False),
        sa.Column("note_text", sa.Text(), nullable=True),
        sa.Column("draft", sa.Text(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("recovered_cents", sa.BigInteger(), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.UniqueConstraint("practice_id", "payer_key", "payer_claim_number", "line_key", name="uq_item_line"),
    )
    op.create_index("ix_items_queue", "items", ["practice_id", "open", "due_date"])
    op.create_index("ix_items_status", "items", ["practice_id", "status", "pattern_id", "payer_key"])
    op.create_index("ix_items_claim", "items", ["practice_id", "payer_key", "patient_control_number"])


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
        sa.Column("practice_id", sa.Integer(), sa.ForeignKey("practices.id"), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=True),
        sa.Column("detail", sa.String(500), nullable=False),
    )
    op.create_index("ix_events_item_id", "events", ["item_id"])


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("items")
    op.drop_table("remittances")
    op.drop_table("practices")
