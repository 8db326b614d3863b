"""Start-up pieces: the bundled CJK font, translations, and a clear message for a bad database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ui.app import install_cjk_font, load_translations, open_or_explain, run_gui

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _answer_next_modal(action: Callable[[QWidget], None], seen: list[str]) -> None:
    def run() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, run)
            return
        if isinstance(widget, QMessageBox):
            seen.append(widget.text())
        else:
            seen.append(type(widget).__name__)
        action(widget)

    QTimer.singleShot(0, run)


def test_cjk_font_is_the_app_font_fallback(qapp: QApplication) -> None:
    before = QFont(qapp.font())
    try:
        families = install_cjk_font(qapp)
        assert any("WenQuanYi" in f for f in families)
        assert any("WenQuanYi" in f for f in qapp.font().families())
    finally:
        qapp.setFont(before)


def test_english_loads_no_translation(qapp: QApplication) -> None:
    assert load_translations(qapp, "en") == []


def test_corrupt_database_file_gets_a_message_not_a_traceback(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    seen: list[str] = []
    _answer_next_modal(lambda w: w.close(), seen)
    assert open_or_explain(f"sqlite:///{path}") is None
    assert len(seen) == 1
    assert str(path) in seen[0]


def test_run_gui_with_a_corrupt_file_exits_1(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"\x00garbage" * 500)
    seen: list[str] = []
    _answer_next_modal(lambda w: w.close(), seen)
    assert run_gui(db=str(path), lang="en") == 1
    assert seen


def test_run_gui_cancelled_first_run_exits_0(qtbot: QtBot, tmp_path: Path) -> None:
    seen: list[str] = []
    _answer_next_modal(lambda w: w.reject(), seen)  # type: ignore[attr-defined]
    assert run_gui(db=str(tmp_path / "new.sqlite3"), lang="en") == 0
    assert seen == ["FirstRunSetupDialog"]


def test_another_programs_sqlite_file_is_refused_untouched(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    seen: list[str] = []
    _answer_next_modal(lambda w: w.close(), seen)
    assert open_or_explain(f"sqlite:///{path}") is None
    assert "不是 PropDesk 的数据库" in seen[0]
    assert path.read_bytes() == before  # no migration written into someone else's file


def test_failed_open_offers_another_database_from_the_settings(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"\x00garbage" * 500)
    monkeypatch.setenv("PROPDESK_DATABASE_URL", f"sqlite:///{broken}")
    seen: list[str] = []

    def choose_change(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        change = next(b for b in box.buttons() if "Change database" in b.text())
        change.click()
        _answer_next_modal(cancel_settings, seen)

    def cancel_settings(dialog: QWidget) -> None:
        dialog.reject()  # type: ignore[attr-defined]

    _answer_next_modal(choose_change, seen)
    assert run_gui(db=None, lang="en") == 1
    assert seen[1] == "SettingsDialog"
