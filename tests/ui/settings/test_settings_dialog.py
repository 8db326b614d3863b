"""The settings dialog: language, a database file or a PostgreSQL server, a connection test
that never blocks and never shows a password, the data folder; saved to disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from propdesk.config import SETTINGS_FILE, ServerSettings, Settings, data_dir
from propdesk.db.engine import Database
from tests.conftest import PG_URL
from tests.ui.helpers import make_ctx
from ui.settings.dialog import SettingsDialog, check_connection

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_connection_test_reports_success_and_failure(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(settings=Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(object, "data_folder").text() == str(data_dir())
    assert dialog.local.isChecked()
    assert not dialog.server_form.isEnabled()
    dialog.database.setText(str(tmp_path / "desk.sqlite3"))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_result.text() == "Connection works."
    dialog.database.setText(str(tmp_path / "no" / "such" / "folder" / "x.sqlite3"))
    dialog.run_test()
    assert dialog.test_result.text().startswith("Cannot connect:")


def test_unreachable_file_is_an_error_message(tmp_path: Path) -> None:
    assert check_connection(str(tmp_path / "missing" / "x.sqlite3"))


def test_save_writes_language_and_database(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(settings=Settings(), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.language.currentData() == "zh_CN"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    qtbot.keyClicks(dialog.database, str(tmp_path / "desk.sqlite3"))
    dialog.accept()
    saved = Settings.load(tmp_path)
    assert saved.language == "en"
    assert saved.database_url == str(tmp_path / "desk.sqlite3")
    assert saved.server is None
    assert dialog.settings == saved


def _fill_server(qtbot: QtBot, dialog: SettingsDialog, server: ServerSettings) -> None:
    qtbot.mouseClick(dialog.on_server, Qt.MouseButton.LeftButton)
    form = dialog.server_form
    assert form.isEnabled()
    assert not dialog.database.isEnabled()
    form.host.setText(server.host)
    form.port.setValue(server.port)
    form.database.setText(server.database)
    form.sslmode.setCurrentIndex(form.sslmode.findData(server.sslmode))


def test_server_is_saved_without_user_or_password(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(settings=Settings(), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    server = ServerSettings(host="db.estate.lan", port=5433, database="cuihu", sslmode="require")
    _fill_server(qtbot, dialog, server)
    qtbot.keyClicks(dialog.server_form.user, "li_clerk")
    qtbot.keyClicks(dialog.server_form.password, "Secret-pass-9")
    dialog.accept()
    raw = (tmp_path / SETTINGS_FILE).read_text(encoding="utf-8")
    assert "Secret-pass-9" not in raw
    assert "li_clerk" not in raw
    assert json.loads(raw)["server"]["sslmode"] == "require"
    assert Settings.load(tmp_path).server == server
    reopened = SettingsDialog(settings=Settings.load(tmp_path), folder=tmp_path)
    qtbot.addWidget(reopened)
    assert reopened.on_server.isChecked()
    assert reopened.server_form.host.text() == "db.estate.lan"
    assert reopened.server_form.password.text() == ""


def test_server_mode_needs_a_host(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = SettingsDialog(settings=Settings(), folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.on_server, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert dialog.isVisible()
    assert "host" in dialog.test_result.text()
    assert not (tmp_path / SETTINGS_FILE).exists()


def test_unreachable_server_says_where_but_never_the_password(qtbot: QtBot) -> None:
    dialog = SettingsDialog(settings=Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_server(qtbot, dialog, ServerSettings(host="127.0.0.1", port=1, database="none"))
    dialog.server_form.user.setText("li_clerk")
    dialog.server_form.password.setText("Secret-pass-9")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    shown = dialog.test_result.text()
    assert (
        shown
        == "无法连接服务器 127.0.0.1:1/none：服务器拒绝连接：地址或端口不对，或服务器没有运行。"
    )
    assert "Secret-pass-9" not in shown
    assert dialog.test_button.isEnabled()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="PROPDESK_TEST_PG_URL not set (CI sets it)")
def test_test_connection_logs_in_and_reads_the_schema_state(qtbot: QtBot) -> None:
    assert PG_URL
    url = make_url(PG_URL)
    dialog = SettingsDialog(settings=Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    server = ServerSettings(host=url.host or "", port=url.port or 5432, database=url.database or "")
    _fill_server(qtbot, dialog, server)
    dialog.server_form.user.setText(url.username or "")
    dialog.server_form.password.setText(url.password or "")
    dialog.run_test()
    assert dialog.test_result.text().startswith(f"连接成功（{url.username}")


def test_in_the_app_the_test_runs_through_the_operation_object(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    ctx = make_ctx(sqlite_db)
    dialog = SettingsDialog(settings=ctx.settings, ctx=ctx, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill_server(qtbot, dialog, ServerSettings(host="127.0.0.1", port=1, database="none"))
    dialog.server_form.user.setText("li_clerk")
    dialog.server_form.password.setText("Secret-pass-9")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.test_result.text().startswith("无法连接服务器 127.0.0.1:1/none")
    assert ctx.errors.shown == []  # a refused connection is an answer, not a failure
    assert dialog.test_button.isEnabled()
