"""fees: who authorised a void (payment.void_approved_by, 主管授权)

Revision ID: fees_0004
Revises: fees_0003
Create Date: 2026-11-23 20:31:21.706791
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "fees_0004"
down_revision: str | Sequence[str] | None = "fees_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): payment is referenced by allocations, credits and
    # refunds, so rebuilding it on SQLite would break a database that holds payments.
    op.add_column(
        "payment",
        sa.Column("void_approved_by", sa.String(length=50), server_default="", nullable=False),
    )
    # Before this revision the person who voided a receipt was also its approver.
    op.execute("UPDATE payment SET void_approved_by = voided_by WHERE voided")


def downgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_column("void_approved_by")
