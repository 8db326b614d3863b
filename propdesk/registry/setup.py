"""Estate set-up: the first-run pattern (buildings × entrances × floors × rooms) and estate info.

:func:`plan_units` is pure: it expands an :class:`EstatePattern` into the unit codes that
will exist (room number = floor × 100 + position, e.g. floor 15, room 2 → ``1502``).
:func:`set_up_estate` validates the pattern, creates the estate and buildings through the
registry services and inserts the units in bulk, all in the caller's one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.registry import services
from propdesk.registry import validation as v
from propdesk.registry.models import Estate, Unit, UnitStatus, UnitType
from propdesk.session_info import actor_or_none
from propdesk.validate import clean_column, column_limit

MAX_BUILDINGS = 99
MAX_FLOORS = 99
MAX_ENTRANCES = 9
MAX_ROOMS_PER_FLOOR = 20
MAX_UNITS = 50_000


@dataclass(frozen=True)
class EstatePattern:
    """What the clerk types in the first-run dialog.

    Attributes:
        estate_name: the estate (小区) name.
        buildings: number of buildings, coded ``1`` … ``n``.
        floors: floors per building (above ground).
        entrances: entrances (单元) per building.
        rooms_per_floor: rooms per floor per entrance.
        area: the default gross area in m² (text as typed, ≤ 2 decimals).
    """

    estate_name: str
    buildings: int
    floors: int
    entrances: int
    rooms_per_floor: int
    area: str


@dataclass(frozen=True)
class PlannedUnit:
    building: int
    entrance: int
    floor: int
    room: str

    @property
    def code(self) -> str:
        return services.unit_code(str(self.building), self.entrance, self.room)


@dataclass(frozen=True)
class SetupResult:
    estate_id: int
    buildings: int
    units: int


def _in_range(value: int, field: str, label: str, high: int) -> None:
    if not 1 <= value <= high:
        raise ValidationError(field, f"{label}应在1到{high}之间。")


def validate_pattern(pattern: EstatePattern) -> int:
    """Check every number of the pattern; return the area in hundredths of m²."""
    v.require_text(pattern.estate_name, "estate_name", "小区名称", 100)
    _in_range(pattern.buildings, "buildings", "楼栋数", MAX_BUILDINGS)
    _in_range(pattern.floors, "floors", "楼层数", MAX_FLOORS)
    _in_range(pattern.entrances, "entrances", "每栋单元数", MAX_ENTRANCES)
    _in_range(pattern.rooms_per_floor, "rooms_per_floor", "每层每单元户数", MAX_ROOMS_PER_FLOOR)
    total = unit_count(pattern)
    if total > MAX_UNITS:
        raise ValidationError(
            "buildings", f"按此设置将生成 {total} 套房屋，超过上限 {MAX_UNITS}，请核对。"
        )
    return v.parse_area(pattern.area)


def unit_count(pattern: EstatePattern) -> int:
    return pattern.buildings * pattern.entrances * pattern.floors * pattern.rooms_per_floor


def plan_units(pattern: EstatePattern) -> list[PlannedUnit]:
    """Every unit of the pattern, in building, entrance, floor, room order."""
    return [
        PlannedUnit(b, e, f, str(f * 100 + r))
        for b in range(1, pattern.buildings + 1)
        for e in range(1, pattern.entrances + 1)
        for f in range(1, pattern.floors + 1)
        for r in range(1, pattern.rooms_per_floor + 1)
    ]


def set_up_estate(session: Session, pattern: EstatePattern) -> SetupResult:
    """Create the estate, its buildings and every unit of the pattern (one transaction)."""
    area_centi = validate_pattern(pattern)
    if services.has_estate(session):
        raise Conflict("数据库中已有小区资料，不能重复初始化。")
    estate_id = services.create_estate(session, name=pattern.estate_name)
    building_ids = {
        b: services.create_building(
            session,
            estate_id=estate_id,
            code=str(b),
            floors=pattern.floors,
            entrances=pattern.entrances,
            has_elevator=pattern.floors > 6,
        )
        for b in range(1, pattern.buildings + 1)
    }
    rows = [
        {
            "estate_id": estate_id,
            "building_id": building_ids[u.building],
            "code": u.code,
            "entrance": u.entrance,
            "floor": u.floor,
            "room": u.room,
            "area_centi": area_centi,
            "unit_type": UnitType.RESIDENCE.value,
            "status": UnitStatus.VACANT.value,
            "notes": "",
        }
        for u in plan_units(pattern)
    ]
    if rows:
        session.execute(insert(Unit), rows)
    return SetupResult(estate_id, len(building_ids), len(rows))


def update_estate(
    session: Session,
    estate_id: int,
    *,
    expected_version: int | None,
    name: str,
    address: str = "",
    phone: str = "",
    company: str = "",
) -> None:
    """Save the estate's information (name, address, service phone, management company)."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    estate = session.get(Estate, estate_id)
    if estate is None:
        raise NotFound("尚未建立小区资料。")
    services.check_version("小区资料", estate.version, expected_version)
    estate.name = v.require_text(name, "name", "小区名称", column_limit(Estate.name))
    estate.address = clean_column(address, Estate.address, label="地址")
    estate.phone = v.normalize_phone(phone, "phone")
    estate.company = clean_column(company, Estate.company, label="物业公司")
    session.flush()
