"""The collection rate (收缴率) of a month or a range, by building or by item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.changes import Changes
from propdesk.errors import DomainError
from propdesk.fees.collection import CollectionRow, collection_rows, rate_text, summarize
from propdesk.fees.money import yuan
from propdesk.fees.periods import period_of
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext
from ui.fees.list_model import ListTableModel
from ui.fees.requests import CollectionRequest


class CollectionPage(QWidget):
    """Billed vs collected; current period and arrears separately. Attributes: ``model``."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = False
        self._ready = False  # the months are set from the estate's today first
        self._select: str | None = None  # building row to select after the next load
        self.first = QLineEdit(self)
        self.last = QLineEdit(self)
        self.group = QComboBox(self)
        self.group.addItem(self.tr("By building"), "building")
        self.group.addItem(self.tr("By item"), "item")
        self.group.addItem(self.tr("Building × item"), "both")
        show = QPushButton(self.tr("Sho&w"), self)
        from ui.dashboard.exports import FEE_SHEET_BUTTON

        self.export_button = QPushButton(FEE_SHEET_BUTTON.text(), self)
        self.export_button.setObjectName("export_fee_sheet")
        self.export_button.setToolTip(FEE_SHEET_BUTTON.tip())
        # where to save: the remembering save dialog (tests put a function here)
        self.ask_xlsx_path: Callable[[QWidget, str, str], str] | None = None
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.model: ListTableModel[CollectionRow] = ListTableModel(
            [
                (self.tr("Building"), lambda r: r.building, False),
                (self.tr("Item"), lambda r: r.item, False),
                (self.tr("Billed"), lambda r: yuan(r.billed_fen), True),
                (self.tr("Collected"), lambda r: yuan(r.collected_fen), True),
                (self.tr("Waived"), lambda r: yuan(r.waived_fen), True),
                (self.tr("Rate"), lambda r: rate_text(r.rate), True),
                (self.tr("Arrears at start"), lambda r: yuan(r.arrears_base_fen), True),
                (self.tr("Arrears collected"), lambda r: yuan(r.arrears_collected_fen), True),
                (self.tr("Arrears rate"), lambda r: rate_text(r.arrears_rate), True),
            ],
            highlight=lambda r: r.building == "合计",
            parent=self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        for label, w in ((self.tr("From month:"), self.first), (self.tr("To month:"), self.last)):
            top.addWidget(QLabel(label, self))
            top.addWidget(w)
        top.addWidget(self.group)
        top.addWidget(show)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        show.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export_fee_sheet)
        self.first.returnPressed.connect(self.refresh)
        self.last.returnPressed.connect(self.refresh)
        self.group.currentIndexChanged.connect(self.refresh)
        ctx.hub.changed.connect(self._on_changed)
        ctx.query(clock.today, parent=self, action="collection rate").success(self._start).run()

    def _start(self, today: date) -> None:
        if self._ready:  # a request came first
            return
        this = period_of(today)
        self.first.setText(this)
        self.last.setText(this)
        self._ready = True
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.fees or changes.payments:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def apply_request(self, request: object) -> None:
        """Apply a :class:`CollectionRequest` (other requests are ignored)."""
        if isinstance(request, CollectionRequest):
            self.show_period(request.period, building=request.building)

    def show_period(self, period: str, *, building: str | None = None) -> None:
        """Show ``period`` (``YYYY-MM``) by building and select ``building``'s row if given."""
        self.first.setText(period)
        self.last.setText(period)
        self.group.blockSignals(True)
        self.group.setCurrentIndex(max(0, self.group.findData("building")))
        self.group.blockSignals(False)
        self._ready = True
        self._select = building
        self.refresh()

    def refresh(self) -> None:
        """Reload the figures for the months as set (on the worker)."""
        if not self._ready:
            return
        self.error.clear()
        first, last = self.first.text(), self.last.text() or self.first.text()
        by = str(self.group.currentData())
        select, self._select = self._select, None

        def read(s: Session) -> list[CollectionRow]:
            return list(collection_rows(s, first, last))

        def show(rows: list[CollectionRow]) -> None:
            shown = rows if by == "both" else summarize(rows, by)
            self.model.set_rows([*shown, *summarize(rows, "total")])
            self.view.clearSelection()
            for row in range(self.model.rowCount()):
                if select is not None and self.model.index(row, 0).data() == select:
                    self.view.selectRow(row)
                    return

        def refused(exc: BaseException) -> bool:
            if isinstance(exc, DomainError):
                self.error.setText(str(exc))
                return True
            return False

        self.ctx.query(read, parent=self, action="collection rate").success(show).failure(
            refused
        ).run()

    def export_fee_sheet(self) -> None:
        """The fee collection sheet (收费明细表) of the months shown, with receipts."""
        from ui.dashboard.exports import export_fee_sheet

        first, last = self.first.text().strip(), (self.last.text() or self.first.text()).strip()
        export_fee_sheet(
            self.ctx,
            self,
            first=first,
            last=last,
            per_building=self.group.currentData() == "building",
            ask=self.ask_xlsx_path,
        )
