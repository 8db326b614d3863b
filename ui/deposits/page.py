"""The deposit ledger (押金台账): deposits held, with refund and printing.

The list is over SQL (one row per deposit; "Held" shows deposits with money still held,
"All" every one). Refunding opens a dialog for the amount paid back and one deduction
(its reason and amount); a deduction becomes fee income (see docs/money.md). The 押金收据
and the last 押金退款单 of a deposit print through the PDF preview.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import ColumnElement, Row, or_, select
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.deposits import ledger
from propdesk.deposits import queries as dq
from propdesk.deposits.models import DEPOSIT_KIND_ZH, DEPOSIT_STATUS_ZH, Deposit, DepositKind
from propdesk.deposits.models import DepositStatus as Status
from propdesk.deposits.values import DeductionItem
from propdesk.errors import ValidationError
from propdesk.fees.money import yuan
from propdesk.registry.models import Unit
from ui.common.sql_table_model import RIGHT, SqlColumn, SqlTableModel
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.renovation.widgets import ServiceDialog, StaleGuard, Work, named

CHANGES = Changes(fees=True, renovation=True, keys=True)
METHODS = [
    ("cash", str(QT_TRANSLATE_NOOP("DepositsPage", "Cash"))),
    ("transfer", str(QT_TRANSLATE_NOOP("DepositsPage", "Bank transfer"))),
    ("wechat", str(QT_TRANSLATE_NOOP("DepositsPage", "WeChat"))),
    ("alipay", str(QT_TRANSLATE_NOOP("DepositsPage", "Alipay"))),
]
FILTERS = [
    ("held", str(QT_TRANSLATE_NOOP("DepositsPage", "Held"))),
    ("all", str(QT_TRANSLATE_NOOP("DepositsPage", "All"))),
]


def parse_fen(text: str, field: str) -> int:
    """``"1,234.5"`` → 123450; an empty box is 0."""
    raw = text.strip().replace(",", "")
    if not raw:
        return 0
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(field, "金额格式不正确，例如 150.50。") from None
    if value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValidationError(field, "金额格式不正确，例如 150.50。")
    return int(value * 100)


class DepositListModel(SqlTableModel):
    """Deposits of the ledger, newest first."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        held = Deposit.amount_fen - Deposit.refunded_fen - Deposit.deducted_fen
        super().__init__(
            db=ctx.db,
            base=select(Deposit).join(Unit, Unit.id == Deposit.unit_id),
            id_column=Deposit.id,
            columns=[
                SqlColumn(self.tr("Receipt"), Deposit.receipt_no),
                SqlColumn(self.tr("Received"), Deposit.received_on),
                SqlColumn(self.tr("Unit"), Unit.code),
                SqlColumn(self.tr("Kind"), Deposit.kind, fmt=_kind),
                SqlColumn(self.tr("Payer"), Deposit.payer),
                SqlColumn(self.tr("Amount"), Deposit.amount_fen, align=RIGHT, fmt=yuan),
                SqlColumn(self.tr("Held"), held.label("held_fen"), align=RIGHT, fmt=yuan),
                SqlColumn(self.tr("Status"), Deposit.status, fmt=_status),
                SqlColumn(self.tr("Description"), Deposit.description),
            ],
            extra=[Deposit.status.label("status_code"), held.label("held")],
            default_order=[Deposit.received_on.desc(), Deposit.id.desc()],
            parent=parent,
        )


def _kind(value: Any) -> str:
    return DEPOSIT_KIND_ZH[DepositKind(value)]


def _status(value: Any) -> str:
    return DEPOSIT_STATUS_ZH[Status(value)]


class RefundDepositDialog(ServiceDialog):
    """Refund what is held of a deposit, less one optional deduction."""

    changes = CHANGES

    def __init__(
        self, *, ctx: AppContext, deposit_id: int, held_fen: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx=ctx, title=self.tr("Refund deposit"), parent=parent)
        self.deposit_id = deposit_id
        self.held_fen = held_fen
        self.amount = named(QLineEdit(yuan(held_fen).replace(",", "")), "amount_fen")
        self.method = named(QComboBox(), "method")
        for code, text in METHODS:
            self.method.addItem(QCoreApplication.translate("DepositsPage", text), code)
        self.reason = named(QLineEdit(), "deductions")
        self.deduction = named(QLineEdit(), "deduction_fen")
        self.deduction.setPlaceholderText("0.00")
        e = self.errors
        e.add_row(self.tr("Held"), "held", QLabel(yuan(held_fen)))
        e.add_row(self.tr("Deduction reason"), "deductions", self.reason)
        e.add_row(self.tr("Deduction (yuan)"), "deduction_fen", self.deduction)
        e.add_row(self.tr("Paid back (yuan)"), "amount_fen", self.amount)
        e.add_row(self.tr("Method"), "method", self.method)
        self.deduction.textEdited.connect(self._deduction_edited)
        self.reason.setFocus()

    def _deduction_edited(self, text: str) -> None:
        try:
            kept = parse_fen(text, "deduction_fen")
        except ValidationError:
            return
        self.amount.setText(yuan(max(self.held_fen - kept, 0)).replace(",", ""))

    def action(self) -> Work:
        kept = parse_fen(self.deduction.text(), "deduction_fen")
        reason = self.reason.text()
        if kept and not reason.strip():
            raise ValidationError("deductions", self.tr("Give the reason of the deduction."))
        deductions = [DeductionItem(reason, kept)] if kept else []
        amount = parse_fen(self.amount.text(), "amount_fen")
        method = str(self.method.currentData())
        deposit_id = self.deposit_id
        return lambda s: ledger.refund_deposit(
            s, deposit_id, method=method, deductions=deductions, amount_fen=amount
        )


