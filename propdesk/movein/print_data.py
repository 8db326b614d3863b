"""Plain data for the move-in and moving documents as their readers need it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.movein.models import MovingAppointment
from propdesk.movein.moving import appointments_on
from propdesk.movein.values import Appointment
from propdesk.print_audience import Reader, printed_phone


def guards_list_rows(session: Session, day: date) -> list[Appointment]:
    """The day's moves for the guards' list: the contacts' phones in full (the guard calls
    when the van is at the gate); printing them is audited (call in a write transaction)."""
    rows = appointments_on(session, day)
    ids = [a.id for a in rows]
    raw = (
        dict(
            session.execute(
                select(MovingAppointment.id, MovingAppointment.contact_phone).where(
                    MovingAppointment.id.in_(ids)
                )
            ).all()
        )
        if ids
        else {}
    )
    return [
        replace(
            a,
            contact_phone=printed_phone(
                session,
                Reader.GUARD,
                raw.get(a.id, ""),
                needed=True,
                table="moving_appointment",
                record_id=a.id,
                field="contact_phone",
                document=f"搬家预约表 {day.isoformat()}",
            ),
        )
        for a in rows
    ]
