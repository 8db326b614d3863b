"""The activities page by keyboard: an activity created (bad input refused next to its
field), sign-ups that fill it and then go to the waitlist with their position, a sign-up
cancelled (the waitlist moves up), attendance ticked with Space, feedback by number key,
and the notice recorded as printed only once it was saved."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities import services as act
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry.models import Estate
from tests.propdesk.activities.helpers import spec
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, read, type_text
from ui.activities.dialogs import (
    ActivityDialog,
    CancelActivityDialog,
    FeedbackDialog,
    FinishDialog,
    SignupDialog,
)
from ui.activities.page import ActivitiesPage
from ui.activities.unit_panel import UnitActivitiesPanel
from ui.context import AppContext
from ui.printing.preview import PdfPreviewDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


def _new_activity(qtbot: QtBot, db: Database, capacity: int) -> int:
    """Create an activity through the form, by keyboard, as the manager."""
    dialog = ActivityDialog(ctx=make_ctx(db, MANAGER))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.kind.hasFocus, timeout=2000)
    type_text(qtbot, dialog.title, "端午包粽子")
    type_text(qtbot, dialog.venue, "会所活动室")
    # bad input first: no places, a negative budget, a start in the past
    dialog.capacity.setValue(0)
    qtbot.keyClick(dialog.venue, Qt.Key.Key_Return)
    assert "名额" in dialog.errors.visible_messages()["capacity"]
    assert dialog.isVisible()
    dialog.capacity.setValue(capacity)
    qtbot.keyClicks(dialog.budget, "-5")
    qtbot.keyClick(dialog.budget, Qt.Key.Key_Return)
    assert "负数" in dialog.errors.visible_messages()["budget_fen"]
    dialog.budget.clear()
    qtbot.keyClicks(dialog.budget, "800.50")
    good = dialog.starts.dateTime()
    dialog.starts.setDateTime(good.addDays(-30))
    qtbot.keyClick(dialog.budget, Qt.Key.Key_Return)
    assert "已经过去" in dialog.errors.visible_messages()["starts_at"]
    assert dialog.title.text() == "端午包粽子"  # the input survives every refusal
    dialog.starts.setDateTime(good)
    qtbot.keyClick(dialog.budget, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    aid = int(dialog.result_value)
    row = read(dialog.ctx, lambda s: q.activity(s, aid))
    assert (row.capacity, row.budget_fen, row.status) == (capacity, 80050, "open")
    return aid


def _sign(qtbot: QtBot, dialog: SignupDialog, code: str, persons: int) -> str:
    qtbot.keyClicks(dialog.unit.box, code)
    qtbot.keyClick(dialog.unit.box, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.persons.lineEdit() or dialog.persons.hasFocus()
    dialog.persons.selectAll()
    qtbot.keyClicks(dialog.persons, str(persons))
    qtbot.keyClick(dialog.persons, Qt.Key.Key_Return)
    return dialog.outcome.text()


def _answer(qtbot: QtBot, dialog: SignupDialog, *, yes: bool) -> str:
    """Answer the open "waitlist, sure?" question by keyboard (Enter takes the default, No;
    Yes is focused and pressed with Space); returns the reason it gave."""
    box = dialog.confirm_box
    assert box is not None
    assert box.isVisible()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    reason = re.split(r"[:：]\s*", box.text().split("\n")[0], maxsplit=1)[1]
    if yes:
        button = box.button(QMessageBox.StandardButton.Yes)
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.confirm_box is None
    return reason


def test_signup_asks_before_waitlisting_no_by_default(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """3 places, 2 taken: a 2-person household would go to the waitlist (too few places).
    The clerk is told why before saving; Enter (No) saves nothing and keeps the input; Yes
    saves it waitlisted. A household that fits is saved without a question."""
    with sqlite_db.begin(MANAGER) as s:
        aid = act.create_activity(s, spec(capacity=3), open_now=True)
        act.sign_up(s, aid, unit_id=small_estate.unit_1501, persons=2)
    ctx = make_ctx(sqlite_db, CLERK)
    activity = read(ctx, lambda s: q.activity(s, aid))
    dialog = SignupDialog(ctx=ctx, activity=activity)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.unit.box.hasFocus, timeout=2000)

    _sign(qtbot, dialog, "1502", 2)
    box = dialog.confirm_box
    assert box is not None
    assert "3-2-1502" in box.text()
    assert _answer(qtbot, dialog, yes=False) == "只剩 1 个名额，不够 2 人，将登记为候补第 1 位。"
    assert dialog.isVisible()
    assert dialog.results == []
    assert dialog.unit.unit_code == "3-2-1502"  # the input stays
    assert dialog.persons.value() == 2
    assert read(ctx, lambda s: q.activity(s, aid)).waitlist == 0  # nothing saved

    qtbot.keyClick(dialog.persons, Qt.Key.Key_Return)  # asked again; Yes saves it waitlisted
    assert _answer(qtbot, dialog, yes=True) == "只剩 1 个名额，不够 2 人，将登记为候补第 1 位。"
    assert [r.state for r in dialog.results] == ["waitlist"]
    assert "候补第 1 位" in dialog.outcome.text()

    # one place is free, but a household waits: a 1-person sign-up would wait behind it
    _sign(qtbot, dialog, "101", 1)
    assert "已有 1 户先登记候补" in _answer(qtbot, dialog, yes=False)
    assert len(dialog.results) == 1

    # a household that fits: saved at once, no question
    with sqlite_db.begin(CLERK) as s:
        act.cancel_signup(s, dialog.results[0].signup_id)
    dialog.persons.setFocus()
    qtbot.keyClick(dialog.persons, Qt.Key.Key_Return)
    assert dialog.confirm_box is None
    assert [r.state for r in dialog.results] == ["waitlist", "confirmed"]
    assert "报名成功" in dialog.outcome.text()


def test_signups_fill_the_activity_then_go_to_the_waitlist(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    aid = _new_activity(qtbot, sqlite_db, capacity=3)
    ctx = make_ctx(sqlite_db, CLERK)
    page = ActivitiesPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.current is not None
    assert page.current.id == aid
    dialog = page.sign_up()
    assert isinstance(dialog, SignupDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.unit.box.hasFocus, timeout=2000)

    first = _sign(qtbot, dialog, "1502", 2)
    assert "3-2-1502" in first
    assert "报名成功" in first
    assert dialog.unit.unit_id is None  # the form reset for the next household
    second = _sign(qtbot, dialog, "1501", 1)
    assert "报名成功" in second
    third = _sign(qtbot, dialog, "101", 2)  # full: asked first (No by default)
    assert _answer(qtbot, dialog, yes=True) == "名额已满，将登记为候补第 1 位。"
    third = dialog.outcome.text()  # the waitlist, and which place in it
    assert "名额已满" in third
    assert "候补第 1 位" in third
    assert [r.state for r in dialog.results] == ["confirmed", "confirmed", "waitlist"]
    dialog.reject()

    assert page.current.taken == 3
    assert page.current.waitlist == 1
    assert [r.unit_code for r in page.signup_model.rows()] == ["3-1-101", "3-2-1501", "3-2-1502"]

    # the unit page's panel shows the household's participation
    panel = UnitActivitiesPanel(ctx=ctx, unit_id=small_estate.unit_101)
    qtbot.addWidget(panel)
    panel.show()
    assert "端午包粽子" in panel.text.text()
    assert "候补" in panel.text.text()

    # 1502 (2 persons) withdraws: 3-1-101 (2 persons) fits now and moves up
    row = next(i for i, r in enumerate(page.signup_model.rows()) if r.unit_code == "3-2-1502")
    page.withdraw(page.signup_model.row_value(row))
    assert "3-2-1502" in page.message.text()
    assert " 1 " in page.message.text()  # one household moved up
    # and which, with whom to call: the clerk sees the phone masked
    assert page.message.text().endswith("3-1-101 王五 137****2222")
    states = read(
        ctx,
        lambda s: dict(
            s.execute(
                select(ActivitySignup.unit_id, ActivitySignup.state).where(
                    ActivitySignup.activity_id == aid
                )
            ).all()
        ),
    )
    assert states[small_estate.unit_101] == "confirmed"
    assert states[small_estate.unit_1502] == "cancelled"
    assert "已报名" in panel.text.text()  # the panel followed the change


def test_attendance_by_space_and_feedback_by_number_key(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    aid = _new_activity(qtbot, sqlite_db, capacity=10)
    manager = make_ctx(sqlite_db, MANAGER)
    with sqlite_db.begin(CLERK) as s:
        act.sign_up(s, aid, unit_id=small_estate.unit_1502, persons=2)
        act.sign_up(s, aid, unit_id=small_estate.unit_101)
    start = read(manager, lambda s: q.activity(s, aid)).starts_at
    test_clock.set(start + timedelta(hours=3))
    with sqlite_db.begin(MANAGER) as s:
        act.finish_activity(s, aid, spent_fen=70000)
    page = ActivitiesPage(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(page)
    page.show()
    page.when.setCurrentIndex(page.when.findData("past"))
    assert page.current is not None
    assert page.current.id == aid

    dialog = page.attendance()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.find_box.hasFocus, timeout=2000)
    qtbot.keyClicks(dialog.find_box, "1502")
    qtbot.keyClick(dialog.find_box, Qt.Key.Key_Down)
    assert dialog.list.hasFocus()
    assert "3-2-1502" in dialog.list.currentItem().text()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.keys.is_dirty()  # a tick is input: Esc would ask
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    came = {r.unit_code: r.attended for r in page.signup_model.rows()}
    assert came == {"3-1-101": False, "3-2-1502": True}

    index = next(i for i, r in enumerate(page.signup_model.rows()) if r.unit_code == "3-2-1502")
    page.signups.setCurrentIndex(page.signup_model.index(index, 0))
    feedback = page.feedback()
    assert isinstance(feedback, FeedbackDialog)
    qtbot.addWidget(feedback)
    qtbot.waitUntil(feedback.rating.hasFocus, timeout=2000)
    qtbot.keyClick(feedback.rating, Qt.Key.Key_4)
    assert feedback.rating.value() == 4
    assert feedback.stars.text() == "★★★★☆"
    feedback.comment.setFocus()
    type_text(qtbot, feedback.comment, "粽子好吃")
    qtbot.keyClick(feedback.comment, Qt.Key.Key_Return)
    assert not feedback.isVisible()
    saved = read(
        manager,
        lambda s: s.execute(
            select(ActivitySignup.rating, ActivitySignup.comment).where(
                ActivitySignup.unit_id == small_estate.unit_1502
            )
        ).one(),
    )
    assert tuple(saved) == (4, "粽子好吃")
    # no feedback from a household that did not come
    index = next(i for i, r in enumerate(page.signup_model.rows()) if r.unit_code == "3-1-101")
    page.signups.setCurrentIndex(page.signup_model.index(index, 0))
    assert page.feedback() is None
    assert page.message.text() == "Only households that came can give feedback."


def test_notice_recorded_only_once_saved(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, tmp_path: Path
) -> None:
    aid = _new_activity(qtbot, sqlite_db, capacity=5)
    with sqlite_db.begin(MANAGER) as s:
        s.execute(update(Estate).values(phone="0755-88886666"))
    ctx = make_ctx(sqlite_db, CLERK)
    page = ActivitiesPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()

    def printed_at() -> object:
        return read(ctx, lambda s: s.scalar(select(Activity.notice_printed_at)))

    page.print_notice()
    preview = page.last_preview
    assert isinstance(preview, PdfPreviewDialog)
    preview.close()  # looked at, not printed: nothing recorded
    assert printed_at() is None
    page.print_notice()
    preview = page.last_preview
    assert isinstance(preview, PdfPreviewDialog)
    target = tmp_path / "notice.pdf"
    preview.choose_save_path = lambda _parent, _suggested: str(target)
    assert preview.save_as()
    assert target.read_bytes().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "电话：0755-88886666" in re.sub(r"\s+", "", text)  # the estate's phone, the desk's
    assert printed_at() is not None
    preview.close()
    page.print_signin_sheet()
    sheet = page.last_preview
    assert isinstance(sheet, PdfPreviewDialog)
    assert "签到表" in sheet.windowTitle()
    sheet.close()
    assert aid


def test_manager_opens_finishes_and_cancels(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    manager = make_ctx(sqlite_db, MANAGER)
    start = test_clock.now() + timedelta(days=3)
    with sqlite_db.begin(MANAGER) as s:
        planned = act.create_activity(
            s,
            act.ActivitySpec("culture", "书法体验", start, None, "会所", 10, 20000, "赵经理"),
        )
        doomed = act.create_activity(
            s,
            act.ActivitySpec("sports", "夜跑", start, None, "环路", 10, 0, "赵经理"),
            open_now=True,
        )
        act.sign_up(s, doomed, unit_id=small_estate.unit_1502)
        act.sign_up(s, doomed, unit_id=small_estate.unit_101)
    page = ActivitiesPage(ctx=manager)
    qtbot.addWidget(page)
    page.show()

    def select(aid: int) -> None:
        row = next(r for r in range(page.model.rowCount()) if page.model.row_id(r) == aid)
        page.table.selectRow(row)
        assert page.current is not None
        assert page.current.id == aid

    # a planned activity: sign-ups open with one click, then people can sign up
    select(planned)
    assert not page.signup_button.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.current is not None
    assert page.current.status == "open"
    assert page.signup_button.isEnabled()

    # cancelling says whom to tell, in unit order
    select(doomed)
    page.cancel_activity()
    dialog = page.dialog
    assert isinstance(dialog, CancelActivityDialog)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: refused next to the field
    assert "取消原因" in dialog.errors.visible_messages()["reason"]
    type_text(qtbot, dialog.reason, "下雨")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.message.text().endswith("3-1-101、3-2-1502")

    # finishing records what was spent, in yuan
    test_clock.set(start + timedelta(hours=3))
    page.when.setCurrentIndex(page.when.findData("upcoming"))
    select(planned)
    page.finish()
    finish = page.dialog
    assert isinstance(finish, FinishDialog)
    qtbot.keyClicks(finish.spent, "186.50")
    qtbot.keyClick(finish.spent, Qt.Key.Key_Return)
    assert not finish.isVisible()
    row = read(manager, lambda s: q.activity(s, planned))
    assert (row.status, row.spent_fen) == ("finished", 18650)


ALT = Qt.KeyboardModifier.AltModifier


def _page(qtbot: QtBot, ctx: AppContext) -> ActivitiesPage:
    page = ActivitiesPage(ctx=ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    return page


def test_finishing_before_the_start_is_refused_by_the_form_input_kept(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """An activity 13 days ahead: Finish (Alt+S) is greyed out and says why; a finish form
    opened all the same (a page left open from before a change of start) refuses by the
    service: the amount typed stays, the refusal says when it starts; nothing is finished
    (no attendance, no rating, no monthly figure)."""
    start = test_clock.now() + timedelta(days=13)
    with sqlite_db.begin(MANAGER) as s:
        aid = act.create_activity(
            s,
            act.ActivitySpec("culture", "书法体验", start, None, "会所", 10, 20000, "赵经理"),
            open_now=True,
        )
        act.sign_up(s, aid, unit_id=small_estate.unit_101)
    page = _page(qtbot, make_ctx(sqlite_db, MANAGER))
    assert page.current is not None
    assert page.current.id == aid
    page.table.setFocus()
    assert not page.finish_button.isEnabled()
    assert "has not started" in page.finish_button.toolTip()
    qtbot.keyClick(page.table, Qt.Key.Key_S, ALT)
    assert page.dialog is None  # nothing to fill in vain
    finish = FinishDialog(ctx=page.ctx, activity=page.current, parent=page)
    qtbot.addWidget(finish)
    finish.open()
    qtbot.waitUntil(finish.spent.hasFocus, timeout=2000)
    qtbot.keyClicks(finish.spent, "300")
    qtbot.keyClick(finish.spent, Qt.Key.Key_Return)
    assert finish.isVisible()
    said = finish.errors.visible_messages()[""]
    assert "还没有开始" in said
    assert f"{clock.to_local(start):%Y-%m-%d %H:%M}" in said
    assert finish.spent.text() == "300"
    assert finish.save_button.isEnabled()  # the user can cancel or wait
    assert read(page.ctx, lambda s: q.activity(s, aid)).status == "open"


def test_a_clerk_is_not_offered_what_only_a_manager_may_do(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """A clerk never fills the new-activity form in vain: New, Edit, Finish (managers) and
    Open sign-ups, Cancel activity (supervisors) are disabled and say why; Ctrl+N says it
    too; signing a household up stays the clerk's work."""
    start = test_clock.now() + timedelta(days=3)
    with sqlite_db.begin(MANAGER) as s:
        act.create_activity(
            s,
            act.ActivitySpec("culture", "书法体验", start, None, "会所", 10, 20000, "赵经理"),
            open_now=True,
        )
    page = _page(qtbot, make_ctx(sqlite_db, CLERK))
    assert page.current is not None
    for button in (page.new_button, page.edit_button, page.finish_button):
        assert not button.isEnabled()
        assert "manager" in button.toolTip()
    for button in (page.open_button, page.cancel_button):
        assert not button.isEnabled()
        assert "supervisor" in button.toolTip()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, ALT)
    qtbot.keyClick(page.table, Qt.Key.Key_S, ALT)
    qtbot.wait(300)  # past an animated click
    assert page.dialog is None
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.dialog is None
    assert page.message.text() == "Only a manager can create, edit or finish activities."
    # the desk's work stays open to the clerk: Alt+U signs a household up
    assert page.signup_button.isEnabled()
    assert page.signup_button.toolTip() == ""
    qtbot.keyClick(page.table, Qt.Key.Key_U, ALT)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=2000)
    assert isinstance(page.dialog, SignupDialog)
    qtbot.addWidget(page.dialog)
    page.dialog.reject()
    # a manager gets them all
    page.close()
    manager = _page(qtbot, make_ctx(sqlite_db, MANAGER))
    assert manager.new_button.isEnabled()
    assert manager.cancel_button.isEnabled()
    # Finish waits for the start (three days ahead), and says so
    assert not manager.finish_button.isEnabled()
    assert "has not started" in manager.finish_button.toolTip()
    test_clock.set(start + timedelta(minutes=1))
    manager.reload()
    qtbot.waitUntil(manager.finish_button.isEnabled, timeout=2000)
    assert manager.finish_button.toolTip() == ""


