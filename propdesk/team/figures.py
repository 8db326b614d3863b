"""The assessment figures (考核指标) of one clerk in one local month.

Each figure has exactly one definition: a ``*_records`` function selects the records it
counts (the drill-down), and the figure is computed from those records only, so the
drill-down always adds up to the figure.

- 登记工单 tickets registered: tickets whose registering clerk (``ticket.owner_user_id``)
  is the clerk, created in the month.
- 首次响应 first response: of those tickets, the ones responded to; the figure is the
  average minutes from registration to first response.
- 回访 callbacks: ticket callbacks made by the clerk in the month; on time when made within
  :data:`CALLBACK_HOURS` hours after the ticket was done; satisfaction is the average overall
  rating (1–5).
- 接听来电 calls handled: logged calls (not missed) taken by the clerk in the month;
  first-call resolution is the share of the inbound ones answered or turned into a ticket
  on the call.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls.models import CallRecord
from propdesk.calls.values import CallState, Direction
from propdesk.team.values import (
    CallbackRec as CallbackRec,
)
from propdesk.team.values import (
    CallRec as CallRec,
)
from propdesk.team.values import (
    Figures as Figures,
)
from propdesk.team.values import (
    TicketRec as TicketRec,
)
from propdesk.tickets.models import Ticket, TicketCallback


def month_bounds(period: str) -> tuple[datetime, datetime]:
    """The aware start and end (exclusive) of a local month ``YYYY-MM``."""
    year, month = (int(p) for p in period.split("-"))
    lo = date(year, month, 1)
    hi = date(year + (month == 12), month % 12 + 1, 1)
    return clock.local_midnight(lo), clock.local_midnight(hi)


def ticket_records(session: Session, user_id: int, period: str) -> list[TicketRec]:
    lo, hi = month_bounds(period)
    rows = session.execute(
        select(Ticket.id, Ticket.number, Ticket.created_at, Ticket.responded_at)
        .where(Ticket.owner_user_id == user_id, Ticket.created_at >= lo, Ticket.created_at < hi)
        .order_by(Ticket.created_at, Ticket.id)
    ).all()
    return [TicketRec(*r) for r in rows]


def responded_records(session: Session, user_id: int, period: str) -> list[TicketRec]:
    return [t for t in ticket_records(session, user_id, period) if t.responded_at is not None]


def callback_records(session: Session, user_id: int, period: str) -> list[CallbackRec]:
    lo, hi = month_bounds(period)
    rows = session.execute(
        select(
            TicketCallback.id,
            Ticket.number,
            TicketCallback.at,
            Ticket.done_at,
            TicketCallback.overall,
        )
        .join(Ticket, Ticket.id == TicketCallback.ticket_id)
        .where(
            TicketCallback.by_user_id == user_id,
            TicketCallback.at >= lo,
            TicketCallback.at < hi,
        )
        .order_by(TicketCallback.at, TicketCallback.id)
    ).all()
    return [CallbackRec(*r) for r in rows]


def call_records(session: Session, user_id: int, period: str) -> list[CallRec]:
    lo, hi = month_bounds(period)
    rows = session.execute(
        select(CallRecord.id, CallRecord.at, CallRecord.direction, CallRecord.outcome)
        .where(
            CallRecord.clerk_user_id == user_id,
            CallRecord.state == CallState.LOGGED.value,
            CallRecord.at >= lo,
            CallRecord.at < hi,
        )
        .order_by(CallRecord.at, CallRecord.id)
    ).all()
    return [CallRec(*r) for r in rows]


def compute(session: Session, user_id: int, period: str) -> Figures:
    """Every figure of one clerk's month, each from its drill-down records."""
    tickets = ticket_records(session, user_id, period)
    responded = [t.response_minutes for t in tickets if t.response_minutes is not None]
    callbacks = callback_records(session, user_id, period)
    calls = call_records(session, user_id, period)
    inbound = [c for c in calls if c.direction == Direction.IN.value]
    return Figures(
        user_id=user_id,
        period=period,
        tickets_registered=len(tickets),
        responded=len(responded),
        avg_response_minutes=sum(responded) / len(responded) if responded else None,
        callbacks=len(callbacks),
        callbacks_on_time=sum(1 for c in callbacks if c.on_time),
        avg_satisfaction=(
            sum(c.overall for c in callbacks) / len(callbacks) if callbacks else None
        ),
        calls_handled=len(calls),
        inbound_calls=len(inbound),
        first_call_resolved=sum(1 for c in inbound if c.resolved),
    )
