"""The confirmation before a billing run writes anything: how many lines, how much, and
which meters still lack a reading for the month."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from propdesk.fees.billing_plan import BillingPlan
from propdesk.fees.money import yuan


class BillingConfirmDialog(QDialog):
    """Show ``plan`` and let the user bill everything now, bill all but the metered items
    (when some readings are missing), or cancel.

    Attributes: ``summary`` (label), ``missing`` (read-only list, hidden when nothing is
    missing), ``bill_all`` and ``bill_rest`` buttons; after acceptance ``skip_meters`` says
    which one was chosen.
    """

    def __init__(self, *, plan: BillingPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.skip_meters = False
        self.setWindowTitle(self.tr("Confirm billing {0}").format(plan.period))
        self.setMinimumWidth(460)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setText(
            self.tr("Billing {period} will write {n} line(s), ¥{amount} in all.").format(
                period=plan.period, n=plan.lines, amount=yuan(plan.amount_fen)
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if plan.already_billed:
            layout.addWidget(
                QLabel(
                    self.tr("{0} line(s) of this month exist already and are not repeated.").format(
                        plan.already_billed
                    ),
                    self,
                )
            )
        self.missing = QPlainTextEdit(self)
        self.missing.setReadOnly(True)
        self.missing.setPlainText(
            "\n".join(f"{m.scope}  {m.item_name}  {m.meter_code}" for m in plan.missing)
        )
        self.missing.setVisible(bool(plan.missing))
        if plan.missing:
            note = QLabel(
                self.tr(
                    "These meters have no reading for {0}; their water/electricity is not billed "
                    "now. You can bill the rest now and the metered items later, once the "
                    "readings are in (a later run bills only what is missing)."
                ).format(plan.period),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.missing)
        if plan.items_without_rate:
            layout.addWidget(
                QLabel(self.tr("No rate: {0}").format("、".join(plan.items_without_rate)), self)
            )
        buttons = QDialogButtonBox(self)
        self.bill_all = QPushButton(self.tr("&Bill {0} line(s)").format(plan.lines), self)
        buttons.addButton(self.bill_all, QDialogButtonBox.ButtonRole.AcceptRole)
        self.bill_rest = QPushButton(
            self.tr("Bill all but &water/electricity ({0} line(s))").format(plan.rest_lines), self
        )
        self.bill_rest.setVisible(bool(plan.missing) and plan.metered_lines < plan.lines)
        buttons.addButton(self.bill_rest, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout.addWidget(buttons)
        self.bill_all.setEnabled(plan.lines > 0)
        self.bill_all.clicked.connect(self._all)
        self.bill_rest.clicked.connect(self._rest)
        buttons.rejected.connect(self.reject)
        # Writing a month of bills is deliberate: Enter alone answers Cancel; the run needs
        # its own button (Alt+B), pressed on purpose.
        for button in (self.bill_all, self.bill_rest):
            button.setAutoDefault(False)
        cancel.setDefault(True)
        cancel.setFocus()

    def _all(self) -> None:
        self.skip_meters = False
        self.accept()

    def _rest(self) -> None:
        self.skip_meters = True
        self.accept()
