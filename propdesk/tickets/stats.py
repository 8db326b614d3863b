"""Complaint classification statistics (投诉分类统计) by category, department and month.

For the complaints registered in a date range (local dates, inclusive): how many,
their share of all complaints, how many were valid (成立), how many were handled
(done or later), the average handling time (intake → done, hours) and the average
callback satisfaction (overall rating, every callback counts).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.tickets.models import Ticket, TicketCallback, TicketCategory
from propdesk.tickets.values import (
    ComplaintStats,
    StatLine,
    TicketKind,
    TicketStatus,
    department_label,
)

UNDECIDED = "未定"


@dataclass(frozen=True)
class _Complaint:
    id: int
    category_id: int
    category_name: str
    department: str
    period: str
    valid: bool | None
    created_at: datetime
    done_at: datetime | None


def complaint_stats(session: Session, start: date, end: date) -> ComplaintStats:
    """Statistics of complaints registered from ``start`` to ``end`` (local dates)."""
    lo = clock.local_datetime(start, time(0))
    hi = clock.local_datetime(end + timedelta(days=1), time(0))
    rows = [
        _Complaint(*r)
        for r in session.execute(
            select(
                Ticket.id,
                Ticket.category_id,
                TicketCategory.name,
                Ticket.responsible_department,
                Ticket.period,
                Ticket.complaint_valid,
                Ticket.created_at,
                Ticket.done_at,
            )
            .join(TicketCategory, TicketCategory.id == Ticket.category_id)
            .where(
                Ticket.kind == TicketKind.COMPLAINT.value,
                Ticket.status != TicketStatus.CANCELLED.value,
                Ticket.created_at >= lo,
                Ticket.created_at < hi,
            )
        )
    ]
    ratings: dict[int, list[int]] = defaultdict(list)
    ids = [r.id for r in rows]
    for chunk in _chunks(ids, 900):
        for tid, overall in session.execute(
            select(TicketCallback.ticket_id, TicketCallback.overall).where(
                TicketCallback.ticket_id.in_(chunk)
            )
        ):
            ratings[tid].append(overall)
    total = len(rows)
    return ComplaintStats(
        start=start,
        end=end,
        total=total,
        by_category=_group(rows, ratings, total, lambda r: (str(r.category_id), r.category_name)),
        by_department=_group(
            rows,
            ratings,
            total,
            lambda r: (r.department or "-", department_label(r.department) or UNDECIDED),
        ),
        by_month=_group(rows, ratings, total, lambda r: (r.period, r.period), sort_by_key=True),
    )


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _group(
    rows: list[_Complaint],
    ratings: dict[int, list[int]],
    total: int,
    key: Callable[[_Complaint], tuple[str, str]],
    *,
    sort_by_key: bool = False,
) -> tuple[StatLine, ...]:
    groups: dict[tuple[str, str], list[_Complaint]] = defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    lines = []
    for (k, label), members in groups.items():
        handled = [m for m in members if m.done_at is not None]
        hours = [(m.done_at - m.created_at).total_seconds() / 3600 for m in handled if m.done_at]
        scores = [s for m in members for s in ratings.get(m.id, [])]
        lines.append(
            StatLine(
                key=k,
                label=label,
                count=len(members),
                share_permille=round(len(members) * 1000 / total) if total else 0,
                valid_count=sum(1 for m in members if m.valid is True),
                handled_count=len(handled),
                avg_handling_hours=sum(hours) / len(hours) if hours else None,
                avg_satisfaction=sum(scores) / len(scores) if scores else None,
            )
        )
    if sort_by_key:
        lines.sort(key=lambda s: s.key)
    else:
        lines.sort(key=lambda s: (-s.count, s.label))
    return tuple(lines)
