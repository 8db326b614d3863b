"""Site inspections (巡查), violations with rectification deadlines and their follow-up.

Violation types are a configurable list (seeded with working hours, load-bearing walls,
debris, fire safety and noise). A violation that needs repair can raise a service-desk
ticket (source "inspection").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import InvalidTransition, NotFound, ValidationError
from propdesk.registry.models import Building, Unit
from propdesk.registry.unit_sort import unit_order
from propdesk.renovation.common import actor_of, permit, text, who
from propdesk.renovation.models import (
    Inspection,
    InspectionPhoto,
    RenovationPermit,
    Violation,
    ViolationType,
)
from propdesk.renovation.values import (
    DEFAULT_VIOLATION_TYPES,
    InspectionDue,
    PermitStatus,
    ViolationSpec,
    ViolationTypeInfo,
)

MAX_PHOTO_BYTES = 5_000_000


def ensure_violation_types(session: Session) -> None:
    """Create the default violation types when the list is empty."""
    if session.scalar(select(func.count(ViolationType.id))):
        return
    session.execute(
        insert(ViolationType),
        [
            {"code": c, "name": n, "default_days": d, "active": True, "sort_key": i * 10}
            for i, (c, n, d) in enumerate(DEFAULT_VIOLATION_TYPES)
        ],
    )


def list_violation_types(
    session: Session, *, include_inactive: bool = False
) -> list[ViolationTypeInfo]:
    """The violation types in display order."""
    ensure_violation_types(session)
    stmt = select(ViolationType).order_by(ViolationType.sort_key, ViolationType.id)
    if not include_inactive:
        stmt = stmt.where(ViolationType.active.is_(True))
    return [
        ViolationTypeInfo(t.id, t.code, t.name, t.default_days, t.active)
        for t in session.scalars(stmt)
    ]


def save_violation_type(
    session: Session,
    *,
    code: str,
    name: str,
    default_days: int,
    active: bool = True,
    type_id: int | None = None,
) -> int:
    """Add or edit a violation type (settings; a manager's right)."""
    require(actor_of(session), Permission.MANAGE_SETTINGS)
    ensure_violation_types(session)
    code = text(code, "code", 30, "请填写代码。")
    name = text(name, "name", 50, "请填写违规类型名称。")
    if isinstance(default_days, bool) or not isinstance(default_days, int):
        raise ValidationError("default_days", "整改天数不正确。")
    if not 0 <= default_days <= 60:
        raise ValidationError("default_days", "整改天数应在 0 到 60 天之间。")
    clash = session.scalar(
        select(ViolationType.id).where(ViolationType.code == code, ViolationType.id != type_id)
        if type_id is not None
        else select(ViolationType.id).where(ViolationType.code == code)
    )
    if clash is not None:
        raise ValidationError("code", f"代码 {code} 已存在。")
    if type_id is None:
        last = session.scalar(select(func.max(ViolationType.sort_key))) or 0
        t = ViolationType(code=code, sort_key=int(last) + 10)
        session.add(t)
    else:
        found = session.get(ViolationType, type_id)
        if found is None:
            raise NotFound("该违规类型不存在。")
        t = found
        t.code = code
    t.name = name
    t.default_days = default_days
    t.active = active
    session.flush()
    return t.id


def record_inspection(
    session: Session,
    permit_id: int,
    *,
    inspector: str,
    violations: Sequence[ViolationSpec] = (),
    notes: str = "",
    photos: Sequence[tuple[str, bytes]] = (),
    on: date | None = None,
) -> int:
    """Record a site inspection of an approved (active) permit; returns the inspection id.

    Needs :attr:`Permission.EDIT_REGISTRY`.
    """
    require(actor_of(session), Permission.EDIT_REGISTRY)
    p = permit(session, permit_id)
    if p.status != PermitStatus.APPROVED:
        raise InvalidTransition("只有施工中（已批准）的装修可以巡查。")
    today = clock.today(session)
    day = on or today
    if day > today:
        raise ValidationError("inspected_on", "巡查日期不能晚于今天。")
    if day < p.planned_start:
        raise ValidationError("inspected_on", "巡查日期不能早于开工日期。")
    name = text(inspector, "inspector", 50, "请填写巡查人。")
    for file_name, content in photos:
        if len(content) > MAX_PHOTO_BYTES:
            raise ValidationError("photos", f"照片 {file_name} 超过 5 MB。")
    types = {t.id: t for t in list_violation_types(session)}
    for spec in violations:
        if spec.type_id not in types:
            raise ValidationError("violations", "请选择违规类型。")
        if spec.deadline is not None and spec.deadline < day:
            raise ValidationError("deadline", "整改期限不能早于巡查日期。")
    insp = Inspection(
        permit_id=p.id,
        inspected_on=day,
        inspector=name,
        result="violation" if violations else "ok",
        notes=text(notes, "notes", 2000),
        created_by=who(session),
    )
    session.add(insp)
    session.flush()
    for file_name, content in photos:
        session.add(
            InspectionPhoto(
                inspection_id=insp.id, file_name=text(file_name, "photos", 200), content=content
            )
        )
    for spec in violations:
        vt = types[spec.type_id]
        v = Violation(
            inspection_id=insp.id,
            permit_id=p.id,
            type_id=vt.id,
            description=text(spec.description, "description", 300),
            deadline=spec.deadline or day + timedelta(days=vt.default_days),
            status="open",
        )
        session.add(v)
        session.flush()
        if spec.raise_ticket:
            v.ticket_id = _raise_ticket(session, p, vt.name, v.description)
    session.flush()
    return insp.id


def _raise_ticket(session: Session, p: RenovationPermit, type_name: str, description: str) -> int:
    from propdesk.tickets import catalog
    from propdesk.tickets.services import Intake, create_ticket

    cats = catalog.list_categories(session, "repair")
    if not cats:
        raise ValidationError("violations", "服务台没有可用的报修类别，无法生成工单。")
    created = create_ticket(
        session,
        Intake(
            kind="repair",
            category_id=cats[0].id,
            description=f"装修巡查违规需维修（{p.permit_no} {type_name}）：{description}".strip(
                "："
            ),
            source="inspection",
            unit_id=p.unit_id,
            reporter_name=p.owner_name,
        ),
    )
    return created.id


def follow_up_violation(
    session: Session,
    violation_id: int,
    *,
    rectified: bool,
    note: str = "",
    new_deadline: date | None = None,
    on: date | None = None,
) -> None:
    """Record the follow-up (复查): rectified, or not yet with a new deadline.

    Needs :attr:`Permission.EDIT_REGISTRY`.
    """
    require(actor_of(session), Permission.EDIT_REGISTRY)
    v = session.get(Violation, violation_id)
    if v is None:
        raise NotFound("该违规记录不存在。")
    if v.status != "open":
        raise InvalidTransition("该违规已整改完毕。")
    day = clock.day_or_today(session, on)
    v.follow_up_note = text(note, "note", 300)
    v.followed_up_by = who(session)
    if rectified:
        v.status = "rectified"
        v.rectified_on = day
    else:
        if new_deadline is None or new_deadline < day:
            raise ValidationError("new_deadline", "未整改请给出新的整改期限（不早于今天）。")
        v.deadline = new_deadline
    session.flush()


def inspections_due(session: Session, day: date) -> list[InspectionDue]:
    """Permits to inspect on ``day``: every active permit whose work period covers the day
    and that has no inspection yet that day, plus each open violation whose deadline is the
    day or earlier (follow-up). For the renovation view and the shift handover."""
    inspected = select(Inspection.permit_id).where(Inspection.inspected_on == day)
    daily = session.execute(
        select(RenovationPermit.id, RenovationPermit.permit_no, Unit.id, Unit.code)
        .join(Unit, Unit.id == RenovationPermit.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .where(
            RenovationPermit.status == PermitStatus.APPROVED,
            RenovationPermit.planned_start <= day,
            RenovationPermit.id.not_in(inspected),
        )
        .order_by(*unit_order())  # natural order: 1-1-101 before 1-1-1001
    ).all()
    out = [
        InspectionDue(pid, no, uid, code, "daily", None, "日常巡查") for pid, no, uid, code in daily
    ]
    follow = session.execute(
        select(
            Violation.id,
            Violation.deadline,
            ViolationType.name,
            RenovationPermit.id,
            RenovationPermit.permit_no,
            Unit.id,
            Unit.code,
        )
        .join(ViolationType, ViolationType.id == Violation.type_id)
        .join(RenovationPermit, RenovationPermit.id == Violation.permit_id)
        .join(Unit, Unit.id == RenovationPermit.unit_id)
        .where(Violation.status == "open", Violation.deadline <= day)
        .order_by(Violation.deadline, Unit.code)
    ).all()
    out += [
        InspectionDue(
            pid,
            no,
            uid,
            code,
            "follow_up",
            vid,
            f"整改复查：{name}（期限 {deadline:%Y-%m-%d}）",
        )
        for vid, deadline, name, pid, no, uid, code in follow
    ]
    return out
