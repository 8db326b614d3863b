"""The server login at start: refusals and unreachable servers are shown in the dialog,
which stays open; "Server settings…" hands over to the settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.config import ServerSettings
from propdesk.db.engine import Database
from ui.settings.server_login import (
    CHANGE_SETTINGS,
    ServerLoginDialog,
    login_matches_connection,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NOWHERE = ServerSettings(host="127.0.0.1", port=1, database="none")


def test_unreachable_server_keeps_the_dialog_open(qtbot: QtBot) -> None:
    dialog = ServerLoginDialog(server=NOWHERE, username="li_clerk")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(object, "server_where").text() == "Server: 127.0.0.1:1/none"
    assert dialog.focusWidget() is dialog.password
    qtbot.keyClicks(dialog.password, "Secret-pass-9")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result_start is None
    assert dialog.error.text().startswith("无法连接服务器 127.0.0.1:1/none")
    assert "Secret-pass-9" not in dialog.error.text()
    assert dialog.password.text() == ""


def test_empty_fields_are_asked_for(qtbot: QtBot) -> None:
    dialog = ServerLoginDialog(server=NOWHERE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()
    assert dialog.error.text() == "Enter your user name and password."


def test_server_settings_button_asks_for_the_settings(qtbot: QtBot) -> None:
    dialog = ServerLoginDialog(server=NOWHERE)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.wait_signal(dialog.finished) as finished:
        qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    assert finished.args == [CHANGE_SETTINGS]


def test_a_file_database_has_no_server_login_to_match(sqlite_db: Database) -> None:
    actor = Actor(user_id=1, username="anyone", display_name="x", role=Role.CLERK)
    assert login_matches_connection(sqlite_db, actor)
