"""Plain data for the printed work order (派工单); the PDF is built in ``reports``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from propdesk.errors import NotFound
from propdesk.registry.services import get_estate
from propdesk.tickets.queries import ticket_detail
from propdesk.tickets.values import (
    COST_KIND_ZH,
    KIND_ZH,
    SOURCE_ZH,
    URGENCY_ZH,
    CostKind,
    TicketKind,
    TicketSource,
    Urgency,
    department_label,
)
from propdesk.tickets.values import WorkOrderData as WorkOrderData
from propdesk.tickets.values import WorkOrderLine as WorkOrderLine


def work_order_data(session: Session, ticket_id: int) -> WorkOrderData:
    """Collect the work order of a ticket. Its reader is the technician, who needs the
    reporter's phone to call ahead: it prints in full, and printing it is audited (call this in
    a write transaction)."""
    from propdesk.print_audience import Reader, printed_phone
    from propdesk.tickets.models import Ticket

    info = ticket_detail(session, ticket_id)
    ticket = session.get(Ticket, ticket_id)
    phone = printed_phone(
        session,
        Reader.TECHNICIAN,
        ticket.reporter_phone if ticket is not None else "",
        needed=True,
        table="ticket",
        record_id=ticket_id,
        field="reporter_phone",
        document=f"派工单 {info.number}",
    )
    try:
        estate = get_estate(session)
        estate_name, company = estate.name, estate.company
    except NotFound:
        estate_name, company = "物业服务中心", ""
    dept = department_label(info.department)
    assignee = f"{info.staff_name}（{dept}）" if info.staff_name else dept
    place = info.unit_code
    if info.location:
        place = f"{place} {info.location}".strip()
    return WorkOrderData(
        estate_name=estate_name,
        company=company,
        number=info.number,
        kind=KIND_ZH[TicketKind(info.kind)],
        category=info.category_name,
        urgency=URGENCY_ZH[Urgency(info.urgency)],
        source=SOURCE_ZH[TicketSource(info.source)],
        created_at=info.created_at,
        place=place,
        contact=info.reporter_name,
        phone=phone,
        description=info.description,
        response_due=info.response_due,
        resolve_due=info.resolve_due,
        assignee=assignee,
        owner=info.owner_name,
        is_paid=info.is_paid,
        lines=tuple(
            WorkOrderLine(
                COST_KIND_ZH[CostKind(c.kind)],
                c.description,
                c.quantity,
                c.unit_price_fen,
                c.amount_fen,
            )
            for c in info.cost_lines
        ),
        reopen_count=info.reopen_count,
    )
