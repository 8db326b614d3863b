"""Unit page panels: the unit's parcels, and its vacant-unit checks (with "Record a check"
and the unit's check interval)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
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
from sqlalchemy import Executable, Integer, Row, bindparam, case, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.desk import vacant
from propdesk.desk.models import Parcel
from propdesk.desk.parcels import long_held_cutoff
from propdesk.desk.vacant import CheckInput
from propdesk.desk.values import ParcelStatus, VacantCheckInfo
from propdesk.registry.models import Unit, UnitStatus
from ui.common.forms import FormErrors
from ui.common.keyboard import install_dialog_keys
from ui.common.naming import named
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.desk import labels
from ui.desk.feedback import in_form
from ui.desk.models import ParcelModel


@dataclass(frozen=True)
class UnitParcelFigures:
    today: date
    cutoff: datetime
    waiting: int
    total: int


def unit_parcel_figures(session: Session, unit_id: int) -> UnitParcelFigures:
    today = clock.today(session)
    waiting, total = session.execute(_figures_statement(), {"unit_id": unit_id}).one()
    return UnitParcelFigures(today, long_held_cutoff(session, today), int(waiting), int(total))


@cache
def _figures_statement() -> Executable:
    """(waiting, all) parcels of the unit ``:unit_id`` in one statement, built once: the
    unit page reads it for every unit opened."""
    waiting = func.sum(case((Parcel.status == ParcelStatus.WAITING.value, 1), else_=0))
    return select(func.coalesce(waiting, 0), func.count(Parcel.id)).where(
        Parcel.unit_id == bindparam("unit_id", type_=Integer)
    )


class UnitParcelsPanel(QWidget):
    """The unit's parcels, newest first; waiting ones held too long in red."""

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self._stale = False
        self.title = named(QLabel(), "unit_parcels_title")
        self.title.setStyleSheet("font-weight: bold;")
        # Read once, by refresh(): the figures give the day the held days count to.
        self.model = ParcelModel(
            ctx=ctx, conditions=[Parcel.unit_id == unit_id], fetch=False, parent=self
        )
        self.table = RecordTableView(self)
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.fit_rows(1)  # then as many rows as there are (up to 6): see _show
        # No parcels: one quiet line instead of an empty table (the unit page is one screen).
        self.empty = named(QLabel(self.tr("No parcels yet.")), "unit_parcels_empty")
        self.empty.setStyleSheet("color: #777;")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        """The figures and the list's first rows, read on the worker in one read."""
        self._stale = False
        unit_id = self.unit_id
        rows, token = self.model.first_batch()

        def read(s: Session) -> tuple[UnitParcelFigures, list[Row[Any]]]:
            return unit_parcel_figures(s, unit_id), list(s.execute(rows).all())

        self.ctx.query(read, parent=self, action="unit parcels").success(
            lambda loaded: self._show(*loaded, token)
        ).run()

    def _show(self, f: UnitParcelFigures, rows: list[Row[Any]], token: int) -> None:
        self.model.set_day(today=f.today, cutoff=f.cutoff)
        self.model.show_first_batch(rows, token)
        self.title.setText(
            self.tr("Parcels (%1 waiting, %2 in all)")
            .replace("%1", str(f.waiting))
            .replace("%2", str(f.total))
        )
        self.table.setVisible(f.total > 0)
        self.empty.setVisible(f.total == 0)
        self.table.fit_rows(len(rows), most=6)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.parcels or changes.settings):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True


