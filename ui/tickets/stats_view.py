"""Complaint classification statistics (投诉分类统计): by category, department and month.

Read through ``ctx.query``; a hidden view only marks itself stale when tickets change and
reloads when shown. Printing builds the PDF on the worker."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.registry.services import get_estate, has_estate
from propdesk.tickets.stats import complaint_stats
from propdesk.tickets.values import ComplaintStats, StatLine
from ui.common.naming import named
from ui.context import AppContext
from ui.events import Changes

AnyIndex = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class StatLinesModel(QAbstractTableModel):
    """Lines of one grouping (a few dozen at most): label, count, share, valid, handled, hours, satisfaction."""

    def __init__(self, first_header: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first_header = first_header
        self.lines: list[StatLine] = []

    def set_lines(self, lines: tuple[StatLine, ...]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            line.label,
            f"{line.count:,}",
            f"{line.share_permille // 10}.{line.share_permille % 10}%",
            f"{line.valid_count:,}",
            f"{line.handled_count:,}",
            "" if line.avg_handling_hours is None else f"{line.avg_handling_hours:.1f}",
            "" if line.avg_satisfaction is None else f"{line.avg_satisfaction:.2f}",
        )[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.first_header,
            self.tr("Complaints"),
            self.tr("Share"),
            self.tr("Valid"),
            self.tr("Handled"),
            self.tr("Avg. hours to done"),
            self.tr("Satisfaction (1–5)"),
        )
        return headers[section] if 0 <= section < len(headers) else None


class ComplaintStatsView(QWidget):
    """Choose a date range; see the three groupings with counts, shares, times and satisfaction.

    Attributes:
        stats: the :class:`ComplaintStats` shown.
        by_category, by_department, by_month: the three table models.
    """

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = QDate(clock.today())
        self.stats: ComplaintStats | None = None
        self._stale = False
        self.date_from = named(QDateEdit(QDate(today.year(), today.month(), 1)), "stats_from")
        self.date_to = named(QDateEdit(today), "stats_to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.reload)
        this_year = named(QPushButton(self.tr("This &year")), "stats_year")
        this_year.clicked.connect(lambda: self.set_range(QDate(today.year(), 1, 1), today))
        self.print_button = named(QPushButton(self.tr("P&rint…")), "stats_print")
        self.print_button.clicked.connect(self.print_stats)
        self.total = named(QLabel(), "stats_total")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Registered from")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.date_to)
        top.addWidget(this_year)
        top.addWidget(self.total, 1)
        top.addWidget(self.print_button)
        self.by_category = StatLinesModel(self.tr("Category"), self)
        self.by_department = StatLinesModel(self.tr("Responsible department"), self)
        self.by_month = StatLinesModel(self.tr("Month"), self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for title, model in (
            (self.tr("By category"), self.by_category),
            (self.tr("By responsible department"), self.by_department),
            (self.tr("By month"), self.by_month),
        ):
            box = QGroupBox(title)
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            inner = QVBoxLayout(box)
            inner.addWidget(view)
            layout.addWidget(box, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def set_range(self, start: QDate, end: QDate) -> None:
        self.date_from.blockSignals(True)
        self.date_from.setDate(start)
        self.date_from.blockSignals(False)
        self.date_to.setDate(end)
        self.reload()

    def reload(self) -> None:
        """Recompute the statistics of the chosen range (on the worker)."""
        self._stale = False
        start, end = _day(self.date_from), _day(self.date_to)
        self.ctx.query(
            lambda s: complaint_stats(s, start, end), parent=self, action="complaint statistics"
        ).success(self._show).run()

    def _show(self, stats: ComplaintStats) -> None:
        self.stats = stats
        self.by_category.set_lines(stats.by_category)
        self.by_department.set_lines(stats.by_department)
        self.by_month.set_lines(stats.by_month)
        self.total.setText(
            self.tr("%1 complaints in the range (cancelled ones not counted)").replace(
                "%1", f"{stats.total:,}"
            )
        )

    def print_stats(self) -> None:
        """Build the printed report of the statistics shown (on the worker), then preview it."""
        from ui.printing.preview import show_pdf_preview

        stats = self.stats
        if stats is None:
            return

        def shown(pdf: bytes) -> None:
            show_pdf_preview(
                self.ctx,
                pdf,
                title=self.tr("Complaint statistics"),
                suggested_name=f"投诉分类统计-{stats.start:%Y%m%d}-{stats.end:%Y%m%d}.pdf",
                parent=self,
            )

        self.ctx.query(
            lambda s: stats_pdf(s, stats), parent=self, action="print complaint statistics"
        ).busy(self.print_button).success(shown).run()

    def _on_changed(self, changes: Changes) -> None:
        if not changes.tickets:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def stats_pdf(session: Session, stats: ComplaintStats) -> bytes:
    """``stats`` as the printed report, under the estate's name (if it is set up)."""
    from reports.pdf.tickets_complaint_stats import complaint_stats_pdf

    name = company = ""
    if has_estate(session):
        estate = get_estate(session)
        name, company = estate.name, estate.company
    return complaint_stats_pdf(stats, estate_name=name, company=company)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())
