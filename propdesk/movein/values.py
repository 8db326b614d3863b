"""Plain values of the move-in / move-out services."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

#: Moving slots offered at the desk (elevator bookings).
MOVING_SLOTS: tuple[str, ...] = ("08:00-10:00", "10:00-12:00", "13:00-15:00", "15:00-17:00")

#: Key types offered on the checklist (free text is accepted too).
KEY_TYPES: tuple[str, ...] = ("入户门钥匙", "单元门钥匙", "信报箱钥匙", "水表箱钥匙", "电表箱钥匙")

STATUS_ZH = {"draft": "办理中", "completed": "已入住", "cancelled": "已取消"}


@dataclass(frozen=True)
class MoveInForm:
    """The checklist as the clerk fills it in (may be saved half-done)."""

    planned_on: date
    documents_checked: bool = False
    documents_note: str = ""
    fees_settled: bool = False
    water_reading_centi: int | None = None
    electricity_reading_centi: int | None = None
    keys: tuple[tuple[str, int], ...] = ()
    card_numbers: str = ""
    parking_requested: bool = False
    parking_note: str = ""
    signed_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class MoveInInfo:
    id: int
    unit_id: int
    unit_code: str
    building_name: str
    person_id: int
    person_name: str
    person_phone: str  # masked for the actor
    role: str
    status: str
    form: MoveInForm
    occupancy_id: int | None
    created_by: str
    completed_at: datetime | None
    version: int
    missing: tuple[str, ...] = field(default=())

    @property
    def key_total(self) -> int:
        return sum(c for _t, c in self.form.keys)


@dataclass(frozen=True)
class MoveOutForm:
    occupancy_id: int
    moved_out_on: date
    water_reading_centi: int
    electricity_reading_centi: int
    keys_returned: int
    cards_returned: str = ""
    waiver_reason: str = ""
    items_note: str = ""


@dataclass(frozen=True)
class MoveOutInfo:
    id: int
    slip_no: str
    unit_id: int
    unit_code: str
    person_name: str
    moved_out_on: date
    water_reading_centi: int
    electricity_reading_centi: int
    keys_returned: int
    cards_returned: str
    open_arrears_fen: int
    waiver_reason: str
    waiver_by: str
    items_note: str
    created_by: str


@dataclass(frozen=True)
class Appointment:
    id: int
    unit_id: int
    unit_code: str
    building_name: str
    entrance: int
    day: date
    slot: str
    direction: str
    elevator: str
    contact_name: str
    contact_phone: str  # masked for the actor
    mover_company: str
    vehicle_plate: str
    notes: str
    cancelled: bool
