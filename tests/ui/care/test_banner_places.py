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


def test_banner_marks_a_review_due_and_the_add_button_keeps_its_width(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """A flag past its review date shows 待复查 on the banner (only the kind showed); a unit
    with no flag has a normal 添加关注标记 button on the left, not a bar across the page."""
    from PySide6.QtWidgets import QApplication, QPushButton

    from ui.app import load_translations

    with sqlite_db.begin(CLERK) as s:
        review = clock.today(s) + timedelta(days=3)
        care.add_household_flag(
            s, small_estate.unit_1502, FlagSpec("vip", "业委会主任", review_on=review)
        )
        care.add_person_flag(s, small_estate.zhang_san, FlagSpec("evacuation", "坐轮椅"))
    test_clock.advance(timedelta(days=10))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = load_translations(app, "zh_CN")
    try:
        win = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        win.open_unit(small_estate.unit_1502)
        page = win.record_page
        assert page is not None
        banner = page.findChild(QLabel, "record_care_banner")
        assert banner is not None
        qtbot.waitUntil(banner.isVisible, timeout=2000)
        assert banner.text().endswith("VIP（待复查） · 疏散需协助")  # no review date: no mark
        win.open_unit(small_estate.unit_1501)  # no flag
        empty = win.record_page
        assert empty is not None
        button = empty.findChild(QPushButton, "care_panel_add")
        assert button is not None
        qtbot.waitUntil(button.isVisible, timeout=2000)
        panel = button.parentWidget()
        assert panel is not None
        assert panel.width() > 600
        assert button.width() <= button.sizeHint().width() + 10
        assert button.x() <= 10
        win.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_banner_follows_writes_and_leaves_the_hub_when_destroyed(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """A banner refreshes after a flag is added, and once destroyed it no longer listens: the
    hub keeps no receiver of it (banners come and go with every dialog and search)."""
    from PySide6.QtCore import SIGNAL, QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from ui.care.banner import CareBanner
    from ui.events import Changes

    ctx = make_ctx(sqlite_db, CLERK)
    listening = ctx.hub.receivers(SIGNAL("changed(PyObject)"))
    banner = CareBanner(ctx=ctx)  # deleted below, so not handed to qtbot
    banner.show_unit(small_estate.unit_1502)
    assert not banner.isVisible()  # no flag yet
    assert ctx.hub.receivers(SIGNAL("changed(PyObject)")) == listening + 1
    ctx.op(
        lambda s: care.add_household_flag(s, small_estate.unit_1502, FlagSpec("vip", "业委会")),
        changes=Changes(care=True),
    ).run()
    qtbot.waitUntil(lambda: "VIP" in banner.text() or "贵宾" in banner.text(), timeout=2000)
    banner.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not isValid(banner)
    assert ctx.hub.receivers(SIGNAL("changed(PyObject)")) == listening
    ctx.hub.notify(Changes(care=True))  # nobody left to call, no error
