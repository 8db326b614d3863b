"""The global search's plates: ``粤B123`` finds the units whose registered vehicle's plate
starts with it, by a range on the UNIQUE index of ``active_plate`` (one indexed query)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.household.models import HouseholdVehicle
from propdesk.household.plates import looks_like_plate, normalize_plate
from propdesk.household.values import VEHICLE_KIND_ZH, VehicleKind
from propdesk.registry.models import Unit
from propdesk.registry.values import SearchHit


def find_plates(session: Session, text: str, *, limit: int) -> list[SearchHit]:
    """Units with a registered vehicle whose plate starts with ``text`` (kind ``"unit"``)."""
    if limit <= 0 or not looks_like_plate(text):
        return []
    q = normalize_plate(text)
    rows = session.execute(
        select(HouseholdVehicle.active_plate, HouseholdVehicle.kind, Unit.id, Unit.code)
        .join(Unit, Unit.id == HouseholdVehicle.unit_id)
        .where(HouseholdVehicle.active_plate >= q, HouseholdVehicle.active_plate < q + "\uffff")
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
