"""Parcels held at the desk (快递代收) and the visitor register (访客登记), one tab each.

Parcels, by keyboard: F3 puts the cursor in the receive form (carrier, tracking number,
unit, recipient, phone, shelf; Enter in the tracking number receives). To hand parcels out,
scan or type a tracking number or a unit in "Find" (Ctrl+F) and press Enter: the matching
waiting parcels are selected in the list; Shift+Up/Down or Ctrl+A change the selection;
Enter in the list hands every selected parcel out at once. "Collected by" defaults to each
parcel's recipient. The days in storage stop counting at pickup.
Visitors: the sign-in form and "Left" for the chosen visitor; today's and those inside.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from sqlalchemy import ColumnElement, false, or_
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.desk import parcels
from propdesk.desk.models import Parcel
from propdesk.desk.parcels import long_held_condition, long_held_cutoff
from propdesk.desk.rules import recent_visitors_condition
from propdesk.desk.values import ParcelStatus
from propdesk.registry.models import Unit
from ui.common.forms import FormErrors
from ui.common.naming import named
from ui.common.record_context import RecordUnit, unit_of_record
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk.feedback import in_form, in_label
from ui.desk.models import ParcelModel, VisitorModel
from ui.desk.requests import ParcelsRequest
from ui.desk.unit_picker import UnitPicker
from ui.navigation import ForRecord

CARRIERS = ("顺丰", "中通", "圆通", "韵达", "申通", "京东", "邮政EMS", "极兔")


@dataclass(frozen=True)
class ParcelFigures:
    """What the parcel list needs from the database besides its rows."""

    today: date
    cutoff: datetime
    waiting: int
    long_held: int


def _unit_code(unit_id: int) -> Callable[[Session], str]:
    def read(session: Session) -> str:
        unit = session.get(Unit, unit_id)
        return unit.code if unit is not None else ""

    return read


def parcel_figures(session: Session) -> ParcelFigures:
    today = clock.today(session)
    waiting, long_held = parcels.count_waiting(session, today=today)
    return ParcelFigures(today, long_held_cutoff(session, today), waiting, long_held)


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
        self._stale = True
        self.carrier = named(QComboBox(), "parcel_carrier")
        self.carrier.setEditable(True)
        self.carrier.addItems(CARRIERS)
        self.tracking = named(QLineEdit(), "parcel_tracking")
        self.tracking.setPlaceholderText(self.tr("Scan or type; Enter receives"))
        self.unit = UnitPicker(ctx=ctx, parent=self)
        self.recipient = named(QLineEdit(), "parcel_recipient")
        self.phone = named(QLineEdit(), "parcel_phone")
        self.shelf = named(QLineEdit(), "parcel_shelf")
        self.shelf.setMaximumWidth(80)
        self.receive_button = named(QPushButton(self.tr("&Receive")), "receive_parcel")
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
        self.errors.add_row(self.tr("R&ecipient"), "recipient", row3)

        self.show_filter = named(QComboBox(), "parcel_filter")
        self.show_filter.addItem(self.tr("Waiting"), "waiting")
        self.show_filter.addItem(self.tr("Held too long"), "long")
        self.show_filter.addItem(self.tr("All"), "all")
        self.search = named(QLineEdit(), "parcel_search")
        self.search.setPlaceholderText(
            self.tr("Scan or type a tracking no. or unit; Enter selects them (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.summary = named(QLabel(), "parcel_summary")
        self.model = ParcelModel(ctx=ctx, conditions=[Parcel.id < 0], parent=self)
        self.table = RecordTableView(self)
        self.table.setObjectName("parcel_table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for col, width in ((0, 90), (1, 60), (2, 130), (3, 80), (4, 80), (5, 100), (6, 50)):
            self.table.setColumnWidth(col, width)
        self.notify_button = named(QPushButton(self.tr("&Notified")), "parcel_notified")
        self.collector = named(QLineEdit(), "parcel_collector")
        self.collector.setPlaceholderText(self.tr("Collected by (empty: the recipient)"))
        self.collect_button = named(QPushButton(self.tr("Co&llected")), "parcel_collect")
        self.return_button = named(QPushButton(self.tr("Re&turned to carrier")), "parcel_return")
        self.return_button.setToolTip(self.tr("Give the parcel back; the name field says to whom"))
        self.action_error = named(QLabel(), "parcel_action_error")
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
        chain: list[QWidget] = [
            self.carrier,
            self.tracking,
            self.unit,
            self.recipient,
            self.phone,
            self.shelf,
            self.receive_button,
            self.show_filter,
            self.search,
            self.table,
            self.collector,
            self.collect_button,
            self.notify_button,
            self.return_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)  # the form first, then the list

        self.tracking.returnPressed.connect(self.receive)
        self.shelf.returnPressed.connect(self.receive)
        self.receive_button.clicked.connect(self.receive)
        self.show_filter.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self.select_found)
        hand_out = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.collect)
        hand_out.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.collect)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.notify_button.clicked.connect(self.notified)
        self.collector.returnPressed.connect(self.collect)
        self.collect_button.clicked.connect(self.collect)
        self.return_button.clicked.connect(self.return_to_carrier)
        self.table.opened.connect(self._opened)
        self.unit.picked.connect(self._unit_picked)
        ctx.hub.changed.connect(self._on_changed)

    def _unit_picked(self, _unit_id: int) -> None:
        if not self.recipient.text():
            self.recipient.setText(self.unit.person_name)
        self.shelf.setFocus()

    def conditions(self, cutoff: datetime) -> list[ColumnElement[bool]]:
        mode = self.show_filter.currentData()
        conds: list[ColumnElement[bool]] = []
        if mode == "waiting":
            conds.append(Parcel.status == ParcelStatus.WAITING)
        elif mode == "long":
            conds.append(long_held_condition(cutoff))
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

    def apply_request(self, request: ParcelsRequest) -> None:
        """Show ``request.show`` with ``request.search`` (one reload)."""
        index = self.show_filter.findData(request.show)
        if index < 0:
            raise ValueError(request.show)
        for w in (self.search, self.show_filter):
            w.blockSignals(True)
        self.search.setText(request.search)
        self.show_filter.setCurrentIndex(index)
        for w in (self.search, self.show_filter):
            w.blockSignals(False)
        self.apply_filter()

    def select_found(self) -> None:
        """Enter in "Find": select every waiting parcel the list shows and go to the list,
        where Enter hands them out. The list reloads on the worker: the selection is made when
        the reloaded rows are shown (selecting before would be wiped by the reload)."""
        self._stale = False

        def shown(figures: ParcelFigures) -> None:
            self._show_figures(figures)
            self._select_shown()

        # Its own reload: reloads queued earlier (one per typed character) finish before it
        # on the single worker, so none of them wipes the selection afterwards.
        self.ctx.query(parcel_figures, parent=self, action="find parcels").success(shown).run()

    def _select_shown(self) -> None:
        rows = self.model.rowCount()
        if not rows:
            self.action_error.setText(self.tr("No parcel matches."))
            return
        self.action_error.clear()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.selectAll()

    def selected_ids(self) -> list[int]:
        """The ids of the selected parcels (the current one when nothing is selected)."""
        selection = self.table.selectionModel()
        rows = sorted({i.row() for i in selection.selectedRows()}) if selection else []
        ids = [self.model.row_id(r) for r in rows]
        if not ids:
            current = self.table.current_id()
            ids = [current] if current is not None else []
        return ids

    def apply_filter(self) -> None:
        """Reload the list with the filter, today's date and the hold-days setting."""
        self._stale = False
        self.ctx.query(parcel_figures, parent=self, action="list parcels").success(
            self._show_figures
        ).run()

    def _show_figures(self, figures: ParcelFigures) -> None:
        self.model.show(
            today=figures.today, cutoff=figures.cutoff, conditions=self.conditions(figures.cutoff)
        )

        self.summary.setText(
            self.tr("%1 waiting, %2 held too long")
            .replace("%1", str(figures.waiting))
            .replace("%2", str(figures.long_held))
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.apply_filter()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.parcels or changes.settings or changes.units):
            return
        if self.isVisible():
            self.apply_filter()
        else:
            self._stale = True

    def receive(self) -> None:
        """Register the parcel typed in the form; the form keeps carrier and shelf."""
        carrier, tracking_no = self.carrier.currentText(), self.tracking.text()
        unit_id, recipient = self.unit.unit_id, self.recipient.text()
        phone, shelf = self.phone.text(), self.shelf.text()
        self.ctx.op(
            lambda s: parcels.receive_parcel(
                s,
                carrier=carrier,
                tracking_no=tracking_no,
                unit_id=unit_id,
                recipient=recipient,
                recipient_phone=phone,
                shelf=shelf,
            ),
            changes=Changes(parcels=True),
            parent=self,
            action="receive a parcel",
        ).busy(self.receive_button).failure(in_form(self.errors)).success(self._received).run()

    def _received(self, _parcel_id: int) -> None:
        self.errors.clear()
        self.tracking.clear()
        self.recipient.clear()
        self.phone.clear()
        self.unit.clear_choice()
        self.tracking.setFocus()

    def notified(self) -> None:
        parcel_id = self.table.current_id()
        if parcel_id is None:
            return
        self._act(lambda s: parcels.mark_notified(s, parcel_id), "parcel notified")

    def collect(self) -> None:
        """Hand the selected parcels out at once: to the name in "Collected by", or, when it
        is empty, each to its recipient."""
        ids = self.selected_ids()
        if not ids:
            self.action_error.setText(self.tr("Choose a parcel first."))
            return
        who = self.collector.text()
        self._act(
            lambda s: parcels.collect_parcels(s, ids, collected_by=who),
            "parcels collected",
            then=self._handed_out,
        )

    def _handed_out(self) -> None:
        self.collector.clear()
        self.search.clear()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)  # ready for the next scan

    def return_to_carrier(self) -> None:
        """Give the chosen parcel back to the carrier (the name field says to whom)."""
        parcel_id = self.table.current_id()
        if parcel_id is None:
            self.action_error.setText(self.tr("Choose a parcel first."))
            return
        who = self.collector.text()
        self._act(
            lambda s: parcels.return_parcel(s, parcel_id, note=who),
            "parcel returned",
            then=self.collector.clear,
        )

    def _act(
        self, fn: Callable[[Session], object], action: str, then: Callable[[], None] | None = None
    ) -> None:
        def done(_result: object) -> None:
            self.action_error.clear()
            if then is not None:
                then()

        self.ctx.op(fn, changes=Changes(parcels=True), parent=self, action=action).busy(
            self.notify_button, self.collect_button, self.return_button
        ).failure(in_label(self.action_error)).success(done).run()

    def open_form(self, unit_id: int | None) -> None:
        """F3: the cursor in the tracking number (the unit filled in when given)."""
        if unit_id is not None:
            self.ctx.query(_unit_code(unit_id), parent=self, action="parcel unit").success(
                lambda code: self.unit.set_unit(unit_id, code)
            ).run()
        self.tracking.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _opened(self, parcel_id: int) -> None:
        row = self.model.find_row(parcel_id)
        if row >= 0:
            self.collector.setText(self.model.row(row).recipient or "")
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
        self._stale = True
        self.name = named(QLineEdit(), "visitor_name")
        self.phone = named(QLineEdit(), "visitor_phone")
        self.unit = UnitPicker(ctx=ctx, parent=self)
        self.purpose = named(QComboBox(), "visitor_purpose")
        self.purpose.setEditable(True)
        self.purpose.addItems(["探亲访友", "送货上门", "家政保洁", "装修量房", "维修家电", "看房"])
        self.purpose.setCurrentIndex(-1)
        self.people = named(QSpinBox(), "visitor_people")
        self.people.setRange(1, 50)
        self.sign_in_button = named(QPushButton(self.tr("&Check in")), "visitor_in")
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("Ph&one"), "phone", self.phone)
        self.errors.add_row(self.tr("Visiting uni&t"), "unit_id", self.unit)
        self.errors.add_row(self.tr("P&urpose"), "purpose", self.purpose)
        row = QWidget()
        rl = QHBoxLayout(row)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.people)
        rl.addStretch(1)
        rl.addWidget(self.sign_in_button)
        self.errors.add_row(self.tr("People"), "people", row)
        self.model = VisitorModel(ctx=ctx, conditions=[false()], parent=self)
        self.table = RecordTableView(self)
        self.table.setObjectName("visitor_table")
        self.table.setModel(self.model)
        self.left_button = named(QPushButton(self.tr("&Left")), "visitor_out")
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
        sign_in = QShortcut(QKeySequence("Ctrl+Return"), self, self.sign_in)
        sign_in.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.left_button.clicked.connect(self.left)
        ctx.hub.changed.connect(self._on_changed)

    def reload(self) -> None:
        """Reload the list: the last 24 hours by the session's clock, and all still inside."""
        self._stale = False
        self.ctx.query(clock.now, parent=self, action="list visitors").success(
            lambda now: self.model.set_conditions([recent_visitors_condition(now)])
        ).run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.visitors or changes.units):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def sign_in(self) -> None:
        name, phone, unit_id = self.name.text(), self.phone.text(), self.unit.unit_id
        purpose, people = self.purpose.currentText(), self.people.value()
        self.ctx.op(
            lambda s: parcels.register_visitor(
                s, name=name, phone=phone, unit_id=unit_id, purpose=purpose, people=people
            ),
            changes=Changes(visitors=True),
            parent=self,
            action="sign a visitor in",
        ).busy(self.sign_in_button).failure(in_form(self.errors)).success(self._signed_in).run()

    def _signed_in(self, _visitor_id: int) -> None:
        self.errors.clear()
        self.name.clear()
        self.phone.clear()
        self.unit.clear_choice()
        self.purpose.setCurrentIndex(-1)
        self.people.setValue(1)
        self.name.setFocus()

    def open_form(self, unit_id: int | None) -> None:
        """F4: the cursor in the visitor's name (the unit filled in when given)."""
        if unit_id is not None:
            self.ctx.query(_unit_code(unit_id), parent=self, action="visitor unit").success(
                lambda code: self.unit.set_unit(unit_id, code)
            ).run()
        self.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def left(self) -> None:
        visitor_id = self.table.current_id()
        if visitor_id is None:
            return
        self.ctx.op(
            lambda s: parcels.visitor_left(s, visitor_id),
            changes=Changes(visitors=True),
            parent=self,
            action="visitor left",
        ).busy(self.left_button).failure(in_label(self.action_error)).success(
            lambda _: self.action_error.clear()
        ).run()


