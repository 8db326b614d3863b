"""The day a payment may carry (收款日期).

A payment is dated today. Someone holding :attr:`Permission.BACKDATE_PAYMENT` (finance,
manager, administrator) may date it earlier, within the open period: not before the first
day of the month :data:`BACKDATE_MONTHS` months back, and never in a closed month (the
period lock, :mod:`propdesk.fees.period_lock`, refuses those). Nobody dates a payment after
today. This keeps receipts such as 1900000001 (a payment dated 1900-01-01) out.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, allowed
from propdesk.errors import NotAllowed, ValidationError
from propdesk.fees.periods import add_months, first_day, period_of

BACKDATE_MONTHS = 12


def earliest_backdate(today: date) -> date:
    """The first day a backdated payment may carry when today is ``today``."""
    return first_day(add_months(period_of(today), -BACKDATE_MONTHS))


def payment_day(session: Session, paid_on: date | None, field: str = "paid_on") -> date:
    """``paid_on`` (today when ``None``) checked against the rules of the module docstring."""
    today = clock.today(session)
    if paid_on is None or paid_on == today:
        return today
    if paid_on > today:
        raise ValidationError(field, "收款日期不能晚于今天。")
    earliest = earliest_backdate(today)
    if paid_on < earliest:
        raise ValidationError(
            field,
            f"收款日期 {paid_on:%Y-%m-%d} 太早：补录收款最早只能到 {earliest:%Y-%m-%d}。",
        )
    actor = session.info.get("actor")
    if not allowed(actor, Permission.BACKDATE_PAYMENT):
        who = getattr(actor, "display_name", "") or "未登录用户"
        raise NotAllowed(
            f"{who}只能登记今天的收款；补录 {paid_on:%Y-%m-%d} 的收款请联系财务或经理。"
        )
    return paid_on
