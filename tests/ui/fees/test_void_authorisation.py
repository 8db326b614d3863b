"""A clerk voids a receipt through the supervisor authorisation dialog (主管授权)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import authenticate, create_first_admin, create_user
from propdesk.db.engine import Database
from propdesk.fees.billing import run_billing
from propdesk.fees.items import set_rate
from propdesk.fees.payments import take_payment
from tests.ui.helpers import SmallEstate, make_ctx, type_text
from ui.fees.statement import StatementDialog
from ui.fees.void_dialog import VoidReceiptDialog

# exec() of the modal dialog on the offscreen platform
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

MANAGER = Actor(user_id=None, username="mgr", display_name="经理", role=Role.MANAGER)


def _users(db: Database) -> Actor:
    """admin, a clerk 前台小王 and a supervisor 主管老李; returns the logged-in clerk."""
    with db.begin() as s:
        admin = create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )
    with db.begin(admin) as s:
        create_user(
            s,
            username="clerk",
            display_name="前台小王",
            role="clerk",
            password="clerk123",
            cost=TEST_COST,
        )
        create_user(
            s,
            username="supervisor",
            display_name="主管老李",
            role="supervisor",
            password="supervisor123",
            cost=TEST_COST,
        )
    with db.begin() as s:
        clerk = authenticate(s, "clerk", "clerk123").actor
    assert clerk is not None
    return clerk


def _on_dialog(
    qtbot: QtBot, handle: Callable[[VoidReceiptDialog], None], errors: list[str]
) -> None:
    """Drive the next modal void dialog (opened with exec()); always close it."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, run)
            return
        if not isinstance(dialog, VoidReceiptDialog):
            errors.append(f"unexpected dialog {type(dialog).__name__}")
            dialog.close()
            return
        try:
            handle(dialog)
        except AssertionError as exc:
            errors.append(str(exc) or repr(exc))
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, run)


def test_clerk_voids_with_a_supervisors_password(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    clerk = _users(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        run_billing(s, "2026-01")
    with sqlite_db.begin(clerk) as s:
        paid = take_payment(s, unit_id=small_estate.unit_1502, amount_fen=10_000, method="cash")
    dialog = StatementDialog(ctx=make_ctx(sqlite_db, clerk), unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()  # reloads on the void's change while visible
    assert dialog.void_button.isVisibleTo(dialog)
    assert dialog.void_button.isEnabled()
    dialog.payments_view.setCurrentIndex(dialog.payments_model.index(0, 0))
    seen: dict[str, str] = {}
    errors: list[str] = []

    def handle(d: VoidReceiptDialog) -> None:
        assert d.username is not None
        assert d.password is not None
        assert d.focusWidget() is d.reason
        type_text(qtbot, d.reason, "收错房号")
        qtbot.keyClick(d.reason, Qt.Key.Key_Tab)
        assert d.focusWidget() is d.username
        qtbot.keyClicks(d.username, "supervisor")
        qtbot.keyClick(d.username, Qt.Key.Key_Tab)
        qtbot.keyClicks(d.password, "wrong999")
        qtbot.keyClick(d.password, Qt.Key.Key_Return)
        assert d.isVisible()  # refused: the dialog stays open with the reason kept
        seen["wrong"] = d.error.text()
        assert d.reason.text() == "收错房号"
        assert d.password.text() == ""
        assert d.focusWidget() is d.password
        qtbot.keyClicks(d.password, "supervisor123")
        qtbot.keyClick(d.password, Qt.Key.Key_Return)
        assert not d.isVisible()

    _on_dialog(qtbot, handle, errors)
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    assert errors == []
    assert "用户名或密码不正确" in seen["wrong"]
    row = dialog.payments_model.rows()[0]
    assert row.payment_id == paid.payment_id
    assert (row.voided, row.voided_by, row.void_approved_by) == (True, "前台小王", "主管老李")
    shown = dialog.payments_model.data(dialog.payments_model.index(0, 7))
    assert "收错房号" in shown
    assert "主管老李" in shown


def test_clerk_approving_is_refused_in_the_dialog(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    clerk = _users(sqlite_db)
    with sqlite_db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        run_billing(s, "2026-01")
    with sqlite_db.begin(clerk) as s:
        paid = take_payment(s, unit_id=small_estate.unit_1502, amount_fen=10_000, method="cash")
    dialog = VoidReceiptDialog(
        ctx=make_ctx(sqlite_db, clerk), payment_id=paid.payment_id, receipt_no=paid.receipt_no
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username is not None
    assert dialog.password is not None
    type_text(qtbot, dialog.reason, "收错房号")
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "无权授权" in dialog.error.text()
    assert dialog.focusWidget() is dialog.username


def test_supervisor_only_confirms_the_reason(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _users(sqlite_db)
    with sqlite_db.begin() as s:
        sup = authenticate(s, "supervisor", "supervisor123").actor
    assert sup is not None
    with sqlite_db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        run_billing(s, "2026-01")
        paid = take_payment(s, unit_id=small_estate.unit_1502, amount_fen=10_000, method="cash")
    dialog = VoidReceiptDialog(
        ctx=make_ctx(sqlite_db, sup), payment_id=paid.payment_id, receipt_no=paid.receipt_no
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username is None
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "reason" in dialog.error.text().lower() or "原因" in dialog.error.text()
    type_text(qtbot, dialog.reason, "客户退单")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.result() == VoidReceiptDialog.DialogCode.Accepted
