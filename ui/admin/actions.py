"""Admin menu entries (registered in ``ui/registrations.py``) and what they open."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from propdesk.auth.permissions import Permission
from ui.context import AppContext

# Admin menu titles (English sources; translated in auth_zh_CN.ts under "MenuAction").
USERS_TITLE: str = str(QT_TRANSLATE_NOOP("MenuAction", "Users…"))
AUDIT_TITLE: str = str(QT_TRANSLATE_NOOP("MenuAction", "Audit log…"))
BACKUP_TITLE: str = str(QT_TRANSLATE_NOOP("MenuAction", "Backup and restore…"))
PASSWORD_TITLE: str = str(QT_TRANSLATE_NOOP("MenuAction", "Change my password…"))
SECURITY_TITLE: str = str(QT_TRANSLATE_NOOP("MenuAction", "Security settings…"))
LOCK_TITLE: str = str(QT_TRANSLATE_NOOP("MenuAction", "Lock screen (Ctrl+L)"))


def can_manage_users(ctx: AppContext) -> bool:
    return ctx.can(Permission.MANAGE_USERS)


def can_manage_settings(ctx: AppContext) -> bool:
    return ctx.can(Permission.MANAGE_SETTINGS)


def can_view_audit(ctx: AppContext) -> bool:
    return ctx.can(Permission.VIEW_AUDIT)


def can_backup(ctx: AppContext) -> bool:
    return ctx.can(Permission.BACKUP_RESTORE)


def open_users(ctx: AppContext, parent: QWidget) -> None:
    from ui.admin.users import UsersDialog

    UsersDialog(ctx=ctx, parent=parent).exec()


def change_password(ctx: AppContext, parent: QWidget) -> None:
    from ui.admin.password import ChangePasswordDialog

    ChangePasswordDialog(ctx=ctx, parent=parent).exec()


def open_audit(ctx: AppContext, parent: QWidget) -> None:
    from ui.admin.audit_view import AuditViewer

    viewer = AuditViewer(ctx=ctx, parent=parent)
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    viewer.show()


def open_backups(ctx: AppContext, parent: QWidget) -> None:
    from ui.admin.backup_view import BackupDialog

    BackupDialog(ctx=ctx, parent=parent).exec()


def security_settings(ctx: AppContext, parent: QWidget) -> None:
    from ui.admin.security_settings import SecuritySettingsDialog

    SecuritySettingsDialog(ctx=ctx, parent=parent).exec()


def lock_screen(ctx: AppContext, parent: QWidget) -> None:
    from ui.auth.lock import SessionLock

    lock = parent.findChild(SessionLock)
    if lock is not None:
        lock.lock()
