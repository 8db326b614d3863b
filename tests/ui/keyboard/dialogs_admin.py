"""The administrator's and the user's own forms, walked by test_dialog_rules.py."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QDialog

from propdesk.auth.actor import Actor, Role
from propdesk.auth.passwords import TEST_COST
from propdesk.auth.users import UserInfo
from propdesk.config import Settings
from tests.ui.keyboard.world import Factory, World
from ui.context import AppContext

ADMIN = Actor(user_id=None, username="admin", display_name="管理员", role=Role.ADMIN)

_USER = UserInfo(
    id=1,
    username="xiaowang",
    display_name="前台小王",
    role=Role.CLERK,
    active=True,
    locked_until=None,
    last_login_at=None,
    version=1,
)


def _as_admin(ctx: AppContext) -> AppContext:
    return replace(ctx, actor=ADMIN)


def _add_user(ctx: AppContext, _w: World) -> QDialog:
    from ui.admin.users import AddUserDialog

    return AddUserDialog(ctx=_as_admin(ctx), cost=TEST_COST)


def _edit_user(ctx: AppContext, _w: World) -> QDialog:
    from ui.admin.users import EditUserDialog

    return EditUserDialog(ctx=_as_admin(ctx), user=_USER)


def _reset_password(ctx: AppContext, _w: World) -> QDialog:
    from ui.admin.users import ResetPasswordDialog

    return ResetPasswordDialog(ctx=_as_admin(ctx), user=_USER, cost=TEST_COST)


def _change_password(ctx: AppContext, _w: World) -> QDialog:
    from ui.admin.password import ChangePasswordDialog

    return ChangePasswordDialog(ctx=ctx, cost=TEST_COST)


def _security(ctx: AppContext, _w: World) -> QDialog:
    from ui.admin.security_settings import SecuritySettingsDialog

    return SecuritySettingsDialog(ctx=_as_admin(ctx))


def _settings(ctx: AppContext, _w: World) -> QDialog:
    import tempfile

    from ui.settings.dialog import SettingsDialog

    folder = Path(tempfile.mkdtemp(prefix="propdesk-settings-"))
    return SettingsDialog(settings=Settings(), folder=folder, ctx=ctx)


DIALOGS: dict[str, Factory] = {
    "AddUserDialog": _add_user,
    "EditUserDialog": _edit_user,
    "ResetPasswordDialog": _reset_password,
    "ChangePasswordDialog": _change_password,
    "SecuritySettingsDialog": _security,
    "SettingsDialog": _settings,
}

NOT_WALKED = {
    "_FormDialog": "the base class of the walked user forms (rules installed there)",
    "UsersDialog": "a list of users with buttons to the walked forms: no typed input",
    "AuditViewer": "a viewer with filters: nothing to lose, Esc closes",
    "BackupDialog": "a list of backups with actions: no typed input",
    "LoginDialog": "the gate at start-up: Esc leaves PropDesk (nothing saved to lose)",
    "FirstRunDialog": "the first administrator at start-up, before the desk exists",
    "LockDialog": "the lock screen: Esc must never close it (tests/ui/auth)",
}
