"""Read side of the service desk: board filters, counts, queues, the ticket page, histories.

The board's conditions are plain SQL expressions (:func:`board_conditions`) so the
UI's SQL table model and these functions filter the same way, all in SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select
from sqlalchemy.orm import Session, aliased

from propdesk import clock
from propdesk.errors import NotFound
from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit
from propdesk.session_info import actor_or_none
from propdesk.tickets import catalog
from propdesk.tickets.attachments import list_attachments
from propdesk.tickets.models import (
    Staff,
    Ticket,
    TicketCallback,
    TicketCategory,
    TicketCostLine,
    TicketEvent,
    TicketQualityCheck,
)
from propdesk.tickets.textsearch import contains_text, starts_with
from propdesk.tickets.values import (
    KIND_PREFIX,
    OPEN_STATUSES,
    CallbackInfo,
    CostLineInfo,
    QualityCheckInfo,
    TicketEventInfo,
    TicketInfo,
    TicketRow,
    TicketStatus,
    department_label,
)

OPEN = [s.value for s in OPEN_STATUSES]


def overdue_condition(now: datetime) -> ColumnElement[bool]:
    """Open and past the completion deadline, or not yet responded past the response one."""
    return and_(
        Ticket.status.in_(OPEN),
        or_(
            Ticket.resolve_due < now,
            and_(Ticket.responded_at.is_(None), Ticket.response_due < now),
        ),
    )


def overdue_expr(now: datetime) -> ColumnElement[bool]:
    """``overdue_condition`` as a selectable 0/1 column (for colouring rows)."""
    return case((overdue_condition(now), 1), else_=0)


def due_soon_condition(now: datetime, hours: int) -> ColumnElement[bool]:
    """Open, not overdue, and a deadline falls within the next ``hours``."""
    horizon = now + timedelta(hours=hours)
    return and_(
        Ticket.status.in_(OPEN),
        ~or_(
            Ticket.resolve_due < now, and_(Ticket.responded_at.is_(None), Ticket.response_due < now)
        ),
        or_(
            Ticket.resolve_due <= horizon,
            and_(Ticket.responded_at.is_(None), Ticket.response_due <= horizon),
        ),
    )


@dataclass(frozen=True)
class BoardFilter:
    """The ticket board's filters; ``None``/empty means "any".

    ``assignee`` is ``"s:<staff id>"`` or ``"d:<department>"``; dates are local dates
    of intake, inclusive.
    """

    kind: str | None = None
    status: str | None = None
    category_id: int | None = None
    assignee: str | None = None
    overdue: bool = False
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


def _local_midnight_utc(day: date) -> datetime:
    return clock.local_datetime(day, time(0, 0))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_UNIT_PREFIX = re.compile(r"^[0-9A-Za-z]{1,4}-[0-9-]*$")
_NUMBER_PREFIX = re.compile(r"^[A-Za-z]{2}[0-9-]*$")


def text_filter(text: str) -> ColumnElement[bool]:
    """What the board's text box means: a unit code prefix (``3-2-``), a ticket number
    prefix (``BX2026``), or any other text found in number, unit, reporter, place or
    description."""
    if _UNIT_PREFIX.match(text):
        esc = _like_escape(text)
        return Ticket.unit_id.in_(select(Unit.id).where(Unit.code.like(esc + "%", escape="\\")))
    if _NUMBER_PREFIX.match(text):
        return number_prefix_condition(text.upper())
    return contains_text(Ticket.search_text, text)


def number_prefix_condition(prefix: str) -> ColumnElement[bool]:
    """``BX2026`` / ``BX202611`` / ``BX20261123-00``: the kind and intake-date range the number
    encodes (indexed), plus the prefix itself; unknown letters match nothing."""
    kind = next((k for k, p in KIND_PREFIX.items() if p == prefix[:2]), None)
    if kind is None:
        return false()
    conds: list[ColumnElement[bool]] = [Ticket.kind == kind.value]
    digits = prefix[2:10]
    start: date | None = None
    end: date | None = None
    try:
        if len(digits) >= 8 and digits.isdigit():
            start = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
            end = start + timedelta(days=1)
        elif len(digits) >= 6 and digits.isdigit():
            start = date(int(digits[:4]), int(digits[4:6]), 1)
            end = (start + timedelta(days=32)).replace(day=1)
        elif len(digits) >= 4 and digits[:4].isdigit():
            start = date(int(digits[:4]), 1, 1)
            end = date(start.year + 1, 1, 1)
    except ValueError:
        return false()
    if start is not None and end is not None:
        conds.append(Ticket.created_at >= _local_midnight_utc(start))
        conds.append(Ticket.created_at < _local_midnight_utc(end))
    if start is None or len(prefix) > 2 + 8 or len(digits) not in (4, 6, 8):
        # More than kind + date (e.g. ``-00``): the number itself must match too.
        conds.append(starts_with(Ticket.number, prefix))
    return and_(*conds)


def board_conditions(
    f: BoardFilter, now: datetime, *, include_status: bool = True
) -> list[ColumnElement[bool]]:
    """SQL conditions for ``f`` on the ``ticket`` table alone (no join needed)."""
    conds: list[ColumnElement[bool]] = []
    if f.kind:
        conds.append(Ticket.kind == f.kind)
    if include_status and f.status:
        if f.status == "open":
            conds.append(Ticket.status.in_(OPEN))
        else:
            conds.append(Ticket.status == f.status)
    if f.category_id:
        conds.append(Ticket.category_id == f.category_id)
    if f.assignee:
        tag, _, value = f.assignee.partition(":")
        if tag == "s" and value.isdigit():
            conds.append(Ticket.staff_id == int(value))
        elif tag == "d":
            conds.append(Ticket.department == value)
    if f.overdue:
        conds.append(overdue_condition(now))
    if f.date_from:
        conds.append(Ticket.created_at >= _local_midnight_utc(f.date_from))
    if f.date_to:
        conds.append(Ticket.created_at < _local_midnight_utc(f.date_to + timedelta(days=1)))
    text = (f.text or "").strip()
    if text:
        conds.append(text_filter(text))
    return conds


@dataclass(frozen=True)
class BoardCounts:
    """Counts for the board's current filter (status filter ignored, so every tab shows)."""

    by_status: dict[str, int]
    overdue: int
    total: int


