"""The arrears list (欠费清单): filters in SQL, then the contact log, reminders and waivers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
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

from propdesk.auth.permissions import Permission
from propdesk.clock import local_today
from propdesk.errors import DomainError
from propdesk.fees.arrears import (
    ArrearsRow,
    arrears_list,
    unit_arrears,
    waive_arrears,
    waive_late_fee,
)
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.notices import CONTACT_KINDS, record_contact
from propdesk.registry import services as reg
from ui.common.dates import from_qdate as pydate
from ui.common.dates import to_qdate as qdate
from ui.common.forms import ERROR_STYLE, show_error
from ui.context import AppContext
from ui.events import Changes
from ui.fees.list_model import ListTableModel


class ArrearsPage(QWidget):
    """Units in arrears with age buckets and late fee; filters apply on Enter or change.

    Attributes: ``model`` (rows of :class:`ArrearsRow`), ``view``, ``total_label``.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.building = QComboBox(self)
        self.building.addItem(self.tr("All buildings"), None)
        for b in ctx.read(reg.list_buildings):
            self.building.addItem(b.name, b.id)
        self.code = QLineEdit(self)
        self.code.setPlaceholderText(self.tr("Unit code starts with…"))
        self.min_amount = QLineEdit(self)
        self.min_amount.setPlaceholderText(self.tr("Min. yuan"))
        self.min_days = QSpinBox(self)
        self.min_days.setRange(0, 3650)
        self.min_days.setSuffix(self.tr(" days"))
        self.as_of = QDateEdit(qdate(local_today()), self)
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

        statement = QPushButton(self.tr("&Statement…"), self)
        contact = QPushButton(self.tr("Log &contact…"), self)
        waive = QPushButton(self.tr("&Waive…"), self)
        waive.setVisible(ctx.can(Permission.WAIVE))
        letters = QPushButton(self.tr("Print &reminder letters…"), self)
        export = QPushButton(self.tr("&Export to Excel…"), self)
        statement.clicked.connect(self.open_statement)
        contact.clicked.connect(self.log_contact)
        waive.clicked.connect(self.waive)
        letters.clicked.connect(self.print_letters)
        export.clicked.connect(self.export)

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
        for button in (statement, contact, waive, letters, export):
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
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("fees", "payments", "units"):
            self.refresh()

    def refresh(self) -> None:
        self.error.clear()
        try:
            min_fen = (
                parse_yuan(self.min_amount.text(), "min") if self.min_amount.text().strip() else 0
            )
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        building = self.building.currentData()
        code = self.code.text()
        days = self.min_days.value()
        day = pydate(self.as_of.date())
        rows = self.ctx.read(
            lambda s: arrears_list(
                s,
                as_of=day,
                building_id=building,
                min_owed_fen=min_fen,
                min_days=days,
                code_prefix=code,
            )
        )
        self.model.set_rows(rows)
        self.total_label.setText(
            self.tr("{n} unit(s) in arrears, ¥{owed} owed, late fee ¥{fee}").format(
                n=len(rows),
                owed=yuan(sum(r.owed_fen for r in rows)),
                fee=yuan(sum(r.late_fee_fen for r in rows)),
            )
        )

    def show_filtered(self, *, min_days: int = 0, as_of: date | None = None) -> None:
        """Show every unit in arrears on ``as_of`` (default today) overdue at least
        ``min_days``: clears the building, unit and amount filters, then reloads once."""
        day = as_of or local_today()
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

            StatementDialog(ctx=self.ctx, unit_id=row.unit_id, parent=self).open()

    def log_contact(self) -> None:
        row = self.current()
        if row is not None:
            ContactDialog(
                ctx=self.ctx, unit_id=row.unit_id, unit_code=row.unit_code, parent=self
            ).open()

    def waive(self) -> None:
        row = self.current()
        if row is not None:
            WaiveDialog(ctx=self.ctx, unit_id=row.unit_id, parent=self).open()

    def print_letters(self) -> None:
        from propdesk.fees.notices import estate_header, log_notices, reminder_letters
        from reports.pdf.fee_notices import letters_pdf
        from ui.fees.print_job import run_print_job

        building = self.building.currentData()
        day = pydate(self.as_of.date())

        def build(s: Session) -> bytes:
            letters = reminder_letters(s, as_of=day, building_id=building)
            pdf = letters_pdf(letters, estate_header(s))
            log_notices(
                s, [(x.unit_id, "reminder", x.level, "", x.owed_fen) for x in letters], on=day
            )
            return pdf

        run_print_job(
            self.ctx,
            self,
            build,
            title=self.tr("Reminder letters"),
            suggested_name=f"催缴函_{day}.pdf",
        )

    def export(self) -> None:
        from propdesk.fees.exports import arrears_sheet_rows
        from reports.excel.fees import write_arrears_sheet

        day = pydate(self.as_of.date())
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export arrears"), f"欠费明细表_{day}.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        try:
            self.ctx.read(lambda s: write_arrears_sheet(arrears_sheet_rows(s, day), path))
        except (DomainError, OSError) as exc:
            show_error(self, exc)


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
        self.day = QDateEdit(qdate(local_today()), self)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.outcome = QLineEdit(self)
        self.promise = QDateEdit(qdate(local_today()), self)
        self.promise.setDisplayFormat("yyyy-MM-dd")
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
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        form.addRow(box)

    def save(self) -> None:
        promised = pydate(self.promise.date()) if self.has_promise.isChecked() else None
        try:
            self.ctx.write(
                lambda s: record_contact(
                    s,
                    unit_id=self.unit_id,
                    contact_date=pydate(self.day.date()),
                    kind=str(self.kind.currentData()),
                    outcome=self.outcome.text(),
                    promised_date=promised,
                ),
                "fees",
            )
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class WaiveDialog(QDialog):
    """A manager waives part of an open line, or its late fee, with a reason."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Waive arrears"))
        self.line = QComboBox(self)
        for line in ctx.read(lambda s: unit_arrears(s, unit_id)).lines:
            self.line.addItem(
                f"{line.period} {line.item_name} ¥{yuan(line.owed_fen)}"
                + (f"（滞纳金 ¥{yuan(line.late_fee_fen)}）" if line.late_fee_fen else ""),
                line.line_id,
            )
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
        form.addRow(self.error)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.error.setAlignment(Qt.AlignmentFlag.AlignLeft)

    def save(self) -> None:
        line_id = self.line.currentData()
        if line_id is None:
            self.reject()
            return
        try:
            if self.what.currentData() == "late_fee":
                self.ctx.write(
                    lambda s: waive_late_fee(s, line_id=line_id, reason=self.reason.text()), "fees"
                )
            else:
                amount = parse_yuan(self.amount.text(), "amount_fen")
                self.ctx.write(
                    lambda s: waive_arrears(
                        s, line_id=line_id, amount_fen=amount, reason=self.reason.text()
                    ),
                    "fees",
                )
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
