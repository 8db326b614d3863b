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

from propdesk.db.types import utcnow
from propdesk.models_base import Base, Versioned


class ItemKind(StrEnum):
    """How an item's monthly amount is computed."""

    AREA = "area"  # rate (fen per m² per month) × unit area
    PER_UNIT = "per_unit"  # flat rate per unit and month (e.g. elevator fee)
    PARKING = "parking"  # rate per parking space linked to the unit
    METER = "meter"  # consumption (meter reading difference) × unit price
    ONE_OFF = "one_off"  # charged on demand (paid repairs, deposits, others)


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


class FeeRate(Base):
    """The rate of an item from ``effective_from`` on; the newest rate not after a period's first day applies.

    ``rate_fen`` is fen per m² per month (area items), per unit/space and month, or per
    meter unit (m³, kWh). A rate is never edited once bills used it: a change is a new row.
    """

    __tablename__ = "fee_rate"
    __table_args__ = (
        UniqueConstraint("item_id", "effective_from"),
        CheckConstraint("rate_fen >= 0", name="rate_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("fee_item.id", ondelete="RESTRICT"))
    effective_from: Mapped[date] = mapped_column(Date)
    rate_fen: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(50), default="")


class BillingRun(Base):
    """One completed billing run for a period; written in the same transaction as its lines."""

    __tablename__ = "billing_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    lines_created: Mapped[int] = mapped_column(Integer, default=0)
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    run_by: Mapped[str] = mapped_column(String(50), default="")


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
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(50), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
