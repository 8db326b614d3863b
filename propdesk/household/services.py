"""Recording a household's vehicles, pets and emergency contacts.

Every change is desk work (``EDIT_REGISTRY``, which clerks hold), checked here. Each
function validates everything before it writes, so bad input leaves nothing half-saved;
an edit names the version the clerk started from and is refused when another desk changed
the record meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.household.models import HouseholdContact, HouseholdPet, HouseholdVehicle
from propdesk.household.plates import is_new_energy, plate_search_key, validate_plate
from propdesk.household.queries import contact_row, current_households, pet_row, vehicle_row
from propdesk.household.values import (
    PET_KIND_ZH,
    VEHICLE_KIND_ZH,
    ContactRow,
    PetKind,
    PetRow,
    VehicleKind,
    VehicleRow,
)
from propdesk.registry.models import Unit
from propdesk.registry.validation import normalize_phone
from propdesk.session_info import actor_or_none
from propdesk.validate import clean_column


@dataclass(frozen=True)
class VehicleSpec:
    plate: str
    kind: str = VehicleKind.SMALL.value
    parking_space: str = ""
    pass_from: date | None = None
    pass_to: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class PetSpec:
    kind: str
    name: str = ""
    vaccinated_on: date | None = None
    registration_no: str = ""


@dataclass(frozen=True)
class ContactSpec:
    name: str
    relation: str = ""
    phone: str = ""


def household_occupancy(session: Session, unit_id: int) -> int | None:
    """The occupancy that stands for the household living in the unit now: the current
    tenant's (the tenant household lives there), else the owner's, else any current one."""
    return current_households(session, [unit_id]).get(unit_id)


def _unit(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("找不到该房屋。")
    return unit


def _check_version(expected: int | None, actual: int, what: str) -> None:
    if expected is not None and expected != actual:
        raise Conflict(f"这条{what}刚被其他人修改过，请关闭后重新打开再改。")


# --- vehicles ------------------------------------------------------------------------


def _vehicle_values(
    session: Session, spec: VehicleSpec, *, own_id: int | None
) -> dict[str, object]:
    plate = validate_plate(spec.plate)
    try:
        kind = VehicleKind(spec.kind)
    except ValueError:
        raise ValidationError(
            "kind", f"车辆类型应为：{'、'.join(VEHICLE_KIND_ZH.values())}。"
        ) from None
    if is_new_energy(plate) and kind not in (VehicleKind.NEW_ENERGY, VehicleKind.OTHER):
        raise ValidationError("kind", f"“{plate}”是新能源车牌（6位），车辆类型请选“新能源”。")
    if spec.pass_from is not None and spec.pass_to is not None and spec.pass_to < spec.pass_from:
        raise ValidationError("pass_to", "月卡截止日期不能早于开始日期。")
    if spec.pass_to is not None and spec.pass_from is None:
        raise ValidationError("pass_from", "请填写月卡开始日期。")
    taken = session.execute(
        select(HouseholdVehicle.id, Unit.code)
        .join(Unit, Unit.id == HouseholdVehicle.unit_id)
        .where(HouseholdVehicle.active_plate == plate)
    ).first()
    if taken is not None and taken.id != own_id:
        raise ValidationError("plate", f"车牌 {plate} 已登记在 {taken.code}，请先在该房屋移除。")
    return {
        "plate": plate,
        "active_plate": plate,
        "plate_tail_rev": plate_search_key(plate),
        "kind": kind.value,
        "parking_space": clean_column(
            spec.parking_space, HouseholdVehicle.parking_space, label="车位"
        ),
        "pass_from": spec.pass_from,
        "pass_to": spec.pass_to,
        "notes": clean_column(spec.notes, HouseholdVehicle.notes, label="备注"),
    }


def add_vehicle(session: Session, unit_id: int, spec: VehicleSpec) -> VehicleRow:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    _unit(session, unit_id)
    values = _vehicle_values(session, spec, own_id=None)
    vehicle = HouseholdVehicle(
        unit_id=unit_id, occupancy_id=household_occupancy(session, unit_id), **values
    )
    session.add(vehicle)
    session.flush()
    return vehicle_row(vehicle)


def _vehicle(session: Session, vehicle_id: int) -> HouseholdVehicle:
    vehicle = session.get(HouseholdVehicle, vehicle_id)
    if vehicle is None or vehicle.removed_at is not None:
        raise NotFound("找不到该车辆（可能已被移除）。")
    return vehicle


def update_vehicle(
    session: Session, vehicle_id: int, spec: VehicleSpec, *, expected_version: int | None
) -> VehicleRow:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    vehicle = _vehicle(session, vehicle_id)
    _check_version(expected_version, vehicle.version, "车辆记录")
    for key, value in _vehicle_values(session, spec, own_id=vehicle.id).items():
        setattr(vehicle, key, value)
    session.flush()
    return vehicle_row(vehicle)


def remove_vehicle(session: Session, vehicle_id: int) -> None:
    """The vehicle leaves the household (its row stays, its plate is free again)."""
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    vehicle = _vehicle(session, vehicle_id)
    vehicle.removed_at = clock.now(session)
    vehicle.active_plate = None
    vehicle.plate_tail_rev = None
    session.flush()


# --- pets ----------------------------------------------------------------------------


def _pet_values(session: Session, spec: PetSpec) -> dict[str, object]:
    try:
        kind = PetKind(spec.kind)
    except ValueError:
        raise ValidationError(
            "kind", f"宠物种类应为：{'、'.join(PET_KIND_ZH.values())}。"
        ) from None
    if spec.vaccinated_on is not None and spec.vaccinated_on > clock.today(session):
        raise ValidationError("vaccinated_on", "疫苗接种日期不能晚于今天。")
    return {
        "kind": kind.value,
        "name": clean_column(spec.name, HouseholdPet.name, label="宠物名字"),
        "vaccinated_on": spec.vaccinated_on,
        "registration_no": clean_column(
            spec.registration_no.upper(), HouseholdPet.registration_no, label="登记证号"
        ),
    }


def add_pet(session: Session, unit_id: int, spec: PetSpec) -> PetRow:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    _unit(session, unit_id)
    pet = HouseholdPet(
        unit_id=unit_id,
        occupancy_id=household_occupancy(session, unit_id),
        **_pet_values(session, spec),
    )
    session.add(pet)
    session.flush()
    return pet_row(pet)


def _pet(session: Session, pet_id: int) -> HouseholdPet:
    pet = session.get(HouseholdPet, pet_id)
    if pet is None:
        raise NotFound("找不到该宠物记录（可能已被删除）。")
    return pet


def update_pet(
    session: Session, pet_id: int, spec: PetSpec, *, expected_version: int | None
) -> PetRow:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    pet = _pet(session, pet_id)
    _check_version(expected_version, pet.version, "宠物记录")
    for key, value in _pet_values(session, spec).items():
        setattr(pet, key, value)
    session.flush()
    return pet_row(pet)


def remove_pet(session: Session, pet_id: int) -> None:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    session.delete(_pet(session, pet_id))
    session.flush()


# --- emergency contacts --------------------------------------------------------------


def _contact_values(spec: ContactSpec) -> dict[str, object]:
    return {
        "name": clean_column(
            spec.name, HouseholdContact.name, "name", "请填写紧急联系人姓名。", label="姓名"
        ),
        "relation": clean_column(spec.relation, HouseholdContact.relation, label="关系"),
        "phone": normalize_phone(spec.phone, "phone", required=True),
    }


def add_contact(session: Session, unit_id: int, spec: ContactSpec) -> ContactRow:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    _unit(session, unit_id)
    contact = HouseholdContact(
        unit_id=unit_id, occupancy_id=household_occupancy(session, unit_id), **_contact_values(spec)
    )
    session.add(contact)
    session.flush()
    return contact_row(contact)


def _contact(session: Session, contact_id: int) -> HouseholdContact:
    contact = session.get(HouseholdContact, contact_id)
    if contact is None:
        raise NotFound("找不到该紧急联系人（可能已被删除）。")
    return contact


def update_contact(
    session: Session, contact_id: int, spec: ContactSpec, *, expected_version: int | None
) -> ContactRow:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    contact = _contact(session, contact_id)
    _check_version(expected_version, contact.version, "紧急联系人")
    for key, value in _contact_values(spec).items():
        setattr(contact, key, value)
    session.flush()
    return contact_row(contact)


def remove_contact(session: Session, contact_id: int) -> None:
    require(actor_or_none(session), Permission.EDIT_REGISTRY)
    session.delete(_contact(session, contact_id))
    session.flush()
