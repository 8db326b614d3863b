"""Deposits held (押金), their refunds and the deductions kept from them.

A deposit is not income: it is money held for the payer until refunded. Its receipt
(押金收据) has its own gap-free number series (``YJ2026000001``, counter series
``YJ2026`` in ``receipt_counter``). A deduction kept at refund (e.g. a renovation
violation) *is* income: it becomes a fee bill line, recorded in ``bill_line_id``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base


class DepositKind(StrEnum):
    RENOVATION = "renovation"  # 装修押金
    KEY = "key"  # 钥匙押金
    OTHER = "other"  # 其他押金


DEPOSIT_KIND_ZH = {
    DepositKind.RENOVATION: "装修押金",
    DepositKind.KEY: "钥匙押金",
    DepositKind.OTHER: "其他押金",
}


class DepositStatus(StrEnum):
    HELD = "held"  # 在押
    PARTLY = "partly"  # 部分退还
    REFUNDED = "refunded"  # 已退清


DEPOSIT_STATUS_ZH = {
    DepositStatus.HELD: "在押",
    DepositStatus.PARTLY: "部分退还",
    DepositStatus.REFUNDED: "已退清",
}


def _values(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{m.value}'" for m in enum)


class Deposit(Base):
    """One deposit received (押金收据). ``held_fen`` = amount − refunded − deducted."""

    __tablename__ = "deposit"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_values(DepositKind)})", name="kind"),
        CheckConstraint(f"status IN ({_values(DepositStatus)})", name="status"),
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint(
            "refunded_fen >= 0 AND deducted_fen >= 0 AND refunded_fen + deducted_fen <= amount_fen",
            name="not_overdrawn",
        ),
        Index("ix_deposit_unit", "unit_id"),
        Index("ix_deposit_status", "status", "received_on"),
        Index("ix_deposit_source", "source", "source_ref"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    payer: Mapped[str] = mapped_column(String(50), default="")
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))
    txn_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    description: Mapped[str] = mapped_column(String(200), default="")
    # what the deposit secures, e.g. ("renovation_permit", "12"), ("key_deposit", "3")
    source: Mapped[str] = mapped_column(String(30), default="")
    source_ref: Mapped[str] = mapped_column(String(40), default="")
    received_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    received_on: Mapped[date] = mapped_column(Date)
    received_by: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(20), default=DepositStatus.HELD.value)
    refunded_fen: Mapped[int] = mapped_column(Integer, default=0)
    deducted_fen: Mapped[int] = mapped_column(Integer, default=0)
    # a deposit taken before the ledger existed: the fee bill line it was posted as
    legacy_line_id: Mapped[int | None] = mapped_column(Integer)


class DepositRefund(Base):
    """One refund of (part of) a deposit (押金退款单): paid out and kept as deductions."""

    __tablename__ = "deposit_refund"
    __table_args__ = (
        CheckConstraint("amount_fen >= 0 AND deducted_fen >= 0", name="not_negative"),
        CheckConstraint("amount_fen + deducted_fen > 0", name="something_settled"),
        Index("ix_deposit_refund_deposit", "deposit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slip_no: Mapped[str] = mapped_column(String(20), unique=True)
    deposit_id: Mapped[int] = mapped_column(ForeignKey("deposit.id", ondelete="RESTRICT"))
    amount_fen: Mapped[int] = mapped_column(Integer)  # paid back to the payer
    deducted_fen: Mapped[int] = mapped_column(Integer, default=0)  # kept (becomes income)
    method: Mapped[str] = mapped_column(String(20))
    payee: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    refunded_on: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    by: Mapped[str] = mapped_column(String(50), default="")


class DepositDeductionLine(Base):
    """A deduction kept at refund; its income is the fee bill line ``bill_line_id``."""

    __tablename__ = "deposit_deduction"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        Index("ix_deposit_deduction_refund", "refund_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    refund_id: Mapped[int] = mapped_column(ForeignKey("deposit_refund.id", ondelete="RESTRICT"))
    reason: Mapped[str] = mapped_column(String(100))
    amount_fen: Mapped[int] = mapped_column(Integer)
    bill_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("bill_line.id", ondelete="RESTRICT")
    )
