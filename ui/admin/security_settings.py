"""Admin → Security settings: idle lock minutes and backups kept (needs MANAGE_SETTINGS)."""

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
from propdesk.errors import DomainError
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _save(self) -> None:
        try:
            self.ctx.settings = save_security_settings(
                self.ctx.actor,
                self.ctx.settings,
                idle_lock_minutes=self.idle.value(),
                backup_keep=self.keep.value(),
            )
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
