"""The shift log (值班日志) and handover (交接班).

One shift is open at a time. The outgoing clerk closes it: the handover is composed
from live data (tickets near or past their deadline, keys out, parcels waiting, open
patrol anomalies, inspections and vacant checks due) plus the shift's own open entries,
and stored as lines with the shift. The incoming clerk takes over: the acknowledgement
(who, when) is recorded, a new shift opens, and every open entry is carried into it
(the old one marked *carried*, the new one pointing back), so nothing is lost.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.desk import parcels, patrols, vacant
from propdesk.desk.common import actor_of, clean, local_date
from propdesk.desk.models import HandoverItem, Shift, ShiftEntry
from propdesk.desk.values import (
    EntryInfo,
    EntryKind,
    EntryStatus,
    HandoverItemKind,
    HandoverLine,
    ShiftInfo,
)
from propdesk.errors import Conflict, InvalidTransition, NotAllowed, NotFound, ValidationError
from propdesk.registry.models import Unit
from propdesk.tickets.models import Ticket

MAX_LINES = 30
"""Live lines itemised per kind; beyond that one summary line gives the count (the
shift's own open entries are always itemised)."""


def _fmt(at: datetime | None) -> str:
    return clock.to_local(at).strftime("%m-%d %H:%M") if at else ""


# --- the current shift ------------------------------------------------------------------


def current_shift(session: Session) -> ShiftInfo | None:
    """The open shift, or None (before the first shift, or between close and take-over)."""
    shift = session.scalar(select(Shift).where(Shift.closed_at.is_(None)).order_by(Shift.id))
    return None if shift is None else _shift_info(session, shift)


def pending_handover(session: Session) -> ShiftInfo | None:
    """The closed shift waiting for the incoming clerk's acknowledgement, or None."""
    shift = session.scalar(
        select(Shift)
        .where(Shift.closed_at.is_not(None), Shift.acknowledged_at.is_(None))
        .order_by(Shift.id.desc())
    )
    return None if shift is None else _shift_info(session, shift)


def shift_detail(session: Session, shift_id: int) -> ShiftInfo:
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise NotFound("找不到该班次。")
    return _shift_info(session, shift)


def _shift_info(session: Session, s: Shift) -> ShiftInfo:
    items = tuple(
        HandoverLine(i.kind, i.ref_id, i.text)
        for i in session.scalars(
            select(HandoverItem).where(HandoverItem.shift_id == s.id).order_by(HandoverItem.seq)
        )
    )
    return _shift_value(s, items)


def _shift_value(s: Shift, items: tuple[HandoverLine, ...]) -> ShiftInfo:
    return ShiftInfo(
        s.id,
        s.started_at,
        s.started_by,
        s.previous_id,
        s.closed_at,
        s.closed_by,
        s.handover_note,
        s.acknowledged_at,
        s.acknowledged_by,
        items,
    )


def take_over(session: Session, *, at: datetime | None = None) -> int:
    """The incoming clerk takes the desk (接班); returns the new shift's id.

    Acknowledges the pending handover (who, when) and carries its open entries into the
    new shift. With no shift ever kept, this simply opens the first one.
    """
    now = clock.at_or_now(session, at)
    actor = actor_of(session)
    # Lock the handover first, then look for an open shift: a colleague who took over
    # a moment earlier is seen, and this take-over is refused instead of doubled.
    previous = session.scalar(
        select(Shift)
        .where(Shift.acknowledged_at.is_(None))
        .order_by(Shift.id.desc())
        .with_for_update()
    )
    if session.scalar(select(Shift.id).where(Shift.closed_at.is_(None))) is not None:
        raise Conflict("已有在岗班次，请先由当班人员交班。")
    if previous is not None:
        previous.acknowledged_at = now
        previous.acknowledged_by = actor.display_name
        previous.acknowledged_by_user_id = actor.user_id
    shift = Shift(
        started_at=now,
        started_by=actor.display_name,
        started_by_user_id=actor.user_id,
        previous_id=previous.id if previous is not None else None,
    )
    session.add(shift)
    session.flush()
    if previous is not None:
        carried = session.scalars(
            select(ShiftEntry)
            .where(ShiftEntry.shift_id == previous.id, ShiftEntry.status == EntryStatus.OPEN.value)
            .order_by(ShiftEntry.at, ShiftEntry.id)
        )
        for old in list(carried):
            session.add(
                ShiftEntry(
                    shift_id=shift.id,
                    at=old.at,
                    kind=old.kind,
                    text=old.text,
                    unit_id=old.unit_id,
                    ticket_id=old.ticket_id,
                    status=EntryStatus.OPEN.value,
                    by_name=old.by_name,
                    carried_from_id=old.id,
                )
            )
            old.status = EntryStatus.CARRIED.value
    session.flush()
    return shift.id


def _open_shift(session: Session) -> Shift:
    shift = session.scalar(
        select(Shift).where(Shift.closed_at.is_(None)).order_by(Shift.id).with_for_update()
    )
    if shift is None:
        raise NotAllowed("当前没有在岗班次，请先接班。")
    return shift


# --- entries ----------------------------------------------------------------------------


def add_entry(
    session: Session,
    *,
    kind: str,
    text: str,
    follow_up: bool = False,
    unit_id: int | None = None,
    ticket_id: int | None = None,
    at: datetime | None = None,
) -> int:
    """Write a line in the current shift's log; ``follow_up`` makes it an open item."""
    now = clock.at_or_now(session, at)
    shift = _open_shift(session)
    try:
        kind = EntryKind(kind).value
    except ValueError:
        raise ValidationError("kind", "请选择记录类型。") from None
    text = clean(text, "text", 1000, required="请填写记录内容。")
    if unit_id is not None and session.get(Unit, unit_id) is None:
        raise ValidationError("unit_id", "房屋不存在。")
    if ticket_id is not None and session.get(Ticket, ticket_id) is None:
        raise ValidationError("ticket_id", "工单不存在。")
    entry = ShiftEntry(
        shift_id=shift.id,
        at=now,
        kind=kind,
        text=text,
        unit_id=unit_id,
        ticket_id=ticket_id,
        status=(EntryStatus.OPEN if follow_up else EntryStatus.INFO).value,
        by_name=actor_of(session).display_name,
    )
    session.add(entry)
    session.flush()
    return entry.id


def complete_entry(session: Session, entry_id: int, *, at: datetime | None = None) -> None:
    """Mark an open item of the current shift as dealt with."""
    entry = session.get(ShiftEntry, entry_id, with_for_update=True)
    if entry is None:
        raise NotFound("找不到该值班记录。")
    if entry.status != EntryStatus.OPEN.value:
        raise InvalidTransition("该记录不是待处理事项。")
    entry.status = EntryStatus.DONE.value
    entry.done_at = clock.at_or_now(session, at)
    entry.done_by = actor_of(session).display_name
    session.flush()


def entries_of_shift(
    session: Session, shift_id: int, *, open_only: bool = False
) -> list[EntryInfo]:
    """A shift's log lines in time order."""
    stmt = (
        select(ShiftEntry, Unit.code, Ticket.number)
        .outerjoin(Unit, Unit.id == ShiftEntry.unit_id)
        .outerjoin(Ticket, Ticket.id == ShiftEntry.ticket_id)
        .where(ShiftEntry.shift_id == shift_id)
        .order_by(ShiftEntry.at, ShiftEntry.id)
    )
    if open_only:
        stmt = stmt.where(ShiftEntry.status == EntryStatus.OPEN.value)
    return [
        EntryInfo(
            e.id,
            e.shift_id,
            e.at,
            e.kind,
            e.text,
            e.unit_id,
            code or "",
            e.ticket_id,
            number or "",
            e.status,
            e.by_name,
            e.carried_from_id,
        )
        for e, code, number in session.execute(stmt)
    ]


# --- handover ---------------------------------------------------------------------------


def compose_handover(
    session: Session, *, at: datetime | None = None, shift_id: int | None = None
) -> list[HandoverLine]:
    """The handover lines as of now: live data first, then the shift's own open entries."""
    from propdesk.tickets import queries as ticket_queries

    now = clock.at_or_now(session, at)
    today = local_date(now)
    lines: list[HandoverLine] = []
    due = ticket_queries.due_list(session, now=now)
    for t in due[:MAX_LINES]:
        state = "已逾期" if t.overdue else "将到期"
        where = t.unit_code or t.location
        lines.append(
            HandoverLine(
                HandoverItemKind.TICKET.value,
                t.id,
                f"{t.number} {t.category_name} {where} {state}（完成时限 {_fmt(t.resolve_due)}）",
            )
        )
    due_total = _count_due_tickets(session, now) if len(due) > MAX_LINES else len(due)
    if due_total > MAX_LINES:
        lines.append(
            HandoverLine(
                HandoverItemKind.TICKET.value,
                None,
                f"另有 {due_total - MAX_LINES} 张工单逾期或将到期，见工单看板",
            )
        )
    lines += _external_lines(session, now)
    long_held = parcels.waiting_parcels(
        session, today=today, long_held_only=True, received_before=now, limit=MAX_LINES
    )
    for p in long_held:
        whom = p.unit_code or p.recipient
        lines.append(
            HandoverLine(
                HandoverItemKind.PARCEL.value,
                p.id,
                f"超期快递 {p.carrier} {p.tracking_no} {whom} 货架{p.shelf or '—'}"
                f" 已存{p.held_days}天",
            )
        )
    waiting, _long = parcels.count_waiting(session, today=today, received_before=now)
    if waiting > len(long_held):
        lines.append(
            HandoverLine(
                HandoverItemKind.PARCEL.value,
                None,
                f"另有待取快递 {waiting - len(long_held)} 件在架",
            )
        )
    for a in patrols.open_anomalies(session):
        if a.checked_at is not None and a.checked_at > now:
            continue
        ticket = f"，工单 {a.ticket_number}" if a.ticket_number else "，未报修"
        lines.append(
            HandoverLine(
                HandoverItemKind.ANOMALY.value,
                a.finding_id,
                f"巡查异常 {a.route_name}·{a.checkpoint_name}：{a.note}{ticket}",
            )
        )
    overdue_units = vacant.vacant_due(session, today=today, overdue_only=True, limit=MAX_LINES)
    for v in overdue_units:
        last = v.last_checked.isoformat() if v.last_checked else "从未检查"
        lines.append(
            HandoverLine(
                HandoverItemKind.VACANT.value,
                v.unit_id,
                f"空置房 {v.unit_code} 逾期未检查（上次 {last}）",
            )
        )
    overdue_total = vacant.count_due(session, today=today, overdue_only=True)
    if overdue_total > len(overdue_units):
        lines.append(
            HandoverLine(
                HandoverItemKind.VACANT.value,
                None,
                f"另有 {overdue_total - len(overdue_units)} 套空置房逾期未检查，见空置房清单",
            )
        )
    shift = session.get(Shift, shift_id) if shift_id is not None else None
    if shift is None:
        shift = session.scalar(select(Shift).where(Shift.closed_at.is_(None)))
    if shift is not None:
        for e in entries_of_shift(session, shift.id, open_only=True):
            ref = f"（{e.unit_code or e.ticket_number}）" if e.unit_code or e.ticket_number else ""
            lines.append(
                HandoverLine(HandoverItemKind.ENTRY.value, e.id, f"{_fmt(e.at)} {e.text}{ref}")
            )
    return lines


def _count_due_tickets(session: Session, now: datetime) -> int:
    """All tickets overdue or due soon (``due_list`` stops at its limit)."""
    from propdesk.tickets import catalog
    from propdesk.tickets.queries import due_soon_condition, overdue_condition

    hours = int(catalog.get_setting(session, "due_soon_hours"))
    cond = or_(overdue_condition(now), due_soon_condition(now, hours))
    return int(session.scalar(select(func.count(Ticket.id)).where(cond)) or 0)


def _external_lines(session: Session, now: datetime) -> list[HandoverLine]:
    """Keys out (钥匙托管) and renovation inspections due, from their features.

    Those features are separate packages; a build without one simply has no such lines.
    """
    lines: list[HandoverLine] = []
    keys_out = _optional("propdesk.keys.services", "keys_out")
    if keys_out is not None:
        for k in keys_out(session, now=now):
            state = "逾期未还" if getattr(k, "overdue", False) else "应还"
            lines.append(
                HandoverLine(
                    HandoverItemKind.KEY.value,
                    getattr(k, "loan_id", None),
                    f"钥匙 {k.tag_no}（{k.unit_code}）借给 {k.borrower}"
                    f"{'（' + k.purpose + '）' if getattr(k, 'purpose', '') else ''}，"
                    f"{state} {_fmt(k.due_at)}",
                )
            )
    inspections_due = _optional("propdesk.renovation.inspections", "inspections_due")
    if inspections_due is not None:
        due = list(inspections_due(session, local_date(now)))
        for i in due[:MAX_LINES]:
            lines.append(
                HandoverLine(
                    HandoverItemKind.INSPECTION.value,
                    getattr(i, "permit_id", None),
                    f"装修巡检 {i.unit_code} {i.permit_no}：{i.what}",
                )
            )
        if len(due) > MAX_LINES:
            lines.append(
                HandoverLine(
                    HandoverItemKind.INSPECTION.value,
                    None,
                    f"另有 {len(due) - MAX_LINES} 项装修巡检待做，见装修管理",
                )
            )
    return lines


def _optional(module_name: str, function: str) -> Callable[..., Iterable[Any]] | None:
    """``module.function`` when this build has that feature, else None."""
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    fn = getattr(module, function, None)
    return fn if callable(fn) else None


def close_shift(session: Session, *, note: str = "", at: datetime | None = None) -> ShiftInfo:
    """The outgoing clerk hands over (交班): the composed lines are stored with the shift."""
    now = clock.at_or_now(session, at)
    shift = _open_shift(session)
    note = clean(note, "note", 2000)
    lines = compose_handover(session, at=now, shift_id=shift.id)
    for seq, line in enumerate(lines, start=1):
        session.add(
            HandoverItem(
                shift_id=shift.id, seq=seq, kind=line.kind, ref_id=line.ref_id, text=line.text[:300]
            )
        )
    shift.closed_at = now
    shift.closed_by = actor_of(session).display_name
    shift.handover_note = note
    session.flush()
    return _shift_info(session, shift)


def recent_shifts(session: Session, *, limit: int = 60) -> list[ShiftInfo]:
    """The latest shifts, newest first (without their handover lines)."""
    rows = session.scalars(select(Shift).order_by(Shift.id.desc()).limit(limit))
    return [_shift_value(s, ()) for s in rows]
