"""Settings → renovation violation types: the list inspectors choose from (a manager's right)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.renovation import inspections
from propdesk.renovation.values import ViolationTypeInfo
from ui.common.forms import FormErrors
from ui.context import AppContext
from ui.renovation.widgets import ListModel, named, show_in_form


class ViolationTypesDialog(QDialog):
    """The violation types with an edit form; New clears the form, Save stores it.

    Attributes: model, table, code, name, days, active, new_button, save_button, errors.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Renovation violation types"))
        self.editing: int | None = None
        self.model: ListModel[ViolationTypeInfo] = ListModel(
            [
                (self.tr("Code"), lambda t: t.code),
                (self.tr("Name"), lambda t: t.name),
                (self.tr("Days to rectify"), lambda t: str(t.default_days)),
                (self.tr("In use"), lambda t: self.tr("yes") if t.active else self.tr("no")),
            ],
            parent=self,
        )
        self.table = named(QTableView(), "violation_types")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        form = QFormLayout()
        self.errors = FormErrors(form)
        self.code = named(QLineEdit(), "code")
        self.name = named(QLineEdit(), "name")
        self.days = named(QSpinBox(), "default_days")
        self.days.setRange(0, 60)
        self.active = named(QCheckBox(self.tr("In use")), "active")
        self.active.setChecked(True)
        self.errors.add_row(self.tr("Code"), "code", self.code)
        self.errors.add_row(self.tr("Name"), "name", self.name)
        self.errors.add_row(self.tr("Days to rectify"), "default_days", self.days)
        self.errors.add_row("", "active", self.active)
        self.new_button = QPushButton(self.tr("New"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.clear_form)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.accept)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.edit(cur.row())
        )
        self.resize(560, 460)
        self.refresh()

    def refresh(self) -> None:
        """Reload the types (on the database worker)."""
        self.ctx.query(
            lambda s: inspections.list_violation_types(s, include_inactive=True), parent=self
        ).success(self.model.set_rows).run()

    def clear_form(self) -> None:
        self.editing = None
        self.code.clear()
        self.name.clear()
        self.days.setValue(1)
        self.active.setChecked(True)
        self.code.setFocus()

    def edit(self, row: int) -> None:
        if row < 0:
            return
        t = self.model.item(row)
        self.editing = t.id
        self.code.setText(t.code)
        self.name.setText(t.name)
        self.days.setValue(t.default_days)
        self.active.setChecked(t.active)

    def save(self) -> None:
        """Store the form (on the database worker); an error shows by its field."""
        type_id, code, name = self.editing, self.code.text(), self.name.text()
        days, active = self.days.value(), self.active.isChecked()
        self.errors.clear()
        self.ctx.op(
            lambda s: inspections.save_violation_type(
                s, code=code, name=name, default_days=days, active=active, type_id=type_id
            ),
            changes=Changes(renovation=True, settings=True),
            parent=self,
            action="save violation type",
        ).busy(self.save_button).failure(show_in_form(self.errors)).success(
            lambda _id: self.refresh()
        ).run()


def can_manage(ctx: AppContext) -> bool:
    return ctx.can(Permission.MANAGE_SETTINGS)


def open_violation_types(ctx: AppContext, parent: QWidget) -> None:
    """Admin menu → Renovation violation types…"""
    dialog = ViolationTypesDialog(ctx=ctx, parent=parent)
    dialog.exec()