def board_counts(session: Session, f: BoardFilter, *, now: datetime | None = None) -> BoardCounts:
    """Counts per status (one grouped query) and overdue (one indexed count) for the filter."""
    now = clock.at_or_now(session, now)
    conds = board_conditions(f, now, include_status=False)
    rows = session.execute(
        select(Ticket.status, func.count()).where(*conds).group_by(Ticket.status)
    ).all()
    by_status = {str(s): int(c) for s, c in rows}
    overdue = session.scalar(
        select(func.count()).select_from(Ticket).where(*conds, overdue_condition(now))
    )
    return BoardCounts(by_status, int(overdue or 0), sum(by_status.values()))


def count_overdue(session: Session, *, now: datetime | None = None) -> int:
    """Open tickets past a deadline (the status bar's figure)."""
    now = clock.at_or_now(session, now)
    return int(session.scalar(select(func.count(Ticket.id)).where(overdue_condition(now))) or 0)


def _rows(session: Session, stmt: Any, now: datetime) -> list[TicketRow]:
    staff = aliased(Staff)
    stmt = stmt.add_columns(
        Ticket.id,
        Ticket.number,
        Ticket.kind,
        Ticket.status,
        TicketCategory.name.label("category_name"),
        Unit.code.label("unit_code"),
        Ticket.location,
        Ticket.reporter_name,
        Ticket.description,
        Ticket.created_at,
        Ticket.resolve_due,
        Ticket.done_at,
        staff.name.label("staff_name"),
        Ticket.department,
        overdue_expr(now).label("overdue"),
    ).select_from(
        Ticket.__table__.join(TicketCategory.__table__, TicketCategory.id == Ticket.category_id)
        .outerjoin(Unit.__table__, Unit.id == Ticket.unit_id)
        .outerjoin(staff, staff.id == Ticket.staff_id)
    )
    return [
        TicketRow(
            r.id,
            r.number,
            r.kind,
            r.status,
            r.category_name,
            r.unit_code or "",
            r.location,
            r.reporter_name,
            r.description,
            r.created_at,
            r.resolve_due,
            r.done_at,
            r.staff_name or department_label(r.department),
            bool(r.overdue),
        )
        for r in session.execute(stmt)
    ]


def tickets_of_unit(session: Session, unit_id: int, *, limit: int = 200) -> list[TicketRow]:
    """A unit's tickets, newest first (the unit page's history panel)."""
    now = clock.now(session)
    return _rows(
        session,
        select()
        .where(Ticket.unit_id == unit_id)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(limit),
        now,
    )


def tickets_of_person(session: Session, person_id: int, *, limit: int = 200) -> list[TicketRow]:
    """Tickets a person reported, newest first (the person page's history panel)."""
    now = clock.now(session)
    return _rows(
        session,
        select()
        .where(Ticket.person_id == person_id)
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(limit),
        now,
    )


