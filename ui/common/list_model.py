"""A read-only table model over a Python list of rows (few rows, or already filtered in SQL).

The model is reset with :meth:`RowListModel.set_rows`; each column is ``(header, text_of_row)``.
Big lists use :mod:`ui.common.sql_table_model` instead.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RowListModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` shown through ``columns`` (``(header, text_of_row)``).

    ``right_aligned`` lists the column numbers aligned right (amounts); ``foreground(row)``
    gives a row's text colour (None: the default).
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[T], str]]],
        *,
        right_aligned: Collection[int] = (),
        foreground: Callable[[T], QColor | QBrush | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._right = frozenset(right_aligned)
        self._foreground = foreground
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows`` instead of the current ones."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_value(self, row: int) -> T:
        """The value shown in ``row``."""
        return self._rows[row]

    def rows(self) -> list[T]:
        """A copy of the rows shown."""
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
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._right:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and self._foreground is not None:
            return self._foreground(value)
        return None
