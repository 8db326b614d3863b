"""Service-desk settings (needs MANAGE_SETTINGS): staff, categories, deadlines (SLA), desk rules.

Each tab edits one kind of record and saves it through its service in one transaction;
the services check the permission again.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.permissions import Permission
from propdesk.tickets import catalog
from propdesk.tickets.staff import list_staff, save_staff
from propdesk.tickets.values import Department, TicketKind, Urgency
from ui.common.forms import FormErrors, attempt
from ui.common.naming import named
from ui.context import AppContext
from ui.tickets import labels


def can_manage(ctx: AppContext) -> bool:
    return ctx.can(Permission.MANAGE_SETTINGS)


def _list() -> QListWidget:
    # A few dozen configuration entries being edited, not a data list.
    widget = QListWidget()
    widget.setMinimumWidth(260)
    return widget


class StaffTab(QWidget):
    """The dispatch list: name, department, phone, active."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = _list()
        self.list.setObjectName("staff_list")
        self.name = named(QLineEdit(), "staff_name")
        self.department = named(QComboBox(), "staff_department")
        for d in Department:
            self.department.addItem(labels.shown(labels.DEPARTMENTS, d.value), d.value)
        self.phone = named(QLineEdit(), "staff_phone")
        self.active = named(QCheckBox(self.tr("Active")), "staff_active")
        self.active.setChecked(True)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("&Department"), "department", self.department)
        self.errors.add_row(self.tr("&Phone"), "phone", self.phone)
        form.addRow("", self.active)
        new, save = (
            QPushButton(self.tr("&New")),
            named(QPushButton(self.tr("&Save staff member")), "staff_save"),
        )
        new.clicked.connect(self.new)
        save.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(save)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.errors.general)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        self.staff = self.ctx.read(lambda s: list_staff(s, include_inactive=True))
        self.list.clear()
        for p in self.staff:
            inactive = self.tr("inactive")
            state = "" if p.active else f"（{inactive}）"
            self.list.addItem(f"{p.name}  {labels.shown(labels.DEPARTMENTS, p.department)}{state}")
        self.current: int | None = None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.staff):
            return
        p = self.staff[row]
        self.current = row
        self.name.setText(p.name)
        self.department.setCurrentIndex(self.department.findData(p.department))
        self.phone.setText(p.phone if "*" not in p.phone else "")
        self.phone.setPlaceholderText(p.phone)
        self.active.setChecked(p.active)

    def new(self) -> None:
        self.current = None
        self.list.clearSelection()
        self.name.clear()
        self.phone.clear()
        self.phone.setPlaceholderText("")
        self.active.setChecked(True)
        self.name.setFocus()

    def save(self) -> None:
        existing = self.staff[self.current] if self.current is not None else None
        phone = self.phone.text() or (
            existing.phone if existing and "*" not in existing.phone else ""
        )
        ok, _ = attempt(
            self.errors,
            lambda: self.ctx.write(
                lambda s: save_staff(
                    s,
                    staff_id=existing.id if existing else None,
                    name=self.name.text(),
                    department=self.department.currentData(),
                    phone=phone,
                    active=self.active.isChecked(),
                    expected_version=existing.version if existing else None,
                ),
                "settings",
                "staff",
            ),
        )
        if ok:
            self.reload()


