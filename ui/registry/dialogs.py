"""Create and edit dialogs of the registry: building, unit, person, occupant, move-out, estate.

Each dialog saves in one transaction through ``ctx.write`` (which broadcasts the change);
a service's ``ValidationError`` is shown under its field and the dialog stays open with
everything the user typed. ``saved_id`` holds the new or edited record's id after acceptance.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import false
from sqlalchemy.orm import Session

from propdesk.clock import local_today
from propdesk.errors import ValidationError
from propdesk.registry import services as reg
from propdesk.registry.models import OccupancyRole
from propdesk.registry.setup import update_estate
from propdesk.registry.values import OccupancyInfo
from ui.common.dates import from_qdate as _pydate
from ui.common.dates import to_qdate as _qdate
from ui.common.forms import FormErrors, attempt
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.registry import labels
from ui.registry.list_models import PeopleModel


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit(_qdate(value or local_today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def code_combo(table: dict[str, str], current: str | None = None) -> QComboBox:
    """A combo box of registry codes shown by their translated names."""
    combo = QComboBox()
    for code in table:
        combo.addItem(labels.shown(table, code), code)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class RecordDialog(QDialog):
    """Form + inline errors + OK/Cancel; subclasses implement :meth:`save` and set ``topics``.

    Attributes:
        errors: the form's :class:`FormErrors`.
        saved_id: what :meth:`save` returned, after acceptance.
    """

    topics: tuple[str, ...] = ()

    def __init__(self, *, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: Any = None
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FormErrors(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.errors.general)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def save(self, session: Session) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        ok, result = attempt(self.errors, lambda: self.ctx.write(self.save, *self.topics))
        if ok:
            self.saved_id = result
            super().accept()
        else:
            self.adjustSize()  # grow to show a wrapped error message in full


class EstateDialog(RecordDialog):
    """Edit the estate's name, address, service phone and management company."""

    topics = ("estate",)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Estate information"), parent=parent)
        self.info = ctx.read(reg.get_estate)
        self.name = QLineEdit(self.info.name)
        self.address = QLineEdit(self.info.address)
        self.phone = QLineEdit(self.info.phone)
        self.company = QLineEdit(self.info.company)
        self.errors.add_row(self.tr("Estate &name"), "name", self.name)
        self.errors.add_row(self.tr("&Address"), "address", self.address)
        self.errors.add_row(self.tr("Service &phone"), "phone", self.phone)
        self.errors.add_row(self.tr("Management &company"), "company", self.company)
        self.name.setFocus()

    def save(self, session: Session) -> int:
        update_estate(
            session,
            self.info.id,
            expected_version=self.info.version,
            name=self.name.text(),
            address=self.address.text(),
            phone=self.phone.text(),
            company=self.company.text(),
        )
        return self.info.id


class BuildingDialog(RecordDialog):
    """Add a building to the estate, or edit one (name, floors, entrances, elevator).

    The code is shown but not editable when editing: it is part of every unit code.
    """

    topics = ("buildings",)

    def __init__(
        self, *, ctx: AppContext, building_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New building") if building_id is None else self.tr("Edit building")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.building = (
            ctx.read(lambda s: reg.get_building(s, building_id))
            if building_id is not None
            else None
        )
        b = self.building
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. 3 or A2"))
        self.name = QLineEdit(b.name if b else "")
        self.name.setPlaceholderText(self.tr("empty: code + 栋"))
        self.floors = QSpinBox()
        self.floors.setRange(1, 200)
        self.floors.setValue(b.floors if b else 18)
        self.entrances = QSpinBox()
        self.entrances.setRange(1, 20)
        self.entrances.setValue(b.entrances if b else 2)
        self.elevator = QCheckBox(self.tr("Has elevator"))
        self.elevator.setChecked(b.has_elevator if b else True)
        if b is None:
            self.errors.add_row(self.tr("&Code"), "code", self.code)
        else:
            code = QLabel(b.code)
            code.setObjectName("code")
            code.setToolTip(self.tr("The code is part of every unit code and cannot be changed."))
            self.form.addRow(self.tr("Code"), code)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Floors"), "floors", self.floors)
        self.errors.add_row(self.tr("&Entrances"), "entrances", self.entrances)
        self.form.addRow("", self.elevator)
        (self.code if b is None else self.name).setFocus()

    def save(self, session: Session) -> int:
        if self.building is not None:
            reg.update_building(
                session,
                self.building.id,
                expected_version=self.building.version,
                name=self.name.text(),
                floors=self.floors.value(),
                entrances=self.entrances.value(),
                has_elevator=self.elevator.isChecked(),
            )
            return self.building.id
        return reg.create_building(
            session,
            estate_id=reg.get_estate(session).id,
            code=self.code.text(),
            name=self.name.text().strip() or None,
            floors=self.floors.value(),
            entrances=self.entrances.value(),
            has_elevator=self.elevator.isChecked(),
        )


