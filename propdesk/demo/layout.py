"""The physical demo estate: buildings sized so that exactly N units fit, and their units.

Pure planning (no database): high-rise towers of 18–33 floors with 2–4 entrances and
2–4 rooms per floor per entrance; every room stack has one floor plan (the same area on
every floor); some towers have shops on the ground floor. The last tower is shortened
(and its top floor left partly unbuilt) so that the estate has exactly the units asked for.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from propdesk.registry.models import UnitStatus, UnitType


@dataclass(frozen=True)
class BuildingPlan:
    """One tower: ``areas[r - 1]`` is the area (in 0.01 m²) of room stack ``r``."""

    code: str
    floors: int
    entrances: int
    rooms_per_floor: int
    areas: tuple[int, ...]
    shop_areas: tuple[int, ...]
    shops: bool


@dataclass(frozen=True)
class UnitPlan:
    building: int  # index into the building plans
    code: str
    entrance: int
    floor: int
    room: str
    area_centi: int
    unit_type: str
    status: str


def plan_buildings(rng: random.Random, units: int) -> list[BuildingPlan]:
    """Towers whose capacity is at least ``units`` (only the last one is cut to fit)."""
    plans: list[BuildingPlan] = []
    remaining = units
    while remaining > 0:
        floors = rng.randint(18, 33)
        entrances = rng.randint(2, 4)
        rooms = rng.randint(2, 4)
        per_floor = entrances * rooms
        if floors * per_floor >= remaining:
            floors = max(1, math.ceil(remaining / per_floor))
        index = len(plans)
        plans.append(
            BuildingPlan(
                code=str(index + 1),
                floors=floors,
                entrances=entrances,
                rooms_per_floor=rooms,
                areas=tuple(_stack_area(rng, r, rooms) for r in range(1, rooms + 1)),
                shop_areas=tuple(rng.randint(3000, 15000) for _ in range(rooms)),
                shops=index % 3 == 0 and floors >= 6,
            )
        )
        remaining -= floors * per_floor
    return plans


def _stack_area(rng: random.Random, room: int, rooms: int) -> int:
    """End-of-corridor flats are larger (95–180 m²), middle ones smaller (60–115 m²)."""
    if room in (1, rooms):
        return rng.randint(9500, 18000)
    return rng.randint(6000, 11500)


def plan_units(rng: random.Random, buildings: list[BuildingPlan], units: int) -> list[UnitPlan]:
    """Exactly ``units`` units in code order (building, entrance, floor, room), with statuses."""
    positions: list[tuple[int, int, int, int]] = [
        (b, e, f, r)
        for b, plan in enumerate(buildings)
        for e in range(1, plan.entrances + 1)
        for f in range(1, plan.floors + 1)
        for r in range(1, plan.rooms_per_floor + 1)
    ]
    excess = len(positions) - units
    if excess > 0:
        # Leave the top of the last tower's top floor unbuilt (highest entrances first).
        last = len(buildings) - 1
        top = buildings[last].floors
        drop = sorted(
            (p for p in positions if p[0] == last and p[2] == top), key=lambda p: (-p[1], -p[3])
        )[:excess]
        dropped = set(drop)
        positions = [p for p in positions if p not in dropped]
    out: list[UnitPlan] = []
    for b, e, f, r in positions:
        plan = buildings[b]
        shop = plan.shops and f == 1
        room = f"{f}{r:02d}"
        out.append(
            UnitPlan(
                building=b,
                code=f"{plan.code}-{e}-{room}",
                entrance=e,
                floor=f,
                room=room,
                area_centi=plan.shop_areas[r - 1] if shop else plan.areas[r - 1],
                unit_type=UnitType.SHOP.value if shop else UnitType.RESIDENCE.value,
                status=_status(rng, shop),
            )
        )
    return out


def _status(rng: random.Random, shop: bool) -> str:
    x = rng.random()
    if shop:
        if x < 0.15:
            return UnitStatus.VACANT.value
        return UnitStatus.RENTED.value if x < 0.75 else UnitStatus.OCCUPIED.value
    if x < 0.08:
        return UnitStatus.VACANT.value
    if x < 0.23:
        return UnitStatus.RENTED.value
    if x < 0.27:
        return UnitStatus.RENOVATING.value
    return UnitStatus.OCCUPIED.value
