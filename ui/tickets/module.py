"""The Service desk module: board, due soon / overdue, callbacks and complaint statistics as tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.common.naming import named
from ui.context import AppContext
from ui.tickets.board import TicketBoard
from ui.tickets.queues import CallbackQueue, DueView
from ui.tickets.requests import CallbackQueueRequest, DueTicketsRequest, TicketBoardRequest
from ui.tickets.stats_view import ComplaintStatsView

BOARD_TAB, DUE_TAB, CALLBACK_TAB, STATS_TAB = range(4)


class ServiceDeskPage(QWidget):
    """The navigation page of the service desk; tabs are built when first shown.

    Signals:
        open_record(str, int): show a unit or person page (from ticket pages).
    """

    open_record = Signal(str, int)

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = named(QTabWidget(), "service_desk_tabs")
        self.board = TicketBoard(ctx=ctx)
        self.board.open_record.connect(self.open_record)
        self.tabs.addTab(self.board, self.tr("Ticket board"))
        self._lazy: dict[int, tuple[str, Callable[[], QWidget]]] = {
            DUE_TAB: (self.tr("Due soon / overdue"), lambda: DueView(ctx=ctx)),
            CALLBACK_TAB: (self.tr("Callbacks"), lambda: CallbackQueue(ctx=ctx)),
            STATS_TAB: (self.tr("Complaint statistics"), lambda: ComplaintStatsView(ctx=ctx)),
        }
        for title, _factory in self._lazy.values():
            self.tabs.addTab(QWidget(), title)
        self.tabs.currentChanged.connect(self._build_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _build_tab(self, index: int) -> None:
        entry = self._lazy.pop(index, None)
        if entry is None:
            return
        title, factory = entry
        widget = factory()
        if isinstance(widget, DueView | CallbackQueue):
            widget.open_record.connect(self.open_record)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def show_tab(self, index: int) -> QWidget:
        """Switch to a tab (building it on first use) and return its widget."""
        self.tabs.setCurrentIndex(index)
        self._build_tab(index)
        widget = self.tabs.widget(index)
        assert widget is not None, index
        return widget

    def apply_request(self, request: object) -> None:
        """Show what another view asked for (``Navigate("tickets", request)``)."""
        if isinstance(request, TicketBoardRequest):
            self.show_tab(BOARD_TAB)
            self.board.apply_request(request)
        elif isinstance(request, DueTicketsRequest):
            self.show_tab(DUE_TAB)
        elif isinstance(request, CallbackQueueRequest):
            self.show_tab(CALLBACK_TAB)
        else:
            raise TypeError(f"ServiceDeskPage cannot apply {request!r}")


def open_intake(ctx: AppContext, parent: QWidget) -> None:
    """The global "new ticket" action (F2): intake, then the new ticket's page."""
    from ui.tickets.intake import IntakeDialog
    from ui.tickets.ticket_page import open_ticket_page

    # Started from a unit or person page: the new ticket is for that record.
    where = getattr(parent, "current_record", None)
    record = where() if callable(where) else None
    unit_id = record[1] if record is not None and record[0] == "unit" else None
    person_id = record[1] if record is not None and record[0] == "person" else None
    dialog = IntakeDialog(ctx=ctx, unit_id=unit_id, person_id=person_id, parent=parent)
    if dialog.exec() and dialog.created is not None:
        opener = getattr(parent, "open_record", None)
        open_ticket_page(
            ctx,
            dialog.created.id,
            open_record=opener if callable(opener) else None,
            parent=parent,
        )
