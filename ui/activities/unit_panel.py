"""The unit page's panel: the household's participation in community activities.

It reloads on the database worker after an activities change, or when next shown if it
was hidden then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.queries import ParticipationRow, household_participation
from propdesk.activities.values import ACTIVITY_STATUS_ZH, SIGNUP_STATE_ZH, ActivityStatus
from propdesk.changes import Changes
from ui.common.naming import named
from ui.context import AppContext
from ui.renovation.widgets import StaleGuard


class UnitActivitiesPanel(QGroupBox):
    """One line per activity the household signed up for, newest first.

    Attributes: text (the lines shown), rows (the sign-ups last loaded).
    """

    def __init__(self, *, ctx: AppContext, unit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Community activities"), parent)
        self.ctx = ctx
        self.unit_id = unit_id
        self.rows: tuple[ParticipationRow, ...] = ()
        self.text = named(QLabel(), "unit_activities")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)
        self._stale = StaleGuard(self, self.refresh)
        ctx.hub.changed.connect(self._changed)  # a bound slot: dropped with the widget
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        if changes.activities:
            self._stale.changed()

    def refresh(self) -> None:
        unit_id = self.unit_id

        def read(s: Session) -> tuple[ParticipationRow, ...]:
            return household_participation(s, unit_id, limit=10)

        self.ctx.query(read, parent=self, action="unit activities").success(self._show).run()

    def _line(self, r: ParticipationRow) -> str:
        when = f"{clock.to_local(r.starts_at):%Y-%m-%d}"
        if r.attended:
            outcome = self.tr("came")
            if r.rating:
                outcome += " " + "★" * r.rating
        elif r.attended is False:
            outcome = self.tr("did not come")
        elif r.activity_status in (ActivityStatus.FINISHED.value, ActivityStatus.CANCELLED.value):
            outcome = ACTIVITY_STATUS_ZH[ActivityStatus(r.activity_status)]
        else:
            outcome = SIGNUP_STATE_ZH.get(r.state, r.state)
        return (
            self.tr("%1  %2, %3 person(s): %4")
            .replace("%1", when)
            .replace("%2", r.title)
            .replace("%3", str(r.persons))
            .replace("%4", outcome)
        )

    def _show(self, rows: tuple[ParticipationRow, ...]) -> None:
        self.rows = rows
        if not rows:
            self.text.setText(self.tr("Has not signed up for any activity."))
            return
        self.text.setText("\n".join(self._line(r) for r in rows))
