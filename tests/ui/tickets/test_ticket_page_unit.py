"""Alt+U (房屋) on a ticket's page opens its unit; a public-area ticket has none. From the
ticket history on a person's page, the unit opens in the main window and the ticket stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.tickets.panels import TicketHistoryPanel
from ui.tickets.ticket_page import TicketPage, open_ticket_page

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def _ticket(db: Database, **kw: object) -> int:
    intake = svc.Intake(
        kind="repair",
        category_id=category_id(db, "repair", "plumbing"),
        description="水管漏水",
        reporter_name="张三",
        **kw,  # type: ignore[arg-type]
    )
    with db.begin(CLERK) as s:
        return svc.create_ticket(s, intake).id


def _active(qtbot: QtBot, page: TicketPage) -> None:
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)


def test_alt_u_opens_the_unit_and_not_for_a_public_area(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    opened: list[tuple[str, int]] = []
    page = open_ticket_page(
        ctx,
        _ticket(sqlite_db, unit_id=small_estate.unit_1502),
        open_record=lambda kind, rid: opened.append((kind, rid)),
    )
    qtbot.addWidget(page)
    _active(qtbot, page)
    assert page.unit_button.isEnabled()
    assert page.unit_button.text() == "&Unit"
    qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: opened == [("unit", small_estate.unit_1502)], timeout=2000)

    public = open_ticket_page(
        ctx,
        _ticket(sqlite_db, location="3号楼大堂"),
        open_record=lambda kind, rid: opened.append((kind, rid)),
    )
    qtbot.addWidget(public)
    _active(qtbot, public)
    assert not public.unit_button.isEnabled()
    assert public.unit_button.toolTip() == "A public-area ticket has no unit."
    qtbot.keyClick(public, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(200)
    assert opened == [("unit", small_estate.unit_1502)]


def test_from_a_person_page_the_unit_opens_in_the_main_window(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from ui.main_window import MainWindow
    from ui.registry.unit_page import UnitPage

    tid = _ticket(sqlite_db, unit_id=small_estate.unit_101, person_id=small_estate.wang_wu)
    window = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(window)
    window.show()
    window.open_record("person", small_estate.wang_wu)
    panel = window.record_page.findChild(TicketHistoryPanel)
    assert panel is not None
    assert panel.model.row_id(0) == tid
    panel.open_ticket(tid)
    page = next(p for p in window.findChildren(TicketPage) if p.ticket_id == tid)
    _active(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(window.record_page, UnitPage), timeout=2000)
    assert isinstance(window.record_page, UnitPage)
    assert window.record_page.unit_id == small_estate.unit_101
    assert page.isVisible()  # the ticket window outlives the person page it came from
