"""The callback dialog starts with nothing chosen and is filled by keyboard: digits set the
ratings, Alt+Y / Alt+N answer "fixed?", Ctrl+Enter saves; a missing answer is named."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from propdesk.tickets.models import Ticket, TicketCallback
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, SmallEstate, make_ctx
from ui.tickets.action_dialogs import CallbackDialog
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _done(db: Database, estate: SmallEstate) -> int:
    with db.begin(CLERK) as s:
        start = clock.now(s) - timedelta(days=1)
        tid = svc.create_ticket(
            s,
            svc.Intake(
                kind="repair",
                category_id=category_id(db, "repair", "plumbing"),
                description="厨房水龙头漏水",
                unit_id=estate.unit_1502,
                person_id=estate.zhang_san,
            ),
            at=start,
        ).id
        svc.dispatch(s, tid, department="engineering", at=start + timedelta(minutes=5))
        svc.start(s, tid, at=start + timedelta(minutes=30))
        svc.complete(s, tid, work_done="更换阀芯", at=start + timedelta(hours=2))
    return tid


def _saved(db: Database, tid: int) -> tuple[str, list[tuple[int, int, int, bool]]]:
    with db.begin(CLERK) as s:
        status = s.scalar(select(Ticket.status).where(Ticket.id == tid))
        rows = s.execute(
            select(
                TicketCallback.overall,
                TicketCallback.speed,
                TicketCallback.attitude,
                TicketCallback.fixed,
            ).where(TicketCallback.ticket_id == tid)
        ).all()
        return str(status), [tuple(r) for r in rows]  # type: ignore[misc]


def _ctrl_enter(qtbot: QtBot, dialog: CallbackDialog) -> None:
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_callback_starts_unset_and_is_keyed_in(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _done(sqlite_db, small_estate)
    page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    dialog = page.action_dialog("callback")
    assert isinstance(dialog, CallbackDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)

    # nothing preset: no score, neither answer to "fixed?"
    assert [b.rating() for b in (dialog.overall, dialog.speed, dialog.attitude)] == [None] * 3
    assert dialog.overall.text() == dialog.overall.specialValueText() != ""
    assert dialog.fixed() is None
    assert dialog.focusWidget() is dialog.overall

    # Ctrl+Enter at once saves nothing and names the overall rating
    _ctrl_enter(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors.visible_messages() == {"overall": "请选择总体评价评分（1–5分）。"}
    assert _saved(sqlite_db, tid) == ("done", [])

    # digits: 4 4 5, each moving on; then "fixed?" is still asked
    for digit in (Qt.Key.Key_4, Qt.Key.Key_4, Qt.Key.Key_5):
        qtbot.keyClick(dialog.focusWidget(), digit)
    assert [b.rating() for b in (dialog.overall, dialog.speed, dialog.attitude)] == [4, 4, 5]
    assert dialog.focusWidget() is dialog.fixed_yes
    assert dialog.fixed() is None  # moving there chose nothing
    _ctrl_enter(qtbot, dialog)
    assert dialog.errors.visible_messages() == {"fixed": "请选择问题是否已解决。"}
    assert _saved(sqlite_db, tid) == ("done", [])

    # Alt+Y (是，已解决), Ctrl+Enter: saved as keyed
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    assert dialog.fixed() is True
    _ctrl_enter(qtbot, dialog)
    assert not dialog.isVisible()
    assert _saved(sqlite_db, tid) == ("called_back", [(4, 4, 5, True)])


def test_not_fixed_by_alt_n_reopens(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _done(sqlite_db, small_estate)
    page = TicketPage(ctx=make_ctx(sqlite_db, CLERK), ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    dialog = page.action_dialog("callback")
    assert isinstance(dialog, CallbackDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    for digit in (Qt.Key.Key_3, Qt.Key.Key_3, Qt.Key.Key_4):
        qtbot.keyClick(dialog.focusWidget(), digit)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.fixed() is False
    _ctrl_enter(qtbot, dialog)
    assert dialog.reopened
    status, rows = _saved(sqlite_db, tid)
    assert (status, rows) == ("dispatched", [(3, 3, 4, False)])
    with sqlite_db.begin(CLERK) as s:
        assert s.scalar(select(func.count()).select_from(TicketCallback)) == 1
