"""Closing a complaint from its page, by keyboard: the conclusion is asked for by field,
the clerk's input stays, and nothing is saved until it is complete."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.tickets.action_dialogs import CloseComplaintDialog, TextActionDialog
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _called_back(db: Database, estate: SmallEstate, kind: str = "complaint") -> int:
    code = "noise" if kind == "complaint" else "plumbing"
    with db.begin(CLERK) as s:
        start = clock.now(s) - timedelta(days=1)
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind=kind,
                category_id=category_id(db, kind, code),
                description="楼上夜间噪音",
                unit_id=estate.unit_1502,
                person_id=estate.zhang_san,
            ),
            at=start,
        ).id
        svc.dispatch(s, tid, department="security", at=start + timedelta(minutes=5))
        svc.start(s, tid, at=start + timedelta(minutes=30))
        svc.complete(s, tid, work_done="已协调", at=start + timedelta(hours=2))
        svc.callback(
            s, tid, overall=4, speed=4, attitude=4, fixed=True, at=start + timedelta(hours=3)
        )
    return tid


def _shown(qtbot: QtBot, dialog: QDialog) -> None:
    """Show the dialog as the active window (Ctrl+Enter is a window shortcut)."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)


def _ctrl_enter(qtbot: QtBot, dialog: CloseComplaintDialog) -> None:
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def _status(db: Database, tid: int) -> tuple[str, str, str]:
    with db.begin(CLERK) as s:
        t = s.get(Ticket, tid)
        assert t is not None
        return t.status, t.root_cause, t.resolution


def test_a_complaint_closes_only_with_its_conclusion(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _called_back(sqlite_db, small_estate)
    page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    assert page.buttons["close"].isEnabled()
    dialog = page.action_dialog("close")
    assert isinstance(dialog, CloseComplaintDialog)
    _shown(qtbot, dialog)

    # nothing decided: the verdict is asked for, by its field; the typed note stays
    dialog.note.setFocus()
    type_text(qtbot, dialog.note, "业主认可")
    _ctrl_enter(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.visible_messages() == {"valid": "关闭投诉前请先判定投诉是否成立。"}
    assert dialog.focusWidget() is dialog.valid
    assert _status(sqlite_db, tid) == ("called_back", "", "")

    # upheld, by keyboard (待定 → 成立), with a reason, department cleared: the department
    qtbot.keyClick(dialog.valid, Qt.Key.Key_Down)
    assert dialog.valid.currentData() is True
    type_text(qtbot, dialog.reason, "监控核实属实")
    dialog.department.setFocus()
    qtbot.keyClick(dialog.department, Qt.Key.Key_Home)  # 待定
    assert dialog.department.currentData() == ""
    _ctrl_enter(qtbot, dialog)
    assert list(dialog.errors.visible_messages()) == ["responsible_department"]
    qtbot.keyClick(dialog.department, Qt.Key.Key_End)
    assert dialog.department.currentData() != ""

    # then the root cause, then the result
    _ctrl_enter(qtbot, dialog)
    assert list(dialog.errors.visible_messages()) == ["root_cause"]
    type_text(qtbot, dialog.cause, "夜间施工无人制止")
    _ctrl_enter(qtbot, dialog)
    assert dialog.errors.visible_messages() == {"resolution": "关闭投诉前请填写处理结果。"}
    assert dialog.focusWidget() is dialog.resolution
    assert _status(sqlite_db, tid) == ("called_back", "", "")  # nothing half-saved
    assert dialog.note.toPlainText() == "业主认可"  # input kept throughout
    assert dialog.reason.text() == "监控核实属实"

    type_text(qtbot, dialog.resolution, "约谈施工方")
    _ctrl_enter(qtbot, dialog)
    assert not dialog.isVisible()
    assert _status(sqlite_db, tid) == ("closed", "夜间施工无人制止", "约谈施工方")
    assert page.info.status == "closed"
    assert "夜间施工无人制止" in page.extra.text()


def test_a_repair_closes_with_a_note_only(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _called_back(sqlite_db, small_estate, kind="repair")
    page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    dialog = page.action_dialog("close")
    assert isinstance(dialog, TextActionDialog)
    _shown(qtbot, dialog)
    type_text(qtbot, dialog.text, "已完成")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _status(sqlite_db, tid)[0] == "closed"
