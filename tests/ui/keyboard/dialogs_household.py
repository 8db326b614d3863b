"""The household forms (vehicle, pet, emergency contact; add and edit), walked by
test_dialog_rules.py."""

from __future__ import annotations

from datetime import date
from itertools import count

from PySide6.QtWidgets import QDialog

from propdesk.auth.actor import Actor
from propdesk.household import services as hh
from propdesk.household.services import ContactSpec, PetSpec, VehicleSpec
from propdesk.household.values import ContactRow, PetRow, VehicleRow
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext

_PLATES = count(66601)  # the walk opens a form more than once: a new plate each time


def _vehicle(ctx: AppContext, w: World) -> VehicleRow:
    with ctx.db.begin(Actor.system()) as s:
        plate = f"粤B{next(_PLATES)}"
        spec = VehicleSpec(plate, "small", "B2-018", date(2026, 6, 1), date(2026, 6, 30))
        return hh.add_vehicle(s, w.estate.unit_1502, spec)


def _pet(ctx: AppContext, w: World) -> PetRow:
    with ctx.db.begin(Actor.system()) as s:
        return hh.add_pet(s, w.estate.unit_1502, PetSpec("dog", "旺财", date(2026, 3, 1)))


def _contact(ctx: AppContext, w: World) -> ContactRow:
    with ctx.db.begin(Actor.system()) as s:
        return hh.add_contact(s, w.estate.unit_1502, ContactSpec("李芳", "女儿", "13900001111"))


def _new_vehicle(ctx: AppContext, w: World) -> QDialog:
    from ui.household.dialogs import VehicleDialog

    return VehicleDialog(ctx=ctx, unit_id=w.estate.unit_1502)


def _edit_vehicle(ctx: AppContext, w: World) -> QDialog:
    from ui.household.dialogs import VehicleDialog

    return VehicleDialog(ctx=ctx, unit_id=w.estate.unit_1502, vehicle=_vehicle(ctx, w))


def _new_pet(ctx: AppContext, w: World) -> QDialog:
    from ui.household.dialogs import PetDialog

    return PetDialog(ctx=ctx, unit_id=w.estate.unit_1502)


def _edit_pet(ctx: AppContext, w: World) -> QDialog:
    from ui.household.dialogs import PetDialog

    return PetDialog(ctx=ctx, unit_id=w.estate.unit_1502, pet=_pet(ctx, w))


def _new_contact(ctx: AppContext, w: World) -> QDialog:
    from ui.household.dialogs import EmergencyContactDialog

    return EmergencyContactDialog(ctx=ctx, unit_id=w.estate.unit_1502)


def _edit_contact(ctx: AppContext, w: World) -> QDialog:
    from ui.household.dialogs import EmergencyContactDialog

    return EmergencyContactDialog(ctx=ctx, unit_id=w.estate.unit_1502, contact=_contact(ctx, w))


DIALOGS: dict[str, Factory] = {
    "VehicleDialog:new": _new_vehicle,
    "VehicleDialog:edit": _edit_vehicle,
    "PetDialog:new": _new_pet,
    "PetDialog:edit": _edit_pet,
    "EmergencyContactDialog:new": _new_contact,
    "EmergencyContactDialog:edit": _edit_contact,
}
