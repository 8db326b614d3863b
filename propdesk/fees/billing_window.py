"""Which months may be billed: from 2000-01 to twelve months after the estate's current month."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.errors import ValidationError
from propdesk.fees.periods import add_months, parse_period, period_of

FIRST_BILLABLE = "2000-01"
MONTHS_AHEAD = 12


def billable_period(session: Session, text: str, field: str = "period") -> str:
    """``text`` as a normalised ``'YYYY-MM'`` that may be billed now, or :class:`ValidationError`.

    A month before 2000 or more than :data:`MONTHS_AHEAD` months after the current month
    (by the session's clock) is refused: a typo such as 9999-12 would otherwise bill, and
    book later prepayments into, a far future.
    """
    period = parse_period(text, field)
    latest = add_months(period_of(clock.today(session)), MONTHS_AHEAD)
    if period < FIRST_BILLABLE:
        raise ValidationError(field, f"账期 {period} 早于 {FIRST_BILLABLE}，不能出账。")
    if period > latest:
        raise ValidationError(
            field, f"账期 {period} 太远：最多只能提前 {MONTHS_AHEAD} 个月出账（到 {latest}）。"
        )
    return period
