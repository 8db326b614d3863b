"""The unit's credit (预收款/溢缴款): overpayments and prepayments kept on the unit.

The balance is the sum of the unit's :class:`CreditEntry` rows. New bills consume it,
oldest open line first (:func:`apply_credits`, called by every billing run).
Chosen lines can be settled from it (:func:`pay_lines_from_credit`, 预收抵扣); the rest can
be refunded (:mod:`propdesk.fees.refunds`). No receipt number is used by either: no money
changes hands at the desk. Deposits (押金) are not credit: they live in the deposit ledger
(:mod:`propdesk.deposits`), whose refund settles deductions itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotAllowed, NotFound, ValidationError
from propdesk.fees.allocation import OpenLine, allocate
from propdesk.fees.models import Allocation, AllocKind, BillLine, CreditEntry
from propdesk.fees.period_lock import ensure_open
from propdesk.fees.picked_lines import picked_open_lines
from propdesk.registry.models import Unit

#: Credit entry kinds, as the statement shows them.
CREDIT_KIND_ZH = {
    "overpay": "溢缴转预收",
    "prepay": "预缴",
    "consume": "预收抵扣",
    "refund": "退款",
    "void": "收据作废冲回",
    "deposit_return": "押金转入预收",
}

_CHUNK = 500


def lock_unit(session: Session, unit_id: int) -> Unit:
    """The unit, locked for this transaction's money work (raises NotFound).

    Every action that moves money on a unit (payment, void, credit settlement, refund,
    deposit return) locks the unit first and then its bill lines in id order, so they run
    one after another per unit and cannot deadlock, and a credit balance read after the lock
    stays true until commit. PostgreSQL: ``FOR NO KEY UPDATE`` (rows that reference the
    unit can still be inserted). SQLite ignores it: a write transaction there begins with
    ``BEGIN IMMEDIATE`` (:mod:`propdesk.db.engine`) and so holds the database's one write
    lock already.
    """
    unit = session.get(Unit, unit_id, with_for_update={"key_share": True}, populate_existing=True)
    if unit is None:
        raise NotFound("房屋不存在。")
    return unit


def lock_units(session: Session, unit_ids: Sequence[int]) -> None:
    """Lock these units (see :func:`lock_unit`) in id order, in chunks."""
    ids = sorted(set(unit_ids))
    for i in range(0, len(ids), _CHUNK):
        session.execute(
            select(Unit.id)
            .where(Unit.id.in_(ids[i : i + _CHUNK]))
            .order_by(Unit.id)
            .with_for_update(key_share=True)
        ).all()


def credit_balance(session: Session, unit_id: int) -> int:
    """The unit's credit in fen (never negative in a consistent database)."""
    value = session.scalar(
        select(func.coalesce(func.sum(CreditEntry.amount_fen), 0)).where(
            CreditEntry.unit_id == unit_id
        )
    )
    return int(value or 0)


def add_credit(
    session: Session,
    unit_id: int,
    amount_fen: int,
    kind: str,
    *,
    payment_id: int | None = None,
    bill_line_id: int | None = None,
) -> None:
    """Add ``amount_fen`` (> 0) to the unit's credit.

    A payment's overpayment or prepayment (``payment_id`` given) needs
    :attr:`Permission.TAKE_PAYMENT`; credit that no payment brought in (a deposit's
    deduction) is an adjustment and needs :attr:`Permission.VOID_RECEIPT`.
    """
    actor = session.info.get("actor")
    require(actor, Permission.TAKE_PAYMENT if payment_id is not None else Permission.VOID_RECEIPT)
    session.add(
        CreditEntry(
            unit_id=unit_id,
            amount_fen=amount_fen,
            kind=kind,
            payment_id=payment_id,
            bill_line_id=bill_line_id,
            by=getattr(actor, "username", ""),
        )
    )


@dataclass(frozen=True)
class CreditSettlement:
    """Lines settled from a unit's credit: the fen used and the balance left."""

    unit_id: int
    line_ids: tuple[int, ...]
    used_fen: int
    balance_fen: int


