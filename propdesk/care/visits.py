"""Recording household visits (走访), raising a finding as a ticket, the planning rules, and
reading visits back.

Recording a visit is desk work (``EDIT_REGISTRY``); the rules are a setting
(``MANAGE_SETTINGS``). A visit and the ticket raised from its findings are one transaction
(the caller's): a refused ticket leaves no visit either. Everything is validated before
anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, bindparam, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.models import User
from propdesk.auth.permissions import Permission, require
from propdesk.care.models import CareFlag
from propdesk.care.services import household_occupancy
from propdesk.care.values import FlagKind
from propdesk.care.visit_models import CareVisit, CareVisitRule
from propdesk.care.visit_plan import complaint_unit, rules
from propdesk.care.visit_values import (
    DAYS_RANGE,
    LOOKBACK_RANGE,
    RATING_RANGE,
    RULE_REASONS,
    VISIT_REASON_ZH,
    StaffName,
    VisitReason,
    VisitRow,
    VisitRule,
    reason_label,
)
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.registry.models import Building, Occupancy, Person, Unit
from propdesk.session_info import actor_or_none
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import TicketKind, TicketSource, Urgency
from propdesk.validate import clean_column, clean_text

FINDINGS_LIMIT = 1500  # the ticket's description holds these and a short heading


@dataclass(frozen=True)
class TicketRequest:
    """The ticket to raise from a visit's findings: its kind, category and urgency."""

    kind: str
    category_id: int
    urgency: str = Urgency.NORMAL.value


@dataclass(frozen=True)
class VisitSpec:
    """What the clerk enters for a visit. ``visited_at`` is an aware time (stored in UTC);
    ``reason``/``trigger_id`` the plan item it fulfils (see :class:`PlanItem`)."""

    unit_id: int | None
    visited_at: datetime
    findings: str = ""
    reason: str = VisitReason.OTHER.value
    trigger_id: int | None = None
    visitor_name: str = ""  # "" → the recording user's name
    visitor_user_id: int | None = None
    companions: str = ""
    rating: int | None = None
    next_visit_on: date | None = None
    ticket: TicketRequest | None = None


# --- reading ------------------------------------------------------------------------------


