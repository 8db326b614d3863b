"""The settings printed fee documents use: letter numbers, payment accounts and QR code, the
receipt's copies, the supervision hotline, and the gap between reminder levels."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.fees.settings import FeeSettings, get_fee_settings, save_fee_settings
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext


class PrintSettingsDialog(QDialog):
    """Edit the printing settings (a manager's task: MANAGE_SETTINGS is checked in the service).

    Attributes:
        prefix, accounts, qr, copies, hotline, gap: the editors.
        errors: the form's error labels (a refused value shows next to its field).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Printing settings"))
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText(self.tr("e.g. 翠物催字 (empty: from the estate name)"))
        self.gap = QSpinBox()
        self.gap.setRange(0, 365)
        self.accounts = QPlainTextEdit()
        self.accounts.setTabChangesFocus(True)
        self.accounts.setPlaceholderText(self.tr("One account per line: bank, name, number"))
        self.qr = QLineEdit()
        self.copies = QLineEdit()
        self.hotline = QLineEdit()
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Letter number prefix:"), "letter_prefix", self.prefix)
        self.errors.add_row(
            self.tr("Days between reminder le&vels:"), "reminder_gap_days", self.gap
        )
        self.errors.add_row(self.tr("Payment &accounts:"), "payment_accounts", self.accounts)
        self.errors.add_row(self.tr("Payment &QR code link:"), "payment_qr", self.qr)
        self.errors.add_row(self.tr("Receipt &copies:"), "receipt_copies", self.copies)
        self.errors.add_row(self.tr("Supervision &hotline:"), "supervision_hotline", self.hotline)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.buttons)
        self.keys = install_dialog_keys(
            self,
            submit=self.save,
            default=self.buttons.button(QDialogButtonBox.StandardButton.Save),
        )
        ctx.query(get_fee_settings, parent=self, action="printing settings").success(
            self._loaded
        ).run()

    def _loaded(self, cfg: FeeSettings) -> None:
        self.prefix.setText(cfg.letter_prefix)
        self.gap.setValue(cfg.reminder_gap_days)
        self.accounts.setPlainText(cfg.payment_accounts)
        self.qr.setText(cfg.payment_qr)
        self.copies.setText(cfg.receipt_copies)
        self.hotline.setText(cfg.supervision_hotline)
        self.keys.mark_clean()  # the saved settings are not unsaved input
        self.prefix.setFocus()

    def save(self) -> None:
        """Store the settings; the dialog closes only when they were saved."""
        self.errors.clear()
        values = {
            "letter_prefix": self.prefix.text().strip(),
            "reminder_gap_days": self.gap.value(),
            "payment_accounts": self.accounts.toPlainText().strip(),
            "payment_qr": self.qr.text().strip(),
            "receipt_copies": self.copies.text().strip(),
            "supervision_hotline": self.hotline.text().strip(),
        }

        def work(s: Session) -> None:
            save_fee_settings(s, replace(get_fee_settings(s), **values))  # type: ignore[arg-type]

        self.ctx.op(
            work,
            changes=Changes(fees=True, settings=True),
            parent=self,
            action="printing settings",
        ).failure(self.errors.handle).busy(self.buttons).success(lambda _r: self.accept()).run()
