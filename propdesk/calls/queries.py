"""The call list's SQL: what the list selects and how a filter narrows it (the UI's
big-table model runs these in batches with ``fetchMore``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select, true

from propdesk.calls.models import CallRecord
from propdesk.calls.textkeys import TAIL
from propdesk.pii.index import phone_hmac
from propdesk.registry.models import Unit
from propdesk.tickets.models import Ticket


def call_list_base() -> Select[Any]:
    """Calls with their unit and ticket (the list replaces the columns)."""
    return (
        select(CallRecord.id)
        .outerjoin(Unit, Unit.id == CallRecord.unit_id)
        .outerjoin(Ticket, Ticket.id == CallRecord.ticket_id)
    )


def call_filter(text: str = "", topic: str = "", direction: str = "") -> ColumnElement[bool]:
    """Narrow the call list: 4 digits match the number's last four (indexed), longer digits
    the whole number, a unit code prefix its unit, other text the caller or the summary."""
    conds: list[ColumnElement[bool]] = []
    q = (text or "").strip()
    if q.isdigit() and len(q) == TAIL:
        conds.append(CallRecord.number_tail == q)
    elif q.isdigit() and len(q) > TAIL:
        conds.append(CallRecord.number_hmac == phone_hmac(q))  # the number is encrypted
    elif q:
        conds.append(
            or_(
                Unit.code.startswith(q, autoescape=True),
                CallRecord.caller_name.contains(q, autoescape=True),
                CallRecord.summary.contains(q, autoescape=True),
            )
        )
    if topic:
        conds.append(CallRecord.topic == topic)
    if direction:
        conds.append(CallRecord.direction == direction)
    return and_(true(), *conds)
