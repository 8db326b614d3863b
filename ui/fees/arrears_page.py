"""The arrears list (欠费清单): filters in SQL, then the contact log, reminders and waivers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.approvals import ApprovalAction, ApprovalOutcome
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.fees.arrears import (
    ArrearsRow,
    UnitArrears,
    arrears_list,
    unit_arrears,
    waive_arrears,
    waive_late_fee,
    waiver_record,
)
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.notices import CONTACT_KINDS, record_contact
from propdesk.progress import Progress
from propdesk.registry import services as reg
from propdesk.registry.values import BuildingInfo
from ui.auth.approval import ApprovalFields
from ui.common.dates import from_qdate as pydate
from ui.common.dates import to_qdate as qdate
from ui.common.forms import ERROR_STYLE
from ui.common.keyboard import install_dialog_keys
from ui.context import AppContext
from ui.fees.list_model import ListTableModel
from ui.fees.requests import ArrearsRequest

__all__ = ["ArrearsPage", "ContactDialog", "WaiveDialog", "pydate", "qdate"]


def _shown_in(label: QLabel, exc: BaseException) -> bool:
    """A service's refusal goes to ``label`` (True); anything else to the common handler."""
    if isinstance(exc, DomainError):
        label.setText(str(exc))
        return True
    return False


def _set_today(ctx: AppContext, *edits: QDateEdit) -> None:
    """Set ``edits`` to the estate's today (read through the worker)."""

    def show(day: date) -> None:
        for edit in edits:
            edit.setDate(qdate(day))

    ctx.query(clock.today, parent=edits[0]).success(show).run()


