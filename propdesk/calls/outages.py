"""The outage register (停水/停电/电梯停运/停气): planned or emergency, the buildings or units
affected, start and end, the reason and the script the desk reads to callers.

An open outage is pinned on the call card of every caller from an affected building
(from three days before it starts). Closing one asks for the actual end time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.calls.models import Outage, OutageTarget
from propdesk.calls.values import OUTAGE_KIND_ZH, OutageKind, OutageRow
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.registry.models import Building, Unit
from propdesk.session_info import actor_name, actor_or_none
from propdesk.validate import clean_text

PIN_AHEAD = timedelta(days=3)  # a planned outage is pinned on the card this long before


@dataclass(frozen=True)
class OutageSpec:
    kind: str
    planned: bool
    starts_at: datetime
    ends_at: datetime | None
    reason: str
    script: str
    building_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()
    whole_estate: bool = False
    title: str = ""


def _checked(session: Session, spec: OutageSpec) -> OutageSpec:
    try:
        OutageKind(spec.kind)
    except ValueError:
        raise ValidationError("kind", "请选择停水、停电、电梯停运或停气。") from None
    if spec.ends_at is not None and spec.ends_at <= spec.starts_at:
        raise ValidationError("ends_at", "预计恢复时间应晚于开始时间。")
    if not spec.whole_estate and not spec.building_ids and not spec.unit_ids:
        raise ValidationError("building_ids", "请选择受影响的楼栋或房屋（或全小区）。")
    for bid in spec.building_ids:
        if session.get(Building, bid) is None:
            raise ValidationError("building_ids", "所选楼栋不存在。")
    for uid in spec.unit_ids:
        if session.get(Unit, uid) is None:
            raise ValidationError("unit_ids", "所选房屋不存在。")
    reason = clean_text(spec.reason, "reason", 500, "请填写原因。", label="原因")
    script = clean_text(spec.script, "script", 5000, label="答复口径")
    title = clean_text(spec.title, "title", 100, label="标题")
    return OutageSpec(
        spec.kind,
        spec.planned,
        spec.starts_at,
        spec.ends_at,
        reason,
        script,
        tuple(dict.fromkeys(spec.building_ids)),
        tuple(dict.fromkeys(spec.unit_ids)),
        spec.whole_estate,
        title,
    )


def save_outage(
    session: Session,
    spec: OutageSpec,
    *,
    outage_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Register an outage, or change an open one. Returns its id."""
    require(actor_or_none(session), Permission.RECORD_OUTAGE)
    spec = _checked(session, spec)
    if outage_id is None:
        outage = Outage(created_by=actor_name(session))
        session.add(outage)
    else:
        found = session.get(Outage, outage_id)
        if found is None:
            raise NotFound("停水停电记录不存在。")
        if expected_version is not None and found.version != expected_version:
            raise Conflict("这条记录已被他人修改，请重新打开后再改。")
        if found.closed:
            raise ValidationError("kind", "已结束的停水停电记录不能再修改。")
        outage = found
        for target in session.scalars(
            select(OutageTarget).where(OutageTarget.outage_id == found.id)
        ):
            session.delete(target)
    outage.kind = spec.kind
    outage.planned = spec.planned
    outage.starts_at = spec.starts_at
    outage.ends_at = spec.ends_at
    outage.reason = spec.reason
    outage.script = spec.script
    outage.whole_estate = spec.whole_estate
    outage.title = spec.title or OUTAGE_KIND_ZH[OutageKind(spec.kind)]
    session.flush()
    for bid in spec.building_ids:
        session.add(OutageTarget(outage_id=outage.id, building_id=bid))
    for uid in spec.unit_ids:
        session.add(OutageTarget(outage_id=outage.id, unit_id=uid))
    session.flush()
    return outage.id


