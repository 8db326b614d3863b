"""care: who last reviewed an attention flag and when (已复查)

Revision ID: care_0004
Revises: care_0003
Create Date: 2026-12-07 02:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "care_0004"
down_revision: str | Sequence[str] | None = "care_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): the flags keep their rows in place.
    op.add_column(
        "care_flag",
        sa.Column("reviewed_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
    )
    op.add_column(
        "care_flag",
        sa.Column("reviewed_by", sa.String(length=50), server_default="", nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("care_flag") as batch_op:
        batch_op.drop_column("reviewed_by")
        batch_op.drop_column("reviewed_at")
