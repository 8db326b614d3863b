"""Parcels held at the desk (快递代收) and the visitor register (访客登记), one tab each.

Parcels: the receive form (carrier, tracking number, unit, recipient, phone, shelf; Enter
in the tracking number receives), a filter (waiting / held too long / all) with a search
on tracking number or unit, and "Notified" / "Collected by …" for the chosen parcel.
Visitors: the sign-in form and "Left" for the chosen visitor; today's and those inside.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, or_
from sqlalchemy.orm import Session

from propdesk.db.types import utcnow
from propdesk.desk import parcels
from propdesk.desk.models import Parcel
from propdesk.desk.parcels import long_held_condition
from propdesk.errors import DomainError
from propdesk.registry.models import Unit
from ui.common.forms import FormErrors, attempt
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.models import ParcelModel, VisitorModel, recent_visitors_condition
from ui.desk.unit_picker import UnitPicker
from ui.events import Changes

CARRIERS = ("顺丰", "中通", "圆通", "韵达", "申通", "京东", "邮政EMS", "极兔")


class ParcelsTab(QWidget):
    """Receive, list, notify and hand over parcels.

    Attributes:
        carrier, tracking, unit, recipient, phone, shelf, receive_button: the form;
        show: waiting / long-held / all; search; model / table; collector; notify_button,
        collect_button; summary: "N waiting, M held too long".
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.carrier = QComboBox(objectName="parcel_carrier")
        self.carrier.setEditable(True)
        self.carrier.addItems(CARRIERS)
        self.tracking = QLineEdit(objectName="parcel_tracking")
        self.tracking.setPlaceholderText(self.tr("Scan or type; Enter receives"))
        self.unit = UnitPicker(ctx=ctx, parent=self)
        self.recipient = QLineEdit(objectName="parcel_recipient")
        self.phone = QLineEdit(objectName="parcel_phone")
        self.shelf = QLineEdit(objectName="parcel_shelf")
        self.shelf.setMaximumWidth(80)
        self.receive_button = QPushButton(self.tr("&Receive"), objectName="receive_parcel")
        form = QFormLayout()
        self.errors = FormErrors(form)
        row1 = QWidget()
        r1 = QHBoxLayout(row1)
        r1.setContentsMargins(0, 0, 0, 0)
        r1.addWidget(self.carrier)
        r1.addWidget(self.tracking, 1)
        self.errors.add_row(self.tr("&Carrier / tracking no."), "tracking_no", row1)
        self.errors.add_row(self.tr("&Unit"), "unit_id", self.unit)
        row3 = QWidget()
        r3 = QHBoxLayout(row3)
        r3.setContentsMargins(0, 0, 0, 0)
        r3.addWidget(self.recipient, 1)
        r3.addWidget(QLabel(self.tr("Phone")))
        r3.addWidget(self.phone, 1)
        r3.addWidget(QLabel(self.tr("Shelf")))
        r3.addWidget(self.shelf)
        r3.addWidget(self.receive_button)
        self.errors.add_row(self.tr("Reci&pient"), "recipient", row3)

        self.show_filter = QComboBox(objectName="parcel_filter")
        self.show_filter.addItem(self.tr("Waiting"), "waiting")
        self.show_filter.addItem(self.tr("Held too long"), "long")
        self.show_filter.addItem(self.tr("All"), "all")
        self.search = QLineEdit(objectName="parcel_search")
        self.search.setPlaceholderText(self.tr("Tracking no. or unit"))
        self.search.setClearButtonEnabled(True)
        self.summary = QLabel(objectName="parcel_summary")
        self.model = ParcelModel(ctx=ctx, parent=self)
        self.table = RecordTableView(self)
        self.table.setObjectName("parcel_table")
        self.table.setModel(self.model)
        for col, width in ((0, 90), (1, 60), (2, 130), (3, 80), (4, 80), (5, 100), (6, 50)):
            self.table.setColumnWidth(col, width)
        self.notify_button = QPushButton(self.tr("&Notified"), objectName="parcel_notified")
        self.collector = QLineEdit(objectName="parcel_collector")
        self.collector.setPlaceholderText(self.tr("Collected by (name)"))
        self.collect_button = QPushButton(self.tr("Co&llected"), objectName="parcel_collect")
        self.return_button = QPushButton(
            self.tr("Re&turned to carrier"), objectName="parcel_return"
        )
        self.return_button.setToolTip(self.tr("Give the parcel back; the name field says to whom"))
        self.action_error = QLabel(objectName="parcel_action_error")
        self.action_error.setStyleSheet("color: #b00020;")

        filters = QHBoxLayout()
        filters.addWidget(self.show_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.summary, 2)
        actions = QHBoxLayout()
        actions.addWidget(self.action_error, 1)
        actions.addWidget(self.notify_button)
        actions.addWidget(self.collector)
        actions.addWidget(self.collect_button)
        actions.addWidget(self.return_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.tracking.returnPressed.connect(self.receive)
        self.shelf.returnPressed.connect(self.receive)
        self.receive_button.clicked.connect(self.receive)
        self.show_filter.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.notify_button.clicked.connect(self.notified)
        self.collector.returnPressed.connect(self.collect)
        self.collect_button.clicked.connect(self.collect)
        self.return_button.clicked.connect(self.return_to_carrier)
        self.table.opened.connect(self._opened)
        self.unit.picked.connect(self._unit_picked)
        self.apply_filter()

    def _unit_picked(self, _unit_id: int) -> None:
        if not self.recipient.text():
            self.recipient.setText(self.unit.person_name)
        self.shelf.setFocus()

    def conditions(self) -> list[ColumnElement[bool]]:
        mode = self.show_filter.currentData()
        conds: list[ColumnElement[bool]] = []
        if mode == "waiting":
            conds.append(Parcel.status == "waiting")
        elif mode == "long":
            conds.append(long_held_condition(self.model.cutoff))
        text = self.search.text().strip()
        if text:
            conds.append(
                or_(
                    Parcel.tracking_no.contains(text, autoescape=True),
                    Unit.code.startswith(text, autoescape=True),
                    Parcel.recipient.contains(text, autoescape=True),
                )
            )
        return conds

    def apply_filter(self) -> None:
        self.model.reload()
        self.model.set_conditions(self.conditions())
        waiting, long_held = self.ctx.read(lambda s: parcels.count_waiting(s))
        self.summary.setText(
            self.tr("%1 waiting, %2 held too long")
            .replace("%1", str(waiting))
            .replace("%2", str(long_held))
        )

    def receive(self) -> None:
        """Register the parcel typed in the form; the form keeps carrier and shelf."""
        values = {
            "carrier": self.carrier.currentText(),
            "tracking_no": self.tracking.text(),
            "unit_id": self.unit.unit_id,
            "recipient": self.recipient.text(),
            "recipient_phone": self.phone.text(),
            "shelf": self.shelf.text(),
        }
        ok, _ = attempt(
            self.errors,
            lambda: self.ctx.write(lambda s: parcels.receive_parcel(s, **values), "parcels"),
        )
        if not ok:
            return
        self.tracking.clear()
        self.recipient.clear()
        self.phone.clear()
        self.unit.clear_choice()
        self.tracking.setFocus()

    def notified(self) -> None:
        parcel_id = self.table.current_id()
        if parcel_id is None:
            return
        self._act(lambda s: parcels.mark_notified(s, parcel_id))

    def collect(self) -> None:
        """Hand the chosen parcel to the person named in "Collected by"."""
        parcel_id = self.table.current_id()
        if parcel_id is None:
            self.action_error.setText(self.tr("Choose a parcel first."))
            return
        who = self.collector.text()
        if self._act(lambda s: parcels.collect_parcel(s, parcel_id, collected_by=who)):
            self.collector.clear()

    def return_to_carrier(self) -> None:
        """Give the chosen parcel back to the carrier (the name field says to whom)."""
        parcel_id = self.table.current_id()
        if parcel_id is None:
            self.action_error.setText(self.tr("Choose a parcel first."))
            return
        who = self.collector.text()
        if self._act(lambda s: parcels.return_parcel(s, parcel_id, note=who)):
            self.collector.clear()

    def _act(self, fn: Callable[[Session], None]) -> bool:
        try:
            self.ctx.write(fn, "parcels")
        except DomainError as exc:
            self.action_error.setText(str(exc))
            return False
        self.action_error.clear()
        return True

    def _opened(self, parcel_id: int) -> None:
        row = self.model.find_row(parcel_id)
        if row >= 0:
            self.collector.setText(self.model.row(row)._c4 or "")
            self.collector.setFocus()


class VisitorsTab(QWidget):
    """Sign visitors in and out.

    Attributes:
        name, phone, unit, purpose, people, sign_in_button: the form; model / table: today's
        visitors and all still inside; left_button.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit(objectName="visitor_name")
        self.phone = QLineEdit(objectName="visitor_phone")
        self.unit = UnitPicker(ctx=ctx, parent=self)
        self.purpose = QComboBox(objectName="visitor_purpose")
        self.purpose.setEditable(True)
        self.purpose.addItems(["探亲访友", "送货上门", "家政保洁", "装修量房", "维修家电", "看房"])
        self.purpose.setCurrentIndex(-1)
        self.people = QSpinBox(objectName="visitor_people")
        self.people.setRange(1, 50)
        self.sign_in_button = QPushButton(self.tr("Sign &in"), objectName="visitor_in")
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("P&hone"), "phone", self.phone)
        self.errors.add_row(self.tr("&Visiting unit"), "unit_id", self.unit)
        self.errors.add_row(self.tr("P&urpose"), "purpose", self.purpose)
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.people)
        rl.addStretch(1)
        rl.addWidget(self.sign_in_button)
        self.errors.add_row(self.tr("People"), "people", row)
        self.model = VisitorModel(ctx=ctx, parent=self)
        self.table = RecordTableView(self)
        self.table.setObjectName("visitor_table")
        self.table.setModel(self.model)
        self.left_button = QPushButton(self.tr("&Left"), objectName="visitor_out")
        self.action_error = QLabel()
        self.action_error.setStyleSheet("color: #b00020;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(
            QLabel(self.tr("Visitors of the last 24 hours and those still inside (blue)"))
        )
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.action_error, 1)
        bottom.addWidget(self.left_button)
        layout.addLayout(bottom)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.left_button.clicked.connect(self.left)
        self.reload()

    def reload(self) -> None:
        self.model.set_conditions([recent_visitors_condition(utcnow())])

    def sign_in(self) -> None:
        values = {
            "name": self.name.text(),
            "phone": self.phone.text(),
            "unit_id": self.unit.unit_id,
            "purpose": self.purpose.currentText(),
            "people": self.people.value(),
        }
        ok, _ = attempt(
            self.errors,
            lambda: self.ctx.write(lambda s: parcels.register_visitor(s, **values), "visitors"),
        )
        if ok:
            self.name.clear()
            self.phone.clear()
            self.unit.clear_choice()
            self.purpose.setCurrentIndex(-1)
            self.people.setValue(1)
            self.name.setFocus()

    def left(self) -> None:
        visitor_id = self.table.current_id()
        if visitor_id is None:
            return
        try:
            self.ctx.write(lambda s: parcels.visitor_left(s, visitor_id), "visitors")
        except DomainError as exc:
            self.action_error.setText(str(exc))
            return
        self.action_error.clear()


class ParcelsVisitorsPage(QWidget):
    """Parcels and visitors tabs (F3 receives a parcel, F4 signs a visitor in)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.parcels = ParcelsTab(ctx=ctx, parent=self)
        self.visitors = VisitorsTab(ctx=ctx, parent=self)
        self.tabs.addTab(self.parcels, self.tr("&Parcels"))
        self.tabs.addTab(self.visitors, self.tr("&Visitors"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence("F3"), self, self._parcel_form)
        QShortcut(QKeySequence("F4"), self, self._visitor_form)
        ctx.hub.changed.connect(self._on_changed)

    def show_parcels(self, mode: str = "waiting") -> None:
        """Switch to the parcels tab showing ``mode`` (a value of its show filter, e.g.
        ``"waiting"``), with the search cleared."""
        self.tabs.setCurrentWidget(self.parcels)
        tab = self.parcels
        index = tab.show_filter.findData(mode)
        if index < 0:
            raise ValueError(mode)
        for w in (tab.search, tab.show_filter):
            w.blockSignals(True)
        tab.search.clear()
        tab.show_filter.setCurrentIndex(index)
        for w in (tab.search, tab.show_filter):
            w.blockSignals(False)
        tab.apply_filter()

    def _parcel_form(self) -> None:
        self.tabs.setCurrentWidget(self.parcels)
        self.parcels.tracking.setFocus()

    def _visitor_form(self) -> None:
        self.tabs.setCurrentWidget(self.visitors)
        self.visitors.name.setFocus()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("parcels", "settings", "units"):
            self.parcels.apply_filter()
        if changes.any("visitors", "units"):
            self.visitors.reload()