def pay_lines_from_credit(
    session: Session, *, unit_id: int, line_ids: Sequence[int], on: date | None = None
) -> CreditSettlement:
    """Settle exactly these open lines of the unit in full from its credit (预收抵扣).

    No other line is touched; refused, with nothing changed, when a line is not the
    unit's, is settled already, or the credit does not cover them all. Each line gets a
    credit allocation and a ``consume`` credit entry, so the statement shows both.
    Needs :attr:`Permission.TAKE_PAYMENT`.
    """
    actor = session.info.get("actor")
    require(actor, Permission.TAKE_PAYMENT)
    if not line_ids:
        raise ValidationError("lines", "请选择要用预收款抵扣的账单。")
    if len(set(line_ids)) != len(line_ids):
        raise ValidationError("lines", "所选账单重复。")
    lock_unit(session, unit_id)
    lines = picked_open_lines(session, unit_id, line_ids, lock=True)
    owed = [line.amount_fen - line.paid_fen - line.waived_fen for line in lines]
    balance = credit_balance(session, unit_id)
    if sum(owed) > balance:
        raise NotAllowed(
            f"预收余额 {balance / 100:.2f} 元不足以抵扣所选账单 {sum(owed) / 100:.2f} 元。"
        )
    day = clock.day_or_today(session, on)
    ensure_open(session, day)
    username = getattr(actor, "username", "")
    allocations: list[dict[str, object]] = []
    entries: list[dict[str, object]] = []
    for line, take in zip(lines, owed, strict=True):
        line.paid_fen += take
        line.settled = True
        allocations.append(_credit_allocation(line, take, day))
        entries.append(_consume_entry(line, take, username))
    session.flush()
    session.execute(insert(Allocation), allocations)
    session.execute(insert(CreditEntry), entries)
    return CreditSettlement(unit_id, tuple(line_ids), sum(owed), balance - sum(owed))


def apply_credits(session: Session, unit_ids: Sequence[int], *, on: date | None = None) -> int:
    """Settle open lines of these units from their credit, oldest first; return fen used.

    Needs :attr:`Permission.TAKE_PAYMENT` (the billing run calls it for its units).
    """
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)
    if not unit_ids:
        return 0
    day = clock.day_or_today(session, on)
    ensure_open(session, day)
    username = getattr(session.info.get("actor"), "username", "")
    candidates = _units_with_credit(session, unit_ids)
    if not candidates:
        return 0
    # Lock, then read the balances again: they are now stable until commit.
    lock_units(session, list(candidates))
    balances = _units_with_credit(session, sorted(candidates))
    used_total = 0
    allocations: list[dict[str, object]] = []
    entries: list[dict[str, object]] = []
    for unit_id, balance in sorted(balances.items()):
        found = session.scalars(
            select(BillLine)
            .where(BillLine.unit_id == unit_id, BillLine.settled.is_(False))
            .order_by(BillLine.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).all()
        by_id = {line.id: line for line in found}
        plan = allocate(
            balance,
            [OpenLine(x.id, x.due_date, x.amount_fen - x.paid_fen - x.waived_fen) for x in found],
        )
        for part in plan.allocations:
            line = by_id[part.line_id]
            line.paid_fen += part.take_fen
            line.settled = line.paid_fen + line.waived_fen == line.amount_fen
            used_total += part.take_fen
            allocations.append(_credit_allocation(line, part.take_fen, day))
            entries.append(_consume_entry(line, part.take_fen, username))
    session.flush()
    if allocations:
        session.execute(insert(Allocation), allocations)
        session.execute(insert(CreditEntry), entries)
    return used_total


def _units_with_credit(session: Session, unit_ids: Sequence[int]) -> dict[int, int]:
    """Unit id → credit balance, for those of ``unit_ids`` with a positive balance."""
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
    return balances


def _credit_allocation(line: BillLine, take: int, day: date) -> dict[str, object]:
    """The allocation row of ``take`` fen of credit paying ``line`` on ``day``."""
    return {
        "bill_line_id": line.id,
        "payment_id": None,
        "kind": AllocKind.CREDIT.value,
        "amount_fen": take,
        "paid_on": day,
    }


def _consume_entry(line: BillLine, take: int, username: str) -> dict[str, object]:
    """The credit-ledger row taking ``take`` fen from ``line``'s unit to pay it."""
    return {
        "unit_id": line.unit_id,
        "amount_fen": -take,
        "kind": "consume",
        "bill_line_id": line.id,
        "by": username,
    }
