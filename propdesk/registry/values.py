"""Plain values the registry services return (no ORM objects leave a session)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True)
class EstateInfo:
    id: int
    name: str
    address: str
    phone: str
    company: str
    version: int


@dataclass(frozen=True)
class BuildingInfo:
    id: int
    estate_id: int
    code: str
    name: str
    floors: int
    entrances: int
    has_elevator: bool
    unit_count: int
    version: int


@dataclass(frozen=True)
class OccupancyInfo:
    id: int
    person_id: int
    person_name: str
    phone: str  # already masked for the actor
    unit_id: int
    unit_code: str
    role: str
    start_date: date
    end_date: date | None
    end_reason: str
    # Still living there on the day it was read: no end date, or one after that day
    # (a move-out dated that day is history); see :func:`propdesk.registry.rules.is_current`.
    current: bool


@dataclass(frozen=True)
class UnitInfo:
    id: int
    estate_id: int
    building_id: int
    building_name: str
    code: str
    entrance: int
    floor: int
    room: str
    area_centi: int
    unit_type: str
    status: str
    notes: str
    version: int


@dataclass(frozen=True)
class UnitDossier:
    """The desk's one-screen view of a unit: the unit, its current occupants and history."""

    unit: UnitInfo
    current: tuple[OccupancyInfo, ...]
    history: tuple[OccupancyInfo, ...]
    parking: tuple[str, ...]


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    phone: str  # masked unless the actor may see it
    phone2: str
    id_number: str  # masked unless the actor may see it
    emergency_contact: str
    emergency_phone: str
    notes: str
    version: int
    masked: bool


@dataclass(frozen=True)
class PersonDossier:
    person: PersonInfo
    occupancies: tuple[OccupancyInfo, ...]


@dataclass(frozen=True)
class SearchHit:
    """One result of the global search box. ``kind`` is ``"unit"``, ``"person"``, ``"ticket"``,
    ``"receipt"`` or ``"parcel"`` (the id is of that record)."""

    kind: str
    id: int
    title: str
    subtitle: str


class UnitType(StrEnum):
    RESIDENCE = "residence"
    SHOP = "shop"
    OFFICE = "office"
    OTHER = "other"


class UnitStatus(StrEnum):
    VACANT = "vacant"
    OCCUPIED = "occupied"
    RENOVATING = "renovating"
    RENTED = "rented"


class OccupancyRole(StrEnum):
    OWNER = "owner"
    CO_OWNER = "co_owner"
    TENANT = "tenant"
    FAMILY = "family"


class ParkingKind(StrEnum):
    OWNED = "owned"
    RENTED = "rented"


UNIT_TYPE_ZH = {
    UnitType.RESIDENCE: "住宅",
    UnitType.SHOP: "商铺",
    UnitType.OFFICE: "办公",
    UnitType.OTHER: "其他",
}


UNIT_STATUS_ZH = {
    UnitStatus.VACANT: "空置",
    UnitStatus.OCCUPIED: "自住",
    UnitStatus.RENOVATING: "装修中",
    UnitStatus.RENTED: "出租",
}


OCCUPANCY_ROLE_ZH = {
    OccupancyRole.OWNER: "业主",
    OccupancyRole.CO_OWNER: "共有人",
    OccupancyRole.TENANT: "租户",
    OccupancyRole.FAMILY: "家属",
}


PARKING_KIND_ZH = {ParkingKind.OWNED: "产权", ParkingKind.RENTED: "租赁"}


@dataclass(frozen=True)
class LedgerLine:
    """One line of the ledger for export and printing (personal data already masked)."""

    unit_code: str
    building_code: str
    building_name: str
    entrance: int
    floor: int
    room: str
    area_centi: int
    unit_type: str
    status: str
    unit_notes: str
    person_name: str = ""
    role: str = ""
    phone: str = ""
    id_number: str = ""
    start_date: date | None = None
    person_notes: str = ""
    # 车牌, 车位, 宠物, 紧急联系人…: text, or a date where the cell holds one date
    household: Mapping[str, str | date] = field(default_factory=dict)

    def as_row(self) -> dict[str, object]:
        """The line as ``{header: value}`` in the template's columns (for the Excel export)."""
        return {
            "楼栋": self.building_code,
            "单元": self.entrance,
            "房号": self.room,
            "楼层": self.floor,
            "建筑面积": Decimal(self.area_centi) / 100,
            "房屋类型": UNIT_TYPE_ZH.get(UnitType(self.unit_type), self.unit_type)
            if self.unit_type in set(UnitType)
            else self.unit_type,
            "房屋状态": UNIT_STATUS_ZH[UnitStatus(self.status)]
            if self.status in set(UnitStatus)
            else self.status,
            "姓名": self.person_name,
            "身份": OCCUPANCY_ROLE_ZH[OccupancyRole(self.role)]
            if self.role in set(OccupancyRole)
            else self.role,
            "手机": self.phone,
            "身份证号": self.id_number,
            "入住日期": self.start_date,
            "备注": self.person_notes if self.person_name else self.unit_notes,
            **{
                h: self.household.get(h, "")
                for h in (
                    "车牌",
                    "车辆类型",
                    "车位",
                    "月卡起",
                    "月卡止",
                    "宠物",
                    "宠物疫苗日期",
                    "紧急联系人",
                    "紧急联系人电话",
                )
            },
        }
