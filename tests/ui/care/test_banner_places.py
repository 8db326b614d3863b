"""The same banner on the unit page, the person page and the call card."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from propdesk.care import services as care
from propdesk.care.services import FlagSpec
from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.calls.card import CallCard
from ui.calls.desk import call_desk
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
