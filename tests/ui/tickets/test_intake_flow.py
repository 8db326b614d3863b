"""A clerk registers a repair by keyboard, dispatches, completes, calls back with 2 → reopened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.db.engine import Database
from propdesk.tickets.staff import save_staff
from tests.propdesk.tickets.helpers import MANAGER
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.tickets.intake import IntakeDialog
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _focused() -> object:
    return QApplication.focusWidget()


def test_keyboard_intake_to_reopen(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    with sqlite_db.begin(MANAGER) as s:
        save_staff(s, staff_id=None, name="刘师傅", department="engineering", phone="13700001111")
    ctx = make_ctx(sqlite_db, CLERK)

    dialog = IntakeDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: _focused() is dialog.lookup)

    # Unit lookup through the desk's search; Enter picks the hit and moves to the category.
    qtbot.keyClicks(dialog.lookup, "3-2-1502")
    qtbot.keyClick(dialog.lookup, Qt.Key.Key_Return)
    assert dialog.unit_id == small_estate.unit_1502
    assert dialog.person_id == small_estate.zhang_san
    assert dialog.reporter.text() == "张三"
    assert _focused() is dialog.category
    qtbot.keyClick(dialog.category, Qt.Key.Key_Down)  # 水暖管道 → 电气线路
    assert dialog.category.currentText() == "电气线路"
    qtbot.keyClick(dialog.category, Qt.Key.Key_Tab)
    assert _focused() is dialog.urgency
    qtbot.keyClick(dialog.urgency, Qt.Key.Key_Down)  # Normal → High
    qtbot.keyClick(dialog.urgency, Qt.Key.Key_Tab)
    assert _focused() is dialog.description
    type_text(qtbot, dialog.description, "客厅插座没电，空开跳闸")
    assert "Response by" in dialog.deadline.text()
    qtbot.keyClick(dialog.description, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.created is not None
    assert dialog.result() == IntakeDialog.DialogCode.Accepted
    number = dialog.created.number
    assert number.startswith("BX")

    page = TicketPage(ctx=ctx, ticket_id=dialog.created.id)
    qtbot.addWidget(page)
    page.show()
    assert number in page.header.text()
    assert page.info.urgency == "high"
    assert page.info.category_name == "电气线路"
    assert page.info.owner_name == "前台小王"
    assert not page.buttons["complete"].isEnabled()

    dispatch = page.action_dialog("dispatch")
    qtbot.addWidget(dispatch)
    dispatch.show()
    assert dispatch.assignee.currentText().startswith("刘师傅")
    qtbot.mouseClick(dispatch.ok_button, Qt.MouseButton.LeftButton)
    assert page.info.status == "dispatched"
    assert page.info.staff_name == "刘师傅"
    assert "Dispatched" in page.header.text()

    start = page.action_dialog("start")
    qtbot.addWidget(start)
    start.show()
    start.activateWindow()
    qtbot.waitUntil(start.isActiveWindow)
    type_text(qtbot, start.text, "已到场")
    qtbot.keyClick(start.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.info.status == "in_progress"

    complete = page.action_dialog("complete")
    qtbot.addWidget(complete)
    complete.show()
    type_text(qtbot, complete.text, "更换空开")
    qtbot.mouseClick(complete.ok_button, Qt.MouseButton.LeftButton)
    assert page.info.status == "done"
    assert page.buttons["callback"].isEnabled()

    callback = page.action_dialog("callback")
    qtbot.addWidget(callback)
    callback.show()
    callback.overall.setFocus()
    for digit in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4):  # each digit moves on
        qtbot.keyClick(callback.focusWidget(), digit)
    assert (callback.overall.value(), callback.speed.value(), callback.attitude.value()) == (
        2,
        3,
        4,
    )
    assert callback.focusWidget() is callback.fixed_yes
    qtbot.keyClick(callback.fixed_yes, Qt.Key.Key_Space)
    type_text(qtbot, callback.comment, "还是跳闸")
    qtbot.mouseClick(callback.ok_button, Qt.MouseButton.LeftButton)

    assert callback.reopened
    assert page.info.status == "dispatched"
    assert page.info.reopen_count == 1
    facts = [w.text() for w in page.facts_box.findChildren(type(page.header))]
    assert "1 time(s)" in facts
    actions = [page.timeline.index(r, 2).data() for r in range(page.timeline.rowCount())]
    assert actions == [
        "Registered",
        "Dispatched",
        "Started",
        "Completed",
        "Reopened after callback",
    ]
    assert page.buttons["start"].isEnabled()
    assert "overall 2" in page.extra.text()


def test_intake_errors_shown_next_to_the_field(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    dialog = IntakeDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.description, "楼道灯不亮")
    dialog.save()
    assert dialog.created is None
    assert "unit_id" in dialog.errors.visible_messages()
    assert dialog.description.toPlainText() == "楼道灯不亮"  # nothing typed is lost
    type_text(qtbot, dialog.location, "1号楼大堂")
    dialog.reporter.setText("保安")
    dialog.save()
    assert dialog.created is not None


def test_f2_on_a_unit_page_starts_the_ticket_for_that_unit(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by a new user: F2 on a unit's page left the unit to be looked up again."""
    from ui.main_window import MainWindow
    from ui.tickets.module import open_intake

    window = MainWindow(ctx=make_ctx(sqlite_db, CLERK))
    qtbot.addWidget(window)
    opened: list[IntakeDialog] = []

    def fake_exec(dialog: IntakeDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(IntakeDialog, "exec", fake_exec)
    window.open_unit(small_estate.unit_1502)
    open_intake(window.ctx, window)
    assert opened[-1].unit_id == small_estate.unit_1502
    window.show_module("people")  # on a list page F2 starts empty
    open_intake(window.ctx, window)
    assert opened[-1].unit_id is None
