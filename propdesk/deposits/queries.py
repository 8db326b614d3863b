"""Reading the deposit ledger: the list (押金台账), a receipt and a refund slip as plain values."""

from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import Executable, Integer, bindparam, func, select
from sqlalchemy.orm import Session

from propdesk.deposits.models import (
    DEPOSIT_KIND_ZH,
    DEPOSIT_STATUS_ZH,
    Deposit,
    DepositDeductionLine,
    DepositKind,
    DepositRefund,
    DepositStatus,
)
from propdesk.deposits.values import (
    DeductionItem,
    DepositDay,
    DepositReceiptData,
    DepositRow,
    RefundSlipData,
)
from propdesk.errors import NotFound
from propdesk.fees.models import PAY_METHOD_ZH, PayMethod
from propdesk.registry.models import Estate, Unit


def _method_zh(method: str) -> str:
    try:
        return PAY_METHOD_ZH[PayMethod(method)]
    except ValueError:
        return method


def deposit_rows(
    session: Session, *, held_only: bool = False, unit_id: int | None = None
) -> list[DepositRow]:
    """The ledger, newest first; ``held_only`` keeps deposits with money still held."""
    stmt = _ledger_statement(held_only, unit_id is not None)
    params = {} if unit_id is None else {"unit_id": unit_id}
    return [
        DepositRow(
            d.id,
            d.receipt_no,
            d.kind,
            DEPOSIT_KIND_ZH[DepositKind(d.kind)],
            d.unit_id,
            code,
            d.payer,
            d.description,
            d.amount_fen,
            d.refunded_fen,
            d.deducted_fen,
            d.received_on,
            d.status,
            DEPOSIT_STATUS_ZH[DepositStatus(d.status)],
        )
        for d, code in session.execute(stmt, params).all()
    ]


@cache
def _ledger_statement(held_only: bool, of_unit: bool) -> Executable:
    """Built once per shape (the unit page reads a unit's deposits for every unit opened);
    the unit is the bound parameter ``unit_id``."""
    stmt = (
        select(Deposit, Unit.code)
        .join(Unit, Unit.id == Deposit.unit_id)
        .order_by(Deposit.received_on.desc(), Deposit.id.desc())
    )
    if held_only:
        stmt = stmt.where(Deposit.status != DepositStatus.REFUNDED.value)
    if of_unit:
        stmt = stmt.where(Deposit.unit_id == bindparam("unit_id", type_=Integer))
    return stmt


def held_total_fen(session: Session) -> int:
    """Money held as deposits now (a liability, not income)."""
    return int(
        session.scalar(
            select(
                func.coalesce(
                    func.sum(Deposit.amount_fen - Deposit.refunded_fen - Deposit.deducted_fen), 0
                )
            )
        )
        or 0
    )


def _estate(session: Session, unit: Unit) -> tuple[str, str]:
    estate = session.get(Estate, unit.estate_id)
    return (estate.name, estate.company) if estate else ("", "")


def deposit_receipt(session: Session, deposit_id: int) -> DepositReceiptData:
    """What the 押金收据 of a deposit prints."""
    d = session.get(Deposit, deposit_id)
    if d is None:
        raise NotFound("该押金记录不存在。")
    unit = session.get(Unit, d.unit_id)
    assert unit is not None
    name, company = _estate(session, unit)
    return DepositReceiptData(
        receipt_no=d.receipt_no,
        estate_name=name,
        company=company,
        kind_zh=DEPOSIT_KIND_ZH[DepositKind(d.kind)],
        unit_code=unit.code,
        payer=d.payer,
        description=d.description,
        amount_fen=d.amount_fen,
        method=_method_zh(d.method),
        txn_ref=d.txn_ref or "",
        received_on=d.received_on,
        received_by=d.received_by,
    )


def refund_slip(session: Session, refund_id: int) -> RefundSlipData:
    """What the 押金退款单 of a refund prints."""
    r = session.get(DepositRefund, refund_id)
    if r is None:
        raise NotFound("该押金退款记录不存在。")
    d = session.get(Deposit, r.deposit_id)
    assert d is not None
    unit = session.get(Unit, d.unit_id)
    assert unit is not None
    name, company = _estate(session, unit)
    earlier = session.execute(
        select(
            func.coalesce(func.sum(DepositRefund.amount_fen + DepositRefund.deducted_fen), 0)
        ).where(DepositRefund.deposit_id == d.id, DepositRefund.id < r.id)
    ).scalar_one()
    deductions = tuple(
        DeductionItem(reason, amount)
        for reason, amount in session.execute(
            select(DepositDeductionLine.reason, DepositDeductionLine.amount_fen)
            .where(DepositDeductionLine.refund_id == r.id)
            .order_by(DepositDeductionLine.id)
        ).all()
    )
    return RefundSlipData(
        slip_no=r.slip_no,
        receipt_no=d.receipt_no,
        estate_name=name,
        company=company,
        kind_zh=DEPOSIT_KIND_ZH[DepositKind(d.kind)],
        unit_code=unit.code,
        payee=r.payee,
        description=d.description,
        deposit_fen=d.amount_fen,
        held_before_fen=d.amount_fen - int(earlier),
        deductions=deductions,
        amount_fen=r.amount_fen,
        method=_method_zh(r.method),
        reason=r.reason,
        refunded_on=r.refunded_on,
        by=r.by,
    )


def refund_ids(session: Session, deposit_id: int) -> list[int]:
    """The refunds of a deposit, oldest first."""
    return list(
        session.scalars(
            select(DepositRefund.id)
            .where(DepositRefund.deposit_id == deposit_id)
            .order_by(DepositRefund.id)
        )
    )


def deposit_day(session: Session, day: date, *, by: str | None = None) -> DepositDay:
    """Deposits taken and paid back on ``day`` (by the desk user named ``by``, or all).

    Deposit money is cash in the drawer like fees, so the cashier's daily close adds it
    (apart from fee income); ``by`` is the display name the ledger records.
    """
    taken = select(Deposit.method, Deposit.amount_fen, Deposit.receipt_no).where(
        Deposit.received_on == day
    )
    paid = select(DepositRefund.method, DepositRefund.amount_fen, DepositRefund.slip_no).where(
        DepositRefund.refunded_on == day, DepositRefund.amount_fen > 0
    )
    if by is not None:
        taken = taken.where(Deposit.received_by == by)
        paid = paid.where(DepositRefund.by == by)
    received: dict[str, int] = {}
    receipts: list[str] = []
    for method, amount, no in session.execute(taken.order_by(Deposit.receipt_no)).all():
        received[method] = received.get(method, 0) + int(amount)
        receipts.append(no)
    refunded: dict[str, int] = {}
    slips: list[str] = []
    for method, amount, no in session.execute(paid.order_by(DepositRefund.slip_no)).all():
        refunded[method] = refunded.get(method, 0) + int(amount)
        slips.append(no)
    return DepositDay(received, refunded, tuple(receipts), tuple(slips))
