"""Change my password (every logged-in user)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.passwords import DEFAULT_COST, KdfCost
from propdesk.auth.users import change_password
from propdesk.errors import DomainError
from ui.context import AppContext


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(QDialog):
    """Old password, new password twice; the service checks the old one and the policy."""

    def __init__(
        self, *, ctx: AppContext, cost: KdfCost = DEFAULT_COST, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._cost = cost
        self.setWindowTitle(self.tr("Change password"))
        self.old = _password_edit("old_password")
        self.new = _password_edit("new_password")
        self.repeat = _password_edit("repeat_password")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(self.tr("&Current password"), self.old)
        form.addRow(self.tr("&New password"), self.new)
        form.addRow(self.tr("&Repeat new password"), self.repeat)
        hint = QLabel(self.tr("At least 8 characters, with letters and digits."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.old.setFocus()

    def _save(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.setText(self.tr("The two new passwords differ."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            self.ctx.write(
                lambda s: change_password(
                    s,
                    old_password=self.old.text(),
                    new_password=self.new.text(),
                    cost=self._cost,
                ),
                "users",
            )
        except DomainError as exc:
            self.error.setText(str(exc))
            field = getattr(exc, "field", "")
            (self.old if field == "old_password" else self.new).setFocus()
            return
        self.accept()
