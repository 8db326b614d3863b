"""Call statistics (话务量): calls by hour, weekday, topic, outcome and clerk; first-call
resolution and callbacks done on time.

Definitions (docs/calls.md):

- first-call resolution: of the inbound calls logged, the share answered on the call
  (outcome "answered" or "ticket made" — the request was taken in full, nothing owed back);
- callbacks on time: of the callbacks whose deadline fell in the period (or that were done
  in it), the share done by their deadline.

:func:`month_summary` is the hook the monthly report calls.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls import outages as outage_service
from propdesk.calls.models import CallRecord
from propdesk.calls.values import (
    OUTCOME_ZH,
    TOPIC_ZH,
    CallState,
    CallStats,
    Direction,
    OutageRow,
    Outcome,
    Topic,
)

RESOLVED = (Outcome.ANSWERED.value, Outcome.TICKET.value)


def call_stats(session: Session, start: date, end: date) -> CallStats:
    """Statistics of the calls from ``start`` to ``end`` (estate-local days, inclusive)."""
    lo = clock.local_midnight(start)
    hi = clock.local_midnight(end + timedelta(days=1))
    rows = session.execute(
        select(
            CallRecord.at,
            CallRecord.direction,
            CallRecord.state,
            CallRecord.topic,
            CallRecord.outcome,
            CallRecord.clerk_name,
        ).where(CallRecord.at >= lo, CallRecord.at < hi)
    ).all()
    hours = [0] * 24
    weekdays = [0] * 7
    topics: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    clerks: Counter[str] = Counter()
    inbound = outbound = missed = resolved = base = 0
    for r in rows:
        local = clock.to_local(r.at)
        hours[local.hour] += 1
        weekdays[local.weekday()] += 1
        if r.direction == Direction.IN.value:
            inbound += 1
        else:
            outbound += 1
        if r.state == CallState.MISSED.value:
            missed += 1
            continue
        if r.topic:
            topics[r.topic] += 1
        if r.outcome:
            outcomes[r.outcome] += 1
        clerks[r.clerk_name or "—"] += 1
        if r.direction == Direction.IN.value:
            base += 1
            resolved += r.outcome in RESOLVED
    due_rows = session.execute(
        select(CallRecord.callback_due, CallRecord.callback_done_at).where(
            CallRecord.callback_due.is_not(None),
            or_(
                and_(CallRecord.callback_due >= lo, CallRecord.callback_due < hi),
                and_(CallRecord.callback_done_at >= lo, CallRecord.callback_done_at < hi),
            ),
        )
    ).all()
    now = clock.now(session)
    counted = [r for r in due_rows if r.callback_done_at is not None or r.callback_due < now]
    on_time = sum(
        1
        for r in counted
        if r.callback_done_at is not None and r.callback_done_at <= r.callback_due
    )
    return CallStats(
        start,
        end,
        len(rows),
        inbound,
        outbound,
        missed,
        tuple(hours),
        tuple(weekdays),
        tuple((TOPIC_ZH[Topic(t)], topics.get(t, 0)) for t in (x.value for x in Topic)),
        tuple((OUTCOME_ZH[Outcome(o)], n) for o, n in outcomes.most_common()),
        tuple(clerks.most_common()),
        resolved,
        base,
        len(counted),
        on_time,
    )


def month_summary(session: Session, year: int, month: int) -> tuple[CallStats, list[OutageRow]]:
    """The month's call statistics and its outages: the hook the monthly report calls."""
    start = date(year, month, 1)
    end = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
    outages = outage_service.outages_in(
        session, clock.local_midnight(start), clock.local_midnight(end + timedelta(days=1))
    )
    return call_stats(session, start, end), outages
