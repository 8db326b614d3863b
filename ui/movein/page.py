"""The Move-in / move-out module: checklists in progress, moving appointments, move-out.

A checklist opens in its own window (one per checklist, raised when already open); closed,
it is deleted, and opening it again builds a new one. Hidden tabs only mark themselves stale
after a change and reload when shown."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy import ColumnElement, or_, select

from propdesk.changes import Changes
from propdesk.movein.models import MoveIn
from propdesk.movein.values import STATUS_ZH
from propdesk.registry.models import OCCUPANCY_ROLE_ZH, OccupancyRole, Person, Unit
from ui.common.sql_table_model import SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.movein.checklist_dialog import MoveInDialog
from ui.movein.moveout_tab import MoveOutTab
from ui.movein.moving_tab import MovingTab
from ui.renovation.widgets import StaleGuard, named

M = MoveIn

STATUS = {
    "draft": str(QT_TRANSLATE_NOOP("MoveInStatus", "In progress")),
    "completed": str(QT_TRANSLATE_NOOP("MoveInStatus", "Moved in")),
    "cancelled": str(QT_TRANSLATE_NOOP("MoveInStatus", "Cancelled")),
}


def _status(value: str) -> str:
    return QCoreApplication.translate(
        "MoveInStatus", STATUS.get(value, STATUS_ZH.get(value, value))
    )


def _role(value: str) -> str:
    try:
        return OCCUPANCY_ROLE_ZH[OccupancyRole(value)]
    except ValueError:
        return value


class MoveInListModel(SqlTableModel):
    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            db=ctx.db,
            base=select(M).join(Unit, Unit.id == M.unit_id).join(Person, Person.id == M.person_id),
            id_column=M.id,
            columns=[
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Occupant"), Person.name),
                SqlColumn(self.tr("As"), M.role, fmt=_role),
                SqlColumn(self.tr("Move-in date"), M.planned_on, fmt=lambda d: f"{d:%Y-%m-%d}"),
                SqlColumn(self.tr("State"), M.status, fmt=_status),
                SqlColumn(self.tr("Handled by"), M.created_by),
            ],
            default_order=[M.planned_on.desc()],
            parent=parent,
        )


FILTERS = [
    ("draft", str(QT_TRANSLATE_NOOP("MoveInsTab", "In progress"))),
    ("completed", str(QT_TRANSLATE_NOOP("MoveInsTab", "Moved in"))),
    ("all", str(QT_TRANSLATE_NOOP("MoveInsTab", "All"))),
]


class MoveInsTab(QWidget):
    """Checklists: new, resume (Enter), filter and search.

    Attributes: show_combo, search, new_button, model, table; dialog: the checklist window
    opened last, while it is open (None once closed).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._last: MoveInDialog | None = None
        self._windows: dict[int, MoveInDialog] = {}
        self.show_combo = named(QComboBox(), "movein_filter")
        for key, text in FILTERS:
            self.show_combo.addItem(QCoreApplication.translate("MoveInsTab", text), key)
        self.search = named(QLineEdit(), "movein_search")
        self.search.setPlaceholderText(self.tr("Unit or name"))
        self.new_button = named(QPushButton(self.tr("New move-in… (Ctrl+N)")), "new_movein")
        self.open_button = named(QPushButton(self.tr("Open")), "open_movein")
        self.model = MoveInListModel(ctx=ctx, parent=self)
        self.table = RecordTableView()
        self.table.setObjectName("movein_table")
        self.table.setModel(self.model)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.show_combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.new_button.clicked.connect(lambda: self.open_checklist(None))
        self.open_button.clicked.connect(lambda: self.open_checklist(self.table.current_id()))
        self.table.opened.connect(self.open_checklist)
        QShortcut(QKeySequence("Ctrl+N"), self, lambda: self.open_checklist(None))
        self._stale = StaleGuard(self, self.model.refresh)
        ctx.hub.changed.connect(self._hub_changed)  # a bound slot: dropped with the widget
        self.apply_filter()

    @property
    def dialog(self) -> MoveInDialog | None:
        """The checklist window opened last, if it is still open."""
        return self._last if self._last is not None and isValid(self._last) else None

    def _hub_changed(self, changes: Changes) -> None:
        if changes.movein:
            self._stale.changed()

    def apply_filter(self) -> None:
        key = str(self.show_combo.currentData())
        conditions: list[ColumnElement[bool]] = []
        if key != "all":
            conditions.append(M.status == key)
        text = self.search.text().strip()
        if text:
            conditions.append(
                or_(
                    Unit.code.contains(text, autoescape=True),
                    Person.name.contains(text, autoescape=True),
                )
            )
        self.model.set_filter(*conditions)

    def open_checklist(self, movein_id: int | None) -> MoveInDialog:
        """Open a checklist's window (``None``: a new checklist); raise it if already open."""
        if movein_id is False:  # clicked(bool) from a button
            movein_id = None
        window = self._windows.get(movein_id) if movein_id is not None else None
        if window is not None and isValid(window):
            window.raise_()  # already open: bring it forward
            window.activateWindow()
        else:
            window = MoveInDialog(ctx=self.ctx, movein_id=movein_id, parent=self)
            window.saved.connect(lambda mid, w=window: self._remember(mid, w))
            if movein_id is not None:
                self._remember(movein_id, window)
            window.open()
        self._last = window
        return window

    def _remember(self, movein_id: int, window: MoveInDialog) -> None:
        self._windows = {k: w for k, w in self._windows.items() if isValid(w)}
        self._windows[movein_id] = window


class MoveInPage(QWidget):
    """Tabs: Move-ins, Moving appointments, Move-out."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.moveins = MoveInsTab(ctx=ctx)
        self.moving = MovingTab(ctx=ctx)
        self.moveout = MoveOutTab(ctx=ctx)
        self.tabs.addTab(self.moveins, self.tr("Move-ins"))
        self.tabs.addTab(self.moving, self.tr("Moving appointments"))
        self.tabs.addTab(self.moveout, self.tr("Move-out"))
        self.tabs.setObjectName("movein_tabs")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
