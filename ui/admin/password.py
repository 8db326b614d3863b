"""Change my password (every logged-in user); the change runs through ``ctx.op``."""

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
from propdesk.changes import Changes
from propdesk.errors import DomainError, ValidationError
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(QDialog):
    """Old password, new password twice; the service checks the old one and the policy.

    With ``old_password`` (just typed at login) the dialog is the forced change of a
    password an administrator set: it says so, and asks only for the new one.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        cost: KdfCost = DEFAULT_COST,
        old_password: str | None = None,
        parent: QWidget | None = None,
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
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.forced = old_password is not None
        if old_password is not None:
            self.old.setText(old_password)
            form.setRowVisible(self.old, False)
            note = QLabel(
                self.tr(
                    "Your password was set by an administrator. Choose your own password "
                    "before you start."
                )
            )
            note.setObjectName("forced_note")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        install_dialog_keys(
            self,
            default=buttons.button(QDialogButtonBox.StandardButton.Ok),
            first=self.new if self.forced else self.old,
        )

    def _save(self) -> None:
        if self.new.text() != self.repeat.text():
            self.error.setText(self.tr("The two new passwords differ."))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        old, new, cost = self.old.text(), self.new.text(), self._cost
        self.error.clear()
        self.ctx.op(
            lambda s: change_password(s, old_password=old, new_password=new, cost=cost),
            changes=Changes(users=True),
            parent=self,
            action="change password",
        ).busy(self.buttons).success(lambda _result: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        """A refused change shows by its field; the dialog and its input stay."""
        if not isinstance(exc, DomainError):
            return False
        self.error.setText(exc.message)
        field = exc.field if isinstance(exc, ValidationError) else ""
        (self.old if field == "old_password" else self.new).setFocus()
        return True
