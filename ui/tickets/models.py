"""The ticket list model: every ticket list (board, queues, unit/person panels) over SQL.

Filtering and sorting happen in SQL; rows are fetched in batches. Overdue rows are red
and their status says so; the "now" used for overdue is taken at each refresh.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import aliased

from propdesk import clock
from propdesk.privacy import shown_phone
from propdesk.registry.models import Unit
from propdesk.tickets.models import Staff, Ticket, TicketCategory
from propdesk.tickets.queries import overdue_expr
from ui.common.sql_table_model import SqlColumn, SqlTableModel
from ui.context import AppContext
from ui.tickets import labels

OVERDUE_COLOUR = QColor("#b00020")
_STAFF = aliased(Staff, name="assignee")
AnyIndex = QModelIndex | QPersistentModelIndex


def desk_now(ctx: AppContext) -> datetime:
    """Now by the database's clock (the process clock if it has none): lists evaluate
    "overdue" against it before they query."""
    return ctx.db.clock.now() if ctx.db.clock is not None else clock.now()


def ticket_base() -> Any:
    """``ticket ⟕ unit ⋈ category ⟕ staff`` with only the id selected."""
    return select(Ticket.id).select_from(
        Ticket.__table__.outerjoin(Unit.__table__, Unit.id == Ticket.unit_id)
        .join(TicketCategory.__table__, TicketCategory.id == Ticket.category_id)
        .outerjoin(_STAFF, _STAFF.id == Ticket.staff_id)
    )


class TicketListModel(SqlTableModel):
    """Tickets as rows: number, kind, status (with overdue), urgency, category, place,
    reporter, description, registered, deadline, assignee, owner.

    Attributes:
        ctx: the app context (the database and who sees phones).
    """

    STATUS_COLUMN = 2

    def __init__(
        self,
        *,
        ctx: AppContext,
        default_order: list[Any] | None = None,
        conditions: list[ColumnElement[bool]] | None = None,
        batch_size: int = 200,
        fetch: bool = True,
        parent: QObject | None = None,
    ) -> None:
        self.ctx = ctx
        self._now = desk_now(ctx)
        self._overdue = overdue_expr(self._now).label("overdue")
        actor = ctx.actor
        super().__init__(
            db=ctx.db,
            base=ticket_base().where(*(conditions or [])),
            id_column=Ticket.id,
            columns=[
                SqlColumn(self.tr("Number"), Ticket.number),
                SqlColumn(
                    self.tr("Kind"), Ticket.kind, fmt=lambda v: labels.shown(labels.KINDS, v)
                ),
                SqlColumn(
                    self.tr("Status"), Ticket.status, fmt=lambda v: labels.shown(labels.STATUSES, v)
                ),
                SqlColumn(
                    self.tr("Urgency"),
                    Ticket.urgency,
                    fmt=lambda v: labels.shown(labels.URGENCIES, v),
                ),
                SqlColumn(self.tr("Category"), TicketCategory.name),
                SqlColumn(self.tr("Unit / place"), Unit.code, fmt=_plain, sort_expr=Unit.code),
                SqlColumn(self.tr("Reporter"), Ticket.reporter_name),
                SqlColumn(
                    self.tr("Phone"),
                    Ticket.reporter_phone,
                    fmt=lambda v: shown_phone(actor, v),
                    sortable=False,
                ),
                SqlColumn(self.tr("Description"), Ticket.description, sortable=False),
                SqlColumn(self.tr("Registered"), Ticket.created_at, fmt=labels.local_time),
                SqlColumn(self.tr("Due"), Ticket.resolve_due, fmt=labels.local_time),
                SqlColumn(self.tr("Assignee"), _STAFF.name, fmt=_plain),
                SqlColumn(self.tr("Owner"), Ticket.owner_name),
            ],
            default_order=default_order
            if default_order is not None
            else [Ticket.created_at.desc()],
            extra=[
                self._overdue,
                Ticket.location.label("location"),
                Ticket.department.label("department"),
            ],
            batch_size=batch_size,
            fetch=fetch,
            parent=parent,
        )

    @property
    def now(self) -> datetime:
        return self._now

    def update_now(self) -> None:
        """Take the current time for the overdue column (the next reload uses it)."""
        self._now = desk_now(ctx=self.ctx)
        new = overdue_expr(self._now).label("overdue")
        self._extra = [new if getattr(e, "name", "") == "overdue" else e for e in self._extra]

    def reload(self) -> None:
        """Re-evaluate overdue against the current time and reload from the top."""
        self.update_now()
        self.refresh()

    def is_overdue(self, row: int) -> bool:
        return bool(self.row(row).overdue)

    def row_foreground(self, row: Row[Any]) -> QColor | None:
        return OVERDUE_COLOUR if row.overdue else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return value
        row = self.row(index.row())
        if index.column() == self.STATUS_COLUMN and row.overdue:
            return f"{value} · {labels.overdue_text()}"
        if index.column() == 5 and not value:
            return row.location
        if index.column() == 11 and not value:
            return labels.shown(labels.DEPARTMENTS, row.department)
        if index.column() == 8:
            text = str(value or "")
            return text if len(text) <= 40 else text[:39] + "…"
        return value


def _plain(value: Any) -> str:
    return "" if value is None else str(value)
