"""fees: period close (关账), reversals (红冲) and the cashier's daily close (日结)

Revision ID: fees_0007
Revises: fees_0004
Create Date: 2026-12-06 03:20:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "fees_0007"
down_revision: str | Sequence[str] | None = "fees_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fee_closed_period",
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("closed_by", sa.String(length=50), nullable=False),
        sa.Column("closed_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("period", name=op.f("pk_fee_closed_period")),
    )
    op.create_table(
        "fee_reversal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("reversed_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
            name=op.f("fk_fee_reversal_payment_id_payment"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_reversal")),
        sa.UniqueConstraint("payment_id", name=op.f("uq_fee_reversal_payment_id")),
    )
    with op.batch_alter_table("fee_reversal", schema=None) as batch_op:
        batch_op.create_index("ix_fee_reversal_on", ["reversed_on"], unique=False)
    op.create_table(
        "fee_daily_close",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cashier", sa.String(length=50), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.Column("cash_expected_fen", sa.Integer(), nullable=False),
        sa.Column("cash_counted_fen", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("closed_by", sa.String(length=50), nullable=False),
        sa.Column("closed_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_daily_close")),
        sa.UniqueConstraint("cashier", "day", name=op.f("uq_fee_daily_close_cashier_day")),
    )
    with op.batch_alter_table("fee_daily_close", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_fee_daily_close_day"), ["day"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fee_daily_close", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fee_daily_close_day"))
    op.drop_table("fee_daily_close")
    with op.batch_alter_table("fee_reversal", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_reversal_on")
    op.drop_table("fee_reversal")
    op.drop_table("fee_closed_period")
