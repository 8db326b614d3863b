"""The permit window survives being opened, closed (Esc or its close button) and reopened."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from propdesk.db.engine import Database
from propdesk.renovation import permits
from propdesk.renovation.values import PermitApplication
from tests.ui.helpers import SUPERVISOR, SmallEstate, make_ctx
from ui.renovation.page import RenovationPage
from ui.renovation.permit_view import PermitWindow
from ui.renovation.widgets import desk_today

# the offscreen platform cannot raise a window (asked when an open window is opened again)
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def _permit(db: Database, unit_id: int) -> int:
    with db.begin(SUPERVISOR) as s:
        return permits.apply_for_permit(
            s,
            PermitApplication(
                unit_id=unit_id,
                owner_name="张三",
                contractor="安居装饰",
                scope="刷墙",
                planned_start=desk_today(),
                planned_end=desk_today() + timedelta(days=20),
                deposit_fen=0,
            ),
        )


def _deleted(window: PermitWindow) -> bool:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return not isValid(window)


def test_permit_window_reopens_after_esc_and_close_button(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    pid = _permit(sqlite_db, small_estate.unit_1502)
    ctx = make_ctx(sqlite_db, SUPERVISOR)
    page = RenovationPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    tab = page.permits
    tab.table.selectRow(0)

    seen: list[PermitWindow] = []
    for how in ("esc", "button", "esc", "title bar", "button"):
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter opens the permit's window
        window = tab.windows.window(pid)
        assert window is not None
        assert window not in seen
        seen.append(window)
        assert window.isVisible()
        assert window.view.permit is not None
        assert window.view.permit.id == pid
        assert window.view.permit.permit_no in window.windowTitle()
        assert tab.windows.open(pid) is window  # opening it again raises the same window
        if how == "esc":
            qtbot.keyClick(window, Qt.Key.Key_Escape)
        elif how == "button":
            qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
        else:
            window.close()
        assert _deleted(window)
        assert tab.windows.window(pid) is None
    assert ctx.errors.shown == []


def test_permit_window_follows_changes(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    pid = _permit(sqlite_db, small_estate.unit_1502)
    ctx = make_ctx(sqlite_db, SUPERVISOR)
    page = RenovationPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    window = page.permits.windows.open(pid)
    qtbot.mouseClick(window.view.approve_button, Qt.MouseButton.LeftButton)
    assert window.view.permit is not None
    assert window.view.permit.status == "approved"
    # the list refreshed too; the hidden at-a-glance tab only marked itself stale
    assert page.glance._stale.stale
    page.tabs.setCurrentWidget(page.glance)
    assert not page.glance._stale.stale
    window.close()
    assert _deleted(window)
    assert ctx.errors.shown == []
