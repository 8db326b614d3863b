"""Patrol routes and their ordered checkpoints (managed in settings, MANAGE_SETTINGS)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.desk.common import clean
from propdesk.desk.models import PatrolCheckpoint, PatrolRoute
from propdesk.desk.values import CheckpointArea, CheckpointInfo, RouteInfo
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.registry.models import Unit


@dataclass(frozen=True)
class CheckpointSpec:
    """A checkpoint as the settings screen edits it (``id`` ``None`` for a new one)."""

    name: str
    area: str = CheckpointArea.OTHER.value
    what_to_check: str = ""
    unit_id: int | None = None
    id: int | None = None


def list_routes(session: Session, *, active_only: bool = False) -> list[RouteInfo]:
    """Every route with its active checkpoints in walking order."""
    stmt = select(PatrolRoute).order_by(PatrolRoute.sort_key, PatrolRoute.id)
    if active_only:
        stmt = stmt.where(PatrolRoute.active.is_(True))
    routes = list(session.scalars(stmt))
    points: dict[int, list[CheckpointInfo]] = {r.id: [] for r in routes}
    rows = session.execute(
        select(PatrolCheckpoint, Unit.code)
        .outerjoin(Unit, Unit.id == PatrolCheckpoint.unit_id)
        .where(PatrolCheckpoint.active.is_(True))
        .order_by(PatrolCheckpoint.route_id, PatrolCheckpoint.seq, PatrolCheckpoint.id)
    )
    for cp, code in rows:
        if cp.route_id in points:
            points[cp.route_id].append(_cp_info(cp, code))
    return [
        RouteInfo(r.id, r.name, r.description, r.active, r.version, tuple(points[r.id]))
        for r in routes
    ]


def get_route(session: Session, route_id: int) -> RouteInfo:
    for route in list_routes(session):
        if route.id == route_id:
            return route
    raise NotFound("找不到该巡查路线。")


def _cp_info(cp: PatrolCheckpoint, code: str | None) -> CheckpointInfo:
    return CheckpointInfo(
        cp.id,
        cp.route_id,
        cp.seq,
        cp.name,
        cp.area,
        cp.what_to_check,
        cp.unit_id,
        code or "",
        cp.active,
    )


def save_route(
    session: Session,
    *,
    name: str,
    description: str = "",
    checkpoints: Sequence[CheckpointSpec],
    route_id: int | None = None,
    active: bool = True,
    expected_version: int | None = None,
) -> int:
    """Create or replace a route and its checkpoint order (needs MANAGE_SETTINGS).

    Checkpoints keep their ids when given (past patrols keep pointing at them); ones left
    out are deactivated, never deleted.
    """
    require(session.info.get("actor"), Permission.MANAGE_SETTINGS)  # no login, no access
    name = clean(name, "name", 50, required="请填写路线名称。")
    description = clean(description, "description", 200)
    if not checkpoints:
        raise ValidationError("checkpoints", "路线至少需要一个巡查点。")
    clash = session.scalar(select(PatrolRoute.id).where(PatrolRoute.name == name))
    if clash is not None and clash != route_id:
        raise ValidationError("name", f"已有名为“{name}”的路线。")
    cleaned = [_clean_spec(session, i, spec) for i, spec in enumerate(checkpoints, start=1)]
    if route_id is None:
        route = PatrolRoute(name=name, description=description, active=active)
        route.sort_key = len(list(session.scalars(select(PatrolRoute.id))))
        session.add(route)
        session.flush()
    else:
        found = session.get(PatrolRoute, route_id, with_for_update=True)
        if found is None:
            raise NotFound("找不到该巡查路线。")
        route = found
        if expected_version is not None and route.version != expected_version:
            raise Conflict("该路线已被其他工作站修改，请刷新后再保存（您的修改未保存）。")
        route.name, route.description, route.active = name, description, active
        # A checkpoint change is a change of the route: always bump its version, even when
        # the clock stands still (the same time would otherwise leave the row untouched).
        route.updated_at = clock.now(session)
        flag_modified(route, "updated_at")
    existing = {
        cp.id: cp
        for cp in session.scalars(
            select(PatrolCheckpoint).where(PatrolCheckpoint.route_id == route.id)
        )
    }
    kept: set[int] = set()
    for seq, spec in enumerate(cleaned, start=1):
        if spec.id is not None and spec.id in existing:
            cp = existing[spec.id]
            kept.add(cp.id)
        else:
            cp = PatrolCheckpoint(route_id=route.id)
            session.add(cp)
        cp.seq, cp.name, cp.area = seq, spec.name, spec.area
        cp.what_to_check, cp.unit_id, cp.active = spec.what_to_check, spec.unit_id, True
    for cp_id, cp in existing.items():
        if cp_id not in kept:
            cp.active = False
    session.flush()
    return route.id


def _clean_spec(session: Session, i: int, spec: CheckpointSpec) -> CheckpointSpec:
    name = clean(spec.name, "checkpoints", 50, required=f"第{i}个巡查点没有名称。")
    try:
        area = CheckpointArea(spec.area).value
    except ValueError:
        raise ValidationError("checkpoints", f"第{i}个巡查点的区域无效。") from None
    what = clean(spec.what_to_check, "checkpoints", 300)
    if spec.unit_id is not None and session.get(Unit, spec.unit_id) is None:
        raise ValidationError("checkpoints", f"第{i}个巡查点的房屋不存在。")
    return CheckpointSpec(name, area, what, spec.unit_id, spec.id)


def deactivate_route(session: Session, route_id: int) -> None:
    """Deactivate a route (past patrols keep it); needs MANAGE_SETTINGS."""
    require(session.info.get("actor"), Permission.MANAGE_SETTINGS)  # no login, no access
    route = session.get(PatrolRoute, route_id)
    if route is None:
        raise NotFound("找不到该巡查路线。")
    route.active = False
    session.flush()
