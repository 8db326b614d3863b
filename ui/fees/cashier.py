"""The cashier (收银台): take a payment for a unit by keyboard in under a minute.

Unit code ⏎ → the open lines appear (Space picks lines; the amount follows the picked
lines) → amount → method (→ reference for transfer/WeChat/Alipay) ⏎ → the receipt preview
opens, ready to print.

One action, one payment: the amount is always typed or picked (an empty amount takes
nothing), collecting the whole balance asks first with the amount in words (大写), and the
form carries an idempotency key made when it opens, kept for retries (Enter twice, a lost
connection) and renewed only after a payment went through; after it the form is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import uuid4

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.errors import Conflict, DomainError, ValidationError
from propdesk.fees.arrears import UnitArrears, unit_arrears
from propdesk.fees.latefee import charge_late_fees
from propdesk.fees.money import fen_to_capital, parse_yuan, yuan
from propdesk.fees.payments import PaymentResult, Prepay, take_payment
from propdesk.fees.receipts import find_units, get_receipt, owner_names
from propdesk.registry import services as reg
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext
from ui.fees.labels import TAKEN, method_label
from ui.fees.lines_model import OpenLinesModel

PreviewFn = Callable[..., object]


class LinesView(QTableView):
    """The open lines; Space picks or unpicks the current line."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        model = self.model()
        if event.key() == Qt.Key.Key_Space and isinstance(model, OpenLinesModel):
            model.toggle(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class CashierPage(QWidget):
    """Take payments at the desk.

    Attributes:
        unit_edit, amount_edit, method_combo, ref_edit, prepay_spin: the inputs, in tab order.
        lines: the open lines model; ``view`` shows it.
        last_receipt_pdf: the bytes of the last receipt printed (``b""`` before any).
        payment_key: the idempotency key of the payment being entered (renewed after each
            payment taken); confirm_box: the open whole-balance confirmation, if any.
        preview: ``show_pdf_preview``-like callable used to show the receipt (replaceable).

    Signals:
        paid(str): a payment was taken; the receipt number.
    """

    paid = Signal(str)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id: int | None = None
        self._stale = False
        self.last_receipt_pdf = b""
        self.payment_key = uuid4().hex
        self.confirm_box: QMessageBox | None = None
        self._filled: str | None = None  # the amount last filled in from the picked lines
        from ui.printing.preview import show_pdf_preview

        self.preview: PreviewFn = show_pdf_preview

        self.unit_edit = QLineEdit(self)
        self.unit_edit.setObjectName("unit_code")
        self.unit_edit.setPlaceholderText(
            self.tr("Unit code (e.g. 3-2-1502), owner name or phone, then Enter")
        )
        self.unit_info = QLabel(self)
        self.unit_info.setObjectName("unit_info")
        self.unit_info.setTextFormat(Qt.TextFormat.PlainText)

        self.lines = OpenLinesModel(self)
        self.view = LinesView(self)
        self.view.setModel(self.lines)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().setVisible(False)

        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("amount")
        self.amount_edit.setPlaceholderText(self.tr("Amount in yuan"))
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("method")
        for m in TAKEN:
            self.method_combo.addItem(method_label(m), m.value)
        self.ref_edit = QLineEdit(self)
        self.ref_edit.setObjectName("txn_ref")
        self.ref_edit.setPlaceholderText(
            self.tr("Transaction reference (transfer, WeChat, Alipay)")
        )
        self.prepay_spin = QSpinBox(self)
        self.prepay_spin.setRange(0, 36)
        self.prepay_spin.setSuffix(self.tr(" months"))
        self.prepay_spin.setSpecialValueText(self.tr("No prepayment"))
        self.payer_edit = QLineEdit(self)
        self.payer_edit.setPlaceholderText(self.tr("Payer (default: the owner)"))
        self.take_button = QPushButton(self.tr("&Take payment and print receipt"), self)
        self.take_button.setObjectName("take_payment")
        self.late_button = QPushButton(self.tr("Charge late f&ee"), self)
        self.late_button.setToolTip(self.tr("Turn the late fee shown into lines to collect now"))
        # Enter in a field takes the payment itself: no button may also be the dialog's
        # default (in the unit page's payment dialog Enter would take it twice).
        for button in (self.take_button, self.late_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.summary = QLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("&Unit:"), self.unit_edit)
        form.addRow("", self.unit_info)
        pay = QFormLayout()
        pay.addRow(self.tr("Am&ount (yuan):"), self.amount_edit)
        pay.addRow(self.tr("Pa&yment method:"), self.method_combo)
        pay.addRow(self.tr("&Reference:"), self.ref_edit)
        pay.addRow(self.tr("Prepay property fee:"), self.prepay_spin)
        pay.addRow(self.tr("Payer:"), self.payer_edit)
        bottom = QHBoxLayout()
        bottom.addLayout(pay, 2)
        side = QVBoxLayout()
        side.addWidget(self.summary)
        side.addStretch(1)
        side.addWidget(self.late_button)
        side.addWidget(self.take_button)
        bottom.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Open lines (Space picks a line; none picked = oldest first):"), self)
        )
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        layout.addWidget(self.status)

        for w_from, w_to in (
            (self.unit_edit, self.view),
            (self.view, self.amount_edit),
            (self.amount_edit, self.method_combo),
            (self.method_combo, self.ref_edit),
            (self.ref_edit, self.prepay_spin),
            (self.prepay_spin, self.payer_edit),
            (self.payer_edit, self.take_button),
        ):
            QWidget.setTabOrder(w_from, w_to)

        # Enter in these fields runs their action and is used up there, so a dialog around
        # the page (the unit page's payment window) never sees it as well.
        self._enter_actions: list[tuple[QLineEdit, Callable[[], None]]] = [
            (self.unit_edit, self.find_unit),
            (self.amount_edit, self.take),
            (self.ref_edit, self.take),
            (self.payer_edit, self.take),
        ]
        for edit, _action in self._enter_actions:
            edit.installEventFilter(self)
        self.take_button.clicked.connect(self.take)
        self.late_button.clicked.connect(self.charge_late_fee)
        self.lines.picked_changed.connect(self._fill_amount)
        self.method_combo.currentIndexChanged.connect(self._method_changed)
        QShortcut(QKeySequence("Ctrl+Return"), self).activated.connect(self.take)
        ctx.hub.changed.connect(self._on_changed)
        self._method_changed()
        self._set_unit(None, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            for edit, action in self._enter_actions:
                if watched is edit:
                    if not event.isAutoRepeat():
                        action()
                    return True
        return super().eventFilter(watched, event)

    # --- unit -------------------------------------------------------------------------

    def _focus_unit(self) -> None:
        self.unit_edit.setFocus()
        self.unit_edit.selectAll()

    def open_unit(self, unit_id: int, *, focus_amount: bool = False) -> None:
        """Show a unit (from the unit page's panel, or F6 on a unit page)."""
        self._load(unit_id, focus_amount=focus_amount)

    def find_unit(self) -> None:
        """Exact unit code, or anything the desk search finds (name, pinyin, phone digits)."""
        self.error.clear()
        text = self.unit_edit.text().strip()
        if not text:
            return
        self.ctx.query(lambda s: find_units(s, text), parent=self, action="find unit").success(
            lambda found: self._found(text, found)
        ).run()

    def _found(self, text: str, found: list[tuple[int, str, str]]) -> None:
        if not found:
            self.error.setText(self.tr("No unit matches “{0}”.").format(text))
            self._set_unit(None, None)
            return
        if len(found) == 1:
            unit_id = found[0][0]
        else:
            labels = [f"{code}  {owners}".strip() for _i, code, owners in found]
            choice, ok = self.choose_unit(labels)
            if not ok or choice not in labels:
                return
            unit_id = found[labels.index(choice)][0]
        self._load(unit_id, focus_amount=True)

    def choose_unit(self, labels: list[str]) -> tuple[str, bool]:
        """Ask which unit when the search found several (arrows and Enter)."""
        from PySide6.QtWidgets import QInputDialog

        return QInputDialog.getItem(
            self, self.tr("Choose the unit"), self.tr("Several units match:"), labels, 0, False
        )

    def _load(self, unit_id: int, *, focus_amount: bool = False) -> None:
        """Show the unit's open lines (read on the worker)."""

        def read(s: Session) -> tuple[str, str, UnitArrears]:
            return reg.get_unit(s, unit_id).code, owner_names(s, unit_id), unit_arrears(s, unit_id)

        def show(loaded: tuple[str, str, UnitArrears]) -> None:
            code, owners, account = loaded
            self.unit_edit.setText(code)
            self._set_unit(unit_id, account, owners)
            if focus_amount:
                self.amount_edit.setFocus()
                self.amount_edit.selectAll()

        self.ctx.query(read, parent=self, action="open unit at the cashier").success(show).run()

    def _set_unit(self, unit_id: int | None, account: UnitArrears | None, owners: str = "") -> None:
        self.unit_id = unit_id
        if account is None:
            self.unit_info.setText(self.tr("No unit chosen."))
            self.lines.set_lines([])
            self.summary.clear()
            return
        self.unit_info.setText(
            self.tr(
                "Owner: {owner}    Overdue: ¥{owed}    Late fee: ¥{fee}    Credit: ¥{credit}"
            ).format(
                owner=owners or "—",
                owed=yuan(account.owed_fen),
                fee=yuan(account.late_fee_fen),
                credit=yuan(account.credit_fen),
            )
        )
        self.lines.set_lines(account.lines)
        if account.lines:
            self.view.setCurrentIndex(self.lines.index(0, 1))

    def _on_changed(self, changes: Changes) -> None:
        if (changes.fees or changes.payments) and self.unit_id:
            if self.isVisible():
                self._load(self.unit_id)
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.unit_id:
            self._stale = False
            self._load(self.unit_id)

    # --- amount and method ------------------------------------------------------------

    def _fill_amount(self) -> None:
        """Picked lines fill in their amount; the whole balance is never filled in for you."""
        if self.lines.picked_ids():
            self._filled = yuan(self.lines.picked_owed()).replace(",", "")
            self.amount_edit.setText(self._filled)
        elif self._filled is not None:
            if self.amount_edit.text() == self._filled:
                self.amount_edit.clear()
            self._filled = None
        self.summary.setText(
            self.tr("Picked: {n} line(s), ¥{picked}\nAll open lines: ¥{total}").format(
                n=len(self.lines.picked_ids()),
                picked=yuan(self.lines.picked_owed()),
                total=yuan(self.lines.total_owed()),
            )
        )

    def _method_changed(self) -> None:
        self.ref_edit.setEnabled(self.method_combo.currentData() != "cash")

    # --- take -------------------------------------------------------------------------

    def take(self) -> None:
        """Take the payment as entered; print the receipt; keep the input on any error."""
        if not self.take_button.isEnabled():  # a payment is being taken (Enter pressed twice)
            return
        self.error.clear()
        if self.unit_id is None:
            self.error.setText(self.tr("Enter a unit code first."))
            self.unit_edit.setFocus()
            return
        if self.confirm_box is not None:  # the whole-balance question is open
            return
        unit_id = self.unit_id
        if not self.amount_edit.text().strip():
            self.error.setText(self.tr("Enter the amount to collect."))
            self.amount_edit.setFocus()
            return
        try:
            amount = parse_yuan(self.amount_edit.text(), "amount_fen")
        except ValidationError as exc:
            self._show_error(exc)
            return
        balance = self.lines.total_owed()
        if balance and amount >= balance:
            self._confirm_whole_balance(amount, balance, lambda: self._submit(unit_id, amount))
            return
        self._submit(unit_id, amount)

    def _confirm_whole_balance(self, amount: int, balance: int, go: Callable[[], None]) -> None:
        """Ask before collecting the whole balance (or more), with the amount in words."""
        text = self.tr("Collect the whole balance of ¥{balance}?").format(balance=yuan(balance))
        if amount > balance:
            text = self.tr("Collect ¥{amount}, more than the whole balance of ¥{balance}?").format(
                amount=yuan(amount), balance=yuan(balance)
            )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Collect the whole balance"),
            text
            + "\n\n"
            + self.tr("Amount in words: RMB {words} (¥{amount})").format(
                words=fen_to_capital(amount), amount=yuan(amount)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirm_whole_balance")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        self.confirm_box = box

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes):
                go()
            else:
                self.amount_edit.setFocus()
                self.amount_edit.selectAll()

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _submit(self, unit_id: int, amount: int) -> None:
        if not self.take_button.isEnabled():
            return
        key = self.payment_key
        method = str(self.method_combo.currentData())
        ref = self.ref_edit.text() if self.ref_edit.isEnabled() else ""
        picked = self.lines.picked_ids() or None
        months = self.prepay_spin.value()
        payer = self.payer_edit.text()

        def op(s: Session) -> PaymentResult:
            return take_payment(
                s,
                unit_id=unit_id,
                amount_fen=amount,
                method=method,
                txn_ref=ref or None,
                line_ids=picked,
                prepay=Prepay("property", months) if months else None,
                payer=payer,
                idempotency_key=key,
            )

        # on the worker: the window stays live; a failure keeps every input
        self.ctx.op(
            op, changes=Changes(fees=True, payments=True), parent=self, action="take payment"
        ).busy(self.take_button).success(lambda result: self._taken(result, amount)).failure(
            self._refused
        ).run()

    def _refused(self, exc: BaseException) -> bool:
        """A refusal shows by its field; anything else (connection lost) goes to the handler.

        The key is kept, so a retry of the same form cannot take the money twice; after a
        conflict (this form's payment was already taken) the next one is a new payment.
        """
        if isinstance(exc, Conflict):
            self.payment_key = uuid4().hex
        if isinstance(exc, DomainError):
            self._show_error(exc)
            return True
        return False

    def _taken(self, result: PaymentResult, amount: int) -> None:
        self.print_receipt(result.payment_id)
        self.status.setText(
            self.tr("Receipt {no}: ¥{amount} taken.").format(
                no=result.receipt_no, amount=yuan(amount)
            )
            + (
                self.tr(" ¥{credit} kept as credit.").format(credit=yuan(result.credit_fen))
                if result.credit_fen
                else ""
            )
        )
        self.payment_key = uuid4().hex  # the next payment is a new action
        self._filled = None
        self.amount_edit.clear()
        self.ref_edit.clear()
        self.prepay_spin.setValue(0)
        self.payer_edit.clear()
        self.paid.emit(result.receipt_no)
        self._focus_unit()

    def charge_late_fee(self) -> None:
        """Post the unit's outstanding late fee as 滞纳金 lines, then show them with the rest."""
        self.error.clear()
        if self.unit_id is None:
            self.error.setText(self.tr("Enter a unit code first."))
            return
        unit_id = self.unit_id

        def posted(lines: list[int]) -> None:
            self.status.setText(self.tr("{0} late fee line(s) added.").format(len(lines)))

        # the open lines reload on the broadcast change
        self.ctx.op(
            lambda s: list(charge_late_fees(s, unit_id)),
            changes=Changes(fees=True),
            parent=self,
            action="charge late fee",
        ).busy(self.late_button).success(posted).failure(self._refused).run()

    def print_receipt(self, payment_id: int) -> None:
        """Build the receipt on the worker, then preview it."""

        def build(s: Session) -> tuple[str, bytes, int]:
            # ReportLab loads here, on the worker, not when the fees page is first opened
            from reports.pdf.receipt import receipt_pdf

            data = get_receipt(s, payment_id)
            return data.receipt_no, receipt_pdf(data), data.unit_id

        def show(built: tuple[str, bytes, int]) -> None:
            from ui.archive.filing import file_when_delivered

            receipt_no, pdf, unit_id = built
            self.last_receipt_pdf = pdf
            # Filed in the unit's archive once printed or saved, never on preview.
            self.preview(
                self.ctx,
                pdf,
                title=self.tr("Receipt {0}").format(receipt_no),
                suggested_name=f"收据_{receipt_no}.pdf",
                parent=self,
                on_delivered=file_when_delivered(
                    self.ctx, (unit_id, "receipt"), f"收费收据 {receipt_no}", pdf
                ),
            )

        self.ctx.query(build, parent=self, action="print receipt").success(show).run()

    def _show_error(self, exc: DomainError) -> None:
        self.error.setText(str(exc))
        field = getattr(exc, "field", "")
        target = {
            "amount_fen": self.amount_edit,
            "txn_ref": self.ref_edit,
            "method": self.method_combo,
            "prepay_months": self.prepay_spin,
            "prepay_item": self.prepay_spin,
        }.get(field)
        if target is not None:
            target.setFocus()
