"""Kinds and the frozen rows the household services and queries return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class VehicleKind(StrEnum):
    SMALL = "small"  # 小型车
    NEW_ENERGY = "nev"  # 新能源
    MOTORCYCLE = "moto"  # 摩托车
    OTHER = "other"  # 其他


VEHICLE_KIND_ZH: dict[VehicleKind, str] = {
    VehicleKind.SMALL: "小型车",
    VehicleKind.NEW_ENERGY: "新能源",
    VehicleKind.MOTORCYCLE: "摩托车",
    VehicleKind.OTHER: "其他",
}


class PetKind(StrEnum):
    DOG = "dog"
    CAT = "cat"
    OTHER = "other"


PET_KIND_ZH: dict[PetKind, str] = {PetKind.DOG: "犬", PetKind.CAT: "猫", PetKind.OTHER: "其他"}


def vaccination_overdue(vaccinated_on: date | None, today: date) -> bool:
    """Whether a pet's last vaccination is more than a year before ``today`` (a warning for
    the desk, never a refusal; a year back from 29 February is 28 February)."""
    if vaccinated_on is None:
        return False
    try:
        year_before = today.replace(year=today.year - 1)
    except ValueError:
        year_before = today.replace(year=today.year - 1, day=28)
    return vaccinated_on < year_before


@dataclass(frozen=True)
class VehicleRow:
    id: int
    unit_id: int
    plate: str
    kind: str  # VehicleKind value
    parking_space: str
    pass_from: date | None
    pass_to: date | None
    notes: str
    version: int
    pass_lapsed: bool = False  # the monthly pass ended before today (set by the queries)

    @property
    def kind_zh(self) -> str:
        return VEHICLE_KIND_ZH.get(VehicleKind(self.kind), self.kind)


@dataclass(frozen=True)
class PetRow:
    id: int
    unit_id: int
    kind: str  # PetKind value
    name: str
    vaccinated_on: date | None
    registration_no: str
    version: int
    vaccination_overdue: bool = False  # last vaccinated over a year ago (set by the queries)

    @property
    def kind_zh(self) -> str:
        return PET_KIND_ZH.get(PetKind(self.kind), self.kind)


@dataclass(frozen=True)
class ContactRow:
    id: int
    unit_id: int
    name: str
    relation: str
    phone: str  # clear; the UI shows it masked by audience (propdesk.privacy)
    version: int


@dataclass(frozen=True)
class OccupantContact:
    """A current occupant's own emergency contact, kept on the person's record (registry):
    the unit page shows it beside the household's contacts, read-only."""

    person_id: int
    person_name: str
    name: str
    phone: str  # clear; the UI shows it masked by audience (propdesk.privacy)
