"""Plain data for the evacuation-help list (疏散协助名单), phones as its reader may see them.

The list is for whoever evacuates the buildings (``Reader.GUARD``: the phones in full, the
helpers call the residents) or filed in the office (``Reader.OFFICE``: the printing user's
role decides). Each full phone printed is audited, and the list as a whole is audited as a
personal-data export: call it in a write transaction.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk.care.models import CareFlag
from propdesk.care.queries import FlagOccupancy, FlagPerson, still_current
from propdesk.care.values import EvacuationRow, FlagKind
from propdesk.pii.exports import audit_personal_export
from propdesk.print_audience import Reader, printed_phone
from propdesk.privacy import may_see_personal_data
from propdesk.registry.models import Building, Unit
from propdesk.session_info import actor_or_none

DOCUMENT = "疏散协助名单"
#: The evacuation team reads the list as ``Reader.GUARD`` (phones in full); the audit names
#: it as the screen does, not as the gate's 门岗.
TEAM = "疏散小组"
#: Which copy a printed list is, in its header.
COPY_ZH = {Reader.GUARD: "疏散小组用·含完整电话", Reader.OFFICE: "办公室存档"}


def evacuation_rows(
    session: Session, *, reader: Reader = Reader.GUARD, building_id: int | None = None
) -> list[EvacuationRow]:
    """Every active "needs evacuation help" flag by building, floor and unit."""
    # the flagged person, else the household's occupant
    stmt = (
        select(
            CareFlag.id,
            CareFlag.reason_enc,
            Building.name.label("building"),
            Building.sort_key,
            Unit.floor,
            Unit.code,
            FlagPerson.id.label("person_id"),
            FlagPerson.name,
            FlagPerson.phone,
        )
        .select_from(CareFlag)
        .join(Unit, Unit.id == CareFlag.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .outerjoin(FlagOccupancy, FlagOccupancy.id == CareFlag.occupancy_id)
        .outerjoin(
            FlagPerson, FlagPerson.id == func.coalesce(CareFlag.person_id, FlagOccupancy.person_id)
        )
        .where(
            CareFlag.ended_at.is_(None),
            CareFlag.kind == FlagKind.EVACUATION.value,
            still_current(),
        )
        .order_by(Building.sort_key, Building.code, Unit.floor, Unit.code, CareFlag.id)
    )
    if building_id is not None:
        stmt = stmt.where(Unit.building_id == building_id)
    out: list[EvacuationRow] = []
    for r in session.execute(stmt):
        phone = printed_phone(
            session,
            reader,
            r.phone,
            needed=True,
            table="person",
            record_id=r.person_id or "-",
            field="phone",
            document=DOCUMENT,
            reader_name=TEAM if reader == Reader.GUARD else "",
        )
        out.append(
            EvacuationRow(
                building=r.building,
                building_sort=r.sort_key,
                floor=r.floor,
                unit_code=r.code,
                person_name=r.name or "",
                phone=phone,
                notes=r.reason_enc or "",
            )
        )
    full = reader in (Reader.GUARD, Reader.TECHNICIAN) or (
        reader == Reader.OFFICE and may_see_personal_data(actor_or_none(session))
    )
    audit_personal_export(
        session, what=DOCUMENT, rows=len(out), fields=["name", "phone", "care_reason"], full=full
    )
    return out
