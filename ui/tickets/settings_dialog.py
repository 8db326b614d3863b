"""Service-desk settings (needs MANAGE_SETTINGS): staff, categories, deadlines (SLA), desk rules.

Each tab edits one kind of record and saves it through its service in one transaction;
the services check the permission again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol, cast

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
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission
from propdesk.tickets import catalog
from propdesk.tickets.rules import is_masked_phone
from propdesk.tickets.staff import list_staff, save_staff
from propdesk.tickets.values import (
    CategoryInfo,
    Department,
    SlaRuleInfo,
    StaffInfo,
    TicketKind,
    Urgency,
)
from ui.common.forms import FormErrors
from ui.common.naming import named
from ui.context import AppContext
from ui.events import Changes
from ui.tickets import labels
from ui.tickets.action_dialogs import form_failure


def can_manage(ctx: AppContext) -> bool:
    return ctx.can(Permission.MANAGE_SETTINGS)


SETTINGS = Changes(settings=True)


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
        new = QPushButton(self.tr("&New"))
        self.save_button = named(QPushButton(self.tr("&Save staff member")), "staff_save")
        new.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.errors.general)
        right.addLayout(buttons)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._show)
        self.staff: list[StaffInfo] = []
        self.current: int | None = None
        self.reload()

    def reload(self) -> None:
        self.ctx.query(
            lambda s: list_staff(s, include_inactive=True), parent=self, action="list staff"
        ).success(self._fill).run()

    def _fill(self, staff: list[StaffInfo]) -> None:
        self.staff = staff
        self.list.clear()
        for p in self.staff:
            inactive = self.tr("inactive")
            state = "" if p.active else f"（{inactive}）"
            self.list.addItem(f"{p.name}  {labels.shown(labels.DEPARTMENTS, p.department)}{state}")
        self.current = None

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.staff):
            return
        p = self.staff[row]
        self.current = row
        self.name.setText(p.name)
        self.department.setCurrentIndex(self.department.findData(p.department))
        self.phone.setText("" if is_masked_phone(p.phone) else p.phone)
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
            existing.phone if existing and not is_masked_phone(existing.phone) else ""
        )
        staff_id = existing.id if existing else None
        version = existing.version if existing else None
        name, department = self.name.text(), str(self.department.currentData())
        active = self.active.isChecked()
        _save(
            self,
            lambda s: save_staff(
                s,
                staff_id=staff_id,
                name=name,
                department=department,
                phone=phone,
                active=active,
                expected_version=version,
            ),
        )


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
        new = QPushButton(self.tr("&New"))
        self.save_button = named(QPushButton(self.tr("&Save category")), "category_save")
        new.clicked.connect(self.new)
        self.save_button.clicked.connect(self.save)
        left = QVBoxLayout()
        left.addWidget(self.kind)
        left.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(self.save_button)
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
        self.cats: list[CategoryInfo] = []
        self.current: int | None = None
        self.reload()

    def reload(self) -> None:
        kind: str = self.kind.currentData()
        self.ctx.query(
            lambda s: catalog.list_categories(s, kind, include_inactive=True),
            parent=self,
            action="list categories",
        ).success(self._fill).run()

    def _fill(self, cats: list[CategoryInfo]) -> None:
        self.cats = cats
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
        self.current = None
        self.name.clear()
        self.active.setChecked(True)

    def save(self) -> None:
        category_id, kind, name = self.current, str(self.kind.currentData()), self.name.text()
        department, active = str(self.department.currentData()), self.active.isChecked()
        _save(
            self,
            lambda s: catalog.save_category(
                s,
                category_id=category_id,
                kind=kind,
                name=name,
                default_department=department,
                active=active,
            ),
        )


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
        self.save_button = named(QPushButton(self.tr("&Save rule")), "sla_save")
        self.delete_button = named(QPushButton(self.tr("&Remove category rule")), "sla_delete")
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
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
        self.rules: list[SlaRuleInfo] = []
        self._fill_categories()
        self.reload()

    def _fill_categories(self, then: Callable[[], None] | None = None) -> None:
        kind: str = self.kind.currentData()

        def fill(cats: list[CategoryInfo]) -> None:
            self.category.clear()
            self.category.addItem(self.tr("(all categories of this kind)"), None)
            for c in cats:
                self.category.addItem(c.name, c.id)
            if then is not None:
                then()

        self.ctx.query(
            lambda s: catalog.list_categories(s, kind), parent=self, action="list categories"
        ).success(fill).run()

    def reload(self) -> None:
        self.ctx.query(catalog.list_rules, parent=self, action="list SLA rules").success(
            self._fill
        ).run()

    def _fill(self, rules: list[SlaRuleInfo]) -> None:
        self.rules = rules
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
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(r.kind))
        self.kind.blockSignals(False)
        self._fill_categories(
            then=lambda: self.category.setCurrentIndex(
                max(self.category.findData(r.category_id), 0)
            )
        )
        self.urgency.setCurrentIndex(self.urgency.findData(r.urgency))
        self.response.setValue(r.response_minutes)
        self.resolve_hours.setValue(r.resolve_minutes // 60)
        self.resolve_days.setValue(r.resolve_working_days)

    def save(self) -> None:
        kind, urgency = str(self.kind.currentData()), str(self.urgency.currentData())
        category_id: int | None = self.category.currentData()
        response = self.response.value()
        resolve, days = self.resolve_hours.value() * 60, self.resolve_days.value()
        _save(
            self,
            lambda s: catalog.save_rule(
                s,
                kind=kind,
                category_id=category_id,
                urgency=urgency,
                response_minutes=response,
                resolve_minutes=resolve,
                resolve_working_days=days,
            ),
        )

    def delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.rules):
            rule_id = self.rules[row].id
            _save(self, lambda s: catalog.delete_rule(s, rule_id), button=self.delete_button)


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
        self.save_button = named(QPushButton(self.tr("&Save desk rules")), "rules_save")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.save_button)
        self.reload()

    def reload(self) -> None:
        self.ctx.query(
            lambda s: {
                k: catalog.get_setting(s, k)
                for k in ("repeat_complaint_days", "due_soon_hours", "holidays", "workdays")
            },
            parent=self,
            action="desk rules",
        ).success(self._fill).run()

    def _fill(self, values: dict[str, Any]) -> None:
        self.repeat_days.setValue(int(values["repeat_complaint_days"]))
        self.due_hours.setValue(int(values["due_soon_hours"]))
        self.holidays.setPlainText("\n".join(values["holidays"]))
        self.workdays.setPlainText("\n".join(values["workdays"]))

    def save(self) -> None:
        def split(text: str) -> list[str]:
            return [p for p in re.split(r"[\s,，;；]+", text) if p]

        values = {
            "repeat_complaint_days": self.repeat_days.value(),
            "due_soon_hours": self.due_hours.value(),
            "holidays": split(self.holidays.toPlainText()),
            "workdays": split(self.workdays.toPlainText()),
        }

        def write(s: Session) -> None:
            for key, value in values.items():
                catalog.set_setting(s, key, value)

        _save(self, write)


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


class _SettingsTab(Protocol):
    ctx: AppContext
    errors: FormErrors
    save_button: QPushButton

    def reload(self) -> None: ...


def _save(
    tab: _SettingsTab, fn: Callable[[Session], object], *, button: QPushButton | None = None
) -> None:
    """Run one settings write (its button busy meanwhile); a refused value is shown by its
    field and kept; on success the tab reloads."""

    def saved(_result: object) -> None:
        tab.errors.clear()
        tab.reload()

    tab.ctx.op(
        fn, changes=SETTINGS, parent=cast(QWidget, tab), action="service desk settings"
    ).busy(button or tab.save_button).failure(form_failure(tab.errors)).success(saved).run()
