"""Forms for a household's vehicle, pet and emergency contact (add or edit).

Each opens with the focus in its first field; Enter submits once (Save is busy while the
save runs); a refused value is shown next to its field and the input is kept; Esc with
input typed asks before closing. Every write goes through ``ctx.op`` and broadcasts
``Changes(household=True)``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.household import services as hh
from propdesk.household.plates import is_new_energy, normalize_plate
from propdesk.household.services import ContactSpec, PetSpec, VehicleSpec
from propdesk.household.values import (
    PET_KIND_ZH,
    VEHICLE_KIND_ZH,
    ContactRow,
    PetRow,
    VehicleRow,
    vaccination_overdue,
)
from propdesk.privacy import shown_phone
from ui.common.form_dialog import FormDialog
from ui.common.naming import named
from ui.context import AppContext

CHANGES = Changes(household=True)
WARNING_STYLE = "color: #a15c00;"  # amber: worth telling, not an error
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def parse_day(text: str, field: str, label: str) -> date | None:
    """A typed date → a date; empty → None. Read as the rest of the app reads a typed date
    (``date.fromisoformat``: ``2026-06-01`` or the digits ``20260601``, as a date editor
    takes them), or written ``2026/6/1``, ``2026.6.1``, ``2026年6月1日``."""
    t = text.strip()
    if not t:
        return None
    try:
        return date.fromisoformat(t)
    except ValueError:
        pass
    m = _DATE.match(t)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise ValidationError(field, f"{label}“{t}”不正确，请按 2026-06-01（或 20260601）的格式填写。")


def _date_edit(name: str, value: date | None) -> QLineEdit:
    edit = named(QLineEdit(value.isoformat() if value else ""), name)
    edit.setPlaceholderText("2026-06-01")
    return edit


def _combo(name: str, labels: dict[Any, str], current: str) -> QComboBox:
    combo = named(QComboBox(), name)
    for key, label in labels.items():
        combo.addItem(label, str(key))
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    return combo


class _Form(FormDialog):
    changes = CHANGES
    minimum_width = 520  # room for an error message under a field

    def install_keys(self, *, loaded: bool = False) -> None:
        super().install_keys(loaded=loaded)
        for label in [*self.errors.labels.values(), self.errors.general]:
            label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            QTimer.singleShot(0, self, self.fit_height)  # once the layout has taken the message
        return super().eventFilter(watched, event)

    def fit_height(self) -> None:
        """Grow the dialog so every message under a field shows whole (a word-wrapped
        message takes a second line the dialog's first size had no room for)."""
        self.layout_.activate()
        needed = self.layout_.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)


