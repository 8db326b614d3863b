"""Users, change password, audit viewer and backup screens driven through their widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import authenticate, create_user
from propdesk.changes import Changes
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry.models import Person
from tests.ui.helpers import make_ctx
from ui.admin.audit_view import AuditViewer
from ui.admin.backup_view import BackupDialog
from ui.admin.history import HistoryButton
from ui.admin.password import ChangePasswordDialog
from ui.admin.security_settings import SecuritySettingsDialog
from ui.admin.users import AddUserDialog, UsersDialog
from ui.common.keyboard import DialogKeys

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _actor(ids: dict[str, int], username: str, role: Role) -> Actor:
    return Actor(user_id=ids[username], username=username, display_name=username, role=role)


def test_admin_adds_a_user_who_can_then_log_in(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = make_ctx(sqlite_db, _actor(desk_users, "admin", Role.ADMIN))
    users = UsersDialog(ctx=ctx, cost=TEST_COST)
    qtbot.addWidget(users)
    assert [u.username for u in users.model.users] == ["admin", "clerk", "manager", "supervisor"]
    add = AddUserDialog(ctx=ctx, cost=TEST_COST, parent=users)
    qtbot.addWidget(add)
    qtbot.keyClicks(add.username, "finance1")
    qtbot.keyClicks(add.display_name, "cashier")
    add.role.setCurrentIndex(add.role.findData("finance"))
    qtbot.keyClicks(add.password, "short")
    add._ok()
    assert "8" in add.error.text()
    add.password.clear()
    qtbot.keyClicks(add.password, "money2026")
    with qtbot.waitSignal(add.accepted):
        add._ok()
    users.refresh()
    assert "finance1" in [u.username for u in users.model.users]
    with sqlite_db.begin() as s:
        outcome = authenticate(s, "finance1", "money2026")
    assert outcome.actor is not None
    assert outcome.actor.role == Role.FINANCE


def test_change_password_checks_the_old_one(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = make_ctx(sqlite_db, _actor(desk_users, "clerk", Role.CLERK))
    dialog = ChangePasswordDialog(ctx=ctx, cost=TEST_COST)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old, "wrong123")
    qtbot.keyClicks(dialog.new, "newdesk99")
    qtbot.keyClicks(dialog.repeat, "newdesk99")
    dialog._save()
    assert dialog.error.text() == "原密码不正确。"
    dialog.old.clear()
    qtbot.keyClicks(dialog.old, "clerk123")
    with qtbot.waitSignal(dialog.accepted):
        dialog._save()
    with sqlite_db.begin() as s:
        assert authenticate(s, "clerk", "newdesk99").ok


def test_audit_viewer_filters_by_record_and_user(
    qtbot: QtBot, qtmodeltester: object, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    clerk = _actor(desk_users, "clerk", Role.CLERK)
    with sqlite_db.begin(clerk) as s:
        pid = reg.create_person(s, name="张三", phone="13812345678")
        reg.create_person(s, name="李四")
    with sqlite_db.begin(clerk) as s:
        reg.update_person(s, pid, expected_version=None, phone="13900001111")
    ctx = make_ctx(sqlite_db, _actor(desk_users, "manager", Role.MANAGER))
    viewer = AuditViewer(ctx=ctx, table_name="person", record_id=str(pid))
    qtbot.addWidget(viewer)
    qtmodeltester.check(viewer.model)  # type: ignore[attr-defined]
    assert viewer.model.rowCount() == 2
    newest = [viewer.model.data(viewer.model.index(0, c)) for c in range(6)]
    assert newest[1:5] == ["clerk", "修改", "住户 (person)", str(pid)]
    assert newest[5].startswith("电话：")  # Chinese label; the number masked when written
    assert "13900001111" not in newest[5]
    assert "phone" not in newest[5]
    viewer.record.clear()
    qtbot.keyClicks(viewer.user, "clerk")
    qtbot.mouseClick(viewer.apply_button, Qt.MouseButton.LeftButton)
    assert viewer.model.rowCount() == 3
    assert viewer.count.text() == "3 entries"
    viewer.user.clear()
    qtbot.keyClicks(viewer.user, "nobody")
    qtbot.mouseClick(viewer.apply_button, Qt.MouseButton.LeftButton)
    assert viewer.model.rowCount() == 0


def test_backup_now_then_restore_selected(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int], tmp_path: Path
) -> None:
    admin = _actor(desk_users, "admin", Role.ADMIN)
    ctx = make_ctx(sqlite_db, admin)
    with sqlite_db.begin(admin) as s:
        reg.create_person(s, name="张三")
    restored: list[bool] = []
    asked: list[str] = []

    def confirm(question: str) -> bool:
        asked.append(question)
        return True

    dialog = BackupDialog(
        ctx=ctx,
        folder=tmp_path / "backups",
        confirm=confirm,
        after_restore=lambda: restored.append(True),
    )
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    assert "Backed up to" in dialog.status.text()
    with sqlite_db.begin(admin) as s:
        reg.create_person(s, name="李四")
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    assert "备份之后没有新的收款、作废或用户变动" in asked[0]  # what it undoes, said plainly
    assert restored == [True]
    assert "kept as" in dialog.status.text()
    with sqlite_db.begin(admin) as s:
        assert list(s.scalars(select(Person.name))) == ["张三"]


def test_restore_says_what_it_undoes_and_no_changes_nothing(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int], tmp_path: Path
) -> None:
    from propdesk.auth import users

    admin = _actor(desk_users, "admin", Role.ADMIN)
    ctx = make_ctx(sqlite_db, admin)
    asked: list[str] = []

    def no(question: str) -> bool:
        asked.append(question)
        return False

    dialog = BackupDialog(ctx=ctx, folder=tmp_path / "backups", confirm=no)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    with sqlite_db.begin(admin) as s:
        users.update_user(s, desk_users["clerk"], role="supervisor")
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "的角色将从 主管 回到 前台。" in asked[0]
    assert dialog.status.text() == "Restore cancelled. Nothing was changed."
    with sqlite_db.begin(admin) as s:
        assert users.list_users(s)  # still the live database


def test_postgres_shows_the_pg_dump_explanation(qtbot: QtBot) -> None:
    engine = create_engine("postgresql+psycopg://propdesk@127.0.0.1:9/none")
    db = Database("postgresql+psycopg://propdesk@127.0.0.1:9/none", engine, sessionmaker(engine))
    ctx = make_ctx(db, Actor.system())
    dialog = BackupDialog(ctx=ctx)
    qtbot.addWidget(dialog)
    assert "pg_dump" in dialog.status.text()
    assert not dialog.backup_button.isVisibleTo(dialog)
    assert not dialog.restore_button.isVisibleTo(dialog)


def test_security_settings_saved_and_applied(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    """The idle time is the estate's policy (administrators only); backups kept are the desk's."""
    from propdesk.auth.policy import get_policy

    manager = make_ctx(sqlite_db, _actor(desk_users, "manager", Role.MANAGER))
    dialog = SecuritySettingsDialog(ctx=manager)
    qtbot.addWidget(dialog)
    assert not dialog.idle.isEnabled()  # a manager may not change the estate's policy
    dialog.keep.setValue(3)
    with qtbot.waitSignal(dialog.accepted):
        dialog._save()
    assert manager.settings.backup_keep == 3
    assert Settings.load().backup_keep == 3  # the test's own data folder (conftest)
    admin = make_ctx(sqlite_db, _actor(desk_users, "admin", Role.ADMIN))
    dialog = SecuritySettingsDialog(ctx=admin)
    qtbot.addWidget(dialog)
    assert dialog.idle.isEnabled()
    assert dialog.idle.minimum() >= 1  # never off
    dialog.idle.setValue(5)
    with qtbot.waitSignal(dialog.accepted):
        dialog._save()
    with sqlite_db.begin() as s:
        assert get_policy(s).idle_lock_minutes == 5


def test_history_button_only_for_audit_roles_and_filters_to_the_record(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    clerk = _actor(desk_users, "clerk", Role.CLERK)
    with sqlite_db.begin(clerk) as s:
        pid = reg.create_person(s, name="张三")
        reg.create_person(s, name="李四")
    hidden = HistoryButton(ctx=make_ctx(sqlite_db, clerk), table_name="person", record_id=pid)
    qtbot.addWidget(hidden)
    assert hidden.isHidden()
    manager = make_ctx(sqlite_db, _actor(desk_users, "manager", Role.MANAGER))
    shown = HistoryButton(ctx=manager, table_name="person", record_id=pid)
    qtbot.addWidget(shown)
    assert not shown.isHidden()
    qtbot.mouseClick(shown.button, Qt.MouseButton.LeftButton)
    viewer = shown.viewer
    assert isinstance(viewer, AuditViewer)
    assert viewer.model.rowCount() == 1
    assert viewer.model.data(viewer.model.index(0, 4)) == str(pid)
    viewer.close()


def test_users_list_reloads_lazily_after_changes(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = make_ctx(sqlite_db, _actor(desk_users, "admin", Role.ADMIN))
    users = UsersDialog(ctx=ctx, cost=TEST_COST)
    qtbot.addWidget(users)
    admin = _actor(desk_users, "admin", Role.ADMIN)
    with sqlite_db.begin(admin) as s:
        create_user(
            s,
            username="finance9",
            display_name="f",
            role="finance",
            password="money2026",
            cost=TEST_COST,
        )
    ctx.hub.notify(Changes(users=True))  # hidden: only marked stale
    assert "finance9" not in [u.username for u in users.model.users]
    with qtbot.waitExposed(users):
        users.show()
    assert "finance9" in [u.username for u in users.model.users]
    with sqlite_db.begin(admin) as s:
        create_user(
            s,
            username="finance8",
            display_name="g",
            role="finance",
            password="money2026",
            cost=TEST_COST,
        )
    ctx.hub.notify(Changes(fees=True))  # not about users: nothing to do
    assert "finance8" not in [u.username for u in users.model.users]
    ctx.hub.notify(Changes(users=True))  # shown: reloads at once
    assert "finance8" in [u.username for u in users.model.users]


def test_a_failed_save_keeps_the_dialog_and_its_input(
    qtbot: QtBot,
    sqlite_db: Database,
    desk_users: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy.exc import OperationalError

    from propdesk.failures import FailureKind
    from ui.admin import users as users_module

    def busy(*_args: object, **_kwargs: object) -> object:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(users_module, "create_user", busy)
    ctx = make_ctx(sqlite_db, _actor(desk_users, "admin", Role.ADMIN))
    add = AddUserDialog(ctx=ctx, cost=TEST_COST)
    qtbot.addWidget(add)
    qtbot.keyClicks(add.username, "finance1")
    qtbot.keyClicks(add.password, "money2026")
    add._ok()
    assert [f.kind for f in ctx.errors.shown] == [FailureKind.BUSY]
    assert add.result() != QDialog.DialogCode.Accepted
    assert add.username.text() == "finance1"
    assert add.buttons.isEnabled()


def test_unlock_refused_goes_to_the_error_handler(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = make_ctx(sqlite_db, _actor(desk_users, "clerk", Role.CLERK))  # may not manage users
    users = UsersDialog(ctx=ctx, cost=TEST_COST)
    qtbot.addWidget(users)
    users.select_username("supervisor")
    users.unlock()
    assert [f.kind.value for f in ctx.errors.shown] == ["not_allowed"]


def test_audit_viewer_reloads_when_shown_after_changes(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    clerk = _actor(desk_users, "clerk", Role.CLERK)
    ctx = make_ctx(sqlite_db, _actor(desk_users, "manager", Role.MANAGER))
    viewer = AuditViewer(ctx=ctx, table_name="person")
    qtbot.addWidget(viewer)
    assert viewer.model.rowCount() == 0
    assert viewer.table.currentData() == "person"
    with sqlite_db.begin(clerk) as s:
        reg.create_person(s, name="张三")
    ctx.hub.notify(Changes(people=True))
    assert viewer.model.rowCount() == 0  # hidden: stale only
    with qtbot.waitExposed(viewer):
        viewer.show()
    assert viewer.model.rowCount() == 1
    assert viewer.count.text() == "1 entries"
    with sqlite_db.begin(clerk) as s:
        reg.create_person(s, name="李四")
    ctx.hub.notify(Changes(people=True))
    assert viewer.model.rowCount() == 2


def test_history_viewer_reference_survives_close_and_reopen(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    manager = make_ctx(sqlite_db, _actor(desk_users, "manager", Role.MANAGER))
    button = HistoryButton(ctx=manager, table_name="person", record_id=1)
    qtbot.addWidget(button)
    for _ in range(3):
        qtbot.mouseClick(button.button, Qt.MouseButton.LeftButton)
        viewer = button.viewer
        assert viewer is not None
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: button.viewer is None)


def test_backup_refused_shows_in_the_status_line(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int], tmp_path: Path
) -> None:
    ctx = make_ctx(sqlite_db, _actor(desk_users, "clerk", Role.CLERK))  # no BACKUP_RESTORE
    dialog = BackupDialog(ctx=ctx, folder=tmp_path / "backups")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text()
    assert "Backing up" not in dialog.status.text()
    assert ctx.errors.shown == []  # refused: shown in the dialog itself
    assert dialog.backup_button.isEnabled()
    assert dialog.model.rowCount() == 0


def test_change_password_closes_with_escape_and_reopens(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = make_ctx(sqlite_db, _actor(desk_users, "clerk", Role.CLERK))
    for _ in range(2):
        dialog = ChangePasswordDialog(ctx=ctx, cost=TEST_COST)
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        qtbot.keyClicks(dialog.old, "clerk123")
        qtbot.keyClick(dialog.old, Qt.Key.Key_Escape)  # typed input: asks first
        keys = DialogKeys.of(dialog)
        assert keys is not None
        assert keys.question is not None
        with qtbot.waitSignal(dialog.rejected):
            keys.question.findChild(QPushButton, "discard_yes").click()
    with sqlite_db.begin() as s:
        assert authenticate(s, "clerk", "clerk123").ok  # nothing changed
