"""Plain values the registry services return (no ORM objects leave a session)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from propdesk.clock import local_today


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

    @property
    def current(self) -> bool:
        """Still living there: no end date, or one after today (a move-out dated today is history)."""
        return self.end_date is None or self.end_date > local_today()


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
    """One result of the global search box. ``kind`` is ``"unit"`` or ``"person"``."""

    kind: str
    id: int
    title: str
    subtitle: str
