"""The lock of closed months and closed cashier days: :func:`ensure_open` (see
:mod:`propdesk.fees.closing`). Kept free of other fee services so every one can import it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import NotAllowed
from propdesk.fees.closing_models import ClosedPeriod, DailyClose, Reversal
from propdesk.fees.models import Payment
from propdesk.fees.periods import first_day, parse_period, period_of


def is_closed(session: Session, period: str) -> bool:
    return session.get(ClosedPeriod, period) is not None


def ensure_open(session: Session, day: date, *, cashier: str | None = None) -> None:
    """Refuse anything dated ``day`` in a closed month, or (with ``cashier``) on a closed day."""
    period = period_of(day)
    if is_closed(session, period):
        raise NotAllowed(
            f"{period[:4]}年{int(period[5:])}月已关账，不能再录入、修改或作废该月的收款、账单、"
            "减免、退款或预收款；如需更正，请在本月办理红冲。"
        )
    if cashier is not None:
        closed = session.scalar(
            select(DailyClose.id).where(DailyClose.cashier == cashier, DailyClose.day == day)
        )
        if closed is not None:
            raise NotAllowed(f"{cashier} 已办理 {day.isoformat()} 的日结，当天不能再收款。")


def ensure_period_open(session: Session, period: str) -> None:
    """:func:`ensure_open` for a billing period (``'YYYY-MM'``)."""
    ensure_open(session, first_day(parse_period(period)))


def void_day(session: Session, payment: Payment, *, by: str) -> date:
    """The day a void of ``payment`` is booked on; a closed month's receipt becomes a reversal.

    An open month's receipt is voided on its own day. A closed month's receipt is reversed
    (红冲) today: a :class:`Reversal` row is added (today must be open).
    """
    if not is_closed(session, period_of(payment.paid_on)):
        return payment.paid_on
    today = clock.today(session)
    ensure_open(session, today)
    session.add(
        Reversal(
            payment_id=payment.id,
            reversed_on=today,
            amount_fen=payment.amount_fen,
            method=payment.method,
            by=by,
        )
    )
    return today
