"""A read-only table model over a Python list of rows (small or pre-filtered data).

Used where the rows come from one aggregated SQL query (the arrears list, the collection
rate) or are few (a unit's statement): filtering happens in SQL and the model is reset.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T``; each column is ``(header, getter, right_aligned)``.

    ``highlight(row) -> bool`` paints a row red (e.g. long overdue, voided).
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], str], bool]],
        *,
        highlight: Callable[[T], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._highlight = highlight

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_value(self, row: int) -> T:
        return self._rows[row]

    def rows(self) -> list[T]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._rows[index.row()]
        _h, getter, right = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return getter(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and right:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and self._highlight and self._highlight(value):
            return QBrush(QColor("#b00020"))
        return None
