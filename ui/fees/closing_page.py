"""The 关账 / 日结 tab: the cashier's daily close (counted cash, print) and the period close."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import ValidationError
from propdesk.fees.closing import ClosedMonth, closed_months
from propdesk.fees.daily_close import (
    DayClose,
    cashiers_on,
    close_day,
    day_close,
    own_cashier_name,
)
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.notices import estate_header
from propdesk.reporting.period_close import close_month
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext
from ui.printing.preview import preview_pdf


def _numbers(numbers: tuple[str, ...]) -> str:
    """``YJ…01–YJ…03`` (first and last of the numbers issued), or ``–`` when none."""
    if not numbers:
        return "–"
    return numbers[0] if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"


class ClosingPage(QWidget):
    """Daily close of the signed-in cashier and the month close.

    Attributes: ``day``, ``counted``, ``note``, ``summary``, ``close_day_button``,
    ``print_button``, ``month``, ``close_month_button``, ``closed_list``, ``error``.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self.current: DayClose | None = None
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        # Whose day: one's own by default; finance and managers review and close the others'.
        self.cashier = QComboBox(self)
        self.cashier.setObjectName("closing_cashier")
        self.counted = QLineEdit(self)
        self.counted.setPlaceholderText(self.tr("Cash counted in the drawer (yuan)"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Explain any difference"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.close_day_button = QPushButton(self.tr("Close the &day"), self)
        self.print_button = QPushButton(self.tr("Print daily repo&rt"), self)
        self.month = QLineEdit(self)
        self.month.setPlaceholderText("2026-11")
        self.close_month_button = QPushButton(self.tr("Close the m&onth"), self)
        self.closed_list = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)

        day_box = QGroupBox(self.tr("Daily close"), self)
        form = QFormLayout(day_box)
        form.addRow(self.tr("Da&y"), self.day)
        form.addRow(self.tr("Cashi&er"), self.cashier)
        form.addRow(self.summary)
        form.addRow(self.tr("Cash co&unted"), self.counted)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_day_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        month_box = QGroupBox(self.tr("Period close"), self)
        mform = QFormLayout(month_box)
        mform.addRow(self.tr("Mon&th"), self.month)
        mform.addRow(self.close_month_button)
        mform.addRow(self.tr("Closed months"), self.closed_list)
        layout = QVBoxLayout(self)
        layout.addWidget(day_box)
        layout.addWidget(month_box)
        layout.addWidget(self.error)
        layout.addStretch(1)

        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.cashier.activated.connect(lambda _i: self.refresh())
        self.counted.returnPressed.connect(self.note.setFocus)
        self.note.returnPressed.connect(self.close_the_day)
        self.close_day_button.clicked.connect(self.close_the_day)
        self.print_button.clicked.connect(self.print_day)
        self.month.returnPressed.connect(self.close_the_month)
        self.close_month_button.clicked.connect(self.close_the_month)
        ctx.hub.changed.connect(self._on_changed)
        ctx.query(clock.today, parent=self, action="daily close").success(self._start).run()

    def _start(self, today: date) -> None:
        self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setMaximumDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.fees or changes.renovation or changes.keys):  # deposits change these
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def selected_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def selected_cashier(self) -> str | None:
        """The cashier whose day is shown (``None``: the signed-in user's own)."""
        name = self.cashier.currentData()
        return str(name) if name else None

    def refresh(self) -> None:
        self._stale = False
        day = self.selected_day()
        chosen = self.selected_cashier()

        def read(s: Session) -> tuple[DayClose, list[ClosedMonth], list[str], str]:
            own = own_cashier_name(s)
            return (
                day_close(s, day=day, cashier=chosen or own),
                closed_months(s),
                sorted(set(cashiers_on(s, day)) | {own}),
                own,
            )

        self.ctx.query(read, parent=self, action="daily close").success(self._show).run()

    def _fill_cashiers(self, names: list[str], own: str, shown: str) -> None:
        self.cashier.blockSignals(True)
        self.cashier.clear()
        for name in names:
            label = self.tr("{0} (me)").format(name) if name == own else name
            self.cashier.addItem(label, name)
        self.cashier.setCurrentIndex(max(0, self.cashier.findData(shown)))
        self.cashier.blockSignals(False)

    def _show(self, result: tuple[DayClose, list[ClosedMonth], list[str], str]) -> None:
        close, months, names, own = result
        self._fill_cashiers(names, own, close.figures.cashier)
        self.current = close
        f = close.figures
        methods = "，".join(f"{m.label} {m.receipts} 笔 {yuan(m.amount_fen)}" for m in f.by_method)
        lines = [
            self.tr("{0} receipts {1}–{2}").format(f.receipts, f.first_receipt, f.last_receipt)
            if f.receipts
            else self.tr("No receipts"),
            methods,
            self.tr("Voided that day: {0} ({1})").format(len(f.voids), yuan(f.voids_fen)),
        ]
        if f.deposit_receipts or f.deposit_slips:
            lines += [
                self.tr("Deposits received: {0} ({1})").format(
                    "，".join(f"{m.label} {yuan(m.amount_fen)}" for m in f.deposits_received)
                    or yuan(0),
                    _numbers(f.deposit_receipts),
                ),
                self.tr("Deposits refunded: {0} ({1})").format(
                    "，".join(f"{m.label} {yuan(m.amount_fen)}" for m in f.deposits_refunded)
                    or yuan(0),
                    _numbers(f.deposit_slips),
                ),
                self.tr("Cash expected: {0} (fees {1}, deposits {2})").format(
                    yuan(f.cash_expected_fen),
                    yuan(f.fee_cash_fen),
                    yuan(f.cash_expected_fen - f.fee_cash_fen),
                ),
            ]
        else:
            lines.append(self.tr("Cash expected: {0}").format(yuan(f.cash_expected_fen)))
        if close.closed and close.cash_counted_fen is not None:
            lines.append(
                self.tr("Closed: counted {0}, difference {1}").format(
                    yuan(close.cash_counted_fen), yuan(close.difference_fen or 0)
                )
            )
        self.summary.setText("\n".join(line for line in lines if line))
        for w in (self.counted, self.note, self.close_day_button):
            w.setEnabled(not close.closed)
        self.closed_list.setText("、".join(m.period for m in months) or self.tr("None"))

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            self.error.setText(str(exc))
            return True
        return False

    def close_the_day(self) -> None:
        self.error.clear()
        day = self.selected_day()
        chosen = self.selected_cashier()
        text, note = self.counted.text(), self.note.text()

        def act(s: Session) -> DayClose:
            counted = parse_yuan(text, "cash_counted")
            return close_day(s, day=day, cash_counted_fen=counted, note=note, cashier=chosen)

        def done(_close: DayClose) -> None:
            self.counted.clear()
            self.note.clear()
            self.refresh()

        self.ctx.op(act, changes=Changes(fees=True), parent=self, action="close day").success(
            done
        ).failure(self._refused).busy(self.close_day_button).run()

    def close_the_month(self) -> None:
        self.error.clear()
        month = self.month.text()

        def done(_m: ClosedMonth) -> None:
            self.month.clear()
            self.refresh()

        self.ctx.op(
            lambda s: close_month(s, month),
            changes=Changes(fees=True),
            parent=self,
            action="close month",
        ).success(done).failure(self._refused).busy(self.close_month_button).run()

    def print_day(self) -> None:
        day = self.selected_day()
        chosen = self.selected_cashier()

        def make(s: Session) -> bytes:
            from reports.pdf.daily_close import daily_close_pdf  # ReportLab: on first use

            header = estate_header(s)
            return daily_close_pdf(
                day_close(s, day=day, cashier=chosen),
                estate_name=header.name,
                company=header.company,
            )

        preview_pdf(
            self.ctx,
            make,
            title=self.tr("Daily cash report"),
            suggested_name=f"日结-{day.isoformat()}.pdf",
            parent=self,
        )
