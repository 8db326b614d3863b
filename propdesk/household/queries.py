"""Reading a household's vehicles, pets and emergency contacts for the unit page.

Only the current household's rows are listed: those recorded without an occupancy, or for
an occupancy that has not ended.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from sqlalchemy import ColumnElement, Integer, Select, bindparam, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from propdesk import clock
from propdesk.household.models import HouseholdContact, HouseholdPet, HouseholdVehicle
from propdesk.household.values import (
    ContactRow,
    OccupantContact,
    PetRow,
    VehicleRow,
    vaccination_overdue,
)
from propdesk.registry.models import Occupancy, Person


def current_condition(occupancy_id: InstrumentedAttribute[int | None]) -> ColumnElement[bool]:
    ended = select(Occupancy.id).where(
        Occupancy.id == occupancy_id, Occupancy.end_date.is_not(None)
    )
    return or_(occupancy_id.is_(None), ~ended.exists())


def vehicle_row(v: HouseholdVehicle) -> VehicleRow:
    return VehicleRow(
        v.id,
        v.unit_id,
        v.plate,
        v.kind,
        v.parking_space,
        v.pass_from,
        v.pass_to,
        v.notes,
        v.version,
    )


def pet_row(p: HouseholdPet) -> PetRow:
    return PetRow(p.id, p.unit_id, p.kind, p.name, p.vaccinated_on, p.registration_no, p.version)


def contact_row(c: HouseholdContact) -> ContactRow:
    return ContactRow(c.id, c.unit_id, c.name, c.relation, c.phone, c.version)


def unit_vehicles(session: Session, unit_id: int) -> tuple[VehicleRow, ...]:
    rows = session.scalars(_vehicles_statement(), {"unit_id": unit_id})
    today = clock.today(session)
    return tuple(
        replace(vehicle_row(v), pass_lapsed=v.pass_to is not None and v.pass_to < today)
        for v in rows
    )


def unit_pets(session: Session, unit_id: int) -> tuple[PetRow, ...]:
    rows = session.scalars(_pets_statement(), {"unit_id": unit_id})
    today = clock.today(session)
    return tuple(
        replace(pet_row(p), vaccination_overdue=vaccination_overdue(p.vaccinated_on, today))
        for p in rows
    )


def unit_contacts(session: Session, unit_id: int) -> tuple[ContactRow, ...]:
    rows = session.scalars(_contacts_statement(), {"unit_id": unit_id})
    return tuple(contact_row(c) for c in rows)


def occupant_contacts(session: Session, unit_id: int) -> tuple[OccupantContact, ...]:
    """The emergency contacts on the records of the unit's current occupants (each person
    once, in the order their occupancies were registered), for the unit page to show beside
    the household's own; nothing is copied."""
    today = clock.today(session)
    rows = session.execute(
        select(Person.id, Person.name, Person.emergency_contact, Person.emergency_phone)
        .join(Occupancy, Occupancy.person_id == Person.id)
        .where(
            Occupancy.unit_id == unit_id,
            or_(Occupancy.end_date.is_(None), Occupancy.end_date >= today),
        )
        .order_by(Occupancy.id)
    )
    out: dict[int, OccupantContact] = {}
    for pid, person, name, phone in rows:
        if (name or phone) and pid not in out:
            out[pid] = OccupantContact(pid, person, name or "", phone or "")
    return tuple(out.values())


# The unit page reads these for every unit opened: each statement is built once, with the
# unit the bound parameter ``unit_id`` (building it cost more than running it).


@cache
def _vehicles_statement() -> Select[HouseholdVehicle]:
    return (
        select(HouseholdVehicle)
        .where(
            HouseholdVehicle.unit_id == bindparam("unit_id", type_=Integer),
            HouseholdVehicle.removed_at.is_(None),
            current_condition(HouseholdVehicle.occupancy_id),
        )
        .order_by(HouseholdVehicle.id)
    )


@cache
def _pets_statement() -> Select[HouseholdPet]:
    return (
        select(HouseholdPet)
        .where(
            HouseholdPet.unit_id == bindparam("unit_id", type_=Integer),
            current_condition(HouseholdPet.occupancy_id),
        )
        .order_by(HouseholdPet.id)
    )


@cache
def _contacts_statement() -> Select[HouseholdContact]:
    return (
        select(HouseholdContact)
        .where(
            HouseholdContact.unit_id == bindparam("unit_id", type_=Integer),
            current_condition(HouseholdContact.occupancy_id),
        )
        .order_by(HouseholdContact.id)
    )


_CHUNK = 500
_RANK = {"tenant": 0, "owner": 1}  # the tenant household lives there; else the owner's


def current_households(session: Session, unit_ids: Iterable[int] | None = None) -> dict[int, int]:
    """unit id → the occupancy standing for the household living there now (the current
    tenant's, else the owner's, else any current one); every unit when ``unit_ids`` is None."""
    best: dict[int, tuple[int, int]] = {}
    stmt = select(Occupancy.id, Occupancy.unit_id, Occupancy.role).where(
        Occupancy.end_date.is_(None)
    )
    if unit_ids is None:
        batches = [stmt]
    else:
        ids = sorted(set(unit_ids))
        batches = [
            stmt.where(Occupancy.unit_id.in_(ids[i : i + _CHUNK]))
            for i in range(0, len(ids), _CHUNK)
        ]
    for batch in batches:
        for occ_id, unit_id, role in session.execute(batch):
            key = (_RANK.get(role, 2), int(occ_id))
            if unit_id not in best or key < best[unit_id]:
                best[int(unit_id)] = key
    return {unit_id: key[1] for unit_id, key in best.items()}