def visit_list_base() -> Select[Any]:
    """FROM ``care_visit`` with unit, building, household person and ticket joined."""
    return (
        select(CareVisit.id)
        .select_from(CareVisit)
        .join(Unit, Unit.id == CareVisit.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .outerjoin(Occupancy, Occupancy.id == CareVisit.occupancy_id)
        .outerjoin(Person, Person.id == Occupancy.person_id)
        .outerjoin(Ticket, Ticket.id == CareVisit.ticket_id)
    )


def _row_columns() -> tuple[Any, ...]:
    return (
        CareVisit.id,
        CareVisit.unit_id,
        Unit.code.label("unit_code"),
        Person.name.label("person_name"),
        CareVisit.reason,
        CareVisit.visited_at,
        CareVisit.visited_on,
        CareVisit.visitor_name,
        CareVisit.companions,
        CareVisit.findings_enc,
        CareVisit.rating,
        CareVisit.next_visit_on,
        CareVisit.ticket_id,
        Ticket.number.label("ticket_number"),
        CareVisit.recorded_by,
        CareVisit.version,
    )


def _to_row(r: Any) -> VisitRow:
    return VisitRow(
        id=r.id,
        unit_id=r.unit_id,
        unit_code=r.unit_code,
        person_name=r.person_name or "",
        reason=r.reason,
        reason_zh=reason_label(r.reason),
        visited_at=r.visited_at,
        visited_on=r.visited_on,
        visitor_name=r.visitor_name,
        companions=r.companions,
        findings=r.findings_enc or "",
        rating=r.rating,
        next_visit_on=r.next_visit_on,
        ticket_id=r.ticket_id,
        ticket_number=r.ticket_number or "",
        recorded_by=r.recorded_by,
        version=r.version,
    )


def visit_row(session: Session, visit_id: int) -> VisitRow:
    row = session.execute(
        visit_list_base().with_only_columns(*_row_columns()).where(CareVisit.id == visit_id)
    ).first()
    if row is None:
        raise NotFound("找不到该走访记录。")
    return _to_row(row)


def unit_visits(session: Session, unit_id: int, *, limit: int = 10) -> list[VisitRow]:
    """The unit's visits, newest first (the unit page's history)."""
    rows = session.execute(_unit_visits_statement(), {"unit_id": unit_id, "limit": limit})
    return [_to_row(r) for r in rows]


@cache
def _unit_visits_statement() -> Select[Any]:
    """Built once, with ``:unit_id`` and ``:limit`` bound: the unit page reads it for every
    unit opened."""
    return (
        visit_list_base()
        .with_only_columns(*_row_columns())
        .where(CareVisit.unit_id == bindparam("unit_id", type_=Integer))
        .order_by(CareVisit.visited_at.desc(), CareVisit.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )


def staff_names(session: Session) -> list[StaffName]:
    """Active staff (not scheduled-job accounts) who may have visited, by name."""
    stmt = (
        select(User.id, User.display_name)
        .where(User.active.is_(True), User.service_account.is_(False))
        .order_by(User.display_name, User.id)
    )
    return [StaffName(int(i), str(n)) for i, n in session.execute(stmt)]


# --- recording ----------------------------------------------------------------------------


def _check_trigger(session: Session, unit_id: int, reason: VisitReason, trigger: int) -> None:
    """The plan item named by ``reason``/``trigger`` belongs to this unit."""
    found: object = None
    if reason is VisitReason.ELDERLY_ALONE:
        found = session.scalar(
            select(CareFlag.id).where(
                CareFlag.id == trigger,
                CareFlag.unit_id == unit_id,
                CareFlag.kind == FlagKind.ELDERLY_ALONE.value,
            )
        )
    elif reason is VisitReason.NEW_HOUSEHOLD:
        found = session.scalar(
            select(Occupancy.id).where(Occupancy.id == trigger, Occupancy.unit_id == unit_id)
        )
    elif reason is VisitReason.COMPLAINT:
        found = session.scalar(
            select(Ticket.id).where(
                Ticket.id == trigger,
                complaint_unit() == unit_id,
                Ticket.kind == TicketKind.COMPLAINT.value,
            )
        )
    elif reason is VisitReason.FOLLOW_UP:
        found = session.scalar(
            select(CareVisit.id).where(CareVisit.id == trigger, CareVisit.unit_id == unit_id)
        )
    if found is None:
        raise ValidationError("reason", "这条走访计划不属于所选的房屋，请从计划列表重新选择。")


def _validated(session: Session, spec: VisitSpec) -> dict[str, Any]:
    actor = actor_or_none(session)
    if spec.unit_id is None or session.get(Unit, spec.unit_id) is None:
        raise ValidationError("unit_id", "请选择走访的房屋。")
    try:
        reason = VisitReason(spec.reason)
    except ValueError:
        raise ValidationError(
            "reason", f"走访原因应为：{'、'.join(VISIT_REASON_ZH.values())}。"
        ) from None
    if spec.trigger_id is not None:
        if reason is VisitReason.OTHER:
            raise ValidationError("reason", "临时走访不对应走访计划。")
        _check_trigger(session, spec.unit_id, reason, spec.trigger_id)
    if spec.visited_at.tzinfo is None:
        raise ValidationError("visited_at", "走访时间缺少时区。")
    now = clock.now(session)
    if spec.visited_at > now:
        local = clock.to_local(now)
        raise ValidationError(
            "visited_at", f"走访时间不能晚于现在（{local:%Y-%m-%d %H:%M}），请填写实际走访的时间。"
        )
    visited_on = clock.local_date(spec.visited_at)
    visitor = clean_column(
        spec.visitor_name or (actor.display_name if actor else ""),
        CareVisit.visitor_name,
        "visitor_name",
        "请填写走访人。",
        label="走访人",
    )
    if spec.visitor_user_id is not None and session.get(User, spec.visitor_user_id) is None:
        raise ValidationError("visitor_name", "所选的走访人不存在。")
    companions = clean_column(spec.companions, CareVisit.companions, "companions", label="同行人员")
    findings = clean_text(spec.findings, "findings", FINDINGS_LIMIT, label="走访情况")
    if spec.ticket is not None and not findings:
        raise ValidationError("findings", "要转工单，请先填写走访发现的问题。")
    low, high = RATING_RANGE
    if spec.rating is not None and not low <= spec.rating <= high:
        raise ValidationError("rating", f"满意度应为 {low} 到 {high} 分，不评可留空。")
    if spec.next_visit_on is not None and spec.next_visit_on <= visited_on:
        raise ValidationError(
            "next_visit_on", f"下次走访日期应在本次走访（{visited_on:%Y-%m-%d}）之后。"
        )
    return {
        "unit_id": spec.unit_id,
        "reason": reason.value,
        "trigger_id": spec.trigger_id,
        "visited_at": spec.visited_at,
        "visited_on": visited_on,
        "visitor_user_id": spec.visitor_user_id,
        "visitor_name": visitor,
        "companions": companions,
        "findings_enc": findings,
        "rating": spec.rating,
        "next_visit_on": spec.next_visit_on,
    }


def record_visit(session: Session, spec: VisitSpec) -> VisitRow:
    """Record a visit; with ``spec.ticket``, raise its findings as a ticket in the same
    transaction (a refused ticket saves nothing)."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    values = _validated(session, spec)
    unit_id = int(values["unit_id"])
    visit = CareVisit(
        occupancy_id=household_occupancy(session, unit_id),
        recorded_by=actor.display_name if actor else "",
        **values,
    )
    session.add(visit)
    session.flush()
    if spec.ticket is not None:
        _raise(session, visit, spec.ticket)
    return visit_row(session, visit.id)


def _raise(session: Session, visit: CareVisit, request: TicketRequest) -> None:
    from propdesk.tickets.services import Intake, create_ticket

    person_id = None
    if visit.occupancy_id is not None:
        person_id = session.scalar(
            select(Occupancy.person_id).where(Occupancy.id == visit.occupancy_id)
        )
    findings = visit.findings_enc or ""
    created = create_ticket(
        session,
        Intake(
            kind=request.kind,
            category_id=request.category_id,
            description=(
                f"走访发现（{reason_label(visit.reason)}，{visit.visited_on:%Y-%m-%d}，"
                f"{visit.visitor_name}）：{findings}"
            ),
            source=TicketSource.VISIT.value,
            urgency=request.urgency,
            unit_id=visit.unit_id,
            person_id=person_id,
            reporter_name="" if person_id is not None else visit.visitor_name,
        ),
    )
    visit.ticket_id = created.id
    session.flush()


def raise_ticket(
    session: Session, visit_id: int, request: TicketRequest, *, expected_version: int | None
) -> VisitRow:
    """Raise a saved visit's findings as a ticket (once: a second time is refused)."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    visit = session.get(CareVisit, visit_id, with_for_update=True)
    if visit is None:
        raise NotFound("找不到该走访记录。")
    if visit.ticket_id is not None:
        number = session.scalar(select(Ticket.number).where(Ticket.id == visit.ticket_id))
        raise Conflict(f"这次走访已转工单 {number}，不会重复生成。")
    if expected_version is not None and expected_version != visit.version:
        raise Conflict("这条走访记录刚被其他人修改过，请刷新后再试。")
    if not (visit.findings_enc or "").strip():
        raise ValidationError("findings", "这次走访没有记录发现的问题，不能转工单。")
    _raise(session, visit, request)
    return visit_row(session, visit.id)


# --- rules --------------------------------------------------------------------------------


def set_rule(session: Session, rule: VisitRule) -> VisitRule:
    """Change one planning rule (``rule.version``: the version the manager started from; 0
    for a default never stored)."""
    actor = actor_or_none(session)
    require(actor, Permission.MANAGE_SETTINGS)
    try:
        reason = VisitReason(rule.reason)
    except ValueError:
        reason = None
    if reason not in RULE_REASONS:
        raise ValidationError("reason", "只有独居老人、新入住和投诉三类走访有计划规则。")
    assert reason is not None
    low, high = DAYS_RANGE
    if not low <= rule.days <= high:
        raise ValidationError("days", f"{reason_label(reason)}的天数应在 {low} 到 {high} 天之间。")
    low, high = LOOKBACK_RANGE
    if not low <= rule.lookback_days <= high:
        raise ValidationError(
            "lookback_days", f"{reason_label(reason)}的追溯天数应在 {low} 到 {high} 天之间。"
        )
    stored = session.get(CareVisitRule, reason.value)
    if (stored.version if stored else 0) != rule.version:
        raise Conflict("走访规则刚被其他人修改过，请关闭后重新打开再改。")
    if stored is None:
        stored = CareVisitRule(reason=reason.value)
        session.add(stored)
    stored.active = rule.active
    stored.days = rule.days
    stored.lookback_days = rule.lookback_days
    stored.flagged_only = rule.flagged_only
    stored.updated_by = actor.display_name if actor else ""
    session.flush()
    return rules(session)[reason]
