"""Fee standards (收费标准): fee items with how each is charged, and their scoped rates.

Finance and managers add or change an item (name, category, how it is charged, vacant
discount, rounding, cashier catalogue) and add rates from a date, optionally for one
building, unit type or floor range. Keyboard: Enter in the item form saves the item
(new when none is selected), Enter in the rate form adds the rate; Ctrl+N starts a new
item. The services check MANAGE_FEES; the buttons only mirror it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.fees.models import ItemKind, Rounding
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.standards import (
    FeeStandard,
    ScopedRateInfo,
    add_rate,
    list_scoped_rates,
    list_standards,
    save_item,
)
from propdesk.registry import services as reg
from propdesk.registry.values import BuildingInfo, UnitType
from ui.common.dates import from_qdate, to_qdate
from ui.common.forms import FormErrors
from ui.context import AppContext
from ui.fees.list_model import ListTableModel


@dataclass(frozen=True)
class _Loaded:
    today: date
    items: list[FeeStandard]
    rates: list[ScopedRateInfo]
    buildings: list[BuildingInfo]


def _floor(text: str, field: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(field, "楼层必须是整数（留空表示不限）。") from None


class StandardsPage(QWidget):
    """Attributes: ``items`` and ``rates`` models and views, the item form (``name``,
    ``category``, ``kind``, ``vacant``, ``rounding``, ``in_catalogue``, ``save_item_button``,
    ``item_errors``) and the rate form (``rate_from``, ``rate_value``, ``building``,
    ``unit_type``, ``floor_from``, ``floor_to``, ``add_rate_button``, ``rate_errors``)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._item_id: int | None = None  # the item being edited (None: a new one)
        self._all_rates: list[ScopedRateInfo] = []
        can = ctx.can(Permission.MANAGE_FEES)
        self._kind_text = {
            ItemKind.AREA: self.tr("Per m² of area"),
            ItemKind.PER_UNIT: self.tr("Per unit"),
            ItemKind.PARKING: self.tr("Per parking space"),
            ItemKind.METER: self.tr("By meter reading"),
            ItemKind.FIXED: self.tr("Fixed monthly amount"),
            ItemKind.ONE_OFF: self.tr("One-off"),
        }
        self._rounding_text = {
            Rounding.FEN: self.tr("To the fen"),
            Rounding.JIAO: self.tr("To the jiao"),
            Rounding.YUAN: self.tr("To the yuan"),
        }

        # --- items -------------------------------------------------------------------
        item_box = QGroupBox(self.tr("Fee items"), self)
        self.items: ListTableModel[FeeStandard] = ListTableModel(
            [
                (self.tr("Item"), lambda i: i.name, False),
                (self.tr("Category"), lambda i: i.category, False),
                (self.tr("Charged"), lambda i: self._kind_text[i.kind], False),
                (self.tr("Vacant discount"), lambda i: f"{i.vacant_discount_pct}%", True),
                (self.tr("Rounding"), lambda i: self._rounding_text[i.rounding], False),
                (self.tr("Catalogue"), lambda i: self.tr("Yes") if i.in_catalogue else "", False),
            ],
            highlight=lambda i: not i.active,
            parent=self,
        )
        self.item_view = _table(self.items, item_box)
        self.item_view.selectionModel().selectionChanged.connect(self._item_selected)
        form = QFormLayout()
        self.item_errors = FormErrors(form)
        self.name = QLineEdit(item_box)
        self.category = QLineEdit(item_box)
        self.category.setPlaceholderText(self.tr("e.g. property services, energy, parking"))
        self.kind = QComboBox(item_box)
        for kind, text in self._kind_text.items():
            if kind != ItemKind.METER:  # water and electricity only
                self.kind.addItem(text, kind.value)
        self.vacant = QSpinBox(item_box)
        self.vacant.setRange(0, 100)
        self.vacant.setSuffix("%")
        self.rounding = QComboBox(item_box)
        for rounding, text in self._rounding_text.items():
            self.rounding.addItem(text, rounding.value)
        self.in_catalogue = QCheckBox(self.tr("Offer in the cashier's catalogue"), item_box)
        self.item_errors.add_row(self.tr("Name:"), "name", self.name)
        self.item_errors.add_row(self.tr("Ca&tegory:"), "category", self.category)
        self.item_errors.add_row(self.tr("Charged:"), "kind", self.kind)
        self.item_errors.add_row(
            self.tr("&Vacant unit discount:"), "vacant_discount_pct", self.vacant
        )
        self.item_errors.add_row(self.tr("Rounding:"), "rounding", self.rounding)
        self.item_errors.add_row("", "in_catalogue", self.in_catalogue)
        form.addRow(self.item_errors.general)
        self.new_item_button = QPushButton(self.tr("New item"), item_box)
        self.save_item_button = QPushButton(self.tr("Save item"), item_box)
        for button in (self.new_item_button, self.save_item_button):
            button.setEnabled(can)
        self.new_item_button.clicked.connect(self.new_item)
        self.save_item_button.clicked.connect(self.save_item)
        for edit in (self.name, self.category):
            edit.returnPressed.connect(self.save_item)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_item_button)
        buttons.addWidget(self.save_item_button)
        buttons.addStretch(1)
        item_layout = QVBoxLayout(item_box)
        item_layout.addWidget(self.item_view, 1)
        item_layout.addLayout(form)
        item_layout.addLayout(buttons)

        # --- rates of the selected item -------------------------------------------------
        rate_box = QGroupBox(
            self.tr("Rates of the selected item (the most specific matching rate applies)"),
            self,
        )
        self.rates: ListTableModel[ScopedRateInfo] = ListTableModel(
            [
                (self.tr("From"), lambda r: r.effective_from.isoformat(), False),
                (self.tr("Rate (yuan)"), lambda r: yuan(r.rate_fen), True),
                (self.tr("Building"), lambda r: r.building_name or self.tr("Any"), False),
                (self.tr("Unit type"), self._unit_type_text, False),
                (self.tr("Floors"), self._floors_text, False),
            ],
            parent=self,
        )
        self.rate_view = _table(self.rates, rate_box)
        rate_form = QFormLayout()
        self.rate_errors = FormErrors(rate_form)
        self.rate_from = QDateEdit(rate_box)
        self.rate_from.setDisplayFormat("yyyy-MM-dd")
        self.rate_value = QLineEdit(rate_box)
        self.rate_value.setPlaceholderText(self.tr("yuan per m², unit, space, m³/kWh or charge"))
        self.building = QComboBox(rate_box)
        self.building.addItem(self.tr("Any building"), None)
        self.unit_type = QComboBox(rate_box)
        self.unit_type.addItem(self.tr("Any unit type"), "")
        for utype in UnitType:
            self.unit_type.addItem(self._unit_type_name(utype.value), utype.value)
        self.floor_from = QLineEdit(rate_box)
        self.floor_to = QLineEdit(rate_box)
        for edit in (self.floor_from, self.floor_to):
            edit.setPlaceholderText(self.tr("any"))
        floors = QWidget(rate_box)
        floor_row = QHBoxLayout(floors)
        floor_row.setContentsMargins(0, 0, 0, 0)
        floor_row.addWidget(self.floor_from)
        floor_row.addWidget(self.floor_to)
        self.rate_errors.add_row(self.tr("From:"), "effective_from", self.rate_from)
        self.rate_errors.add_row(self.tr("Rat&e (yuan):"), "rate_fen", self.rate_value)
        self.rate_errors.add_row(self.tr("B&uilding:"), "building_id", self.building)
        self.rate_errors.add_row(self.tr("Unit t&ype:"), "unit_type", self.unit_type)
        self.rate_errors.add_row(self.tr("Fl&oors (from, to):"), "floor_from", floors)
        rate_form.addRow(self.rate_errors.general)
        self.add_rate_button = QPushButton(self.tr("A&dd rate"), rate_box)
        self.add_rate_button.setEnabled(can)
        self.add_rate_button.clicked.connect(self.add_rate)
        for edit in (self.rate_value, self.floor_from, self.floor_to):
            edit.returnPressed.connect(self.add_rate)
        rate_layout = QVBoxLayout(rate_box)
        rate_layout.addWidget(self.rate_view, 1)
        rate_layout.addLayout(rate_form)
        rate_layout.addWidget(self.add_rate_button, 0, Qt.AlignmentFlag.AlignLeft)

        layout = QHBoxLayout(self)
        layout.addWidget(item_box, 3)
        layout.addWidget(rate_box, 2)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_item)
        new.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    # --- loading ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload items, rates and buildings on the worker."""

        def read(s: Session) -> _Loaded:
            return _Loaded(
                clock.today(s), list_standards(s), list_scoped_rates(s), reg.list_buildings(s)
            )

        self.ctx.query(read, parent=self, action="fee standards").success(self._show).run()

    def _show(self, loaded: _Loaded) -> None:
        if self.building.count() == 1:
            for b in loaded.buildings:
                self.building.addItem(b.name, b.id)
            self.rate_from.setDate(to_qdate(loaded.today.replace(day=1)))
        keep = self._item_id
        self._all_rates = loaded.rates
        self.items.set_rows(loaded.items)
        self._select(keep)
        self._show_rates()

    def _select(self, item_id: int | None) -> None:
        for row in range(self.items.rowCount()):
            if self.items.row_value(row).id == item_id:
                self.item_view.selectRow(row)

    def _on_changed(self, changes: Changes) -> None:
        if changes.fees or changes.buildings:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    # --- items -----------------------------------------------------------------------

    def current_item(self) -> FeeStandard | None:
        rows = self.item_view.selectionModel().selectedRows()
        return self.items.row_value(rows[0].row()) if rows else None

    def _item_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        item = self.current_item()
        self.item_errors.clear()
        if item is None:
            return
        self._item_id = item.id
        self.name.setText(item.name)
        self.category.setText(item.category)
        index = self.kind.findData(item.kind.value)
        if index < 0:  # water / electricity: shown, not offered for new items
            self.kind.addItem(self._kind_text[item.kind], item.kind.value)
            index = self.kind.count() - 1
        self.kind.setCurrentIndex(index)
        self.vacant.setValue(item.vacant_discount_pct)
        self.rounding.setCurrentIndex(self.rounding.findData(item.rounding.value))
        self.in_catalogue.setChecked(item.in_catalogue)
        self._show_rates()

    def _show_rates(self) -> None:
        self.rates.set_rows([r for r in self._all_rates if r.item_id == self._item_id])

    def new_item(self) -> None:
        """Clear the form for a new item (Ctrl+N); the focus goes to its name."""
        self.item_view.clearSelection()
        self._item_id = None
        self.item_errors.clear()
        for edit in (self.name, self.category):
            edit.clear()
        self.kind.setCurrentIndex(0)
        self.vacant.setValue(0)
        self.rounding.setCurrentIndex(0)
        self.in_catalogue.setChecked(False)
        self._show_rates()
        self.name.setFocus()

    def save_item(self) -> None:
        """Create the item (none selected) or save the selected one."""
        if not self.save_item_button.isEnabled():
            return  # running, or not allowed
        self.item_errors.clear()
        item_id = self._item_id
        name, category = self.name.text(), self.category.text()
        kind = str(self.kind.currentData())
        vacant = self.vacant.value()
        rounding = str(self.rounding.currentData())
        catalogue = self.in_catalogue.isChecked()

        def save(s: Session) -> int:
            return save_item(
                s,
                item_id=item_id,
                name=name,
                kind=kind,
                category=category,
                vacant_discount_pct=vacant,
                rounding=rounding,
                in_catalogue=catalogue,
            )

        def saved(new_id: int) -> None:
            self._item_id = new_id
            self._select(new_id)  # (also reselected whenever the list reloads)
            self.rate_value.setFocus()

        self.ctx.op(save, changes=Changes(fees=True), parent=self, action="save fee item").busy(
            self.save_item_button
        ).success(saved).failure(self.item_errors.handle).run()

    # --- rates -----------------------------------------------------------------------

    def add_rate(self) -> None:
        """Add the rate in the form to the selected item."""
        if not self.add_rate_button.isEnabled():
            return
        self.rate_errors.clear()
        item_id = self._item_id
        if item_id is None:
            self.rate_errors.show(ValidationError("", "请先选择或保存一个收费项目。"))
            return
        day = from_qdate(self.rate_from.date())
        text = self.rate_value.text()
        building = self.building.currentData()
        utype = str(self.unit_type.currentData() or "")
        low, high = self.floor_from.text(), self.floor_to.text()

        def save(s: Session) -> int:
            return add_rate(
                s,
                item_id=item_id,
                effective_from=day,
                rate_fen=parse_yuan(text, "rate_fen"),
                building_id=int(building) if building is not None else None,
                unit_type=utype,
                floor_from=_floor(low, "floor_from"),
                floor_to=_floor(high, "floor_to"),
            )

        def added(_rate_id: int) -> None:
            for edit in (self.rate_value, self.floor_from, self.floor_to):
                edit.clear()
            self.rate_value.setFocus()

        self.ctx.op(save, changes=Changes(fees=True), parent=self, action="add fee rate").busy(
            self.add_rate_button
        ).success(added).failure(self.rate_errors.handle).run()

    # --- display helpers -----------------------------------------------------------

    def _unit_type_name(self, value: str) -> str:
        names = {
            UnitType.RESIDENCE.value: self.tr("Residence"),
            UnitType.SHOP.value: self.tr("Shop"),
            UnitType.OFFICE.value: self.tr("Office"),
            UnitType.OTHER.value: self.tr("Other"),
        }
        return names.get(value, value)

    def _unit_type_text(self, rate: ScopedRateInfo) -> str:
        return self._unit_type_name(rate.unit_type) if rate.unit_type else self.tr("Any")

    def _floors_text(self, rate: ScopedRateInfo) -> str:
        if rate.floor_from is None and rate.floor_to is None:
            return self.tr("Any")
        low = "" if rate.floor_from is None else str(rate.floor_from)
        high = "" if rate.floor_to is None else str(rate.floor_to)
        return f"{low}–{high}"


def _table(
    model: ListTableModel[FeeStandard] | ListTableModel[ScopedRateInfo], parent: QWidget
) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view
