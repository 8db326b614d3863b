"""Fee tables: items, rates with effective dates, bill lines (charges) and billing runs.

Money is integer fen. A bill line is one charge on one unit: a monthly line from a
billing run (``source == "billing"``, one per unit, item and period) or a one-off
charge (paid repair, deposit, …) whose ``(source, source_ref)`` names what caused it.
``paid_fen`` and ``waived_fen`` are kept in step with the allocations and waivers so
that arrears queries never have to sum the payment history.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base, Versioned


class ItemKind(StrEnum):
    """How an item's monthly amount is computed."""

    AREA = "area"  # rate (fen per m² per month) × unit area
    PER_UNIT = "per_unit"  # flat rate per unit and month (e.g. elevator fee)
    PARKING = "parking"  # rate per parking space linked to the unit
    METER = "meter"  # consumption (meter reading difference) × unit price
    ONE_OFF = "one_off"  # charged on demand (paid repairs, deposits, others)
    FIXED = "fixed"  # a fixed monthly amount per unit (定额, e.g. 垃圾清运费)


class Rounding(StrEnum):
    """How an item's amount is rounded (half up): to the fen, the jiao or the yuan."""

    FEN = "fen"
    JIAO = "jiao"
    YUAN = "yuan"


def _enum_values(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{m.value}'" for m in enum)


BILLING_SOURCE = "billing"


class FeeItem(Versioned, Base):
    """A fee item (收费项目), e.g. ``property`` 物业服务费 or ``paid_repair`` 有偿维修."""

    __tablename__ = "fee_item"
    __table_args__ = (CheckConstraint(f"kind IN ({_enum_values(ItemKind)})", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20))
    meter_kind: Mapped[str] = mapped_column(String(20), default="")  # water / electricity
    active: Mapped[bool] = mapped_column(default=True)
    sort_key: Mapped[int] = mapped_column(Integer, default=0)
    # Fee standards (收费标准, fees_0006): category shown to finance, the discount of a
    # vacant unit (空置房优惠, percent off), the rounding of each line, and whether the
    # cashier's one-off catalogue offers the item.
    category: Mapped[str] = mapped_column(String(20), default="", server_default="")
    vacant_discount_pct: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rounding: Mapped[str] = mapped_column(String(10), default="fen", server_default="fen")
    in_catalogue: Mapped[bool] = mapped_column(default=False, server_default="0")


class FeeRate(Base):
    """The rate of an item from ``effective_from`` on, for the units its scope matches.

    ``rate_fen`` is fen per m² per month (area items), per unit/space and month, or per
    meter unit (m³, kWh). A rate is never edited once bills used it: a change is a new row.
    The scope (``building_id``, ``unit_type``, ``floor_from``..``floor_to``; empty = any)
    narrows a rate; the most specific matching rate wins
    (:func:`propdesk.fees.standards.pick_rate`). One rate per item, scope and date
    (checked by the service: NULLs make a unique constraint useless here).
    """

    __tablename__ = "fee_rate"
    __table_args__ = (
        CheckConstraint("rate_fen >= 0", name="rate_not_negative"),
        Index("ix_fee_rate_item", "item_id", "effective_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("fee_item.id", ondelete="RESTRICT"))
    effective_from: Mapped[date] = mapped_column(Date)
    rate_fen: Mapped[int] = mapped_column(Integer)
    building_id: Mapped[int | None] = mapped_column(
        ForeignKey("building.id", ondelete="RESTRICT")
    )
    unit_type: Mapped[str] = mapped_column(String(20), default="", server_default="")
    floor_from: Mapped[int | None] = mapped_column(Integer)
    floor_to: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    created_by: Mapped[str] = mapped_column(String(50), default="")


class BillingRun(Base):
    """One completed billing run for a period; written in the same transaction as its lines."""

    __tablename__ = "billing_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    started_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    lines_created: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    run_by: Mapped[str] = mapped_column(String(50), default="")
    # A reversed run (撤销出账): its lines are gone; who, when and why stay here.
    reversed_at: Mapped[datetime | None] = mapped_column()
    reversed_by: Mapped[str] = mapped_column(String(50), default="", server_default="")
    reversal_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")


class BillLine(Base):
    """One charge (账单明细) on a unit: ``amount - paid - waived`` is still owed."""

    __tablename__ = "bill_line"
    __table_args__ = (
        UniqueConstraint("unit_id", "item_id", "period", "source", "source_ref"),
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint("paid_fen >= 0 AND waived_fen >= 0", name="settled_not_negative"),
        CheckConstraint("paid_fen + waived_fen <= amount_fen", name="not_oversettled"),
        Index("ix_bill_line_source", "source", "source_ref"),
        Index("ix_bill_line_period", "period", "item_id", "amount_fen", "paid_fen"),
        Index("ix_bill_line_unit_open", "unit_id", "settled", "due_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    item_id: Mapped[int] = mapped_column(ForeignKey("fee_item.id", ondelete="RESTRICT"))
    period: Mapped[str] = mapped_column(String(7))  # 'YYYY-MM'
    due_date: Mapped[date] = mapped_column(Date)
    quantity_centi: Mapped[int] = mapped_column(
        Integer, default=0
    )  # area, spaces or consumption ×100
    rate_fen: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer)
    paid_fen: Mapped[int] = mapped_column(Integer, default=0)
    waived_fen: Mapped[int] = mapped_column(Integer, default=0)
    settled: Mapped[bool] = mapped_column(default=False)  # paid + waived == amount
    description: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(30), default=BILLING_SOURCE)
    source_ref: Mapped[str] = mapped_column(String(40), default="")
    run_id: Mapped[int | None] = mapped_column(ForeignKey("billing_run.id", ondelete="RESTRICT"))
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Late fee (滞纳金) already turned into a charge for this line, and, on such a charge,
    # the line whose lateness it charges.
    late_fee_charged_fen: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # (no ON DELETE clause: SQLite cannot report one for a column added by ALTER TABLE;
    # bill lines are never deleted anyway)
    late_fee_of: Mapped[int | None] = mapped_column(ForeignKey("bill_line.id"), index=True)


# --- payments, receipts, credits --------------------------------------------------------


class PayMethod(StrEnum):
    CASH = "cash"
    TRANSFER = "transfer"
    CARD = "card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    CREDIT = "credit"  # settled from the unit's credit (预收) balance, no money taken


PAY_METHOD_ZH = {
    PayMethod.CASH: "现金",
    PayMethod.TRANSFER: "银行转账",
    PayMethod.CARD: "刷卡",
    PayMethod.WECHAT: "微信",
    PayMethod.ALIPAY: "支付宝",
    PayMethod.CREDIT: "预收抵扣",
}


class ReceiptCounter(Base):
    """The next receipt number of a series; incremented inside the payment's transaction.

    On PostgreSQL the row lock of ``UPDATE … RETURNING`` makes a second desk wait until the
    first commits or rolls back; on SQLite the database write lock serialises desks. A
    rolled-back payment rolls its number back too, so the sequence has no gaps.
    """

    __tablename__ = "receipt_counter"

    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Payment(Base):
    """A payment taken at the desk and its receipt (收据). Voided, never deleted."""

    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint(f"method IN ({_enum_values(PayMethod)})", name="method"),
        CheckConstraint("amount_fen >= 0 AND discount_fen >= 0", name="amounts_not_negative"),
        Index("ix_payment_unit", "unit_id", "paid_at"),
        Index("ix_payment_paid_on", "paid_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(20), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    paid_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    paid_on: Mapped[date] = mapped_column(Date)  # the business day (local) for reports
    amount_fen: Mapped[int] = mapped_column(Integer)  # money received
    method: Mapped[str] = mapped_column(String(20))
    # Bank / WeChat / Alipay transaction reference: taken once across every channel.
    txn_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    allocated_fen: Mapped[int] = mapped_column(Integer, default=0)
    credit_fen: Mapped[int] = mapped_column(Integer, default=0)  # kept as 预收 on the unit
    discount_fen: Mapped[int] = mapped_column(Integer, default=0)
    discount_note: Mapped[str] = mapped_column(String(200), default="")
    payer: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    taken_by: Mapped[str] = mapped_column(String(50), default="")
    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    voided_by: Mapped[str] = mapped_column(String(50), default="")  # who asked (at the desk)
    # who authorised the void (主管授权); the same person when they voided it themselves
    void_approved_by: Mapped[str] = mapped_column(String(50), default="", server_default="")
    voided_at: Mapped[datetime | None] = mapped_column()
    # Created when the payment form opens (uuid4 hex) and kept for its retries: the same
    # key twice is one payment (Enter plus the default button, a double click, a retry
    # after a lost connection). A unique index, so concurrent duplicates end in one row.
    idempotency_key: Mapped[str | None] = mapped_column(String(40), unique=True, index=True)


class AllocKind(StrEnum):
    PAYMENT = "payment"
    CREDIT = "credit"
    DISCOUNT = "discount"


class Allocation(Base):
    """Part of a bill line settled by a payment, by the unit's credit, or by a discount."""

    __tablename__ = "fee_allocation"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint(f"kind IN ({_enum_values(AllocKind)})", name="kind"),
        Index("ix_fee_allocation_line", "bill_line_id"),
        Index("ix_fee_allocation_payment", "payment_id"),
        Index("ix_fee_allocation_paid_on", "paid_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_line_id: Mapped[int] = mapped_column(ForeignKey("bill_line.id", ondelete="RESTRICT"))
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    amount_fen: Mapped[int] = mapped_column(Integer)
    paid_on: Mapped[date] = mapped_column(Date)
    reversed: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)


class CreditEntry(Base):
    """The unit's credit ledger (预收/溢缴): the balance is the sum of ``amount_fen``."""

    __tablename__ = "fee_credit"
    __table_args__ = (Index("ix_fee_credit_unit", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    amount_fen: Mapped[int] = mapped_column(Integer)  # + added, − used or refunded
    kind: Mapped[str] = mapped_column(String(20))  # overpay / prepay / consume / refund / void
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("payment.id", ondelete="RESTRICT"))
    bill_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("bill_line.id", ondelete="RESTRICT")
    )
    refund_id: Mapped[int | None] = mapped_column(ForeignKey("fee_refund.id", ondelete="RESTRICT"))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)
    by: Mapped[str] = mapped_column(String(50), default="")


class Refund(Base):
    """Money paid back to a unit out of its credit balance."""

    __tablename__ = "fee_refund"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        Index("ix_fee_refund_unit", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(200))
    refunded_on: Mapped[date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(50), default="")
    at: Mapped[datetime] = mapped_column(default=clock.column_now)


class DiscountRule(Versioned, Base):
    """Prepay ``min_months`` of an item at once and ``free_months`` of them are free."""

    __tablename__ = "fee_discount_rule"
    __table_args__ = (
        CheckConstraint("min_months > 0 AND free_months > 0", name="months_positive"),
        CheckConstraint("free_months < min_months", name="fewer_free"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    item_id: Mapped[int] = mapped_column(ForeignKey("fee_item.id", ondelete="RESTRICT"))
    min_months: Mapped[int] = mapped_column(Integer)
    free_months: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)


class Waiver(Base):
    """A manager-approved waiver (减免) of part of a bill line or of its late fee."""

    __tablename__ = "fee_waiver"
    __table_args__ = (
        CheckConstraint("amount_fen > 0", name="amount_positive"),
        CheckConstraint("kind IN ('arrears', 'late_fee')", name="kind"),
        Index("ix_fee_waiver_line", "bill_line_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bill_line_id: Mapped[int] = mapped_column(ForeignKey("bill_line.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200))
    approved_by: Mapped[str] = mapped_column(String(50))
    at: Mapped[datetime] = mapped_column(default=clock.column_now)


class FeeSetting(Base):
    """Estate-wide fee settings shared by every desk (late fee, reminder thresholds)."""

    __tablename__ = "fee_setting"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


# --- notices, reminders and the contact log ----------------------------------------------


class NoticeLog(Base):
    """A payment notice (缴费通知单) or reminder letter (催缴函, level 1–3) issued to a unit."""

    __tablename__ = "fee_notice_log"
    __table_args__ = (Index("ix_fee_notice_log_unit", "unit_id", "sent_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    kind: Mapped[str] = mapped_column(String(20))  # notice / reminder
    level: Mapped[int] = mapped_column(Integer, default=0)  # 1, 2, 3 (final) for reminders
    period: Mapped[str] = mapped_column(String(7), default="")
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime] = mapped_column(default=clock.column_now)
    sent_by: Mapped[str] = mapped_column(String(50), default="")
    # how it reached the household: printed / saved (as PDF) / hand (delivery confirmed) / post
    channel: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # the letter's number (翠物催字〔2026〕第058号); notices: the notice number
    doc_no: Mapped[str] = mapped_column(String(40), default="", server_default="")


class ContactLog(Base):
    """A call or visit about arrears, with the owner's promise to pay (if any)."""

    __tablename__ = "fee_contact_log"
    __table_args__ = (
        CheckConstraint("kind IN ('call', 'visit', 'sms', 'other')", name="kind"),
        CheckConstraint("promise IN ('none', 'open', 'kept', 'broken')", name="promise"),
        Index("ix_fee_contact_log_unit", "unit_id", "contact_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    contact_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))
    staff: Mapped[str] = mapped_column(String(50))
    outcome: Mapped[str] = mapped_column(String(300), default="")
    promised_date: Mapped[date | None] = mapped_column(Date)
    promise: Mapped[str] = mapped_column(String(10), default="none")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)


# --- meters ------------------------------------------------------------------------------


class Meter(Versioned, Base):
    """A water or electricity meter: a unit's own, or a shared (公摊) meter of a building/estate.

    Readings are hundredths of m³/kWh. ``rollover_centi`` is where the meter wraps back to
    zero (翻零): a 5-digit water meter wraps at 100000 m³, i.e. ``10_000_000``.
    """

    __tablename__ = "meter"
    __table_args__ = (
        UniqueConstraint("code"),
        CheckConstraint("kind IN ('water', 'electricity')", name="kind"),
        CheckConstraint("split IN ('', 'area', 'household')", name="split"),
        Index("ix_meter_unit", "unit_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id", ondelete="RESTRICT"))
    building_id: Mapped[int | None] = mapped_column(
        ForeignKey("building.id", ondelete="RESTRICT")
    )  # scope of a shared meter (None: the whole estate)
    split: Mapped[str] = mapped_column(String(20), default="")  # shared meters: area / household
    rollover_centi: Mapped[int] = mapped_column(Integer, default=100_000_00)
    active: Mapped[bool] = mapped_column(default=True)


class MeterReading(Base):
    """The reading of a meter for a period and the consumption derived from it."""

    __tablename__ = "meter_reading"
    __table_args__ = (
        UniqueConstraint("meter_id", "period"),
        CheckConstraint("kind IN ('normal', 'rollover', 'replacement')", name="kind"),
        CheckConstraint("consumption_centi >= 0", name="consumption_not_negative"),
        Index("ix_meter_reading_period", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meter.id", ondelete="RESTRICT"))
    period: Mapped[str] = mapped_column(String(7))
    previous_centi: Mapped[int] = mapped_column(Integer)
    reading_centi: Mapped[int] = mapped_column(Integer)
    consumption_centi: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="normal")
    old_final_centi: Mapped[int | None] = mapped_column(Integer)  # replacement: old meter's last
    new_initial_centi: Mapped[int | None] = mapped_column(Integer)  # replacement: new meter's first
    read_on: Mapped[date] = mapped_column(Date)
    entered_by: Mapped[str] = mapped_column(String(50), default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.column_now)
