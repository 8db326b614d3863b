"""fees: fee items, rates, billing runs and bill lines

Revision ID: fees_0001
Revises: 0001_foundation
Create Date: 2026-11-23 18:47:51.279306
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "fees_0001"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("fees",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "billing_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("started_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("lines_created", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("run_by", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_billing_run")),
    )
    with op.batch_alter_table("billing_run", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_billing_run_period"), ["period"], unique=False)

    op.create_table(
        "fee_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("meter_kind", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('area', 'per_unit', 'parking', 'meter', 'one_off')",
            name=op.f("ck_fee_item_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_item")),
        sa.UniqueConstraint("code", name=op.f("uq_fee_item_code")),
    )
    op.create_table(
        "fee_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("rate_fen", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.CheckConstraint("rate_fen >= 0", name=op.f("ck_fee_rate_rate_not_negative")),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["fee_item.id"],
            name=op.f("fk_fee_rate_item_id_fee_item"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_rate")),
        sa.UniqueConstraint(
            "item_id", "effective_from", name=op.f("uq_fee_rate_item_id_effective_from")
        ),
    )
    op.create_table(
        "bill_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("quantity_centi", sa.Integer(), nullable=False),
        sa.Column("rate_fen", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("paid_fen", sa.Integer(), nullable=False),
        sa.Column("waived_fen", sa.Integer(), nullable=False),
        sa.Column("settled", sa.Boolean(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("source_ref", sa.String(length=40), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_bill_line_amount_positive")),
        sa.CheckConstraint(
            "paid_fen + waived_fen <= amount_fen", name=op.f("ck_bill_line_not_oversettled")
        ),
        sa.CheckConstraint(
            "paid_fen >= 0 AND waived_fen >= 0", name=op.f("ck_bill_line_settled_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["fee_item.id"],
            name=op.f("fk_bill_line_item_id_fee_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["billing_run.id"],
            name=op.f("fk_bill_line_run_id_billing_run"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_bill_line_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bill_line")),
        sa.UniqueConstraint(
            "unit_id",
            "item_id",
            "period",
            "source",
            "source_ref",
            name=op.f("uq_bill_line_unit_id_item_id_period_source_source_ref"),
        ),
    )
    with op.batch_alter_table("bill_line", schema=None) as batch_op:
        batch_op.create_index(
            "ix_bill_line_period", ["period", "item_id", "amount_fen", "paid_fen"], unique=False
        )
        batch_op.create_index("ix_bill_line_source", ["source", "source_ref"], unique=False)
        batch_op.create_index(
            "ix_bill_line_unit_open", ["unit_id", "settled", "due_date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("bill_line", schema=None) as batch_op:
        batch_op.drop_index("ix_bill_line_unit_open")
        batch_op.drop_index("ix_bill_line_source")
        batch_op.drop_index("ix_bill_line_period")

    op.drop_table("bill_line")
    op.drop_table("fee_rate")
    op.drop_table("fee_item")
    with op.batch_alter_table("billing_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_billing_run_period"))

    op.drop_table("billing_run")
