"""Worklist: a version number on every item, for optimistic concurrency (hostile16 #1), and what a biller should
look at again on a decided or duplicated item (hostile16 #10, #18).

Two billers recording an outcome on the same item at the same moment both read `submitted`, and both changes were
saved: two decisions for one line. Every change to an item now updates it only if its version is still the one
read (UPDATE ... WHERE id = ? AND version = ?), so the second writer changes nothing and is told so (HTTP 409).
`attention` says why an item needs a second look: the payer reversed or paid a line already decided, or denied
again, under a new claim number, a service another item holds.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("attention", sa.String(500), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.drop_column("attention")
        batch.drop_column("version")
