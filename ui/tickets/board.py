"""The ticket board: filters (kind, status, category, assignee, overdue, dates, text) and counts.

Every filter change rebuilds the SQL conditions (:func:`propdesk.tickets.queries.board_conditions`),
reloads the first batch and recounts per status in one grouped query (``ctx.query``, on the
worker). Enter or a double-click opens the ticket page; F2 registers a new ticket. Another
view opens the board filtered with a :class:`~ui.tickets.requests.TicketBoardRequest`.
When tickets change while the board is hidden it only marks itself stale and reloads when
shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.tickets import catalog
from propdesk.tickets.queries import BoardCounts, BoardFilter, board_conditions, board_counts
from propdesk.tickets.staff import list_staff
from propdesk.tickets.values import CategoryInfo, StaffInfo, TicketKind, TicketStatus
from ui.common.naming import named
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.events import Changes
from ui.tickets import labels
from ui.tickets.models import TicketListModel
from ui.tickets.requests import TicketBoardRequest

TEXT_DEBOUNCE_MS = 200


class TicketBoard(QWidget):
    """Filters, counts and the ticket list.

    Signals:
        open_record(str, int): a unit or person to show (from a ticket page link).

    Attributes:
        model: the :class:`TicketListModel` behind ``table``.
        counts_label: "all N · received … · overdue N" for the current filters.
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = named(QComboBox(), "filter_kind")
        self.kind.addItem(self.tr("All kinds"), None)
        for k in TicketKind:
            self.kind.addItem(labels.shown(labels.KINDS, k.value), k.value)
        self.status = named(QComboBox(), "filter_status")
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Open (not done)"), "open")
        for st in TicketStatus:
            self.status.addItem(labels.shown(labels.STATUSES, st.value), st.value)
        self.category = named(QComboBox(), "filter_category")
        self.assignee = named(QComboBox(), "filter_assignee")
        self.overdue = named(QCheckBox(self.tr("&Overdue only")), "filter_overdue")
        self.use_dates = named(QCheckBox(self.tr("&Registered")), "filter_use_dates")
        today = QDate(clock.today())
        self.date_from = named(QDateEdit(today.addMonths(-1)), "filter_from")
        self.date_to = named(QDateEdit(today), "filter_to")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.text = named(QLineEdit(), "filter_text")
        self.text.setPlaceholderText(self.tr("Number, unit, reporter, place or description"))
        self.text.setClearButtonEnabled(True)
        self.new_button = named(QPushButton(self.tr("&New ticket (F2)")), "new_ticket")
        self.counts_label = named(QLabel(), "board_counts")
        self._seq = 0
        self._stale = False

        filters = QHBoxLayout()
        for w in (self.kind, self.status, self.category, self.assignee, self.overdue):
            filters.addWidget(w)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("–"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.text, 1)
        filters.addWidget(self.new_button)

        # empty until apply_filters() below sets the board's filter (one first read, not two)
        self.model = TicketListModel(ctx=ctx, fetch=False, parent=self)
        self.table = RecordTableView(self)
        self.table.setObjectName("ticket_table")
        self.table.setModel(self.model)
        for col, width in (
            (0, 130),
            (1, 50),
            (2, 110),
            (3, 50),
            (4, 90),
            (5, 110),
            (6, 70),
            (7, 100),
            (8, 260),
            (9, 120),
            (10, 120),
            (11, 80),
        ):
            self.table.setColumnWidth(col, width)
        self.table.opened.connect(self.open_ticket)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TEXT_DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.text.textEdited.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self.apply_filters)
        for combo in (self.kind, self.status, self.category, self.assignee):
            combo.currentIndexChanged.connect(self._combo_changed)
        self.overdue.toggled.connect(self.apply_filters)
        self.use_dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_to.dateChanged.connect(self.apply_filters)
        self.new_button.clicked.connect(self.new_ticket)
        self._fill_lists()
        ctx.hub.changed.connect(self._on_changed)
        self.apply_filters()

    # --- filters ------------------------------------------------------------------------

    def _fill_lists(self, then: Callable[[], None] | None = None) -> None:
        """Reload the category and assignee lists (on the worker), then call ``then``."""
        kind: str | None = self.kind.currentData()

        def load(s: Session) -> tuple[list[CategoryInfo], list[StaffInfo]]:
            return catalog.list_categories(s, kind), list_staff(s)

        def loaded(lists: tuple[list[CategoryInfo], list[StaffInfo]]) -> None:
            self._show_lists(kind, *lists)
            if then is not None:
                then()

        self.ctx.query(load, parent=self, action="ticket board lists").success(loaded).run()

    def _show_lists(
        self, kind: str | None, cats: list[CategoryInfo], staff: list[StaffInfo]
    ) -> None:
        current_cat = self.category.currentData()
        current_who = self.assignee.currentData()
        for combo in (self.category, self.assignee):
            combo.blockSignals(True)
            combo.clear()
        self.category.addItem(self.tr("All categories"), None)
        for c in cats:
            prefix = "" if kind else labels.shown(labels.KINDS, c.kind) + " · "
            self.category.addItem(prefix + c.name, c.id)
        self.assignee.addItem(self.tr("Anyone"), None)
        for code in labels.DEPARTMENTS:
            self.assignee.addItem(labels.shown(labels.DEPARTMENTS, code), f"d:{code}")
        for person in staff:
            dept = labels.shown(labels.DEPARTMENTS, person.department)
            self.assignee.addItem(f"{person.name}（{dept}）", f"s:{person.id}")
        for combo, value in ((self.category, current_cat), (self.assignee, current_who)):
            index = combo.findData(value)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _combo_changed(self) -> None:
        if self.sender() is self.kind:
            self._fill_lists(then=self.apply_filters)
        else:
            self.apply_filters()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filters()

    def current_filter(self) -> BoardFilter:
        """The filter the widgets describe now."""
        dates: tuple[date | None, date | None] = (None, None)
        if self.use_dates.isChecked():
            dates = (_day(self.date_from), _day(self.date_to))
        return BoardFilter(
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            category_id=self.category.currentData(),
            assignee=self.assignee.currentData(),
            overdue=self.overdue.isChecked(),
            date_from=dates[0],
            date_to=dates[1],
            text=self.text.text(),
        )

    def apply_request(self, request: TicketBoardRequest) -> None:
        """Show exactly the tickets ``request`` asks for (one reload)."""
        widgets = (
            self.kind,
            self.status,
            self.overdue,
            self.use_dates,
            self.date_from,
            self.date_to,
            self.text,
        )
        for w in widgets:
            w.blockSignals(True)
        kind_changed = self.kind.currentData() != request.kind
        self.kind.setCurrentIndex(max(0, self.kind.findData(request.kind)))
        self.status.setCurrentIndex(max(0, self.status.findData(request.status)))
        self.overdue.setChecked(request.overdue)
        self.text.setText(request.text)
        dated = request.date_from is not None or request.date_to is not None
        self.use_dates.setChecked(dated)
        for edit, day in ((self.date_from, request.date_from), (self.date_to, request.date_to)):
            edit.setEnabled(dated)
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        for w in widgets:
            w.blockSignals(False)
        if kind_changed:
            self._fill_lists(then=self.apply_filters)
        else:
            self.apply_filters()

    def apply_filters(self) -> None:
        """Reload the list now; recount per status on the worker."""
        self._timer.stop()
        self._stale = False
        f = self.current_filter()
        self.model.update_now()
        now = self.model.now
        self.model.set_filter(*board_conditions(f, now))
        self._seq += 1
        seq = self._seq
        self.ctx.query(
            lambda s: board_counts(s, f, now=now), parent=self, action="ticket board counts"
        ).success(lambda counts: self._show_counts(seq, counts)).run()

    def _show_counts(self, seq: int, counts: BoardCounts) -> None:
        if seq != self._seq:  # a later filter change superseded these counts
            return
        parts = [self.tr("All %1").replace("%1", f"{counts.total:,}")]
        for st in TicketStatus:
            n = counts.by_status.get(st.value, 0)
            if n:
                parts.append(f"{labels.shown(labels.STATUSES, st.value)} {n:,}")
        parts.append(self.tr("Overdue %1").replace("%1", f"{counts.overdue:,}"))
        self.counts_label.setText("   ·   ".join(parts))

    # --- actions ------------------------------------------------------------------------

    def new_ticket(self) -> None:
        from ui.tickets.intake import IntakeDialog

        dialog = IntakeDialog(ctx=self.ctx, parent=self)
        if dialog.exec() and dialog.created is not None:
            self.open_ticket(dialog.created.id)

    def open_ticket(self, ticket_id: int) -> None:
        from ui.tickets.ticket_page import open_ticket_page

        open_ticket_page(self.ctx, ticket_id, open_record=self.open_record.emit, parent=self)

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.tickets or changes.settings):
            return
        if not self.isVisible():
            self._stale = True
        elif changes.settings:
            self._fill_lists(then=self.apply_filters)
        else:
            self.apply_filters()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._fill_lists(then=self.apply_filters)


def _day(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())
