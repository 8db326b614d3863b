"""The team page by keyboard: a manager drills a figure and writes the comment, a clerk
sees only their own month and acknowledges it, the roster is assigned by keys, and the
handover dialog names who the roster has on now and next."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.team import assessment, roster
from propdesk.team.figures import month_bounds
from tests.propdesk.team import helpers as h
from tests.ui.helpers import make_ctx, read, type_text
from ui.printing.preview import PdfPreviewDialog
from ui.team.dialogs import CommentDialog, ShiftDialog
from ui.team.page import TeamPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SYSTEM = Actor.system()


@dataclass(frozen=True)
class Team:
    wang: Actor
    li: Actor
    boss: Actor
    period: str


def _uid(actor: Actor) -> int:
    assert actor.user_id is not None
    return actor.user_id


def _team(db: Database) -> Team:
    with db.begin(SYSTEM) as s:
        today = clock.today(s)
        period = f"{today:%Y-%m}"
        lo, _ = month_bounds(period)
        wang = h.add_user(s, "wang", "王前台")
        li = h.add_user(s, "li", "李前台")
        boss = h.add_user(s, "zhao", "赵经理", Role.MANAGER)
        cat = h.category(s)
        for i in range(3):
            h.ticket(
                s,
                n=i,
                category_id=cat,
                owner=_uid(wang),
                created=lo + timedelta(hours=i + 1),
                responded_after=timedelta(minutes=30),
            )
        h.ticket(s, n=9, category_id=cat, owner=_uid(li), created=lo + timedelta(hours=5))
        h.call(s, clerk=_uid(wang), at=lo + timedelta(hours=2))
    return Team(wang, li, boss, period)


def _page(qtbot: QtBot, db: Database, actor: Actor) -> TeamPage:
    page = TeamPage(ctx=make_ctx(db, actor))
    qtbot.addWidget(page)
    page.show()
    month = page.assessment.month
    assert month.currentIndex() == 1  # opens on last month, the one being assessed
    month.setFocus()
    QTest.keyClick(month, Qt.Key.Key_Up)  # the newest month: the test data's
    return page


def test_manager_drills_a_figure_and_writes_the_comment(qtbot: QtBot, sqlite_db: Database) -> None:
    team = _team(sqlite_db)
    page = _page(qtbot, sqlite_db, team.boss)
    tab = page.assessment
    assert [tab.clerk.itemText(i) for i in range(tab.clerk.count())] == ["李前台", "王前台"]
    tab.clerk.setCurrentIndex(tab.clerk.findData(_uid(team.wang)))
    assert tab.month.currentData() == team.period
    lines = tab.figure_model.rows()
    assert lines[0].key == "tickets"
    assert lines[0].value == "3"
    tab.figures.setFocus()
    tab.figures.setCurrentIndex(tab.figure_model.index(0, 0))
    QTest.keyClick(tab.figures, Qt.Key.Key_Return)
    assert tab.record_model.rowCount() == 3
    assert [r.reference for r in tab.record_model.rows()] == ["T00000", "T00001", "T00002"]
    assert "3" in tab.records_title.text()
    # the calls figure drills to its one call
    tab.figures.setCurrentIndex(tab.figure_model.index(4, 0))
    QTest.keyClick(tab.figures, Qt.Key.Key_Enter)
    assert tab.record_model.rowCount() == 1
    assert tab.ack_button.isHidden()  # only the clerk acknowledges
    assert tab.comment_button.isVisibleTo(page)

    QTest.keyClick(tab.comment_button, Qt.Key.Key_Space)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CommentDialog))
    qtbot.addWidget(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.text
    QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "评语" in dialog.errors.visible_messages()["comment"]  # empty: refused, still open
    type_text(qtbot, dialog.text, "响应及时")
    QTest.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved is not None
    assert "响应及时" in tab.comment_label.text()
    assert "赵经理" in tab.comment_label.text()
    sheet = read(
        make_ctx(sqlite_db, team.boss),
        lambda s: assessment.sheet(s, user_id=_uid(team.wang), period=team.period),
    )
    assert sheet.sign_off.comment == "响应及时"


def test_clerk_sees_only_own_month_and_acknowledges(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = _team(sqlite_db)
    with sqlite_db.begin(team.boss) as s:
        assessment.comment(s, user_id=_uid(team.wang), period=team.period, text="继续保持")
    page = _page(qtbot, sqlite_db, team.wang)
    tab = page.assessment
    assert tab.clerk.count() == 1
    assert tab.clerk.currentData() == _uid(team.wang)
    assert tab.comment_button.isHidden()
    assert tab.figure_model.rows()[0].value == "3"  # not 李前台's one ticket
    assert "继续保持" in tab.comment_label.text()
    assert tab.ack_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    QTest.keyClick(tab.ack_button, Qt.Key.Key_Space)
    assert "王前台" in tab.ack_label.text()
    assert not tab.ack_button.isEnabled()  # once is enough
    # the sheet prints with both
    tab.print_sheet()
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog))
    qtbot.addWidget(preview)
    assert preview.pdf.startswith(b"%PDF")


def test_roster_assigned_by_keyboard(qtbot: QtBot, sqlite_db: Database) -> None:
    team = _team(sqlite_db)
    with sqlite_db.begin(SYSTEM) as s:
        roster.ensure_default_shifts(s)
    sup = Actor(user_id=None, username="sup", display_name="主管", role=Role.SUPERVISOR)
    page = _page(qtbot, sqlite_db, sup)
    page.tabs.setCurrentIndex(1)
    tab = page.roster
    view = tab.view
    assert view.hasFocus() or page.primary_field() is view
    year, month = (int(p) for p in team.period.split("-"))
    assert tab.model.columnCount() == calendar.monthrange(year, month)[1]  # this month
    row = next(r for r in range(tab.model.rowCount()) if tab.model.cell(r, 0)[0] == _uid(team.li))
    view.setCurrentIndex(tab.model.index(row, 0))
    QTest.keyClick(view, Qt.Key.Key_1)  # 早 on the 1st, then the cursor is on the 2nd
    QTest.keyClick(view, Qt.Key.Key_N)  # 夜 (night) on the 2nd
    QTest.keyClick(view, Qt.Key.Key_2)  # 中 on the 3rd
    assert view.currentIndex().column() == 3
    QTest.keyClick(view, Qt.Key.Key_Left)
    QTest.keyClick(view, Qt.Key.Key_Delete)  # the 3rd off again
    assert [tab.model.text(row, c) for c in range(4)] == ["早", "夜", "", ""]
    grid = read(make_ctx(sqlite_db), lambda s: roster.month_grid(s, year, month))
    li = _uid(team.li)
    assert {d.day for (u, d) in grid.cells if u == li} == {1, 2}
    # the night of the 2nd covers the 3rd at 03:00
    with sqlite_db.begin(SYSTEM) as s:
        on = roster.on_duty_at(s, clock.local_datetime(date(year, month, 3), time(3, 0)))
    assert [d.name for d in on] == ["李前台"]
    QTest.keyClick(view, Qt.Key.Key_X)  # no shift has that key
    assert "X" in tab.message.text() or "x" in tab.message.text()
    assert tab.chart.volume is not None
    assert tab.chart.volume.total == 1  # the one incoming call of the month


def test_clerk_cannot_change_the_roster(qtbot: QtBot, sqlite_db: Database) -> None:
    team = _team(sqlite_db)
    with sqlite_db.begin(SYSTEM) as s:
        roster.ensure_default_shifts(s)
    page = _page(qtbot, sqlite_db, team.wang)
    page.tabs.setCurrentIndex(1)
    tab = page.roster
    assert tab.shifts_button.isHidden()
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    QTest.keyClick(tab.view, Qt.Key.Key_1)
    assert tab.message.isVisibleTo(page)
    assert "主管" in tab.message.text() or "supervisors" in tab.message.text()
    year, month = (int(p) for p in team.period.split("-"))
    grid = read(make_ctx(sqlite_db), lambda s: roster.month_grid(s, year, month))
    assert grid.cells == {}


def test_shift_definition_by_keyboard(qtbot: QtBot, sqlite_db: Database) -> None:
    manager = Actor(user_id=None, username="m", display_name="经理", role=Role.MANAGER)
    ctx = make_ctx(sqlite_db, manager)
    dialog = ShiftDialog(ctx=ctx, shifts=[])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.shift
    QTest.keyClick(dialog.shift, Qt.Key.Key_Tab)
    QTest.keyClicks(dialog.code, "late")
    type_text(qtbot, dialog.name, "晚班")
    dialog.starts.setTime(dialog.starts.time().fromString("18:00", "HH:mm"))
    dialog.ends.setTime(dialog.ends.time().fromString("18:00", "HH:mm"))
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert "下班时间" in dialog.errors.visible_messages()["ends"]
    dialog.ends.setTime(dialog.ends.time().fromString("23:30", "HH:mm"))
    QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.saved_id is not None
    shifts = read(ctx, roster.list_shifts)
    assert [(s.code, s.name, s.hours) for s in shifts] == [("late", "晚班", "18:00–23:30")]


def test_handover_names_who_is_rostered(
    qtbot: QtBot, sqlite_db: Database, test_clock: clock.FixedClock
) -> None:
    from ui.desk.shiftlog import HandoverDialog

    team = _team(sqlite_db)
    with sqlite_db.begin(SYSTEM) as s:
        ids = {r.code: r.id for r in roster.ensure_default_shifts(s)}
        roster.assign(s, user_id=_uid(team.wang), day=date(2026, 6, 15), shift_id=ids["early"])
        roster.assign(s, user_id=_uid(team.li), day=date(2026, 6, 15), shift_id=ids["middle"])
    test_clock.set(clock.local_datetime(date(2026, 6, 15), time(13, 50)))
    dialog = HandoverDialog(ctx=make_ctx(sqlite_db, team.wang))
    qtbot.addWidget(dialog)
    text = dialog.rostered.text()
    assert "王前台" in text.split("\n")[0]
    assert "李前台" in text.split("\n")[1]
    assert "14:00" in text.split("\n")[1]
    assert isinstance(dialog.rostered.rostered, roster.HandoverRoster)
    assert dialog.rostered.rostered.at == datetime(
        2026, 6, 15, 5, 50, tzinfo=dialog.rostered.rostered.at.tzinfo
    )
