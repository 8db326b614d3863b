"""The filter line edit above a list: Down (or Enter) hands the keyboard to the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget


class FilterBox(QLineEdit):
    """A filter field bound to ``view``: Down moves to the first row of the list."""

    def __init__(self, *, view: QAbstractItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filter")
        self.setClearButtonEnabled(True)
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self._view.model()
        if event.key() == Qt.Key.Key_Down and model is not None and model.rowCount() > 0:
            self._view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self._view.currentIndex().isValid():
                self._view.setCurrentIndex(model.index(0, 0))
            return
        super().keyPressEvent(event)
