"""A list's Tab goes to the next control: the desk's lists choose rows, never cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.common.table_view import RecordTableView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_tab_leaves_a_record_list(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    view = RecordTableView()
    model = QStandardItemModel(3, 4)
    QTableView.setModel(view, model)  # the plain view's: no SQL model needed here
    after = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(after)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    qtbot.waitUntil(view.hasFocus, timeout=1000)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is after
    assert view.currentIndex().row() == 1  # the chosen row stays
