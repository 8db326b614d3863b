"""The Renovation module: the permit list with its detail, and the at-a-glance view.

Permits: a filter (active / awaiting approval / under way / overdue / finished / all), a
search on unit code, permit number or owner (SQL ``LIKE``), the list over SQL and the
chosen permit's page; Enter or a double-click opens the permit in its own window. At a
glance: permits expiring or overdue, inspections due today and open violations past their
deadline; Enter opens the permit. When a permit is overdue is the core's rule
(:mod:`propdesk.renovation.rules`). Hidden tabs only mark themselves stale after a change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, Row, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.fees.money import yuan
from propdesk.registry.models import Unit
from propdesk.renovation.models import RenovationPermit
from propdesk.renovation.queries import at_a_glance, glance_counts
from propdesk.renovation.rules import overdue_permit_clause, permit_overdue
from propdesk.renovation.values import GlanceRow
from ui.common.sql_table_model import RIGHT, SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.renovation.dialogs import ApplicationDialog
from ui.renovation.labels import glance_label, status_label
from ui.renovation.permit_view import PermitView, PermitWindows
from ui.renovation.requests import GlanceRequest
from ui.renovation.widgets import OVERDUE_COLOR, ListModel, StaleGuard, desk_today, named

P = RenovationPermit


class PermitListModel(SqlTableModel):
    """Permits over SQL; an active permit past its planned end shows red."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            db=ctx.db,
            base=select(P).join(Unit, Unit.id == P.unit_id),
            id_column=P.id,
            columns=[
                SqlColumn(self.tr("Permit no."), P.permit_no),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Owner"), P.owner_name),
                SqlColumn(self.tr("Contractor"), P.contractor),
                SqlColumn(self.tr("Start"), P.planned_start, fmt=lambda d: f"{d:%Y-%m-%d}"),
                SqlColumn(self.tr("End"), P.planned_end, fmt=lambda d: f"{d:%Y-%m-%d}"),
                SqlColumn(self.tr("State"), P.status, fmt=status_label),
                SqlColumn(self.tr("Deposit"), P.deposit_fen, align=RIGHT, fmt=yuan),
            ],
            extra=[P.status.label("status"), P.planned_end.label("planned_end")],
            default_order=[P.planned_end.desc()],
            parent=parent,
        )

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        if permit_overdue(row.status, row.planned_end, desk_today()):
            return OVERDUE_COLOR
        return None


FILTERS: list[tuple[str, str]] = [
    ("active", str(QT_TRANSLATE_NOOP("PermitsTab", "Active"))),
    ("applied", str(QT_TRANSLATE_NOOP("PermitsTab", "Awaiting approval"))),
    ("approved", str(QT_TRANSLATE_NOOP("PermitsTab", "Under way"))),
    ("overdue", str(QT_TRANSLATE_NOOP("PermitsTab", "Overdue"))),
    ("finished", str(QT_TRANSLATE_NOOP("PermitsTab", "Finished"))),
    ("all", str(QT_TRANSLATE_NOOP("PermitsTab", "All"))),
]


def _filter_condition(key: str) -> ColumnElement[bool] | None:
    if key == "active":
        return P.status.in_(["applied", "approved"])
    if key in ("applied", "approved"):
        return P.status == key
    if key == "overdue":
        return overdue_permit_clause(desk_today())
    if key == "finished":
        return P.status.in_(["accepted", "refunded", "rejected", "cancelled"])
    return None


