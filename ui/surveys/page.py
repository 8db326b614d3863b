"""The satisfaction survey page (满意度调查): tabs 调查活动 (campaigns), 电话访问 (the call
queue), 纸质录入 (paper forms), 复核 (re-checks), 结果 (results) and 题库 (question bank).

One read fills the campaign lists and the bank; each tab then reads what its campaign
needs. Hidden, the page only marks itself stale after a change and reloads when shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from propdesk.changes import Changes
from propdesk.surveys import queries as q
from propdesk.surveys.values import CampaignRow, QuestionnaireRow, QuestionRow
from ui.common.naming import named
from ui.common.stale import StaleGuard
from ui.context import AppContext
from ui.surveys.bank_tab import BankTab
from ui.surveys.calls_tab import CallsTab
from ui.surveys.campaigns_tab import CampaignsTab
from ui.surveys.paper_tab import PaperTab
from ui.surveys.recheck_tab import RecheckTab
from ui.surveys.results_tab import ResultsTab


@dataclass(frozen=True)
class Overview:
    campaigns: list[CampaignRow]
    questions: list[QuestionRow]
    questionnaires: list[QuestionnaireRow]


def _overview(session: Session) -> Overview:
    return Overview(
        q.list_campaigns(session),
        q.list_questions(session, include_inactive=True),
        q.list_questionnaires(session),
    )


class SurveysPage(QWidget):
    """Attributes: tabs; campaigns, calls, paper, recheck, results, bank (the tabs);
    overview (the last read of campaigns and bank)."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.overview: Overview | None = None
        self._stale = StaleGuard(self, self.reload)
        self.tabs = named(QTabWidget(), "surveys_tabs")
        self.campaigns = CampaignsTab(ctx=ctx)
        self.calls = CallsTab(ctx=ctx)
        self.paper = PaperTab(ctx=ctx)
        self.recheck = RecheckTab(ctx=ctx)
        self.results = ResultsTab(ctx=ctx)
        self.bank = BankTab(ctx=ctx)
        self.tabs.addTab(self.campaigns, self.tr("Campaigns"))
        self.tabs.addTab(self.calls, self.tr("Phone calls"))
        self.tabs.addTab(self.paper, self.tr("Paper forms"))
        self.tabs.addTab(self.recheck, self.tr("Re-checks"))
        self.tabs.addTab(self.results, self.tr("Results"))
        self.tabs.addTab(self.bank, self.tr("Question bank"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._dirty: set[QWidget] = set()  # campaign tabs to reload when next shown
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())
        ctx.hub.changed.connect(self._changed)
        self.reload()

    def primary_field(self) -> QWidget:
        current = self.tabs.currentWidget()
        field = getattr(current, "primary_field", None)
        return field() if callable(field) else self.tabs

    def _changed(self, changes: Changes) -> None:
        if changes.surveys:
            self._stale.changed()

    def reload(self) -> None:
        self.ctx.query(_overview, parent=self, action="surveys").success(self._show).run()

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        self.campaigns.show_campaigns(overview.campaigns)
        self.bank.show_bank(overview.questions, overview.questionnaires)
        tabs = (self.calls, self.paper, self.recheck, self.results)
        for tab in tabs:
            tab.set_campaigns(overview.campaigns)
        # only the tab on screen reads its campaign now (a phone answer saved does not wait
        # for the results to be recomputed); the others when they are shown
        self._dirty = set(tabs)
        self._reload_current()

    def _tab_shown(self) -> None:
        self._reload_current()
        self.primary_field().setFocus()

    def _reload_current(self) -> None:
        current = self.tabs.currentWidget()
        if current in self._dirty:
            self._dirty.discard(current)
            reload = getattr(current, "reload", None)
            if callable(reload):
                reload()
