"""What the survey tabs share: the campaign chooser, labels, and how a refusal is said."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QWidget

from propdesk import clock
from propdesk.errors import DomainError
from propdesk.surveys.values import CAMPAIGN_STATUS_ZH, CampaignRow, CampaignStatus
from ui.common.naming import named


def when(at: datetime | None) -> str:
    """An aware time as the estate's ``MM-dd HH:mm`` ("" for none)."""
    return f"{clock.to_local(at):%m-%d %H:%M}" if at is not None else ""


def rate(done: int, sample: int) -> str:
    return f"{done * 100 / sample:.1f}%" if sample else "—"


def say_refusal(
    label: QLabel, then: Callable[[], None] | None = None
) -> Callable[[BaseException], bool]:
    """A failure handler: a domain error's Chinese message in ``label`` (handled)."""

    def handle(exc: BaseException) -> bool:
        if isinstance(exc, DomainError):
            label.setText(exc.message)
            if then is not None:
                then()
            return True
        return False

    return handle


def table_view(name: str) -> QTableView:
    view = named(QTableView(), name)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)  # Tab leaves the list (rows are chosen, never cells)
    return view


class CampaignChooser(QComboBox):
    """The campaigns of some statuses; keeps the choice across reloads.

    Signals: chosen(int) — the campaign chosen (by the clerk or a reload that changed it).
    """

    chosen = Signal(int)

    def __init__(
        self, statuses: Sequence[CampaignStatus], name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.statuses = tuple(statuses)
        self.setMinimumContentsLength(18)
        self.rows: dict[int, CampaignRow] = {}
        self.currentIndexChanged.connect(self._changed)

    def set_campaigns(self, rows: Sequence[CampaignRow], *, announce: bool = True) -> None:
        """Offer ``rows`` of the chooser's statuses, keeping the choice when it is still
        there; ``announce``: emit ``chosen`` for the campaign now chosen."""
        keep = self.campaign_id()
        self.blockSignals(True)
        self.clear()
        self.rows = {}
        for c in rows:
            if c.status in self.statuses:
                self.rows[c.id] = c
                status = CAMPAIGN_STATUS_ZH.get(c.status, c.status)
                self.addItem(f"{c.name}（{status}）", c.id)
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        self.blockSignals(False)
        current = self.campaign_id()
        if announce and current is not None:
            self.chosen.emit(current)

    def select(self, campaign_id: int) -> None:
        index = self.findData(campaign_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def campaign_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def campaign(self) -> CampaignRow | None:
        cid = self.campaign_id()
        return self.rows.get(cid) if cid is not None else None

    def _changed(self, _index: int) -> None:
        cid = self.campaign_id()
        if cid is not None:
            self.chosen.emit(cid)
