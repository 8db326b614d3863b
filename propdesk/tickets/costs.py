"""Paid repairs (有偿服务): labour and materials lines in fen, posted as a one-off charge.

When a paid repair is marked done, its total becomes a one-off charge on the unit's
fee account through :func:`propdesk.fees.charges.post_one_off_charge` (source
``"ticket"``, the ticket id), in the same transaction; the fees module then bills
and collects it like any other line. The charge id is kept on the ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.clock import local_date
from propdesk.errors import NotAllowed, ValidationError
from propdesk.tickets.loading import load
from propdesk.tickets.models import Ticket, TicketCostLine
from propdesk.tickets.values import COST_KIND_ZH, CostKind, TicketKind, TicketStatus
from propdesk.tickets.workflow import Action, record

MAX_LINE_FEN = 10_000_000  # 100,000 元 per line: anything above is a typing error
CHARGE_SOURCE = "ticket"


@dataclass(frozen=True)
class CostLineInput:
    kind: str
    description: str
    quantity: int
    unit_price_fen: int


def set_cost_lines(
    session: Session,
    ticket_id: int,
    lines: Sequence[CostLineInput],
    *,
    is_paid: bool = True,
    at: datetime | None = None,
    expected_version: int | None = None,
) -> int:
    """Replace a repair's paid-service lines; returns the total in fen.

    Allowed until the work is done (afterwards the charge is posted and fixed).
    """
    now = clock.at_or_now(session, at)
    ticket = load(session, ticket_id, expected_version)
    if ticket.kind != TicketKind.REPAIR.value:
        raise NotAllowed("只有报修工单可以登记有偿服务费用。")
    if ticket.status not in (
        TicketStatus.RECEIVED.value,
        TicketStatus.DISPATCHED.value,
        TicketStatus.IN_PROGRESS.value,
    ):
        raise NotAllowed(f"工单 {ticket.number} 已完工或已取消，不能再修改费用。")
    rows = []
    for n, line in enumerate(lines, start=1):
        try:
            kind = CostKind(line.kind)
        except ValueError:
            raise ValidationError("kind", f"第{n}行：请选择人工或材料。") from None
        desc = (line.description or "").strip()
        if not desc:
            raise ValidationError("description", f"第{n}行：请填写项目名称。")
        if len(desc) > 100:
            raise ValidationError("description", f"第{n}行：项目名称不能超过100个字。")
        for field, value in (("quantity", line.quantity), ("unit_price_fen", line.unit_price_fen)):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(field, f"第{n}行：数量和单价必须是整数。")
        if not 1 <= line.quantity <= 10_000:
            raise ValidationError("quantity", f"第{n}行：数量应在1到10000之间。")
        if line.unit_price_fen < 0:
            raise ValidationError("unit_price_fen", f"第{n}行：单价不能为负数。")
        amount = line.quantity * line.unit_price_fen
        if amount > MAX_LINE_FEN:
            raise ValidationError("unit_price_fen", f"第{n}行：金额过大，请检查。")
        rows.append((kind, desc, line.quantity, line.unit_price_fen, amount))
    session.execute(delete(TicketCostLine).where(TicketCostLine.ticket_id == ticket.id))
    for kind, desc, qty, price, amount in rows:
        session.add(
            TicketCostLine(
                ticket_id=ticket.id,
                kind=kind.value,
                description=desc,
                quantity=qty,
                unit_price_fen=price,
                amount_fen=amount,
            )
        )
    ticket.is_paid = bool(is_paid)
    total = sum(r[4] for r in rows)
    summary = "；".join(f"{COST_KIND_ZH[k]} {d} ×{q}" for k, d, q, _p, _a in rows) or "清空费用"
    record(session, ticket, Action.COSTS, now, note=f"合计 {_yuan(total)} 元：{summary}")
    ticket.updated_at = now
    session.flush()
    return total


def total_fen(session: Session, ticket_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(TicketCostLine.amount_fen), 0)).where(
                TicketCostLine.ticket_id == ticket_id
            )
        )
        or 0
    )


def post_paid_repair(session: Session, ticket: Ticket, at: datetime) -> int | None:
    """Post the repair's total as a one-off charge on its unit (called when it is done)."""
    total = total_fen(session, ticket.id)
    if total <= 0:
        return None
    if ticket.unit_id is None:
        raise ValidationError("unit_id", "有偿服务必须关联房屋，才能登记收费。")
    from propdesk.fees.charges import post_one_off_charge

    charge_id = post_one_off_charge(
        session,
        unit_id=ticket.unit_id,
        amount_fen=total,
        description=f"有偿维修 {ticket.number}",
        source=CHARGE_SOURCE,
        source_id=ticket.id,
        item_code="paid_repair",
        on=local_date(at),
    )
    ticket.charge_id = charge_id
    return charge_id


def _yuan(fen: int) -> str:
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,}.{cents:02d}"
