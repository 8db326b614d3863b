"""A unit's account statement (对账单): lines, receipts, credit and refunds; reprint, void, refund."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.clock import to_local
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.notices import (
    CONTACT_KINDS,
    PROMISE_ZH,
    ContactInfo,
    NoticeInfo,
    list_contacts,
    list_notices,
)
from propdesk.fees.receipts import ReceiptData, get_receipt
from propdesk.fees.refunds import refund_credit
from propdesk.fees.statement import (
    Statement,
    StatementCreditMove,
    StatementLine,
    StatementPayment,
    unit_statement,
)
from propdesk.registry import services as reg
from reports.pdf.receipt import receipt_pdf
from ui.context import AppContext
from ui.fees.list_model import ListTableModel
from ui.fees.void_dialog import VoidReceiptDialog


def _table(parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class StatementDialog(QDialog):
    """The statement of one unit.

    Loaded on the worker; reloads after a fee or payment change (when hidden, on being shown).
    Opened with ``open()`` it deletes itself when closed (Esc or Close), so nothing keeps a
    reference to a deleted window; open a new one each time.

    Attributes: ``lines_model``, ``payments_model``, ``credit_model`` (credit movements and
    refunds, newest first, with the balance after each), ``summary``.
    """

    def __init__(
        self,
        *,
        ctx: AppContext,
        unit_id: int,
        select_payment: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.select_payment = select_payment  # a receipt found by the search: selected on load
        self._stale = False
        self.setWindowTitle(self.tr("Account statement – {0}").format("…"))
        self.resize(1000, 760)
        self.summary = QLabel(self)
        self.lines_model: ListTableModel[StatementLine] = ListTableModel(
            [
                (self.tr("Item"), lambda x: x.item_name, False),
                (self.tr("Period"), lambda x: x.period, False),
                (self.tr("Due date"), lambda x: x.due_date.isoformat(), False),
                (self.tr("Amount"), lambda x: yuan(x.amount_fen), True),
                (self.tr("Paid"), lambda x: yuan(x.paid_fen), True),
                (self.tr("Waived"), lambda x: yuan(x.waived_fen) if x.waived_fen else "", True),
                (self.tr("Owed"), lambda x: yuan(x.owed_fen) if x.owed_fen else "", True),
                (self.tr("Note"), lambda x: x.description, False),
            ],
            highlight=lambda x: x.owed_fen > 0,
            parent=self,
        )
        self.payments_model: ListTableModel[StatementPayment] = ListTableModel(
            [
                (self.tr("Receipt"), lambda p: p.receipt_no, False),
                (self.tr("Date"), lambda p: p.paid_on.isoformat(), False),
                (self.tr("Amount"), lambda p: yuan(p.amount_fen), True),
                (self.tr("Method"), lambda p: p.method, False),
                (self.tr("Reference"), lambda p: p.txn_ref, False),
                (self.tr("To credit"), lambda p: yuan(p.credit_fen) if p.credit_fen else "", True),
                (self.tr("Taken by"), lambda p: p.taken_by, False),
                (
                    self.tr("Voided"),
                    lambda p: self._void_text(p),
                    False,
                ),
            ],
            highlight=lambda p: p.voided,
            parent=self,
        )
        self.credit_model: ListTableModel[StatementCreditMove] = ListTableModel(
            [
                (self.tr("Date"), lambda m: m.on.isoformat(), False),
                (self.tr("Movement"), lambda m: m.label, False),
                (self.tr("Amount"), lambda m: yuan(m.amount_fen), True),
                (self.tr("Credit after"), lambda m: yuan(m.balance_fen), True),
                (self.tr("Detail"), lambda m: m.detail, False),
            ],
            highlight=lambda m: m.kind == "refund",
            parent=self,
        )
        self.contacts_model: ListTableModel[ContactInfo] = ListTableModel(
            [
                (self.tr("Date"), lambda c: c.contact_date.isoformat(), False),
                (self.tr("How"), lambda c: CONTACT_KINDS.get(c.kind, c.kind), False),
                (self.tr("Staff"), lambda c: c.staff, False),
                (self.tr("Outcome"), lambda c: c.outcome, False),
                (
                    self.tr("Promised by"),
                    lambda c: c.promised_date.isoformat() if c.promised_date else "",
                    False,
                ),
                (self.tr("Promise"), lambda c: PROMISE_ZH.get(c.promise, ""), False),
            ],
            highlight=lambda c: c.promise == "broken",
            parent=self,
        )
        self.notices_model: ListTableModel[NoticeInfo] = ListTableModel(
            [
                (
                    self.tr("Sent"),
                    lambda n: to_local(n.sent_at).strftime("%Y-%m-%d"),
                    False,
                ),
                (self.tr("Notice"), lambda n: n.title, False),
                (self.tr("Amount"), lambda n: yuan(n.amount_fen) if n.amount_fen else "", True),
                (self.tr("By"), lambda n: n.sent_by, False),
                (self.tr("Delivered as"), lambda n: n.channel_zh, False),
                (self.tr("Number"), lambda n: n.doc_no, False),
            ],
            parent=self,
        )
        self.lines_view = _table(self)
        self.lines_view.setModel(self.lines_model)
        self.payments_view = _table(self)
        self.payments_view.setModel(self.payments_model)
        self.credit_view = _table(self)
        self.credit_view.setModel(self.credit_model)
        self.reprint_button = QPushButton(self.tr("&Reprint receipt"), self)
        self.void_button = QPushButton(self.tr("&Void receipt…"), self)
        # a clerk voids with a supervisor's authorisation (主管授权) in the void dialog
        self.void_button.setVisible(ctx.can(Permission.TAKE_PAYMENT))
        self.refund_button = QPushButton(self.tr("Re&fund credit…"), self)
        self.refund_button.setVisible(ctx.can(Permission.VOID_RECEIPT))
        self.refund_button.clicked.connect(self.refund)
        close = QPushButton(self.tr("Close"), self)
        self.reprint_button.clicked.connect(self.reprint)
        self.void_button.clicked.connect(self.void)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.refund_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Bill lines"), self))
        layout.addWidget(self.lines_view, 3)
        money = QHBoxLayout()
        receipts_box = QVBoxLayout()
        receipts_box.addWidget(QLabel(self.tr("Receipts"), self))
        receipts_box.addWidget(self.payments_view)
        credit_box = QVBoxLayout()
        credit_box.addWidget(QLabel(self.tr("Credit and refunds"), self))
        credit_box.addWidget(self.credit_view)
        money.addLayout(receipts_box, 1)
        money.addLayout(credit_box, 1)
        layout.addLayout(money, 2)
        chase = QHBoxLayout()
        contacts_box = QVBoxLayout()
        contacts_box.addWidget(QLabel(self.tr("Calls and visits"), self))
        contacts_view = _table(self)
        contacts_view.setModel(self.contacts_model)
        contacts_box.addWidget(contacts_view)
        notices_box = QVBoxLayout()
        notices_box.addWidget(QLabel(self.tr("Notices and reminder letters"), self))
        notices_view = _table(self)
        notices_view.setModel(self.notices_model)
        notices_box.addWidget(notices_view)
        chase.addLayout(contacts_box, 3)
        chase.addLayout(notices_box, 2)
        layout.addLayout(chase, 2)
        layout.addLayout(buttons)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.fees or changes.payments or changes.units:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload the statement, calls and notices on the worker."""
        unit_id = self.unit_id

        def read(
            s: Session,
        ) -> tuple[str, Statement, list[ContactInfo], list[NoticeInfo]]:
            return (
                reg.get_unit(s, unit_id).code,
                unit_statement(s, unit_id),
                list(list_contacts(s, unit_id)),
                list(list_notices(s, unit_id)),
            )

        self.ctx.query(read, parent=self, action="account statement").success(self._show).run()

    def _show(self, loaded: tuple[str, Statement, list[ContactInfo], list[NoticeInfo]]) -> None:
        code, st, contacts, notices = loaded
        self.setWindowTitle(self.tr("Account statement – {0}").format(code))
        self.lines_model.set_rows(st.lines)
        self.payments_model.set_rows(st.payments)
        if self.select_payment is not None:
            row = next(
                (i for i, p in enumerate(st.payments) if p.payment_id == self.select_payment), -1
            )
            if row >= 0:
                self.payments_view.selectRow(row)
                self.payments_view.setFocus()
            self.select_payment = None
        self.credit_model.set_rows(st.credit_moves)
        self.contacts_model.set_rows(contacts)
        self.notices_model.set_rows(notices)
        self.summary.setText(
            self.tr(
                "Billed ¥{b}   Paid ¥{p}   Waived ¥{w}   Owed ¥{o}   Credit ¥{c}   Refunded ¥{r}"
            ).format(
                b=yuan(st.billed_fen),
                p=yuan(st.paid_fen),
                w=yuan(st.waived_fen),
                o=yuan(st.owed_fen),
                c=yuan(st.credit_fen),
                r=yuan(st.refunded_fen),
            )
        )

    def refund(self) -> None:
        """Pay back part of the unit's credit (预收): amount and reason asked, method cash."""
        amount_text, ok = QInputDialog.getText(
            self, self.tr("Refund credit"), self.tr("Amount to refund (yuan):")
        )
        if not ok:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Refund credit"), self.tr("Reason:"))
        if not ok:
            return
        unit_id = self.unit_id

        def refund(s: Session) -> object:
            amount = parse_yuan(amount_text, "amount_fen")
            return refund_credit(
                s, unit_id=unit_id, amount_fen=amount, method="cash", reason=reason
            )

        # the statement reloads on the broadcast change
        self.ctx.op(
            refund, changes=Changes(fees=True, payments=True), parent=self, action="refund credit"
        ).busy(self.refund_button).run()

    def _void_text(self, p: StatementPayment) -> str:
        if not p.voided:
            return ""
        if p.void_approved_by:
            return self.tr("Voided: {0} (approved by {1})").format(
                p.void_reason, p.void_approved_by
            )
        return self.tr("Voided: {0}").format(p.void_reason)

    def _current_payment(self) -> StatementPayment | None:
        idx = self.payments_view.currentIndex()
        return self.payments_model.row_value(idx.row()) if idx.isValid() else None

    def reprint(self) -> None:
        p = self._current_payment()
        if p is None:
            return
        from ui.printing.preview import show_pdf_preview

        def show(data: ReceiptData) -> None:
            show_pdf_preview(
                self.ctx,
                receipt_pdf(data),
                title=self.tr("Receipt {0}").format(p.receipt_no),
                suggested_name=f"收据_{p.receipt_no}.pdf",
                parent=self,
            )

        payment_id = p.payment_id
        self.ctx.query(lambda s: get_receipt(s, payment_id), parent=self, action="reprint").busy(
            self.reprint_button
        ).success(show).run()

    def void(self) -> None:
        """Void the selected receipt; a clerk gets the supervisor authorisation fields."""
        p = self._current_payment()
        if p is None:
            return
        # the statement reloads on the change the void broadcasts
        VoidReceiptDialog(
            ctx=self.ctx, payment_id=p.payment_id, receipt_no=p.receipt_no, parent=self
        ).exec()
