"""The global search box, typed into like a clerk would, inside the real main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from tests.ui.helpers import SmallEstate, make_ctx, type_text
from ui.main_window import MainWindow
from ui.registry.person_page import PersonPage
from ui.registry.unit_page import UnitPage
from ui.worker import ThreadExecutor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> MainWindow:
    win = MainWindow(ctx=make_ctx(sqlite_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _type(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    type_text(qtbot, window.search, text)
    qtbot.waitUntil(lambda: window.search.results.isVisible(), timeout=2000)
    return [h.title for h in window.search.hits_model.hits]


def test_unit_code_prefix_then_enter_opens_the_unit_page(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate
) -> None:
    titles = _type(qtbot, window, "3-2-15")
    assert titles == ["3-2-1501", "3-2-1502"]
    qtbot.keyClick(window.search, Qt.Key.Key_Down)  # arrow keys move through the results
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    page = window.record_page
    assert isinstance(page, UnitPage)
    assert page.unit_id == small_estate.unit_1502
    assert page.title.text() == "3-2-1502"
    shown = {page.current_model.index(r, 0).data() for r in range(page.current_model.rowCount())}
    assert shown == {"张三", "李四"}
    assert page.current.isVisibleTo(page)
    assert not window.search.results.isVisible()


@pytest.mark.parametrize("query", ["张三", "5678", "zs"])
def test_name_phone_digits_and_pinyin_find_the_person(
    qtbot: QtBot, window: MainWindow, small_estate: SmallEstate, query: str
) -> None:
    titles = _type(qtbot, window, query)
    assert titles[0] == "张三"
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    page = window.record_page
    assert isinstance(page, PersonPage)
    assert page.person_id == small_estate.zhang_san
    assert page.units_model.index(0, 0).data() == "3-2-1502"


def test_escape_hides_results_and_no_match_shows_nothing(qtbot: QtBot, window: MainWindow) -> None:
    _type(qtbot, window, "李")
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert not window.search.results.isVisible()
    window.search.clear()
    type_text(qtbot, window.search, "没有这个人")
    qtbot.wait(250)
    assert window.search.hits_model.rowCount() == 0
    assert not window.search.results.isVisible()


def test_search_runs_on_the_worker_thread_and_drops_stale_results(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    executor = ThreadExecutor()
    ctx = make_ctx(sqlite_db)
    ctx.executor = executor
    win = MainWindow(ctx=ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    try:
        type_text(qtbot, win.search, "3-2")
        win.search.run_search()
        qtbot.waitUntil(lambda: win.search.hits_model.rowCount() == 2, timeout=3000)
        stale_seq = win.search._seq
        win.search.clear()
        type_text(qtbot, win.search, "3-1")
        win.search.run_search()
        qtbot.waitUntil(lambda: win.search.hits_model.rowCount() == 1, timeout=3000)
        # a late answer to the earlier keystroke must not replace the newer results
        win.search._deliver(stale_seq, [])
        assert [h.title for h in win.search.hits_model.hits] == ["3-1-101"]
    finally:
        executor.wait(3000)


@pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
def test_ticket_receipt_and_parcel_numbers_open_where_they_are_handled(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from propdesk.desk.parcels import receive_parcel
    from propdesk.fees.payments import take_payment
    from propdesk.tickets import services as svc
    from tests.propdesk.tickets.helpers import category_id
    from tests.ui.helpers import CLERK
    from ui.fees.statement import StatementDialog
    from ui.tickets.ticket_page import TicketPage

    cat = category_id(sqlite_db, "repair", "plumbing")
    with sqlite_db.begin(CLERK) as s:
        ticket = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=cat,
                description="漏水",
                unit_id=small_estate.unit_1502,
                person_id=small_estate.zhang_san,
            ),
        )
        paid = take_payment(s, unit_id=small_estate.unit_1501, amount_fen=5_000, method="cash")
        receive_parcel(s, carrier="顺丰", tracking_no="SF5550001", unit_id=small_estate.unit_1501)

    # A ticket number read out on the phone: Enter opens the ticket's window.
    assert _type(qtbot, window, ticket.number.lower()) == [ticket.number]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, TicketPage) and w.isVisible() for w in window.findChildren(TicketPage)
        ),
        timeout=3000,
    )
    for page in window.findChildren(TicketPage):
        page.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    # A receipt number: the unit's page, and its statement with that receipt selected.
    window.search.clear()
    assert paid.receipt_no in _type(qtbot, window, paid.receipt_no)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.findChildren(StatementDialog)), timeout=3000)
    statement = window.findChildren(StatementDialog)[0]
    qtbot.waitUntil(lambda: statement.payments_view.currentIndex().isValid(), timeout=3000)
    row = statement.payments_view.currentIndex().row()
    assert statement.payments_model.row_value(row).receipt_no == paid.receipt_no
    assert isinstance(window.record_page, UnitPage)
    assert window.record_page.unit_id == small_estate.unit_1501
    statement.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    # A tracking number: the parcels tab, filtered to it.
    window.search.clear()
    assert _type(qtbot, window, "SF5550") == ["SF5550001"]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.findChild(QLineEdit, "parcel_search") is not None
            and window.findChild(QLineEdit, "parcel_search").text() == "SF5550001"
        ),
        timeout=3000,
    )
