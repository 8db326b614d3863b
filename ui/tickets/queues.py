"""Work queues over the same SQL list model: due soon / overdue, and today's callbacks.

Counts and settings are read through ``ctx.query``. A queue that is hidden when tickets
change only marks itself stale and reloads when shown."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

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
        self._stale = False
        ctx.hub.changed.connect(self._on_changed)

    def open_ticket(self, ticket_id: int) -> None:
        from ui.tickets.ticket_page import open_ticket_page

        open_ticket_page(self.ctx, ticket_id, open_record=self.open_record.emit, parent=self)

    def reload(self) -> None:
        raise NotImplementedError

    def _on_changed(self, changes: Changes) -> None:
        if not (changes.tickets or changes.settings):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


class DueView(_Queue):
    """Overdue tickets first, then those whose deadline falls within the settings' horizon."""

    def __init__(self, *, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx=ctx, order=[Ticket.resolve_due], parent=parent)
        self.setObjectName("due_view")
        self.reload()

    def reload(self) -> None:
        self._stale = False
        self.model.update_now()
        now = self.model.now

        def load(s: Session) -> tuple[int, int, int]:
            hours = int(catalog.get_setting(s, "due_soon_hours"))
            late = count_overdue(s, now=now)
            due = or_(overdue_condition(now), due_soon_condition(now, hours))
            total = s.scalar(select(func.count()).select_from(Ticket).where(due))
            return hours, int(total or 0), late

        self.ctx.query(load, parent=self, action="due tickets").success(self._show).run()

    def _show(self, loaded: tuple[int, int, int]) -> None:
        hours, total, late = loaded
        now = self.model.now
        self.model.set_filter(or_(overdue_condition(now), due_soon_condition(now, hours)))
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
        self._stale = False
        self.model.update_now()
        self.model.set_filter(Ticket.status == TicketStatus.DONE.value)
        count = self.model.count_statement()
        self.ctx.query(
            lambda s: int(s.execute(count).scalar_one()), parent=self, action="callback queue"
        ).success(self._show_count).run()

    def _show_count(self, n: int) -> None:
        self.summary.setText(
            self.tr("%1 tickets wait for a callback (oldest first)").replace("%1", f"{n:,}")
        )

    def call_back_selected(self) -> None:
        ticket_id = self.table.current_id()
        if ticket_id is None and self.model.rowCount():
            ticket_id = self.model.row_id(0)
        if ticket_id is None:
            return
        from ui.tickets.ticket_page import open_ticket_page

        page = open_ticket_page(self.ctx, ticket_id, open_record=self.open_record.emit, parent=self)
        page.run_action("callback")
