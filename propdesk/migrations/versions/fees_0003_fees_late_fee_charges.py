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
    # Plain ADD COLUMN, not a batch copy of the table: on SQLite a batch migration drops
    # and recreates bill_line, which the foreign keys of allocations, credits and waivers
    # forbid once a database holds payments.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE bill_line ADD COLUMN late_fee_charged_fen INTEGER DEFAULT '0' NOT NULL"
        )
        op.execute("ALTER TABLE bill_line ADD COLUMN late_fee_of INTEGER REFERENCES bill_line (id)")
    else:
        op.add_column(
            "bill_line",
            sa.Column("late_fee_charged_fen", sa.Integer(), server_default="0", nullable=False),
        )
        op.add_column("bill_line", sa.Column("late_fee_of", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_bill_line_late_fee_of_bill_line"),
            "bill_line",
            "bill_line",
            ["late_fee_of"],
            ["id"],
        )
    op.create_index(op.f("ix_bill_line_late_fee_of"), "bill_line", ["late_fee_of"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bill_line", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_bill_line_late_fee_of_bill_line"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_bill_line_late_fee_of"))
        batch_op.drop_column("late_fee_of")
        batch_op.drop_column("late_fee_charged_fen")
