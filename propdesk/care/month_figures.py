"""Household care in the monthly report (关怀走访): counts of a window of local days.

Counts only — no name, reason or finding leaves this module, so the figures may be printed
whatever the flags' visibility. The overdue figures of now are not counted here: they are
the app's own counts (the desk overview's), given only for a window that ends today or later.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.care.models import CareFlag
from propdesk.care.queries import count_overdue
from propdesk.care.visit_models import CareVisit
from propdesk.care.visit_plan import count_overdue_visits
from propdesk.care.visit_values import VISIT_REASON_ZH, VisitReason
from propdesk.reporting.values import CareMonthFigures, Count


def month_figures(session: Session, start: date, end: date, *, today: date) -> CareMonthFigures:
    """The care figures of the local days ``start``…``end`` (inclusive).

    ``today`` is the report's day: when ``end`` is on or after it (the running month, a
    rolling window) the visits and flag reviews overdue now come with the figures.
    """
    lo = clock.local_midnight(start)
    hi = clock.local_midnight(end + timedelta(days=1))
    in_window = and_(CareVisit.visited_on >= start, CareVisit.visited_on <= end)
    total, households, ratings, avg, ticketed = session.execute(
        select(
            func.count(CareVisit.id),
            func.count(func.distinct(CareVisit.unit_id)),
            func.count(CareVisit.rating),
            func.avg(CareVisit.rating),
            func.count(CareVisit.ticket_id),
        ).where(in_window)
    ).one()
    reasons = {
        str(k): int(c)
        for k, c in session.execute(
            select(CareVisit.reason, func.count(CareVisit.id))
            .where(in_window)
            .group_by(CareVisit.reason)
        )
    }
    flags_new, flags_ended = session.execute(
        select(
            func.count(CareFlag.id).filter(CareFlag.created_at >= lo, CareFlag.created_at < hi),
            func.count(CareFlag.id).filter(CareFlag.ended_at >= lo, CareFlag.ended_at < hi),
        )
    ).one()
    current = end >= today
    return CareMonthFigures(
        visits=int(total),
        households=int(households),
        by_reason=tuple(
            Count(r.value, VISIT_REASON_ZH[r], reasons.get(r.value, 0)) for r in VisitReason
        ),
        ratings=int(ratings),
        average_rating=float(avg) if avg is not None and ratings else None,
        ticketed=int(ticketed),
        flags_new=int(flags_new),
        flags_ended=int(flags_ended),
        visits_overdue=count_overdue_visits(session) if current else None,
        reviews_overdue=count_overdue(session) if current else None,
        overdue_as_of=clock.today(session) if current else None,
    )


__all__ = ["CareMonthFigures", "month_figures"]
