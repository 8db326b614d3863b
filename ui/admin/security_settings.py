"""Admin → Security settings: the estate's idle-lock time and this desk's backups kept.

The idle-lock time is the estate's policy in the database (administrators only, within
:data:`propdesk.auth.policy.IDLE_RANGE`; every desk's lock reads it); the number of backups
kept is this desk's setting (``MANAGE_SETTINGS``). Saving is one operation: a refused
value shows in the dialog, which stays open with its input.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.auth.policy import IDLE_RANGE, Policy, get_policy, set_idle_lock
from propdesk.auth.security_settings import KEEP_RANGE, save_security_settings
from propdesk.changes import Changes
from propdesk.config import Settings
from propdesk.errors import DomainError
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext


@dataclass(frozen=True)
class _Saved:
    policy: Policy
    settings: Settings


class SecuritySettingsDialog(QDialog):
    """Two spin boxes: the idle time (administrators) and the backups kept on this desk."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Security settings"))
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_lock_minutes")
        self.idle.setRange(*IDLE_RANGE)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setEnabled(ctx.can(Permission.MANAGE_SECURITY))
        self.idle.setToolTip(
            self.tr("The estate's policy for every desk; only an administrator changes it.")
        )
        self.keep = QSpinBox()
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(*KEEP_RANGE)
        self.keep.setValue(ctx.settings.backup_keep)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Lock every desk after &idle"), self.idle)
        form.addRow(self.tr("&Backups to keep on this desk"), self.keep)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.keys = install_dialog_keys(
            self,
            default=buttons.button(QDialogButtonBox.StandardButton.Ok),
            first=self.idle if self.idle.isEnabled() else self.keep,
        )
        self._loaded = Policy()
        self.idle.setValue(self._loaded.idle_lock_minutes)
        ctx.query(get_policy, parent=self, action="read the security policy").success(
            self._policy_read
        ).run()

    def _policy_read(self, policy: Policy) -> None:
        self._loaded = policy
        self.idle.setValue(policy.idle_lock_minutes)
        self.keys.mark_clean()  # the stored policy is not unsaved input

    def _save(self) -> None:
        actor, settings = self.ctx.actor, self.ctx.settings
        idle, keep = self.idle.value(), self.keep.value()
        change_idle = self.idle.isEnabled() and idle != self._loaded.idle_lock_minutes

        def work(session: Session) -> _Saved:
            policy = set_idle_lock(session, idle) if change_idle else get_policy(session)
            saved = save_security_settings(actor, settings, backup_keep=keep)
            return _Saved(policy, saved)

        self.error.clear()
        self.ctx.op(
            work, changes=Changes(settings=True), parent=self, action="save security settings"
        ).busy(self.buttons).success(self._saved).failure(self._refused).run()

    def _saved(self, saved: _Saved) -> None:
        self.ctx.settings = saved.settings
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message)
            return True
        return False