class UnitDialog(RecordDialog):
    """Create a unit (building, entrance, room, area…) or edit one (area, type, status, notes)."""

    topics = ("units",)

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int | None = None,
        building_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("New unit") if unit_id is None else self.tr("Edit unit")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.unit = ctx.read(lambda s: reg.get_unit(s, unit_id)) if unit_id is not None else None
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("m², e.g. 89.56"))
        self.unit_type = code_combo(labels.UNIT_TYPES, self.unit.unit_type if self.unit else None)
        self.status = code_combo(labels.UNIT_STATUSES, self.unit.status if self.unit else None)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        if self.unit is None:
            self.building = QComboBox()
            for b in ctx.read(reg.list_buildings):
                self.building.addItem(b.name, (b.id, b.entrances))
            for i in range(self.building.count()):
                if self.building.itemData(i)[0] == building_id:
                    self.building.setCurrentIndex(i)
            self.entrance = QSpinBox()
            self.entrance.setRange(1, 20)
            self.room = QLineEdit()
            self.room.setPlaceholderText(self.tr("e.g. 1502 (floor 15, room 02)"))
            self.errors.add_row(self.tr("&Building"), "building", self.building)
            self.errors.add_row(self.tr("&Entrance"), "entrance", self.entrance)
            self.errors.add_row(self.tr("&Room"), "room", self.room)
            self.errors.add_row(self.tr("Floor"), "floor", QLabel(self.tr("from the room number")))
        else:
            code = QLabel(self.unit.code)
            code.setObjectName("code")
            self.form.addRow(self.tr("Unit"), code)
            self.area.setText(labels.area(self.unit.area_centi).removesuffix(" m²"))
            self.notes.setPlainText(self.unit.notes)
        self.errors.add_row(self.tr("&Area (m²)"), "area", self.area)
        self.errors.add_row(self.tr("&Type"), "unit_type", self.unit_type)
        self.errors.add_row(self.tr("&Status"), "status", self.status)
        if self.unit is not None:
            self.errors.add_row(self.tr("&Notes"), "notes", self.notes)
            self.area.setFocus()
        else:
            self.room.setFocus()

    def save(self, session: Session) -> int:
        if self.unit is not None:
            reg.update_unit(
                session,
                self.unit.id,
                expected_version=self.unit.version,
                area=self.area.text(),
                unit_type=self.unit_type.currentData(),
                status=self.status.currentData(),
                notes=self.notes.toPlainText(),
            )
            return self.unit.id
        data = self.building.currentData()
        if data is None:
            raise ValidationError("building", self.tr("Add a building first."))
        return reg.create_unit(
            session,
            building_id=data[0],
            entrance=self.entrance.value(),
            room=self.room.text(),
            area=self.area.text(),
            unit_type=self.unit_type.currentData(),
            status=self.status.currentData(),
        )


