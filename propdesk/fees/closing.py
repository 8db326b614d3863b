"""Period close (关账) and reversals (红冲).

Finance or a manager closes a month that has ended. From then on nothing dated in that
month can be created, changed or voided: every money service calls :func:`ensure_open`
with the day it books (payments by ``paid_on``, billing runs by the period's first day,
refunds, credit settlements, waivers and charges by the day they happen), and a cashier's
closed day (:mod:`propdesk.fees.daily_close`) is locked for that cashier the same way.

Voiding a receipt of a closed month is a reversal: the payment is voided as usual (its
lines re-open, its credit is taken back) and a :class:`Reversal` dated today records it,
so the month it happened in shows it. The closed month keeps its figures because they are
frozen when it is closed (the monthly report's fee section, stored as JSON in
:class:`ClosedPeriod` by :mod:`propdesk.reporting.period_close`); the monthly report of a closed month reads that snapshot, so it
gives identical figures whenever it is re-run. Reopening a month is not offered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, ValidationError
from propdesk.fees.closing_models import ClosedPeriod, Reversal
from propdesk.fees.models import ReceiptCounter
from propdesk.fees.period_lock import ensure_open as ensure_open
from propdesk.fees.period_lock import ensure_period_open as ensure_period_open
from propdesk.fees.period_lock import is_closed
from propdesk.fees.period_lock import void_day as void_day
from propdesk.fees.periods import first_day, last_day, parse_period, period_of
from propdesk.fees.receipt_numbers import series_for


@dataclass(frozen=True)
class ClosedMonth:
    period: str
    closed_by: str
    closed_at_local: str  # 'YYYY-MM-DD HH:MM'


def close_period(
    session: Session, period: str, *, freeze: Callable[[Session, str], str]
) -> ClosedMonth:
    """Close a month that has ended (关账); ``freeze(session, period)`` gives the figures
    to keep (the monthly report's fee section, :mod:`propdesk.reporting.period_close`).
    Not reversible."""
    actor = session.info.get("actor")
    require(actor, Permission.CLOSE_PERIOD)
    period = parse_period(period)
    if period >= period_of(clock.today(session)):
        raise ValidationError("period", "只能关闭已经结束的月份。")
    # Take the receipt series lock of the month's year: a payment being taken for that
    # year waits for the close and then sees the month closed (see receipt_numbers).
    session.execute(
        update(ReceiptCounter)
        .where(ReceiptCounter.series == series_for(int(period[:4])))
        .values(last_value=ReceiptCounter.last_value)
    )
    if is_closed(session, period):
        raise Conflict(f"{period} 已经关账。")
    row = ClosedPeriod(
        period=period,
        figures=freeze(session, period),
        closed_by=getattr(actor, "display_name", ""),
    )
    session.add(row)
    session.flush()
    return ClosedMonth(period, row.closed_by, _local_text(session, row))


def frozen_figures(session: Session, period: str) -> str | None:
    """The figures (JSON) frozen when ``period`` was closed; ``None`` while it is open."""
    row = session.get(ClosedPeriod, period)
    return None if row is None else row.figures


def _local_text(session: Session, row: ClosedPeriod) -> str:
    at = row.closed_at or clock.now(session)
    return clock.to_local(at).strftime("%Y-%m-%d %H:%M")


def closed_months(session: Session) -> list[ClosedMonth]:
    """Every closed month, newest first."""
    rows = session.scalars(select(ClosedPeriod).order_by(ClosedPeriod.period.desc())).all()
    return [ClosedMonth(r.period, r.closed_by, _local_text(session, r)) for r in rows]


@dataclass(frozen=True)
class ReversalTotals:
    count: int
    amount_fen: int


def reversals_in(session: Session, period: str) -> ReversalTotals:
    """Reversals (红冲) booked in ``period``."""
    period = parse_period(period)
    n, amount = session.execute(
        select(func.count(Reversal.id), func.coalesce(func.sum(Reversal.amount_fen), 0)).where(
            Reversal.reversed_on >= first_day(period), Reversal.reversed_on <= last_day(period)
        )
    ).one()
    return ReversalTotals(int(n), int(amount))