class VacantCheckDialog(QDialog):
    """Record one check of a vacant unit: four items (ticked = fine) and a note.

    Accepted only when the check was saved; a refusal stays in the dialog with the input.
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.setWindowTitle(self.tr("Vacant unit check"))
        self.doors = named(QCheckBox(self.tr("Doors and windows closed and intact")), "check_doors")
        self.water = named(QCheckBox(self.tr("Water: valves off, no dripping")), "check_water")
        self.power = named(
            QCheckBox(self.tr("Electricity: switched off, meter normal")), "check_power"
        )
        self.leaks = named(QCheckBox(self.tr("No leaks or damp")), "check_leaks")
        for box in (self.doors, self.water, self.power, self.leaks):
            box.setChecked(True)
        self.note = named(QLineEdit(), "check_note")
        self.note.setPlaceholderText(self.tr("What is wrong (needed when an item is not fine)"))
        form = QFormLayout()
        self.errors = FormErrors(form)
        for box in (self.doors, self.water, self.power, self.leaks):
            form.addRow("", box)
        self.errors.add_row(self.tr("&Note"), "note", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok.setObjectName("check_save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(buttons)
        self.keys = install_dialog_keys(self, submit=self.save, default=self.ok, first=self.note)

    def save(self) -> None:
        check = CheckInput(
            self.doors.isChecked(),
            self.water.isChecked(),
            self.power.isChecked(),
            self.leaks.isChecked(),
            self.note.text(),
        )
        unit_id = self.unit_id
        self.ctx.op(
            lambda s: vacant.record_check(s, unit_id, check),
            changes=Changes(vacant_checks=True),
            parent=self,
            action="record a vacant unit check",
        ).busy(self.ok).failure(in_form(self.errors)).success(lambda _: self.accept()).run()


@dataclass(frozen=True)
class VacantState:
    """What the vacant-checks panel shows of one unit."""

    is_vacant: bool
    checks: list[VacantCheckInfo]
    interval: int
    last: date | None
    due: date | None


def vacant_state(session: Session, unit_id: int) -> VacantState:
    status = session.scalar(select(Unit.status).where(Unit.id == unit_id))
    interval, last, due = vacant.plan_of_unit(session, unit_id)
    return VacantState(
        status == UnitStatus.VACANT.value,
        vacant.checks_of_unit(session, unit_id, limit=5),
        interval,
        last,
        due,
    )


class VacantChecksPanel(QWidget):
    """A vacant unit's check interval, next due date and its checks (hidden when lived in).

    The panel hides itself for a unit that is lived in, so it watches its host page's show
    events to catch up after changes made while the page was hidden.
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self._stale = False
        self.title = named(QLabel(), "vacant_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.interval = named(QSpinBox(), "vacant_interval")
        self.interval.setRange(1, 366)
        self.interval.setSuffix(self.tr(" days"))
        self.interval_button = named(QPushButton(self.tr("Set interval")), "vacant_set_interval")
        self.check_button = named(QPushButton(self.tr("Record a check…")), "vacant_check")
        self.history = named(QLabel(), "vacant_history")
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
        if parent is not None:
            parent.installEventFilter(self)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        unit_id = self.unit_id
        self.ctx.query(lambda s: vacant_state(s, unit_id), parent=self).success(self._show).run()

    def _show(self, state: VacantState) -> None:
        self.setVisible(state.is_vacant or bool(state.checks))
        self.interval.setValue(state.interval)
        for w in (self.interval, self.interval_button, self.check_button):
            w.setEnabled(state.is_vacant)
        if state.last is None:
            self.title.setText(self.tr("Vacant unit checks · never checked: due now"))
        else:
            self.title.setText(
                self.tr("Vacant unit checks · last %1 · next due %2")
                .replace("%1", labels.day_text(state.last))
                .replace("%2", labels.day_text(state.due) or "—")
            )
        lines = []
        for c in state.checks:
            items = [
                (self.tr("doors/windows"), c.doors_windows_ok),
                (self.tr("water"), c.water_ok),
                (self.tr("electricity"), c.electricity_ok),
                (self.tr("leaks"), c.no_leaks),
            ]
            shown = "  ".join(f"{name} {labels.yes_no(ok)}" for name, ok in items)
            note = f" · {c.note}" if c.note else ""
            lines.append(f"{c.checked_on.isoformat()} {c.checked_by}: {shown}{note}")
        self.history.setText("\n".join(lines) or self.tr("No checks recorded yet."))

    def set_interval(self) -> None:
        days, unit_id = self.interval.value(), self.unit_id
        self.ctx.op(
            lambda s: vacant.set_interval(s, unit_id, days),
            changes=Changes(vacant_checks=True),
            parent=self,
            action="set a vacant unit's check interval",
        ).busy(self.interval_button).run()

    def record_check(self) -> None:
        VacantCheckDialog(ctx=self.ctx, unit_id=self.unit_id, parent=self).exec()

    def _host_visible(self) -> bool:
        host = self.parentWidget()
        return self.isVisible() if host is None else host.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Show and self._stale:
            self.refresh()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.vacant_checks or changes.occupancy or changes.units or changes.settings):
            return
        if self._host_visible():
            self.refresh()
        else:
            self._stale = True
