"""Issue 15's desk tasks by keyboard alone (benchmarks/keystrokes_tasks.py): each must finish
with key events only, and finding a unit takes at most 4 keys beyond the query."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
import keystrokes_tasks as tasks

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def test_the_desk_tasks_by_keyboard_alone(qtbot: QtBot, sqlite_db: Database) -> None:
    from tests.ui.helpers import make_ctx

    estate = tasks.build_estate(sqlite_db)
    window = MainWindow(ctx=make_ctx(sqlite_db, tasks.CLERK))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    watchdog = QTimer()
    watchdog.setInterval(3000)  # a dialog the keys could not finish never hangs the suite
    watchdog.timeout.connect(tasks.close_modals)
    watchdog.start()
    for name, fn in tasks.TASKS:
        window.activateWindow()
        keys = tasks.run_task(window, estate, fn)
        if name.startswith("1 "):
            assert keys.keys <= 4, keys.log
