"""deposits: the deposit ledger (押金台账), refunds (押金退款单) and deductions

Existing renovation deposits, which were fee bill lines (item ``deposit``), are copied
into the ledger with their receipt number, refund and deductions; the old bill lines
stay as history and are left out of billed and collected by their item.

Revision ID: deposits_0001
Revises: fees_0004
Create Date: 2026-12-06 03:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import propdesk.db.types

revision: str = "deposits_0001"
down_revision: str | Sequence[str] | None = "fees_0004"
branch_labels: str | Sequence[str] | None = ("deposits",)
# the data copy reads renovation permits and their deductions
depends_on: str | Sequence[str] | None = ("occupancy_0002",)


def upgrade() -> None:
    op.create_table(
        "deposit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("receipt_no", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("payer", sa.String(length=50), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("txn_ref", sa.String(length=64), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("source_ref", sa.String(length=40), nullable=False),
        sa.Column("received_at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("received_by", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("refunded_fen", sa.Integer(), nullable=False),
        sa.Column("deducted_fen", sa.Integer(), nullable=False),
        sa.Column("legacy_line_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('renovation', 'key', 'other')", name=op.f("ck_deposit_kind")),
        sa.CheckConstraint(
            "status IN ('held', 'partly', 'refunded')", name=op.f("ck_deposit_status")
        ),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_deposit_amount_positive")),
        sa.CheckConstraint(
            "refunded_fen >= 0 AND deducted_fen >= 0 AND refunded_fen + deducted_fen <= amount_fen",
            name=op.f("ck_deposit_not_overdrawn"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_deposit_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit")),
        sa.UniqueConstraint("receipt_no", name=op.f("uq_deposit_receipt_no")),
        sa.UniqueConstraint("txn_ref", name=op.f("uq_deposit_txn_ref")),
    )
    with op.batch_alter_table("deposit", schema=None) as batch_op:
        batch_op.create_index("ix_deposit_unit", ["unit_id"], unique=False)
        batch_op.create_index("ix_deposit_status", ["status", "received_on"], unique=False)
        batch_op.create_index("ix_deposit_source", ["source", "source_ref"], unique=False)

    op.create_table(
        "deposit_refund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slip_no", sa.String(length=20), nullable=False),
        sa.Column("deposit_id", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("deducted_fen", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("payee", sa.String(length=50), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("refunded_on", sa.Date(), nullable=False),
        sa.Column("at", propdesk.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=50), nullable=False),
        sa.CheckConstraint(
            "amount_fen >= 0 AND deducted_fen >= 0", name=op.f("ck_deposit_refund_not_negative")
        ),
        sa.CheckConstraint(
            "amount_fen + deducted_fen > 0", name=op.f("ck_deposit_refund_something_settled")
        ),
        sa.ForeignKeyConstraint(
            ["deposit_id"],
            ["deposit.id"],
            name=op.f("fk_deposit_refund_deposit_id_deposit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_refund")),
        sa.UniqueConstraint("slip_no", name=op.f("uq_deposit_refund_slip_no")),
    )
    with op.batch_alter_table("deposit_refund", schema=None) as batch_op:
        batch_op.create_index("ix_deposit_refund_deposit", ["deposit_id"], unique=False)

    op.create_table(
        "deposit_deduction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=100), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("bill_line_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("amount_fen > 0", name=op.f("ck_deposit_deduction_amount_positive")),
        sa.ForeignKeyConstraint(
            ["bill_line_id"],
            ["bill_line.id"],
            name=op.f("fk_deposit_deduction_bill_line_id_bill_line"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["refund_id"],
            ["deposit_refund.id"],
            name=op.f("fk_deposit_deduction_refund_id_deposit_refund"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deposit_deduction")),
    )
    with op.batch_alter_table("deposit_deduction", schema=None) as batch_op:
        batch_op.create_index("ix_deposit_deduction_refund", ["refund_id"], unique=False)

    _copy_legacy_deposits()


def _copy_legacy_deposits() -> None:
    """Renovation deposits taken as fee bill lines → ledger rows (with refunds, deductions)."""
    bind = op.get_bind()
    rows = (
        bind.execute(
            sa.text(
                "SELECT l.id AS line_id, l.unit_id, l.paid_fen, l.description, l.source_ref,"
                " p.receipt_no, p.payer, p.method, p.paid_at, p.paid_on, p.taken_by,"
                " r.id AS permit_id, r.refund_fen, r.refunded_on"
                " FROM bill_line l"
                " JOIN fee_item i ON i.id = l.item_id"
                " JOIN fee_allocation a ON a.bill_line_id = l.id AND NOT a.reversed"
                "   AND a.kind = 'payment'"
                " JOIN payment p ON p.id = a.payment_id AND NOT p.voided"
                " LEFT JOIN renovation_permit r ON r.deposit_line_id = l.id"
                " WHERE i.code = 'deposit' AND l.source = 'renovation_deposit' AND l.paid_fen > 0"
                " ORDER BY l.id"
            )
        )
        .mappings()
        .all()
    )
    seen: set[int] = set()
    for row in rows:
        if row["line_id"] in seen:
            continue  # paid by several payments: the first receipt names it
        seen.add(row["line_id"])
        amount = int(row["paid_fen"])
        refunded = row["refund_fen"]
        status = "held" if refunded is None else "refunded"
        dep_id = bind.execute(
            sa.text(
                "INSERT INTO deposit (receipt_no, kind, unit_id, payer, amount_fen, method,"
                " txn_ref, description, source, source_ref, received_at, received_on,"
                " received_by, status, refunded_fen, deducted_fen, legacy_line_id)"
                " VALUES (:no, 'renovation', :unit, :payer, :amount, :method, NULL, :desc,"
                " 'renovation_permit', :ref, :at, :on, :by, :status, :refunded, :deducted,"
                " :line) RETURNING id"
            ),
            {
                "no": row["receipt_no"],
                "unit": row["unit_id"],
                "payer": row["payer"] or "",
                "amount": amount,
                "method": row["method"],
                "desc": (row["description"] or "装修押金")[:200],
                "ref": row["source_ref"],
                "at": row["paid_at"],
                "on": row["paid_on"],
                "by": row["taken_by"] or "",
                "status": status,
                "refunded": 0 if refunded is None else int(refunded),
                "deducted": 0 if refunded is None else amount - int(refunded),
                "line": row["line_id"],
            },
        ).scalar_one()
        if refunded is None:
            continue
        refund_id = bind.execute(
            sa.text(
                "INSERT INTO deposit_refund (slip_no, deposit_id, amount_fen, deducted_fen,"
                ' method, payee, reason, refunded_on, "at", "by")'
                " VALUES (:slip, :dep, :amount, :deducted, :method, :payee,"
                " '迁移前已退还（经预收退款）', :on, :at, '') RETURNING id"
            ),
            {
                "slip": f"TKOLD{dep_id:06d}",
                "dep": dep_id,
                "amount": int(refunded),
                "deducted": amount - int(refunded),
                "method": row["method"],
                "payee": row["payer"] or "",
                "on": row["refunded_on"] or row["paid_on"],
                "at": row["paid_at"],
            },
        ).scalar_one()
        bind.execute(
            sa.text(
                "INSERT INTO deposit_deduction (refund_id, reason, amount_fen, bill_line_id)"
                " SELECT :refund, d.reason, d.amount_fen, l.id FROM renovation_deduction d"
                " LEFT JOIN bill_line l ON l.source = 'renovation_deduction'"
                "   AND l.source_ref = CAST(d.id AS VARCHAR)"
                " WHERE d.permit_id = :permit ORDER BY d.id"
            ),
            {"refund": refund_id, "permit": row["permit_id"]},
        )


def downgrade() -> None:
    with op.batch_alter_table("deposit_deduction", schema=None) as batch_op:
        batch_op.drop_index("ix_deposit_deduction_refund")
    op.drop_table("deposit_deduction")
    with op.batch_alter_table("deposit_refund", schema=None) as batch_op:
        batch_op.drop_index("ix_deposit_refund_deposit")
    op.drop_table("deposit_refund")
    with op.batch_alter_table("deposit", schema=None) as batch_op:
        batch_op.drop_index("ix_deposit_source")
        batch_op.drop_index("ix_deposit_status")
        batch_op.drop_index("ix_deposit_unit")
    op.drop_table("deposit")
