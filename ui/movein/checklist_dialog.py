"""The move-in checklist window: open a new one or resume a saved one, save it half-done,
complete it (which starts the occupancy) and print the notice and handover form.

Every database action runs as an operation on the database worker; the window deletes itself
when closed (Esc, Close or its title bar), so the list opens a fresh one each time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.errors import DomainError, ValidationError
from propdesk.fees.arrears import UnitArrears, unit_arrears
from propdesk.fees.money import yuan
from propdesk.movein import checklist
from propdesk.movein.values import KEY_TYPES, MoveInForm, MoveInInfo
from propdesk.registry.models import OCCUPANCY_ROLE_ZH, OccupancyRole
from ui.common.forms import FormErrors
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.movein.printing import print_handover, print_notice
from ui.movein.readings import parse_reading, show_reading
from ui.renovation.widgets import (
    date_edit,
    desk_today,
    from_qdate,
    named,
    show_in_form,
    to_qdate,
)

CHANGES = Changes(movein=True, occupancy=True, units=True, people=True, fees=True)


class MoveInDialog(QDialog):
    """One move-in checklist. ``movein_id`` None opens a new one (unit and occupant first).

    Signals:
        saved(int): the checklist was saved (or completed); its id.

    Attributes:
        unit, person_name, person_phone, role (new only); planned, documents, documents_note,
        fees, arrears_label, water, electricity, key_spins, cards, parking, parking_note,
        signed, signed_on, notes; missing (what is still missing); save_button,
        complete_button, notice_button, handover_button; errors; info (the saved state).
    """

    saved = Signal(int)

    def __init__(
        self, *, ctx: AppContext, movein_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.movein_id = movein_id
        self.info: MoveInInfo | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("movein_window")
        self.setWindowTitle(self.tr("Move-in checklist"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.unit = UnitPicker(ctx=ctx)
        self.person_name = named(QLineEdit(), "person_name")
        self.person_phone = named(QLineEdit(), "person_phone")
        self.role = named(QComboBox(), "role")
        for r in OccupancyRole:
            self.role.addItem(OCCUPANCY_ROLE_ZH[r], r.value)
        self.header = named(QLabel(), "movein_header")
        self.planned = date_edit(desk_today(), object_name="planned_on")
        self.documents = named(QCheckBox(self.tr("Documents checked")), "documents_checked")
        self.documents_note = named(QLineEdit(), "documents_note")
        self.fees = named(QCheckBox(self.tr("Fees settled")), "fees_settled")
        self.arrears_label = named(QLabel(), "arrears")
        self.water = named(QLineEdit(), "water_reading")
        self.electricity = named(QLineEdit(), "electricity_reading")
        keys_box = QWidget()
        grid = QGridLayout(keys_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.key_spins: dict[str, QSpinBox] = {}
        for i, key_type in enumerate(KEY_TYPES):
            spin = named(QSpinBox(), f"keys_{i}")
            spin.setRange(0, 20)
            grid.addWidget(QLabel(key_type), i // 3, (i % 3) * 2)
            grid.addWidget(spin, i // 3, (i % 3) * 2 + 1)
            self.key_spins[key_type] = spin
        self.cards = named(QLineEdit(), "card_numbers")
        self.cards.setPlaceholderText(self.tr("Card numbers, separated by commas"))
        self.parking = named(QCheckBox(self.tr("Parking applied for")), "parking_requested")
        self.parking_note = named(QLineEdit(), "parking_note")
        self.signed = named(QCheckBox(self.tr("Signed")), "signed")
        self.signed_on = date_edit(desk_today(), object_name="signed_on")
        self.signed_on.setEnabled(False)
        self.signed.toggled.connect(self.signed_on.setEnabled)
        signed_row = QWidget()
        sr = QHBoxLayout(signed_row)
        sr.setContentsMargins(0, 0, 0, 0)
        sr.addWidget(self.signed)
        sr.addWidget(self.signed_on, 1)
        self.notes = named(QLineEdit(), "notes")
        e = self.errors
        if movein_id is None:
            e.add_row(self.tr("Unit"), "unit_id", self.unit)
            e.add_row(self.tr("New occupant"), "person_name", self.person_name)
            e.add_row(self.tr("Phone"), "person_phone", self.person_phone)
            e.add_row(self.tr("As"), "role", self.role)
        else:
            e.add_row(self.tr("Unit / occupant"), "header", self.header)
        e.add_row(self.tr("Move-in date"), "planned_on", self.planned)
        e.add_row("", "documents_checked", self.documents)
        e.add_row(self.tr("Documents note"), "documents_note", self.documents_note)
        e.add_row("", "fees_settled", self.fees)
        e.add_row(self.tr("Unit account"), "arrears", self.arrears_label)
        e.add_row(self.tr("Water meter (m³)"), "water_reading", self.water)
        e.add_row(self.tr("Electricity meter (kWh)"), "electricity_reading", self.electricity)
        e.add_row(self.tr("Keys handed over"), "keys", keys_box)
        e.add_row(self.tr("Access cards"), "card_numbers", self.cards)
        e.add_row("", "parking_requested", self.parking)
        e.add_row(self.tr("Parking note"), "parking_note", self.parking_note)
        e.add_row(self.tr("Signature"), "signed_on", signed_row)
        e.add_row(self.tr("Notes"), "notes", self.notes)
        self.missing = named(QLabel(), "missing")
        self.missing.setWordWrap(True)
        self.save_button = named(QPushButton(self.tr("Save (Ctrl+S)")), "save")
        self.complete_button = named(QPushButton(self.tr("Complete move-in")), "complete")
        self.notice_button = named(QPushButton(self.tr("Print notice")), "print_notice")
        self.handover_button = named(QPushButton(self.tr("Print handover form")), "print_handover")
        self.close_button = close = named(QPushButton(self.tr("Close")), "close_movein")
        close.setAutoDefault(False)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.complete_button, self.notice_button, self.handover_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.complete_button.clicked.connect(lambda: self.complete())
        self.notice_button.clicked.connect(lambda: self._print(print_notice))
        self.handover_button.clicked.connect(lambda: self._print(print_handover))
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save())
        self.unit.picked.connect(self._unit_picked)
        if movein_id is not None:
            self.load(movein_id)
        else:
            self._update_state()

    # --- form <-> values ------------------------------------------------------------

    def form_value(self) -> MoveInForm:
        keys = tuple((t, s.value()) for t, s in self.key_spins.items() if s.value() > 0)
        return MoveInForm(
            planned_on=from_qdate(self.planned.date()),
            documents_checked=self.documents.isChecked(),
            documents_note=self.documents_note.text(),
            fees_settled=self.fees.isChecked(),
            water_reading_centi=parse_reading(self.water.text(), "water_reading"),
            electricity_reading_centi=parse_reading(self.electricity.text(), "electricity_reading"),
            keys=keys,
            card_numbers=self.cards.text(),
            parking_requested=self.parking.isChecked(),
            parking_note=self.parking_note.text(),
            signed_on=from_qdate(self.signed_on.date()) if self.signed.isChecked() else None,
            notes=self.notes.text(),
        )

    def load(self, movein_id: int, then: Callable[[], None] | None = None) -> None:
        """Read the checklist (on the database worker) and show it; then call ``then``."""

        def loaded(info: MoveInInfo) -> None:
            if isValid(self):
                self._show(info)
                if then is not None:
                    then()

        self.ctx.query(lambda s: checklist.get_movein(s, movein_id), parent=self).success(
            loaded
        ).run()

    def _show(self, info: MoveInInfo) -> None:
        self.info = info
        self.movein_id = info.id
        f = info.form
        role = OCCUPANCY_ROLE_ZH.get(OccupancyRole(info.role), info.role)
        self.header.setText(f"{info.unit_code}　{info.person_name}（{role}）{info.person_phone}")
        self.planned.setDate(to_qdate(f.planned_on))
        self.documents.setChecked(f.documents_checked)
        self.documents_note.setText(f.documents_note)
        self.fees.setChecked(f.fees_settled)
        self.water.setText(show_reading(f.water_reading_centi))
        self.electricity.setText(show_reading(f.electricity_reading_centi))
        given = dict(f.keys)
        for t, spin in self.key_spins.items():
            spin.setValue(given.get(t, 0))
        self.cards.setText(f.card_numbers)
        self.parking.setChecked(f.parking_requested)
        self.parking_note.setText(f.parking_note)
        self.signed.setChecked(f.signed_on is not None)
        self.signed_on.setDate(to_qdate(f.signed_on or desk_today()))
        self.notes.setText(f.notes)
        self._show_arrears(info.unit_id)
        self._update_state()

    def _unit_picked(self, unit_id: int) -> None:
        self._show_arrears(unit_id)
        self.person_name.setFocus()

    def _show_arrears(self, unit_id: int) -> None:
        def refused(exc: BaseException) -> bool:
            if isinstance(exc, DomainError) and isValid(self):
                self.arrears_label.setText(exc.message)
                return True
            return False

        self.ctx.query(lambda s: unit_arrears(s, unit_id), parent=self).success(
            self._arrears
        ).failure(refused).run()

    def _arrears(self, arrears: UnitArrears) -> None:
        if not isValid(self):
            return
        if arrears.owed_fen:
            self.arrears_label.setText(
                self.tr("Owes %1 yuan").replace("%1", yuan(arrears.owed_fen))
            )
            self.arrears_label.setStyleSheet("color: #b00020;")
        else:
            self.arrears_label.setText(self.tr("Nothing overdue"))
            self.arrears_label.setStyleSheet("")

    def _update_state(self) -> None:
        info = self.info
        draft = info is None or info.status == "draft"
        for w in (self.save_button, self.complete_button):
            w.setEnabled(draft)
        self.notice_button.setEnabled(info is not None)
        self.handover_button.setEnabled(info is not None)
        if info is None:
            self.missing.setText(self.tr("Choose the unit and the new occupant, then save."))
        elif info.status == "completed":
            self.missing.setText(self.tr("Moved in: the occupancy has started."))
        elif info.status == "cancelled":
            self.missing.setText(self.tr("This move-in was cancelled."))
        elif info.missing:
            self.missing.setText(
                self.tr("Still missing: %1").replace("%1", "、".join(info.missing))
            )
        else:
            self.missing.setText(self.tr("All mandatory items are done: complete the move-in."))

    # --- actions -------------------------------------------------------------------

    def save(self, then: Callable[[int], None] | None = None) -> None:
        """Save what is filled in (half-done is fine), on the database worker.

        Once saved and shown again, ``saved`` is emitted and ``then(movein_id)`` called.
        """
        try:
            work = self._save_work()
        except ValidationError as exc:  # the form's own input, before any database work
            self.errors.show(exc)
            return
        self.errors.clear()
        self._busy()
        self.ctx.op(work, changes=CHANGES, parent=self, action="save move-in").failure(
            show_in_form(self.errors)
        ).success(lambda mid: self._saved(int(mid), then)).finally_(self._idle).run()

    def _save_work(self) -> Callable[[Session], int]:
        form = self.form_value()
        info = self.info
        if info is not None:

            def save(s: Session) -> int:
                checklist.save_movein(s, info.id, form, expected_version=info.version)
                return info.id

            return save
        if self.unit.unit_id is None:
            raise ValidationError("unit_id", self.tr("Choose the unit first."))
        unit_id, role = self.unit.unit_id, self.role.currentData()
        name, phone = self.person_name.text(), self.person_phone.text()

        def create(s: Session) -> int:
            person = checklist.find_or_create_person(s, name=name, phone=phone)
            return checklist.open_movein(s, unit_id=unit_id, person_id=person, role=role, form=form)

        return create

    def _saved(self, movein_id: int, then: Callable[[int], None] | None) -> None:
        if not isValid(self):
            return
        if self.info is None:
            # the unit and occupant are fixed once saved: show them as the header instead
            for editor in (self.unit, self.person_name, self.person_phone, self.role):
                editor.setEnabled(False)

        def shown() -> None:
            self.saved.emit(movein_id)
            if then is not None:
                then(movein_id)

        self.load(movein_id, then=shown)

    def complete(self) -> None:
        """Save, then complete (refused with the list of missing items)."""
        self.save(then=self._complete)

    def _complete(self, movein_id: int) -> None:
        info = self.info
        assert info is not None
        op = self.ctx.op(
            lambda s: checklist.complete_movein(s, info.id, expected_version=info.version),
            changes=CHANGES,
            parent=self,
            action="complete move-in",
        )
        self._busy()
        op.failure(show_in_form(self.errors)).success(
            lambda _occ: self.load(movein_id, then=lambda: self.saved.emit(movein_id))
        ).finally_(self._idle).run()

    def _busy(self) -> None:
        """No second save or completion while one runs."""
        self.save_button.setEnabled(False)
        self.complete_button.setEnabled(False)

    def _idle(self) -> None:
        if isValid(self):
            self._update_state()

    def _print(self, fn: Callable[[AppContext, int, QWidget | None], None]) -> None:
        if self.info is not None:
            fn(self.ctx, self.info.id, self)
