"""A keyboard-first table view for :class:`SqlTableModel`: Enter or double-click opens a row."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.common.sql_table_model import SqlTableModel


class RecordTableView(QTableView):
    """Row selection, SQL sorting by header click, ``opened(row_id)`` on Enter/double-click.

    Signals:
        opened(int): the id of the row the user opened.
    """

    opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the list for the next field or button (a read-only list has no cells to
        # walk; Qt's default kept the focus cycling through the cells for ever).
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.doubleClicked.connect(self._open_index)

    def setModel(self, model: SqlTableModel | None) -> None:  # type: ignore[override]
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def fit_rows(self, rows: int, *, most: int = 8) -> None:
        """As tall as ``rows`` rows (at least one, at most ``most``; more scroll), with the
        header and room for a horizontal scroll bar: a record page's short list does not
        leave a tall empty box under one row."""
        shown = max(1, min(rows, most))
        height = (
            self.horizontalHeader().sizeHint().height()
            + shown * self.verticalHeader().defaultSectionSize()
            + self.horizontalScrollBar().sizeHint().height()
            + 2 * self.frameWidth()
        )
        self.setFixedHeight(height)

    def current_id(self) -> int | None:
        """The id of the selected row, or None."""
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or not isinstance(model, SqlTableModel):
            return None
        return model.row_id(index.row())

    def _open_index(self, index: QModelIndex) -> None:
        model = self.model()
        if index.isValid() and isinstance(model, SqlTableModel):
            self.opened.emit(model.row_id(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            return
        super().keyPressEvent(event)
