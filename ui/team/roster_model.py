"""The roster grid: clerks (rows) × days of the month (columns), cells show shift codes."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from propdesk.team.roster import MonthRoster

AnyIndex = QModelIndex | QPersistentModelIndex
WEEKEND = QBrush(QColor("#f3efe6"))
WEEKDAYS = (
    QT_TRANSLATE_NOOP("TeamWeekday", "Mon"),
    QT_TRANSLATE_NOOP("TeamWeekday", "Tue"),
    QT_TRANSLATE_NOOP("TeamWeekday", "Wed"),
    QT_TRANSLATE_NOOP("TeamWeekday", "Thu"),
    QT_TRANSLATE_NOOP("TeamWeekday", "Fri"),
    QT_TRANSLATE_NOOP("TeamWeekday", "Sat"),
    QT_TRANSLATE_NOOP("TeamWeekday", "Sun"),
)


def weekday_name(day: date) -> str:
    return QCoreApplication.translate("TeamWeekday", str(WEEKDAYS[day.weekday()]))


class RosterModel(QAbstractTableModel):
    """A month's roster (a few clerks × 28–31 days: held whole)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: MonthRoster | None = None

    def set_grid(self, grid: MonthRoster) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.clerks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.days)

    def cell(self, row: int, column: int) -> tuple[int, date, tuple[int, ...]]:
        """(user id, day, shift ids) of a cell."""
        assert self.grid is not None
        user_id = self.grid.clerks[row].user_id
        day = self.grid.days[column]
        return user_id, day, self.grid.cells.get((user_id, day), ())

    def text(self, row: int, column: int) -> str:
        assert self.grid is not None
        _, _, ids = self.cell(row, column)
        return "".join(s.short for i in ids if (s := self.grid.shift(i)) is not None)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.grid is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.grid.days[section]
            return f"{day.day}\n{weekday_name(day)}"
        return self.grid.clerks[section].name

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return WEEKEND if self.grid.days[index.column()].weekday() >= 5 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            _, day, ids = self.cell(index.row(), index.column())
            names = [f"{s.name} {s.hours}" for i in ids if (s := self.grid.shift(i)) is not None]
            return f"{self.grid.clerks[index.row()].name} {day:%m-%d}: " + (
                "，".join(names) or QCoreApplication.translate("TeamWeekday", "off")
            )
        return None
