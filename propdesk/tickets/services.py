"""Intake and the workflow steps of a ticket (one transaction each, the caller's).

Every step takes ``at`` (default now, UTC) so deadlines can be tested, and
``expected_version`` (the version the clerk's screen showed) so two desks never
silently overwrite each other. The clerk who registers a ticket owns it until it
is closed (首问负责制), whoever is dispatched to do the work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotAllowed, ValidationError
from propdesk.registry.models import Person, Unit
from propdesk.session_info import actor_or_system as _actor
from propdesk.tickets import catalog
from propdesk.tickets.complaints import check_conclusion, set_findings
from propdesk.tickets.costs import post_paid_repair
from propdesk.tickets.loading import load
from propdesk.tickets.models import Staff, Ticket, TicketCallback, TicketQualityCheck
from propdesk.tickets.numbering import next_number
from propdesk.tickets.sla import deadlines, local_period
from propdesk.tickets.textsearch import search_text
from propdesk.tickets.values import (
    CreatedTicket,
    Deadlines,
    Department,
    TicketKind,
    TicketSource,
    TicketStatus,
    Urgency,
)
from propdesk.tickets.workflow import Action, check, move, record

MAX_DESCRIPTION = 2000


@dataclass(frozen=True)
class Intake:
    """What the clerk enters when registering a ticket."""

    kind: str
    category_id: int
    description: str
    source: str = TicketSource.PHONE.value
    urgency: str = Urgency.NORMAL.value
    unit_id: int | None = None
    location: str = ""
    person_id: int | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    is_paid: bool = False


def create_ticket(session: Session, intake: Intake, *, at: datetime | None = None) -> CreatedTicket:
    """Register a ticket (受理): validates, numbers it, sets its deadlines and owner."""
    now = clock.at_or_now(session, at)
    actor = _actor(session)
    catalog.ensure_defaults(session)
    try:
        kind = TicketKind(intake.kind)
    except ValueError:
        raise ValidationError("kind", "请选择工单类型。") from None
    try:
        source = TicketSource(intake.source)
    except ValueError:
        raise ValidationError("source", "请选择来源。") from None
    try:
        urgency = Urgency(intake.urgency)
    except ValueError:
        raise ValidationError("urgency", "请选择紧急程度。") from None
    category = catalog.get_category(session, intake.category_id) if intake.category_id else None
    if category is None or category.kind != kind.value or not category.active:
        raise ValidationError("category_id", "请选择该类型下的分类。")
    description = (intake.description or "").strip()
    if not description:
        raise ValidationError("description", "请填写问题描述。")
    if len(description) > MAX_DESCRIPTION:
        raise ValidationError("description", f"问题描述不能超过{MAX_DESCRIPTION}个字。")
    location = (intake.location or "").strip()
    if len(location) > 100:
        raise ValidationError("location", "位置不能超过100个字。")
    unit = session.get(Unit, intake.unit_id) if intake.unit_id is not None else None
    if intake.unit_id is not None and unit is None:
        raise ValidationError("unit_id", "房屋不存在。")
    if intake.unit_id is None and not location:
        raise ValidationError("unit_id", "请选择房屋，或填写公共区域位置。")
    name = (intake.reporter_name or "").strip()
    phone = (intake.reporter_phone or "").strip()
    if intake.person_id is not None:
        person = session.get(Person, intake.person_id)
        if person is None:
            raise ValidationError("person_id", "住户不存在。")
        name = name or person.name
        phone = phone or person.phone
    if phone and (not phone.replace("-", "").isdigit() or len(phone) > 20):
        raise ValidationError("reporter_phone", "电话只能包含数字和“-”。")
    if len(name) > 50:
        raise ValidationError("reporter_name", "姓名不能超过50个字。")
    if not name and source not in (TicketSource.PATROL, TicketSource.INSPECTION):
        raise ValidationError("reporter_name", "请选择住户，或填写报事人姓名。")

    due = _deadlines_for(session, kind.value, category.id, urgency.value, now)
    repeats = (
        repeat_complaints(
            session, unit_id=intake.unit_id, category_id=category.id, location=location, at=now
        )
        if kind is TicketKind.COMPLAINT
        else []
    )
    number = next_number(session, kind, now)
    ticket = Ticket(
        number=number,
        search_text=search_text(number, unit.code if unit else "", name, location, description),
        kind=kind.value,
        source=source.value,
        status=TicketStatus.RECEIVED.value,
        urgency=urgency.value,
        category_id=category.id,
        unit_id=intake.unit_id,
        location=location,
        person_id=intake.person_id,
        reporter_name=name,
        reporter_phone=phone,
        description=description,
        period=local_period(now),
        owner_user_id=actor.user_id,
        owner_name=actor.display_name,
        department=category.default_department,
        response_due=due.response_due,
        resolve_due=due.resolve_due,
        is_paid=bool(intake.is_paid) and kind is TicketKind.REPAIR,
        repeat_of_id=repeats[0][0] if repeats else None,
        created_at=now,
        updated_at=now,
    )
    session.add(ticket)
    session.flush()
    note = f"重复投诉：{'、'.join(n for _i, n in repeats)}" if repeats else ""
    record(session, ticket, Action.CREATE, now, note=note, to_status=ticket.status)
    session.flush()
    return CreatedTicket(ticket.id, ticket.number, due, tuple(n for _i, n in repeats))


def _deadlines_for(
    session: Session, kind: str, category_id: int, urgency: str, start: datetime
) -> Deadlines:
    rule = catalog.find_rule(session, kind, category_id, urgency)
    return deadlines(
        start,
        response_minutes=rule.response_minutes,
        resolve_minutes=rule.resolve_minutes,
        resolve_working_days=rule.resolve_working_days,
        calendar=catalog.calendar(session),
    )


def preview_deadlines(
    session: Session, kind: str, category_id: int, urgency: str, *, at: datetime | None = None
) -> Deadlines:
    """The deadlines a ticket registered now would get (shown in the intake dialog)."""
    return _deadlines_for(session, kind, category_id, urgency, clock.at_or_now(session, at))


def repeat_complaints(
    session: Session,
    *,
    unit_id: int | None,
    category_id: int,
    location: str,
    at: datetime | None = None,
    exclude_id: int | None = None,
) -> list[tuple[int, str]]:
    """Earlier complaints (id, number), newest first, that this one repeats.

    A complaint repeats another within ``repeat_complaint_days`` (settings) when it is
    about the same unit, or the same category at the same public place.
    """
    days = int(catalog.get_setting(session, "repeat_complaint_days"))
    since = clock.at_or_now(session, at) - timedelta(days=days)
    same_place = []
    if unit_id is not None:
        same_place.append(Ticket.unit_id == unit_id)
    if location:
        same_place.append((Ticket.category_id == category_id) & (Ticket.location == location))
    if not same_place:
        return []
    stmt = (
        select(Ticket.id, Ticket.number)
        .where(
            Ticket.kind == TicketKind.COMPLAINT.value,
            Ticket.created_at >= since,
            Ticket.status != TicketStatus.CANCELLED.value,
            or_(*same_place),
        )
        .order_by(Ticket.created_at.desc(), Ticket.id.desc())
        .limit(20)
    )
    if exclude_id is not None:
        stmt = stmt.where(Ticket.id != exclude_id)
    return [(int(i), str(n)) for i, n in session.execute(stmt)]


def dispatch(
    session: Session,
    ticket_id: int,
    *,
    staff_id: int | None = None,
    department: str = "",
    note: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Dispatch (派工) to a staff member or a department; also reassigns a dispatched ticket."""
    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id, expected_version)
    if staff_id is not None:
        staff = session.get(Staff, staff_id)
        if staff is None or not staff.active:
            raise ValidationError("staff_id", "请选择在职的员工。")
        department = staff.department
        who = f"{staff.name}（{_dept_zh(department)}）"
    else:
        if department not in {d.value for d in Department}:
            raise ValidationError("staff_id", "请选择派工的员工或部门。")
        who = _dept_zh(department)
    move(session, ticket, Action.DISPATCH, now, note=_join(f"派给 {who}", note))
    ticket.staff_id = staff_id
    ticket.department = department
    ticket.dispatched_at = now


