"""The second tryout of the care features (issue #19), by keyboard: 已复查 has a key of its
own on the 关怀 page inside the main window (Ctrl+D is the shift log's there), a date typed
into a care date field after a refusal or in a fresh 已复查 dialog is the date typed, the
refusal is shown whole and goes once 已复查 answers it, the status-bar count of reviews due
follows a move-out."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.care import services as care
from propdesk.care.models import CareFlag
from propdesk.care.services import FlagSpec
from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry.models import Occupancy
from tests.ui.helpers import CLERK, SUPERVISOR, SmallEstate, make_ctx
from ui.care.dialogs import FlagDialog, ReviewDialog
from ui.care.page import CarePage
from ui.common.dates import from_qdate
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

#: The two ways the tryout typed a date: digits only, and with dashes.
TYPINGS = ("%Y%m%d", "%Y-%m-%d")


def _overdue_flag(db: Database, estate: SmallEstate, test_clock: clock.FixedClock) -> int:
    with db.begin(CLERK) as s:
        review = clock.today(s) + timedelta(days=3)
        flag = care.add_household_flag(
            s, estate.unit_101, FlagSpec("vip", "业委会主任", review_on=review)
        ).id
    test_clock.advance(timedelta(days=10))
    return flag


def _review_on(db: Database, flag_id: int) -> date | None:
    with db.begin(CLERK) as s:
        flag = s.get(CareFlag, flag_id)
        assert flag is not None
        return flag.review_on


def _shown_whole(label: QLabel) -> bool:
    """The label has the height its wrapped text needs (no first or last line cut off)."""
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


@pytest.mark.parametrize("actor", [CLERK, SUPERVISOR], ids=["clerk", "manager"])
def test_ctrl_r_reviews_on_the_care_page_in_the_main_window(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
    actor: Actor,
) -> None:
    """The main window binds Ctrl+D to the shift log from every page; the page's 已复查 is
    Ctrl+R, which opens the review of the selected flag (Ctrl+D on the page was ambiguous:
    nothing happened)."""
    _overdue_flag(sqlite_db, small_estate, test_clock)
    win = MainWindow(ctx=make_ctx(sqlite_db, actor=actor))
    qtbot.addWidget(win)
    with qtbot.waitActive(win):
        win.show()
        win.activateWindow()
    assert "shiftlog" in {m.key for m in win.modules}  # the window's Ctrl+D is bound
    page = win.show_module("care")
    assert isinstance(page, CarePage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert "Ctrl+R" in page.review_button.toolTip()
    assert any(keys == "Ctrl+R" for keys, _what in win.shortcut_help())  # the F1 help
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus, timeout=2000)
    qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ReviewDialog), timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, ReviewDialog)
    dialog.reject()
    win.close()


@pytest.mark.parametrize("typing", TYPINGS, ids=["digits", "dashes"])
def test_date_typed_after_a_refusal_in_the_flag_dialog_is_the_date_saved(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
    typing: str,
) -> None:
    """Saving an overdue flag without a new date is refused by the date, shown whole; the
    year is selected, and ``20261220`` or ``2026-12-20`` typed is the date saved (the whole
    text selected took no digits, and a dash after the year moved one part too far)."""
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    ctx = make_ctx(sqlite_db, CLERK)
    with sqlite_db.begin(CLERK) as s:
        detail = care.view_flag(s, flag_id)
    dialog = FlagDialog(ctx=ctx, detail=detail)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    label = dialog.errors.labels["review_on"]
    qtbot.waitUntil(label.isVisible, timeout=2000)
    assert "下一次复查日期" in label.text()
    qtbot.waitUntil(lambda: _shown_whole(label), timeout=2000)
    assert dialog.review_on.hasFocus()
    old = from_qdate(dialog.review_on.date())
    assert dialog.review_on.lineEdit().selectedText() == f"{old:%Y}"  # the year, not all
    later = date(clock.local_now().year + 1, 12, 20)
    QTest.keyClicks(dialog.review_on, later.strftime(typing))
    assert from_qdate(dialog.review_on.date()) == later
    qtbot.keyClick(dialog.review_on, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert _review_on(sqlite_db, flag_id) == later


def test_ctrl_a_then_a_typed_date_replaces_the_date(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """Ctrl+A then ``2026-12-01`` gave 2027-12-01 (saved without a word): now the date typed."""
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    with sqlite_db.begin(CLERK) as s:
        detail = care.view_flag(s, flag_id)
    dialog = FlagDialog(ctx=make_ctx(sqlite_db, CLERK), detail=detail)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.review_on.setFocus()
    qtbot.keyClick(dialog.review_on, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.review_on.lineEdit().selectedText() == dialog.review_on.text()
    later = date(clock.local_now().year + 1, 12, 1)
    QTest.keyClicks(dialog.review_on, f"{later:%Y-%m-%d}")
    assert from_qdate(dialog.review_on.date()) == later


@pytest.mark.parametrize("typing", TYPINGS, ids=["digits", "dashes"])
def test_date_typed_in_a_fresh_review_dialog_is_the_date_saved(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    test_clock: clock.FixedClock,
    typing: str,
) -> None:
    """The 已复查 dialog opens with the year of the next review selected; typing a date
    replaces it as typed (``2026-12-20`` gave 2026-06-12)."""
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    page = CarePage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    page.review_flag()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ReviewDialog), timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, ReviewDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.next_review.hasFocus, timeout=2000)
    shown = from_qdate(dialog.next_review.date())
    assert dialog.next_review.lineEdit().selectedText() == f"{shown:%Y}"
    later = date(clock.local_now().year + 1, 12, 20)
    QTest.keyClicks(dialog.next_review, later.strftime(typing))
    assert from_qdate(dialog.next_review.date()) == later
    qtbot.keyClick(dialog.next_review, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert _review_on(sqlite_db, flag_id) == later


def test_review_dialog_refusal_is_shown_whole_and_a_retyped_date_saves(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    with sqlite_db.begin(CLERK) as s:
        from propdesk.care import queries as cq

        row = cq.flag_row(s, flag_id)
    dialog = ReviewDialog(ctx=make_ctx(sqlite_db, CLERK), row=row)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    qtbot.waitUntil(dialog.next_review.hasFocus, timeout=2000)
    past = clock.local_now().date() - timedelta(days=40)
    QTest.keyClicks(dialog.next_review, f"{past:%Y-%m-%d}")
    assert from_qdate(dialog.next_review.date()) == past
    qtbot.keyClick(dialog.next_review, Qt.Key.Key_Return)
    label = dialog.errors.labels["review_on"]
    qtbot.waitUntil(label.isVisible, timeout=2000)
    qtbot.waitUntil(lambda: _shown_whole(label), timeout=2000)
    assert dialog.next_review.lineEdit().selectedText() == f"{past:%Y}"
    later = date(clock.local_now().year + 1, 12, 20)
    QTest.keyClicks(dialog.next_review, f"{later:%Y%m%d}")
    qtbot.keyClick(dialog.next_review, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert _review_on(sqlite_db, flag_id) == later


def test_reviewed_in_the_flag_dialog_clears_the_refusal_of_the_old_date(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """The refusal of the overdue date went on showing after Ctrl+D had set a new one; Ctrl+R
    (as on the page) and Ctrl+D both mark the review and the refusal goes."""
    flag_id = _overdue_flag(sqlite_db, small_estate, test_clock)
    with sqlite_db.begin(CLERK) as s:
        detail = care.view_flag(s, flag_id)
    for key in (Qt.Key.Key_D, Qt.Key.Key_R):
        dialog = FlagDialog(ctx=make_ctx(sqlite_db, CLERK), detail=detail)
        qtbot.addWidget(dialog)
        with qtbot.waitActive(dialog):
            dialog.show()
            dialog.activateWindow()
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        label = dialog.errors.labels["review_on"]
        qtbot.waitUntil(label.isVisible, timeout=2000)
        qtbot.keyClick(dialog.review_on, key, Qt.KeyboardModifier.ControlModifier)
        assert dialog.reviewing
        assert not label.isVisible()
        today = clock.local_now().date()
        assert from_qdate(dialog.review_on.date()) == care.next_review_default(today)
        dialog.reject()
        dialog.close()


def test_reviews_due_in_the_status_bar_follow_a_move_out(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """3-1-101's household flag is due; 王五 moves out: the household's flag leaves the list
    and the status bar's figure goes with it (it stayed until the next care change)."""
    _overdue_flag(sqlite_db, small_estate, test_clock)
    ctx = make_ctx(sqlite_db, CLERK)
    win = MainWindow(ctx=ctx)
    qtbot.addWidget(win)
    win.show()
    label = win.status_labels["care_reviews"]
    qtbot.waitUntil(lambda: label.text() == "Care reviews due: 1", timeout=2000)
    with sqlite_db.begin(SUPERVISOR) as s:
        occupancy = s.scalars(
            select(Occupancy.id).where(
                Occupancy.unit_id == small_estate.unit_101, Occupancy.end_date.is_(None)
            )
        ).one()
        reg.end_occupancy(s, occupancy, end_date=clock.today(s), reason="迁出")
    ctx.hub.notify(Changes(occupancy=True))  # what the move-out form broadcasts
    qtbot.waitUntil(lambda: label.text() == "" and not label.isVisible(), timeout=2000)
    QApplication.processEvents()
    win.close()