class ParcelsVisitorsPage(QWidget):
    """Parcels and visitors tabs (F3 receives a parcel, F4 signs a visitor in).

    Opened with a :class:`ParcelsRequest` (e.g. the dashboard's "parcels waiting"), it shows
    the parcels tab filtered as asked.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget(self)
        self.parcels = ParcelsTab(ctx=ctx, parent=self)
        self.visitors = VisitorsTab(ctx=ctx, parent=self)
        self.tabs.addTab(self.parcels, self.tr("Parcel&s"))
        self.tabs.addTab(self.visitors, self.tr("&Visitors"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # F3 and F4 are the main window's (they work from every page).

    def apply_request(self, request: object) -> None:
        """Show what a :class:`ParcelsRequest` asks: a filter, or (F3 / F4) a form ready to
        type with the unit filled in (other requests: ignored)."""
        if not isinstance(request, ParcelsRequest):
            return
        if request.form == "visitor":
            self.tabs.setCurrentWidget(self.visitors)
            self.visitors.open_form(request.unit_id)
            return
        self.tabs.setCurrentWidget(self.parcels)
        if request.form == "parcel":
            self.parcels.open_form(request.unit_id)
        else:
            self.parcels.apply_request(request)

    def apply_record(self, record: ForRecord) -> None:
        """Started from a unit or person page: the parcels waiting for that unit, and the
        unit filled in on the parcel and visitor forms."""

        def show(found: RecordUnit) -> None:
            if found.unit_id is None:
                return
            self.parcels.apply_request(ParcelsRequest(show="waiting", search=found.code))
            self.parcels.unit.set_unit(found.unit_id, found.code)
            self.visitors.unit.set_unit(found.unit_id, found.code)

        kind, record_id = record.kind, record.id
        self.ctx.query(
            lambda s: unit_of_record(s, kind, record_id), parent=self, action="record unit"
        ).success(show).run()

    def primary_field(self) -> QWidget:
        """Where the focus goes when the page is shown: the open tab's first field."""
        if self.tabs.currentWidget() is self.visitors:
            return self.visitors.name
        return self.parcels.tracking

    def filter_field(self) -> QWidget | None:
        """Ctrl+F: the parcel search (the parcels tab)."""
        return self.parcels.search if self.tabs.currentWidget() is self.parcels else None
