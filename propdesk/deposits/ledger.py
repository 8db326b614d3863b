"""Receiving and refunding deposits (押金收取与退还).

A deposit is held money, not income: it never becomes a fee bill line, so billed,
collected and the collection rate never see it. At refund, each deduction kept
(e.g. 装修违规扣款) *is* income: it is posted as a one-off fee line on the unit and
settled at once from the deposit (the kept amount passes through the unit's credit as a
``deposit_return`` entry (押金转入预收) and is consumed by the line in the same transaction), so it
counts as billed and collected on the refund day. The rest is paid back; the deposit is
``refunded`` when nothing is held any more, ``partly`` while some still is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.deposits.models import (
    DEPOSIT_KIND_ZH,
    Deposit,
    DepositDeductionLine,
    DepositKind,
    DepositRefund,
    DepositStatus,
)
from propdesk.deposits.numbers import RECEIPT_PREFIX, SLIP_PREFIX, next_number
from propdesk.deposits.values import DeductionItem, DepositRefundResult, ReceivedDeposit
from propdesk.errors import Conflict, InvalidTransition, NotFound, ValidationError
from propdesk.fees.charges import post_one_off_charge
from propdesk.fees.credits import add_credit, pay_lines_from_credit
from propdesk.fees.models import Payment, PayMethod
from propdesk.fees.period_lock import ensure_open
from propdesk.registry.models import Unit
from propdesk.session_info import actor_name
from propdesk.validate import clean_text, fen_amount

#: Fee item of a deduction's income line, by deposit kind.
DEDUCTION_ITEM = {
    DepositKind.RENOVATION: "renovation_deduction",
    DepositKind.KEY: "other",
    DepositKind.OTHER: "other",
}
DEDUCTION_SOURCE = "deposit_deduction"
#: The kept part of a deposit passes through the unit's credit under this kind (押金转入预收).
DEDUCTION_CREDIT_KIND = "deposit_return"


def _method(method: str) -> str:
    try:
        m = PayMethod(method)
    except ValueError:
        raise ValidationError("method", "请选择付款方式。") from None
    if m is PayMethod.CREDIT:
        raise ValidationError("method", "押金不能用预收款抵扣，请选择实际付款方式。")
    return m.value


def receive_deposit(
    session: Session,
    *,
    kind: str,
    unit_id: int,
    amount_fen: int,
    method: str,
    payer: str = "",
    description: str = "",
    source: str = "",
    source_ref: str = "",
    txn_ref: str | None = None,
    on: date | None = None,
) -> ReceivedDeposit:
    """Take a deposit into the ledger and issue its 押金收据 (own number series).

    ``source``/``source_ref`` name what it secures; the same source is taken once.
    ``on`` dates it (default today); a closed month, or the day this cashier has closed
    (日结), is refused. Needs :attr:`Permission.TAKE_PAYMENT`.
    """
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)
    try:
        k = DepositKind(kind)
    except ValueError:
        raise ValidationError("kind", "押金类别不正确。") from None
    amount = fen_amount(amount_fen, "amount_fen", "押金", allow_zero=False)
    if session.get(Unit, unit_id) is None:
        raise NotFound("房屋不存在，无法收取押金。")
    if source:
        taken = session.scalar(
            select(Deposit.receipt_no).where(
                Deposit.source == source, Deposit.source_ref == source_ref
            )
        )
        if taken is not None:
            raise Conflict(f"该押金已收取（押金收据 {taken}）。")
    ref = (txn_ref or "").strip() or None
    if ref is not None and (
        session.scalar(select(Deposit.id).where(Deposit.txn_ref == ref)) is not None
        or session.scalar(select(Payment.id).where(Payment.txn_ref == ref)) is not None
    ):
        raise Conflict("该交易流水号已登记过，请勿重复收取。")
    day = clock.day_or_today(session, on)
    receipt_no = next_number(session, RECEIPT_PREFIX, day.year)
    # After the number: a daily close in progress holds the series, so this waits for it and
    # then sees the day closed (as fee payments do).
    ensure_open(session, day, cashier=actor_name(session))
    dep = Deposit(
        receipt_no=receipt_no,
        kind=k.value,
        unit_id=unit_id,
        payer=clean_text(payer, "payer", 50),
        amount_fen=amount,
        method=_method(method),
        txn_ref=ref,
        description=clean_text(description, "description", 200) or DEPOSIT_KIND_ZH[k],
        source=source,
        source_ref=source_ref,
        received_at=clock.now(session),
        received_on=day,
        received_by=actor_name(session),
    )
    session.add(dep)
    session.flush()
    return ReceivedDeposit(dep.id, receipt_no, amount)


def deposit_for(session: Session, source: str, source_ref: str) -> Deposit | None:
    """The deposit taken for ``(source, source_ref)``, if any."""
    return session.scalar(
        select(Deposit).where(Deposit.source == source, Deposit.source_ref == source_ref)
    )


def refund_deposit(
    session: Session,
    deposit_id: int,
    *,
    method: str,
    deductions: Sequence[DeductionItem] = (),
    amount_fen: int | None = None,
    payee: str = "",
    reason: str = "",
    on: date | None = None,
) -> DepositRefundResult:
    """Refund a held deposit less ``deductions``; print it as a 押金退款单.

    ``amount_fen`` is what is paid back (default: everything still held less the
    deductions); a smaller amount leaves the deposit ``partly`` refunded. Each deduction
    becomes an income fee line on the unit, settled from the deposit. One transaction.
    A closed month, or the day this cashier has closed (日结), is refused.
    Needs :attr:`Permission.VOID_RECEIPT` (as refunds of fees do).
    """
    require(session.info.get("actor"), Permission.VOID_RECEIPT)
    dep = session.get(Deposit, deposit_id, with_for_update=True)
    if dep is None:
        raise NotFound("该押金记录不存在。")
    if dep.status == DepositStatus.REFUNDED:
        raise InvalidTransition(f"押金 {dep.receipt_no} 已全部退还。")
    held = dep.amount_fen - dep.refunded_fen - dep.deducted_fen
    clean: list[DeductionItem] = []
    for d in deductions:
        why = clean_text(d.reason, "deductions", 100, "请填写每项扣款的原因。")
        clean.append(
            DeductionItem(why, fen_amount(d.amount_fen, "deductions", "扣款", allow_zero=False))
        )
    deducted = sum(d.amount_fen for d in clean)
    if deducted > held:
        raise ValidationError(
            "deductions", f"扣款合计 {deducted / 100:.2f} 元超过在押金额 {held / 100:.2f} 元。"
        )
    paid_back = (
        held - deducted if amount_fen is None else fen_amount(amount_fen, "amount_fen", "退款")
    )
    if paid_back + deducted > held:
        raise ValidationError(
            "amount_fen",
            f"退款 {paid_back / 100:.2f} 元加扣款超过在押金额 {held / 100:.2f} 元。",
        )
    if paid_back + deducted == 0:
        raise ValidationError("amount_fen", "请填写退款金额或扣款。")
    day = clock.day_or_today(session, on)
    slip_no = next_number(session, SLIP_PREFIX, day.year)
    ensure_open(session, day, cashier=actor_name(session))  # after the number (see above)
    refund = DepositRefund(
        slip_no=slip_no,
        deposit_id=dep.id,
        amount_fen=paid_back,
        deducted_fen=deducted,
        method=_method(method) if paid_back else dep.method,
        payee=clean_text(payee, "payee", 50) or dep.payer,
        reason=clean_text(reason, "reason", 200),
        refunded_on=day,
        at=clock.now(session),
        by=actor_name(session),
    )
    session.add(refund)
    session.flush()
    line_ids: list[int] = []
    item = DEDUCTION_ITEM[DepositKind(dep.kind)]
    for d in clean:
        row = DepositDeductionLine(refund_id=refund.id, reason=d.reason, amount_fen=d.amount_fen)
        session.add(row)
        session.flush()
        row.bill_line_id = post_one_off_charge(
            session,
            unit_id=dep.unit_id,
            amount_fen=d.amount_fen,
            description=f"{dep.description} 扣款：{d.reason}"[:200],
            source=DEDUCTION_SOURCE,
            source_id=row.id,
            item_code=item,
            on=day,
        )
        line_ids.append(row.bill_line_id)
    if line_ids:
        add_credit(session, dep.unit_id, deducted, DEDUCTION_CREDIT_KIND)
        session.flush()
        pay_lines_from_credit(session, unit_id=dep.unit_id, line_ids=line_ids, on=day)
    dep.refunded_fen += paid_back
    dep.deducted_fen += deducted
    left = dep.amount_fen - dep.refunded_fen - dep.deducted_fen
    dep.status = (DepositStatus.REFUNDED if left == 0 else DepositStatus.PARTLY).value
    session.flush()
    return DepositRefundResult(
        refund.id, refund.slip_no, dep.amount_fen, deducted, paid_back, left, tuple(line_ids)
    )
