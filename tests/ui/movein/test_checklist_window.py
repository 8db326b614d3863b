"""The move-in checklist window survives being opened, closed (Esc or its close button) and
reopened any number of times."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from propdesk.db.engine import Database
from propdesk.movein import checklist
from propdesk.movein.values import MoveInForm
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.movein.checklist_dialog import MoveInDialog
from ui.movein.page import MoveInPage
from ui.renovation.widgets import desk_today

# the offscreen platform cannot raise a window (asked when an open window is opened again)
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def _deleted(window: MoveInDialog) -> bool:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return not isValid(window)


def test_checklist_window_reopens_after_esc_and_close_button(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(CLERK) as s:
        mid = checklist.open_movein(
            s,
            unit_id=small_estate.unit_1501,
            person_id=small_estate.wang_wu,
            role="tenant",
            form=MoveInForm(planned_on=desk_today(), water_reading_centi=12_340),
        )
    ctx = make_ctx(sqlite_db, CLERK)
    page = MoveInPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.moveins
    tab.table.selectRow(0)

    seen: list[MoveInDialog] = []
    for how in ("esc", "button", "esc", "title bar", "button"):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter resumes the checklist
        window = tab.dialog
        assert isinstance(window, MoveInDialog)
        assert window not in seen
        seen.append(window)
        assert window.isVisible()
        assert window.info is not None
        assert window.info.id == mid
        assert window.water.text() == "123.40"
        assert tab.open_checklist(mid) is window  # opening it again raises the same window
        if how == "esc":
            qtbot.keyClick(window, Qt.Key.Key_Escape)
        elif how == "button":
            qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
        else:
            window.close()
        assert _deleted(window)
        assert tab.dialog is None
    # a new checklist's window too
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    window = tab.dialog
    assert isinstance(window, MoveInDialog)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert _deleted(window)
    assert ctx.errors.shown == []
