"""The unit's credit (预收款/溢缴款): overpayments and prepayments kept on the unit.

The balance is the sum of the unit's :class:`CreditEntry` rows. New bills consume it,
oldest open line first (:func:`apply_credits`, called by every billing run).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from propdesk.fees.models import Allocation, AllocKind, BillLine, CreditEntry

_CHUNK = 500


def credit_balance(session: Session, unit_id: int) -> int:
    """The unit's credit in fen (never negative in a consistent database)."""
    value = session.scalar(
        select(func.coalesce(func.sum(CreditEntry.amount_fen), 0)).where(
            CreditEntry.unit_id == unit_id
        )
    )
    return int(value or 0)


def add_credit(
    session: Session, unit_id: int, amount_fen: int, kind: str, *, payment_id: int | None = None
) -> None:
    """Add ``amount_fen`` (> 0) to the unit's credit."""
    actor = session.info.get("actor")
    session.add(
        CreditEntry(
            unit_id=unit_id,
            amount_fen=amount_fen,
            kind=kind,
            payment_id=payment_id,
            by=getattr(actor, "username", ""),
        )
    )


def apply_credits(session: Session, unit_ids: Sequence[int], *, on: date | None = None) -> int:
    """Settle open lines of these units from their credit, oldest first; return fen used."""
    if not unit_ids:
        return 0
    day = on or date.today()
    username = getattr(session.info.get("actor"), "username", "")
    balances: dict[int, int] = {}
    for i in range(0, len(unit_ids), _CHUNK):
        part = list(unit_ids[i : i + _CHUNK])
        rows = session.execute(
            select(CreditEntry.unit_id, func.sum(CreditEntry.amount_fen))
            .where(CreditEntry.unit_id.in_(part))
            .group_by(CreditEntry.unit_id)
            .having(func.sum(CreditEntry.amount_fen) > 0)
        ).all()
        balances.update({int(u): int(b) for u, b in rows})
    used_total = 0
    allocations: list[dict[str, object]] = []
    entries: list[dict[str, object]] = []
    for unit_id, balance in sorted(balances.items()):
        lines = session.scalars(
            select(BillLine)
            .where(BillLine.unit_id == unit_id, BillLine.settled.is_(False))
            .order_by(BillLine.due_date, BillLine.id)
        ).all()
        for line in lines:
            if balance <= 0:
                break
            owed = line.amount_fen - line.paid_fen - line.waived_fen
            take = min(owed, balance)
            if take <= 0:
                continue
            line.paid_fen += take
            line.settled = line.paid_fen + line.waived_fen == line.amount_fen
            balance -= take
            used_total += take
            allocations.append(
                {
                    "bill_line_id": line.id,
                    "payment_id": None,
                    "kind": AllocKind.CREDIT.value,
                    "amount_fen": take,
                    "paid_on": day,
                }
            )
            entries.append(
                {
                    "unit_id": unit_id,
                    "amount_fen": -take,
                    "kind": "consume",
                    "bill_line_id": line.id,
                    "by": username,
                }
            )
    session.flush()
    if allocations:
        session.execute(insert(Allocation), allocations)
        session.execute(insert(CreditEntry), entries)
    return used_total
