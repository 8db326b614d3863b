"""Create and edit dialogs of the registry: building, unit, person, occupant, move-out, estate.

Each dialog saves in one transaction through ``ctx.op`` (on the worker; it broadcasts the
dialog's :class:`Changes`); the dialog accepts only when the save succeeded. A service's
``ValidationError`` is shown under its field and the dialog stays open with everything the user
typed. ``saved_id`` holds the new or edited record's id after acceptance.

The values are read from the widgets on the UI thread (:meth:`RecordDialog.work`) and only the
returned function runs on the worker. A record being edited is loaded through ``ctx.query``;
Save stays disabled until it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import false
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.deposits.queries import deposit_rows
from propdesk.errors import Conflict, DomainError, ValidationError
from propdesk.fees.arrears import unit_arrears
from propdesk.fees.money import yuan
from propdesk.keys.services import unit_deposits
from propdesk.registry import services as reg
from propdesk.registry.models import OccupancyRole
from propdesk.registry.rules import split_occupancies
from propdesk.registry.setup import update_estate
from propdesk.registry.validation import OCCUPANCY_EARLIEST, occupancy_latest
from propdesk.registry.values import BuildingInfo, EstateInfo, OccupancyInfo, PersonInfo, UnitInfo
from ui.common.conflict import THEIRS, ConflictDialog, compare, editor_value, set_editor_value
from ui.common.dates import from_qdate as _pydate
from ui.common.dates import to_qdate as _qdate
from ui.common.forms import FormErrors, error_label, fit_dialog
from ui.common.keyboard import install_dialog_keys
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.registry import labels
from ui.registry.list_models import PeopleModel

T = TypeVar("T")
Work = Callable[[Session], Any]


def date_edit(ctx: AppContext, value: date | None = None, *, occupancy: bool = False) -> QDateEdit:
    """A date editor showing ``value``, or the estate's today (read through the worker).

    ``occupancy``: limited to the occupancy dates the core accepts (1950-01-01 to a year
    after today, :func:`propdesk.registry.validation.occupancy_latest`).
    """
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if occupancy:
        edit.setMinimumDate(_qdate(OCCUPANCY_EARLIEST))

    def show_today(day: date) -> None:
        if occupancy:
            edit.setMaximumDate(_qdate(occupancy_latest(day)))
        if value is None:
            edit.setDate(_qdate(day))

    if value is not None:
        edit.setDate(_qdate(value))
    if value is None or occupancy:
        ctx.query(clock.today, parent=edit).success(show_today).run()
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
    """Form + inline errors + OK/Cancel; subclasses implement :meth:`work` and set ``changes``.

    Attributes:
        errors: the form's :class:`FormErrors`.
        ok_button: Save (disabled while saving, or while the record is loading).
        saved_id: what the save returned, after acceptance.
        changes: what a save changes (broadcast after it).
    """

    changes = Changes()

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
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.errors.general)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.keys = install_dialog_keys(self, submit=self.accept, default=self.ok_button)

    def work(self) -> Work:
        """The save, with the form's values already read (it runs on the worker)."""
        raise NotImplementedError

    def load(self, fn: Callable[[Session], T], fill: Callable[[T], None]) -> None:
        """Read what the dialog edits on the worker, then ``fill`` the form; Save waits for it.

        What was loaded is remembered, so a save refused because another desk changed the
        record meanwhile shows both versions field by field (:mod:`ui.common.conflict`).
        """
        self.ok_button.setEnabled(False)
        self._load_fn: Callable[[Session], Any] = fn
        self._refill: Callable[[Any], None] = fill

        def loaded(value: T) -> None:
            fill(value)
            self._base = self._form_values()
            self.ok_button.setEnabled(True)
            self.keys.mark_clean()  # the loaded record is not the clerk's input

        self.ctx.query(fn, parent=self, action=self.windowTitle()).success(loaded).run()

    def accept(self) -> None:
        """Save; close only when the save succeeded (a refusal is shown by its field)."""
        try:
            work = self.work()
        except ValidationError as exc:  # checked on the form before anything is sent
            self._refused(exc)
            return
        self.ctx.op(work, changes=self.changes, parent=self, action=self.windowTitle()).busy(
            self.ok_button
        ).success(self._saved).failure(self._refused).run()

    def _saved(self, result: object) -> None:
        self.errors.clear()
        self.saved_id = result
        super().accept()

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, DomainError):
            return False
        if isinstance(exc, Conflict) and self._base is not None:
            self._resolve_conflict()
            return True
        self.errors.show(exc)
        self.adjustSize()  # grow to show a wrapped error message in full
        return True

    # --- another desk saved the same record ------------------------------------------------

    _base: dict[str, str] | None = None
    conflict_dialog: ConflictDialog | None = None

    def _form_values(self) -> dict[str, str]:
        return {key: editor_value(editor) for key, editor in self.errors.editors.items()}

    def _set_form_values(self, values: dict[str, str]) -> None:
        editors = self.errors.editors
        for key, value in values.items():
            if key in editors:
                set_editor_value(editors[key], value)

    def _resolve_conflict(self) -> None:
        """Reload the record, compare it with the clerk's input, and let the clerk choose."""
        mine = self._form_values()
        self.ctx.query(self._load_fn, parent=self, action=self.windowTitle()).success(
            lambda record: self._compare(record, mine)
        ).run()

    def _compare(self, record: object, mine: dict[str, str]) -> None:
        base = self._base or {}
        self._refill(record)  # the newest version: its values, and its version for the next save
        theirs = self._form_values()
        self._set_form_values(mine)  # the form keeps showing the clerk's input meanwhile
        labels = {key: self.errors.label_text(key) for key in self.errors.editors}
        rows = compare(labels, base, theirs, mine)
        self._base = theirs
        if not any(row.clash for row in rows) and not any(row.they_changed for row in rows):
            # The other desk changed nothing this form shows: save the clerk's input again.
            self._set_form_values(mine)
            self.accept()
            return
        dialog = ConflictDialog(rows, self.errors.editors, record=self.windowTitle(), parent=self)
        self.conflict_dialog = dialog

        def closed(_result: int) -> None:
            self.conflict_dialog = None
            if dialog.outcome == THEIRS:
                self._set_form_values(theirs)
                self.errors.show(
                    Conflict(
                        self.tr(
                            "The form now shows what the other desk saved; nothing of yours "
                            "was saved."
                        )
                    )
                )
                self.keys.mark_clean()
                return
            self._set_form_values({**mine, **dialog.chosen()})
            self.accept()

        dialog.finished.connect(closed)
        dialog.open()