class ArrearsPage(QWidget):
    """Units in arrears with age buckets and late fee; filters apply on Enter or change.

    Attributes: ``model`` (rows of :class:`ArrearsRow`), ``view``, ``total_label``.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._ready = False  # no reload for the filters' own start-up changes
        self.building = QComboBox(self)
        self.building.addItem(self.tr("All buildings"), None)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("Unit code starts with…"))
        self.min_amount = QLineEdit(self)
        self.min_amount.setPlaceholderText(self.tr("Min. yuan"))
        self.min_days = QSpinBox(self)
        self.min_days.setRange(0, 3650)
        self.min_days.setSuffix(self.tr(" days"))
        self.as_of = QDateEdit(self)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.total_label = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        bucket_names = (
            self.tr("≤30 days"),
            self.tr("31–90 days"),
            self.tr("91–180 days"),
            self.tr(">180 days"),
        )
        cols: list[tuple[str, object, bool]] = [
            (self.tr("Unit"), lambda r: r.unit_code, False),
            (self.tr("Building"), lambda r: r.building_name, False),
            (self.tr("Owed"), lambda r: yuan(r.owed_fen), True),
        ]
        for i, name in enumerate(bucket_names):
            cols.append((name, lambda r, i=i: yuan(r.buckets[i]) if r.buckets[i] else "", True))
        cols += [
            (self.tr("Oldest due"), lambda r: r.oldest_due.isoformat(), False),
            (self.tr("Late fee"), lambda r: yuan(r.late_fee_fen) if r.late_fee_fen else "", True),
        ]
        self.model: ListTableModel[ArrearsRow] = ListTableModel(
            cols,  # type: ignore[arg-type]
            highlight=lambda r: r.buckets[3] > 0,
            parent=self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(lambda _i: self.open_statement())

        statement = QPushButton(self.tr("Statemen&t…"), self)
        contact = QPushButton(self.tr("Log c&ontact…"), self)
        waive = QPushButton(self.tr("&Waive…"), self)  # a clerk's waiver: a manager approves
        letters = QPushButton(self.tr("Print &reminder letters…"), self)
        delivered = QPushButton(self.tr("Confirm deli&very…"), self)
        delivered.clicked.connect(self.confirm_delivery)
        export = QPushButton(self.tr("&Export to Excel…"), self)
        from ui.dashboard.exports import CALL_LIST_BUTTON

        calls = QPushButton(CALL_LIST_BUTTON.text(), self)
        calls.setObjectName("export_call_list")
        calls.setToolTip(CALL_LIST_BUTTON.tip())
        # where to save: the remembering save dialog (tests put a function here)
        self.ask_xlsx_path: Callable[[QWidget, str, str], str] | None = None
        statement.clicked.connect(self.open_statement)
        contact.clicked.connect(self.log_contact)
        waive.clicked.connect(self.waive)
        letters.clicked.connect(self.print_letters)
        export.clicked.connect(self.export)
        calls.clicked.connect(self.export_call_list)

        filters = QHBoxLayout()
        for label, w in (
            (self.tr("Building:"), self.building),
            (self.tr("Unit:"), self.code),
            (self.tr("Owed at least:"), self.min_amount),
            (self.tr("Overdue at least:"), self.min_days),
            (self.tr("As of:"), self.as_of),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(w)
        filters.addStretch(1)
        buttons = QHBoxLayout()
        for button in (statement, contact, waive, letters, delivered, export, calls):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total_label)
        layout.addLayout(buttons)

        self.building.currentIndexChanged.connect(self.refresh)
        self.code.returnPressed.connect(self.refresh)
        self.min_amount.returnPressed.connect(self.refresh)
        self.min_days.editingFinished.connect(self.refresh)
        self.as_of.dateChanged.connect(self.refresh)
        ctx.hub.changed.connect(self._on_changed)
        ctx.query(self._read_start, parent=self, action="arrears list").success(self._start).run()

    @staticmethod
    def _read_start(s: Session) -> tuple[date, list[BuildingInfo]]:
        return clock.today(s), reg.list_buildings(s)

    def _start(self, loaded: tuple[date, list[BuildingInfo]]) -> None:
        today, buildings = loaded
        for w in (self.building, self.as_of):
            w.blockSignals(True)
        for b in buildings:
            self.building.addItem(b.name, b.id)
        self.as_of.setDate(qdate(today))
        for w in (self.building, self.as_of):
            w.blockSignals(False)
        self._ready = True
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
        """Reload the list with the filters as set (on the worker)."""
        if not self._ready:
            return
        self.error.clear()
        min_text = self.min_amount.text()
        building = self.building.currentData()
        code = self.code.text()
        days = self.min_days.value()
        day = pydate(self.as_of.date())

        def read(s: Session) -> list[ArrearsRow]:
            min_fen = parse_yuan(min_text, "min") if min_text.strip() else 0
            return list(
                arrears_list(
                    s,
                    as_of=day,
                    building_id=building,
                    min_owed_fen=min_fen,
                    min_days=days,
                    code_prefix=code,
                )
            )

        self.ctx.query(read, parent=self, action="arrears list").success(self._show).failure(
            lambda exc: _shown_in(self.error, exc)
        ).run()

    def _show(self, rows: list[ArrearsRow]) -> None:
        self.model.set_rows(rows)
        self.total_label.setText(
            self.tr("{n} unit(s) in arrears, ¥{owed} owed, late fee ¥{fee}").format(
                n=len(rows),
                owed=yuan(sum(r.owed_fen for r in rows)),
                fee=yuan(sum(r.late_fee_fen for r in rows)),
            )
        )

    def apply_request(self, request: object) -> None:
        """Apply an :class:`ArrearsRequest` (other requests are ignored)."""
        if not isinstance(request, ArrearsRequest):
            return
        if request.as_of is not None:
            self.show_filtered(min_days=request.min_days, as_of=request.as_of)
            return
        min_days = request.min_days
        self.ctx.query(clock.today, parent=self).success(
            lambda day: self.show_filtered(min_days=min_days, as_of=day)
        ).run()

    def show_filtered(self, *, min_days: int = 0, as_of: date) -> None:
        """Show every unit in arrears on ``as_of`` overdue at least ``min_days``: clears the
        building, unit and amount filters, then reloads once."""
        day = as_of
        self._ready = True
        for w in (self.building, self.min_days, self.as_of):
            w.blockSignals(True)
        self.building.setCurrentIndex(0)
        self.code.clear()
        self.min_amount.clear()
        self.min_days.setValue(min_days)
        self.as_of.setDate(qdate(day))
        for w in (self.building, self.min_days, self.as_of):
            w.blockSignals(False)
        self.refresh()

    def current(self) -> ArrearsRow | None:
        idx = self.view.currentIndex()
        return self.model.row_value(idx.row()) if idx.isValid() else None

    def open_statement(self) -> None:
        row = self.current()
        if row is not None:
            from ui.fees.statement import StatementDialog

            dialog = StatementDialog(ctx=self.ctx, unit_id=row.unit_id, parent=self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

    def log_contact(self) -> None:
        row = self.current()
        if row is not None:
            ContactDialog(
                ctx=self.ctx, unit_id=row.unit_id, unit_code=row.unit_code, parent=self
            ).open()

    def confirm_delivery(self) -> None:
        """A letter or notice handed over or posted: log it, with its channel."""
        row = self.current()
        if row is not None:
            from ui.fees.delivery_dialog import DeliveryDialog

            DeliveryDialog(
                ctx=self.ctx, unit_id=row.unit_id, unit_code=row.unit_code, parent=self
            ).open()

    def waive(self) -> None:
        row = self.current()
        if row is not None:
            WaiveDialog(ctx=self.ctx, unit_id=row.unit_id, parent=self).open()

    def print_letters(self) -> None:
        from propdesk.archive.services import file_printed_batch
        from propdesk.fees.notices import (
            estate_header,
            letter_entries,
            log_notices,
            reminder_letters,
        )
        from reports.pdf.fee_notices import letters_pdf
        from ui.fees.print_job import PrintBatch, run_print_job

        building = self.building.currentData()
        day = pydate(self.as_of.date())

        def build(s: Session, progress: Progress) -> PrintBatch:
            letters = reminder_letters(s, as_of=day, building_id=building)
            pdf = letters_pdf(
                letters, estate_header(s), progress=lambda d, t: progress.update(d, t)
            )
            entries = letter_entries(letters)

            def record(w: Session, how: str) -> None:
                log_notices(w, entries, on=day, channel=how)
                file_printed_batch(w, [e[0] for e in entries], "letter", f"催缴函 {day}", pdf)

            return PrintBatch(pdf, record)

        run_print_job(
            self.ctx,
            self,
            build,
            title=self.tr("Reminder letters"),
            suggested_name=f"催缴函_{day}.pdf",
        )

    def export(self) -> None:
        """The arrears sheet (欠费明细表) on the day shown."""
        from ui.dashboard.exports import export_arrears_sheet

        export_arrears_sheet(
            self.ctx,
            self,
            as_of=pydate(self.as_of.date()),
            ask=self.ask_xlsx_path,
            title=self.tr("Export arrears"),
        )

    def export_call_list(self) -> None:
        """The arrears call list on the day shown (phones as the user may see them)."""
        from ui.dashboard.exports import export_call_list

        export_call_list(self.ctx, self, as_of=pydate(self.as_of.date()), ask=self.ask_xlsx_path)


class ContactDialog(QDialog):
    """Log a call or visit and the promised payment date."""

    def __init__(
        self, *, ctx: AppContext, unit_id: int, unit_code: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.setWindowTitle(self.tr("Contact about arrears – {0}").format(unit_code))
        self.kind = QComboBox(self)
        for key, zh in CONTACT_KINDS.items():
            self.kind.addItem(zh, key)
        self.day = QDateEdit(self)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.outcome = QLineEdit(self)
        self.promise = QDateEdit(self)
        self.promise.setDisplayFormat("yyyy-MM-dd")
        _set_today(ctx, self.day, self.promise)
        self.promise.setEnabled(False)
        from PySide6.QtWidgets import QCheckBox

        self.has_promise = QCheckBox(self.tr("Promised to pay by"), self)
        self.has_promise.toggled.connect(self.promise.setEnabled)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.tr("How:"), self.kind)
        form.addRow(self.tr("Date:"), self.day)
        form.addRow(self.tr("Outcome:"), self.outcome)
        form.addRow(self.has_promise, self.promise)
        form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Save)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self.keys = install_dialog_keys(self, default=self.ok_button)  # pressed once, while enabled
        form.addRow(box)

    def save(self) -> None:
        """Record the contact; the dialog closes only when it was saved."""
        promised = pydate(self.promise.date()) if self.has_promise.isChecked() else None
        unit_id, day = self.unit_id, pydate(self.day.date())
        kind, outcome = str(self.kind.currentData()), self.outcome.text()
        self.ctx.op(
            lambda s: record_contact(
                s,
                unit_id=unit_id,
                contact_date=day,
                kind=kind,
                outcome=outcome,
                promised_date=promised,
            ),
            changes=Changes(fees=True),
            parent=self,
            action="log contact",
        ).busy(self.ok_button).success(lambda _r: self.accept()).failure(
            lambda exc: _shown_in(self.error, exc)
        ).run()


class WaiveDialog(QDialog):
    """A manager waives part of an open line, or its late fee, with a reason.

    Anyone without the waive right (a clerk) gets the approval fields: a manager types their
    username and password, checked in the core for this line only (主管授权).
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Waive arrears"))
        self.line = QComboBox(self)
        self.what = QComboBox(self)
        self.what.addItem(self.tr("Part of the amount owed"), "arrears")
        self.what.addItem(self.tr("The whole late fee"), "late_fee")
        self.amount = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.what.currentIndexChanged.connect(
            lambda _i: self.amount.setEnabled(self.what.currentData() == "arrears")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Line:"), self.line)
        form.addRow(self.tr("Waive:"), self.what)
        form.addRow(self.tr("Amount (yuan):"), self.amount)
        form.addRow(self.tr("Reason:"), self.reason)
        self.approval: ApprovalFields | None = None
        if not ctx.can(Permission.WAIVE):
            self.approval = ApprovalFields(
                note=self.tr("A waiver needs a manager: they enter their username and password.")
            )
            form.addRow(self.approval)
        form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = box.button(QDialogButtonBox.StandardButton.Ok)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self.keys = install_dialog_keys(self, default=self.ok_button)  # pressed once, while enabled
        form.addRow(box)
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.ok_button.setEnabled(False)  # until the open lines are there
        ctx.query(lambda s: unit_arrears(s, unit_id), parent=self, action="waive").success(
            self._fill
        ).run()

    def _fill(self, account: UnitArrears) -> None:
        for line in account.lines:
            self.line.addItem(
                f"{line.period} {line.item_name} ¥{yuan(line.owed_fen)}"
                + (f"（滞纳金 ¥{yuan(line.late_fee_fen)}）" if line.late_fee_fen else ""),
                line.line_id,
            )
        self.ok_button.setEnabled(True)

    def save(self) -> None:
        """Waive; the dialog closes only when it was saved (a refusal is shown in it)."""
        line_id = self.line.currentData()
        if line_id is None:
            self.reject()
            return
        reason = self.reason.text()
        late_fee = self.what.currentData() == "late_fee"
        amount_text = self.amount.text()
        grant = (
            self.approval.grant(ApprovalAction.WAIVE, waiver_record(line_id, late_fee=late_fee))
            if self.approval is not None
            else None
        )

        def work(s: Session) -> object:
            token = None
            if grant is not None:
                outcome = grant(s)
                if not outcome.ok:
                    return outcome  # committed: counts towards this desk's limit
                token = outcome.token
            if late_fee:
                return waive_late_fee(s, line_id=line_id, reason=reason, approval=token)
            amount = parse_yuan(amount_text, "amount_fen")
            return waive_arrears(
                s, line_id=line_id, amount_fen=amount, reason=reason, approval=token
            )

        self.ctx.op(work, changes=Changes(fees=True), parent=self, action="waive").busy(
            self.ok_button
        ).success(self._done).failure(lambda exc: _shown_in(self.error, exc)).run()

    def _done(self, result: object) -> None:
        if isinstance(result, ApprovalOutcome):  # refused: the dialog keeps its input
            self.error.setText(result.message)
            self.error.setVisible(True)
            if self.approval is not None:
                field = self.approval.refused(result)
                if field is not None:
                    field.setFocus()
            return
        self.accept()
