"""The global search's plates, each one indexed range query:

* ``粤B123`` (with the province) finds the units whose registered vehicle's plate starts
  with it, by a range on the UNIQUE index of ``active_plate``;
* ``C7VGV9`` or ``7VGV9`` (without the province, and maybe without the issuing letter, as
  the gate types it) finds the plates that end with it, by a range on the index of
  ``plate_tail_rev`` (the plate without its province, reversed). At least
  :data:`~propdesk.household.plates.MIN_TAIL` characters: fewer would match plates at random.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from propdesk.household.models import HouseholdVehicle
from propdesk.household.plates import looks_like_plate_start, normalize_plate, plate_tail_query
from propdesk.household.values import VEHICLE_KIND_ZH, VehicleKind
from propdesk.registry.models import Unit
from propdesk.registry.values import SearchHit


def _condition(text: str) -> ColumnElement[bool] | None:
    if looks_like_plate_start(text):
        q = normalize_plate(text)
        return (HouseholdVehicle.active_plate >= q) & (HouseholdVehicle.active_plate < q + "\uffff")
    tail = plate_tail_query(text)
    if tail is not None:
        key = tail[::-1]
        return (HouseholdVehicle.plate_tail_rev >= key) & (
            HouseholdVehicle.plate_tail_rev < key + "\uffff"
        )
    return None


def find_plates(session: Session, text: str, *, limit: int) -> list[SearchHit]:
    """Units with a registered vehicle whose plate starts with ``text`` (with the province)
    or ends with it (without), kind ``"unit"``; [] when ``text`` is neither."""
    where = _condition(text) if limit > 0 else None
    if where is None:
        return []
    rows = session.execute(
        select(HouseholdVehicle.active_plate, HouseholdVehicle.kind, Unit.id, Unit.code)
        .join(Unit, Unit.id == HouseholdVehicle.unit_id)
        .where(where)
        .order_by(HouseholdVehicle.active_plate)
        .limit(limit)
    ).all()
    return [
        SearchHit(
            "unit",
            int(r.id),
            str(r.code),
            f"车牌 {r.active_plate}  {VEHICLE_KIND_ZH.get(VehicleKind(r.kind), r.kind)}",
        )
        for r in rows
    ]