class EstateDialog(RecordDialog):
    """Edit the estate's name, address, service phone and management company."""

    changes = Changes(estate=True)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Estate information"), parent=parent)
        self.info: EstateInfo | None = None
        self.name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.company = QLineEdit()
        self.errors.add_row(self.tr("Estate &name"), "name", self.name)
        self.errors.add_row(self.tr("&Address"), "address", self.address)
        self.errors.add_row(self.tr("Service &phone"), "phone", self.phone)
        self.errors.add_row(self.tr("Management &company"), "company", self.company)
        self.keys.set_first(self.name)
        self.load(reg.get_estate, self._fill)

    def _fill(self, info: EstateInfo) -> None:
        self.info = info
        self.name.setText(info.name)
        self.address.setText(info.address)
        self.phone.setText(info.phone)
        self.company.setText(info.company)

    def work(self) -> Work:
        info = _loaded(self.info)
        values = {
            "name": self.name.text(),
            "address": self.address.text(),
            "phone": self.phone.text(),
            "company": self.company.text(),
        }

        def save(session: Session) -> int:
            update_estate(session, info.id, expected_version=info.version, **values)
            return info.id

        return save


class BuildingDialog(RecordDialog):
    """Add a building to the estate, or edit one (name, floors, entrances, elevator).

    The code is shown but not editable when editing: it is part of every unit code.
    """

    changes = Changes(buildings=True)

    def __init__(
        self, *, ctx: AppContext, building_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New building") if building_id is None else self.tr("Edit building")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.building_id = building_id
        self.building: BuildingInfo | None = None
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. 3 or A2"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("empty: code + 栋"))
        self.floors = QSpinBox()
        self.floors.setRange(1, 200)
        self.floors.setValue(18)
        self.entrances = QSpinBox()
        self.entrances.setRange(1, 20)
        self.entrances.setValue(2)
        self.elevator = QCheckBox(self.tr("Has elevator"))
        self.elevator.setChecked(True)
        self.code_label = QLabel()
        if building_id is None:
            self.errors.add_row(self.tr("&Code"), "code", self.code)
        else:
            self.code_label.setObjectName("code")
            self.code_label.setToolTip(
                self.tr("The code is part of every unit code and cannot be changed.")
            )
            self.form.addRow(self.tr("Code"), self.code_label)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Floors"), "floors", self.floors)
        self.errors.add_row(self.tr("&Entrances"), "entrances", self.entrances)
        self.form.addRow("", self.elevator)
        self.keys.set_first(self.code if building_id is None else self.name)
        if building_id is not None:
            self.load(lambda s: reg.get_building(s, building_id), self._fill)

    def _fill(self, b: BuildingInfo) -> None:
        self.building = b
        self.code_label.setText(b.code)
        self.name.setText(b.name)
        self.floors.setValue(b.floors)
        self.entrances.setValue(b.entrances)
        self.elevator.setChecked(b.has_elevator)

    def work(self) -> Work:
        name = self.name.text()
        floors = self.floors.value()
        entrances = self.entrances.value()
        elevator = self.elevator.isChecked()
        if self.building_id is not None:
            b = _loaded(self.building)

            def update(session: Session) -> int:
                reg.update_building(
                    session,
                    b.id,
                    expected_version=b.version,
                    name=name,
                    floors=floors,
                    entrances=entrances,
                    has_elevator=elevator,
                )
                return b.id

            return update
        code = self.code.text()

        def create(session: Session) -> int:
            return reg.create_building(
                session,
                estate_id=reg.get_estate(session).id,
                code=code,
                name=name.strip() or None,
                floors=floors,
                entrances=entrances,
                has_elevator=elevator,
            )

        return create


class UnitDialog(RecordDialog):
    """Create a unit (building, entrance, room, area…) or edit one (area, type, status, notes)."""

    changes = Changes(units=True)

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
        self.unit_id = unit_id
        self.unit: UnitInfo | None = None
        self.area = QLineEdit()
        self.area.setPlaceholderText(self.tr("m², e.g. 89.56"))
        self.unit_type = code_combo(labels.UNIT_TYPES)
        self.status = code_combo(labels.UNIT_STATUSES)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.building = QComboBox()
        self.entrance = QSpinBox()
        self.room = QLineEdit()
        self.code_label = QLabel()
        if unit_id is None:
            self.entrance.setRange(1, 20)
            self.room.setPlaceholderText(self.tr("e.g. 1502 (floor 15, room 02)"))
            self.errors.add_row(self.tr("&Building"), "building", self.building)
            self.errors.add_row(self.tr("&Entrance"), "entrance", self.entrance)
            self.errors.add_row(self.tr("&Room"), "room", self.room)
            self.errors.add_row(self.tr("Floor"), "floor", QLabel(self.tr("from the room number")))
        else:
            self.code_label.setObjectName("code")
            self.form.addRow(self.tr("Unit"), self.code_label)
        self.errors.add_row(self.tr("&Area (m²)"), "area", self.area)
        self.errors.add_row(self.tr("&Type"), "unit_type", self.unit_type)
        self.errors.add_row(self.tr("Stat&us"), "status", self.status)
        if unit_id is not None:
            self.errors.add_row(self.tr("&Notes"), "notes", self.notes)
            self.keys.set_first(self.area)
            self.load(lambda s: reg.get_unit(s, unit_id), self._fill)
        else:
            self.keys.set_first(self.room)
            self.load(reg.list_buildings, lambda found: self._fill_buildings(found, building_id))

    def _fill_buildings(self, buildings: list[BuildingInfo], building_id: int | None) -> None:
        for b in buildings:
            self.building.addItem(b.name, (b.id, b.entrances))
            if b.id == building_id:
                self.building.setCurrentIndex(self.building.count() - 1)

    def _fill(self, unit: UnitInfo) -> None:
        self.unit = unit
        self.code_label.setText(unit.code)
        self.area.setText(labels.area(unit.area_centi).removesuffix(" m²"))
        self.unit_type.setCurrentIndex(max(self.unit_type.findData(unit.unit_type), 0))
        self.status.setCurrentIndex(max(self.status.findData(unit.status), 0))
        self.notes.setPlainText(unit.notes)

    def work(self) -> Work:
        area = self.area.text()
        unit_type = self.unit_type.currentData()
        status = self.status.currentData()
        if self.unit_id is not None:
            unit = _loaded(self.unit)
            notes = self.notes.toPlainText()

            def update(session: Session) -> int:
                reg.update_unit(
                    session,
                    unit.id,
                    expected_version=unit.version,
                    area=area,
                    unit_type=unit_type,
                    status=status,
                    notes=notes,
                )
                return unit.id

            return update
        data = self.building.currentData()
        if data is None:
            raise ValidationError("building", self.tr("Add a building first."))
        building_id = int(data[0])
        entrance = self.entrance.value()
        room = self.room.text()

        def create(session: Session) -> int:
            return reg.create_unit(
                session,
                building_id=building_id,
                entrance=entrance,
                room=room,
                area=area,
                unit_type=unit_type,
                status=status,
            )

        return create


class PersonDialog(RecordDialog):
    """Create or edit a person. Masked values left as shown are not changed."""

    changes = Changes(people=True)

    def __init__(
        self, *, ctx: AppContext, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        title = self.tr("New person") if person_id is None else self.tr("Edit person")
        super().__init__(ctx=ctx, title=title, parent=parent)
        self.person_id = person_id
        self.person: PersonInfo | None = None
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone2 = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.emergency_contact = QLineEdit()
        self.emergency_phone = QLineEdit()
        self.notes = QPlainTextEdit()
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
        self.keys.set_first(self.name)
        if person_id is not None:
            self.load(lambda s: reg.get_person(s, person_id).person, self._fill)

    def _fill(self, p: PersonInfo) -> None:
        self.person = p
        self.name.setText(p.name)
        self.phone.setText(p.phone)
        self.phone2.setText(p.phone2)
        self.id_number.setText(p.id_number)
        self.emergency_contact.setText(p.emergency_contact)
        self.emergency_phone.setText(p.emergency_phone)
        self.notes.setPlainText(p.notes)

    def work(self) -> Work:
        values = {
            "name": self.name.text(),
            "phone": self.phone.text(),
            "phone2": self.phone2.text(),
            "id_number": self.id_number.text(),
            "emergency_contact": self.emergency_contact.text(),
            "emergency_phone": self.emergency_phone.text(),
            "notes": self.notes.toPlainText(),
        }
        if self.person_id is None:
            return lambda session: reg.create_person(session, **values)
        person = _loaded(self.person)

        def update(session: Session) -> int:
            reg.update_person(session, person.id, expected_version=person.version, **values)
            return person.id

        return update


class AddOccupantDialog(RecordDialog):
    """Register a person at a unit with a role from a date: an existing person or a new one."""

    changes = Changes(occupancy=True, people=True, units=True)

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Add occupant"), parent=parent)
        self.unit_id = unit_id
        code = QLabel()
        self.form.addRow(self.tr("Unit"), code)
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
        self.start = date_edit(ctx, occupancy=True)
        self.form.addRow(self.existing)
        self.errors.add_row(self.tr("&Find"), "person", self.find_person)
        self.form.addRow("", self.matches)
        self.form.addRow(self.new)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Phone"), "phone", self.phone)
        self.errors.add_row(self.tr("&Role"), "role", self.role)
        self.errors.add_row(self.tr("Fr&om"), "start_date", self.start)
        self.find_person.textEdited.connect(self._find)
        self.find_person.textEdited.connect(lambda _t: self.existing.setChecked(True))
        self.name.textEdited.connect(lambda _t: self.new.setChecked(True))
        self.matches.clicked.connect(lambda _i: self.existing.setChecked(True))
        self.keys.set_first(self.name)  # a new person is the usual case
        self.load(lambda s: reg.get_unit(s, unit_id).code, code.setText)

    def _find(self, text: str) -> None:
        if text.strip():
            self.people.set_text(text)
        else:
            self.people.set_filter(false())
        if self.people.rowCount():
            self.matches.selectRow(0)

    def work(self) -> Work:
        chosen: int | None = None
        if self.existing.isChecked():
            chosen = self.matches.current_id()
            if chosen is None:
                raise ValidationError("person", self.tr("Choose a person from the list."))
        name, phone = self.name.text(), self.phone.text()
        unit_id = self.unit_id
        role = self.role.currentData()
        start = _pydate(self.start.date())

        def save(session: Session) -> int:
            person_id = chosen
            if person_id is None:
                person_id = reg.create_person(session, name=name, phone=phone)
            return reg.start_occupancy(
                session, person_id=person_id, unit_id=unit_id, role=role, start_date=start
            )

        return save


@dataclass(frozen=True)
class OpenMatters:
    """What a unit still has open when someone moves out: money in fen, and the keys the
    desk holds for it (key custody, as the unit page's keys panel lists them)."""

    overdue_fen: int
    late_fee_fen: int
    not_due_fen: int
    deposits_held_fen: int
    keys_held: int = 0  # keys in custody, not yet handed back
    keys_lent: int = 0  # of those deposits, how many are lent out and not returned

    def __bool__(self) -> bool:
        return any(
            (
                self.overdue_fen,
                self.late_fee_fen,
                self.not_due_fen,
                self.deposits_held_fen,
                self.keys_held,
                self.keys_lent,
            )
        )


def household_stays(session: Session, occupancy: OccupancyInfo) -> bool:
    """Whether the unit's household stays after ``occupancy`` ends: someone else still lives
    there and, when an owner leaves, another owner remains (an ownership change settles the
    unit's matters; a family member moving out does not)."""
    dossier = reg.get_unit_dossier(session, occupancy.unit_id)
    current, _history = split_occupancies(dossier, clock.today(session))
    others = [o for o in current if o.id != occupancy.id]
    if occupancy.role == OccupancyRole.OWNER.value:
        return any(o.role == OccupancyRole.OWNER.value for o in others)
    return bool(others)


def open_matters(session: Session, unit_id: int) -> OpenMatters:
    """The unit's unpaid bills (as its fees panel shows them), the deposits it still holds and
    the keys the desk holds for it (:func:`propdesk.keys.services.unit_deposits`, as the unit
    page's keys panel reads them: not withdrawn; ``on_loan`` when lent out, not returned)."""
    account = unit_arrears(session, unit_id)
    held = sum(
        d.amount_fen - d.refunded_fen - d.deducted_fen
        for d in deposit_rows(session, held_only=True, unit_id=unit_id)
    )
    keys = [k for k in unit_deposits(session, unit_id) if k.withdrawn_at is None]
    return OpenMatters(
        account.owed_fen,
        account.late_fee_fen,
        account.not_due_fen,
        held,
        sum(k.key_count for k in keys),
        sum(1 for k in keys if k.on_loan),
    )


class EndOccupancyDialog(RecordDialog):
    """Move an occupant out: close the occupancy on a date (the record stays in the history).

    The unit's unpaid bills, held deposits and the keys the desk holds for it are read when
    the dialog opens (Save waits for them); when there are any, ``warning`` says so and Save first asks to confirm
    (``confirm_box``, *Back* by default), so Enter alone does not move anyone out past a debt.
    """

    changes = Changes(occupancy=True, units=True)

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
        self.end = date_edit(ctx, occupancy=True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. sold, lease ended"))
        self.errors.add_row(self.tr("&End date"), "end_date", self.end)
        self.errors.add_row(self.tr("&Reason"), "reason", self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Move out"))
        self.warning = error_label("moveout_warning")
        self.layout_.insertWidget(1, self.warning)
        self.matters: OpenMatters | None = None
        self.confirm_box: QMessageBox | None = None
        self.keys.set_first(self.end)

        def check(s: Session) -> OpenMatters:
            # the unit's bills, deposits and keys are the household's: asked about only when
            # the household (or its last owner) leaves, not when one family member does
            if household_stays(s, occupancy):
                return OpenMatters(0, 0, 0, 0)
            return open_matters(s, occupancy.unit_id)

        ctx.query(check, parent=self, action="move-out check").busy(self.ok_button).success(
            self._show_matters
        ).run()

    def _show_matters(self, matters: OpenMatters) -> None:
        self.matters = matters
        if not matters:
            return
        parts = []
        if matters.overdue_fen:
            parts.append(self.tr("overdue ¥{0}").format(yuan(matters.overdue_fen)))
        if matters.late_fee_fen:
            parts.append(self.tr("late fee ¥{0}").format(yuan(matters.late_fee_fen)))
        if matters.not_due_fen:
            parts.append(self.tr("billed, not yet due ¥{0}").format(yuan(matters.not_due_fen)))
        if matters.deposits_held_fen:
            parts.append(self.tr("deposits held ¥{0}").format(yuan(matters.deposits_held_fen)))
        if matters.keys_held:
            parts.append(self.tr("{0} key(s) in the desk's custody").format(matters.keys_held))
        if matters.keys_lent:
            parts.append(self.tr("{0} key(s) lent out, not returned").format(matters.keys_lent))
        self.warning.setText(
            self.tr("This unit still has {0}. Settle them first, or confirm the move-out.").format(
                self.tr(", ").join(parts)
            )
        )
        self.warning.setVisible(True)
        fit_dialog(self.warning)

    def accept(self) -> None:
        """Save; with bills, deposits or keys still open, only after the clerk confirms."""
        if self.confirm_box is not None:
            return  # the question is open
        if not self.matters:
            super().accept()
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), "", parent=self)
        box.setObjectName("moveout_confirm")
        box.setText(
            self.tr("{0}\n\nMove {1} out anyway?").format(
                self.warning.text(), self.occupancy.person_name
            )
        )
        go = box.addButton(self.tr("&Move out anyway"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("&Back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        self.confirm_box = box

        def answered(_result: int) -> None:
            confirmed = box.clickedButton() is go
            self.confirm_box = None
            box.deleteLater()
            if confirmed:
                super(EndOccupancyDialog, self).accept()
            else:
                self.reason.setFocus()

        box.finished.connect(answered)
        box.open()

    def work(self) -> Work:
        occupancy_id = self.occupancy.id
        end = _pydate(self.end.date())
        reason = self.reason.text()

        def save(session: Session) -> int:
            reg.end_occupancy(session, occupancy_id, end_date=end, reason=reason)
            return occupancy_id

        return save


def _loaded(record: T | None) -> T:
    """The record the dialog loaded (Save is disabled until it is there)."""
    if record is None:
        raise ValidationError("", QCoreApplication.translate("RecordDialog", "Still loading…"))
    return record
