"""The registry's navigation pages: buildings → units, and all people. Both lists are SQL models."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.registry import services as reg
from propdesk.registry.values import BuildingInfo
from ui.common.count_label import CountLabel
from ui.common.filter_box import FilterBox
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.registry import labels
from ui.registry.dialogs import BuildingDialog, EstateDialog, PersonDialog, UnitDialog
from ui.registry.list_models import PeopleModel, UnitsModel

FILTER_DELAY_MS = 150


def _filter_timer(parent: QWidget, slot: object) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(FILTER_DELAY_MS)
    timer.timeout.connect(slot)
    return timer


class RegistryPage(QWidget):
    """Buildings on the left; the selected building's units (filterable, sortable) on the right.

    Signals:
        open_record(str, int): ``("unit", id)`` when a unit is opened.

    Attributes:
        edit_building_action: "Edit building…" (Ctrl+E, the button and the buildings list's
            context menu); enabled when a building is selected and the actor may edit.
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale_buildings = False
        self._stale_units = False
        self.buildings = QListWidget()
        self.buildings.setObjectName("buildings")
        self.buildings.setMinimumWidth(120)
        self.buildings.setStyleSheet("QListWidget#buildings::item { padding: 3px 6px; }")
        self.model = UnitsModel(db=ctx.db, parent=self)
        self.table = RecordTableView()
        self.table.setObjectName("units")
        self.table.setModel(self.model)
        self.filter = FilterBox(view=self.table)
        self.filter.setPlaceholderText(self.tr("Filter units by code, e.g. 2-15"))
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), "")
        for code in labels.UNIT_STATUSES:
            self.status.addItem(labels.unit_status(code), code)
        self.count = CountLabel(ctx=ctx, text=lambda n: self.tr("%n unit(s)", "", n))
        self.estate_button = QPushButton(self.tr("&Estate info…"))
        self.building_button = QPushButton(self.tr("New &building…"))
        self.unit_button = QPushButton(self.tr("&New unit…"))
        self.editable = ctx.can(Permission.EDIT_REGISTRY)
        for button in (self.estate_button, self.building_button, self.unit_button):
            button.setEnabled(self.editable)
        self.edit_building_action = QAction(self.tr("Edi&t building…"), self)
        self.edit_building_action.setShortcut(QKeySequence("Ctrl+E"))
        self.edit_building_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_building_action.setToolTip(self.tr("Edit the selected building (Ctrl+E)"))
        self.addAction(self.edit_building_action)
        self.edit_building_button = QPushButton(self.tr("Edi&t building…"))
        self.edit_building_button.setObjectName("edit_building")
        self.edit_building_button.setToolTip(self.edit_building_action.toolTip())
        self.buildings.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        top.addWidget(self.status)
        top.addWidget(self.count, 1)
        top.addWidget(self.estate_button)
        top.addWidget(self.building_button)
        top.addWidget(self.edit_building_button)
        top.addWidget(self.unit_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(top)
        right_layout.addWidget(self.table)
        split = QSplitter()
        split.addWidget(self.buildings)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([170, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)

        self._timer = _filter_timer(self, self._apply_filter)
        self.filter.textEdited.connect(lambda _t: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.buildings.currentItemChanged.connect(self._building_changed)
        self.table.opened.connect(lambda uid: self.open_record.emit("unit", uid))
        self.estate_button.clicked.connect(lambda: EstateDialog(ctx=ctx, parent=self).exec())
        self.building_button.clicked.connect(lambda: BuildingDialog(ctx=ctx, parent=self).exec())
        self.edit_building_action.triggered.connect(self.edit_building)
        self.edit_building_button.clicked.connect(self.edit_building_action.trigger)
        self.buildings.customContextMenuRequested.connect(self._building_menu_requested)
        self.unit_button.clicked.connect(self.new_unit)
        ctx.hub.changed.connect(self._on_changed)
        self.load_buildings()

    def load_buildings(self) -> None:
        """Reload the buildings list (on the worker)."""
        self.ctx.query(reg.list_buildings, parent=self, action="list buildings").success(
            self._show_buildings
        ).run()

    def _show_buildings(self, buildings: list[BuildingInfo]) -> None:
        current = self.model.building_id
        self.buildings.blockSignals(True)
        self.buildings.clear()
        everything = QListWidgetItem(self.tr("All units"))
        everything.setData(Qt.ItemDataRole.UserRole, None)
        self.buildings.addItem(everything)
        select = everything
        for b in buildings:
            item = QListWidgetItem(
                self.tr("%1  (%2 units)").replace("%1", b.name).replace("%2", str(b.unit_count))
            )
            item.setData(Qt.ItemDataRole.UserRole, b.id)
            self.buildings.addItem(item)
            if b.id == current:
                select = item
        self.buildings.setCurrentItem(select)
        self.buildings.blockSignals(False)
        self._update_edit_building()
        self._update_count()

    def _building_changed(self, item: QListWidgetItem | None, _prev: object = None) -> None:
        building_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.model.set_building(building_id)
        self._update_edit_building()
        self._update_count()

    def selected_building_id(self) -> int | None:
        """The building selected on the left (``None`` for "All units")."""
        item = self.buildings.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _update_edit_building(self) -> None:
        enabled = self.editable and self.selected_building_id() is not None
        self.edit_building_action.setEnabled(enabled)
        self.edit_building_button.setEnabled(enabled)

    def building_menu(self, pos: QPoint) -> QMenu:
        """The buildings list's context menu for a right-click at ``pos`` (selects that row)."""
        item = self.buildings.itemAt(pos)
        if item is not None:
            self.buildings.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.edit_building_action)
        return menu

    def _building_menu_requested(self, pos: QPoint) -> None:
        menu = self.building_menu(pos)
        menu.exec(self.buildings.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def edit_building(self) -> None:
        """Open the selected building in the edit dialog (the list refreshes on save)."""
        building_id = self.selected_building_id()
        if building_id is None or not self.editable:
            return
        BuildingDialog(ctx=self.ctx, building_id=building_id, parent=self).exec()

    def _apply_filter(self) -> None:
        self.model.set_text(self.filter.text(), self.status.currentData() or "")
        self._update_count()

    def _update_count(self) -> None:
        self.count.update_for(self.model)

    def new_unit(self) -> None:
        UnitDialog(ctx=self.ctx, building_id=self.model.building_id, parent=self).exec()

    def _on_changed(self, changes: Changes) -> None:
        self._stale_buildings |= changes.buildings or changes.estate or changes.units
        self._stale_units |= (
            changes.units or changes.occupancy or changes.people or changes.buildings
        )
        if self.isVisible():
            self._reload()

    def _reload(self) -> None:
        if self._stale_buildings:
            self._stale_buildings = False
            self.load_buildings()
        if self._stale_units:
            self._stale_units = False
            self.model.refresh()
            self._update_count()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload()


class PeoplePage(QWidget):
    """Every person, filtered in SQL as the clerk types (name, pinyin, phone digits, unit code).

    Signals:
        open_record(str, int): ``("person", id)`` when a person is opened.
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.model = PeopleModel(db=ctx.db, actor=ctx.actor, parent=self)
        self.table = RecordTableView()
        self.table.setObjectName("people")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(2, 160)
        self.filter = FilterBox(view=self.table)
        self.filter.setPlaceholderText(
            self.tr("Filter: name, pinyin initials, phone digits or unit")
        )
        self.count = CountLabel(ctx=ctx, text=lambda n: self.tr("%n person(s)", "", n))
        self.new_button = QPushButton(self.tr("&New person…"))
        self.new_button.setEnabled(ctx.can(Permission.EDIT_REGISTRY))
        top = QHBoxLayout()
        top.addWidget(self.filter, 2)
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._timer = _filter_timer(self, self._apply_filter)
        self.filter.textEdited.connect(lambda _t: self._timer.start())
        self.filter.returnPressed.connect(self._apply_and_enter)
        self.table.opened.connect(lambda pid: self.open_record.emit("person", pid))
        self.new_button.clicked.connect(self.new_person)
        ctx.hub.changed.connect(self._on_changed)
        self._update_count()

    def _apply_filter(self) -> None:
        self.model.set_text(self.filter.text())
        self._update_count()

    def _apply_and_enter(self) -> None:
        self._timer.stop()
        self._apply_filter()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _update_count(self) -> None:
        self.count.update_for(self.model)

    def new_person(self) -> None:
        dialog = PersonDialog(ctx=self.ctx, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.open_record.emit("person", int(dialog.saved_id))

    def _on_changed(self, changes: Changes) -> None:
        if changes.people or changes.occupancy or changes.units:
            self._stale = True
            if self.isVisible():
                self._reload()

    def _reload(self) -> None:
        if self._stale:
            self._stale = False
            self.model.refresh()
            self._update_count()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._reload()


# The navigation titles registered in ui/registrations.py (listed here for the translation file).
NAV_TITLES = (
    QT_TRANSLATE_NOOP("NavModule", "Units"),
    QT_TRANSLATE_NOOP("NavModule", "People"),
)
