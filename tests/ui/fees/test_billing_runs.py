"""The billing page's run list: a manager reverses an unpaid run by keyboard; a paid run is
refused with the core's message and the dialog keeps its reason; finance has no action."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.models import BillLine
from propdesk.fees.payments import take_payment
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.context import AppContext
from ui.fees.billing_page import BillingPage
from ui.fees.billing_runs import ReverseRunDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)
FINANCE = Actor(user_id=None, username="fin", display_name="财务", role=Role.FINANCE)


def _bill(db: Database, month: str = "2026-05") -> None:
    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        assert run_billing(s, month).lines_created == 3


def _lines(db: Database) -> int:
    with db.begin() as s:
        return int(s.scalar(select(func.count(BillLine.id))) or 0)


def _page(qtbot: QtBot, ctx: AppContext) -> BillingPage:
    page = BillingPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def _open_reverse(qtbot: QtBot, page: BillingPage) -> ReverseRunDialog:
    box = page.runs_box
    assert box.runs.rowCount() == 1
    box.view.setFocus()
    box.view.selectRow(0)
    assert box.reverse_button.isEnabled()
    qtbot.keyClick(box.reverse_button, Qt.Key.Key_Space)
    dialog = box.dialog
    assert dialog is not None
    assert dialog.focusWidget() is dialog.reason
    return dialog


def test_manager_reverses_an_unpaid_run_by_keyboard(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db)
    ctx = make_ctx(sqlite_db, MANAGER)
    page = _page(qtbot, ctx)
    assert page.runs_box.reverse_button.isVisible()
    dialog = _open_reverse(qtbot, page)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused, dialog kept
    assert dialog.error.isVisibleTo(dialog)
    assert "原因" in dialog.error.text()
    assert page.runs_box.dialog is dialog
    assert _lines(sqlite_db) == 3

    dialog.reason.insert("月份选错")  # typed through the input method
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert _lines(sqlite_db) == 0
    assert page.runs_box.dialog is None
    assert "3" in page.runs_box.result.text()
    run = page.runs_box.runs.row_value(0)  # the list reloaded after the change
    assert run.reversed
    assert (run.reversed_by, run.reversal_reason) == ("经理", "月份选错")
    assert run.reversed_at_local.startswith("2026-06-15")
    page.runs_box.view.selectRow(0)
    assert not page.runs_box.reverse_button.isEnabled()  # a reversed run stays reversed
    assert ctx.errors.shown == []


def test_a_paid_run_is_refused_and_the_dialog_kept(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db)
    with sqlite_db.begin(CLERK) as s:
        take_payment(s, unit_id=small_estate.unit_1502, amount_fen=100, method="cash")
    ctx = make_ctx(sqlite_db, MANAGER)
    page = _page(qtbot, ctx)
    dialog = _open_reverse(qtbot, page)
    dialog.reason.insert("月份选错")  # typed through the input method
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "不能撤销" in dialog.error.text()
    assert dialog.isVisible()
    assert dialog.reason.text() == "月份选错"  # the input is kept
    assert page.runs_box.dialog is dialog
    assert _lines(sqlite_db) == 3
    assert ctx.errors.shown == []
    dialog.reject()
    assert page.runs_box.dialog is None
    assert not page.runs_box.runs.row_value(0).reversed


def test_finance_sees_the_runs_but_cannot_reverse(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _bill(sqlite_db)
    page = _page(qtbot, make_ctx(sqlite_db, FINANCE))
    assert page.runs_box.runs.rowCount() == 1
    page.runs_box.view.selectRow(0)
    assert not page.runs_box.reverse_button.isVisible()
    assert not page.runs_box.reverse_button.isEnabled()
