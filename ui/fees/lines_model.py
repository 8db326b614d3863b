"""The open lines of one unit as a checkable table (a unit has a few dozen lines at most)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from propdesk.fees.arrears import OpenLine
from propdesk.fees.money import yuan

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class OpenLinesModel(QAbstractTableModel):
    """Open bill lines with a check box in column 0 (the lines the clerk picks).

    Signals:
        picked_changed(): the set of checked lines changed.
    """

    picked_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[OpenLine] = []
        self._checked: set[int] = set()
        self._headers = [
            self.tr("Pay"),
            self.tr("Item"),
            self.tr("Period"),
            self.tr("Due date"),
            self.tr("Amount"),
            self.tr("Owed"),
            self.tr("Overdue days"),
            self.tr("Late fee"),
        ]

    def set_lines(self, lines: Sequence[OpenLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._checked = set()
        self.endResetModel()
        self.picked_changed.emit()

    def lines(self) -> list[OpenLine]:
        return list(self._lines)

    def picked_ids(self) -> list[int]:
        """Checked lines in the shown (oldest first) order."""
        return [line.line_id for line in self._lines if line.line_id in self._checked]

    def picked_owed(self) -> int:
        return sum(line.owed_fen for line in self._lines if line.line_id in self._checked)

    def total_owed(self) -> int:
        return sum(line.owed_fen for line in self._lines)

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            lid = self._lines[row].line_id
            self._checked.symmetric_difference_update({lid})
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.CheckStateRole])
            self.picked_changed.emit()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            checked = line.line_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                "",
                line.item_name + (f"（{line.description}）" if line.description else ""),
                line.period,
                line.due_date.isoformat(),
                yuan(line.amount_fen),
                yuan(line.owed_fen),
                str(line.days_overdue) if line.days_overdue else "",
                yuan(line.late_fee_fen) if line.late_fee_fen else "",
            )
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 4:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and line.days_overdue > 90:
            return QBrush(QColor("#b00020"))
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            want = Qt.CheckState(value) == Qt.CheckState.Checked
            if want != (self._lines[index.row()].line_id in self._checked):
                self.toggle(index.row())
            return True
        return False