def test_a_new_activity_is_selected_once_saved(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    start = test_clock.now() + timedelta(days=3)
    with sqlite_db.begin(MANAGER) as s:
        act.create_activity(
            s,
            act.ActivitySpec("culture", "书法体验", start, None, "会所", 10, 20000, "赵经理"),
            open_now=True,
        )
    page = _page(qtbot, make_ctx(sqlite_db, MANAGER))
    page.when.setCurrentIndex(page.when.findData("past"))
    assert page.current is None
    page.message.setText("活动已取消，无人报名。")  # what the action before said
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.kind.hasFocus, timeout=2000)
    type_text(qtbot, dialog.title, "端午包粽子")
    type_text(qtbot, dialog.venue, "会所活动室")
    qtbot.keyClick(dialog.venue, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.when.currentData() == "upcoming"
    assert page.current is not None
    assert page.current.title == "端午包粽子"
    assert page.message.text() == "Activity saved."  # not the cancelled one's message
    assert page.table.currentIndex().row() == next(
        r for r in range(page.model.rowCount()) if page.model.row_id(r) == dialog.result_value
    )


def test_raising_the_places_names_the_households_moved_up(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, test_clock: clock.FixedClock
) -> None:
    """The edit form's raised capacity moves the waitlist up: the page names whom to tell,
    as a cancelled sign-up does."""
    start = test_clock.now() + timedelta(days=3)
    with sqlite_db.begin(MANAGER) as s:
        aid = act.create_activity(
            s,
            act.ActivitySpec("culture", "书法体验", start, None, "会所", 2, 20000, "赵经理"),
            open_now=True,
        )
        act.sign_up(s, aid, unit_id=small_estate.unit_1502, persons=2)
        act.sign_up(s, aid, unit_id=small_estate.unit_101, persons=1)  # waitlist 1st
        act.sign_up(s, aid, unit_id=small_estate.unit_1501, persons=2)  # waitlist 2nd
    page = _page(qtbot, make_ctx(sqlite_db, MANAGER))
    assert page.current is not None
    assert page.current.id == aid
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(lambda: isinstance(page.dialog, ActivityDialog), timeout=2000)
    dialog = page.dialog
    assert isinstance(dialog, ActivityDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.kind.hasFocus, timeout=2000)
    dialog.capacity.setFocus()
    dialog.capacity.selectAll()
    qtbot.keyClicks(dialog.capacity, "4")  # room for 3-1-101 (1), not for 3-2-1501 (2) too
    qtbot.keyClick(dialog.capacity, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert dialog.promoted_units == ("3-1-101",)
    assert page.message.text() == (  # whom to call: the manager sees the full phone
        "Activity saved. 1 household(s) moved up from the waitlist, tell them: "
        "3-1-101 王五 13700002222"
    )
    states = read(
        page.ctx,
        lambda s: dict(
            s.execute(
                select(ActivitySignup.unit_id, ActivitySignup.state).where(
                    ActivitySignup.activity_id == aid
                )
            ).all()
        ),
    )
    assert states[small_estate.unit_101] == "confirmed"
    assert states[small_estate.unit_1501] == "waitlist"

    # an edit that moves nobody up says only that it was saved
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=2000)
    qtbot.waitUntil(page.edit_button.isEnabled, timeout=2000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, ALT)
    qtbot.waitUntil(lambda: page.dialog is not dialog, timeout=2000)
    again = page.dialog
    assert isinstance(again, ActivityDialog)
    qtbot.addWidget(again)
    qtbot.waitUntil(again.kind.hasFocus, timeout=2000)
    qtbot.keyClick(again.venue, Qt.Key.Key_Return)
    assert not again.isVisible()
    assert page.message.text() == "Activity saved."
