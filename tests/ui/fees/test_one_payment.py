"""One action, one payment: the unit page's payment dialog (Alt+P) and the cashier page,
driven by keyboard. Enter in the amount field takes exactly one payment; an empty amount
takes nothing; the whole balance is confirmed with the amount in words (大写); the form is
empty afterwards; a retry of the same form (lost connection) takes nothing more."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.models import Payment
from propdesk.fees.money import fen_to_capital
from propdesk.fees.payments import take_payment
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.fees.cashier import CashierPage
from ui.fees.unit_panel import ArrearsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)
BALANCE = 39138  # 3-2-1502: (165.69 property + 30.00 elevator) × two months


@pytest.fixture
def panel(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> ArrearsPanel:
    with sqlite_db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        set_rate(s, item_code="elevator", effective_from=date(2025, 1, 1), rate_fen=3000)
        run_billing(s, "2026-01")
        run_billing(s, "2026-02")
    widget = ArrearsPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _payments(db: Database) -> list[int]:
    with db.begin() as s:
        return list(s.scalars(select(Payment.amount_fen).order_by(Payment.id)).all())


def _open_dialog(qtbot: QtBot, panel: ArrearsPanel) -> tuple[QDialog, CashierPage]:
    dialog = panel.take_payment()
    qtbot.waitExposed(dialog)
    cashier = dialog.findChild(CashierPage)
    assert cashier is not None
    cashier.preview = lambda _ctx, _pdf, *, title, suggested_name, parent, on_delivered=None: None
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    cashier.amount_edit.setFocus()
    return dialog, cashier


def test_typing_100_and_enter_takes_exactly_one_payment(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database
) -> None:
    _dialog, cashier = _open_dialog(qtbot, panel)
    assert cashier.amount_edit.text() == ""  # never pre-filled with the whole balance
    key = cashier.payment_key
    qtbot.keyClicks(cashier.amount_edit, "100")
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    qtbot.wait(50)
    assert _payments(sqlite_db) == [10_000]
    assert cashier.error.text() == ""
    assert "100.00" in cashier.status.text()
    # the form is empty (not refilled by the reload) and the next payment is a new action
    assert cashier.amount_edit.text() == ""
    assert cashier.payment_key != key
    assert cashier.lines.total_owed() == BALANCE - 10_000
    # Enter again on the now empty amount takes nothing
    cashier.amount_edit.setFocus()
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    assert _payments(sqlite_db) == [10_000]
    assert panel.ctx.errors.shown == []


def test_enter_straight_after_opening_takes_nothing(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database
) -> None:
    dialog, cashier = _open_dialog(qtbot, panel)
    assert dialog.focusWidget() is cashier.amount_edit  # the dialog opens in the amount
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert _payments(sqlite_db) == []
    assert cashier.error.text() in ("Enter the amount to collect.", "请输入收款金额。")
    assert dialog.focusWidget() is cashier.amount_edit
    assert dialog.isVisible()
    assert cashier.confirm_box is None


def test_the_whole_balance_is_confirmed_with_the_amount_in_words(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database
) -> None:
    _dialog, cashier = _open_dialog(qtbot, panel)
    qtbot.keyClicks(cashier.amount_edit, "391.38")
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    box = cashier.confirm_box
    assert cashier.error.text() == ""
    assert isinstance(box, QMessageBox)
    qtbot.waitExposed(box)
    assert fen_to_capital(BALANCE) in box.text()  # 叁佰玖拾壹元叁角捌分
    assert "391.38" in box.text()
    assert _payments(sqlite_db) == []
    # Enter in the question is No (its default): nothing is taken, the amount is kept
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert cashier.confirm_box is None
    assert _payments(sqlite_db) == []
    assert cashier.amount_edit.text() == "391.38"
    # asked again, Yes takes it once
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    box = cashier.confirm_box
    assert box is not None
    yes = box.button(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert _payments(sqlite_db) == [BALANCE]
    assert cashier.amount_edit.text() == ""
    assert cashier.lines.rowCount() == 0


def test_a_double_click_takes_one_payment(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database
) -> None:
    _dialog, cashier = _open_dialog(qtbot, panel)
    qtbot.keyClicks(cashier.amount_edit, "100")
    qtbot.mouseDClick(cashier.take_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cashier.take_button, Qt.MouseButton.LeftButton)
    assert _payments(sqlite_db) == [10_000]


def test_a_retry_after_a_lost_connection_takes_nothing_more(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """The first try was written but its answer never came back; the clerk presses Enter again."""
    _dialog, cashier = _open_dialog(qtbot, panel)
    qtbot.keyClicks(cashier.amount_edit, "100")
    with sqlite_db.begin(CLERK) as s:  # the lost first try, with this form's key
        first = take_payment(
            s,
            unit_id=small_estate.unit_1502,
            amount_fen=10_000,
            method="cash",
            idempotency_key=cashier.payment_key,
        )
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    assert _payments(sqlite_db) == [10_000]
    assert first.receipt_no in cashier.status.text()  # the same receipt again
    assert cashier.amount_edit.text() == ""


def test_cashier_page_form_is_empty_after_each_payment(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database
) -> None:
    page = CashierPage(ctx=make_ctx(sqlite_db, CLERK))
    page.preview = lambda _ctx, _pdf, *, title, suggested_name, parent, on_delivered=None: None
    qtbot.addWidget(page)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    for _ in range(2):
        page.unit_edit.setFocus()
        page.unit_edit.selectAll()
        qtbot.keyClicks(page.unit_edit, "3-2-1502")
        qtbot.keyClick(page.unit_edit, Qt.Key.Key_Return)
        assert page.amount_edit.hasFocus()
        assert page.amount_edit.text() == ""
        qtbot.keyClicks(page.amount_edit, "50")
        qtbot.keyClick(page.amount_edit, Qt.Key.Key_Return)
        assert page.amount_edit.text() == ""
        assert page.unit_edit.hasFocus()
    assert _payments(sqlite_db) == [5_000, 5_000]
    with sqlite_db.begin() as s:
        keys = s.scalars(select(func.count(func.distinct(Payment.idempotency_key)))).one()
    assert keys == 2


def test_a_retry_with_a_changed_amount_is_refused_then_a_new_payment(
    qtbot: QtBot, panel: ArrearsPanel, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """The lost first try took ¥100; the clerk changed the amount to 200 before retrying."""
    _dialog, cashier = _open_dialog(qtbot, panel)
    with sqlite_db.begin(CLERK) as s:
        first = take_payment(
            s,
            unit_id=small_estate.unit_1502,
            amount_fen=10_000,
            method="cash",
            idempotency_key=cashier.payment_key,
        )
    qtbot.keyClicks(cashier.amount_edit, "200")
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)
    assert _payments(sqlite_db) == [10_000]
    assert first.receipt_no in cashier.error.text()  # told what was taken, nothing more
    assert cashier.amount_edit.text() == "200"
    qtbot.keyClick(cashier.amount_edit, Qt.Key.Key_Return)  # now a new payment, on purpose
    assert _payments(sqlite_db) == [10_000, 20_000]
    assert panel.ctx.errors.shown == []
