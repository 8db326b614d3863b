"""Log in through the real login dialog as a clerk: the approval actions are unavailable.
Log in as a supervisor: approve a renovation permit and a ticket's quality check, and
reveal a resident's full ID number (the reveal is written to the audit log)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.registry import services as reg
from propdesk.renovation import permits
from propdesk.renovation.queries import get_permit
from propdesk.tickets import services as svc
from propdesk.tickets.queries import ticket_detail
from tests.propdesk.renovation.fixtures import application
from tests.propdesk.tickets.helpers import CLERK, category_id, make_desk
from tests.ui.helpers import make_ctx, type_text
from ui.auth.gate import LoginDialog
from ui.auth.personal_data import PersonalDataPanel
from ui.context import AppContext
from ui.fees.statement import StatementDialog
from ui.registry.person_page import PersonPage
from ui.renovation.permit_view import PermitView
from ui.tickets.ticket_page import TicketPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
T0 = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
ID_NUMBER = "110101199003071233"


def _login(qtbot: QtBot, db: Database, username: str, password: str) -> Actor:
    dialog = LoginDialog(db=db, settings=Settings())
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None
    return dialog.actor


def _applied_permit(db: Database, unit_id: int) -> int:
    with db.begin(CLERK) as s:
        pid = permits.apply_for_permit(s, application(unit_id))
        permits.collect_deposit(s, pid, method="cash")
    return pid


def _closed_ticket_and_resident(db: Database) -> tuple[int, int, int, int]:
    desk = make_desk(db)
    intake = svc.Intake(
        kind="repair",
        category_id=category_id(db, "repair", "plumbing"),
        description="卫生间地漏堵塞",
        unit_id=desk.unit_id,
        person_id=desk.person_id,
    )
    with db.begin(CLERK) as s:
        tid = svc.create_ticket(s, intake, at=T0).id
        svc.dispatch(s, tid, staff_id=desk.plumber_id, at=T0 + timedelta(minutes=3))
        svc.start(s, tid, at=T0 + timedelta(minutes=40))
        svc.complete(s, tid, work_done="疏通地漏", at=T0 + timedelta(hours=2))
        svc.callback(
            s, tid, overall=5, speed=5, attitude=5, comment="满意", at=T0 + timedelta(hours=20)
        )
        svc.close(s, tid, at=T0 + timedelta(days=1))
        reg.update_person(s, desk.person_id, expected_version=None, id_number=ID_NUMBER)
    return tid, desk.person_id, _applied_permit(db, desk.unit_id), desk.unit_id


def _pages(qtbot: QtBot, ctx: AppContext, tid: int, pid: int) -> tuple[TicketPage, PersonPage]:
    ticket = TicketPage(ctx=ctx, ticket_id=tid)
    person = PersonPage(ctx=ctx, person_id=pid)
    qtbot.addWidget(ticket)
    qtbot.addWidget(person)
    return ticket, person


def _permit_view(qtbot: QtBot, ctx: AppContext, permit_id: int) -> PermitView:
    view = PermitView(ctx=ctx)
    qtbot.addWidget(view)
    view.show_permit(permit_id)
    return view


def _reveal_button(page: PersonPage) -> QPushButton:
    panel = page.findChild(PersonalDataPanel, "panel_personal_data")
    assert panel is not None
    return panel.reveal_button


def test_clerk_cannot_approve_supervisor_can(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    tid, pid, permit_id, unit_id = _closed_ticket_and_resident(sqlite_db)

    clerk = _login(qtbot, sqlite_db, "clerk", "clerk123")
    assert clerk.role == Role.CLERK
    ctx = make_ctx(sqlite_db, clerk)
    ticket, person = _pages(qtbot, ctx, tid, pid)
    permit = _permit_view(qtbot, ctx, permit_id)
    assert not permit.approve_button.isVisibleTo(permit)
    assert not permit.reject_button.isVisibleTo(permit)
    statement = StatementDialog(ctx=ctx, unit_id=unit_id)
    qtbot.addWidget(statement)
    # voiding a receipt is offered to the clerk: the void dialog asks a supervisor's password
    assert statement.void_button.isVisibleTo(statement)
    assert not ticket.buttons["quality"].isEnabled()
    assert not _reveal_button(person).isVisibleTo(person)
    panel = person.findChild(PersonalDataPanel, "panel_personal_data")
    assert panel is not None
    assert panel.id_number.text() == "1101**********1233"
    # the service refuses even when the UI is bypassed
    with pytest.raises(NotAllowed), sqlite_db.begin(ctx.actor) as s:
        svc.quality_check(s, tid, passed=True)

    supervisor = _login(qtbot, sqlite_db, "supervisor", "supervisor123")
    assert supervisor.role == Role.SUPERVISOR
    ctx = make_ctx(sqlite_db, supervisor)
    ticket, person = _pages(qtbot, ctx, tid, pid)
    permit = _permit_view(qtbot, ctx, permit_id)
    statement = StatementDialog(ctx=ctx, unit_id=unit_id)
    qtbot.addWidget(statement)
    assert statement.void_button.isVisibleTo(statement)
    assert permit.approve_button.isVisibleTo(permit)
    assert permit.approve_button.isEnabled()
    qtbot.mouseClick(permit.approve_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(supervisor) as s:
        assert get_permit(s, permit_id).status == "approved"
    assert ticket.buttons["quality"].isEnabled()
    dialog = ticket.action_dialog("quality")
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.note, "抽查合格")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(supervisor) as s:
        checks = ticket_detail(s, tid).quality_checks
    assert [(q.by_name, q.passed) for q in checks] == [("主管老李", True)]

    button = _reveal_button(person)
    assert button.isVisibleTo(person)
    panel = person.findChild(PersonalDataPanel, "panel_personal_data")
    assert panel is not None
    assert panel.id_number.text() == "1101**********1233"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.id_number.text() == ID_NUMBER
    with sqlite_db.begin() as s:
        reveal = s.scalars(select(AuditEntry).where(AuditEntry.action == "reveal")).one()
    assert (reveal.username, reveal.table_name, reveal.record_id) == (
        "supervisor",
        "person",
        str(pid),
    )
    assert "id_number" in json.loads(reveal.changes)["fields"]