def close_outage(session: Session, outage_id: int, *, actual_end_at: datetime) -> None:
    """End an outage at the actual time service came back (not in the future)."""
    require(actor_or_none(session), Permission.RECORD_OUTAGE)
    outage = session.get(Outage, outage_id)
    if outage is None:
        raise NotFound("停水停电记录不存在。")
    if outage.closed:
        raise ValidationError("actual_end_at", "这条记录已经结束。")
    if actual_end_at < outage.starts_at:
        raise ValidationError("actual_end_at", "实际恢复时间不能早于开始时间。")
    if actual_end_at > clock.now(session) + timedelta(minutes=1):
        raise ValidationError("actual_end_at", "实际恢复时间不能晚于现在。")
    outage.actual_end_at = actual_end_at
    outage.closed = True


def _rows(session: Session, outages: list[Outage]) -> list[OutageRow]:
    if not outages:
        return []
    targets: dict[int, list[tuple[int | None, int | None, str]]] = {}
    for t, bcode, ucode in session.execute(
        select(OutageTarget, Building.code, Unit.code)
        .outerjoin(Building, Building.id == OutageTarget.building_id)
        .outerjoin(Unit, Unit.id == OutageTarget.unit_id)
        .where(OutageTarget.outage_id.in_([o.id for o in outages]))
        .order_by(OutageTarget.id)
    ):
        label = f"{bcode}栋" if bcode is not None else (ucode or "")
        targets.setdefault(t.outage_id, []).append((t.building_id, t.unit_id, label))
    out = []
    for o in outages:
        mine = targets.get(o.id, [])
        scope = "全小区" if o.whole_estate else "、".join(label for _b, _u, label in mine)
        out.append(
            OutageRow(
                o.id,
                o.kind,
                o.planned,
                o.title,
                o.starts_at,
                o.ends_at,
                o.actual_end_at,
                o.reason,
                o.script,
                scope,
                tuple(b for b, _u, _l in mine if b is not None),
                tuple(u for _b, u, _l in mine if u is not None),
                o.closed,
                o.version,
            )
        )
    return out


def list_outages(
    session: Session, *, include_closed: bool = True, limit: int = 500
) -> list[OutageRow]:
    """Open outages first (by start), then closed ones, newest first."""
    stmt = select(Outage)
    if not include_closed:
        stmt = stmt.where(Outage.closed.is_(False))
    stmt = stmt.order_by(Outage.closed, Outage.starts_at.desc(), Outage.id.desc()).limit(limit)
    return _rows(session, list(session.scalars(stmt)))


def get_outage(session: Session, outage_id: int) -> OutageRow:
    outage = session.get(Outage, outage_id)
    if outage is None:
        raise NotFound("停水停电记录不存在。")
    return _rows(session, [outage])[0]


def current_for(
    session: Session, *, building_id: int | None, unit_id: int | None = None
) -> list[OutageRow]:
    """Open outages affecting a building or unit (whole-estate ones for everybody), that
    started or start within :data:`PIN_AHEAD`. ``building_id=None``: whole-estate ones only."""
    now = clock.now(session)
    affects = [Outage.whole_estate.is_(True)]
    if building_id is not None:
        affects.append(
            Outage.id.in_(
                select(OutageTarget.outage_id).where(OutageTarget.building_id == building_id)
            )
        )
    if unit_id is not None:
        affects.append(
            Outage.id.in_(select(OutageTarget.outage_id).where(OutageTarget.unit_id == unit_id))
        )
    outages = list(
        session.scalars(
            select(Outage)
            .where(Outage.closed.is_(False), Outage.starts_at <= now + PIN_AHEAD, or_(*affects))
            .order_by(Outage.starts_at)
        )
    )
    return _rows(session, outages)


def outages_in(session: Session, start: datetime, end: datetime) -> list[OutageRow]:
    """Outages that began in ``[start, end)`` (for the monthly report)."""
    outages = list(
        session.scalars(
            select(Outage)
            .where(Outage.starts_at >= start, Outage.starts_at < end)
            .order_by(Outage.starts_at)
        )
    )
    return _rows(session, outages)
