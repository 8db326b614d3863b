"""How many units are in arrears, and for how much: one aggregate query (the status bar's figure).

The same definition as :func:`propdesk.fees.arrears.arrears_list` (unsettled lines due on or
before the day; a unit counts when its oldest such line is at least ``min_days`` old), but
counted in SQL instead of listing every unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.fees.models import BillLine


@dataclass(frozen=True)
class ArrearsSummary:
    units: int
    owed_fen: int


def arrears_summary(
    session: Session, *, min_days: int = 0, as_of: date | None = None
) -> ArrearsSummary:
    """Units in arrears on ``as_of`` (default today) whose oldest open line is ``min_days`` old."""
    day = clock.day_or_today(session, as_of)
    owed = BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen
    per_unit = (
        select(BillLine.unit_id, func.sum(owed).label("owed"))
        .where(BillLine.settled.is_(False), BillLine.due_date <= day)
        .group_by(BillLine.unit_id)
    )
    if min_days > 0:
        per_unit = per_unit.having(func.min(BillLine.due_date) <= day - timedelta(days=min_days))
    sub = per_unit.subquery()
    row = session.execute(
        select(func.count().label("units"), func.coalesce(func.sum(sub.c.owed), 0).label("owed"))
    ).one()
    return ArrearsSummary(units=int(row.units), owed_fen=int(row.owed))
