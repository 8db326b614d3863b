"""Role cases of the household's vehicles, pets and emergency contacts: all desk work
(``EDIT_REGISTRY``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.household import services as hh
from propdesk.household.services import ContactSpec, PetSpec, VehicleSpec
from tests.propdesk.auth.role_matrix import Call, Guarded


def _plate(letter: str, c: Call) -> str:
    return f"粤{letter}8800{c.n}"


def _vehicle(c: Call) -> int:
    def make(s: Session) -> int:
        return hh.add_vehicle(s, c.world.unit_id, VehicleSpec(_plate("C", c))).id

    return int(c.as_system(make))


def _vehicle_to_remove(c: Call) -> int:
    def make(s: Session) -> int:
        return hh.add_vehicle(s, c.world.unit_id, VehicleSpec(_plate("D", c))).id

    return int(c.as_system(make))


def _pet(c: Call) -> int:
    return int(c.as_system(lambda s: hh.add_pet(s, c.world.unit_id, PetSpec("cat", "咪咪")).id))


def _contact(c: Call) -> int:
    def make(s: Session) -> int:
        return hh.add_contact(s, c.world.unit_id, ContactSpec("李芳", "女儿", "13900001111")).id

    return int(c.as_system(make))


CASES: list[Guarded] = [
    Guarded(
        "propdesk.household.services.add_vehicle",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: hh.add_vehicle(s, c.world.unit_id, VehicleSpec(_plate("B", c)))),
    ),
    Guarded(
        "propdesk.household.services.update_vehicle",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: hh.update_vehicle(
                s,
                c.prepared,
                VehicleSpec(_plate("C", c), parking_space="B2-018"),
                expected_version=None,
            )
        ),
        _vehicle,
    ),
    Guarded(
        "propdesk.household.services.remove_vehicle",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: hh.remove_vehicle(s, c.prepared)),
        _vehicle_to_remove,
    ),
    Guarded(
        "propdesk.household.services.add_pet",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: hh.add_pet(s, c.world.unit_id, PetSpec("dog", "旺财", date(2026, 3, 1)))
        ),
    ),
    Guarded(
        "propdesk.household.services.update_pet",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: hh.update_pet(s, c.prepared, PetSpec("cat", "花花"), expected_version=None)
        ),
        _pet,
    ),
    Guarded(
        "propdesk.household.services.remove_pet",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: hh.remove_pet(s, c.prepared)),
        _pet,
    ),
    Guarded(
        "propdesk.household.services.add_contact",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: hh.add_contact(s, c.world.unit_id, ContactSpec("王强", "儿子", "13700002222"))
        ),
    ),
    Guarded(
        "propdesk.household.services.update_contact",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(
            lambda s: hh.update_contact(
                s, c.prepared, ContactSpec("李芳", "女儿", "13900003333"), expected_version=None
            )
        ),
        _contact,
    ),
    Guarded(
        "propdesk.household.services.remove_contact",
        Permission.EDIT_REGISTRY,
        lambda c: c.run(lambda s: hh.remove_contact(s, c.prepared)),
        _contact,
    ),
]
