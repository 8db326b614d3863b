"""Billing and rates settings: run a month's billing, rates by date, late fee and reminders,
discount rules, and batch printing of payment notices."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
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
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.fees.billing import BillingResult, billed_periods, run_billing
from propdesk.fees.billing_plan import BillingPlan, plan_billing
from propdesk.fees.discounts import (
    DiscountInfo,
    add_discount_rule,
    list_discount_rules,
    set_discount_active,
)
from propdesk.fees.items import list_items, list_rates, set_rate
from propdesk.fees.models import ItemKind
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.periods import period_of
from propdesk.fees.settings import FeeSettings, get_fee_settings, save_fee_settings
from propdesk.fees.values import FeeItemInfo, RateInfo
from propdesk.progress import Progress
from propdesk.registry import services as reg
from propdesk.registry.values import BuildingInfo
from ui.common.dates import from_qdate as pydate
from ui.common.dates import to_qdate as qdate
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext
from ui.fees.billing_confirm import BillingConfirmDialog
from ui.fees.billing_runs import BillingRunsBox
from ui.fees.list_model import ListTableModel


class BillingPage(QWidget):
    """Attributes: ``month`` and ``run_button`` (billing), ``rates`` model, settings editors."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        # --- billing run -------------------------------------------------------------
        run_box = QGroupBox(self.tr("Billing run"), self)
        self.month = QLineEdit(run_box)
        self.run_button = QPushButton(self.tr("&Run billing"), run_box)
        self.run_button.setEnabled(ctx.can(Permission.RUN_BILLING))
        self.run_result = QLabel(run_box)
        self.run_result.setWordWrap(True)
        self.periods_label = QLabel(run_box)
        self.notice_building = QComboBox(run_box)
        self.notice_building.addItem(self.tr("Whole estate"), None)
        notices = QPushButton(self.tr("Print pa&yment notices…"), run_box)
        row = QHBoxLayout(run_box)
        row.addWidget(QLabel(self.tr("Month:"), run_box))
        row.addWidget(self.month)
        row.addWidget(self.run_button)
        row.addWidget(self.notice_building)
        row.addWidget(notices)
        row.addWidget(self.run_result, 1)
        # Enter in the month field does not start a run: only the button does, and it asks.
        self.run_button.clicked.connect(self.run)
        self.confirm_dialog: BillingConfirmDialog | None = None
        notices.clicked.connect(self.print_notices)

        # --- rates -------------------------------------------------------------------
        rate_box = QGroupBox(
            self.tr("Rates (a change applies from its date; past bills keep theirs)"), self
        )
        self.rates: ListTableModel[RateInfo] = ListTableModel(
            [
                (self.tr("Item"), lambda r: r.item_name, False),
                (self.tr("From"), lambda r: r.effective_from.isoformat(), False),
                (self.tr("Rate (yuan)"), lambda r: yuan(r.rate_fen), True),
            ],
            parent=self,
        )
        rate_view = QTableView(rate_box)
        rate_view.setModel(self.rates)
        rate_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rate_view.verticalHeader().setVisible(False)
        rate_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.item = QComboBox(rate_box)
        self.rate_from = QDateEdit(rate_box)
        self.rate_from.setDisplayFormat("yyyy-MM-dd")
        self.rate_value = QLineEdit(rate_box)
        self.rate_value.setPlaceholderText(self.tr("yuan per m², per unit or per m³/kWh"))
        add_rate = QPushButton(self.tr("Add ra&te"), rate_box)
        add_rate.setEnabled(ctx.can(Permission.MANAGE_FEES))
        add_rate.clicked.connect(self.add_rate)
        self.rate_value.returnPressed.connect(self.add_rate)
        self.rate_error = QLabel(rate_box)
        self.rate_error.setStyleSheet(ERROR_STYLE)
        rate_form = QHBoxLayout()
        for w in (self.item, self.rate_from, self.rate_value, add_rate):
            rate_form.addWidget(w)
        rate_layout = QVBoxLayout(rate_box)
        rate_layout.addWidget(rate_view)
        rate_layout.addLayout(rate_form)
        rate_layout.addWidget(self.rate_error)

        # --- late fee and reminders --------------------------------------------------
        cfg_box = QGroupBox(self.tr("Late fee and reminders"), self)
        self.late_enabled = QCheckBox(self.tr("Charge a late fee"), cfg_box)
        self.late_rate = QSpinBox(cfg_box)
        self.late_rate.setRange(0, 100)
        self.late_rate.setPrefix(self.tr("Rate "))  # 万分之5/天 in Chinese, as clerks say it
        self.late_rate.setSuffix(self.tr(" ‱ per day"))
        self.grace = QSpinBox(cfg_box)
        self.grace.setRange(0, 365)
        self.days = [QSpinBox(cfg_box) for _ in range(3)]
        for s in self.days:
            s.setRange(1, 3650)
        self.min_amount = QLineEdit(cfg_box)
        save = QPushButton(self.tr("Sa&ve settings"), cfg_box)
        save.setEnabled(ctx.can(Permission.MANAGE_SETTINGS))
        save.clicked.connect(self.save_settings)
        self.cfg_error = QLabel(cfg_box)
        self.cfg_error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(cfg_box)
        form.addRow(self.late_enabled)
        form.addRow(self.tr("Daily rate:"), self.late_rate)
        form.addRow(self.tr("Grace days after due date:"), self.grace)
        form.addRow(self.tr("1st reminder after (days):"), self.days[0])
        form.addRow(self.tr("2nd reminder after (days):"), self.days[1])
        form.addRow(self.tr("Final reminder after (days):"), self.days[2])
        form.addRow(self.tr("No reminder below (yuan):"), self.min_amount)
        form.addRow(save, self.cfg_error)
        self.print_settings_button = QPushButton(self.tr("Printing settings…"), cfg_box)
        self.print_settings_button.setEnabled(ctx.can(Permission.MANAGE_SETTINGS))
        self.print_settings_button.clicked.connect(self.open_print_settings)
        form.addRow(self.print_settings_button)

        # --- prepayment discounts -------------------------------------------------------
        disc_box = QGroupBox(self.tr("Prepayment discounts"), self)
        self.discounts: ListTableModel[DiscountInfo] = ListTableModel(
            [
                (self.tr("Name"), lambda d: d.name, False),
                (self.tr("Item"), lambda d: d.item_name, False),
                (self.tr("Prepay months"), lambda d: str(d.min_months), True),
                (self.tr("Free months"), lambda d: str(d.free_months), True),
                (self.tr("Active"), lambda d: self.tr("Yes") if d.active else self.tr("No"), False),
            ],
            parent=self,
        )
        self.disc_view = QTableView(disc_box)
        self.disc_view.setModel(self.discounts)
        self.disc_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.disc_view.verticalHeader().setVisible(False)
        self.disc_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.disc_name = QLineEdit(disc_box)
        self.disc_name.setPlaceholderText(self.tr("e.g. prepay a year, one month free"))
        self.disc_item = QComboBox(disc_box)
        for i in range(self.item.count()):
            if self.item.itemData(i) not in ("water", "electricity"):
                self.disc_item.addItem(self.item.itemText(i), self.item.itemData(i))
        self.disc_min = QSpinBox(disc_box)
        self.disc_min.setRange(2, 36)
        self.disc_min.setValue(12)
        self.disc_free = QSpinBox(disc_box)
        self.disc_free.setRange(1, 35)
        add_disc = QPushButton(self.tr("Add &discount"), disc_box)
        toggle = QPushButton(self.tr("Switch on/off"), disc_box)
        for button in (add_disc, toggle):
            button.setEnabled(ctx.can(Permission.MANAGE_SETTINGS))
        add_disc.clicked.connect(self.add_discount)
        toggle.clicked.connect(self.toggle_discount)
        self.disc_error = QLabel(disc_box)
        self.disc_error.setStyleSheet(ERROR_STYLE)
        disc_form = QHBoxLayout()
        disc_widgets: tuple[QWidget, ...] = (
            self.disc_name,
            self.disc_item,
            self.disc_min,
            self.disc_free,
            add_disc,
            toggle,
        )
        for widget in disc_widgets:
            disc_form.addWidget(widget)
        disc_layout = QVBoxLayout(disc_box)
        disc_layout.addWidget(self.disc_view)
        disc_layout.addLayout(disc_form)
        disc_layout.addWidget(self.disc_error)
        rate_layout.addWidget(disc_box)

        lower = QHBoxLayout()
        lower.addWidget(rate_box, 3)
        lower.addWidget(cfg_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(run_box)
        layout.addWidget(self.periods_label)
        # --- recent billing runs, reversing an unpaid one (ui/fees/billing_runs.py) ----
        self.runs_box = BillingRunsBox(ctx=ctx, parent=self)
        layout.addWidget(self.runs_box)
        layout.addLayout(lower, 1)
        ctx.hub.changed.connect(self._on_changed)
        ctx.query(self._read_choices, parent=self, action="billing page").success(
            self._show_choices
        ).run()
        self.refresh()

    @staticmethod
    def _read_choices(s: Session) -> tuple[date, list[BuildingInfo], list[FeeItemInfo]]:
        return clock.today(s), reg.list_buildings(s), list(list_items(s))

    def _show_choices(self, loaded: tuple[date, list[BuildingInfo], list[FeeItemInfo]]) -> None:
        today, buildings, items = loaded
        self.month.setText(period_of(today))
        self.rate_from.setDate(qdate(today.replace(day=1)))
        for b in buildings:
            self.notice_building.addItem(b.name, b.id)
        for it in items:
            if it.kind != ItemKind.ONE_OFF:
                self.item.addItem(it.name, it.code)

    def _on_changed(self, changes: Changes) -> None:
        if changes.fees or changes.settings:
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
        """Reload rates, discount rules, billed months, settings and runs on the worker."""

        def read(
            s: Session,
        ) -> tuple[list[RateInfo], list[DiscountInfo], list[tuple[str, int, int]], FeeSettings]:
            return (
                list(list_rates(s)),
                list(list_discount_rules(s)),
                list(billed_periods(s))[:6],
                get_fee_settings(s),
            )

        self.ctx.query(read, parent=self, action="billing settings").success(self._show).run()
        self.runs_box.refresh()

    def _show(
        self,
        loaded: tuple[list[RateInfo], list[DiscountInfo], list[tuple[str, int, int]], FeeSettings],
    ) -> None:
        rates, discounts, periods, cfg = loaded
        self.rates.set_rows(rates)
        self.discounts.set_rows(discounts)
        self.periods_label.setText(
            self.tr("Billed months: {0}").format(
                "   ".join(f"{p} ({n}, ¥{yuan(a)})" for p, n, a in periods) or "—"
            )
        )
        self.late_enabled.setChecked(cfg.late_fee_enabled)
        self.late_rate.setValue(cfg.late_fee_rate_per_10k)
        self.grace.setValue(cfg.grace_days)
        for box, v in zip(
            self.days,
            (cfg.reminder_days_1, cfg.reminder_days_2, cfg.reminder_days_final),
            strict=True,
        ):
            box.setValue(v)
        self.min_amount.setText(yuan(cfg.reminder_min_fen).replace(",", ""))

    def add_discount(self) -> None:
        self.disc_error.clear()
        name, code = self.disc_name.text(), str(self.disc_item.currentData())
        months, free = self.disc_min.value(), self.disc_free.value()
        self.ctx.op(
            lambda s: add_discount_rule(
                s, name=name, item_code=code, min_months=months, free_months=free
            ),
            changes=Changes(fees=True),
            parent=self,
            action="add discount rule",
        ).success(lambda _id: self.disc_name.clear()).failure(
            lambda exc: _shown_in(self.disc_error, exc)
        ).run()

    def toggle_discount(self) -> None:
        idx = self.disc_view.currentIndex()
        if not idx.isValid():
            return
        rule = self.discounts.row_value(idx.row())
        self.ctx.op(
            lambda s: set_discount_active(s, rule.id, not rule.active),
            changes=Changes(fees=True),
            parent=self,
            action="switch discount rule",
        ).failure(lambda exc: _shown_in(self.disc_error, exc)).run()

    def run(self) -> None:
        """Plan the month on the worker, then ask (count, amount, missing readings) before
        writing anything; the month field is never changed by a run."""
        if not self.run_button.isEnabled():
            return
        month = self.month.text()
        self.run_result.clear()
        self.ctx.query(lambda s: plan_billing(s, month), parent=self, action="plan billing").busy(
            self.run_button
        ).success(self._confirm).failure(lambda exc: _shown_in(self.run_result, exc)).run()

    def _confirm(self, plan: BillingPlan) -> None:
        if not plan.lines:
            text = self.tr("{0}: already billed, nothing new.").format(plan.period)
            if plan.missing:
                text += " " + self.tr("{0} meter(s) still without a reading.").format(
                    len(plan.missing)
                )
            self.run_result.setText(text)
            return
        dialog = BillingConfirmDialog(plan=plan, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_dialog = dialog
        dialog.accepted.connect(lambda: self._write(plan, dialog.skip_meters))
        dialog.finished.connect(lambda _r: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: BillingConfirmDialog) -> None:
        if self.confirm_dialog is dialog:
            self.confirm_dialog = None

    def _write(self, plan: BillingPlan, skip_meters: bool) -> None:
        """Bill the month as a long operation: progress by chunk, Cancel rolls it all back."""
        month = plan.period
        skip = plan.metered_codes if skip_meters else ()
        label = self.tr("Billing {0}…").format(month)
        self.run_result.setText(label)

        def work(s: Session, progress: Progress) -> BillingResult:
            def chunk(done: int) -> None:
                # raises OperationCancelled after Cancel: the transaction rolls back
                progress.update(
                    done, None, self.tr("Billing {0}: {1} unit(s)…").format(month, done)
                )

            return run_billing(s, month, on_chunk=chunk, skip_items=skip)

        def done(result: BillingResult) -> None:
            text = self.tr("{period}: {n} line(s), ¥{amount}.").format(
                period=result.period, n=result.lines_created, amount=yuan(result.amount_fen)
            )
            if not result.lines_created:
                text = self.tr("{0}: already billed, nothing new.").format(result.period)
            if skip_meters:
                text += " " + self.tr("Water/electricity left for a later run.")
            self.run_result.setText(text)

        def cancelled() -> None:
            if self.run_result.text() == label:  # neither done nor failed: cancelled
                self.run_result.setText(self.tr("Billing cancelled; nothing was billed."))

        def failed(exc: BaseException) -> bool:
            self.run_result.clear()  # cancelled, or the handler shows why
            return _shown_in(self.run_result, exc)

        self.ctx.long_op(
            work, label=label, changes=Changes(fees=True), parent=self, action="run billing"
        ).busy(self.run_button).success(done).failure(failed).finally_(cancelled).run()

    def add_rate(self) -> None:
        self.rate_error.clear()
        text = self.rate_value.text()
        code = str(self.item.currentData())
        day = pydate(self.rate_from.date())

        def save(s: Session) -> object:
            fen = parse_yuan(text, "rate_fen")
            return set_rate(s, item_code=code, effective_from=day, rate_fen=fen)

        self.ctx.op(save, changes=Changes(fees=True), parent=self, action="add rate").success(
            lambda _r: self.rate_value.clear()
        ).failure(lambda exc: _shown_in(self.rate_error, exc)).run()

    def save_settings(self) -> None:
        self.cfg_error.clear()
        enabled, rate, grace = (
            self.late_enabled.isChecked(),
            self.late_rate.value(),
            self.grace.value(),
        )
        days = [box.value() for box in self.days]
        minimum = self.min_amount.text() or "0"

        def save(s: Session) -> None:
            cfg = replace(  # the settings edited elsewhere (printing) are kept
                get_fee_settings(s),
                late_fee_enabled=enabled,
                late_fee_rate_per_10k=rate,
                grace_days=grace,
                reminder_days_1=days[0],
                reminder_days_2=days[1],
                reminder_days_final=days[2],
                reminder_min_fen=parse_yuan(minimum, "reminder_min_fen"),
            )
            save_fee_settings(s, cfg)

        self.ctx.op(
            save, changes=Changes(fees=True, settings=True), parent=self, action="fee settings"
        ).failure(lambda exc: _shown_in(self.cfg_error, exc)).run()

    def open_print_settings(self) -> None:
        """Letter numbers, payment accounts and QR code, receipt copies, hotline."""
        from ui.fees.print_settings import PrintSettingsDialog

        self.print_settings = PrintSettingsDialog(ctx=self.ctx, parent=self)
        self.print_settings.open()

    def print_notices(self) -> None:
        from propdesk.archive.services import file_printed_batch
        from propdesk.fees.notices import (
            estate_header,
            log_notices,
            notice_entries,
            notice_pages,
        )
        from reports.pdf.fee_notices import notices_pdf
        from ui.fees.print_job import PrintBatch, run_print_job

        month = self.month.text()
        building = self.notice_building.currentData()

        def build(s: Session, progress: Progress) -> PrintBatch:
            pages = notice_pages(s, month, building_id=building)
            pdf = notices_pdf(
                pages,
                estate_header(s),
                progress=lambda d, t: progress.update(d, t),
                printed_at=clock.now(s),
            )
            entries = notice_entries(pages)

            def record(w: Session, how: str) -> None:
                log_notices(w, entries, channel=how)
                file_printed_batch(w, [e[0] for e in entries], "letter", f"缴费通知单 {month}", pdf)

            return PrintBatch(pdf, record)

        run_print_job(
            self.ctx,
            self,
            build,
            title=self.tr("Payment notices {0}").format(month),
            suggested_name=f"缴费通知单_{month}.pdf",
        )


def _shown_in(label: QLabel, exc: BaseException) -> bool:
    """Show a service's refusal in ``label`` (True); anything else goes to the common handler."""
    if isinstance(exc, DomainError):
        label.setText(str(exc))
        return True
    return False
