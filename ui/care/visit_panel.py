"""The unit page's visits panel (走访): what the plan says is due for the household, the last
visits (with the ticket a finding became), and a button to record a visit.

It reloads on the database worker after a care or ticket change, or when next shown if it
was hidden then.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.care import visits
from propdesk.care.visit_plan import plan_items
from propdesk.care.visit_values import PlanItem, VisitRow
from propdesk.changes import Changes
from propdesk.registry.models import Unit
from ui.care.visit_dialogs import VisitDialog
from ui.common.naming import named
from ui.common.stale import StaleGuard
from ui.context import AppContext

SHOWN_VISITS = 5


@dataclass(frozen=True)
class UnitVisits:
    unit_code: str
    due: list[PlanItem]
    visits: list[VisitRow]


def unit_visits(session: Session, unit_id: int) -> UnitVisits:
    code = session.scalar(select(Unit.code).where(Unit.id == unit_id)) or ""
    return UnitVisits(
        code,
        plan_items(session, unit_id=unit_id),
        visits.unit_visits(session, unit_id, limit=SHOWN_VISITS),
    )


class UnitVisitsPanel(QGroupBox):
    """Plan items and the last visits of one unit's household.

    Attributes: text (the lines shown), data (last loaded), record_button, dialog.
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Visits"), parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.data: UnitVisits | None = None
        self.dialog: QDialog | None = None
        self.text = named(QLabel(), "unit_visits")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.record_button = named(QPushButton(self.tr("Record a &visit…")), "unit_visit_record")
        self.record_button.clicked.connect(self.record_visit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.care or changes.tickets or changes.occupancy:
            self._stale.changed()

    def refresh(self) -> None:
        unit_id = self.unit_id
        self.ctx.query(
            lambda s: unit_visits(s, unit_id), parent=self, action="unit visits"
        ).success(self._show).run()

    def _due_line(self, item: PlanItem) -> str:
        text = self.tr("Due %1: %2 (%3)")
        if item.overdue:
            text = self.tr("OVERDUE since %1: %2 (%3)")
        return (
            text.replace("%1", f"{item.due_on:%Y-%m-%d}")
            .replace("%2", item.reason_zh)
            .replace("%3", item.detail)
        )

    def _visit_line(self, v: VisitRow) -> str:
        line = f"{clock.to_local(v.visited_at):%Y-%m-%d}  {v.reason_zh}  {v.visitor_name}"
        if v.rating:
            line += "  " + "★" * v.rating
        if v.findings:
            line += "：" + v.findings.replace("\n", " ")[:40]
        if v.ticket_number:
            line += "  " + self.tr("→ ticket %1").replace("%1", v.ticket_number)
        return line

    def _show(self, data: UnitVisits) -> None:
        self.data = data
        lines = [self._due_line(i) for i in data.due]
        lines += [self._visit_line(v) for v in data.visits]
        self.text.setText("\n".join(lines) if lines else self.tr("Not visited yet; no visit due."))

    def record_visit(self) -> None:
        label = self.data.unit_code if self.data is not None else ""
        due = self.data.due if self.data is not None else []
        dialog = (
            VisitDialog(ctx=self.ctx, item=due[0], parent=self)
            if due
            else VisitDialog(ctx=self.ctx, unit_id=self.unit_id, unit_label=label, parent=self)
        )
        self.dialog = dialog
        dialog.open()
