"""The visits page (走访): the visit plan (overdue, due soon, or everything planned, with the
reason), the record-visit form, and the history of visits with their tickets.

Keyboard: Enter on a plan item records its visit; Ctrl+N records a visit for a household
chosen in the form; Ctrl+T goes to the history and there raises the selected visit's
findings as a ticket.
The desk overview's "overdue visits" figure opens this page on the overdue items
(:class:`VisitsRequest`). Hidden, the page only marks itself stale and reloads when shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Row
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, allowed
from propdesk.care import queries as cq
from propdesk.care import visits
from propdesk.care.visit_models import CareVisit
from propdesk.care.visit_plan import plan_items, rules
from propdesk.care.visit_values import (
    DUE_SOON_DAYS,
    PlanItem,
    VisitReason,
    VisitRow,
    VisitRule,
    reason_label,
)
from propdesk.changes import Changes
from propdesk.registry.models import Building, Person, Unit
from propdesk.tickets.models import Ticket
from ui.care.visit_dialogs import VisitDialog, VisitRulesDialog, VisitTicketDialog
from ui.common.count_label import CountLabel
from ui.common.naming import named
from ui.common.sql_table_model import CENTER, SqlColumn, SqlTableModel
from ui.common.stale import StaleGuard
from ui.context import AppContext

PlanShow = Literal["overdue", "soon", "all"]
OVERDUE_COLOUR = QColor("#b00020")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class VisitsRequest:
    """Open the visits page on its plan showing ``show`` (overdue / due soon / all)."""

    show: PlanShow = "overdue"


class PlanModel(QAbstractTableModel):
    """The plan's items (a few hundred at most: the SQL returns only what is due)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[PlanItem] = []
        self.headers = [
            self.tr("Due on"),
            self.tr("Building"),
            self.tr("Unit"),
            self.tr("Household"),
            self.tr("Reason"),
            self.tr("Why"),
        ]

    def set_items(self, items: list[PlanItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            due = f"{item.due_on:%Y-%m-%d}"
            if item.overdue:
                due += " " + self.tr("(overdue)")
            values = (due, item.building, item.unit_code, item.person_name, item.reason_zh)
            return (*values, item.detail)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return QBrush(OVERDUE_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


def _rating(value: int | None) -> str:
    return "★" * value if value else ""


class VisitHistoryModel(SqlTableModel):
    """Recorded visits over SQL, newest first; the ticket raised from a visit is shown."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            db=ctx.db,
            base=visits.visit_list_base(),
            id_column=CareVisit.id,
            columns=[
                SqlColumn(
                    self.tr("Visited"),
                    CareVisit.visited_at,
                    fmt=lambda v: f"{clock.to_local(v):%Y-%m-%d %H:%M}" if v else "",
                ),
                SqlColumn(self.tr("Building"), Building.name),
                SqlColumn(self.tr("Unit"), Unit.code.label("unit_code")),
                SqlColumn(self.tr("Household"), Person.name.label("person_name")),
                SqlColumn(
                    self.tr("Reason"),
                    CareVisit.reason.label("reason"),
                    fmt=reason_label,
                ),
                SqlColumn(self.tr("Visited by"), CareVisit.visitor_name),
                SqlColumn(
                    self.tr("Findings"),
                    CareVisit.findings_enc.label("findings"),
                    fmt=lambda v: (v or "").replace("\n", " ")[:60],
                    sortable=False,
                ),
                SqlColumn(self.tr("Rating"), CareVisit.rating, align=CENTER, fmt=_rating),
                SqlColumn(
                    self.tr("Next visit"),
                    CareVisit.next_visit_on,
                    fmt=lambda v: f"{v:%Y-%m-%d}" if v else "",
                ),
                SqlColumn(
                    self.tr("Ticket"),
                    Ticket.number.label("ticket_number"),
                    fmt=lambda v: v or "",
                ),
            ],
            extra=[CareVisit.ticket_id.label("ticket_id")],
            default_order=[CareVisit.visited_at.desc()],
            fetch=False,
            parent=parent,
        )

    def ticket_of(self, row: int) -> int | None:
        value: Row[Any] = self.row(row)
        return int(value.ticket_id) if value.ticket_id is not None else None


class VisitsPage(QWidget):
    """The visit plan and the visit history.

    Attributes:
        tabs: plan / history; show: the plan filter; building: the building filter;
        plan_model / plan_table, history_model / history_table; dialog: the form open now;
        message: the outcome of the last action.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = StaleGuard(self, self.reload)
        self.dialog: QDialog | None = None
        self.show_combo = named(QComboBox(), "visits_show")
        self.show_combo.addItem(self.tr("Overdue"), "overdue")
        self.show_combo.addItem(
            self.tr("Due within %1 days").replace("%1", str(DUE_SOON_DAYS)), "soon"
        )
        self.show_combo.addItem(self.tr("Everything planned"), "all")
        show_label = QLabel(self.tr("&Show"))
        show_label.setBuddy(self.show_combo)
        self.building = named(QComboBox(), "visits_building")
        self.building.addItem(self.tr("All buildings"), None)
        building_label = QLabel(self.tr("&Building"))
        building_label.setBuddy(self.building)
        self.plan_count = named(QLabel(), "visits_plan_count")
        self.record_button = named(QPushButton(self.tr("&Record visit…")), "visits_record")
        self.new_button = named(QPushButton(self.tr("&New visit…")), "visits_new")
        self.rules_button = named(QPushButton(self.tr("R&ules…")), "visits_rules")
        self.rules_button.setVisible(allowed(ctx.actor, Permission.MANAGE_SETTINGS))
        self.plan_model = PlanModel(self)
        self.plan_table = self._table(self.plan_model, "visits_plan")
        self.plan_table.setColumnWidth(0, 170)
        self.plan_table.setColumnWidth(4, 130)

        self.history_model = VisitHistoryModel(ctx=ctx, parent=self)
        self.history_table = self._table(self.history_model, "visits_history")
        self.history_table.setColumnWidth(0, 130)
        self.history_table.setColumnWidth(6, 240)
        self.history_count = CountLabel(
            ctx=ctx, text=lambda n: self.tr("%1 visit(s)").replace("%1", str(n)), parent=self
        )
        self.ticket_button = named(QPushButton(self.tr("Raise &ticket…")), "visits_raise_ticket")
        self.message = named(QLabel(), "visits_message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        plan = QWidget()
        plan_actions = QHBoxLayout()
        for b in (self.record_button, self.new_button, self.rules_button):
            plan_actions.addWidget(b)
        plan_actions.addStretch(1)
        plan_actions.addWidget(self.plan_count)
        p = QVBoxLayout(plan)
        p.addLayout(plan_actions)
        p.addWidget(self.plan_table, 1)
        history = QWidget()
        history_actions = QHBoxLayout()
        history_actions.addWidget(self.ticket_button)
        history_actions.addStretch(1)
        history_actions.addWidget(self.history_count)
        h = QVBoxLayout(history)
        h.addLayout(history_actions)
        h.addWidget(self.history_table, 1)
        self.tabs = named(QTabWidget(), "visits_tabs")
        self.tabs.addTab(plan, self.tr("Visit p&lan"))
        self.tabs.addTab(history, self.tr("Visit hist&ory"))

        filters = QHBoxLayout()
        for w in (show_label, self.show_combo, building_label, self.building):
            filters.addWidget(w)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.show_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.building.currentIndexChanged.connect(lambda _i: self.reload())
        self.plan_table.activated.connect(lambda _i: self.record_visit())
        self.record_button.clicked.connect(self.record_visit)
        self.new_button.clicked.connect(self.new_visit)
        self.rules_button.clicked.connect(self.edit_rules)
        self.ticket_button.clicked.connect(self.raise_ticket)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_visit)
        QShortcut(QKeySequence("Ctrl+T"), self, self.raise_ticket)
        ctx.hub.changed.connect(self._changed)
        ctx.query(cq.buildings, parent=self, action="visit filters").success(
            self._fill_buildings
        ).run()
        self.reload()

    def _table(self, model: QAbstractTableModel, name: str) -> QTableView:
        table = named(QTableView(), name)
        table.setModel(model)
        table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        table.horizontalHeader().setStretchLastSection(True)
        table.setTabKeyNavigation(False)  # Tab leaves the list (rows, never cells)
        return table

    def primary_field(self) -> QWidget:
        return self.plan_table

    def apply_request(self, request: object) -> None:
        if isinstance(request, VisitsRequest):
            self.tabs.setCurrentIndex(0)
            index = self.show_combo.findData(request.show)
            if index >= 0 and index != self.show_combo.currentIndex():
                self.show_combo.setCurrentIndex(index)  # reloads
            else:
                self.reload()
            self.plan_table.setFocus()

    # --- loading ------------------------------------------------------------------------

    def _fill_buildings(self, buildings: list[tuple[int, str]]) -> None:
        self.building.blockSignals(True)
        for building_id, name in buildings:
            self.building.addItem(name, building_id)
        self.building.blockSignals(False)

    def _building_id(self) -> int | None:
        value = self.building.currentData()
        return int(value) if value is not None else None

    def reload(self) -> None:
        show = str(self.show_combo.currentData())
        building_id = self._building_id()

        def read(s: Session) -> list[PlanItem]:
            today = clock.today(s)
            due_by = {
                "overdue": today - timedelta(days=1),
                "soon": today + timedelta(days=DUE_SOON_DAYS),
            }.get(show)
            return plan_items(s, due_by=due_by, building_id=building_id)

        self.ctx.query(read, parent=self, action="visit plan").success(self._show_plan).run()
        conditions = [Unit.building_id == building_id] if building_id is not None else []
        visit_id = self.current_visit_id()
        self.history_model.set_filter(*conditions)
        self.history_count.update_for(self.history_model)
        # keep the clerk on the visit just used (e.g. after 转工单), not back at the top
        row = self.history_model.find_row(visit_id) if visit_id is not None else -1
        if row >= 0:
            self.history_table.selectRow(row)

    def _show_plan(self, items: list[PlanItem]) -> None:
        current = self.current_item()
        self.plan_model.set_items(items)
        overdue = sum(i.overdue for i in items)
        self.plan_count.setText(
            self.tr("%1 planned, %2 overdue")
            .replace("%1", str(len(items)))
            .replace("%2", str(overdue))
        )
        keys = [i.key for i in items]
        row = keys.index(current.key) if current is not None and current.key in keys else 0
        if items:
            self.plan_table.selectRow(row)

    def _changed(self, changes: Changes) -> None:
        if changes.care or changes.occupancy or changes.tickets:
            self._stale.changed()

    def current_item(self) -> PlanItem | None:
        index = self.plan_table.currentIndex()
        items = self.plan_model.items
        return items[index.row()] if index.isValid() and index.row() < len(items) else None

    def current_visit_id(self) -> int | None:
        index = self.history_table.currentIndex()
        return self.history_model.row_id(index.row()) if index.isValid() else None

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        value = getattr(dialog, "result_value", None)
        if dialog.result() != QDialog.DialogCode.Accepted:
            return
        if isinstance(value, VisitRow):
            text = (
                self.tr("Visit saved: %1 %2")
                .replace("%1", value.unit_code)
                .replace("%2", value.reason_zh)
            )
            if value.ticket_number:
                text += " · " + self.tr("ticket %1").replace("%1", value.ticket_number)
            self.message.setText(text)
        elif isinstance(value, dict):
            self.message.setText(self.tr("Visit plan rules saved."))

    def record_visit(self) -> None:
        item = self.current_item()
        if item is None:
            self.new_visit()
            return
        self._open(VisitDialog(ctx=self.ctx, item=item, parent=self))

    def new_visit(self) -> None:
        self._open(VisitDialog(ctx=self.ctx, parent=self))

    def edit_rules(self) -> None:
        if not allowed(self.ctx.actor, Permission.MANAGE_SETTINGS):
            return

        def read(s: Session) -> dict[VisitReason, VisitRule]:
            return rules(s)

        self.ctx.query(read, parent=self, action="visit plan rules").success(
            lambda current: self._open(VisitRulesDialog(ctx=self.ctx, current=current, parent=self))
        ).run()

    def raise_ticket(self) -> None:
        if self.tabs.currentIndex() != 1:
            self.tabs.setCurrentIndex(1)
            self.history_table.setFocus()
            return
        visit_id = self.current_visit_id()
        if visit_id is None:
            self.message.setText(self.tr("Choose a visit in the history first."))
            return
        self.ctx.query(lambda s: visits.visit_row(s, visit_id), parent=self).success(
            self._ticket_for
        ).run()

    def _ticket_for(self, visit: VisitRow) -> None:
        if visit.ticket_number:
            self.message.setText(
                self.tr("This visit already raised ticket %1.").replace("%1", visit.ticket_number)
            )
            return
        self._open(VisitTicketDialog(ctx=self.ctx, visit=visit, parent=self))
