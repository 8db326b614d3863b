"""Deposit refund after acceptance: the deposit less itemised deductions, through the fees module.

The deposit was a paid one-off charge on the unit's account. At refund the net amount
(deposit − deductions, in fen) is put back on the unit's credit and paid out with
:func:`propdesk.fees.refunds.refund_credit`, so the refund appears on the unit's account
with the deductions itemised in its reason; the deductions are kept on the permit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import InvalidTransition, NotAllowed, ValidationError
from propdesk.fees.credits import add_credit
from propdesk.fees.refunds import refund_credit
from propdesk.renovation.common import actor_of, fen, permit, text, today
from propdesk.renovation.models import DepositDeduction
from propdesk.renovation.values import PermitStatus
from propdesk.renovation.workflow import next_state

#: States in which a collected deposit is refunded without the permit changing state.
STOPPED = (PermitStatus.REJECTED, PermitStatus.CANCELLED)


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
    refund_id: int | None  # None when everything was deducted


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
    """Refund the deposit of an accepted permit, less ``deductions``; closes the permit."""
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
    if clean:
        session.execute(
            insert(DepositDeduction),
            [{"permit_id": p.id, "reason": d.reason, "amount_fen": d.amount_fen} for d in clean],
        )
    refund_id: int | None = None
    if net > 0:
        items = "；".join(f"{d.reason} {d.amount_fen / 100:.2f}元" for d in clean)
        reason = f"装修押金退还 {p.permit_no}：押金 {p.deposit_fen / 100:.2f} 元"
        reason += f"，扣款 {items}" if items else "，无扣款"
        add_credit(session, p.unit_id, net, "deposit_return")
        session.flush()
        refund_id = refund_credit(
            session, unit_id=p.unit_id, amount_fen=net, method=method, reason=reason[:200]
        )
    p.status = target.value
    p.refund_id = refund_id
    p.refund_fen = net
    p.refunded_on = on or today()
    session.flush()
    return RefundResult(p.deposit_fen, p.deposit_fen - net, net, refund_id)
