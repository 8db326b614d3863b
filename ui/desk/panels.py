"""Unit page panels: the unit's parcels, and its vacant-unit checks (with "Record a check"
and the unit's check interval)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from propdesk.desk import vacant
from propdesk.desk.models import Parcel
from propdesk.desk.vacant import CheckInput
from propdesk.registry.models import Unit, UnitStatus
from ui.common.forms import FormErrors, attempt
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk import labels
from ui.desk.models import ParcelModel
from ui.events import Changes


class UnitParcelsPanel(QWidget):
    """The unit's parcels, newest first; waiting ones held too long in red."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.title = QLabel(objectName="unit_parcels_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.model = ParcelModel(ctx=ctx, conditions=[Parcel.unit_id == unit_id], parent=self)
        self.model.sort(0, Qt.SortOrder.DescendingOrder)
        self.table = RecordTableView(self)
        self.table.setModel(self.model)
        self.table.setMinimumHeight(120)
        self.table.setMaximumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        waiting = self.ctx.read(
            lambda s: s.scalar(
                select(func.count(Parcel.id)).where(
                    Parcel.unit_id == self.unit_id, Parcel.status == "waiting"
                )
            )
        )
        self.title.setText(
            self.tr("Parcels (%1 waiting, %2 in all)")
            .replace("%1", str(waiting))
            .replace("%2", str(self.model.total_count()))
        )

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("parcels", "settings"):
            self.refresh()


class VacantCheckDialog(QDialog):
    """Record one check of a vacant unit: four items (ticked = fine) and a note."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.setWindowTitle(self.tr("Vacant unit check"))
        self.doors = QCheckBox(
            self.tr("Doors and windows closed and intact"), objectName="check_doors"
        )
        self.water = QCheckBox(self.tr("Water: valves off, no dripping"), objectName="check_water")
        self.power = QCheckBox(
            self.tr("Electricity: switched off, meter normal"), objectName="check_power"
        )
        self.leaks = QCheckBox(self.tr("No leaks or damp"), objectName="check_leaks")
        for box in (self.doors, self.water, self.power, self.leaks):
            box.setChecked(True)
        self.note = QLineEdit(objectName="check_note")
        self.note.setPlaceholderText(self.tr("What is wrong (needed when an item is not fine)"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        for box in (self.doors, self.water, self.power, self.leaks):
            form.addRow("", box)
        self.errors.add_row(self.tr("&Note"), "note", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("check_save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)

    def save(self) -> None:
        check = CheckInput(
            self.doors.isChecked(),
            self.water.isChecked(),
            self.power.isChecked(),
            self.leaks.isChecked(),
            self.note.text(),
        )
        ok, _ = attempt(
            self.errors,
            lambda: self.ctx.write(
                lambda s: vacant.record_check(s, self.unit_id, check), "vacant_checks"
            ),
        )
        if ok:
            self.accept()


class VacantChecksPanel(QWidget):
    """A vacant unit's check interval, next due date and its checks (hidden when lived in)."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.title = QLabel(objectName="vacant_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.interval = QSpinBox(objectName="vacant_interval")
        self.interval.setRange(1, 366)
        self.interval.setSuffix(self.tr(" days"))
        self.interval_button = QPushButton(
            self.tr("Set interval"), objectName="vacant_set_interval"
        )
        self.check_button = QPushButton(self.tr("Record a check…"), objectName="vacant_check")
        self.history = QLabel(objectName="vacant_history")
        self.history.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("Check every")))
        top.addWidget(self.interval)
        top.addWidget(self.interval_button)
        top.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.history)
        self.interval_button.clicked.connect(self.set_interval)
        self.check_button.clicked.connect(self.record_check)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        status = self.ctx.read(
            lambda s: s.scalar(select(Unit.status).where(Unit.id == self.unit_id))
        )
        checks = self.ctx.read(lambda s: vacant.checks_of_unit(s, self.unit_id, limit=5))
        is_vacant = status == UnitStatus.VACANT.value
        self.setVisible(is_vacant or bool(checks))
        interval, last, due = self.ctx.read(lambda s: vacant.plan_of_unit(s, self.unit_id))
        self.interval.setValue(interval)
        for w in (self.interval, self.interval_button, self.check_button):
            w.setEnabled(is_vacant)
        self.title.setText(
            self.tr("Vacant unit checks · last %1 · next due %2")
            .replace("%1", labels.day_text(last) or self.tr("never"))
            .replace("%2", labels.day_text(due) or self.tr("now"))
        )
        lines = []
        for c in checks:
            items = [
                (self.tr("doors/windows"), c.doors_windows_ok),
                (self.tr("water"), c.water_ok),
                (self.tr("electricity"), c.electricity_ok),
                (self.tr("leaks"), c.no_leaks),
            ]
            state = "  ".join(f"{name} {labels.yes_no(ok)}" for name, ok in items)
            note = f" · {c.note}" if c.note else ""
            lines.append(f"{c.checked_on.isoformat()} {c.checked_by}: {state}{note}")
        self.history.setText("\n".join(lines) or self.tr("No checks recorded yet."))

    def set_interval(self) -> None:
        days = self.interval.value()
        self.ctx.write(lambda s: vacant.set_interval(s, self.unit_id, days), "vacant_checks")

    def record_check(self) -> None:
        VacantCheckDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self).exec()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("vacant_checks", "occupancy", "units", "settings"):
            self.refresh()
