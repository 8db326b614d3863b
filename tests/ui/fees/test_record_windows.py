"""The statement and the payment window of the unit page survive Esc, Close and reopening."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.fees.cashier import CashierPage
from ui.fees.statement import StatementDialog
from ui.fees.unit_panel import ArrearsPanel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


@pytest.fixture
def panel(qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate) -> ArrearsPanel:
    with sqlite_db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        run_billing(s, "2026-01")
    widget = ArrearsPanel(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _close_button(dialog: QDialog) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() in ("Close", "关闭"))


def test_statement_opens_again_after_esc_and_close(qtbot: QtBot, panel: ArrearsPanel) -> None:
    for how in ("esc", "button", "esc", "button"):
        dialog = panel.show_statement()
        assert isinstance(dialog, StatementDialog)
        qtbot.waitExposed(dialog)
        assert dialog.lines_model.rowCount() == 1
        assert "3-2-1502" in dialog.windowTitle()
        with qtbot.waitSignal(dialog.destroyed):  # deleted: nothing can reuse it
            if how == "esc":
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            else:
                qtbot.mouseClick(_close_button(dialog), Qt.MouseButton.LeftButton)
    assert panel.ctx.errors.shown == []


def test_payment_window_opens_again_and_takes_a_payment(qtbot: QtBot, panel: ArrearsPanel) -> None:
    for close_by_esc in (True, False, True):
        dialog = panel.take_payment()
        qtbot.waitExposed(dialog)
        cashier = dialog.findChild(CashierPage)
        assert cashier is not None
        assert cashier.unit_edit.text() == "3-2-1502"
        with qtbot.waitSignal(dialog.destroyed):
            if close_by_esc:
                qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            else:
                dialog.close()  # the window's close button
    dialog = panel.take_payment()
    cashier = dialog.findChild(CashierPage)
    assert cashier is not None
    shown: list[str] = []
    cashier.preview = lambda _ctx, _pdf, *, title, suggested_name, parent, on_delivered=None: (
        shown.append(title)
    )
    cashier.amount_edit.setText("165.69")
    qtbot.mouseClick(cashier.take_button, Qt.MouseButton.LeftButton)
    box = cashier.confirm_box  # the whole balance: asked first, with the amount in words
    assert box is not None
    assert "壹佰陆拾伍元陆角玖分" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert cashier.error.text() == ""
    assert len(shown) == 1
    assert cashier.take_button.isEnabled()  # busy only while the payment runs
    assert "165.69" in cashier.status.text()
    assert cashier.lines.rowCount() == 0  # reloaded on the payment's change
    assert panel.ctx.errors.shown == []
