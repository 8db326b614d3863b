"""A module opened from a unit or person page starts with that record (issue 15, context):
F6 takes the cashier to the unit with the cursor in the amount; the keys and parcels pages
show that unit's keys and parcels, with the unit filled in on the parcel and visitor forms."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from tests.ui.helpers import SmallEstate, make_ctx
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> MainWindow:
    win = MainWindow(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _open_module(qtbot: QtBot, window: MainWindow, key: str) -> None:
    """Ctrl+0 to the navigation list, arrows to the module, Enter (as a clerk does)."""
    _press(qtbot, window, "Ctrl+0")
    assert window.nav.hasFocus()
    row = next(i for i, m in enumerate(window.modules) if m.key == key)
    window.nav.setCurrentRow(row)  # the arrows' effect; pages change only on Enter
    qtbot.keyClick(window.nav, Qt.Key.Key_Return)


def _press(qtbot: QtBot, window: MainWindow, sequence: str) -> None:
    from PySide6.QtGui import QKeySequence

    combo = QKeySequence(sequence)[0]
    QTest.keyClick(window.focusWidget() or window, combo.key(), combo.keyboardModifiers())


def test_f6_on_a_unit_page_opens_the_cashier_with_that_unit(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    window.open_unit(small_estate.unit_1502)
    _press(qtbot, window, "F6")
    fees = window.stack.currentWidget()
    cashier = fees.cashier  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: cashier.unit_edit.text() == "3-2-1502", timeout=3000)
    assert fees.tabs.currentWidget() is cashier  # type: ignore[attr-defined]
    qtbot.waitUntil(cashier.amount_edit.hasFocus, timeout=3000)


def test_a_person_page_stands_for_their_home(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    window.open_person(small_estate.zhang_san)
    _press(qtbot, window, "F6")
    cashier = window.stack.currentWidget().cashier  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: cashier.unit_edit.text() == "3-2-1502", timeout=3000)


def test_keys_and_parcels_pages_start_filtered_to_the_unit(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    window.open_unit(small_estate.unit_1501)
    _open_module(qtbot, window, "keys")
    keys = window.stack.currentWidget()
    qtbot.waitUntil(lambda: keys.search.text() == "3-2-1501", timeout=3000)  # type: ignore[attr-defined]
    assert keys.show_combo.currentData() == "all"  # type: ignore[attr-defined]

    window.open_unit(small_estate.unit_1501)
    _open_module(qtbot, window, "parcels")
    page = window.stack.currentWidget()
    qtbot.waitUntil(lambda: page.parcels.search.text() == "3-2-1501", timeout=3000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.visitors.unit.unit_id == small_estate.unit_1501, timeout=3000)  # type: ignore[attr-defined]


def test_a_module_opened_from_another_module_is_not_filtered(
    qtbot: QtBot, window: MainWindow
) -> None:
    _open_module(qtbot, window, "keys")
    keys = window.stack.currentWidget()
    qtbot.wait(100)
    assert keys.search.text() == ""  # type: ignore[attr-defined]
