"""Moving appointments of a day: book, cancel, print the guards' list."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.movein import moving
from propdesk.movein.values import MOVING_SLOTS, Appointment
from ui.context import AppContext
from ui.desk.unit_picker import UnitPicker
from ui.movein.printing import print_guards_list
from ui.renovation.widgets import (
    ListModel,
    ServiceDialog,
    StaleGuard,
    Work,
    date_edit,
    desk_today,
    from_qdate,
    named,
)

CHANGES = Changes(movein=True)


class BookingDialog(ServiceDialog):
    """Book a moving slot (the entrance's elevator)."""

    changes = CHANGES

    def __init__(self, *, ctx: AppContext, day: date, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, title=self.tr("Book a move"), parent=parent)
        self.unit = UnitPicker(ctx=ctx)
        self.day = date_edit(day, object_name="day")
        self.slot = named(QComboBox(), "slot")
        self.slot.addItems(MOVING_SLOTS)
        self.direction = named(QComboBox(), "direction")
        self.direction.addItem(self.tr("Moving in"), "in")
        self.direction.addItem(self.tr("Moving out"), "out")
        self.contact = named(QLineEdit(), "contact_name")
        self.phone = named(QLineEdit(), "contact_phone")
        self.company = named(QLineEdit(), "mover_company")
        self.plate = named(QLineEdit(), "vehicle_plate")
        e = self.errors
        e.add_row(self.tr("Unit"), "unit_id", self.unit)
        e.add_row(self.tr("Date"), "day", self.day)
        e.add_row(self.tr("Slot"), "slot", self.slot)
        e.add_row(self.tr("Direction"), "direction", self.direction)
        e.add_row(self.tr("Contact"), "contact_name", self.contact)
        e.add_row(self.tr("Phone"), "contact_phone", self.phone)
        e.add_row(self.tr("Moving company"), "mover_company", self.company)
        e.add_row(self.tr("Vehicle plate"), "vehicle_plate", self.plate)
        self.unit.picked.connect(self._picked)

    def _picked(self, _uid: int) -> None:
        if self.unit.person_name and not self.contact.text():
            self.contact.setText(self.unit.person_name)
        self.slot.setFocus()

    def action(self) -> Work:
        unit_id = self.unit.unit_id
        if unit_id is None:
            raise ValidationError("unit_id", self.tr("Choose the unit first."))
        day, slot = from_qdate(self.day.date()), self.slot.currentText()
        direction = str(self.direction.currentData())
        contact, phone = self.contact.text(), self.phone.text()
        company, plate = self.company.text(), self.plate.text()

        def book(s: Session) -> int:
            return moving.book_moving(
                s,
                unit_id=unit_id,
                day=day,
                slot=slot,
                direction=direction,
                contact_name=contact,
                contact_phone=phone,
                mover_company=company,
                vehicle_plate=plate,
            )

        return book


class MovingTab(QWidget):
    """The day's bookings.

    Attributes:
        day, model, table, book_button, cancel_button, print_button, dialog.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: BookingDialog | None = None
        self.day = date_edit(desk_today(), object_name="moving_day")
        self.model: ListModel[Appointment] = ListModel(
            [
                (self.tr("Slot"), lambda a: a.slot),
                (self.tr("Unit"), lambda a: a.unit_code),
                (
                    self.tr("Direction"),
                    lambda a: self.tr("in") if a.direction == "in" else self.tr("out"),
                ),
                (self.tr("Elevator"), lambda a: a.elevator),
                (self.tr("Contact"), lambda a: f"{a.contact_name} {a.contact_phone}".strip()),
                (
                    self.tr("Moving company"),
                    lambda a: " ".join(x for x in (a.mover_company, a.vehicle_plate) if x),
                ),
            ],
            parent=self,
        )
        self.table = named(QTableView(), "moving_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.book_button = named(QPushButton(self.tr("Book a move…")), "book")
        self.cancel_button = named(QPushButton(self.tr("Cancel booking")), "cancel_booking")
        self.print_button = named(QPushButton(self.tr("Print guards' list")), "print_list")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day)
        prev_day = QPushButton("◀")
        next_day = QPushButton("▶")
        prev_day.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        next_day.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(1)))
        top.addWidget(prev_day)
        top.addWidget(next_day)
        top.addStretch(1)
        top.addWidget(self.book_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.book_button.clicked.connect(self.book)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(
            lambda: print_guards_list(ctx, from_qdate(self.day.date()), self)
        )
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._hub_changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _hub_changed(self, changes: Changes) -> None:
        if changes.movein:
            self._stale.changed()

    def refresh(self) -> None:
        """Reload the day's bookings (on the database worker)."""
        day = from_qdate(self.day.date())
        self.ctx.query(lambda s: moving.appointments_on(s, day), parent=self).success(
            self.model.set_rows
        ).run()

    def book(self) -> None:
        day = from_qdate(self.day.date())
        self.dialog = BookingDialog(ctx=self.ctx, day=max(day, desk_today()), parent=self)
        self.dialog.open()

    def cancel(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        appt = self.model.item(index.row())
        self.ctx.op(
            lambda s: moving.cancel_moving(s, appt.id),
            changes=CHANGES,
            parent=self,
            action="cancel moving booking",
        ).busy(self.cancel_button).run()
