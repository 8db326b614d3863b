"""Human-friendly ticket numbers: kind prefix, local intake date and a daily sequence.

``BX20261123-0007`` is the 7th repair (报修) registered on 23 Nov 2026 (local time).
The counter row is updated inside the intake transaction, so two desks never get
the same number (the second waits for the first's lock on PostgreSQL and SQLite).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.tickets.models import TicketCounter
from propdesk.tickets.values import KIND_PREFIX, TicketKind


def next_number(session: Session, kind: TicketKind, at: datetime) -> str:
    """Take the next number for ``kind`` on the local date of ``at``."""
    prefix = KIND_PREFIX[kind] + clock.to_local(at).strftime("%Y%m%d")
    result = session.execute(
        update(TicketCounter)
        .where(TicketCounter.prefix == prefix)
        .values(last=TicketCounter.last + 1)
        .returning(TicketCounter.last)
    ).scalar_one_or_none()
    if result is None:
        session.execute(insert(TicketCounter).values(prefix=prefix, last=1))
        result = 1
    return f"{prefix}-{result:04d}"


def peek_last(session: Session, prefix: str) -> int:
    """The last sequence number given for a prefix (0 if none)."""
    return session.scalar(select(TicketCounter.last).where(TicketCounter.prefix == prefix)) or 0
