"""The month picker lists this month too (in progress, marked so) beside last month, which
it opens on; the figures of this month are the records so far."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.team.figures import month_bounds
from tests.propdesk.team import helpers as h
from tests.ui.helpers import make_ctx
from ui.team.page import TeamPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SYSTEM = Actor.system()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    from ui.app import load_translations

    saved = QLocale()
    installed = load_translations(qapp, "zh_CN")
    assert installed
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(saved)


def _open(qtbot: QtBot, db: Database) -> TeamPage:
    with db.begin(SYSTEM) as s:
        wang = h.add_user(s, "wang", "王前台")
        boss = h.add_user(s, "zhao", "赵经理", Role.MANAGER)
        assert wang.user_id is not None
        december, _ = month_bounds("2026-12")
        november, _ = month_bounds("2026-11")
        for hours in (2, 30):  # the 1st and the 2nd of December
            h.call(s, clerk=wang.user_id, at=december + timedelta(hours=hours))
        h.call(s, clerk=wang.user_id, at=november + timedelta(hours=3))
    page = TeamPage(ctx=make_ctx(db, boss))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=2000)
    tab = page.assessment
    tab.clerk.setCurrentIndex(tab.clerk.findData(wang.user_id))
    return page


def _calls(page: TeamPage) -> str:
    return next(f.value for f in page.assessment.figure_model.rows() if f.key == "calls")


def test_this_month_is_chosen_by_keyboard_and_marked_in_progress(
    qtbot: QtBot, sqlite_db: Database, test_clock: clock.FixedClock, chinese: None
) -> None:
    test_clock.set(clock.local_datetime(date(2026, 12, 6), time(7, 40)))
    page = _open(qtbot, sqlite_db)
    tab = page.assessment
    month = tab.month
    assert [month.itemData(i) for i in range(3)] == ["2026-12", "2026-11", "2026-10"]
    assert month.itemText(0) == "2026-12（本月，进行中）"
    assert month.itemText(1) == "2026-11"  # closed months read plainly
    assert month.maxVisibleItems() >= month.count()  # the popup shows them all, none scrolled off
    assert month.currentData() == "2026-11"  # it opens on last month, the one being assessed
    assert not tab.month_note.isVisibleTo(page)
    assert _calls(page) == "1"

    month.setFocus()
    QTest.keyClick(month, Qt.Key.Key_Up)
    assert month.currentData() == "2026-12"
    assert _calls(page) == "2"  # this month's records so far
    assert tab.month_note.isVisibleTo(page)
    assert "尚未结束" in tab.month_note.text()

    QTest.keyClick(month, Qt.Key.Key_Down)
    assert month.currentData() == "2026-11"
    assert not tab.month_note.isVisibleTo(page)


def test_on_the_first_before_eight_this_month_is_already_the_new_one(
    qtbot: QtBot, sqlite_db: Database, test_clock: clock.FixedClock
) -> None:
    # 07:30 China time on the 1st is still the 30th in UTC: the month follows the estate
    test_clock.set(clock.local_datetime(date(2026, 12, 1), time(7, 30)))
    page = _open(qtbot, sqlite_db)
    month = page.assessment.month
    assert month.itemData(0) == "2026-12"
    assert month.itemText(0) != "2026-12"  # marked in progress (English source here)
    assert month.currentData() == "2026-11"
    month.setFocus()
    QTest.keyClick(month, Qt.Key.Key_Up)
    assert _calls(page) == "2"  # December's calls, not November's one
    assert page.assessment.month_note.isVisibleTo(page)