def start(
    session: Session,
    ticket_id: int,
    *,
    note: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """The assignee is on it (到场/开始处理): the response time is met now."""
    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id, expected_version)
    move(session, ticket, Action.START, now, note=note)
    if ticket.responded_at is None:
        ticket.responded_at = now


def complete(
    session: Session,
    ticket_id: int,
    *,
    work_done: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Work is done (完工). A paid repair's total becomes a one-off charge on the unit."""
    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id, expected_version)
    move(session, ticket, Action.COMPLETE, now, note=work_done)
    ticket.done_at = now
    if work_done.strip():
        ticket.work_done = work_done.strip()
    if ticket.is_paid:
        post_paid_repair(session, ticket, now)


def callback(
    session: Session,
    ticket_id: int,
    *,
    overall: int | None,
    speed: int | None,
    attitude: int | None,
    fixed: bool | None = True,
    comment: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> bool:
    """Record a callback (回访); an overall rating of 1–2 or "not fixed" reopens the ticket.

    The three ratings are required (``None`` is "not chosen": refused with a message naming
    the rating, since a callback's scores feed satisfaction and team figures), and so is
    whether the problem is fixed (``None`` refused). Returns whether the ticket was reopened
    (sent back to dispatched with a new completion deadline counted from now; the reopen
    is counted).
    """
    now = clock.at_or_now(session, at)
    overall = _score("overall", "总体评价", overall)
    speed = _score("speed", "处理速度", speed)
    attitude = _score("attitude", "服务态度", attitude)
    if fixed is None:
        raise ValidationError("fixed", "请选择问题是否已解决。")
    ticket = load(session, ticket_id, expected_version)
    comment = (comment or "").strip()
    reopen = overall <= 2 or not fixed
    summary = f"总体{overall}分 速度{speed}分 态度{attitude}分{'' if fixed else ' 未修好'}"
    move(
        session,
        ticket,
        Action.REOPEN if reopen else Action.CALLBACK,
        now,
        note=_join(summary, comment),
    )
    actor = _actor(session)
    session.add(
        TicketCallback(
            ticket_id=ticket.id,
            at=now,
            by_user_id=actor.user_id,
            by_name=actor.display_name,
            overall=overall,
            speed=speed,
            attitude=attitude,
            fixed=fixed,
            comment=comment,
            reopened=reopen,
        )
    )
    if reopen:
        ticket.reopen_count += 1
        ticket.done_at = None
        ticket.resolve_due = _restart_completion(session, ticket, now)
    else:
        ticket.called_back_at = now
    return reopen


def _score(field: str, label: str, value: int | None) -> int:
    """A callback rating 1–5; not chosen (``None``) or out of range is refused by name."""
    if value is None:
        raise ValidationError(field, f"请选择{label}评分（1–5分）。")
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError(field, f"{label}评分应为1到5分。")
    return value


def _restart_completion(session: Session, ticket: Ticket, now: datetime) -> datetime:
    """A reopened ticket gets its full completion window again from the reopen time."""
    due = _deadlines_for(session, ticket.kind, ticket.category_id, ticket.urgency, now)
    return due.resolve_due


def close(
    session: Session,
    ticket_id: int,
    *,
    note: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Close a called-back ticket (关闭); the owner's responsibility ends here.

    A complaint closes only with its conclusion recorded (:func:`check_conclusion`);
    otherwise a :class:`ValidationError` names the missing field and nothing changes.
    """
    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id, expected_version)
    check(ticket, Action.CLOSE)
    check_conclusion(ticket)
    move(session, ticket, Action.CLOSE, now, note=note)
    ticket.closed_at = now


def close_complaint(
    session: Session,
    ticket_id: int,
    *,
    responsible_department: str,
    valid: bool | None,
    validity_reason: str = "",
    root_cause: str = "",
    resolution: str = "",
    note: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Record a complaint's conclusion and close it, in the caller's one transaction.

    The findings are written (one timeline event) only when they differ from those
    recorded; then :func:`close` checks them. Any error leaves the caller to roll back,
    so a refused close saves neither the findings nor the status.
    """
    ticket = load(session, ticket_id, expected_version)
    check(ticket, Action.CLOSE)
    wanted = (
        responsible_department,
        valid,
        (validity_reason or "").strip(),
        (root_cause or "").strip(),
        (resolution or "").strip(),
    )
    stored = (
        ticket.responsible_department,
        ticket.complaint_valid,
        ticket.validity_reason,
        ticket.root_cause,
        ticket.resolution,
    )
    if wanted != stored:
        set_findings(
            session,
            ticket_id,
            responsible_department=responsible_department,
            valid=valid,
            validity_reason=validity_reason,
            root_cause=root_cause,
            resolution=resolution,
            at=at,
        )
    close(session, ticket_id, note=note, at=at)


def cancel(
    session: Session,
    ticket_id: int,
    *,
    reason: str,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Cancel an open ticket; the reason is required (e.g. 业主自行解决, 重复登记)."""
    now = clock.at_or_now(session, at)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "请填写取消原因。")
    if len(reason) > 200:
        raise ValidationError("reason", "取消原因不能超过200个字。")
    ticket = load(session, ticket_id, expected_version)
    move(session, ticket, Action.CANCEL, now, note=reason)
    ticket.cancelled_at = now
    ticket.cancel_reason = reason


def add_note(session: Session, ticket_id: int, note: str, *, at: datetime | None = None) -> None:
    """A note on the timeline (e.g. 业主来电催促) without changing the status."""
    note = (note or "").strip()
    if not note:
        raise ValidationError("note", "请填写备注内容。")
    ticket = load(session, ticket_id)
    record(session, ticket, Action.NOTE, clock.at_or_now(session, at), note=note)
    ticket.updated_at = clock.at_or_now(session, at)


def quality_check(
    session: Session,
    ticket_id: int,
    *,
    passed: bool,
    note: str = "",
    at: datetime | None = None,
) -> None:
    """A supervisor's quality check (质检) of a closed ticket (needs APPROVE)."""
    require(session.info.get("actor"), Permission.APPROVE)  # no login, no approval
    actor = _actor(session)
    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id)
    if ticket.status != TicketStatus.CLOSED.value:
        raise NotAllowed(f"工单 {ticket.number} 尚未关闭，关闭后才能质检。")
    session.add(
        TicketQualityCheck(
            ticket_id=ticket.id,
            at=now,
            by_user_id=actor.user_id,
            by_name=actor.display_name,
            passed=passed,
            note=(note or "").strip(),
        )
    )
    record(
        session, ticket, Action.QUALITY_CHECK, now, note=_join("合格" if passed else "不合格", note)
    )
    ticket.updated_at = now


def _dept_zh(code: str) -> str:
    from propdesk.tickets.values import department_label

    return department_label(code)


def _join(first: str, second: str) -> str:
    second = (second or "").strip()
    return f"{first}；{second}" if second else first
