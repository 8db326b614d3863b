"""fees: a billing run can be reversed (billing_run.reversed_at / reversed_by / reversal_reason)

Revision ID: fees_0008
Revises: fees_0004
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "fees_0008"
down_revision: str | Sequence[str] | None = "fees_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): billing_run is referenced by bill lines.
    op.add_column(
        "billing_run",
        sa.Column("reversed_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "billing_run",
        sa.Column("reversed_by", sa.String(length=50), server_default="", nullable=False),
    )
    op.add_column(
        "billing_run",
        sa.Column("reversal_reason", sa.String(length=200), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("billing_run", schema=None) as batch_op:
        batch_op.drop_column("reversal_reason")
        batch_op.drop_column("reversed_by")
        batch_op.drop_column("reversed_at")
