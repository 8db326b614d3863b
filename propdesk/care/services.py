"""Setting, editing and ending attention flags; viewing one flag's details (audited).

Flags are desk work (``EDIT_REGISTRY``). A flag only supervisors may see
(``visibility = 'supervisors'``) is read, edited and ended only by a role holding
``APPROVE`` (supervisors, managers). Custom kinds are a setting (``MANAGE_SETTINGS``).
Everything is validated before anything is written: bad input leaves nothing half-saved.
Viewing the details of a sensitive flag writes a ``reveal`` audit row (call it in a write
transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.audit.trail import record_reveal
from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, require
from propdesk.care.models import CareFlag, CareKind
from propdesk.care.queries import flag_row
from propdesk.care.values import (
    FLAG_KIND_ZH,
    FLAG_SOURCE_ZH,
    SENSITIVE_KINDS,
    CustomKindRow,
    FlagDetail,
    FlagKind,
    FlagRow,
    FlagSource,
    Visibility,
    kind_label,
)
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.registry.models import Occupancy, Person, Unit
from propdesk.registry.values import OccupancyRole
from propdesk.session_info import actor_or_none
from propdesk.validate import clean_column, clean_text

REASON_LIMIT = 500
#: Who may see a supervisors-only flag (see :func:`propdesk.care.queries.may_see_restricted`).
SUPERVISOR_PERMISSION = Permission.APPROVE


@dataclass(frozen=True)
class FlagSpec:
    kind: str
    reason: str
    source: str = FlagSource.OBSERVED.value
    consent: bool = False
    consent_on: date | None = None
    review_on: date | None = None
    visibility: str = Visibility.ALL_STAFF.value
    dnd_start: time | None = None
    dnd_end: time | None = None
    custom_kind_id: int | None = None
    #: The clerk confirmed the warnings of :func:`flag_warnings` (saving asks first).
    confirmed: bool = False


class NeedsConfirmation(ValidationError):
    """The flag can be saved, but only once the clerk confirms ``message`` (the form asks
    and saves again with ``FlagSpec.confirmed``); nothing was written."""


#: Kinds whose self-declared flag should record the resident's consent.
CONSENT_KINDS = frozenset({FlagKind.EVACUATION, FlagKind.DISABILITY})
#: The next review of a reviewed flag, by default: in six months.
REVIEW_INTERVAL_MONTHS = 6


def household_occupancy(session: Session, unit_id: int) -> int | None:
    """The occupancy standing for the household living in the unit now: the current
    tenant's, else the owner's, else any current one (``None`` when vacant)."""
    rank = {OccupancyRole.TENANT.value: 0, OccupancyRole.OWNER.value: 1}
    rows = session.execute(
        select(Occupancy.id, Occupancy.role)
        .where(Occupancy.unit_id == unit_id, Occupancy.end_date.is_(None))
        .order_by(Occupancy.id)
    ).all()
    if not rows:
        return None
    return int(min(rows, key=lambda r: rank.get(r.role, 2)).id)


def _values(
    session: Session, spec: FlagSpec, *, kept_review: date | None = None
) -> dict[str, object]:
    """The validated columns of ``spec`` (raises :class:`ValidationError` on the first fault)."""
    today = clock.today(session)
    try:
        kind = FlagKind(spec.kind)
    except ValueError:
        raise ValidationError(
            "kind", f"关注类型应为：{'、'.join(FLAG_KIND_ZH.values())}。"
        ) from None
    custom: CareKind | None = None
    if kind == FlagKind.CUSTOM:
        custom = session.get(CareKind, spec.custom_kind_id) if spec.custom_kind_id else None
        if custom is None or not custom.active:
            raise ValidationError("custom_kind_id", "请选择一个启用中的自定义关注类型。")
    reason = clean_text(spec.reason, "reason", REASON_LIMIT, "请填写关注原因。", label="关注原因")
    try:
        source = FlagSource(spec.source)
    except ValueError:
        raise ValidationError(
            "source", f"来源应为：{'、'.join(FLAG_SOURCE_ZH.values())}。"
        ) from None
    consent_on = spec.consent_on
    if spec.consent:
        consent_on = consent_on or today
        if consent_on > today:
            raise ValidationError("consent_on", "同意日期不能晚于今天。")
    else:
        consent_on = None
    if spec.review_on is not None and spec.review_on <= today:
        if kept_review is not None and spec.review_on == kept_review:
            # an overdue flag edited without a new review date would stay overdue
            raise ValidationError(
                "review_on",
                f"复查日期（{kept_review:%Y-%m-%d}）已到期：请设定下一次复查日期"
                f"（今天 {today:%Y-%m-%d} 之后），或用“已复查”记下这次复查。",
            )
        raise ValidationError(
            "review_on",
            f"复查日期必须在今天（{today:%Y-%m-%d}）之后，请选一个以后的日期。",
        )
    try:
        visibility = Visibility(spec.visibility)
    except ValueError:
        raise ValidationError("visibility", "可见范围应为：全体员工或仅主管。") from None
    dnd_start, dnd_end = spec.dnd_start, spec.dnd_end
    if kind == FlagKind.DO_NOT_DISTURB:
        if dnd_start is None or dnd_end is None:
            raise ValidationError("dnd_start", "免打扰时段请填写开始和结束时间。")
        if dnd_start == dnd_end:
            raise ValidationError("dnd_end", "免打扰的开始和结束时间不能相同。")
    else:
        dnd_start = dnd_end = None
    sensitive = (
        kind in SENSITIVE_KINDS
        or visibility == Visibility.SUPERVISORS
        or (custom is not None and custom.sensitive)
    )
    return {
        "kind": kind.value,
        "custom_kind_id": custom.id if custom is not None else None,
        "reason_enc": reason,
        "source": source.value,
        "consent": bool(spec.consent),
        "consent_on": consent_on,
        "review_on": spec.review_on,
        "visibility": visibility.value,
        "dnd_start": dnd_start,
        "dnd_end": dnd_end,
        "sensitive": sensitive,
    }


def _occupants(session: Session, unit_id: int) -> int:
    """How many people live in the unit now (current occupancies)."""
    stmt = select(func.count(func.distinct(Occupancy.person_id))).where(
        Occupancy.unit_id == unit_id, Occupancy.end_date.is_(None)
    )
    return int(session.execute(stmt).scalar_one())


def flag_warnings(
    session: Session, values: dict[str, object], *, unit_id: int | None
) -> list[tuple[str, str]]:
    """``(field, message)`` of what the clerk should confirm before the flag is saved:
    独居老人 on a household of more than one, a sensitive flag the resident declared
    without their consent recorded."""
    out: list[tuple[str, str]] = []
    if values["kind"] == FlagKind.ELDERLY_ALONE.value and unit_id is not None:
        living = _occupants(session, unit_id)
        if living > 1:
            out.append(("kind", f"这户现登记有 {living} 位住户，不是独居。仍要标记为独居老人吗？"))
    consent_kind = values["kind"] in CONSENT_KINDS or (
        values["kind"] == FlagKind.CUSTOM.value and bool(values["sensitive"])
    )
    if (
        consent_kind
        and values["source"] == FlagSource.SELF_DECLARED.value
        and not values["consent"]
    ):
        out.append(
            (
                "consent_on",
                "这是本人申报的敏感信息，还没有记下住户同意登记。"
                "请勾选“住户已同意”；确实未取得同意也要保存吗？",
            )
        )
    return out


def _confirm(
    session: Session, spec: FlagSpec, values: dict[str, object], *, unit_id: int | None
) -> None:
    """Refuse (:class:`NeedsConfirmation`, nothing written) until the warnings are confirmed."""
    if spec.confirmed:
        return
    warnings = flag_warnings(session, values, unit_id=unit_id)
    if warnings:
        field = warnings[0][0]
        raise NeedsConfirmation(field, "\n".join(message for _f, message in warnings))


def _duplicate(
    session: Session, values: dict[str, object], *, own_id: int | None, **match: object
) -> None:
    """Refuse a second active flag of the same kind on the same household or person."""
    stmt = select(CareFlag.id).where(
        CareFlag.ended_at.is_(None),
        CareFlag.kind == values["kind"],
        CareFlag.custom_kind_id.is_(None)
        if values["custom_kind_id"] is None
        else CareFlag.custom_kind_id == values["custom_kind_id"],
    )
    for key, value in match.items():
        column = getattr(CareFlag, key)
        stmt = stmt.where(column.is_(None) if value is None else column == value)
    if own_id is not None:
        stmt = stmt.where(CareFlag.id != own_id)
    if session.execute(stmt.limit(1)).first() is not None:
        raise ValidationError("kind", "已有一条同类的关注标记，请修改那一条。")


def add_household_flag(session: Session, unit_id: int, spec: FlagSpec) -> FlagRow:
    """Flag the household living in ``unit_id`` now (or the unit, when vacant)."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    if session.get(Unit, unit_id) is None:
        raise NotFound("找不到该房屋。")
    values = _values(session, spec)
    occupancy_id = household_occupancy(session, unit_id)
    _duplicate(
        session, values, own_id=None, target="household", unit_id=unit_id, occupancy_id=occupancy_id
    )
    _confirm(session, spec, values, unit_id=unit_id)
    flag = CareFlag(
        target="household",
        unit_id=unit_id,
        occupancy_id=occupancy_id,
        created_by=actor.display_name if actor else "",
        **values,
    )
    session.add(flag)
    session.flush()
    return flag_row(session, flag.id)


