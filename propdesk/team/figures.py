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
- 满意度调查电话 survey calls made: every call attempt the clerk logged in a satisfaction
  survey's call queue in the month (answered, no answer, refused or call back); of those, the
  ones that completed a questionnaire.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls.models import CallRecord
from propdesk.calls.values import CallState, Direction
from propdesk.registry.models import Unit
from propdesk.surveys.models import SurveyAttempt, SurveyCampaign, SurveySample
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
    SurveyCallRec as SurveyCallRec,
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


def survey_call_records(session: Session, user_id: int, period: str) -> list[SurveyCallRec]:
    lo, hi = month_bounds(period)
    rows = session.execute(
        select(
            SurveyAttempt.id,
            SurveyAttempt.at,
            SurveyCampaign.name,
            Unit.code,
            SurveyAttempt.outcome,
        )
        .join(SurveyCampaign, SurveyCampaign.id == SurveyAttempt.campaign_id)
        .join(SurveySample, SurveySample.id == SurveyAttempt.sample_id)
        .join(Unit, Unit.id == SurveySample.unit_id)
        .where(
            SurveyAttempt.user_id == user_id,
            SurveyAttempt.at >= lo,
            SurveyAttempt.at < hi,
        )
        .order_by(SurveyAttempt.at, SurveyAttempt.id)
    ).all()
    return [SurveyCallRec(*r) for r in rows]


def compute(session: Session, user_id: int, period: str) -> Figures:
    """Every figure of one clerk's month, each from its drill-down records."""
    tickets = ticket_records(session, user_id, period)
    responded = [t.response_minutes for t in tickets if t.response_minutes is not None]
    callbacks = callback_records(session, user_id, period)
    calls = call_records(session, user_id, period)
    inbound = [c for c in calls if c.direction == Direction.IN.value]
    surveys = survey_call_records(session, user_id, period)
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
        survey_calls=len(surveys),
        survey_answered=sum(1 for c in surveys if c.answered),
    )
