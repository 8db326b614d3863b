"""Opening a record listed under an assessment figure (the drill-down), as the desk opens it.

* a ticket (tickets registered, first responses): its ticket window, through the main
  window's ``open_record("ticket", id)`` — the same window the board and the search open;
* a callback: the ticket it was made on (the ticket window shows its callbacks);
* a call: the call's own card (:class:`ui.team.dialogs.CallDialog`, read-only: calls have no
  page elsewhere), from which its ticket or unit opens;
* a survey call: the unit page of the household called.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.calls.models import CallRecord
from propdesk.registry.models import Unit
from propdesk.surveys.models import SurveyAttempt, SurveySample
from propdesk.tickets.models import Ticket, TicketCallback


@dataclass(frozen=True)
class CallFacts:
    """What the call card shows of one logged call (no phone number: not needed to review)."""

    id: int
    at: datetime
    direction: str
    caller_name: str
    unit_id: int | None
    unit_code: str
    person_id: int | None
    topic: str
    summary: str
    outcome: str
    ticket_id: int | None
    ticket_number: str
    clerk_name: str


def callback_ticket(session: Session, callback_id: int) -> int:
    """The ticket a callback was made on."""
    return int(
        session.scalars(
            select(TicketCallback.ticket_id).where(TicketCallback.id == callback_id)
        ).one()
    )


def survey_call_unit(session: Session, attempt_id: int) -> int:
    """The unit of the household a survey call was made to."""
    return int(
        session.scalars(
            select(SurveySample.unit_id)
            .join(SurveyAttempt, SurveyAttempt.sample_id == SurveySample.id)
            .where(SurveyAttempt.id == attempt_id)
        ).one()
    )


def call_facts(session: Session, call_id: int) -> CallFacts:
    """One call with its unit's code and its ticket's number (one statement)."""
    row = session.execute(
        select(
            CallRecord.id,
            CallRecord.at,
            CallRecord.direction,
            CallRecord.caller_name,
            CallRecord.unit_id,
            Unit.code,
            CallRecord.person_id,
            CallRecord.topic,
            CallRecord.summary,
            CallRecord.outcome,
            CallRecord.ticket_id,
            Ticket.number,
            CallRecord.clerk_name,
        )
        .outerjoin(Unit, Unit.id == CallRecord.unit_id)
        .outerjoin(Ticket, Ticket.id == CallRecord.ticket_id)
        .where(CallRecord.id == call_id)
    ).one()
    return CallFacts(
        id=row[0],
        at=row[1],
        direction=row[2],
        caller_name=row[3],
        unit_id=row[4],
        unit_code=row[5] or "",
        person_id=row[6],
        topic=row[7],
        summary=row[8],
        outcome=row[9],
        ticket_id=row[10],
        ticket_number=row[11] or "",
        clerk_name=row[12],
    )
