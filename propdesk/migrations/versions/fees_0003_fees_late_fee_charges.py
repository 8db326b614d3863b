"""fees: late fees turned into charges (bill_line.late_fee_charged_fen, late_fee_of)

Revision ID: fees_0003
Revises: fees_0002
Create Date: 2026-11-23 19:26:06.584778
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "fees_0003"
down_revision: str | Sequence[str] | None = "fees_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("bill_line", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("late_fee_charged_fen", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("late_fee_of", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_bill_line_late_fee_of"), ["late_fee_of"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_bill_line_late_fee_of_bill_line"),
            "bill_line",
            ["late_fee_of"],
            ["id"],
            ondelete="RESTRICT",
        )


def downgrade() -> None:
    with op.batch_alter_table("bill_line", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_bill_line_late_fee_of_bill_line"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_bill_line_late_fee_of"))
        batch_op.drop_column("late_fee_of")
        batch_op.drop_column("late_fee_charged_fen")
