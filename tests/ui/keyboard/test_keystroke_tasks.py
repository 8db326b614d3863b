"""Issue 15's twelve desk tasks by keyboard alone (benchmarks/keystrokes_tasks.py): each must finish
with key events only, and finding a unit takes at most 4 keys beyond the query."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from ui.main_window import MainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
import keystrokes_tasks as tasks

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


#: The tasks a task needs done first on the same ticket (dispatch needs the repair…).
BEFORE = {"3": ["2"], "4": ["2", "3"], "5": ["2", "3", "4"]}
TASKS = {name.split()[0]: (name, fn) for name, fn in tasks.TASKS}


def test_the_harness_has_the_twelve_tasks() -> None:
    assert list(TASKS) == [str(n) for n in range(1, 13)]


@pytest.mark.parametrize("number", list(TASKS))
def test_desk_task_by_keyboard_alone(qtbot: QtBot, sqlite_db: Database, number: str) -> None:
    from tests.ui.helpers import make_ctx

    estate = tasks.build_estate(sqlite_db)
    window = MainWindow(ctx=make_ctx(sqlite_db, tasks.CLERK))
    qtbot.addWidget(window)
    window.show()
    tasks.activate(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    watchdog = tasks.StuckModals()  # a dialog the keys could not finish never hangs the suite
    watchdog.start()
    for before in BEFORE.get(number, []):
        tasks.run_task(window, estate, TASKS[before][1])
    keys = tasks.run_task(window, estate, TASKS[number][1])
    if number == "1":
        assert keys.keys <= tasks.UNIT_KEYS_LIMIT, keys.log
    if number == "2":
        assert tasks.estimate_seconds(keys) < tasks.REPAIR_SECONDS_LIMIT, keys.log
    if number == "6":
        assert tasks.estimate_seconds(keys) < tasks.PAYMENT_SECONDS_LIMIT, keys.log
    watchdog.stop()
    tasks.close_modals()