def add_person_flag(session: Session, person_id: int, spec: FlagSpec) -> FlagRow:
    """Flag a person (their current unit is kept for lists by building and floor)."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    if session.get(Person, person_id) is None:
        raise NotFound("找不到该住户。")
    values = _values(session, spec)
    _duplicate(session, values, own_id=None, target="person", person_id=person_id)
    unit_id = session.execute(
        select(func.min(Occupancy.unit_id)).where(
            Occupancy.person_id == person_id, Occupancy.end_date.is_(None)
        )
    ).scalar_one_or_none()
    _confirm(session, spec, values, unit_id=unit_id)
    flag = CareFlag(
        target="person",
        person_id=person_id,
        unit_id=unit_id,
        created_by=actor.display_name if actor else "",
        **values,
    )
    session.add(flag)
    session.flush()
    return flag_row(session, flag.id)


def _flag(session: Session, flag_id: int, actor: Actor | None) -> CareFlag:
    flag = session.get(CareFlag, flag_id)
    if flag is None:
        raise NotFound("找不到该关注标记。")
    if flag.visibility == Visibility.SUPERVISORS.value:
        require(actor, SUPERVISOR_PERMISSION)
    return flag


def update_flag(
    session: Session,
    flag_id: int,
    spec: FlagSpec,
    *,
    expected_version: int | None,
    reviewed: bool = False,
) -> FlagRow:
    """Save a flag's fields; ``reviewed``: the clerk reviewed it now (已复查), recorded with
    who and when, and the review date must be a new one after today."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    flag = _flag(session, flag_id, actor)
    if flag.ended_at is not None:
        raise Conflict("这条关注标记已结束，不能再修改。")
    if expected_version is not None and expected_version != flag.version:
        raise Conflict("这条关注标记刚被其他人修改过，请关闭后重新打开再改。")
    # an overdue flag's unchanged review date is refused with a hint: set the next one
    values = _values(session, spec, kept_review=flag.review_on)
    if flag.target == "household":
        _duplicate(
            session,
            values,
            own_id=flag.id,
            target="household",
            unit_id=flag.unit_id,
            occupancy_id=flag.occupancy_id,
        )
    else:
        _duplicate(session, values, own_id=flag.id, target="person", person_id=flag.person_id)
    if reviewed and spec.review_on is None:
        raise ValidationError("review_on", "已复查：请设定下一次复查日期（今天之后）。")
    _confirm(session, spec, values, unit_id=flag.unit_id)
    for key, value in values.items():
        setattr(flag, key, value)
    if reviewed:
        _mark_reviewed(session, flag, actor)
    session.flush()
    return flag_row(session, flag.id)


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months (the 31st becomes the month's last day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def next_review_default(today: date) -> date:
    """The next review a reviewed flag gets unless the clerk picks another date."""
    return add_months(today, REVIEW_INTERVAL_MONTHS)


def review_flag(
    session: Session, flag_id: int, next_review_on: date, *, expected_version: int | None
) -> FlagRow:
    """已复查: record who reviewed the flag and when, and set its next review date (after
    today). The change is audited like every edit of a flag."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    flag = _flag(session, flag_id, actor)
    if flag.ended_at is not None:
        raise Conflict("这条关注标记已结束，不能再复查。")
    if expected_version is not None and expected_version != flag.version:
        raise Conflict("这条关注标记刚被其他人修改过，请关闭后重新打开再改。")
    today = clock.today(session)
    if next_review_on <= today:
        raise ValidationError(
            "review_on",
            f"下一次复查日期必须在今天（{today:%Y-%m-%d}）之后，请选一个以后的日期。",
        )
    flag.review_on = next_review_on
    _mark_reviewed(session, flag, actor)
    session.flush()
    return flag_row(session, flag.id)


def _mark_reviewed(session: Session, flag: CareFlag, actor: Actor | None) -> None:
    flag.reviewed_at = clock.now(session)
    flag.reviewed_by = actor.display_name if actor else ""


def end_flag(session: Session, flag_id: int, reason: str) -> FlagRow:
    """End a flag (it stays in the history)."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    flag = _flag(session, flag_id, actor)
    if flag.ended_at is not None:
        raise Conflict("这条关注标记已经结束了。")
    flag.end_reason = clean_column(
        reason, CareFlag.end_reason, "end_reason", "请填写结束原因。", label="结束原因"
    )
    flag.ended_at = clock.now(session)
    flag.ended_by = actor.display_name if actor else ""
    session.flush()
    return flag_row(session, flag.id)


def view_flag(session: Session, flag_id: int) -> FlagDetail:
    """Every field of a flag; a sensitive flag's view is audited (write transaction)."""
    actor = actor_or_none(session)
    require(actor, Permission.EDIT_REGISTRY)
    flag = _flag(session, flag_id, actor)
    if flag.sensitive:
        record_reveal(session, "care_flag", flag.id, [f"关注详情（{kind_label(flag.kind)}）"])
    return FlagDetail(
        row=flag_row(session, flag.id),
        reason=flag.reason_enc or "",
        source=flag.source,
        consent=flag.consent,
        consent_on=flag.consent_on,
        dnd_start=flag.dnd_start,
        dnd_end=flag.dnd_end,
        custom_kind_id=flag.custom_kind_id,
        created_by=flag.created_by,
        created_at=flag.created_at,
        ended_at=flag.ended_at,
        ended_by=flag.ended_by,
        end_reason=flag.end_reason,
        reviewed_at=flag.reviewed_at,
        reviewed_by=flag.reviewed_by,
    )


# --- custom kinds --------------------------------------------------------------------


def define_kind(session: Session, name: str, *, sensitive: bool = False) -> CustomKindRow:
    """A manager's own kind of flag (e.g. 孕妇); ``sensitive``: its details are audited."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    clean = clean_column(name, CareKind.name, "name", "请填写类型名称。", label="类型名称")
    if clean in FLAG_KIND_ZH.values():
        raise ValidationError("name", f"“{clean}”是系统自带的关注类型，不用再定义。")
    exists = session.execute(select(CareKind).where(CareKind.name == clean)).scalar_one_or_none()
    if exists is not None:
        if exists.active:
            raise ValidationError("name", f"已有“{clean}”这个关注类型。")
        exists.active = True
        exists.sensitive = sensitive
        kind = exists
    else:
        kind = CareKind(name=clean, sensitive=sensitive, active=True)
        session.add(kind)
    session.flush()
    return CustomKindRow(kind.id, kind.name, kind.sensitive, kind.active)


def retire_kind(session: Session, kind_id: int) -> CustomKindRow:
    """Stop offering a custom kind (its flags stay)."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    kind = session.get(CareKind, kind_id)
    if kind is None:
        raise NotFound("找不到该关注类型。")
    kind.active = False
    session.flush()
    return CustomKindRow(kind.id, kind.name, kind.sensitive, kind.active)
