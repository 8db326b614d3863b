"""The billing page's list of recent billing runs, and reversing an unpaid run (撤销出账).

The list shows each run's month, lines, amount, who ran it and when, and for a reversed run
who reversed it, when and why. "Reverse run…" (only for users holding
:attr:`Permission.REVERSE_BILLING`; the service checks anyway) asks for the reason in
:class:`ReverseRunDialog`; a refusal (a run with payments) keeps the dialog and its reason.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.fees.billing_plan import RunInfo, list_runs, reverse_billing_run
from propdesk.fees.money import yuan
from ui.common.forms import ERROR_STYLE
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext
from ui.fees.list_model import ListTableModel


class ReverseRunDialog(QDialog):
    """Ask why billing run ``run`` is reversed, and reverse it on OK.

    Opens with the focus in the reason; Enter submits once (the OK button is the only
    action, disabled while the reversal runs). The service's refusal (no reason, a paid run,
    already reversed) is shown in ``error`` and the dialog stays open with its input.

    Attributes: ``reason``, ``error``, ``ok_button``, ``removed`` (lines removed, after OK).
    """

    def __init__(self, *, ctx: AppContext, run: RunInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run_id = run.id
        self.removed = 0
        self.setWindowTitle(self.tr("Reverse billing run of {0}").format(run.period))
        self.setMinimumWidth(460)
        summary = QLabel(
            self.tr(
                "Billing run of {period} by {who} on {when}: {n} line(s), ¥{amount}. "
                "Its bill lines are removed and credit it used goes back to the units; "
                "a run with payments or waivers cannot be reversed."
            ).format(
                period=run.period,
                who=run.run_by,
                when=run.started_at_local,
                n=run.lines_created,
                amount=yuan(run.amount_fen),
            ),
            self,
        )
        summary.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. wrong month, wrong rates"))
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Re&verse run"))
        buttons.accepted.connect(self._reverse)
        buttons.rejected.connect(self.reject)
        self.keys = install_dialog_keys(self, default=self.ok_button)  # pressed once, while enabled
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def _reverse(self) -> None:
        if not self.ok_button.isEnabled():  # a reversal is already running
            return
        self.error.setVisible(False)
        run_id, reason = self.run_id, self.reason.text()
        self.ctx.op(
            lambda s: reverse_billing_run(s, run_id, reason=reason),
            changes=Changes(fees=True),
            parent=self,
            action="reverse billing run",
        ).busy(self.ok_button).success(self._done).failure(self._refused).run()

    def _done(self, removed: int) -> None:
        self.removed = removed
        self.accept()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            self.error.setText(str(exc))
            self.error.setVisible(True)
            self.reason.setFocus()
            return True
        return False


class BillingRunsBox(QGroupBox):
    """Recent billing runs, newest first, and the "Reverse run…" action.

    The owning page calls :meth:`refresh` when it reloads (it handles staleness).

    Attributes: ``runs`` (model), ``view``, ``reverse_button``, ``result``, ``dialog``
    (the open :class:`ReverseRunDialog` or None).
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Billing runs"))
        self.ctx = ctx
        self.runs: ListTableModel[RunInfo] = ListTableModel(
            [
                (self.tr("Month"), lambda r: r.period, False),
                (self.tr("Lines"), lambda r: str(r.lines_created), True),
                (self.tr("Amount (yuan)"), lambda r: yuan(r.amount_fen), True),
                (self.tr("Run by"), lambda r: r.run_by, False),
                (self.tr("Run at"), lambda r: r.started_at_local, False),
                (self.tr("Reversed by"), lambda r: r.reversed_by, False),
                (self.tr("Reversed at"), lambda r: r.reversed_at_local, False),
                (self.tr("Reason"), lambda r: r.reversal_reason, False),
            ],
            highlight=lambda r: r.reversed,
            parent=self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.runs)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.reverse_button = QPushButton(self.tr("Reverse r&un…"), self)
        self.reverse_button.setVisible(ctx.can(Permission.REVERSE_BILLING))
        self.reverse_button.setEnabled(False)
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.dialog: ReverseRunDialog | None = None
        row = QHBoxLayout()
        row.addWidget(self.reverse_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(row)

    def refresh(self) -> None:
        """Reload the newest runs through the worker."""

        def read(s: Session) -> list[RunInfo]:
            return list_runs(s)

        self.ctx.query(read, parent=self, action="billing runs").success(self._show).run()

    def _show(self, runs: list[RunInfo]) -> None:
        self.runs.set_rows(runs)
        self._selection_changed(QItemSelection(), QItemSelection())

    def selected_run(self) -> RunInfo | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.runs.row_value(index.row())

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        run = self.selected_run()
        self.reverse_button.setEnabled(
            run is not None and not run.reversed and self.ctx.can(Permission.REVERSE_BILLING)
        )

    def reverse_selected(self) -> None:
        """Ask for the reason and reverse the selected run (unpaid runs only; the core checks)."""
        run = self.selected_run()
        if run is None or run.reversed or self.dialog is not None:
            return
        self.result.clear()
        dialog = ReverseRunDialog(ctx=self.ctx, run=run, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._reversed(run, dialog.removed))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()

    def _reversed(self, run: RunInfo, removed: int) -> None:
        self.result.setText(
            self.tr("Billing run of {0} reversed: {1} line(s) removed.").format(run.period, removed)
        )

    def _forget(self, dialog: ReverseRunDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