class PermitsTab(QWidget):
    """Filter, search, list and the chosen permit.

    Attributes:
        show, search, new_button, model, table, view, dialog; windows: the permit windows
        opened from the list (Enter or double-click).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ApplicationDialog | None = None
        self.show_combo = named(QComboBox(), "permit_filter")
        for key, text in FILTERS:
            self.show_combo.addItem(QCoreApplication.translate("PermitsTab", text), key)
        self.search = named(QLineEdit(), "permit_search")
        self.search.setPlaceholderText(self.tr("Unit, permit no. or owner"))
        self.new_button = named(QPushButton(self.tr("New application… (Ctrl+N)")), "new_permit")
        self.model = PermitListModel(ctx=ctx, parent=self)
        self.table = RecordTableView()
        self.table.setObjectName("permit_table")
        self.table.setModel(self.model)
        self.view = PermitView(ctx=ctx)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.view)
        split.setSizes([620, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.show_combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_application)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_application)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        self.windows = PermitWindows(ctx=ctx, parent=self)
        self.table.opened.connect(self.windows.open)
        self._stale = StaleGuard(self, self._reload)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.apply_filter()

    def apply_filter(self) -> None:
        conditions: list[ColumnElement[bool]] = []
        cond = _filter_condition(str(self.show_combo.currentData()))
        if cond is not None:
            conditions.append(cond)
        text = self.search.text().strip()
        if text:
            conditions.append(
                or_(
                    Unit.code.contains(text, autoescape=True),
                    P.permit_no.contains(text, autoescape=True),
                    P.owner_name.contains(text, autoescape=True),
                )
            )
        self.model.set_filter(*conditions)
        self.table.resizeColumnsToContents()

    def _current(self) -> None:
        self.view.show_permit(self.table.current_id())

    def _changed(self, changes: Changes) -> None:
        if changes.renovation or changes.units:
            self._stale.changed()

    def _reload(self) -> None:
        current = self.table.current_id()
        self.model.refresh()
        if current is not None:
            row = self.model.find_row(current)
            if row >= 0:
                self.table.selectRow(row)

    def new_application(self, unit_id: int | None = None) -> None:
        self.dialog = ApplicationDialog(ctx=self.ctx, unit_id=unit_id or None, parent=self)
        self.dialog.accepted.connect(self._created)
        self.dialog.open()

    def _created(self) -> None:
        if self.dialog is None or self.dialog.result_value is None:
            return
        pid = int(self.dialog.result_value)
        self.show_combo.setCurrentIndex(0)
        self.search.clear()
        self.model.refresh()
        row = self.model.find_row(pid)
        if row >= 0:
            self.table.selectRow(row)
        self.view.show_permit(pid)

    def open_permit(self, permit_id: int) -> None:
        self.show_combo.setCurrentIndex(len(FILTERS) - 1)
        self.search.clear()
        row = self.model.find_row(permit_id)
        if row >= 0:
            self.table.selectRow(row)
        self.view.show_permit(permit_id)


class GlanceTab(QWidget):
    """What needs attention today; Enter or double-click opens the permit (``open_permit``)."""

    def __init__(
        self, *, ctx: AppContext, open_permit: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open_permit = open_permit
        self.summary = named(QLabel(), "glance_summary")
        self.model: ListModel[GlanceRow] = ListModel(
            [
                (self.tr("What"), lambda r: glance_label(r.kind)),
                (self.tr("Unit"), lambda r: r.unit_code),
                (self.tr("Permit no."), lambda r: r.permit_no),
                (self.tr("Date"), lambda r: f"{r.day:%Y-%m-%d}"),
                (self.tr("Details"), lambda r: r.what),
            ],
            foreground=lambda r: OVERDUE_COLOR if r.kind.endswith("overdue") else None,
            parent=self,
        )
        self.table = named(QTableView(), "glance_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda idx: self._open(idx.row()))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, lambda: self._open_current())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._hub_changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _hub_changed(self, changes: Changes) -> None:
        if changes.renovation:
            self._stale.changed()

    def refresh(self) -> None:
        """Reload the rows (on the database worker)."""
        self.ctx.query(
            lambda s: at_a_glance(s, clock.today(s)), parent=self, action="renovation at a glance"
        ).success(self._show).run()

    def _show(self, rows: list[GlanceRow]) -> None:
        self.model.set_rows(rows)
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.kind] = counts.get(r.kind, 0) + 1
        self.summary.setText(
            self.tr(
                "Overdue permits: %1 · expiring: %2 · inspections due today: %3 · overdue violations: %4"
            )
            .replace("%1", str(counts.get("permit_overdue", 0)))
            .replace("%2", str(counts.get("permit_expiring", 0)))
            .replace("%3", str(counts.get("inspection_due", 0)))
            .replace("%4", str(counts.get("violation_overdue", 0)))
        )

    def _open_current(self) -> None:
        if self.table.currentIndex().isValid():
            self._open(self.table.currentIndex().row())

    def _open(self, row: int) -> None:
        self._open_permit(self.model.item(row).permit_id)


class RenovationPage(QWidget):
    """The module page: Permits and At a glance tabs."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        self.permits = PermitsTab(ctx=ctx)
        self.glance = GlanceTab(ctx=ctx, open_permit=self.open_permit)
        self.tabs.addTab(self.permits, self.tr("Permits"))
        self.tabs.addTab(self.glance, self.tr("At a glance"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def open_permit(self, permit_id: int) -> None:
        self.tabs.setCurrentWidget(self.permits)
        self.permits.open_permit(permit_id)

    def apply_request(self, request: object) -> None:
        """Show what another view asked for (``Navigate("renovation", GlanceRequest())``)."""
        if not isinstance(request, GlanceRequest):
            raise TypeError(f"RenovationPage cannot apply {request!r}")
        self.tabs.setCurrentWidget(self.glance)


def count_attention(session: Session) -> dict[str, int]:
    """The status bar's figures, today (COUNT queries: run on the worker)."""
    return dict(glance_counts(session, clock.today(session)))


def attention_label(counts: dict[str, int]) -> str:
    """Status bar: overdue and expiring permits, inspections due today, overdue violations."""
    if not any(counts.values()):
        return ""
    return (
        QCoreApplication.translate(
            "RenovationStatusBar",
            "Renovation: %1 overdue, %2 expiring, %3 to inspect, %4 violations past deadline",
        )
        .replace("%1", str(counts["permit_overdue"]))
        .replace("%2", str(counts["permit_expiring"]))
        .replace("%3", str(counts["inspection_due"]))
        .replace("%4", str(counts["violation_overdue"]))
    )
