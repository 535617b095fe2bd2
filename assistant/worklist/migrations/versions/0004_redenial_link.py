"""Worklist: a re-denial names the item it repeats, so the open count and amount count the service once (hostile17 #14).

A second remittance that denies again, under a new claim number, a service an item already holds made a second
item; both were flagged "work them as one", but `worklist stats` listed and added up both (572 + 458 items for 572
services). The new item now keeps the earlier item's id, and the open figures leave out a re-denial while the item
it repeats is still open.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("redenial_of", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.drop_column("redenial_of")
