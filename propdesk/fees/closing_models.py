"""Closing tables: closed months (关账), reversals of closed months' receipts (红冲) and the
cashier's daily close (日结)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from propdesk import clock
from propdesk.models_base import Base


class ClosedPeriod(Base):
    """A closed month: nothing dated in it may be created, changed or voided any more.

    ``figures`` is the JSON snapshot of the month's fee figures taken when it was closed
    (:func:`propdesk.fees.closing.period_figures`); the monthly report of a closed month
    reads it, so the report gives the same figures whenever it is re-run.
    """

    __tablename__ = "fee_closed_period"

    period: Mapped[str] = mapped_column(String(7), primary_key=True)  # 'YYYY-MM'
    figures: Mapped[str] = mapped_column(Text, default="{}")
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    closed_at: Mapped[datetime] = mapped_column(default=clock.column_now)


class Reversal(Base):
    """红冲: a receipt of a closed month voided later, booked on the (open) day of the void.

    The payment itself is marked voided as usual (its lines re-open); this row dates the
    reversal so the month it happened in shows it, while the closed month keeps its figures.
    """

    __tablename__ = "fee_reversal"
    __table_args__ = (Index("ix_fee_reversal_on", "reversed_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(
        ForeignKey("payment.id", ondelete="RESTRICT"), unique=True
    )
    reversed_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer)  # the receipt's amount (shown negative)
    method: Mapped[str] = mapped_column(String(20))
    by: Mapped[str] = mapped_column(String(50), default="")
    at: Mapped[datetime] = mapped_column(default=clock.column_now)


class DailyClose(Base):
    """A cashier's closed day (日结) with its figures as they were when closed."""

    __tablename__ = "fee_daily_close"
    __table_args__ = (UniqueConstraint("cashier", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    cashier: Mapped[str] = mapped_column(String(50))  # payment.taken_by
    day: Mapped[date] = mapped_column(Date, index=True)
    figures: Mapped[str] = mapped_column(Text, default="{}")  # JSON of DayFigures
    cash_expected_fen: Mapped[int] = mapped_column(Integer, default=0)
    cash_counted_fen: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")
    closed_by: Mapped[str] = mapped_column(String(50), default="")
    closed_at: Mapped[datetime] = mapped_column(default=clock.column_now)
