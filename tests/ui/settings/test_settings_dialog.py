"""The settings dialog: language, database with a connection test, data folder; saved to disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.config import Settings, data_dir
from ui.settings.dialog import SettingsDialog, check_connection

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_connection_test_reports_success_and_failure(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(settings=Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(object, "data_folder").text() == str(data_dir())
    dialog.database.setText(str(tmp_path / "desk.sqlite3"))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_result.text() == "Connection works."
    dialog.database.setText(str(tmp_path / "no" / "such" / "folder" / "x.sqlite3"))
    assert not dialog.run_test()
    assert dialog.test_result.text().startswith("Cannot connect:")


def test_unreachable_server_is_an_error_message() -> None:
    error = check_connection("postgresql+psycopg://nobody:x@127.0.0.1:1/none")
    assert error


def test_save_writes_language_and_database(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(settings=Settings(), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.currentData() == "zh_CN"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClicks(dialog.database, "postgresql+psycopg://desk@server/propdesk")
    dialog.accept()
    saved = Settings.load(tmp_path)
    assert saved.language == "en"
    assert saved.database_url == "postgresql+psycopg://desk@server/propdesk"
    assert dialog.settings == saved
