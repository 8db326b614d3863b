"""Deposit ledger page: the held deposits, a refund with a deduction, printing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.deposits.ledger import receive_deposit
from propdesk.deposits.queries import deposit_rows
from tests.ui.helpers import CLERK, SUPERVISOR, SmallEstate, make_ctx, type_text
from ui.deposits.page import DepositsPage, RefundDepositDialog, parse_fen
from ui.deposits.unit_panel import UnitDepositsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_parse_fen() -> None:
    assert parse_fen("1,234.5", "x") == 123_450
    assert parse_fen("", "x") == 0


def test_refund_a_held_deposit_with_a_deduction(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(CLERK) as s:
        receive_deposit(
            s,
            kind="other",
            unit_id=small_estate.unit_1502,
            amount_fen=50_000,
            method="cash",
            payer="张三",
            description="门禁卡押金",
        )
    ctx = make_ctx(sqlite_db, SUPERVISOR)
    page = DepositsPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 1
    assert "500.00" in page.summary.text()
    page.table.selectRow(0)
    qtbot.mouseClick(page.refund_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RefundDepositDialog)
    type_text(qtbot, dialog.reason, "卡损坏")
    qtbot.keyClicks(dialog.deduction, "20")
    assert dialog.amount.text() == "480.00"
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert ctx.errors.shown == []
    assert not dialog.isVisible()
    with sqlite_db.begin(SUPERVISOR) as s:
        [row] = deposit_rows(s)
    assert (row.refunded_fen, row.deducted_fen, row.status) == (48_000, 2_000, "refunded")
    assert page.model.rowCount() == 0  # "Held" hides it now
    assert "0.00" in page.summary.text()


def test_unit_panel_lists_the_units_deposits(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    panel = UnitDepositsPanel(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.text.text() == panel.tr("No deposits.")
    with sqlite_db.begin(CLERK) as s:
        done = receive_deposit(
            s, kind="key", unit_id=small_estate.unit_1502, amount_fen=10_000, method="cash"
        )
    ctx.hub.changed.emit(Changes(keys=True))
    assert done.receipt_no in panel.text.text()
    assert "钥匙押金" in panel.text.text()
    assert "100.00" in panel.text.text()
