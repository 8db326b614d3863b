"""The shift log screen: entries, handover through the dialog, take-over by the next clerk."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.changes import Changes
from propdesk.db.engine import Database
from propdesk.desk import shiftlog
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.desk.shiftlog import HandoverDialog, ShiftLogPage
from ui.printing.preview import PdfPreviewDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

NIGHT = Actor(user_id=None, username="zhou", display_name="周夜班", role=Role.CLERK)


def _texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_log_hand_over_and_take_over(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = ShiftLogPage(ctx=ctx)
    qtbot.addWidget(page)
    page.show()
    assert not page.add_button.isEnabled()  # nobody on duty yet
    qtbot.mouseClick(page.take_over_button, Qt.MouseButton.LeftButton)
    assert "前台小王" in page.duty.text()
    assert page.add_button.isEnabled()

    type_text(qtbot, page.text, "消防演练通知已张贴")
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    page.kind.setCurrentIndex(page.kind.findData("reminder"))
    page.follow_up.setChecked(True)
    type_text(qtbot, page.unit.box, "3-2-1502")
    qtbot.keyClick(page.unit.box, Qt.Key.Key_Return)
    assert page.unit.unit_code == "3-2-1502"
    type_text(qtbot, page.text, "业主明早来取门禁卡")
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.error.text() == ""
    assert _texts(page.entry_model, 2) == ["消防演练通知已张贴", "业主明早来取门禁卡"]
    assert _texts(page.entry_model, 3) == ["", "3-2-1502"]
    assert _texts(page.entry_model, 5) == ["Noted", "Open"]

    type_text(qtbot, page.text, "   ")
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.error.text() == "请填写记录内容。"  # shown, not a traceback

    dialog = HandoverDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "业主明早来取门禁卡（3-2-1502）" in dialog.preview.toPlainText()
    type_text(qtbot, dialog.note, "东门道闸已修好")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.closed is not None
    assert dialog.result() == dialog.DialogCode.Accepted
    assert not page.pending_box.isHidden()  # the page refreshed on the change
    assert "业主明早来取门禁卡" in page.pending_text.toPlainText()
    assert "东门道闸已修好" in page.pending_text.toPlainText()
    assert not page.add_button.isEnabled()

    night_ctx = make_ctx(sqlite_db, NIGHT)
    night = ShiftLogPage(ctx=night_ctx)
    qtbot.addWidget(night)
    night.show()
    qtbot.mouseClick(night.take_over_button, Qt.MouseButton.LeftButton)
    assert "周夜班" in night.duty.text()
    assert _texts(night.entry_model, 2) == ["业主明早来取门禁卡"]  # carried over
    with sqlite_db.begin(NIGHT) as s:
        handed = shiftlog.shift_detail(s, dialog.closed.id)
    assert handed.acknowledged_by == "周夜班"
    assert handed.acknowledged_at is not None

    night.entries.setCurrentIndex(night.entry_model.index(0, 0))
    qtbot.mouseClick(night.done_button, Qt.MouseButton.LeftButton)
    assert _texts(night.entry_model, 5) == ["Done"]

    # the handover sheet of the first shift opens in the print preview
    page.show_shift(dialog.closed.id)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = page.last_preview
    assert isinstance(preview, PdfPreviewDialog)
    assert preview.pdf.startswith(b"%PDF")
    preview.close()


def test_a_refused_handover_keeps_the_dialog_and_the_note(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    dialog = HandoverDialog(ctx=ctx)  # nobody is on duty: there is no shift to hand over
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.note, "东门道闸已修好")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.closed is None
    assert dialog.note.toPlainText() == "东门道闸已修好"
    assert dialog.errors.visible_messages() != {}
    assert dialog.ok.isEnabled()
    assert ctx.errors.shown == []


def test_hidden_shift_log_reloads_when_shown(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    page = ShiftLogPage(ctx=ctx)
    qtbot.addWidget(page)
    ctx.op(shiftlog.take_over, changes=Changes(shiftlog=True)).run()
    assert "前台小王" not in page.duty.text()  # hidden: only marked stale
    page.show()
    assert "前台小王" in page.duty.text()
