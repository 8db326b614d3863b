"""Loading a ticket for a change: locked for the transaction, its version checked."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.errors import Conflict, NotFound
from propdesk.tickets.models import Ticket


def load(session: Session, ticket_id: int, expected_version: int | None = None) -> Ticket:
    """The ticket row, locked for this transaction's change; checks the version shown."""
    ticket = session.get(Ticket, ticket_id, with_for_update=True)
    if ticket is None:
        raise NotFound("找不到该工单，可能已被删除。")
    if expected_version is not None and ticket.version != expected_version:
        raise Conflict(
            f"工单 {ticket.number} 已被其他工作站修改，请刷新后再操作（您的操作未保存）。"
        )
    return ticket