class CategoriesTab(QWidget):
    """Categories per kind, with the department a new ticket goes to by default."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = named(QComboBox(), "category_kind")
        for k in TicketKind:
            self.kind.addItem(labels.shown(labels.KINDS, k.value), k.value)
        self.list = _list()
        self.name = named(QLineEdit(), "category_name")
        self.department = named(QComboBox(), "category_department")
        for d in Department:
            self.department.addItem(labels.shown(labels.DEPARTMENTS, d.value), d.value)
        self.active = named(QCheckBox(self.tr("Offered at intake")), "category_active")
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Name"), "name", self.name)
        self.errors.add_row(self.tr("Default &department"), "default_department", self.department)
        form.addRow("", self.active)
        new, save = (
            QPushButton(self.tr("&New")),
            named(QPushButton(self.tr("&Save category")), "category_save"),
        )
        new.clicked.connect(self.new)
        save.clicked.connect(self.save)
        left = QVBoxLayout()
        left.addWidget(self.kind)
        left.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(save)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.errors.general)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right, 1)
        self.kind.currentIndexChanged.connect(self.reload)
        self.list.currentRowChanged.connect(self._show)
        self.reload()

    def reload(self) -> None:
        kind = self.kind.currentData()
        self.cats = self.ctx.read(lambda s: catalog.list_categories(s, kind, include_inactive=True))
        self.list.clear()
        for c in self.cats:
            hidden = self.tr("hidden")
            self.list.addItem(c.name + ("" if c.active else f"（{hidden}）"))
        self.new()

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.cats):
            c = self.cats[row]
            self.current = c.id
            self.name.setText(c.name)
            self.department.setCurrentIndex(max(self.department.findData(c.default_department), 0))
            self.active.setChecked(c.active)

    def new(self) -> None:
        self.current: int | None = None
        self.name.clear()
        self.active.setChecked(True)

    def save(self) -> None:
        ok, _ = attempt(
            self.errors,
            lambda: self.ctx.write(
                lambda s: catalog.save_category(
                    s,
                    category_id=self.current,
                    kind=self.kind.currentData(),
                    name=self.name.text(),
                    default_department=self.department.currentData(),
                    active=self.active.isChecked(),
                ),
                "settings",
            ),
        )
        if ok:
            self.reload()


class SlaTab(QWidget):
    """Deadline rules: the kind's default per urgency, or a category's own rule."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = _list()
        self.list.setObjectName("sla_list")
        self.kind = named(QComboBox(), "sla_kind")
        for k in TicketKind:
            self.kind.addItem(labels.shown(labels.KINDS, k.value), k.value)
        self.category = named(QComboBox(), "sla_category")
        self.urgency = named(QComboBox(), "sla_urgency")
        for u in Urgency:
            self.urgency.addItem(labels.shown(labels.URGENCIES, u.value), u.value)
        self.response = named(QSpinBox(), "sla_response")
        self.response.setRange(1, 60 * 24 * 30)
        self.response.setSuffix(self.tr(" min"))
        self.resolve_hours = named(QSpinBox(), "sla_resolve_hours")
        self.resolve_hours.setRange(0, 24 * 90)
        self.resolve_hours.setSuffix(self.tr(" h"))
        self.resolve_days = named(QSpinBox(), "sla_resolve_days")
        self.resolve_days.setRange(0, 90)
        self.resolve_days.setSuffix(self.tr(" working days"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(self.tr("&Kind"), "kind", self.kind)
        self.errors.add_row(self.tr("&Category"), "category_id", self.category)
        self.errors.add_row(self.tr("&Urgency"), "urgency", self.urgency)
        self.errors.add_row(self.tr("&Response within"), "response_minutes", self.response)
        self.errors.add_row(self.tr("Done within (hours)"), "resolve_minutes", self.resolve_hours)
        self.errors.add_row(self.tr("…or working days"), "resolve_working_days", self.resolve_days)
        note = QLabel(
            self.tr("Working days are Monday to Friday, minus the holidays on the Desk rules tab.")
        )
        note.setWordWrap(True)
        save = named(QPushButton(self.tr("&Save rule")), "sla_save")
        delete = named(QPushButton(self.tr("&Remove category rule")), "sla_delete")
        save.clicked.connect(self.save)
        delete.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(delete)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(note)
        right.addWidget(self.errors.general)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.kind.currentIndexChanged.connect(self._fill_categories)
        self.list.currentRowChanged.connect(self._show)
        self._fill_categories()
        self.reload()

    def _fill_categories(self) -> None:
        kind = self.kind.currentData()
        cats = self.ctx.read(lambda s: catalog.list_categories(s, kind))
        self.category.clear()
        self.category.addItem(self.tr("(all categories of this kind)"), None)
        for c in cats:
            self.category.addItem(c.name, c.id)

    def reload(self) -> None:
        self.rules = self.ctx.read(catalog.list_rules)
        self.list.clear()
        every = self.tr("all")
        for r in self.rules:
            done = (
                self.tr("%1 working days").replace("%1", str(r.resolve_working_days))
                if r.resolve_working_days
                else labels.minutes_text(r.resolve_minutes)
            )
            self.list.addItem(
                f"{labels.shown(labels.KINDS, r.kind)} · {r.category_name or every} · "
                f"{labels.shown(labels.URGENCIES, r.urgency)}: {labels.minutes_text(r.response_minutes)} / {done}"
            )

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.rules):
            return
        r = self.rules[row]
        self.kind.setCurrentIndex(self.kind.findData(r.kind))
        self.category.setCurrentIndex(max(self.category.findData(r.category_id), 0))
        self.urgency.setCurrentIndex(self.urgency.findData(r.urgency))
        self.response.setValue(r.response_minutes)
        self.resolve_hours.setValue(r.resolve_minutes // 60)
        self.resolve_days.setValue(r.resolve_working_days)

    def save(self) -> None:
        ok, _ = attempt(
            self.errors,
            lambda: self.ctx.write(
                lambda s: catalog.save_rule(
                    s,
                    kind=self.kind.currentData(),
                    category_id=self.category.currentData(),
                    urgency=self.urgency.currentData(),
                    response_minutes=self.response.value(),
                    resolve_minutes=self.resolve_hours.value() * 60,
                    resolve_working_days=self.resolve_days.value(),
                ),
                "settings",
            ),
        )
        if ok:
            self.reload()

    def delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rules):
            rule_id = self.rules[row].id
            ok, _ = attempt(
                self.errors,
                lambda: self.ctx.write(lambda s: catalog.delete_rule(s, rule_id), "settings"),
            )
            if ok:
                self.reload()


class DeskRulesTab(QWidget):
    """Repeat-complaint window, due-soon horizon, holidays and make-up working days."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.repeat_days = named(QSpinBox(), "rules_repeat_days")
        self.repeat_days.setRange(1, 3650)
        self.repeat_days.setSuffix(self.tr(" days"))
        self.due_hours = named(QSpinBox(), "rules_due_hours")
        self.due_hours.setRange(1, 3650)
        self.due_hours.setSuffix(self.tr(" h"))
        self.holidays = named(QPlainTextEdit(), "rules_holidays")
        self.holidays.setTabChangesFocus(True)
        self.workdays = named(QPlainTextEdit(), "rules_workdays")
        self.workdays.setTabChangesFocus(True)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.errors.add_row(
            self.tr("&Repeat complaint within"), "repeat_complaint_days", self.repeat_days
        )
        self.errors.add_row(self.tr("&Due soon within"), "due_soon_hours", self.due_hours)
        self.errors.add_row(
            self.tr("&Holidays (YYYY-MM-DD, one per line)"), "holidays", self.holidays
        )
        self.errors.add_row(self.tr("&Weekend working days (调休)"), "workdays", self.workdays)
        save = named(QPushButton(self.tr("&Save desk rules")), "rules_save")
        save.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(save)
        self.reload()

    def reload(self) -> None:
        values = self.ctx.read(
            lambda s: {
                k: catalog.get_setting(s, k)
                for k in ("repeat_complaint_days", "due_soon_hours", "holidays", "workdays")
            }
        )
        self.repeat_days.setValue(int(values["repeat_complaint_days"]))
        self.due_hours.setValue(int(values["due_soon_hours"]))
        self.holidays.setPlainText("\n".join(values["holidays"]))
        self.workdays.setPlainText("\n".join(values["workdays"]))

    def save(self) -> None:
        def split(text: str) -> list[str]:
            return [p for p in re.split(r"[\s,，;；]+", text) if p]

        def write(s: object) -> None:
            catalog.set_setting(s, "repeat_complaint_days", self.repeat_days.value())  # type: ignore[arg-type]
            catalog.set_setting(s, "due_soon_hours", self.due_hours.value())  # type: ignore[arg-type]
            catalog.set_setting(s, "holidays", split(self.holidays.toPlainText()))  # type: ignore[arg-type]
            catalog.set_setting(s, "workdays", split(self.workdays.toPlainText()))  # type: ignore[arg-type]

        ok, _ = attempt(self.errors, lambda: self.ctx.write(write, "settings"))
        if ok:
            self.reload()


class ServiceDeskSettingsDialog(QDialog):
    """The four settings tabs in one dialog."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Service desk settings"))
        self.resize(820, 520)
        self.tabs = QTabWidget()
        self.staff = StaffTab(ctx=ctx)
        self.categories = CategoriesTab(ctx=ctx)
        self.sla = SlaTab(ctx=ctx)
        self.rules = DeskRulesTab(ctx=ctx)
        self.tabs.addTab(self.staff, self.tr("Staff"))
        self.tabs.addTab(self.categories, self.tr("Categories"))
        self.tabs.addTab(self.sla, self.tr("Deadlines (SLA)"))
        self.tabs.addTab(self.rules, self.tr("Desk rules"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)


def open_settings(ctx: AppContext, parent: QWidget) -> None:
    """Admin menu → Service desk settings…"""
    ServiceDeskSettingsDialog(ctx=ctx, parent=parent).exec()
