"""Work queues over the same SQL list model: due soon / overdue, and today's callbacks."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import or_

from propdesk.tickets import catalog
from propdesk.tickets.models import Ticket
from propdesk.tickets.queries import count_overdue, due_soon_condition, overdue_condition
from propdesk.tickets.values import TicketStatus
from ui.common.naming import named
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.events import Changes
from ui.tickets.models import TicketListModel


class _Queue(QWidget):
    """A titled ticket list that reloads when tickets change; Enter opens a ticket.

    Signals:
        open_record(str, int): forwarded from ticket pages.
    """

    open_record = Signal(str, int)

    def __init__(
        self, *, ctx: AppContext, order: list[object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = named(QLabel(), "queue_summary")
        self.model = TicketListModel(ctx=ctx, default_order=order, parent=self)
        self.table = RecordTableView(self)
        self.table.setModel(self.model)
        self.table.opened.connect(self.open_ticket)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(8, 260)
        self.top = QHBoxLayout()
        self.top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.table, 1)
        ctx.hub.changed.connect(self._on_changed)

    def open_ticket(self, ticket_id: int) -> None:
        from ui.tickets.ticket_page import open_ticket_page

        open_ticket_page(self.ctx, ticket_id, parent=self).open_record.connect(self.open_record)

    def reload(self) -> None:
        raise NotImplementedError

    def _on_changed(self, changes: Changes) -> None:
        if changes.any("tickets", "settings"):
            self.reload()


class DueView(_Queue):
    """Overdue tickets first, then those whose deadline falls within the settings' horizon."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, order=[Ticket.resolve_due], parent=parent)
        self.setObjectName("due_view")
        self.reload()

    def reload(self) -> None:
        hours = int(self.ctx.read(lambda s: catalog.get_setting(s, "due_soon_hours")))
        self.model.update_now()
        now = self.model.now
        self.model.set_filter(or_(overdue_condition(now), due_soon_condition(now, hours)))
        total = self.model.total_count()
        late = self.ctx.read(lambda s: count_overdue(s, now=now))
        self.summary.setText(
            self.tr("%1 overdue, %2 due within %3 hours (done deadline first)")
            .replace("%1", f"{late:,}")
            .replace("%2", f"{total - late:,}")
            .replace("%3", str(hours))
        )


class CallbackQueue(_Queue):
    """Tickets done and not yet called back, oldest completion first."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, order=[Ticket.done_at], parent=parent)
        self.setObjectName("callback_queue")
        self.call_button = named(QPushButton(self.tr("&Call back selected…")), "callback_selected")
        self.call_button.clicked.connect(self.call_back_selected)
        self.top.addWidget(self.call_button)
        self.reload()

    def reload(self) -> None:
        self.model.update_now()
        self.model.set_filter(Ticket.status == TicketStatus.DONE.value)
        self.summary.setText(
            self.tr("%1 tickets wait for a callback (oldest first)").replace(
                "%1", f"{self.model.total_count():,}"
            )
        )

    def call_back_selected(self) -> None:
        ticket_id = self.table.current_id()
        if ticket_id is None and self.model.rowCount():
            ticket_id = self.model.row_id(0)
        if ticket_id is None:
            return
        from ui.tickets.ticket_page import open_ticket_page

        page = open_ticket_page(self.ctx, ticket_id, parent=self)
        page.open_record.connect(self.open_record)
        page.run_action("callback")
