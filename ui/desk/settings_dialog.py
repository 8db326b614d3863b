"""Desk settings (Admin menu, MANAGE_SETTINGS): patrol routes with their ordered
checkpoints, and the thresholds (parcel hold days, default vacant-check interval).

A route's checkpoints are edited in a small table: name, area (a list), what to check and
optionally the vacant unit's code. Alt+Up/Alt+Down move a checkpoint; Save keeps the ids
of existing checkpoints so past patrols still point at them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.desk import routes, settings
from propdesk.desk.rules import CheckpointRow, checkpoint_specs
from propdesk.desk.values import RouteInfo
from propdesk.errors import DomainError
from ui.common.forms import FormErrors
from ui.common.naming import named
from ui.context import AppContext
from ui.desk import labels
from ui.desk.feedback import in_form

ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class AreaDelegate(QStyledItemDelegate):
    """Edits the area column with a list of areas; the model keeps the code in UserRole."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        for code in labels.AREAS:
            combo.addItem(labels.shown(labels.AREAS, code), code)
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.UserRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
            model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class DeskSettingsDialog(QDialog):
    """Routes and checkpoints, and the desk thresholds.

    Attributes:
        route_list: the routes; name, description, active: the chosen route;
        points / point_model: its checkpoints; parcel_days, vacant_days: thresholds.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.route: RouteInfo | None = None
        self.setWindowTitle(self.tr("Desk settings: patrol routes and thresholds"))
        self.resize(980, 620)
        self.route_list = named(QListWidget(), "route_list")
        self.new_route_button = named(QPushButton(self.tr("&New route")), "new_route")
        self.name = named(QLineEdit(), "route_name")
        self.description = named(QLineEdit(), "route_description")
        self.active = named(QCheckBox(self.tr("In use")), "route_active")
        self.point_model = QStandardItemModel(0, 4, self)
        self.point_model.setHorizontalHeaderLabels(
            [
                self.tr("Checkpoint"),
                self.tr("Area"),
                self.tr("What to check"),
                self.tr("Vacant unit"),
            ]
        )
        self.points = named(QTableView(), "checkpoint_table")
        self.points.setModel(self.point_model)
        self.points.setItemDelegateForColumn(1, AreaDelegate(self.points))
        self.points.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.points.horizontalHeader().setStretchLastSection(True)
        for col, width in ((0, 140), (1, 90), (2, 250)):
            self.points.setColumnWidth(col, width)
        self.add_point_button = named(QPushButton(self.tr("&Add checkpoint")), "add_point")
        self.remove_point_button = named(QPushButton(self.tr("&Remove")), "remove_point")
        self.up_button = named(QPushButton(self.tr("Up (Alt+↑)")), "point_up")
        self.down_button = named(QPushButton(self.tr("Down (Alt+↓)")), "point_down")
        self.save_route_button = named(QPushButton(self.tr("&Save route")), "save_route")

        route_form = QFormLayout()
        self.errors = FormErrors(route_form)
        self.errors.add_row(self.tr("Route &name"), "name", self.name)
        self.errors.add_row(self.tr("&Description"), "description", self.description)
        route_form.addRow("", self.active)
        self.errors.add_row(self.tr("Checkpoints (in order)"), "checkpoints", self.points)
        point_buttons = QHBoxLayout()
        for b in (
            self.add_point_button,
            self.remove_point_button,
            self.up_button,
            self.down_button,
        ):
            point_buttons.addWidget(b)
        point_buttons.addStretch(1)
        point_buttons.addWidget(self.save_route_button)

        self.parcel_days = named(QSpinBox(), "parcel_hold_days")
        self.vacant_days = named(QSpinBox(), "vacant_check_days")
        for key, spin in (
            ("parcel_hold_days", self.parcel_days),
            ("vacant_check_days", self.vacant_days),
        ):
            lo, hi = settings.LIMITS[key]
            spin.setRange(lo, hi)
            spin.setSuffix(self.tr(" days"))
        self.save_thresholds_button = named(
            QPushButton(self.tr("Save &thresholds")), "save_thresholds"
        )
        threshold_box = QGroupBox(self.tr("Thresholds"))
        threshold_form = QFormLayout(threshold_box)
        self.threshold_errors = FormErrors(threshold_form)
        self.threshold_errors.add_row(
            self.tr("A parcel stands out after"), "parcel_hold_days", self.parcel_days
        )
        self.threshold_errors.add_row(
            self.tr("Vacant units are checked every"), "vacant_check_days", self.vacant_days
        )
        threshold_form.addRow(self.threshold_errors.general)
        self.saved = named(QLabel(), "thresholds_saved")
        self.saved.setStyleSheet("color: #1b5e20;")
        threshold_form.addRow(self.saved, self.save_thresholds_button)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Patrol routes")))
        left.addWidget(self.route_list, 1)
        left.addWidget(self.new_route_button)
        right = QVBoxLayout()
        right.addLayout(route_form, 1)
        right.addLayout(point_buttons)
        right.addWidget(self.errors.general)
        right.addWidget(threshold_box)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self.route_list.currentItemChanged.connect(self._route_chosen)
        self.new_route_button.clicked.connect(self.new_route)
        self.add_point_button.clicked.connect(self.add_point)
        self.remove_point_button.clicked.connect(self.remove_point)
        self.up_button.clicked.connect(lambda: self.move_point(-1))
        self.down_button.clicked.connect(lambda: self.move_point(1))
        QShortcut(QKeySequence("Alt+Up"), self.points, lambda: self.move_point(-1))
        QShortcut(QKeySequence("Alt+Down"), self.points, lambda: self.move_point(1))
        self.save_route_button.clicked.connect(self.save_route)
        self.save_thresholds_button.clicked.connect(self.save_thresholds)
        self.load_routes()
        ctx.query(settings.all_settings, parent=self, action="desk settings").success(
            self._show_thresholds
        ).run()

    def _show_thresholds(self, values: dict[str, int]) -> None:
        self.parcel_days.setValue(values["parcel_hold_days"])
        self.vacant_days.setValue(values["vacant_check_days"])

    # --- routes -------------------------------------------------------------------------

    def load_routes(self, select_id: int | None = None) -> None:
        self.ctx.query(routes.list_routes, parent=self, action="patrol routes").success(
            lambda found: self._show_routes(found, select_id)
        ).run()

    def _show_routes(self, found: list[RouteInfo], select_id: int | None) -> None:
        self.route_list.blockSignals(True)
        self.route_list.clear()
        for r in found:
            text = r.name if r.active else self.tr("%1 (not in use)").replace("%1", r.name)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, r.id)
            self.route_list.addItem(item)
            if r.id == select_id:
                self.route_list.setCurrentItem(item)
        self.route_list.blockSignals(False)
        if self.route_list.currentItem() is None and self.route_list.count():
            self.route_list.setCurrentRow(0)
        else:
            self._route_chosen(self.route_list.currentItem())

    def _route_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        self.errors.clear()
        if item is None:
            self.new_route()
            return
        route_id = int(item.data(ID_ROLE))
        self.ctx.query(lambda s: routes.get_route(s, route_id), parent=self).success(
            self._show_route
        ).run()

    def _show_route(self, route: RouteInfo) -> None:
        self.route = route
        self.name.setText(route.name)
        self.description.setText(route.description)
        self.active.setChecked(route.active)
        self.point_model.setRowCount(0)
        for cp in route.checkpoints:
            self._append_point(cp.name, cp.area, cp.what_to_check, cp.unit_code, cp.id)

    def new_route(self) -> None:
        self.route = None
        self.route_list.blockSignals(True)
        self.route_list.setCurrentRow(-1)
        self.route_list.blockSignals(False)
        self.name.clear()
        self.description.clear()
        self.active.setChecked(True)
        self.point_model.setRowCount(0)
        self.name.setFocus()

    def _append_point(
        self, name: str, area: str, what: str, unit_code: str, cp_id: int | None
    ) -> None:
        first = QStandardItem(name)
        first.setData(cp_id, ID_ROLE)
        area_item = QStandardItem(labels.shown(labels.AREAS, area))
        area_item.setData(area, Qt.ItemDataRole.UserRole)
        self.point_model.appendRow(
            [first, area_item, QStandardItem(what), QStandardItem(unit_code)]
        )

    def add_point(self) -> None:
        self._append_point("", "other", "", "", None)
        index = self.point_model.index(self.point_model.rowCount() - 1, 0)
        self.points.setCurrentIndex(index)
        self.points.edit(index)

    def remove_point(self) -> None:
        row = self.points.currentIndex().row()
        if row >= 0:
            self.point_model.removeRow(row)

    def move_point(self, step: int) -> None:
        row = self.points.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.point_model.rowCount():
            return
        items = self.point_model.takeRow(row)
        self.point_model.insertRow(target, items)
        self.points.setCurrentIndex(self.point_model.index(target, 0))

    def rows(self) -> list[CheckpointRow]:
        """The checkpoints in the table, in order (unit codes not yet resolved)."""
        out = []
        for row in range(self.point_model.rowCount()):

            def cell(col: int, r: int = row) -> str:
                return str(self.point_model.index(r, col).data() or "").strip()

            cp_id = self.point_model.index(row, 0).data(ID_ROLE)
            area = self.point_model.index(row, 1).data(Qt.ItemDataRole.UserRole) or "other"
            out.append(
                CheckpointRow(
                    cell(0), str(area), cell(2), cell(3), None if cp_id is None else int(cp_id)
                )
            )
        return out

    def save_route(self) -> None:
        """Save the route and its checkpoint order (the version shown guards the save)."""
        route = self.route
        name, description, active = (
            self.name.text(),
            self.description.text(),
            self.active.isChecked(),
        )
        rows = self.rows()

        def save(s: Session) -> int:
            return routes.save_route(
                s,
                name=name,
                description=description,
                checkpoints=checkpoint_specs(s, rows),
                route_id=route.id if route else None,
                active=active,
                expected_version=route.version if route else None,
            )

        self.ctx.op(
            save, changes=Changes(patrol_routes=True), parent=self, action="save a patrol route"
        ).busy(self.save_route_button).failure(in_form(self.errors)).success(
            self._route_saved
        ).run()

    def _route_saved(self, route_id: int) -> None:
        self.errors.clear()
        self.load_routes(select_id=route_id)

    def save_thresholds(self) -> None:
        parcel_days, vacant_days = self.parcel_days.value(), self.vacant_days.value()

        def save(s: Session) -> None:
            settings.set_setting(s, "parcel_hold_days", parcel_days)
            settings.set_setting(s, "vacant_check_days", vacant_days)

        def refused(exc: BaseException) -> bool:
            self.saved.setText("")
            if isinstance(exc, DomainError):
                self.threshold_errors.show(exc)
                return True
            return False

        self.ctx.op(
            save, changes=Changes(settings=True), parent=self, action="save desk thresholds"
        ).busy(self.save_thresholds_button).failure(refused).success(self._thresholds_saved).run()

    def _thresholds_saved(self, _result: None) -> None:
        self.threshold_errors.clear()
        self.saved.setText(self.tr("Saved."))


def open_desk_settings(ctx: AppContext, parent: QWidget) -> None:
    """The Admin menu entry."""
    DeskSettingsDialog(ctx=ctx, parent=parent).exec()
