"""Care by keyboard: the banner in the global search results and in the parcel form, the
supervisors-only flag as a clerk sees it, a review date in the past refused next to its
field with nothing saved, and the care page's list and filters."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk import clock
from propdesk.care import services as care
from propdesk.care.models import CareFlag
from propdesk.care.services import FlagSpec
from propdesk.db.engine import Database
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.app import load_translations
from ui.care.dialogs import FlagDialog
from ui.care.page import CarePage
from ui.desk.parcels import ParcelsVisitorsPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _flags(db: Database, estate: SmallEstate) -> None:
    with db.begin(CLERK) as s:
        care.add_household_flag(s, estate.unit_1502, FlagSpec("elderly_alone", "独居"))
        care.add_household_flag(
            s, estate.unit_1502, FlagSpec("dnd", "夜班", dnd_start=time(22), dnd_end=time(8))
        )
        care.add_household_flag(
            s, estate.unit_101, FlagSpec("complainant", "多次投诉", visibility="supervisors")
        )


def _count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(select(func.count(CareFlag.id))).scalar_one())


def test_banner_in_global_search_results(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flags(sqlite_db, small_estate)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = load_translations(app, "zh_CN")  # the banner as a Chinese desk shows it
    win = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.keyClick(win, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, win.search, "3-2-1502")
    qtbot.waitUntil(lambda: win.search.results.isVisible(), timeout=2000)
    banner = win.search.care_banner.banner  # type: ignore[attr-defined]
    qtbot.waitUntil(banner.isVisible, timeout=2000)
    assert banner.text() == "【关注】独居老人 · 免打扰时段 22:00–08:00"
    # the supervisors-only flag of 3-1-101 shows to a clerk without details
    win.search.clear()
    type_text(qtbot, win.search, "3-1-101")
    qtbot.waitUntil(lambda: "需主管查看" in banner.text() and banner.isVisible(), timeout=2000)
    assert "投诉" not in banner.text()
    win.close()
    for translator in translators:
        app.removeTranslator(translator)


def test_banner_in_parcel_form(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flags(sqlite_db, small_estate)
    page = ParcelsVisitorsPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    picker = page.parcels.unit
    assert not picker.care.isVisible()
    type_text(qtbot, picker.box, "3-2-1502")
    qtbot.waitUntil(lambda: picker.box.results.isVisible(), timeout=2000)
    qtbot.keyClick(picker.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.unit_id == small_estate.unit_1502, timeout=2000)
    qtbot.waitUntil(picker.care.isVisible, timeout=2000)
    assert "独居老人" in picker.care.text()
    picker.clear_choice()
    qtbot.waitUntil(lambda: not picker.care.isVisible(), timeout=2000)


def test_review_date_in_the_past_refused_nothing_saved(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    dialog = FlagDialog(ctx=make_ctx(sqlite_db, CLERK), unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.kind.hasFocus(), timeout=2000)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # 疏散需协助
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.reason, "坐轮椅")
    yesterday = clock.local_now().date() - timedelta(days=1)
    dialog.review_on.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    label = dialog.errors.labels["review_on"]
    qtbot.waitUntil(label.isVisible, timeout=2000)
    assert "复查日期必须在今天" in label.text()
    assert dialog.isVisible()
    assert dialog.reason.toPlainText() == "坐轮椅"  # input kept
    assert _count(sqlite_db) == 0
    # a date after today saves
    later = clock.local_now().date() + timedelta(days=30)
    dialog.review_on.setDate(QDate(later.year, later.month, later.day))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert _count(sqlite_db) == 1
    assert dialog.result_value.kind_zh == "疏散需协助"


def test_care_page_lists_and_filters(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    _flags(sqlite_db, small_estate)
    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    kinds = {page.model.index(r, 3).data() for r in range(3)}
    assert kinds == {"独居老人", "免打扰时段 22:00–08:00", "有关注事项（需主管查看）"}
    page.kind.setCurrentIndex(page.kind.findData("complainant"))
    assert page.model.rowCount() == 0  # a clerk cannot find the restricted flag by its kind
    page.kind.setCurrentIndex(page.kind.findData("elderly_alone"))
    assert page.model.rowCount() == 1
    page.kind.setCurrentIndex(0)
    page.overdue.setChecked(True)
    assert page.model.rowCount() == 0