class VehicleDialog(_Form):
    """Add or edit a vehicle: plate, type, parking space, monthly pass from–to, notes."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int,
        vehicle: VehicleRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit vehicle") if vehicle else self.tr("Add vehicle")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.unit_id = unit_id
        self.vehicle = vehicle
        self.plate = named(QLineEdit(vehicle.plate if vehicle else ""), "vehicle_plate")
        self.plate.setPlaceholderText(self.tr("e.g. 粤B12345"))
        self.kind = _combo("vehicle_kind", VEHICLE_KIND_ZH, vehicle.kind if vehicle else "small")
        self.space = named(QLineEdit(vehicle.parking_space if vehicle else ""), "vehicle_space")
        self.pass_from = _date_edit("vehicle_pass_from", vehicle.pass_from if vehicle else None)
        self.pass_to = _date_edit("vehicle_pass_to", vehicle.pass_to if vehicle else None)
        self.notes = named(QLineEdit(vehicle.notes if vehicle else ""), "vehicle_notes")
        self.errors.add_row(self.tr("&Plate"), "plate", self.plate)
        self.errors.add_row(self.tr("&Type"), "kind", self.kind)
        self.errors.add_row(self.tr("Parking &space"), "parking_space", self.space)
        self.errors.add_row(self.tr("Monthly pass &from"), "pass_from", self.pass_from)
        self.errors.add_row(self.tr("Monthly pass unti&l"), "pass_to", self.pass_to)
        self.errors.add_row(self.tr("&Notes"), "notes", self.notes)
        # the type 新能源 picked by the plate's length, and the type it replaced (None: the
        # type is the clerk's own choice, never changed by the plate)
        self._kind_before_auto: int | None = None
        self.plate.textEdited.connect(self._plate_edited)
        self.kind.activated.connect(self._kind_chosen)
        self.install_keys(loaded=vehicle is not None)

    def _plate_edited(self, text: str) -> None:
        """A new-energy plate (6 after the letter) picks 新能源 while the type is 小型车; when
        the plate is corrected to an ordinary one, that automatic choice is undone."""
        new_energy = is_new_energy(normalize_plate(text))
        if new_energy and self.kind.currentData() == "small":
            self._kind_before_auto = self.kind.currentIndex()
            self.kind.setCurrentIndex(self.kind.findData("nev"))
        elif not new_energy and self._kind_before_auto is not None:
            self.kind.setCurrentIndex(self._kind_before_auto)
            self._kind_before_auto = None

    def _kind_chosen(self, _index: int) -> None:
        """The clerk picked a type: the plate no longer changes it."""
        self._kind_before_auto = None

    def save(self) -> None:
        try:
            spec = VehicleSpec(
                self.plate.text(),
                str(self.kind.currentData()),
                self.space.text(),
                parse_day(self.pass_from.text(), "pass_from", "月卡开始日期"),
                parse_day(self.pass_to.text(), "pass_to", "月卡截止日期"),
                self.notes.text(),
            )
        except ValidationError as e:
            self.errors.show(e)
            return
        unit_id, vehicle = self.unit_id, self.vehicle
        if vehicle is None:
            self.run_save(lambda s: hh.add_vehicle(s, unit_id, spec), "add vehicle")
        else:
            self.run_save(
                lambda s: hh.update_vehicle(s, vehicle.id, spec, expected_version=vehicle.version),
                "edit vehicle",
            )


class PetDialog(_Form):
    """Add or edit a pet: kind, name, vaccination date, registration number."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int,
        pet: PetRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit pet") if pet else self.tr("Add pet")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.unit_id = unit_id
        self.pet = pet
        self.kind = _combo("pet_kind", PET_KIND_ZH, pet.kind if pet else "dog")
        self.name = named(QLineEdit(pet.name if pet else ""), "pet_name")
        self.vaccinated = _date_edit("pet_vaccinated", pet.vaccinated_on if pet else None)
        self.registration = named(QLineEdit(pet.registration_no if pet else ""), "pet_registration")
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Vaccinated on"), "vaccinated_on", self.vaccinated)
        self.errors.add_row(self.tr("&Registration no."), "registration_no", self.registration)
        # a warning under the date, never a refusal: the pet is recorded as it is
        self.vaccination_hint = named(QLabel(), "pet_vaccination_hint")
        self.vaccination_hint.setWordWrap(True)
        self.vaccination_hint.setStyleSheet(WARNING_STYLE)
        self.vaccination_hint.setVisible(False)
        box = self.vaccinated.parentWidget()
        box_layout = box.layout() if box is not None else None
        if box_layout is not None:
            box_layout.addWidget(self.vaccination_hint)
        self.vaccinated.textChanged.connect(self._vaccination_changed)
        self._vaccination_changed(self.vaccinated.text())
        self.install_keys(loaded=pet is not None)

    def _vaccination_changed(self, text: str) -> None:
        try:
            day = parse_day(text, "vaccinated_on", "")
        except ValidationError:
            day = None  # a wrong date is refused on Save, next to the field
        overdue = vaccination_overdue(day, clock.today())
        self.vaccination_hint.setText(
            self.tr("Last vaccinated over a year ago: remind the owner to renew it.")
            if overdue
            else ""
        )
        if overdue == self.vaccination_hint.isHidden():
            self.vaccination_hint.setVisible(overdue)
            if overdue:
                QTimer.singleShot(0, self, self.fit_height)

    def save(self) -> None:
        try:
            spec = PetSpec(
                str(self.kind.currentData()),
                self.name.text(),
                parse_day(self.vaccinated.text(), "vaccinated_on", "疫苗接种日期"),
                self.registration.text(),
            )
        except ValidationError as e:
            self.errors.show(e)
            return
        unit_id, pet = self.unit_id, self.pet
        if pet is None:
            self.run_save(lambda s: hh.add_pet(s, unit_id, spec), "add pet")
        else:
            self.run_save(
                lambda s: hh.update_pet(s, pet.id, spec, expected_version=pet.version), "edit pet"
            )


class EmergencyContactDialog(_Form):
    """Add or edit an emergency contact: name, relation, phone."""

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int,
        contact: ContactRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit emergency contact") if contact else self.tr("Add emergency contact")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.unit_id = unit_id
        self.contact = contact
        self.name = named(QLineEdit(contact.name if contact else ""), "contact_name")
        self.relation = named(QLineEdit(contact.relation if contact else ""), "contact_relation")
        self.relation.setPlaceholderText(self.tr("e.g. daughter, neighbour"))
        # a clerk who may not see full numbers edits over the masked one: left as it is, the
        # stored number is kept
        self._shown_phone = shown_phone(ctx.actor, contact.phone) if contact else ""
        self.phone = named(QLineEdit(self._shown_phone), "contact_phone")
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Relation"), "relation", self.relation)
        self.errors.add_row(self.tr("&Phone"), "phone", self.phone)
        self.install_keys(loaded=contact is not None)

    def save(self) -> None:
        unit_id, contact = self.unit_id, self.contact
        phone = self.phone.text()
        if contact is not None and phone == self._shown_phone:
            phone = contact.phone
        spec = ContactSpec(self.name.text(), self.relation.text(), phone)
        if contact is None:
            self.run_save(lambda s: hh.add_contact(s, unit_id, spec), "add contact")
        else:
            self.run_save(
                lambda s: hh.update_contact(s, contact.id, spec, expected_version=contact.version),
                "edit contact",
            )
