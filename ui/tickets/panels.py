"""The ticket history panels on the unit and person pages (with "new ticket" for that record)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import Row
from sqlalchemy.orm import Session

from propdesk.tickets.models import Ticket
from ui.common.naming import named
from ui.common.table_view import RecordTableView
from ui.context import AppContext
from ui.events import Changes
from ui.tickets.models import TicketListModel


class TicketHistoryPanel(QWidget):
    """A record's tickets, newest first; overdue ones in red; Enter opens one.

    Attributes:
        kind: ``"unit"`` or ``"person"``.
        record_id: the unit or person id.
        model: the list model (filtered in SQL by the record).
    """

    def __init__(
        self, *, ctx: AppContext, kind: str, record_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.record_id = record_id
        column = Ticket.unit_id if kind == "unit" else Ticket.person_id
        self.title = named(QLabel(), "tickets_panel_title")
        self.title.setStyleSheet("font-weight: bold;")
        self.new_button = named(
            QPushButton(
                self.tr("New ticket for this %1…").replace(
                    "%1", self.tr("unit") if kind == "unit" else self.tr("person")
                )
            ),
            "tickets_panel_new",
        )
        self.new_button.clicked.connect(self.new_ticket)
        self.model = TicketListModel(
            ctx=ctx, conditions=[column == record_id], batch_size=50, fetch=False, parent=self
        )
        self.table = RecordTableView(self)
        self.table.setModel(self.model)
        self.table.fit_rows(1)  # then as many rows as there are (up to 8): see _show
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(8, 240)
        self.table.opened.connect(self.open_ticket)
        # No tickets: one quiet line instead of an empty table with ten column headers.
        self.empty = named(QLabel(self.tr("No service tickets yet.")), "tickets_panel_empty")
        self.empty.setStyleSheet("color: #777;")
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self._stale = False
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list (the record page calls this, and so does any ticket change): its
        first rows and the count are read on the worker, in one read."""
        self._stale = False
        self.model.update_now()  # overdue as of now
        rows, token = self.model.first_batch()
        count = self.model.count_statement()

        def read(s: Session) -> tuple[list[Row[Any]], int]:
            return list(s.execute(rows).all()), int(s.execute(count).scalar_one())

        self.ctx.query(read, parent=self, action="ticket history").success(
            lambda loaded: self._show(loaded, token)
        ).run()

    def _show(self, loaded: tuple[list[Row[Any]], int], token: int) -> None:
        rows, n = loaded
        self.model.show_first_batch(rows, token)
        self._show_count(n)
        self.table.fit_rows(n)

    def _show_count(self, n: int) -> None:
        self.title.setText(self.tr("Service tickets (%1)").replace("%1", f"{n:,}"))
        self.table.setVisible(n > 0)
        self.empty.setVisible(n == 0)

    def open_ticket(self, ticket_id: int) -> None:
        from ui.tickets.ticket_page import open_ticket_page

        # Parented to the window, not this panel: opening the unit (Alt+U) replaces the
        # record page this panel is on, and the ticket window stays open.
        open_ticket_page(
            self.ctx, ticket_id, open_record=self.record_opener(), parent=self.window()
        )

    def record_opener(self) -> Callable[[str, int], object] | None:
        """What opens a unit or person from the ticket's page: the ``open_record`` signal of
        the record page this panel sits on (the main window shows the record), if any."""
        widget = self.parentWidget()
        while widget is not None:
            signal = getattr(widget, "open_record", None)
            if isinstance(signal, SignalInstance):
                return signal.emit
            widget = widget.parentWidget()
        return None

    def new_ticket(self) -> None:
        from ui.tickets.intake import IntakeDialog

        dialog = IntakeDialog(
            ctx=self.ctx,
            unit_id=self.record_id if self.kind == "unit" else None,
            person_id=self.record_id if self.kind == "person" else None,
            parent=self,
        )
        if dialog.exec() and dialog.created is not None:
            self.open_ticket(dialog.created.id)

    def _on_changed(self, changes: Changes) -> None:
        if not changes.tickets:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
