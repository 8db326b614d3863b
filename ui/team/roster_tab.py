"""The roster tab (排班): the month as clerk × day with the shift codes, assigned by keyboard,
and the month's volume by hour beside it so the busy hours get staffed.

Keys in the grid: 1–9 put the clerk on that shift (in the order of the legend), or the first
letter of the shift's code (e early, m middle, n night); Delete, Backspace or 0 clears the
day. The cursor then moves to the next day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission
from propdesk.changes import Changes
from propdesk.team import roster
from propdesk.team.roster import MonthRoster
from propdesk.team.volume import HourlyVolume, volume_by_hour
from ui.common.naming import named
from ui.context import AppContext
from ui.team.chart import HourlyChart
from ui.team.months import month_choices
from ui.team.roster_model import RosterModel


@dataclass(frozen=True)
class RosterMonth:
    grid: MonthRoster
    volume: HourlyVolume


def load_month(session: Session, period: str) -> RosterMonth:
    year, month = (int(p) for p in period.split("-"))
    return RosterMonth(roster.month_grid(session, year, month), volume_by_hour(session, period))


class RosterView(QTableView):
    """The grid; ``assign(row, column, key)`` for a shift key, ``clear(row, column)``."""

    assign = Signal(int, int, str)
    clear = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumSectionSize(24)
        self.horizontalHeader().setDefaultSectionSize(28)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        text = event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if index.isValid() and mods == Qt.KeyboardModifier.NoModifier:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_0):
                self.clear.emit(index.row(), index.column())
                return
            if len(text) == 1 and text.isalnum():
                self.assign.emit(index.row(), index.column(), text.lower())
                return
        super().keyPressEvent(event)


class RosterTab(QWidget):
    """The month roster and the hourly volume.

    Attributes:
        month: the month shown; view / model: the grid; chart: the hourly volume;
        shifts_button (managers), print_button; legend: the shift codes; message: a refusal.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: RosterMonth | None = None
        self.editable = ctx.can(Permission.APPROVE)
        self.month = named(QComboBox(), "team_roster_month")
        month_label = QLabel(self.tr("&Month"))
        month_label.setBuddy(self.month)
        self.shifts_button = named(
            QPushButton(self.tr("Shift &definitions…")), "team_shift_definitions"
        )
        self.shifts_button.setVisible(ctx.can(Permission.MANAGE_SETTINGS))
        self.print_button = named(QPushButton(self.tr("Print roste&r…")), "team_print_roster")
        self.model = RosterModel(self)
        self.view = named(RosterView(), "team_roster")
        self.view.setModel(self.model)
        self.legend = named(QLabel(), "team_roster_legend")
        self.legend.setWordWrap(True)
        self.message = named(QLabel(), "team_roster_message")
        self.message.setStyleSheet("color: #b00020")
        self.message.setVisible(False)
        self.chart = HourlyChart()

        top = QHBoxLayout()
        top.addWidget(month_label)
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.shifts_button)
        top.addWidget(self.print_button)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.view, 1)
        ll.addWidget(self.legend)
        ll.addWidget(self.message)
        self.chart.setMinimumHeight(300)
        self.chart.setMaximumHeight(380)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.chart)
        rl.addStretch(1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1000, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.view.assign.connect(self.assign_key)
        self.view.clear.connect(lambda r, c: self.set_cell(r, c, ()))
        self.shifts_button.clicked.connect(self.edit_shifts)
        self.print_button.clicked.connect(self.print_roster)

    def start(self) -> None:
        self.ctx.query(clock.today, parent=self, action="roster").success(self._started).run()

    def _started(self, today: date) -> None:
        self.month.blockSignals(True)
        self.month.clear()
        for m in month_choices(today, back=12, ahead=3):
            self.month.addItem(m, m)
        self.month.setCurrentIndex(self.month.findData(f"{today:%Y-%m}"))
        self.month.blockSignals(False)
        self.month.currentIndexChanged.connect(self.reload)
        self.reload()

    def period(self) -> str | None:
        value = self.month.currentData()
        return None if value is None else str(value)

    def reload(self) -> None:
        period = self.period()
        if period is None:
            return
        self.ctx.query(lambda s: load_month(s, period), parent=self, action="roster").success(
            self._show
        ).run()

    def _show(self, data: RosterMonth) -> None:
        here = self.view.currentIndex()
        same_month = self.data is not None and self.data.grid.days == data.grid.days
        self.data = data
        self.model.set_grid(data.grid)
        self.chart.set_volume(data.volume)
        keys = "　".join(
            f"{n}/{s.code[:1]} = {s.name} {s.hours}" for n, s in enumerate(data.grid.shifts, 1)
        )
        if self.editable:
            self.legend.setText(
                self.tr("Keys: %1; Delete clears the day.").replace("%1", keys or "—")
            )
        else:
            self.legend.setText(
                self.tr("Shifts: %1 (read only: supervisors and managers plan the roster)").replace(
                    "%1", keys or "—"
                )
            )
        if self.model.rowCount() and self.model.columnCount():
            row, col = (here.row(), here.column()) if same_month and here.isValid() else (0, 0)
            self.view.setCurrentIndex(
                self.model.index(
                    min(row, self.model.rowCount() - 1), min(col, self.model.columnCount() - 1)
                )
            )

    def shift_for_key(self, key: str) -> int | None:
        """The shift a key stands for: its number in the legend, or its code's first letter."""
        if self.data is None:
            return None
        shifts = self.data.grid.shifts
        if key.isdigit():
            n = int(key)
            return shifts[n - 1].id if 1 <= n <= len(shifts) else None
        found = [s for s in shifts if s.code[:1].lower() == key or s.short == key]
        return found[0].id if len(found) == 1 else None

    def assign_key(self, row: int, column: int, key: str) -> None:
        shift_id = self.shift_for_key(key)
        if shift_id is None:
            self._say(self.tr("No shift for the key “%1”.").replace("%1", key))
            return
        self.set_cell(row, column, (shift_id,))

    def set_cell(self, row: int, column: int, shift_ids: tuple[int, ...]) -> None:
        """Put the clerk of ``row`` on ``shift_ids`` on the day of ``column``; then the next day."""
        if self.data is None or not self.editable:
            self._say(self.tr("Only supervisors and managers can change the roster."))
            return
        user_id, day, _ = self.model.cell(row, column)
        self.message.setVisible(False)

        def moved(_result: object) -> None:
            nxt = min(column + 1, self.model.columnCount() - 1)
            self.view.setCurrentIndex(self.model.index(row, nxt))

        self.ctx.op(
            lambda s: roster.set_day(s, user_id=user_id, day=day, shift_ids=shift_ids),
            changes=Changes(roster=True),
            parent=self,
            action="change the roster",
        ).success(moved).run()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def edit_shifts(self) -> None:
        from ui.team.dialogs import ShiftDialog

        def opened(shifts: list[roster.ShiftRow]) -> None:
            ShiftDialog(ctx=self.ctx, shifts=shifts, parent=self).open()

        self.ctx.query(roster.list_shifts, parent=self, action="shift definitions").success(
            opened
        ).run()

    def print_roster(self) -> None:
        """Preview the month roster on A4 landscape (print or save from the preview)."""
        from ui.printing.preview import preview_pdf

        period = self.period()
        if period is None:
            return
        year, month = (int(p) for p in period.split("-"))

        def make(s: Session) -> bytes:
            from propdesk.team.print_data import roster_print_data
            from reports.pdf.team_roster import roster_pdf

            return roster_pdf(roster_print_data(s, year=year, month=month))

        preview_pdf(
            self.ctx,
            make,
            title=self.tr("Month roster"),
            suggested_name=f"排班表-{period}.pdf",
            parent=self,
        )

    def primary_field(self) -> QWidget:
        return self.view
