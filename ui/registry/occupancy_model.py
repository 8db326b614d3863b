"""A small table model over the occupancies of one unit or one person (a handful of rows)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from propdesk.registry.values import OccupancyInfo
from ui.registry import labels

AnyIndex = QModelIndex | QPersistentModelIndex


class OccupancyModel(QAbstractTableModel):
    """Rows of :class:`OccupancyInfo`; ``show_unit`` picks the unit or the person column."""

    def __init__(self, *, show_unit: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_unit = show_unit
        self.items: list[OccupancyInfo] = []
        self._header_texts = self._headers()  # asked for on every paint: translated once
        self._rows: list[list[str]] = []

    def _headers(self) -> list[str]:
        first = [self.tr("Unit")] if self.show_unit else [self.tr("Name"), self.tr("Phone")]
        return [*first, self.tr("Role"), self.tr("From"), self.tr("To"), self.tr("Reason")]

    def set_items(self, items: tuple[OccupancyInfo, ...] | list[OccupancyInfo]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self._rows = [self._cells(o) for o in self.items]
        self.endResetModel()

    def item(self, row: int) -> OccupancyInfo:
        return self.items[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header_texts)

    def _cells(self, o: OccupancyInfo) -> list[str]:
        first = [o.unit_code] if self.show_unit else [o.person_name, o.phone]
        return [
            *first,
            labels.role(o.role),
            f"{o.start_date:%Y-%m-%d}",
            f"{o.end_date:%Y-%m-%d}" if o.end_date else "",
            o.end_reason,
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self._rows[index.row()]
            return cells[index.column()] if index.column() < len(cells) else None
        if role == Qt.ItemDataRole.UserRole:
            return self.items[index.row()].id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._header_texts
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
