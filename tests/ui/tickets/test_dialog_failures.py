"""Ticket dialogs on the operation object: OK is busy while saving, accept only on success,
and any failure (not only a domain error) keeps the dialog and its input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from propdesk.db.engine import Database
from propdesk.tickets import services as svc
from tests.propdesk.tickets.helpers import category_id
from tests.ui.helpers import CLERK, SmallEstate, make_ctx, type_text
from ui.tickets.action_dialogs import TextActionDialog
from ui.tickets.intake import IntakeDialog
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


class HeldExecutor:
    """Holds submitted work until ``release()`` (a worker that is still busy)."""

    def __init__(self) -> None:
        self.held: list[tuple[Callable[[], Any], Any, Any]] = []

    def submit(self, op: Callable[[], Any], *, success: Any = None, failure: Any = None) -> None:
        self.held.append((op, success, failure))

    def release(self) -> None:
        while self.held:
            op, success, failure = self.held.pop(0)
            try:
                result = op()
            except Exception as exc:
                failure(exc)
            else:
                success(result)


def _ticket(db: Database, estate: SmallEstate) -> int:
    with db.begin(CLERK) as s:
        intake = svc.Intake(
            kind="repair",
            category_id=category_id(db, "repair", "plumbing"),
            description="水龙头坏了",
            unit_id=estate.unit_1502,
            person_id=estate.zhang_san,
        )
        return svc.create_ticket(s, intake).id


def test_ok_is_busy_while_saving_and_accepts_after_success(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    tid = _ticket(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    page = TicketPage(ctx=ctx, ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    dialog = page.action_dialog("note")
    assert isinstance(dialog, TextActionDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.text, "业主来电")
    held = HeldExecutor()
    ctx.executor = held
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.ok_button.isEnabled()  # no double submit
    dialog.save()  # Ctrl+Return meanwhile: ignored
    assert len(held.held) == 1
    assert dialog.isVisible()  # not accepted before the work is done
    held.release()
    assert dialog.result() == TextActionDialog.DialogCode.Accepted
    assert any(e.note == "业主来电" for e in page.info.events)


def test_a_database_failure_keeps_the_dialog_and_its_input(
    qtbot: QtBot,
    sqlite_db: Database,
    small_estate: SmallEstate,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tid = _ticket(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    page = TicketPage(ctx=ctx, ticket_id=tid)
    qtbot.addWidget(page)
    dialog = page.action_dialog("note")
    assert isinstance(dialog, TextActionDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.text, "业主来电")

    def locked(*_a: object, **_k: object) -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(svc, "add_note", locked)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() != TextActionDialog.DialogCode.Accepted
    assert dialog.text.toPlainText() == "业主来电"
    assert dialog.ok_button.isEnabled()
    assert len(ctx.errors.shown) == 1  # the one handler explained it


def test_intake_save_is_busy_and_keeps_input_on_a_refusal(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    ctx = make_ctx(sqlite_db, CLERK)
    dialog = IntakeDialog(ctx=ctx, unit_id=small_estate.unit_1502)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no description
    assert dialog.isVisible()
    assert dialog.created is None
    assert "description" in dialog.errors.visible_messages()
    type_text(qtbot, dialog.description, "厨房漏水")
    held = HeldExecutor()
    ctx.executor = held
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()
    held.release()
    assert dialog.created is not None
    assert dialog.result() == IntakeDialog.DialogCode.Accepted


def test_a_ticket_dialog_opens_with_the_focus_in_its_text_not_on_ok(
    qtbot: QtBot, sqlite_db: Database, small_estate: SmallEstate
) -> None:
    """Found by a new user: typing "abc def" straight away lost "abc " (Space pressed OK)."""
    tid = _ticket(sqlite_db, small_estate)
    ctx = make_ctx(sqlite_db, CLERK)
    page = TicketPage(ctx=ctx, ticket_id=tid)
    qtbot.addWidget(page)
    page.show()
    dialog = page.action_dialog("note")
    assert isinstance(dialog, TextActionDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.text
    qtbot.keyClicks(dialog.focusWidget(), "abc def")
    assert dialog.text.toPlainText() == "abc def"
    assert dialog.isVisible()
    assert ctx.errors.shown == []
