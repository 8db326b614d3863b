"""A form closed after it was saved (hidden, finished) never asks "discard input?".

Closing a finished dialog (as the window or a test does when it tears down) used to open the
discard question on a hidden dialog; the box then died with its parent while open, and its
``finished`` handler ran on a half-destroyed box (a crash in the CI run of the admin dialogs).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from ui.common.keyboard import install_dialog_keys

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _form(qtbot: QtBot, *, show: bool = True) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = QLineEdit()
    ok = QPushButton("OK")
    ok.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(edit)
    layout.addWidget(ok)
    keys = install_dialog_keys(dialog, default=ok, first=edit)
    if show:
        dialog.show()
        qtbot.waitExposed(dialog)
    else:
        keys.mark_clean()  # a record loaded into a form that is saved without being shown
    return dialog, edit


def _questions(dialog: QDialog) -> list[QMessageBox]:
    return dialog.findChildren(QMessageBox, "discard_question")


@pytest.mark.parametrize("shown", [True, False])
def test_closing_a_saved_form_asks_nothing(qtbot: QtBot, shown: bool) -> None:
    dialog, edit = _form(qtbot, show=shown)
    edit.setText("3-1502")
    dialog.accept()  # saved: the form is hidden and finished
    assert dialog.close()
    assert _questions(dialog) == []


def test_closing_an_open_form_with_input_still_asks(qtbot: QtBot) -> None:
    dialog, edit = _form(qtbot)
    qtbot.keyClicks(edit, "3-1502")
    assert not dialog.close()  # the input is kept, the question is asked
    assert [box.isVisible() for box in _questions(dialog)] == [True]
    assert dialog.isVisible()
    assert edit.text() == "3-1502"
