"""The billing run is deliberate: Enter in the month field does nothing, the run asks with
count and amount (and the meters lacking readings) first, and the month never moves on."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.items import set_rate
from propdesk.fees.meters import create_meter
from propdesk.fees.models import BillLine, FeeItem
from tests.ui.helpers import SmallEstate, make_ctx
from ui.fees.billing_page import BillingPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _rates(db: Database) -> None:
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)


def _lines(db: Database, code: str | None = None) -> int:
    with db.begin() as s:
        stmt = select(func.count(BillLine.id))
        if code is not None:
            stmt = stmt.join(FeeItem, FeeItem.id == BillLine.item_id).where(FeeItem.code == code)
        return int(s.scalar(stmt) or 0)


def _page(qtbot: QtBot, db: Database) -> BillingPage:
    page = BillingPage(ctx=make_ctx(db, MANAGER))
    qtbot.addWidget(page)
    page.show()
    return page


def test_enter_in_the_month_field_does_not_bill(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _rates(sqlite_db)
    page = _page(qtbot, sqlite_db)
    page.month.clear()
    qtbot.keyClicks(page.month, "2026-05")
    qtbot.keyClick(page.month, Qt.Key.Key_Return)
    qtbot.keyClick(page.month, Qt.Key.Key_Enter)
    assert page.confirm_dialog is None
    assert _lines(sqlite_db) == 0


def test_run_confirms_count_and_amount_then_writes_and_keeps_the_month(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _rates(sqlite_db)
    page = _page(qtbot, sqlite_db)
    page.month.setText("2026-05")
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    dialog = page.confirm_dialog
    assert dialog is not None
    assert dialog.plan.lines == 3
    assert "3" in dialog.summary.text()
    assert f"{dialog.plan.amount_fen / 100:,.2f}" in dialog.summary.text()
    assert _lines(sqlite_db) == 0  # nothing written before the answer
    dialog.reject()  # Cancel
    assert _lines(sqlite_db) == 0
    assert page.confirm_dialog is None

    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    dialog = page.confirm_dialog
    assert dialog is not None
    assert not dialog.bill_all.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter alone answers Cancel: nothing written
    assert _lines(sqlite_db) == 0
    assert page.confirm_dialog is None

    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    dialog = page.confirm_dialog
    assert dialog is not None
    dialog.bill_all.click()  # the run's own button, pressed on purpose: once
    assert _lines(sqlite_db) == 3
    assert page.month.text() == "2026-05"  # never advances by itself
    assert "3" in page.run_result.text()

    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)  # a second click: same month
    assert page.confirm_dialog is None  # nothing new to write, nothing to confirm
    assert _lines(sqlite_db) == 3
    assert page.month.text() == "2026-05"


def test_missing_readings_are_listed_and_the_rest_billed_now(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _rates(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        set_rate(s, item_code="water", effective_from=date(2025, 1, 1), rate_fen=450)
        create_meter(s, code="W-1502", kind="water", unit_id=small_estate.unit_1502)
    page = _page(qtbot, sqlite_db)
    page.month.setText("2026-05")
    page.run()
    dialog = page.confirm_dialog
    assert dialog is not None
    assert "3-2-1502" in dialog.missing.toPlainText()
    assert dialog.bill_rest.isVisibleTo(dialog)
    dialog.bill_rest.click()
    assert _lines(sqlite_db) == 3
    assert _lines(sqlite_db, "water") == 0


def test_far_future_month_is_refused_on_the_page(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _rates(sqlite_db)
    page = _page(qtbot, sqlite_db)
    page.month.setText("9999-12")
    page.run()
    assert page.confirm_dialog is None
    assert "12" in page.run_result.text()
    assert _lines(sqlite_db) == 0
