"""The desk's volume by hour of day for a month (来电/工单时段分布), beside the roster so
the supervisor staffs the busy hours.

Calls are counted by the local hour they arrived (inbound calls, answered or missed); a
month without any logged call falls back to the tickets registered, by the local hour
they were registered. The hour is the estate's wall-clock hour (``clock.to_local``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls.models import CallRecord
from propdesk.calls.values import Direction
from propdesk.team.figures import month_bounds
from propdesk.team.values import (
    HourlyVolume as HourlyVolume,
)
from propdesk.team.values import (
    VolumeSource as VolumeSource,
)
from propdesk.tickets.models import Ticket


def _by_hour(times: list[datetime]) -> tuple[int, ...]:
    counts = [0] * 24
    for at in times:
        counts[clock.to_local(at).hour] += 1
    return tuple(counts)


def volume_by_hour(session: Session, period: str) -> HourlyVolume:
    """Inbound calls per local hour of ``period`` (``YYYY-MM``), or tickets registered."""
    lo, hi = month_bounds(period)
    calls = list(
        session.scalars(
            select(CallRecord.at).where(
                CallRecord.direction == Direction.IN.value,
                CallRecord.at >= lo,
                CallRecord.at < hi,
            )
        )
    )
    if calls:
        return HourlyVolume(period, VolumeSource.CALLS, _by_hour(calls))
    tickets = list(
        session.scalars(
            select(Ticket.created_at).where(Ticket.created_at >= lo, Ticket.created_at < hi)
        )
    )
    return HourlyVolume(period, VolumeSource.TICKETS, _by_hour(tickets))
