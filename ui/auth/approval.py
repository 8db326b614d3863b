"""Supervisor or manager approval fields (主管授权) for a dialog at a clerk's desk.

The approver types their username and password; the dialog's operation passes them to
:func:`propdesk.auth.approvals.grant_approval`, which checks them in the core and returns a
single-use token for that action and record only; the service then redeems the token.
Wrong passwords are limited per desk and never lock the approver's own account.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget
from sqlalchemy.orm import Session

from propdesk.auth.approvals import ApprovalAction, ApprovalOutcome, grant_approval


class ApprovalFields(QWidget):
    """A note and the approver's username and password.

    Attributes:
        username, password: the line edits; note: what the approval is for.
    """

    def __init__(self, *, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("approver_username")
        self.username.setMaxLength(50)
        self.password = QLineEdit()
        self.password.setObjectName("approver_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.note)
        form.addRow(self.tr("Approver's &username:"), self.username)
        form.addRow(self.tr("Approver's pass&word:"), self.password)

    def grant(self, action: ApprovalAction, record: str) -> _Grant:
        """A callable for the operation: checks the typed credentials in the session."""
        return _Grant(self.username.text(), self.password.text(), action, record)

    def refused(self, outcome: ApprovalOutcome) -> QLineEdit | None:
        """Clear the password after a refusal; the field to put the focus in."""
        self.password.clear()
        if outcome.field == "username":
            return self.username
        return self.password if outcome.field else None


class _Grant:
    """``grant(session)``: the approval outcome for the credentials typed."""

    def __init__(self, username: str, password: str, action: ApprovalAction, record: str) -> None:
        self._args = (username, password, action, record)

    def __call__(self, session: Session) -> ApprovalOutcome:
        username, password, action, record = self._args
        return grant_approval(
            session, username=username, password=password, action=action, record=record
        )