class DepositsPage(QWidget):
    """The deposit ledger page.

    Attributes:
        model: the deposits listed.
        dialog: the refund dialog last opened (tests drive it).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: ServiceDialog | None = None
        self.model = DepositListModel(ctx=ctx, parent=self)
        self.table = RecordTableView(self)
        self.table.setModel(self.model)
        self.show_combo = QComboBox()
        for key, text in FILTERS:
            self.show_combo.addItem(QCoreApplication.translate("DepositsPage", text), key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Unit, receipt or payer"))
        self.summary = QLabel()
        self.refund_button = QPushButton(self.tr("Refund…"))
        self.receipt_button = QPushButton(self.tr("Print receipt"))
        self.slip_button = QPushButton(self.tr("Print refund slip"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_combo)
        top.addWidget(self.search, 1)
        top.addWidget(self.summary)
        actions = QHBoxLayout()
        for b in (self.refund_button, self.receipt_button, self.slip_button):
            actions.addWidget(b)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.show_combo.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.refund_button.clicked.connect(self.refund)
        self.receipt_button.clicked.connect(self.print_receipt)
        self.slip_button.clicked.connect(self.print_slip)
        self.table.opened.connect(lambda _id: self.refund())
        self._stale = StaleGuard(self, self.apply_filter)
        ctx.hub.changed.connect(self._changed)
        self.apply_filter()

    def filter_conditions(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if self.show_combo.currentData() == "held":
            conditions.append(Deposit.status != Status.REFUNDED.value)
        text = self.search.text().strip()
        if text:
            conditions.append(
                or_(
                    Unit.code.contains(text, autoescape=True),
                    Deposit.receipt_no.contains(text, autoescape=True),
                    Deposit.payer.contains(text, autoescape=True),
                )
            )
        return conditions

    def apply_filter(self) -> None:
        self.model.set_filter(*self.filter_conditions())
        self.table.resizeColumnsToContents()
        self.ctx.query(dq.held_total_fen, parent=self, action="total deposits").success(
            self._show_total
        ).run()

    def _show_total(self, fen: int) -> None:
        self.summary.setText(self.tr("Held in total: ¥%1").replace("%1", yuan(fen)))

    def _changed(self, changes: Changes) -> None:
        if changes.fees or changes.renovation or changes.keys:
            self._stale.changed()

    def _current(self) -> Row[Any] | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def refund(self) -> None:
        row = self._current()
        if row is None or row.status_code == Status.REFUNDED.value:
            return
        self.dialog = RefundDepositDialog(
            ctx=self.ctx, deposit_id=row._row_id, held_fen=int(row.held), parent=self
        )
        self.dialog.open()

    def print_receipt(self) -> None:
        row = self._current()
        if row is None:
            return
        deposit_id = int(row._row_id)

        def make(session: Session) -> bytes:
            from reports.pdf.deposit_documents import deposit_receipt_pdf

            return deposit_receipt_pdf(dq.deposit_receipt(session, deposit_id))

        self._preview(make, self.tr("Deposit receipt"), "deposit_receipt.pdf")

    def print_slip(self) -> None:
        row = self._current()
        if row is None:
            return
        deposit_id = int(row._row_id)

        def make(session: Session) -> bytes:
            from reports.pdf.deposit_documents import refund_slip_pdf

            ids = dq.refund_ids(session, deposit_id)
            if not ids:
                raise ValidationError("deposit", "该押金还没有退款记录。")
            return refund_slip_pdf(dq.refund_slip(session, ids[-1]))

        self._preview(make, self.tr("Deposit refund slip"), "deposit_refund_slip.pdf")

    def _preview(self, make: Any, title: str, name: str) -> None:
        from ui.printing.preview import preview_pdf

        preview_pdf(self.ctx, make, title=title, suggested_name=name, parent=self)
