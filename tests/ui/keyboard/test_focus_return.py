"""After a form closes — saved, cancelled or dismissed with Esc — the focus is back in the
field or list the clerk was in (docs/keyboard.md)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.helpers import type_text
from ui.common.keyboard import install_dialog_keys

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _window(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    window = QWidget()
    first, second = QLineEdit(window), QLineEdit(window)
    layout = QVBoxLayout(window)
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    second.setFocus()
    qtbot.waitUntil(second.hasFocus, timeout=2000)
    return window, first, second


def _form(parent: QWidget) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(parent)
    note = QLineEdit(dialog)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(note)
    layout.addWidget(buttons)
    install_dialog_keys(
        dialog,
        submit=dialog.accept,
        default=buttons.button(QDialogButtonBox.StandardButton.Ok),
    )
    return dialog, note


@pytest.mark.parametrize("how", ["enter", "esc"])
def test_focus_returns_to_the_field_the_clerk_was_in(qtbot: QtBot, how: str) -> None:
    window, _first, second = _window(qtbot)
    dialog, note = _form(window)
    dialog.open()
    qtbot.waitUntil(note.hasFocus, timeout=2000)
    if how == "enter":
        type_text(qtbot, note, "门口放好")
        qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    qtbot.waitUntil(second.hasFocus, timeout=2000)


def test_a_field_gone_meanwhile_is_left_alone(qtbot: QtBot) -> None:
    window, first, second = _window(qtbot)
    dialog, note = _form(window)
    dialog.open()
    qtbot.waitUntil(note.hasFocus, timeout=2000)
    second.hide()  # e.g. the form it belonged to was reset
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    qtbot.wait(50)
    assert not second.hasFocus()
    assert first.isVisible()
