"""The fee panel on every unit page: arrears at a glance, take a payment, the statement."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.fees.arrears import BUCKETS, UnitArrears, unit_arrears
from propdesk.fees.money import yuan
from propdesk.fees.notices import UnitCollection, unit_collection_status
from ui.context import AppContext


class ArrearsPanel(QGroupBox):
    """Overdue total by age, late fee, credit, the last reminder and promise; refreshed on change."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Fees and arrears"), parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.text = QLabel(self)
        self.text.setObjectName("arrears_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.pay_button = QPushButton(self.tr("Ta&ke payment…"), self)
        self.pay_button.setVisible(ctx.can(Permission.TAKE_PAYMENT))
        self.statement_button = QPushButton(self.tr("Account &statement…"), self)
        self.charge_button = QPushButton(self.tr("&One-off charge…"), self)
        self.charge_button.setVisible(ctx.can(Permission.TAKE_PAYMENT))
        self.charge_button.clicked.connect(self.post_charge)
        self.pay_button.clicked.connect(self.take_payment)
        self.statement_button.clicked.connect(self.show_statement)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.charge_button)
        buttons.addWidget(self.statement_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Reload the figures on the worker (the unit page calls this after a change)."""
        unit_id = self.unit_id

        def read(s: Session) -> tuple[UnitArrears, UnitCollection]:
            return unit_arrears(s, unit_id), unit_collection_status(s, unit_id)

        self.ctx.query(read, parent=self, action="unit arrears").success(self._show).run()

    def _show(self, loaded: tuple[UnitArrears, UnitCollection]) -> None:
        account, status = loaded
        if account.owed_fen == 0:
            text = self.tr("No arrears.")
            self.setStyleSheet("")
        else:
            ages = "  ".join(
                f"{label} ¥{yuan(v)}"
                for label, v in zip(BUCKETS, account.buckets, strict=True)
                if v
            )
            text = self.tr("Overdue ¥{owed} ({ages})").format(
                owed=yuan(account.owed_fen), ages=ages
            )
            if account.late_fee_fen:
                text += self.tr("; late fee ¥{0}").format(yuan(account.late_fee_fen))
            self.setStyleSheet("QGroupBox { color: #b00020; font-weight: bold; }")
        if account.not_due_fen:
            text += "\n" + self.tr("Billed, not yet due: ¥{0}").format(yuan(account.not_due_fen))
        if account.credit_fen:
            text += "\n" + self.tr("Credit (prepaid): ¥{0}").format(yuan(account.credit_fen))
        if status.last_notice:
            text += "\n" + self.tr("Last notice: {0}").format(status.last_notice)
        if status.open_promise:
            text += "\n" + self.tr("Promised to pay by {0}").format(status.open_promise.isoformat())
        self.text.setText(text)

    def take_payment(self) -> QDialog:
        """The cashier for this unit in a window of its own (deleted when closed)."""
        from ui.fees.cashier import CashierPage

        dialog = QDialog(self)
        dialog.setObjectName("take_payment_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(self.tr("Take payment"))
        page = CashierPage(ctx=self.ctx, parent=dialog)
        QVBoxLayout(dialog).addWidget(page)
        dialog.resize(900, 600)
        page.open_unit(self.unit_id)
        page.amount_edit.setFocus()
        dialog.open()
        return dialog

    def post_charge(self) -> QDialog:
        """A one-off charge from the catalogue (门禁卡工本费…), posted in one action."""
        from ui.fees.catalogue_dialog import CatalogueChargeDialog

        dialog = CatalogueChargeDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self)
        dialog.setObjectName("catalogue_charge_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def show_statement(self) -> QDialog:
        """Open the unit's statement (a new window each time; it deletes itself when closed)."""
        from ui.fees.statement import StatementDialog

        dialog = StatementDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self)
        dialog.setObjectName("statement_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
