"""Key custody screen: deposit a key, lend it to an authorised collector, see it overdue, return it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.keys import services as keys
from propdesk.keys.models import KeyLoan
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.events import Changes
from ui.keys.page import (
    DepositKeyDialog,
    KeysPage,
    LendDialog,
    ReturnDialog,
    count_overdue_keys,
    overdue_keys_label,
)
from ui.keys.requests import KeysRequest

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def overdue_keys_text(db: Database) -> str:
    """The status bar's figure, counted as the main window counts it."""
    with db.begin(CLERK) as s:
        return overdue_keys_label(count_overdue_keys(s))


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
    assert overdue_keys_text(sqlite_db) == ""

    # the due time passes
    with sqlite_db.begin(CLERK) as s:
        s.execute(update(KeyLoan).values(due_at=clock.now() - timedelta(minutes=5)))
    ctx.hub.notify(Changes(keys=True))
    assert page.model.index(0, 9).data() == "Overdue"
    assert page.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 overdue" in page.summary.text()
    assert overdue_keys_text(sqlite_db) == "Keys overdue: 1"

    page.table.selectRow(0)
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    back = page.dialog
    assert isinstance(back, ReturnDialog)
    assert back.returned_by.text() == "周工"
    type_text(qtbot, back.signature, "周工")
    _ok(qtbot, back)
    assert page.model.index(0, 9).data() == "At the desk"
    assert overdue_keys_text(sqlite_db) == ""


def _lent_late(db: Database, unit_id: int, late: bool) -> None:
    now = clock.now()
    with db.begin(CLERK) as s:
        dep = keys.deposit_key(s, unit_id=unit_id, deposited_by="张三", authorised="张三", at=now)
        keys.lend_key(
            s,
            deposit_id=dep,
            borrower="张三",
            due_at=now + timedelta(minutes=-1 if late else 60),
            signature="张三",
            at=now - timedelta(hours=1),
        )


def test_apply_request_shows_only_overdue_loans(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _lent_late(sqlite_db, small_estate.unit_1502, late=True)
    _lent_late(sqlite_db, small_estate.unit_101, late=False)
    page = KeysPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 2
    page.apply_request(KeysRequest(show="overdue"))
    assert page.show_combo.currentData() == "overdue"
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "3-2-1502"
    assert page.counts is not None
    assert (page.counts.out, page.counts.overdue) == (2, 1)
    page.apply_request(KeysRequest(show="all", search="3-1-101"))
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "3-1-101"
    with pytest.raises(TypeError):
        page.apply_request("overdue")


def test_hidden_page_reloads_when_shown(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = KeysPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 0
    page.hide()
    _lent_late(sqlite_db, small_estate.unit_1502, late=True)
    ctx.hub.notify(Changes(keys=True))
    assert page.model.rowCount() == 0  # hidden: only marked stale
    page.show()
    assert page.model.rowCount() == 1
    assert "1 overdue" in page.summary.text()


def test_due_time_is_edited_in_the_estate_zone(
    qtbot: QtBot, sqlite_db: Database, test_clock: clock.FixedClock
) -> None:
    from datetime import UTC, datetime

    # 2026-06-15 10:00 in Shanghai is 02:00 UTC; due four hours later, 14:00 local
    test_clock.set(datetime(2026, 6, 15, 2, 0, tzinfo=UTC))
    dialog = LendDialog(ctx=make_ctx(sqlite_db, CLERK), deposit_id=1, authorised=["张三"])
    qtbot.addWidget(dialog)
    assert dialog.due.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-06-15 14:00"
    assert dialog.due_at() == datetime(2026, 6, 15, 6, 0, tzinfo=UTC)
