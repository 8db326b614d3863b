"""The team page (团队): tabs 考核 (assessment) and 排班 (roster).

Hidden, it only marks itself stale after a change and reloads when shown.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from propdesk.changes import Changes
from ui.common.naming import named
from ui.context import AppContext
from ui.team.assessment_tab import AssessmentTab
from ui.team.roster_tab import RosterTab


class TeamPage(QWidget):
    """Attributes: tabs; assessment (AssessmentTab); roster (RosterTab).

    Signals:
        open_record(str, int): a ticket or unit opened from the assessment's drill-down (the
        main window connects it and opens the record as everywhere else).
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self.tabs = named(QTabWidget(), "team_tabs")
        self.assessment = AssessmentTab(ctx=ctx)
        self.assessment.open_record.connect(self.open_record)
        self.roster = RosterTab(ctx=ctx)
        self.tabs.addTab(self.assessment, self.tr("Assessment"))
        self.tabs.addTab(self.roster, self.tr("Roster"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.primary_field().setFocus())
        ctx.hub.changed.connect(self._changed)
        self.assessment.start()
        self.roster.start()

    def primary_field(self) -> QWidget:
        current = self.tabs.currentWidget()
        if isinstance(current, (AssessmentTab, RosterTab)):
            return current.primary_field()
        return self.tabs

    def _changed(self, changes: Changes) -> None:
        wanted = changes.assessment or changes.roster or changes.tickets or changes.calls
        if not wanted:
            return
        if self.isVisible():
            self.reload(changes)
        else:
            self._stale = True

    def reload(self, changes: Changes | None = None) -> None:
        if changes is None or changes.assessment or changes.tickets or changes.calls:
            self.assessment.reload()
        if changes is None or changes.roster or changes.tickets or changes.calls:
            self.roster.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()
