"""fees: payments, receipts, credits, refunds, waivers, discounts, settings, notices, meters

Revision ID: fees_0002
Revises: fees_0001
Create Date: 2026-11-23 18:49:32.759578
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "fees_0002"
down_revision: str | Sequence[str] | None = "fees_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fee_setting",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_fee_setting")),
    )
    op.create_table(
        "receipt_counter",
        sa.Column("series", sa.String(length=20), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("series", name=op.f("pk_receipt_counter")),
    )
    op.create_table(
        "fee_discount_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("min_months", sa.Integer(), nullable=False),
        sa.Column("free_months", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "free_months < min_months", name=op.f("ck_fee_discount_rule_fewer_free")
        ),
        sa.CheckConstraint(
            "min_months > 0 AND free_months > 0", name=op.f("ck_fee_discount_rule_months_positive")
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["fee_item.id"],
            name=op.f("fk_fee_discount_rule_item_id_fee_item"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_discount_rule")),
    )
    op.create_table(
        "fee_contact_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("contact_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("staff", sa.String(length=50), nullable=False),
        sa.Column("outcome", sa.String(length=300), nullable=False),
        sa.Column("promised_date", sa.Date(), nullable=True),
        sa.Column("promise", sa.String(length=10), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('call', 'visit', 'sms', 'other')", name=op.f("ck_fee_contact_log_kind")
        ),
        sa.CheckConstraint(
            "promise IN ('none', 'open', 'kept', 'broken')", name=op.f("ck_fee_contact_log_promise")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_fee_contact_log_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_contact_log")),
    )
    with op.batch_alter_table("fee_contact_log", schema=None) as batch_op:
        batch_op.create_index("ix_fee_contact_log_unit", ["unit_id", "contact_date"], unique=False)

    op.create_table(
        "fee_notice_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("sent_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("sent_by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["unit.id"],
            name=op.f("fk_fee_notice_log_unit_id_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_notice_log")),
    )
    with op.batch_alter_table("fee_notice_log", schema=None) as batch_op:
        batch_op.create_index("ix_fee_notice_log_unit", ["unit_id", "sent_at"], unique=False)

    op.create_table(
        "fee_refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("refunded_on", sa.Date(), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_fee_refund_amount_positive")),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_fee_refund_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_refund")),
    )
    with op.batch_alter_table("fee_refund", schema=None) as batch_op:
        batch_op.create_index("ix_fee_refund_unit", ["unit_id"], unique=False)

    op.create_table(
        "meter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("building_id", sa.Integer(), nullable=True),
        sa.Column("split", sa.String(length=20), nullable=False),
        sa.Column("rollover_centi", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('water', 'electricity')", name=op.f("ck_meter_kind")),
        sa.CheckConstraint("split IN ('', 'area', 'household')", name=op.f("ck_meter_split")),
        sa.ForeignKeyConstraint(
            ["building_id"],
            ["building.id"],
            name=op.f("fk_meter_building_id_building"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_meter_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meter")),
        sa.UniqueConstraint("code", name=op.f("uq_meter_code")),
    )
    with op.batch_alter_table("meter", schema=None) as batch_op:
        batch_op.create_index("ix_meter_unit", ["unit_id", "kind"], unique=False)

    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_no", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("paid_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("txn_ref", sa.String(length=64), nullable=True),
        sa.Column("allocated_fen", sa.Integer(), nullable=False),
        sa.Column("credit_fen", sa.Integer(), nullable=False),
        sa.Column("discount_fen", sa.Integer(), nullable=False),
        sa.Column("discount_note", sa.String(length=200), nullable=False),
        sa.Column("payer", sa.String(length=50), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("taken_by", sa.String(length=50), nullable=False),
        sa.Column("voided", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.String(length=200), nullable=False),
        sa.Column("voided_by", sa.String(length=50), nullable=False),
        sa.Column("voided_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "method IN ('cash', 'transfer', 'card', 'wechat', 'alipay', 'credit')",
            name=op.f("ck_payment_method"),
        ),
        sa.CheckConstraint(
            "amount_fen >= 0 AND discount_fen >= 0", name=op.f("ck_payment_amounts_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_payment_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_payment_receipt_no")),
        sa.UniqueConstraint("txn_ref", name=op.f("uq_payment_txn_ref")),
    )
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.create_index("ix_payment_paid_on", ["paid_on"], unique=False)
        batch_op.create_index("ix_payment_unit", ["unit_id", "paid_at"], unique=False)

    op.create_table(
        "fee_allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_line_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("reversed", sa.Boolean(), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('payment', 'credit', 'discount')", name=op.f("ck_fee_allocation_kind")
        ),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_fee_allocation_amount_positive")),
        sa.ForeignKeyConstraint(
            ["bill_line_id"],
            ["bill_line.id"],
            name=op.f("fk_fee_allocation_bill_line_id_bill_line"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
            name=op.f("fk_fee_allocation_payment_id_payment"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_allocation")),
    )
    with op.batch_alter_table("fee_allocation", schema=None) as batch_op:
        batch_op.create_index("ix_fee_allocation_line", ["bill_line_id"], unique=False)
        batch_op.create_index("ix_fee_allocation_paid_on", ["paid_on"], unique=False)
        batch_op.create_index("ix_fee_allocation_payment", ["payment_id"], unique=False)

    op.create_table(
        "fee_credit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("bill_line_id", sa.Integer(), nullable=True),
        sa.Column("refund_id", sa.Integer(), nullable=True),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(
            ["bill_line_id"],
            ["bill_line.id"],
            name=op.f("fk_fee_credit_bill_line_id_bill_line"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["payment.id"],
            name=op.f("fk_fee_credit_payment_id_payment"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["refund_id"],
            ["fee_refund.id"],
            name=op.f("fk_fee_credit_refund_id_fee_refund"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_fee_credit_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_credit")),
    )
    with op.batch_alter_table("fee_credit", schema=None) as batch_op:
        batch_op.create_index("ix_fee_credit_unit", ["unit_id"], unique=False)

    op.create_table(
        "fee_waiver",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bill_line_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("approved_by", sa.String(length=50), nullable=False),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('arrears', 'late_fee')", name=op.f("ck_fee_waiver_kind")),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_fee_waiver_amount_positive")),
        sa.ForeignKeyConstraint(
            ["bill_line_id"],
            ["bill_line.id"],
            name=op.f("fk_fee_waiver_bill_line_id_bill_line"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fee_waiver")),
    )
    with op.batch_alter_table("fee_waiver", schema=None) as batch_op:
        batch_op.create_index("ix_fee_waiver_line", ["bill_line_id"], unique=False)

    op.create_table(
        "meter_reading",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meter_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("previous_centi", sa.Integer(), nullable=False),
        sa.Column("reading_centi", sa.Integer(), nullable=False),
        sa.Column("consumption_centi", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("old_final_centi", sa.Integer(), nullable=True),
        sa.Column("new_initial_centi", sa.Integer(), nullable=True),
        sa.Column("read_on", sa.Date(), nullable=False),
        sa.Column("entered_by", sa.String(length=50), nullable=False),
        sa.Column("created_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('normal', 'rollover', 'replacement')", name=op.f("ck_meter_reading_kind")
        ),
        sa.CheckConstraint(
            "consumption_centi >= 0", name=op.f("ck_meter_reading_consumption_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["meter_id"],
            ["meter.id"],
            name=op.f("fk_meter_reading_meter_id_meter"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meter_reading")),
        sa.UniqueConstraint("meter_id", "period", name=op.f("uq_meter_reading_meter_id_period")),
    )
    with op.batch_alter_table("meter_reading", schema=None) as batch_op:
        batch_op.create_index("ix_meter_reading_period", ["period"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meter_reading", schema=None) as batch_op:
        batch_op.drop_index("ix_meter_reading_period")

    op.drop_table("meter_reading")
    with op.batch_alter_table("fee_waiver", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_waiver_line")

    op.drop_table("fee_waiver")
    with op.batch_alter_table("fee_credit", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_credit_unit")

    op.drop_table("fee_credit")
    with op.batch_alter_table("fee_allocation", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_allocation_payment")
        batch_op.drop_index("ix_fee_allocation_paid_on")
        batch_op.drop_index("ix_fee_allocation_line")

    op.drop_table("fee_allocation")
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index("ix_payment_unit")
        batch_op.drop_index("ix_payment_paid_on")

    op.drop_table("payment")
    with op.batch_alter_table("meter", schema=None) as batch_op:
        batch_op.drop_index("ix_meter_unit")

    op.drop_table("meter")
    with op.batch_alter_table("fee_refund", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_refund_unit")

    op.drop_table("fee_refund")
    with op.batch_alter_table("fee_notice_log", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_notice_log_unit")

    op.drop_table("fee_notice_log")
    with op.batch_alter_table("fee_contact_log", schema=None) as batch_op:
        batch_op.drop_index("ix_fee_contact_log_unit")

    op.drop_table("fee_contact_log")
    op.drop_table("fee_discount_rule")
    op.drop_table("receipt_counter")
    op.drop_table("fee_setting")
