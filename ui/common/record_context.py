"""The unit a record page stands for: the unit itself, or a person's current home."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.registry.models import Occupancy, OccupancyRole, Unit

_HOME_ROLES = (OccupancyRole.OWNER, OccupancyRole.CO_OWNER, OccupancyRole.TENANT)


@dataclass(frozen=True)
class RecordUnit:
    """The unit's id and code (``None`` fields when a person lives nowhere now)."""

    unit_id: int | None
    code: str


def unit_of_record(session: Session, kind: str, record_id: int) -> RecordUnit:
    """The unit of a unit page, or the first current home of a person (owner, co-owner or
    tenant before other roles; the lowest unit id among equals)."""
    if kind == "unit":
        code = session.scalar(select(Unit.code).where(Unit.id == record_id))
        return RecordUnit(record_id if code is not None else None, code or "")
    rows = session.execute(
        select(Unit.id, Unit.code, Occupancy.role)
        .join(Occupancy, Occupancy.unit_id == Unit.id)
        .where(Occupancy.person_id == record_id, Occupancy.end_date.is_(None))
        .order_by(Unit.id)
    ).all()
    if not rows:
        return RecordUnit(None, "")
    best = min(rows, key=lambda r: (r.role not in _HOME_ROLES, r.id))
    return RecordUnit(int(best.id), str(best.code))
