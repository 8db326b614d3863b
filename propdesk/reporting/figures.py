"""The definitions shared by every figure of the monthly report and the dashboard.

One rule per figure, used by every page that shows it: a ticket counts in a window when it
was registered (``created_at``) in it and is not cancelled — the rule of the complaint
statistics (:func:`propdesk.tickets.stats.complaint_stats`) too, so the complaint count on
the overview, in the ticket table and in the complaint section is one number.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.queries import month_figures
from propdesk.activities.values import ActivityFigures
from propdesk.care import month_figures as care_queries
from propdesk.desk.models import Patrol
from propdesk.fees.models import BillLine, Payment
from propdesk.fees.periods import first_day
from propdesk.reporting.values import CareMonthFigures
from propdesk.surveys import queries as survey_queries
from propdesk.surveys.values import SurveyMonthFigures
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import TicketKind, TicketStatus


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC-aware ``[lo, hi)`` of the local days ``start``…``end`` (inclusive)."""
    return clock.local_midnight(start), clock.local_midnight(end + timedelta(days=1))


def live_tickets(lo: datetime, hi: datetime) -> ColumnElement[bool]:
    """Tickets registered in ``[lo, hi)`` and not cancelled: what every ticket figure counts."""
    return and_(
        Ticket.created_at >= lo,
        Ticket.created_at < hi,
        Ticket.status != TicketStatus.CANCELLED.value,
    )


def complaint_count(session: Session, start: date, end: date) -> int:
    """Complaints (投诉) registered ``start``…``end``, cancelled ones left out."""
    lo, hi = day_bounds(start, end)
    return int(
        session.scalar(
            select(func.count(Ticket.id)).where(
                live_tickets(lo, hi), Ticket.kind == TicketKind.COMPLAINT.value
            )
        )
        or 0
    )


def first_record_day(session: Session) -> date | None:
    """The first day anything was recorded (a ticket, a bill, a payment, a patrol).

    A month that ends before it has no figures to compare with: the report prints "—"
    for it, never 0.
    """
    candidates: list[date] = []
    created = session.scalar(select(func.min(Ticket.created_at)))
    if created is not None:
        candidates.append(clock.local_date(created))
    period = session.scalar(select(func.min(BillLine.period)))
    if period:
        candidates.append(first_day(period))
    paid = session.scalar(select(func.min(Payment.paid_on)))
    if paid is not None:
        candidates.append(paid)
    patrol = session.scalar(select(func.min(Patrol.local_day)))
    if patrol is not None:
        candidates.append(patrol)
    return min(candidates) if candidates else None


def activity_figures(session: Session, start: date, end: date) -> ActivityFigures:
    """Community activities of the local days ``start``…``end``: held (finished) and
    cancelled activities that started in the window, their sign-ups, attendance rate,
    average rating, budget and spending (:func:`propdesk.activities.queries.month_figures`)."""
    return month_figures(session, start, end)


def survey_figures(session: Session, start: date, end: date) -> SurveyMonthFigures:
    """The headline of the satisfaction surveys that ended (or were closed) in the local days
    ``start``…``end``: sample, responses, response rate, mean score, satisfied share, callback
    tickets opened, and the previous campaign on the same questions
    (:func:`propdesk.surveys.queries.month_figures`)."""
    return survey_queries.month_figures(session, start, end)


def care_figures(session: Session, start: date, end: date, *, today: date) -> CareMonthFigures:
    """Household care of the local days ``start``…``end``: visits (total, households, by
    reason, ratings and their mean, findings raised as tickets), flags set and ended, and —
    when the window ends on or after ``today`` — the visits and flag reviews overdue now
    (:func:`propdesk.care.month_figures.month_figures`)."""
    return care_queries.month_figures(session, start, end, today=today)
