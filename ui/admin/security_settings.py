"""Admin → Security settings: idle lock minutes and backups kept (needs MANAGE_SETTINGS).

Saving writes the settings file: a ``ctx.task`` (file work, no session). A refused value
shows in the dialog, which stays open with its input.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.security_settings import IDLE_RANGE, KEEP_RANGE, save_security_settings
from propdesk.changes import Changes
from propdesk.config import Settings
from propdesk.errors import DomainError
from propdesk.progress import Progress
from ui.context import AppContext


class SecuritySettingsDialog(QDialog):
    """Two spin boxes; saving updates ``ctx.settings`` (the lock reads it on the next input)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Security settings"))
        self.idle = QSpinBox()
        self.idle.setObjectName("idle_lock_minutes")
        self.idle.setRange(*IDLE_RANGE)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(ctx.settings.idle_lock_minutes)
        self.keep = QSpinBox()
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(*KEEP_RANGE)
        self.keep.setValue(ctx.settings.backup_keep)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("Lock the screen after &idle"), self.idle)
        form.addRow(self.tr("&Backups to keep"), self.keep)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _save(self) -> None:
        actor, settings = self.ctx.actor, self.ctx.settings
        idle, keep = self.idle.value(), self.keep.value()

        def work(_progress: Progress) -> Settings:
            return save_security_settings(actor, settings, idle_lock_minutes=idle, backup_keep=keep)

        self.error.clear()
        self.ctx.task(
            work, changes=Changes(settings=True), parent=self, action="save security settings"
        ).busy(self.buttons).success(self._saved).failure(self._refused).run()

    def _saved(self, settings: Settings) -> None:
        self.ctx.settings = settings  # the idle lock reads it on the next input
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.error.setText(exc.message)
            return True
        return False
