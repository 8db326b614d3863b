"""Key custody screen: deposit a key, lend it to an authorised collector, see it overdue, return it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from propdesk.db.engine import Database
from propdesk.db.types import utcnow
from propdesk.keys.models import KeyLoan
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.events import Changes
from ui.keys.page import DepositKeyDialog, KeysPage, LendDialog, ReturnDialog, overdue_keys_text

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _ok(qtbot: QtBot, dialog: object) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_deposit_lend_overdue_return(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = KeysPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.deposit_button, Qt.MouseButton.LeftButton)
    dep = page.dialog
    assert isinstance(dep, DepositKeyDialog)
    qtbot.keyClicks(dep.unit.box, "1502")
    qtbot.keyClick(dep.unit.box, Qt.Key.Key_Return)
    assert dep.deposited_by.text() == "张三"
    dep.authorised.clear()
    type_text(qtbot, dep.authorised, "张三、周工")
    type_text(qtbot, dep.purpose, "装修期间工人取用")
    _ok(qtbot, dep)
    assert not dep.isVisible()
    assert page.model.rowCount() == 1
    assert page.model.index(0, 9).data() == "At the desk"

    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a key at the desk: lend it
    lend = page.dialog
    assert isinstance(lend, LendDialog)
    lend.borrower.setCurrentText("陌生人")
    type_text(qtbot, lend.signature, "陌生人")
    _ok(qtbot, lend)
    assert "授权" in lend.errors.visible_messages()["borrower"]
    lend.borrower.setCurrentText("周工")
    lend.signature.clear()
    type_text(qtbot, lend.signature, "周工")
    _ok(qtbot, lend)
    assert not lend.isVisible()
    assert page.model.index(0, 7).data() == "周工"
    assert page.model.index(0, 9).data() == "Lent out"
    assert overdue_keys_text(ctx) == ""

    # the due time passes
    with sqlite_db.begin(CLERK) as s:
        s.execute(update(KeyLoan).values(due_at=utcnow() - timedelta(minutes=5)))
    ctx.hub.notify(Changes.of("keys"))
    assert page.model.index(0, 9).data() == "Overdue"
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 overdue" in page.summary.text()
    assert overdue_keys_text(ctx) == "Keys overdue: 1"

    page.table.selectRow(0)
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    back = page.dialog
    assert isinstance(back, ReturnDialog)
    assert back.returned_by.text() == "周工"
    type_text(qtbot, back.signature, "周工")
    _ok(qtbot, back)
    assert page.model.index(0, 9).data() == "At the desk"
    assert overdue_keys_text(ctx) == ""
