"""Billing and rates settings: run a month's billing, rates by date, late fee and reminders,
discount rules, and batch printing of payment notices."""

from __future__ import annotations

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

from propdesk.auth.permissions import Permission
from propdesk.clock import local_today
from propdesk.errors import DomainError
from propdesk.fees.billing import BillingResult, billed_periods, run_billing
from propdesk.fees.discounts import (
    DiscountInfo,
    add_discount_rule,
    list_discount_rules,
    set_discount_active,
)
from propdesk.fees.items import list_items, list_rates, set_rate
from propdesk.fees.models import ItemKind
from propdesk.fees.money import parse_yuan, yuan
from propdesk.fees.periods import add_months, period_of
from propdesk.fees.settings import FeeSettings, get_fee_settings, save_fee_settings
from propdesk.fees.values import RateInfo
from propdesk.registry import services as reg
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext
from ui.events import Changes
from ui.fees.arrears_page import pydate, qdate
from ui.fees.list_model import ListTableModel


class BillingPage(QWidget):
    """Attributes: ``month`` and ``run_button`` (billing), ``rates`` model, settings editors."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # --- billing run -------------------------------------------------------------
        run_box = QGroupBox(self.tr("Billing run"), self)
        self.month = QLineEdit(period_of(local_today()), run_box)
        self.run_button = QPushButton(self.tr("&Run billing"), run_box)
        self.run_button.setEnabled(ctx.can(Permission.RUN_BILLING))
        self.run_result = QLabel(run_box)
        self.run_result.setWordWrap(True)
        self.periods_label = QLabel(run_box)
        self.notice_building = QComboBox(run_box)
        self.notice_building.addItem(self.tr("Whole estate"), None)
        for b in ctx.read(reg.list_buildings):
            self.notice_building.addItem(b.name, b.id)
        notices = QPushButton(self.tr("Print payment &notices…"), run_box)
        row = QHBoxLayout(run_box)
        row.addWidget(QLabel(self.tr("Month:"), run_box))
        row.addWidget(self.month)
        row.addWidget(self.run_button)
        row.addWidget(self.notice_building)
        row.addWidget(notices)
        row.addWidget(self.run_result, 1)
        self.run_button.clicked.connect(self.run)
        self.month.returnPressed.connect(self.run)
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
        for it in ctx.read(list_items):
            if it.kind != ItemKind.ONE_OFF:
                self.item.addItem(it.name, it.code)
        self.rate_from = QDateEdit(qdate(local_today().replace(day=1)), rate_box)
        self.rate_from.setDisplayFormat("yyyy-MM-dd")
        self.rate_value = QLineEdit(rate_box)
        self.rate_value.setPlaceholderText(self.tr("yuan per m², per unit or per m³/kWh"))
        add_rate = QPushButton(self.tr("&Add rate"), rate_box)
        add_rate.setEnabled(ctx.can(Permission.MANAGE_SETTINGS))
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
        layout.addLayout(lower, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("fees", "settings"):
            self.refresh()

    def refresh(self) -> None:
        self.rates.set_rows(self.ctx.read(list_rates))
        self.discounts.set_rows(self.ctx.read(list_discount_rules))
        periods = self.ctx.read(billed_periods)[:6]
        self.periods_label.setText(
            self.tr("Billed months: {0}").format(
                "   ".join(f"{p} ({n}, ¥{yuan(a)})" for p, n, a in periods) or "—"
            )
        )
        cfg = self.ctx.read(get_fee_settings)
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
        try:
            self.ctx.write(
                lambda s: add_discount_rule(
                    s, name=name, item_code=code, min_months=months, free_months=free
                ),
                "fees",
            )
        except DomainError as exc:
            self.disc_error.setText(str(exc))
            return
        self.disc_name.clear()

    def toggle_discount(self) -> None:
        idx = self.disc_view.currentIndex()
        if not idx.isValid():
            return
        rule = self.discounts.row_value(idx.row())
        try:
            self.ctx.write(lambda s: set_discount_active(s, rule.id, not rule.active), "fees")
        except DomainError as exc:
            self.disc_error.setText(str(exc))

    def run(self) -> None:
        month = self.month.text()
        self.run_button.setEnabled(False)
        self.run_result.setText(self.tr("Billing {0}…").format(month))

        def op() -> BillingResult:
            with self.ctx.session() as s:
                return run_billing(s, month)

        def done(result: BillingResult) -> None:
            self.run_button.setEnabled(True)
            text = self.tr("{period}: {n} line(s), ¥{amount}.").format(
                period=result.period, n=result.lines_created, amount=yuan(result.amount_fen)
            )
            if not result.lines_created:
                text = self.tr("{0}: already billed, nothing new.").format(result.period)
            if result.items_without_rate:
                text += " " + self.tr("No rate: {0}").format("、".join(result.items_without_rate))
            self.run_result.setText(text)
            self.month.setText(add_months(result.period, 1))
            from ui.events import Changes as C

            self.ctx.hub.notify(C.of("fees"))

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            self.run_result.setText(str(exc) if isinstance(exc, DomainError) else repr(exc))

        self.ctx.executor.submit(op, success=done, failure=failed)

    def add_rate(self) -> None:
        self.rate_error.clear()
        try:
            fen = parse_yuan(self.rate_value.text(), "rate_fen")
            code = str(self.item.currentData())
            day = pydate(self.rate_from.date())
            self.ctx.write(
                lambda s: set_rate(s, item_code=code, effective_from=day, rate_fen=fen), "fees"
            )
        except DomainError as exc:
            self.rate_error.setText(str(exc))
            return
        self.rate_value.clear()

    def save_settings(self) -> None:
        self.cfg_error.clear()
        try:
            cfg = FeeSettings(
                late_fee_enabled=self.late_enabled.isChecked(),
                late_fee_rate_per_10k=self.late_rate.value(),
                grace_days=self.grace.value(),
                reminder_days_1=self.days[0].value(),
                reminder_days_2=self.days[1].value(),
                reminder_days_final=self.days[2].value(),
                reminder_min_fen=parse_yuan(self.min_amount.text() or "0", "reminder_min_fen"),
            )
            self.ctx.write(lambda s: save_fee_settings(s, cfg), "fees", "settings")
        except DomainError as exc:
            self.cfg_error.setText(str(exc))

    def print_notices(self) -> None:
        from propdesk.fees.notices import estate_header, log_notices, notice_pages
        from reports.pdf.fee_notices import notices_pdf
        from ui.fees.print_job import run_print_job

        month = self.month.text()
        building = self.notice_building.currentData()

        def build(s: Session) -> bytes:
            pages = notice_pages(s, month, building_id=building)
            pdf = notices_pdf(pages, estate_header(s))
            log_notices(s, [(p.unit_id, "notice", 0, p.period, p.total_fen) for p in pages])
            return pdf

        run_print_job(
            self.ctx,
            self,
            build,
            title=self.tr("Payment notices {0}").format(month),
            suggested_name=f"缴费通知单_{month}.pdf",
        )
