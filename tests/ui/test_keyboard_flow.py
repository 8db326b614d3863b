"""A clerk's round trip without the mouse: find a unit, register a new occupant, move them out."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from tests.ui.helpers import SmallEstate, make_ctx, type_text
from ui.main_window import MainWindow
from ui.registry.dialogs import AddOccupantDialog, EndOccupancyDialog
from ui.registry.unit_page import UnitPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _next_modal(handle: Callable[[QWidget], None], errors: list[BaseException]) -> None:
    """Drive the next modal dialog; a failed step closes it so the test cannot hang."""

    def run() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, run)
            return
        try:
            handle(widget)
        except BaseException as exc:
            errors.append(exc)
        finally:
            if widget.isVisible():
                errors.append(AssertionError(f"{type(widget).__name__} stayed open"))
                widget.reject()  # type: ignore[attr-defined]

    QTimer.singleShot(0, run)


def test_keyboard_only_move_in_and_move_out(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    window = MainWindow(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.search, "3-2-1501")
    qtbot.waitUntil(window.search.results.isVisible)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    page = window.record_page
    assert isinstance(page, UnitPage)
    assert page.unit_id == small_estate.unit_1501

    def register(dialog: QWidget) -> None:
        assert isinstance(dialog, AddOccupantDialog)
        assert dialog.focusWidget() is dialog.name
        type_text(qtbot, dialog.name, "赵六")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "13612345678")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter saves

    errors: list[BaseException] = []
    _next_modal(register, errors)
    qtbot.keyClick(
        page, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [
        page.current_model.item(r).person_name for r in range(page.current_model.rowCount())
    ] == ["赵六"]
    assert page.facts.values["status"].text() in ("自住", "Owner-occupied")

    def move_out(dialog: QWidget) -> None:
        assert isinstance(dialog, EndOccupancyDialog)
        assert dialog.focusWidget() is dialog.end
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    _next_modal(move_out, errors)
    page.move_out_button.setFocus()
    qtbot.keyClick(page.move_out_button, Qt.Key.Key_Space)
    assert errors == []
    assert page.current_model.rowCount() == 0
    assert page.history_model.item(0).person_name == "赵六"
