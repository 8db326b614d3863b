"""The three modules in the real main window: Ctrl+N opens each page's new-record dialog,
the unit page carries the renovation-and-keys panel, the status bar counts what is late."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.keys import services as keys
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.keys.page import DepositKeyDialog, KeysPage
from ui.main_window import MainWindow
from ui.movein.checklist_dialog import MoveInDialog
from ui.movein.page import MoveInPage
from ui.renovation.dialogs import ApplicationDialog
from ui.renovation.page import RenovationPage
from ui.renovation.unit_panel import RenovationKeysPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_modules_shortcuts_panel_and_status_bar(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    now = clock.now()
    with sqlite_db.begin(CLERK) as s:
        dep = keys.deposit_key(
            s, unit_id=small_estate.unit_1502, deposited_by="张三", authorised="张三", at=now
        )
        keys.lend_key(
            s,
            deposit_id=dep,
            borrower="张三",
            due_at=now - timedelta(minutes=1),
            signature="张三",
            at=now - timedelta(hours=1),
        )
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=CLERK))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    assert win.status_labels["keys_overdue"].text() == "Keys overdue: 1"
    assert win.status_labels["renovation_overdue"].text() == ""

    page = win.show_module("renovation")
    assert isinstance(page, RenovationPage)
    page.permits.table.setFocus()
    qtbot.keyClick(page.permits.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.permits.dialog, ApplicationDialog)
    page.permits.dialog.reject()

    movein = win.show_module("movein")
    assert isinstance(movein, MoveInPage)
    movein.moveins.table.setFocus()
    qtbot.keyClick(movein.moveins.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(movein.moveins.dialog, MoveInDialog)
    movein.moveins.dialog.reject()

    keys_page = win.show_module("keys")
    assert isinstance(keys_page, KeysPage)
    keys_page.table.setFocus()
    qtbot.keyClick(keys_page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(keys_page.dialog, DepositKeyDialog)
    keys_page.dialog.reject()

    win.open_unit(small_estate.unit_1502)
    panels = win.findChildren(RenovationKeysPanel)
    assert panels
    assert "K0001" in panels[-1].keys_text.text()
