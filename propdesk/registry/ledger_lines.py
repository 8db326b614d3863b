"""The ledger as lines for export and printing: each current occupant of each unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.clock import local_today
from propdesk.privacy import mask_id_number, may_see_personal_data, shown_phone
from propdesk.registry.models import (
    OCCUPANCY_ROLE_ZH,
    UNIT_STATUS_ZH,
    UNIT_TYPE_ZH,
    Building,
    Occupancy,
    OccupancyRole,
    Person,
    Unit,
    UnitStatus,
    UnitType,
)


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
        }


# --- export and print ----------------------------------------------------------------

_ROLE_ORDER = {r.value: i for i, r in enumerate(OccupancyRole)}


def ledger_rows(
    session: Session,
    *,
    building_id: int | None = None,
    actor: Actor | None,
    today: date | None = None,
) -> list[LedgerLine]:
    """The ledger as lines: each current occupant of each unit, and vacant units alone.

    Ordered by building, entrance, floor and room, owners first. Phones are shown
    as ``actor`` may see them; ID numbers are always masked (the ledger leaves the
    system as a file or on paper).
    """
    today = today or local_today()
    may_see = may_see_personal_data(actor)
    occ = (
        select(
            Occupancy.unit_id,
            Occupancy.role,
            Occupancy.start_date,
            Person.name,
            Person.phone,
            Person.id_number,
            Person.notes,
        )
        .join(Person, Person.id == Occupancy.person_id)
        .where(or_(Occupancy.end_date.is_(None), Occupancy.end_date >= today))
        .subquery()
    )
    stmt = (
        select(
            Unit.code,
            Building.code,
            Building.name,
            Unit.entrance,
            Unit.floor,
            Unit.room,
            Unit.area_centi,
            Unit.unit_type,
            Unit.status,
            Unit.notes,
            occ.c.name,
            occ.c.role,
            occ.c.phone,
            occ.c.id_number,
            occ.c.start_date,
            occ.c.notes,
        )
        .join(Building, Building.id == Unit.building_id)
        .outerjoin(occ, occ.c.unit_id == Unit.id)
        .order_by(Building.sort_key, Building.code, Unit.entrance, Unit.floor, Unit.room, Unit.id)
    )
    if building_id is not None:
        stmt = stmt.where(Unit.building_id == building_id)
    lines = [
        LedgerLine(
            unit_code=code,
            building_code=bcode,
            building_name=bname,
            entrance=entrance,
            floor=floor,
            room=room,
            area_centi=area,
            unit_type=utype,
            status=status,
            unit_notes=unotes or "",
            person_name=name or "",
            role=role or "",
            phone=(phone or "") if may_see else shown_phone(actor, phone),
            id_number=mask_id_number(idn),
            start_date=start,
            person_notes=pnotes or "",
        )
        for (
            code,
            bcode,
            bname,
            entrance,
            floor,
            room,
            area,
            utype,
            status,
            unotes,
            name,
            role,
            phone,
            idn,
            start,
            pnotes,
        ) in session.execute(stmt)
    ]
    # Within a unit: owners first, then co-owners, tenants, family; stable otherwise.
    order = {line.unit_code: i for i, line in reversed(list(enumerate(lines)))}
    lines.sort(key=lambda ln: (order[ln.unit_code], _ROLE_ORDER.get(ln.role, 9)))
    return lines
