"""The collection rate (收缴率) of a month or a range, by building or by item."""

from __future__ import annotations

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

from propdesk.clock import local_today
from propdesk.errors import DomainError
from propdesk.fees.collection import CollectionRow, collection_rows, rate_text, summarize
from propdesk.fees.money import yuan
from propdesk.fees.periods import period_of
from ui.common.forms import ERROR_STYLE
from ui.context import AppContext
from ui.events import Changes
from ui.fees.list_model import ListTableModel


class CollectionPage(QWidget):
    """Billed vs collected; current period and arrears separately. Attributes: ``model``."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        this = period_of(local_today())
        self.first = QLineEdit(this, self)
        self.last = QLineEdit(this, self)
        self.group = QComboBox(self)
        self.group.addItem(self.tr("By building"), "building")
        self.group.addItem(self.tr("By item"), "item")
        self.group.addItem(self.tr("Building × item"), "both")
        show = QPushButton(self.tr("&Show"), self)
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
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        show.clicked.connect(self.refresh)
        self.first.returnPressed.connect(self.refresh)
        self.last.returnPressed.connect(self.refresh)
        self.group.currentIndexChanged.connect(self.refresh)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("fees", "payments"):
            self.refresh()

    def show_period(self, period: str, *, building: str | None = None) -> None:
        """Show ``period`` (``YYYY-MM``) by building and select ``building``'s row if given."""
        self.first.setText(period)
        self.last.setText(period)
        self.group.blockSignals(True)
        self.group.setCurrentIndex(max(0, self.group.findData("building")))
        self.group.blockSignals(False)
        self.refresh()
        self.view.clearSelection()
        if building is None:
            return
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data() == building:
                self.view.selectRow(row)
                return

    def refresh(self) -> None:
        self.error.clear()
        first, last = self.first.text(), self.last.text() or self.first.text()
        try:
            rows = self.ctx.read(lambda s: collection_rows(s, first, last))
        except DomainError as exc:
            self.error.setText(str(exc))
            return
        by = str(self.group.currentData())
        shown = rows if by == "both" else summarize(rows, by)
        self.model.set_rows([*shown, *summarize(rows, "total")])