class PersonDialog(RecordDialog):
    """Create or edit a person. Masked values left as shown are not changed."""

    topics = ("people",)

    def __init__(
        self, *, ctx: AppContext, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New person") if person_id is None else self.tr("Edit person")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.person = (
            ctx.read(lambda s: reg.get_person(s, person_id)).person
            if person_id is not None
            else None
        )
        p = self.person
        self.name = QLineEdit(p.name if p else "")
        self.phone = QLineEdit(p.phone if p else "")
        self.phone2 = QLineEdit(p.phone2 if p else "")
        self.id_number = QLineEdit(p.id_number if p else "")
        self.id_number.setMaxLength(18)
        self.emergency_contact = QLineEdit(p.emergency_contact if p else "")
        self.emergency_phone = QLineEdit(p.emergency_phone if p else "")
        self.notes = QPlainTextEdit(p.notes if p else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Phone"), "phone", self.phone)
        self.errors.add_row(self.tr("Phone &2"), "phone2", self.phone2)
        self.errors.add_row(self.tr("&ID number"), "id_number", self.id_number)
        self.errors.add_row(
            self.tr("&Emergency contact"), "emergency_contact", self.emergency_contact
        )
        self.errors.add_row(self.tr("Emergency p&hone"), "emergency_phone", self.emergency_phone)
        self.errors.add_row(self.tr("N&otes"), "notes", self.notes)
        self.name.setFocus()

    def save(self, session: Session) -> int:
        values = {
            "name": self.name.text(),
            "phone": self.phone.text(),
            "phone2": self.phone2.text(),
            "id_number": self.id_number.text(),
            "emergency_contact": self.emergency_contact.text(),
            "emergency_phone": self.emergency_phone.text(),
            "notes": self.notes.toPlainText(),
        }
        if self.person is None:
            return reg.create_person(session, **values)
        reg.update_person(session, self.person.id, expected_version=self.person.version, **values)
        return self.person.id


class AddOccupantDialog(RecordDialog):
    """Register a person at a unit with a role from a date: an existing person or a new one."""

    topics = ("occupancy", "people", "units")

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Add occupant"), parent=parent)
        self.unit_id = unit_id
        code = ctx.read(lambda s: reg.get_unit(s, unit_id)).code
        self.form.addRow(self.tr("Unit"), QLabel(code))
        self.existing = QRadioButton(self.tr("&Existing person"))
        self.new = QRadioButton(self.tr("Ne&w person"))
        self.new.setChecked(True)
        self.find_person = QLineEdit()
        self.find_person.setPlaceholderText(self.tr("name, pinyin initials or phone digits"))
        self.people = PeopleModel(db=ctx.db, actor=ctx.actor, parent=self)
        self.people.set_filter(false())  # empty until the user types
        self.matches = RecordTableView()
        self.matches.setModel(self.people)
        self.matches.setFixedHeight(130)
        self.matches.setColumnHidden(3, True)  # notes: not needed to pick a person
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.role = code_combo(labels.ROLES, OccupancyRole.OWNER)
        self.start = date_edit()
        self.form.addRow(self.existing)
        self.errors.add_row(self.tr("&Find"), "person", self.find_person)
        self.form.addRow("", self.matches)
        self.form.addRow(self.new)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Phone"), "phone", self.phone)
        self.errors.add_row(self.tr("&Role"), "role", self.role)
        self.errors.add_row(self.tr("&From"), "start_date", self.start)
        self.find_person.textEdited.connect(self._find)
        self.find_person.textEdited.connect(lambda _t: self.existing.setChecked(True))
        self.name.textEdited.connect(lambda _t: self.new.setChecked(True))
        self.matches.clicked.connect(lambda _i: self.existing.setChecked(True))
        self.name.setFocus()

    def _find(self, text: str) -> None:
        if text.strip():
            self.people.set_text(text)
        else:
            self.people.set_filter(false())
        if self.people.rowCount():
            self.matches.selectRow(0)

    def save(self, session: Session) -> int:
        if self.existing.isChecked():
            person_id = self.matches.current_id()
            if person_id is None:
                raise ValidationError("person", self.tr("Choose a person from the list."))
        else:
            person_id = reg.create_person(session, name=self.name.text(), phone=self.phone.text())
        return reg.start_occupancy(
            session,
            person_id=person_id,
            unit_id=self.unit_id,
            role=self.role.currentData(),
            start_date=_pydate(self.start.date()),
        )


class EndOccupancyDialog(RecordDialog):
    """Move an occupant out: close the occupancy on a date (the record stays in the history)."""

    topics = ("occupancy", "units")

    def __init__(
        self, *, ctx: AppContext, occupancy: OccupancyInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Move out"), parent=parent)
        self.occupancy = occupancy
        who = QLabel(
            f"{occupancy.person_name}（{labels.role(occupancy.role)}）  {occupancy.unit_code}"
        )
        who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(self.tr("Occupant"), who)
        self.end = date_edit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. sold, lease ended"))
        self.errors.add_row(self.tr("&End date"), "end_date", self.end)
        self.errors.add_row(self.tr("&Reason"), "reason", self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Move out"))
        self.end.setFocus()

    def save(self, session: Session) -> int:
        reg.end_occupancy(
            session, self.occupancy.id, end_date=_pydate(self.end.date()), reason=self.reason.text()
        )
        return self.occupancy.id
