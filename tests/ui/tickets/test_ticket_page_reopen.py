"""The ticket page survives being closed (Esc or the close button) and opened again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.context import AppContext
from ui.events import Changes
from ui.tickets.board import TicketBoard
from ui.tickets.ticket_page import TicketPage, open_ticket_page
from ui.worker import ThreadExecutor

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)


def _ticket(db: Database, estate: SmallEstate) -> int:
    with db.begin(CLERK) as s:
        intake = svc.Intake(
            kind="repair",
            category_id=category_id(db, "repair", "plumbing"),
            description="水龙头坏了",
            unit_id=estate.unit_1502,
            person_id=estate.zhang_san,
        )
        return svc.create_ticket(s, intake).id


def _deleted_later() -> None:
    """Run the pending deleteLater()s, as the event loop would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _open(qtbot: QtBot, ctx: AppContext, tid: int) -> TicketPage:
    page = open_ticket_page(ctx, tid)
    qtbot.waitExposed(page)
    assert isValid(page)
    assert page.isVisible()
    assert page.info.id == tid
    return page


def _close_with_esc(qtbot: QtBot, page: TicketPage) -> None:
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    _deleted_later()
    assert not isValid(page)


def _close_with_button(page: TicketPage) -> None:
    assert page.close()  # what the title bar's close button does
    _deleted_later()
    assert not isValid(page)


def test_reopen_after_esc_and_after_the_close_button(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    tid = _ticket(sqlite_db, small_estate)
    _close_with_esc(qtbot, _open(qtbot, ctx, tid))
    _close_with_button(_open(qtbot, ctx, tid))
    page = _open(qtbot, ctx, tid)
    _close_with_esc(qtbot, page)
    page = _open(qtbot, ctx, tid)
    _close_with_button(page)
    ctx.hub.notify(Changes(tickets=True))  # the deleted pages no longer listen
    _close_with_esc(qtbot, _open(qtbot, ctx, tid))
    assert ctx.errors.shown == []


def test_opening_an_open_ticket_raises_the_same_window(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    tid = _ticket(sqlite_db, small_estate)
    first = _open(qtbot, ctx, tid)
    assert open_ticket_page(ctx, tid) is first
    _close_with_button(first)


def test_a_hidden_page_reloads_when_shown_again(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    tid = _ticket(sqlite_db, small_estate)
    page = TicketPage(ctx=ctx, ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    page.hide()
    with sqlite_db.begin(CLERK) as s:
        svc.add_note(s, tid, "业主来电催促")
    ctx.hub.notify(Changes(tickets=True))
    assert all(e.note != "业主来电催促" for e in page.info.events)  # hidden: only marked stale
    page.show()
    assert any(e.note == "业主来电催促" for e in page.info.events)


def test_links_of_a_reopened_page_reach_the_board_once(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    tid = _ticket(sqlite_db, small_estate)
    board = TicketBoard(ctx=ctx)
    qtbot.addWidget(board)
    opened: list[tuple[str, int]] = []
    board.open_record.connect(lambda kind, rid: opened.append((kind, rid)))
    for close in ("esc", "button"):
        board.open_ticket(tid)
        board.open_ticket(tid)  # raised again: not connected twice
        page = _open(qtbot, ctx, tid)
        page.unit_link.click()
        assert opened == [("unit", small_estate.unit_1502)]
        opened.clear()
        if close == "esc":
            _close_with_esc(qtbot, page)
        else:
            _close_with_button(page)


def test_the_page_loads_on_the_worker_thread_and_runs_an_early_action(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    tid = _ticket(sqlite_db, small_estate)
    executor = ThreadExecutor()
    ctx.executor = executor
    try:
        page = open_ticket_page(ctx, tid)
        asked: list[str] = []
        page.action_dialog = lambda key: _Recorder(asked, key)  # type: ignore[method-assign]
        page.run_action("note")  # before the ticket is in: runs once it is
        qtbot.waitUntil(lambda: page.buttons["note"].isEnabled(), timeout=3000)
        assert page.info.id == tid
        assert asked == ["note"]
        _close_with_esc(qtbot, page)
    finally:
        executor.wait(3000)


class _Recorder:
    """Stands in for an action dialog: records that it was opened."""

    def __init__(self, asked: list[str], key: str) -> None:
        self._asked, self._key = asked, key

    def exec(self) -> int:
        self._asked.append(self._key)
        return 0
