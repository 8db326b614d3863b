"""The 关账 / 日结 tab: entering counted cash and closing the day by keyboard; month close."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.daily_close import day_close
from propdesk.fees.items import set_rate
from propdesk.fees.notices import estate_header
from propdesk.fees.payments import take_payment
from reports.pdf.daily_close import daily_close_pdf
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read
from ui.fees.closing_page import ClosingPage

# The offscreen plugin warns when a top-level QDateEdit window is shown; not our bug.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _takings(db: Database, estate: SmallEstate) -> None:
    from datetime import date

    from tests.propdesk.fees.fee_fixtures import MANAGER

    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        run_billing(s, "2026-06")
    with db.begin(CLERK) as s:
        take_payment(s, unit_id=estate.unit_1502, amount_fen=12_300, method="cash")
        take_payment(s, unit_id=estate.unit_1502, amount_fen=4_500, method="card")


def test_enter_counted_cash_and_close_the_day(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _takings(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    page = ClosingPage(ctx=ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    assert "123.00" in page.summary.text()
    page.counted.setFocus()
    qtbot.keyClicks(page.counted, "120")
    qtbot.keyClick(page.counted, Qt.Key.Key_Return)
    assert page.note.hasFocus()
    page.note.setText("少收3元")  # QTest cannot type Chinese characters
    qtbot.keyClick(page.note, Qt.Key.Key_Return)
    assert ctx.errors.shown == []
    close = read(ctx, lambda s: day_close(s, day=page.selected_day()))
    assert close.closed
    assert close.cash_counted_fen == 12_000
    assert close.difference_fen == -300
    assert not page.counted.isEnabled()
    # the PDF reads back with the figures and the signature lines
    pdf = read(
        ctx,
        lambda s: daily_close_pdf(close, estate_name=estate_header(s).name),
    )
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "收款日报",
        "120.00",
        "-3.00",
        "少收3元",
        "收款人签字",
        "复核人签字",
        "财务签字",
    ):
        assert expected in text


def test_difference_without_note_is_shown_on_the_page(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _takings(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    page = ClosingPage(ctx=ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.keyClicks(page.counted, "100")
    qtbot.mouseClick(page.close_day_button, Qt.MouseButton.LeftButton)
    assert "差异说明" in page.error.text()
    assert not read(ctx, lambda s: day_close(s, day=page.selected_day())).closed


def test_close_a_month(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> None:
    from tests.propdesk.fees.fee_fixtures import MANAGER

    ctx = make_ctx(sqlite_db, MANAGER)
    page = ClosingPage(ctx=ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    qtbot.keyClicks(page.month, "2026-05")
    qtbot.keyClick(page.month, Qt.Key.Key_Return)
    assert ctx.errors.shown == []
    assert "2026-05" in page.closed_list.text()


def test_the_page_shows_deposits_apart_from_fees(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    from propdesk.deposits.ledger import receive_deposit, refund_deposit
    from tests.propdesk.fees.fee_fixtures import MANAGER

    _takings(sqlite_db, small_estate)
    with sqlite_db.begin(MANAGER) as s:
        take_payment(s, unit_id=small_estate.unit_1502, amount_fen=1_000, method="cash")
        dep = receive_deposit(
            s, kind="key", unit_id=small_estate.unit_1502, amount_fen=50_000, method="cash"
        )
        back = refund_deposit(s, dep.deposit_id, method="cash", amount_fen=20_000)
    ctx = make_ctx(sqlite_db, MANAGER)
    page = ClosingPage(ctx=ctx)
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    text = page.summary.text()
    assert dep.receipt_no in text
    assert back.slip_no in text
    assert "310.00" in text  # 10 fee cash + 500 taken − 200 paid back


def test_finance_picks_a_cashier_and_closes_their_day(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """Found by a new user: finance saw only their own (empty) day, never the clerk's."""
    from tests.propdesk.fees.fee_fixtures import MANAGER

    _takings(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, MANAGER)
    page = ClosingPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    names = [page.cashier.itemData(i) for i in range(page.cashier.count())]
    assert CLERK.display_name in names
    assert "123.00" not in page.summary.text()  # the manager's own day: nothing taken
    page.cashier.setCurrentIndex(page.cashier.findData(CLERK.display_name))
    page.cashier.activated.emit(page.cashier.currentIndex())
    assert "123.00" in page.summary.text()
    page.counted.setText("123")
    page.close_the_day()
    assert ctx.errors.shown == []
    close = read(ctx, lambda s: day_close(s, day=page.selected_day(), cashier=CLERK.display_name))
    assert close.closed
    assert close.cash_counted_fen == 12_300
