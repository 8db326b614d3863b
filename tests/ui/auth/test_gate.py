"""The login dialog and the first-run administrator set-up, driven through their widgets;
the clock-skew warning after login."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import create_first_admin, create_user
from propdesk.config import Settings
from propdesk.db.engine import Database
from propdesk.failures import FailureKind
from ui.auth import gate
from ui.auth.gate import FirstRunDialog, LoginDialog, needs_first_run, remember_username
from ui.errors import ErrorHandler

# The offscreen platform warns when a dialog is shown; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _with_clerk(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        admin = create_first_admin(
            s, username="admin", display_name="管理员", password="admin123", cost=TEST_COST
        )
    with db.begin(admin) as s:
        create_user(
            s,
            username="clerk",
            display_name="前台小王",
            role="clerk",
            password="clerk123",
            cost=TEST_COST,
        )


def test_first_run_creates_the_administrator(qtbot: QtBot, sqlite_db: Database) -> None:
    assert needs_first_run(sqlite_db)
    dialog = FirstRunDialog(db=sqlite_db, cost=TEST_COST)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.confirm, "short")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.error.isVisibleTo(dialog)
    assert "8" in dialog.error.text()
    assert dialog.actor is None
    dialog.password.clear()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.password, "secret99")
    qtbot.keyClicks(dialog.confirm, "secret99")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.actor is not None
    assert dialog.actor.role == Role.ADMIN
    assert not needs_first_run(sqlite_db)


def test_login_wrong_password_then_right(qtbot: QtBot, sqlite_db: Database) -> None:
    _with_clerk(sqlite_db)
    dialog = LoginDialog(db=sqlite_db, settings=Settings())
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.username, "clerk")
    qtbot.keyClicks(dialog.password, "wrong999")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "用户名或密码不正确" in dialog.error.text()
    assert dialog.password.text() == ""
    assert dialog.actor is None
    qtbot.keyClicks(dialog.password, "clerk123")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None
    assert dialog.actor.username == "clerk"
    assert dialog.actor.role == Role.CLERK


def test_login_shows_lock_out_with_time_left(qtbot: QtBot, sqlite_db: Database) -> None:
    _with_clerk(sqlite_db)
    dialog = LoginDialog(db=sqlite_db, settings=Settings(), username="clerk")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    for _ in range(5):
        qtbot.keyClicks(dialog.password, "nope1234")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "已锁定" in dialog.error.text()
    assert "15 分钟" in dialog.error.text()
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is None
    assert "已锁定" in dialog.error.text()


def test_last_username_is_remembered() -> None:
    remember_username(Settings(), "clerk")
    assert Settings.load().extra["last_username"] == "clerk"


def _locked_database(*_args: object, **_kwargs: object) -> object:
    raise OperationalError(
        "UPDATE app_user SET failed_attempts=?", {}, Exception("database is locked")
    )


def test_a_busy_database_keeps_the_login_dialog_and_its_input(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_clerk(sqlite_db)
    errors = ErrorHandler(show=lambda _parent, _failure: None)
    dialog = LoginDialog(db=sqlite_db, settings=Settings(), username="clerk", errors=errors)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    monkeypatch.setattr(gate, "authenticate", _locked_database)
    qtbot.keyClicks(dialog.password, "clerk123")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert [f.kind for f in errors.shown] == [FailureKind.BUSY]
    assert dialog.isVisible()
    assert dialog.actor is None
    assert dialog.password.text() == "clerk123"
    assert dialog.buttons.isEnabled()
    monkeypatch.undo()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor is not None


def test_first_run_on_a_busy_database_keeps_the_input(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = ErrorHandler(show=lambda _parent, _failure: None)
    dialog = FirstRunDialog(db=sqlite_db, cost=TEST_COST, errors=errors)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    monkeypatch.setattr(gate, "create_first_admin", _locked_database)
    qtbot.keyClicks(dialog.password, "secret99")
    qtbot.keyClicks(dialog.confirm, "secret99")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert [f.kind for f in errors.shown] == [FailureKind.BUSY]
    assert dialog.actor is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.confirm.text() == "secret99"


def test_login_dialog_closes_with_escape(qtbot: QtBot, sqlite_db: Database) -> None:
    dialog = LoginDialog(db=sqlite_db, settings=Settings())
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    assert dialog.actor is None


def test_clock_skew_warning_after_login(db: Database, test_clock: clock.FixedClock) -> None:
    """PostgreSQL: the server's now() against the desk's clock; SQLite: never a warning."""
    warnings: list[str] = []
    ctx = gate.gate_context(db, Settings())
    test_clock.set(datetime(2000, 1, 1, 12, 0, tzinfo=UTC))  # far from the server's real time
    gate.warn_about_clock_skew(ctx, warn=lambda _parent, message: warnings.append(message))
    if db.is_sqlite:
        assert warnings == []
        return
    assert len(warnings) == 1
    assert "本机 2000-01-01 20:00" in warnings[0]
    assert "Asia/Shanghai" in warnings[0]


def test_no_clock_skew_warning_when_the_desk_agrees(db: Database) -> None:
    warnings: list[str] = []
    with clock.installed(clock.SystemClock()):
        gate.warn_about_clock_skew(
            gate.gate_context(db, Settings()),
            warn=lambda _parent, message: warnings.append(message),
        )
    assert warnings == []


def test_first_run_dialog_closes_with_escape_and_creates_nothing(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    dialog = FirstRunDialog(db=sqlite_db, cost=TEST_COST)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    qtbot.keyClicks(dialog.password, "secret99")
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
    assert dialog.actor is None
    assert needs_first_run(sqlite_db)
