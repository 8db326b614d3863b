"""A password an administrator set must be changed at the next login (issue 14.10), and the
login screen of a demo database names the documented demo passwords."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from propdesk.auth.actor import Actor
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.policy import mark_demo_database
from propdesk.auth.users import authenticate, create_first_admin, create_user
from propdesk.config import Settings
from propdesk.db.engine import Database
from tests.ui.helpers import make_ctx
from ui.admin.password import ChangePasswordDialog
from ui.auth.gate import LoginDialog, force_password_change

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _new_clerk(db: Database) -> None:
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
            password="given123",
            cost=TEST_COST,
        )


def _log_in(qtbot: QtBot, db: Database, username: str, password: str) -> LoginDialog:
    dialog = LoginDialog(db=db, settings=Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClicks(dialog.password, password)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return dialog


def test_a_new_user_chooses_a_password_before_working(qtbot: QtBot, sqlite_db: Database) -> None:
    _new_clerk(sqlite_db)
    login = _log_in(qtbot, sqlite_db, "clerk", "given123")
    assert login.actor is not None
    assert login.must_change_password
    seen: dict[str, object] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChangePasswordDialog):
            QTimer.singleShot(20, fill)
            return
        seen["forced"] = dialog.forced
        seen["old_hidden"] = not dialog.old.isVisibleTo(dialog)
        seen["focus"] = dialog.focusWidget() is dialog.new
        qtbot.keyClicks(dialog.new, "mine2026")
        qtbot.keyClicks(dialog.repeat, "mine2026")
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    ctx = make_ctx(sqlite_db, Actor.system())
    assert force_password_change(
        ctx=ctx, actor=login.actor, old_password=login.typed_password, cost=TEST_COST
    )
    assert seen == {"forced": True, "old_hidden": True, "focus": True}
    with sqlite_db.begin() as s:
        again = authenticate(s, "clerk", "mine2026", cost=TEST_COST)
    assert again.ok
    assert not again.must_change_password


def test_cancelling_the_forced_change_does_not_let_in(qtbot: QtBot, sqlite_db: Database) -> None:
    _new_clerk(sqlite_db)
    login = _log_in(qtbot, sqlite_db, "clerk", "given123")
    assert login.actor is not None

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChangePasswordDialog):
            QTimer.singleShot(20, cancel)
            return
        dialog.reject()

    QTimer.singleShot(0, cancel)
    ctx = make_ctx(sqlite_db, Actor.system())
    assert not force_password_change(ctx=ctx, actor=login.actor, old_password="given123")
    with sqlite_db.begin() as s:
        assert authenticate(s, "clerk", "given123", cost=TEST_COST).must_change_password


def test_the_login_screen_of_a_demo_database_names_the_demo_passwords(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    plain = LoginDialog(db=sqlite_db, settings=Settings())
    qtbot.addWidget(plain)
    assert not plain.demo_note.isVisibleTo(plain)
    with sqlite_db.begin() as s:
        mark_demo_database(s)
    demo = LoginDialog(db=sqlite_db, settings=Settings())
    qtbot.addWidget(demo)
    assert demo.demo_note.isVisibleTo(demo)
    assert "admin / admin123" in demo.demo_note.text()
    assert "clerk / clerk123" in demo.demo_note.text()
