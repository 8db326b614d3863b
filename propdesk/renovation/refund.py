"""Deposit refund after acceptance: the deposit less itemised deductions, through the deposit ledger.

The deposit is held in the deposit ledger (:mod:`propdesk.deposits`), not on the unit's
fee account. At refund, in one transaction (:func:`propdesk.deposits.ledger.refund_deposit`):
each deduction becomes an income fee line on the unit (装修违规扣款, naming the permit and
the violation), settled from the deposit, so deductions count as billed and collected;
the rest (deposit − deductions, to the fen) is paid back on a 押金退款单. The deductions
are also kept on the permit; ``permit.refund_id`` is the ledger refund.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.deposits import ledger
from propdesk.deposits.models import DepositKind
from propdesk.deposits.values import DeductionItem
from propdesk.errors import InvalidTransition, NotAllowed, ValidationError
from propdesk.renovation.common import actor_of, fen, permit, text
from propdesk.renovation.models import DepositDeduction
from propdesk.renovation.permits import DEPOSIT_SOURCE
from propdesk.renovation.values import PermitStatus
from propdesk.renovation.workflow import next_state

#: States in which a collected deposit is refunded without the permit changing state.
STOPPED = (PermitStatus.REJECTED, PermitStatus.CANCELLED)
#: The fee item of a deduction's (income) bill line.
DEDUCTION_ITEM = ledger.DEDUCTION_ITEM[DepositKind.RENOVATION]


def refundable(status: str, deposit_receipt_no: str, refund_fen: int | None) -> bool:
    """Whether a permit's deposit can be refunded now (the UI enables the action with it)."""
    if status == PermitStatus.ACCEPTED:
        return True
    return status in STOPPED and bool(deposit_receipt_no) and refund_fen is None


@dataclass(frozen=True)
class Deduction:
    reason: str
    amount_fen: int


@dataclass(frozen=True)
class RefundResult:
    deposit_fen: int
    deducted_fen: int
    refund_fen: int
    refund_id: int | None  # the deposit ledger refund (None when no deposit was taken)


def net_refund(deposit_fen: int, deductions: Sequence[Deduction]) -> int:
    """Deposit minus the deductions, to the fen; refused when the deductions exceed it."""
    total = sum(d.amount_fen for d in deductions)
    if total > deposit_fen:
        raise ValidationError(
            "deductions", f"扣款合计 {total / 100:.2f} 元超过押金 {deposit_fen / 100:.2f} 元。"
        )
    return deposit_fen - total


def refund_deposit(
    session: Session,
    permit_id: int,
    *,
    deductions: Sequence[Deduction],
    method: str,
    on: date | None = None,
) -> RefundResult:
    """Refund the deposit of an accepted permit, less ``deductions``; closes the permit.

    ``on`` dates the refund, the deduction lines and their settlement on the unit's
    account (default: today).
    """
    require(actor_of(session), Permission.APPROVE)
    p = permit(session, permit_id, lock=True)
    if p.status in STOPPED:
        # an application rejected or withdrawn after its deposit was taken: the deposit
        # goes back (less any deductions) and the permit keeps its state
        if not p.deposit_receipt_no or p.refund_fen is not None:
            raise InvalidTransition("该装修申请没有待退的押金。")
        target = PermitStatus(p.status)
    else:
        target = next_state(p.status, "refund")
    if p.deposit_fen and not p.deposit_receipt_no:
        raise NotAllowed("该装修的押金没有收取记录，无法退还。")
    clean: list[Deduction] = []
    for d in deductions:
        reason = text(d.reason, "deductions", 100, "请填写每项扣款的原因。")
        clean.append(Deduction(reason, fen(d.amount_fen, "deductions", "扣款", allow_zero=False)))
    net = net_refund(p.deposit_fen, clean)
    rows = [
        DepositDeduction(permit_id=p.id, reason=d.reason, amount_fen=d.amount_fen) for d in clean
    ]
    session.add_all(rows)
    session.flush()
    refund_id: int | None = None
    if p.deposit_fen > 0:
        dep = ledger.deposit_for(session, DEPOSIT_SOURCE, str(p.id))
        if dep is None:
            raise NotAllowed("该装修的押金没有入账记录，无法退还。")
        items = "；".join(f"{d.reason} {d.amount_fen / 100:.2f}元" for d in clean)
        reason = f"装修押金退还 {p.permit_no}：押金 {p.deposit_fen / 100:.2f} 元"
        reason += f"，扣款 {items}" if items else "，无扣款"
        done = ledger.refund_deposit(
            session,
            dep.id,
            method=method,
            deductions=[DeductionItem(d.reason, d.amount_fen) for d in clean],
            reason=reason[:200],
            on=on,
        )
        refund_id = done.refund_id
    p.status = target.value
    p.refund_id = refund_id
    p.refund_fen = net
    p.refunded_on = clock.day_or_today(session, on)
    session.flush()
    return RefundResult(p.deposit_fen, p.deposit_fen - net, net, refund_id)
