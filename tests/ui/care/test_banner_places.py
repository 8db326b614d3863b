"""The same banner on the unit page, the person page, the call card and the key loan and
return forms."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.care import services as care
from propdesk.care.services import FlagSpec
from propdesk.db.engine import Database
from propdesk.keys import services as keys
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.calls.card import CallCard
from ui.calls.desk import call_desk
from ui.keys.page import LendDialog, ReturnDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _flag(db: Database, estate: SmallEstate) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate.unit_1502, FlagSpec("vip", "业委会主任"))
        care.add_person_flag(s, estate.zhang_san, FlagSpec("evacuation", "坐轮椅"))


def test_banner_on_unit_and_person_pages(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flag(sqlite_db, small_estate)
    win = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(win)
    win.show()
    win.open_unit(small_estate.unit_1502)
    page = win.record_page
    assert page is not None
    banner = page.findChild(QLabel, "record_care_banner")
    assert banner is not None
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.text().endswith("VIP · 疏散需协助")  # the household's and 张三's own
    win.open_unit(small_estate.unit_1501)  # vacant, no flag: no banner
    empty = win.record_page.findChild(QLabel, "record_care_banner")  # type: ignore[union-attr]
    assert empty is not None
    assert not empty.isVisible()
    win.open_person(small_estate.zhang_san)
    person = win.record_page.findChild(QLabel, "record_care_banner")  # type: ignore[union-attr]
    assert person is not None
    qtbot.waitUntil(person.isVisible, timeout=2000)
    assert person.text().endswith("疏散需协助")


def test_banner_on_the_call_card(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flag(sqlite_db, small_estate)
    host = QMainWindow()
    qtbot.addWidget(host)
    host.show()
    desk = call_desk(make_ctx(sqlite_db, CLERK), host)
    desk.incoming("13812345678")  # 张三 of 3-2-1502
    [card] = [c for c in desk.cards if c.isVisible()]
    assert isinstance(card, CallCard)
    qtbot.waitUntil(card.care.isVisible, timeout=2000)
    assert "VIP" in card.care.text()


def test_banner_on_the_key_loan_and_return_forms(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flag(sqlite_db, small_estate)
    with sqlite_db.begin(CLERK) as s:
        deposit = keys.deposit_key(
            s, unit_id=small_estate.unit_1502, deposited_by="张三", authorised="张三、保洁阿姨"
        )
        other = keys.deposit_key(
            s, unit_id=small_estate.unit_1501, deposited_by="开发商", authorised="开发商"
        )
        loan = keys.lend_key(
            s,
            deposit_id=deposit,
            borrower="保洁阿姨",
            due_at=clock.now(s) + timedelta(hours=2),
            signature="保洁阿姨",
        )
    ctx = make_ctx(sqlite_db, CLERK)
    lend = LendDialog(ctx=ctx, deposit_id=deposit, authorised=["张三"])
    qtbot.addWidget(lend)
    lend.show()
    qtbot.waitUntil(lend.care.isVisible, timeout=2000)
    assert lend.care.text().endswith("VIP · 疏散需协助")  # the household's and 张三's own
    back = ReturnDialog(ctx=ctx, loan_id=loan, borrower="保洁阿姨")
    qtbot.addWidget(back)
    back.show()
    qtbot.waitUntil(back.care.isVisible, timeout=2000)
    assert "VIP" in back.care.text()
    vacant = LendDialog(ctx=ctx, deposit_id=other, authorised=[])
    qtbot.addWidget(vacant)
    vacant.show()
    qtbot.wait(50)
    assert not vacant.care.isVisible()  # 3-2-1501 has no flag
