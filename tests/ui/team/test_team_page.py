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
from sqlalchemy import select

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.calls.models import CallRecord
from propdesk.db.engine import Database
from propdesk.team import assessment, roster
from propdesk.team.figures import month_bounds
from propdesk.tickets.models import TicketCategory
from tests.propdesk.team import helpers as h
from tests.ui.helpers import SmallEstate, make_ctx, read, type_text
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


def test_enter_on_a_drilled_record_opens_it(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """In the real main window: Enter on a drilled ticket opens its ticket window, on a
    callback its ticket, on a call the call's card (and Alt+U its unit), on a survey call
    the unit page of the household called."""
    from propdesk.surveys.models import (
        SurveyAttempt,
        SurveyCampaign,
        SurveyQuestionnaire,
        SurveySample,
    )
    from ui.main_window import MainWindow
    from ui.registry.unit_page import UnitPage
    from ui.team.dialogs import CallDialog
    from ui.tickets.ticket_page import TicketPage

    team = _team(sqlite_db)
    lo, _ = month_bounds(team.period)
    with sqlite_db.begin(SYSTEM) as s:
        cat = s.scalars(select(TicketCategory.id)).one()
        done = h.ticket(
            s,
            n=20,
            category_id=cat,
            owner=_uid(team.li),
            created=lo + timedelta(hours=6),
            done_after=timedelta(hours=2),
        )
        h.callback(s, ticket_id=done, by=_uid(team.wang), at=lo + timedelta(hours=9), overall=4)
        call = s.get(CallRecord, h.call(s, clerk=_uid(team.wang), at=lo + timedelta(hours=10)))
        assert call is not None
        call.unit_id = small_estate.unit_101
        call.caller_name = "王五"
        call.summary = "询问停水时间"
        questionnaire = SurveyQuestionnaire(name="年度满意度调查")
        s.add(questionnaire)
        s.flush()
        campaign = SurveyCampaign(
            name="上半年调查",
            questionnaire_id=questionnaire.id,
            status="open",
            rate_pct=30,
            starts_on=lo.date(),
            ends_on=lo.date() + timedelta(days=20),
        )
        s.add(campaign)
        s.flush()
        sample = SurveySample(
            campaign_id=campaign.id,
            unit_id=small_estate.unit_1502,
            building_id=small_estate.building_id,
        )
        s.add(sample)
        s.flush()
        s.add(
            SurveyAttempt(
                sample_id=sample.id,
                campaign_id=campaign.id,
                user_id=_uid(team.wang),
                at=lo + timedelta(hours=11),
                outcome="no_answer",
            )
        )
    window = MainWindow(ctx=make_ctx(sqlite_db, team.boss))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page = window.show_module("team")
    assert isinstance(page, TeamPage)
    tab = page.assessment
    tab.month.setCurrentIndex(0)  # this month: the test data's
    tab.clerk.setCurrentIndex(tab.clerk.findData(_uid(team.wang)))
    keys = [f.key for f in tab.figure_model.rows()]

    def drill(key: str) -> None:
        tab.figures.setFocus()
        tab.figures.setCurrentIndex(tab.figure_model.index(keys.index(key), 0))
        QTest.keyClick(tab.figures, Qt.Key.Key_Return)
        QTest.keyClick(tab.figures, Qt.Key.Key_Tab)  # Tab: from the figures to the records
        assert tab.records.hasFocus()

    def ticket_pages() -> list[TicketPage]:
        return [p for p in window.findChildren(TicketPage) if p.isVisible()]

    def close_ticket_pages() -> None:
        for p in ticket_pages():
            p.close()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    # a ticket registered: Enter on its row opens the ticket window
    drill("tickets")
    assert [r.reference for r in tab.record_model.rows()] == ["T00000", "T00001", "T00002"]
    QTest.keyClick(tab.records, Qt.Key.Key_Down)
    QTest.keyClick(tab.records, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(ticket_pages()) == 1, timeout=3000)
    first = ticket_pages()[0]
    assert first.ticket_id == tab.drilled_records[1].id
    close_ticket_pages()

    # a callback: its ticket (李前台's T00020, called back by 王前台)
    drill("callbacks")
    assert [r.reference for r in tab.record_model.rows()] == ["T00020"]
    QTest.keyClick(tab.records, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: len(ticket_pages()) == 1, timeout=3000)
    assert ticket_pages()[0].ticket_id == done
    close_ticket_pages()

    # a call: its card; Alt+U opens the caller's unit
    drill("calls")
    assert tab.record_model.rowCount() == 2
    QTest.keyClick(tab.records, Qt.Key.Key_Down)  # the 10:00 call with the unit
    QTest.keyClick(tab.records, Qt.Key.Key_Return)
    dialog = tab.call_dialog
    assert isinstance(dialog, CallDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert dialog.facts.caller_name == "王五"
    assert dialog.facts.summary == "询问停水时间"
    assert dialog.unit_button.isVisibleTo(dialog)
    assert not dialog.ticket_button.isVisibleTo(dialog)
    QTest.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(window.record_page, UnitPage), timeout=3000)
    assert isinstance(window.record_page, UnitPage)
    assert window.record_page.unit_id == small_estate.unit_101
    assert tab.call_dialog is None  # closed (and deleted)

    # a survey call: the unit page of the household called
    window.show_module("team")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    drill("survey_calls")
    assert [r.reference for r in tab.record_model.rows()] == ["3-2-1502"]
    cell = tab.records.visualRect(tab.record_model.index(0, 1)).center()
    QTest.mouseClick(tab.records.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    QTest.mouseDClick(tab.records.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # opens too
    qtbot.waitUntil(
        lambda: (
            isinstance(window.record_page, UnitPage)
            and window.record_page.unit_id == small_estate.unit_1502
        ),
        timeout=3000,
    )
