"""Unit and person pages survive being opened, closed and reopened any number of times."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.main_window import MainWindow
from ui.registry.person_page import PersonPage
from ui.registry.unit_page import UnitPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> MainWindow:
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=CLERK))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _back(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)


def test_unit_and_person_pages_reopen_in_the_main_window(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    units = window.show_module("registry")
    for _ in range(3):
        window.open_unit(small_estate.unit_1502)
        page = window.record_page
        assert isinstance(page, UnitPage)
        assert page.title.text() == "3-2-1502"
        _back(qtbot, window)  # leave the page (to the list, or the record before it)
        assert isValid(window.stack.currentWidget())
        window.show_module("registry")
        assert window.stack.currentWidget() is units
        qtbot.wait(1)  # let deleteLater of replaced pages run
        window.open_person(small_estate.zhang_san)
        person = window.record_page
        assert isinstance(person, PersonPage)
        assert person.title.text() == "张三"
        window.show_module("people")
    window.open_unit(small_estate.unit_1502)
    assert isinstance(window.record_page, UnitPage)
    assert isValid(window.record_page)
    assert window.ctx.errors.shown == []


@pytest.mark.parametrize("kind", ["unit", "person"])
def test_a_record_page_as_a_window_closes_by_esc_or_close_and_reopens(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, kind: str
) -> None:
    ctx = make_ctx(sqlite_db, actor=CLERK)

    def open_page() -> UnitPage | PersonPage:
        page: UnitPage | PersonPage = (
            UnitPage(ctx=ctx, unit_id=small_estate.unit_1502, panels=())
            if kind == "unit"
            else PersonPage(ctx=ctx, person_id=small_estate.zhang_san, panels=())
        )
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        page.show()
        qtbot.waitExposed(page)
        return page

    for close_by_esc in (True, False, True):
        page = open_page()
        assert page.title.text() in ("3-2-1502", "张三")
        with qtbot.waitSignal(page.destroyed):
            if close_by_esc:
                qtbot.keyClick(page, Qt.Key.Key_Escape)
            else:
                page.close()  # the window's close button
    # a change broadcast after the pages are gone reaches no deleted widget
    from propdesk.changes import Changes

    ctx.hub.notify(Changes(units=True, people=True, occupancy=True))
    assert ctx.errors.shown == []
