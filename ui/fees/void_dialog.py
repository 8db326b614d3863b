"""Voiding a receipt: the reason, and a supervisor's authorisation (主管授权) for a clerk."""

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
from sqlalchemy.orm import Session

from propdesk.auth.approvals import ApprovalAction, ApprovalOutcome, grant_approval, record_key
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.fees.payments import void_payment
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext


class VoidReceiptDialog(QDialog):
    """Ask the reason for voiding receipt ``receipt_no`` and void it on OK.

    A user allowed to void only confirms the reason. Anyone else (a clerk) also gets the
    authorisation fields: a supervisor types their username and password on this desk and
    the void is recorded as asked by the clerk and approved by the supervisor. The password
    is checked in the core, which hands back a single-use approval for this receipt only
    (:mod:`propdesk.auth.approvals`). Refusals (wrong password, no right, too many wrong
    passwords at this desk) are shown under the fields and the dialog stays open; wrong
    passwords never lock the supervisor's own account.

    Attributes: ``reason``, ``username``, ``password`` (None when not needed), ``error``.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        payment_id: int,
        receipt_no: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.payment_id = payment_id
        self.needs_approval = not ctx.can(Permission.VOID_RECEIPT)
        self.setWindowTitle(self.tr("Void receipt {0}").format(receipt_no))
        self.setMinimumWidth(460)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("The receipt is kept, marked void"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        self.username: QLineEdit | None = None
        self.password: QLineEdit | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.needs_approval:
            note = QLabel(
                self.tr(
                    "Supervisor authorisation: a supervisor, manager or finance user "
                    "enters their username and password."
                ),
                self,
            )
            note.setWordWrap(True)
            self.username = QLineEdit(self)
            self.username.setMaxLength(50)
            self.password = QLineEdit(self)
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            approval = QFormLayout()
            approval.addRow(self.tr("Supervisor &username:"), self.username)
            approval.addRow(self.tr("&Password:"), self.password)
            layout.addWidget(note)
            layout.addLayout(approval)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setVisible(False)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Void receipt"))
        buttons.accepted.connect(self._void)
        buttons.rejected.connect(self.reject)
        self.keys = install_dialog_keys(self, default=self.ok_button)  # pressed once, while enabled
        layout.addWidget(buttons)
        if self.username is not None and self.password is not None:
            QWidget.setTabOrder(self.reason, self.username)
            QWidget.setTabOrder(self.username, self.password)
            QWidget.setTabOrder(self.password, self.ok_button)
        self.reason.setFocus()

    def _show_error(self, message: str, field: QLineEdit | None) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        if field is not None:
            field.setFocus()
            field.selectAll()

    def _void(self) -> None:
        reason = self.reason.text().strip()
        if len(reason) < 2:
            self._show_error(self.tr("Please enter the reason for voiding."), self.reason)
            return
        username = self.username.text() if self.username is not None else ""
        password = self.password.text() if self.password is not None else ""

        def run(session: Session) -> ApprovalOutcome | None:
            if not self.needs_approval:
                void_payment(session, self.payment_id, reason=reason)
                return None
            outcome = grant_approval(
                session,
                username=username,
                password=password,
                action=ApprovalAction.VOID_PAYMENT,
                record=record_key("payment", self.payment_id),
            )
            if outcome.ok:
                void_payment(session, self.payment_id, reason=reason, approval=outcome.token)
            # a refusal is committed too: it counts towards this desk's limit
            return outcome

        self.ctx.op(
            run, changes=Changes(fees=True, payments=True), parent=self, action="void receipt"
        ).busy(self.ok_button).success(self._done).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self._show_error(str(exc), None)
            return True
        return False

    def _done(self, outcome: ApprovalOutcome | None) -> None:
        """Accept on a void; a refused authorisation keeps the dialog open with the message."""
        if outcome is not None and not outcome.ok:
            if self.password is not None:
                self.password.clear()
            field = self.username if outcome.field == "username" else self.password
            if not outcome.field:
                field = None
            self._show_error(outcome.message, field)
            return
        self.accept()