def due_list(session: Session, *, now: datetime | None = None, limit: int = 500) -> list[TicketRow]:
    """Overdue tickets, then those due soon (settings' horizon), by completion deadline."""
    now = clock.at_or_now(session, now)
    hours = int(catalog.get_setting(session, "due_soon_hours"))
    stmt = (
        select()
        .where(or_(overdue_condition(now), due_soon_condition(now, hours)))
        .order_by(Ticket.resolve_due, Ticket.id)
        .limit(limit)
    )
    rows = _rows(session, stmt, now)
    return sorted(rows, key=lambda r: (not r.overdue, r.resolve_due))


def callback_queue(
    session: Session, *, now: datetime | None = None, limit: int = 500
) -> list[TicketRow]:
    """Tickets done and not yet called back, oldest completion first (today's callbacks)."""
    now = clock.at_or_now(session, now)
    stmt = (
        select()
        .where(Ticket.status == TicketStatus.DONE.value)
        .order_by(Ticket.done_at, Ticket.id)
        .limit(limit)
    )
    return _rows(session, stmt, now)


def ticket_detail(session: Session, ticket_id: int, *, now: datetime | None = None) -> TicketInfo:
    """Everything the ticket page shows (a handful of indexed queries)."""
    now = clock.at_or_now(session, now)
    actor = actor_or_none(session)
    t = session.get(Ticket, ticket_id)
    if t is None:
        raise NotFound("找不到该工单，可能已被删除。")
    category = session.get(TicketCategory, t.category_id)
    unit_code = session.scalar(select(Unit.code).where(Unit.id == t.unit_id)) if t.unit_id else ""
    staff_name = (
        session.scalar(select(Staff.name).where(Staff.id == t.staff_id)) if t.staff_id else ""
    )
    repeat = (
        session.scalar(select(Ticket.number).where(Ticket.id == t.repeat_of_id))
        if t.repeat_of_id
        else ""
    )
    events = tuple(
        TicketEventInfo(e.id, e.at, e.action, e.from_status, e.to_status, e.actor_name, e.note)
        for e in session.scalars(
            select(TicketEvent).where(TicketEvent.ticket_id == t.id).order_by(TicketEvent.id)
        )
    )
    costs = tuple(
        CostLineInfo(c.id, c.kind, c.description, c.quantity, c.unit_price_fen, c.amount_fen)
        for c in session.scalars(
            select(TicketCostLine)
            .where(TicketCostLine.ticket_id == t.id)
            .order_by(TicketCostLine.id)
        )
    )
    callbacks = tuple(
        CallbackInfo(
            c.id, c.at, c.by_name, c.overall, c.speed, c.attitude, c.fixed, c.comment, c.reopened
        )
        for c in session.scalars(
            select(TicketCallback)
            .where(TicketCallback.ticket_id == t.id)
            .order_by(TicketCallback.id)
        )
    )
    checks = tuple(
        QualityCheckInfo(q.id, q.at, q.by_name, q.passed, q.note)
        for q in session.scalars(
            select(TicketQualityCheck)
            .where(TicketQualityCheck.ticket_id == t.id)
            .order_by(TicketQualityCheck.id)
        )
    )
    overdue = TicketStatus(t.status) in OPEN_STATUSES and (
        t.resolve_due < now or (t.responded_at is None and t.response_due < now)
    )
    return TicketInfo(
        id=t.id,
        number=t.number,
        kind=t.kind,
        source=t.source,
        status=t.status,
        urgency=t.urgency,
        category_id=t.category_id,
        category_name=category.name if category else "",
        unit_id=t.unit_id,
        unit_code=unit_code or "",
        location=t.location,
        person_id=t.person_id,
        reporter_name=t.reporter_name,
        reporter_phone=shown_phone(actor, t.reporter_phone),
        description=t.description,
        created_at=t.created_at,
        owner_name=t.owner_name,
        staff_id=t.staff_id,
        staff_name=staff_name or "",
        department=t.department,
        response_due=t.response_due,
        resolve_due=t.resolve_due,
        responded_at=t.responded_at,
        done_at=t.done_at,
        closed_at=t.closed_at,
        cancel_reason=t.cancel_reason,
        work_done=t.work_done,
        reopen_count=t.reopen_count,
        is_paid=t.is_paid,
        charge_id=t.charge_id,
        responsible_department=t.responsible_department,
        complaint_valid=t.complaint_valid,
        validity_reason=t.validity_reason,
        root_cause=t.root_cause,
        resolution=t.resolution,
        repeat_of=repeat or "",
        overdue=overdue,
        version=t.version,
        events=events,
        cost_lines=costs,
        callbacks=callbacks,
        quality_checks=checks,
        attachments=tuple(list_attachments(session, t.id)),
    )


def find_by_number(session: Session, number: str) -> int | None:
    """The id of the ticket with this number (case-insensitive), if any."""
    return session.scalar(select(Ticket.id).where(Ticket.number == number.strip().upper()))
