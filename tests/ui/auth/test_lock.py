"""The session lock: Ctrl+L and the idle timer hide the window; the password or another
user's login opens it again."""

from __future__ import annotations

import re

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMainWindow, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor, Role
from propdesk.auth.policy import set_idle_lock
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed, ValidationError
from ui.auth.gate import LoginDialog
from ui.auth.lock import SessionLock, install_session_lock
from ui.context import AppContext
from ui.events import ChangeHub, Changes
from ui.worker import InlineExecutor

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _ctx(db: Database, user_id: int, idle: int = 15) -> AppContext:
    """A clerk's context; ``idle`` is the estate's policy (in the database)."""
    with db.begin(Actor.system()) as s:
        set_idle_lock(s, idle)
    return AppContext(
        db=db,
        actor=Actor(user_id=user_id, username="clerk", display_name="前台小王", role=Role.CLERK),
        settings=Settings(),
        executor=InlineExecutor(),
        hub=ChangeHub(),
    )


def _window(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    window.setCentralWidget(QLabel("张三 13812345678"))
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def test_ctrl_l_locks_even_when_a_screen_binds_ctrl_l_too(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = _ctx(sqlite_db, desk_users["clerk"])
    window = _window(qtbot)
    other: list[bool] = []
    QShortcut(QKeySequence("Ctrl+L"), window, lambda: other.append(True))
    lock = install_session_lock(window, ctx=ctx)
    with qtbot.waitSignal(lock.locked):
        qtbot.keyClick(window.centralWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.dialog is not None
    qtbot.addWidget(lock.dialog)
    assert other == []


def test_ctrl_l_locks_and_own_password_unlocks(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = _ctx(sqlite_db, desk_users["clerk"])
    window = _window(qtbot)
    other_window = QLabel("操作日志 13812345678")
    qtbot.addWidget(other_window)
    other_window.show()
    lock = install_session_lock(window, ctx=ctx)
    with qtbot.waitSignal(lock.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert lock.is_locked
    assert not window.isVisible()
    assert not other_window.isVisible()
    dialog = lock.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, "wrong999")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "用户名或密码不正确" in dialog.error.text()
    assert "再错 4 次" in dialog.error.text()  # counts towards the lock-out like a login
    assert lock.is_locked
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    assert lock.is_locked
    qtbot.keyClicks(dialog.password, "clerk123")
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert window.isVisible()
    assert other_window.isVisible()
    assert ctx.actor.username == "clerk"


def test_switch_user_replaces_the_actor(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = _ctx(sqlite_db, desk_users["clerk"])
    window = _window(qtbot)
    lock = install_session_lock(window, ctx=ctx)
    lock.lock()
    dialog = lock.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    login = dialog.findChild(LoginDialog)
    assert login is not None
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.username, "supervisor")
    qtbot.keyClicks(login.password, "supervisor123")
    with qtbot.waitSignal(ctx.hub.changed) as changed, qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert changed.args[0].session
    assert ctx.actor.username == "supervisor"
    assert ctx.actor.role == Role.SUPERVISOR
    assert window.isVisible()


def test_idle_timer_follows_the_settings(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = _ctx(sqlite_db, desk_users["clerk"], idle=5)
    window = _window(qtbot)
    lock = install_session_lock(window, ctx=ctx)
    assert lock.timer.isActive()
    assert lock.timer.interval() == 5 * 60_000
    with qtbot.waitSignal(lock.locked):
        lock.timer.timeout.emit()
    assert not window.isVisible()
    assert lock.dialog is not None
    qtbot.addWidget(lock.dialog)


def test_a_desk_setting_cannot_turn_the_lock_off(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    """The idle time is the estate's policy: a desk's old ``idle_lock_minutes = 0`` does
    nothing, and the policy refuses 0 (or a clerk setting it)."""
    ctx = _ctx(sqlite_db, desk_users["clerk"], idle=7)
    ctx.settings = Settings(idle_lock_minutes=0)
    window = _window(qtbot)
    lock = install_session_lock(window, ctx=ctx)
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert lock.timer.isActive()
    assert lock.timer.interval() == 7 * 60_000
    assert window.findChild(SessionLock) is lock
    with pytest.raises(ValidationError), sqlite_db.begin(Actor.system()) as s:
        set_idle_lock(s, 0)
    with pytest.raises(NotAllowed), sqlite_db.begin(ctx.actor) as s:
        set_idle_lock(s, 30)
    # an administrator's change reaches the lock after the settings change is broadcast
    with sqlite_db.begin(Actor.system()) as s:
        set_idle_lock(s, 20)
    ctx.hub.notify(Changes(settings=True))
    assert lock.timer.interval() == 20 * 60_000


def test_a_refused_stale_login_locks_and_asks_for_a_login(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    """An administrator demotes the supervisor while they work: their next action is
    refused and the lock screen asks them to log in again, which brings the new role."""
    from propdesk.auth.users import authenticate, update_user
    from propdesk.registry import services as reg
    from tests.ui.helpers import make_ctx

    with sqlite_db.begin() as s:
        sup = authenticate(s, "supervisor", "supervisor123").actor
        admin = authenticate(s, "admin", "admin123").actor
    assert sup is not None
    assert admin is not None
    ctx = make_ctx(sqlite_db, sup)
    window = _window(qtbot)
    lock = install_session_lock(window, ctx=ctx)
    with sqlite_db.begin(admin) as s:
        update_user(s, desk_users["supervisor"], role="clerk")
    with qtbot.waitSignal(lock.locked):
        ctx.op(lambda s: reg.create_estate(s, name="翠湖花园"), changes=Changes(units=True)).run()
    assert "重新登录" in ctx.errors.shown[-1].message
    dialog = lock.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "log in again" in dialog.findChild(QLabel, "heading").text()
    qtbot.keyClicks(dialog.password, "supervisor123")
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert ctx.actor.role == Role.CLERK
    with sqlite_db.begin(ctx.actor) as s:  # the new login works, as a clerk
        reg.create_estate(s, name="翠湖花园")


def test_ctrl_l_on_the_main_window_locks(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    from ui.main_window import MainWindow

    ctx = _ctx(sqlite_db, desk_users["clerk"])
    window = MainWindow(ctx=ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    lock = install_session_lock(window, ctx=ctx)
    with qtbot.waitSignal(lock.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert lock.dialog is not None
    qtbot.addWidget(lock.dialog)


def _menu_texts(window: object) -> set[str]:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    # without the access keys the menus give every entry (报事报修设置(&S)… → 报事报修设置…)
    return {
        re.sub(r"\(&(\w)\)|&(?=\w)", "", a.text())
        for menu in window.menus.values()
        for a in menu.actions()
    }


def test_switch_user_rebuilds_menus_pages_and_status_for_the_new_role(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    from propdesk.registry import services as reg
    from ui.main_window import MainWindow
    from ui.registry.lists import PeoplePage

    with sqlite_db.begin(Actor.system()) as s:
        reg.create_person(s, name="张三", phone="13812345678")
    ctx = _ctx(sqlite_db, desk_users["clerk"])
    ctx.settings = Settings(idle_lock_minutes=15, language="en")
    window = MainWindow(ctx=ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    lock = install_session_lock(window, ctx=ctx)
    assert "Import owner ledger…" not in _menu_texts(window)  # a clerk may not import
    clerk_people = window.show_module("people")
    assert isinstance(clerk_people, PeoplePage)
    assert clerk_people.model.index(0, 1).data() == "138****5678"
    for key in ("movein", "renovation", "keys"):  # pages that listen to changes
        window.show_module(key)
    assert window.stack.currentWidget() is window._pages["keys"]

    # the real lock dialog: Switch user… → log in as the supervisor
    with qtbot.waitSignal(lock.locked):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = lock.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    login = dialog.findChild(LoginDialog)
    assert login is not None
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.username, "supervisor")
    qtbot.keyClicks(login.password, "supervisor123")
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert window.isVisible()

    assert "Import owner ledger…" in _menu_texts(window)  # the supervisor's menu item appeared
    assert "Audit log…" not in _menu_texts(window)
    assert "主管老李" in window.status_labels["user"].text()
    assert window.stack.currentWidget() is window._pages["overview"]  # the new user's landing
    people = window.show_module("people")
    assert people is not clerk_people  # rebuilt for the supervisor: full phones
    assert isinstance(people, PeoplePage)
    assert people.model.index(0, 1).data() == "13812345678"
    qtbot.waitUntil(lambda: not shiboken6.isValid(clerk_people))  # deleted
    # the clerk's dropped pages no longer react to changes (no error from deleted widgets)
    ctx.hub.notify(Changes(movein=True, renovation=True, keys=True, people=True))

    # switching again (to the manager) brings the Admin menu's audit log
    lock.lock()
    dialog = lock.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.switch_button, Qt.MouseButton.LeftButton)
    login = dialog.findChild(LoginDialog)
    assert login is not None
    qtbot.waitExposed(login)
    qtbot.keyClicks(login.username, "manager")
    qtbot.keyClicks(login.password, "manager123")
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(login.password, Qt.Key.Key_Return)
    assert "Audit log…" in _menu_texts(window)
    assert window.stack.currentWidget() is window._pages["dashboard"]
    assert sum(1 for a in window.menuBar().actions() if a.text().endswith("Help")) == 1


def _modal_dialog(window: QMainWindow) -> tuple[QDialog, QLineEdit]:
    dialog = QDialog(window)
    dialog.setModal(True)
    field = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(field)
    return dialog, field


def _on_screen(widget: QWidget) -> bool:
    handle = widget.windowHandle()
    return widget.isVisible() and handle is not None and handle.isVisible()


def test_a_modal_dialog_in_progress_leaves_the_screen_and_comes_back_with_its_input(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = _ctx(sqlite_db, desk_users["clerk"])
    window = _window(qtbot)
    lock = install_session_lock(window, ctx=ctx)
    dialog, field = _modal_dialog(window)
    seen: dict[str, object] = {}

    def while_the_dialog_runs() -> None:
        try:
            qtbot.keyClicks(field, "1880")
            seen["before"] = _on_screen(dialog)
            lock.lock()
            seen["locked"] = (_on_screen(dialog), window.isVisible(), lock.is_locked)
            assert lock.dialog is not None
            lock_dialog = lock.dialog
            qtbot.keyClicks(lock_dialog.password, "clerk123")
            qtbot.keyClick(lock_dialog.password, Qt.Key.Key_Return)
            seen["unlocked"] = (_on_screen(dialog), window.isVisible(), field.text())
        finally:
            dialog.accept()

    QTimer.singleShot(0, while_the_dialog_runs)
    result = dialog.exec()  # still the same exec() all along: the lock did not end it
    assert seen["before"] is True
    assert seen["locked"] == (False, False, True)
    assert seen["unlocked"] == (True, True, "1880")
    assert result == QDialog.DialogCode.Accepted


def test_switch_user_closes_the_previous_users_dialogs_and_windows(
    qtbot: QtBot, sqlite_db: Database, desk_users: dict[str, int]
) -> None:
    ctx = _ctx(sqlite_db, desk_users["clerk"])
    window = _window(qtbot)
    other_window = QLabel("操作日志 13812345678")
    qtbot.addWidget(other_window)
    other_window.show()
    lock = install_session_lock(window, ctx=ctx)
    dialog, field = _modal_dialog(window)
    seen: dict[str, object] = {}

    def while_the_dialog_runs() -> None:
        try:
            qtbot.keyClicks(field, "1880")
            lock.lock()
            seen["locked"] = (_on_screen(dialog), other_window.isVisible())
            assert lock.dialog is not None
            qtbot.mouseClick(lock.dialog.switch_button, Qt.MouseButton.LeftButton)
            login = lock.dialog.findChild(LoginDialog)
            assert login is not None
            qtbot.keyClicks(login.username, "supervisor")
            qtbot.keyClicks(login.password, "supervisor123")
            qtbot.keyClick(login.password, Qt.Key.Key_Return)
            seen["switched"] = (ctx.actor.username, window.isVisible(), other_window.isVisible())
        finally:
            if dialog.isVisible():
                dialog.accept()  # only reached when the switch left the dialog open

    QTimer.singleShot(0, while_the_dialog_runs)
    result = dialog.exec()
    assert seen["locked"] == (False, False)
    assert seen["switched"] == ("supervisor", True, False)
    assert result == QDialog.DialogCode.Rejected  # the clerk's dialog ended unsaved


def test_a_busy_database_keeps_the_session_locked(
    qtbot: QtBot,
    sqlite_db: Database,
    desk_users: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sqlalchemy.exc import OperationalError

    from propdesk.failures import FailureKind
    from ui.auth import lock as lock_module
    from ui.errors import ErrorHandler

    ctx = _ctx(sqlite_db, desk_users["clerk"])
    ctx.errors = ErrorHandler(show=lambda _parent, _failure: None)
    window = _window(qtbot)
    lock = install_session_lock(window, ctx=ctx)
    lock.lock()
    dialog = lock.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)

    def busy(*_args: object) -> object:
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(lock_module, "authenticate", busy)
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert [f.kind for f in ctx.errors.shown] == [FailureKind.BUSY]
    assert lock.is_locked
    assert not window.isVisible()
    assert dialog.password.text() == "clerk123"
    assert dialog.unlock_button.isEnabled()
    dialog.close()  # the close button does not unlock either
    assert lock.is_locked
    monkeypatch.undo()
    with qtbot.waitSignal(lock.unlocked):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert window.isVisible()
