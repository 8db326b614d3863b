"""The ledger as lines for export and printing: each current occupant of each unit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.household.ledger import export_cells
from propdesk.pii.exports import audit_personal_export
from propdesk.privacy import mask_id_number, may_see_personal_data, shown_phone
from propdesk.registry.models import (
    Building,
    Occupancy,
    OccupancyRole,
    Person,
    Unit,
)
from propdesk.registry.values import LedgerLine as LedgerLine

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
    system as a file or on paper). Every call is audited as an export of personal data
    (:mod:`propdesk.pii.exports`): who, how many people, phones in full or masked.
    """
    today = clock.day_or_today(session, today)
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
    # The household's vehicles, pets and emergency contacts on each unit's first line.
    household = export_cells(session, actor=actor, building_id=building_id)
    for i, line in enumerate(lines):
        if line.unit_code in household and (i == 0 or lines[i - 1].unit_code != line.unit_code):
            lines[i] = replace(line, household=household[line.unit_code])
    audit_personal_export(
        session,
        what="业主台账",
        rows=sum(1 for ln in lines if ln.person_name),
        fields=["姓名", "手机", "身份证号（打码）"]
        + (["紧急联系人电话"] if any("紧急联系人电话" in c for c in household.values()) else []),
        full=may_see,
    )
    return lines
