"""Worklist: decisions, one row per payer decision at one level (the outcome statistics' facts).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = (
    "item_id, practice_id, pattern_id, payer_key, payer_name, route, status, denied_cents, recovered_cents, "
    "submitted_on, decided_on"
)


def upgrade() -> None:
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), sa.ForeignKey("items.id", ondelete="CASCADE"), nullable=False),
        sa.Column("practice_id", sa.Integer(), sa.ForeignKey("practices.id"), nullable=False),
        sa.Column("pattern_id", sa.String(60), nullable=True),
        sa.Column("payer_key", sa.String(80), nullable=False),
        sa.Column("payer_name", sa.String(120), nullable=False),
        sa.Column("route", sa.String(40), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("denied_cents", sa.BigInteger(), nullable=False),
        sa.Column("recovered_cents", sa.BigInteger(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_decisions_item_id", "decisions", ["item_id"])
    op.create_index("ix_decisions_practice_id", "decisions", ["practice_id"])
    # the decisions recorded before this table: those items still hold them
    op.execute(
        f"INSERT INTO decisions ({_COLUMNS}) SELECT id, practice_id, pattern_id, payer_key, payer_name, route, "
        "status, denied_cents, recovered_cents, submitted_on, decided_on FROM items "
        "WHERE status IN ('won', 'partially_won', 'lost')"
    )


def downgrade() -> None:
    op.drop_table("decisions")
