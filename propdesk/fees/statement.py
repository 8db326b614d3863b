"""A unit's account statement (对账单): bill lines, payments, refunds and credit movements.

Everything is newest first. The credit movements (预收款变动) are the unit's credit ledger
with a running balance: money kept as credit, deposits returned to it, lines settled from
it and refunds paid out of it, so the account reconciles to the fen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from propdesk import clock
from propdesk.fees.credits import CREDIT_KIND_ZH, credit_balance
from propdesk.fees.models import (
    PAY_METHOD_ZH,
    BillLine,
    CreditEntry,
    FeeItem,
    Payment,
    PayMethod,
    Refund,
)


@dataclass(frozen=True)
class StatementLine:
    line_id: int
    item_name: str
    period: str
    description: str
    due_date: date
    amount_fen: int
    paid_fen: int
    waived_fen: int
    owed_fen: int


@dataclass(frozen=True)
class StatementPayment:
    payment_id: int
    receipt_no: str
    paid_on: date
    amount_fen: int
    method: str
    txn_ref: str
    credit_fen: int
    discount_fen: int
    taken_by: str
    voided: bool
    void_reason: str
    voided_by: str = ""  # who asked for the void
    void_approved_by: str = ""  # who authorised it


@dataclass(frozen=True)
class StatementRefund:
    refund_id: int
    refunded_on: date
    amount_fen: int
    method: str
    reason: str
    by: str


@dataclass(frozen=True)
class StatementCreditMove:
    """One change of the unit's credit: ``amount_fen`` > 0 in, < 0 out."""

    entry_id: int
    on: date
    kind: str  # overpay / prepay / consume / refund / void / deposit_return
    label: str  # the kind in Chinese
    amount_fen: int
    balance_fen: int  # the credit after this movement
    detail: str  # the receipt, bill line or refund it concerns
    line_id: int | None
    refund_id: int | None


@dataclass(frozen=True)
class Statement:
    unit_id: int
    lines: tuple[StatementLine, ...]
    payments: tuple[StatementPayment, ...]
    billed_fen: int
    paid_fen: int
    waived_fen: int
    owed_fen: int
    credit_fen: int
    refunds: tuple[StatementRefund, ...] = ()
    credit_moves: tuple[StatementCreditMove, ...] = ()
    refunded_fen: int = 0


def _refunds(session: Session, unit_id: int) -> tuple[StatementRefund, ...]:
    rows = session.scalars(
        select(Refund).where(Refund.unit_id == unit_id).order_by(Refund.at.desc(), Refund.id.desc())
    ).all()
    return tuple(
        StatementRefund(
            r.id,
            r.refunded_on,
            r.amount_fen,
            PAY_METHOD_ZH.get(PayMethod(r.method), r.method),
            r.reason,
            r.by,
        )
        for r in rows
    )


def _credit_moves(session: Session, unit_id: int) -> tuple[StatementCreditMove, ...]:
    item = aliased(FeeItem)
    rows = session.execute(
        select(
            CreditEntry.id,
            CreditEntry.at,
            CreditEntry.kind,
            CreditEntry.amount_fen,
            CreditEntry.bill_line_id,
            CreditEntry.refund_id,
            Payment.receipt_no,
            item.name,
            BillLine.period,
            BillLine.description,
            Refund.refunded_on,
            Refund.method,
            Refund.reason,
        )
        .outerjoin(Payment, Payment.id == CreditEntry.payment_id)
        .outerjoin(BillLine, BillLine.id == CreditEntry.bill_line_id)
        .outerjoin(item, item.id == BillLine.item_id)
        .outerjoin(Refund, Refund.id == CreditEntry.refund_id)
        .where(CreditEntry.unit_id == unit_id)
        .order_by(CreditEntry.at, CreditEntry.id)
    ).all()
    moves: list[StatementCreditMove] = []
    balance = 0
    for (
        eid,
        at,
        kind,
        amount,
        line_id,
        refund_id,
        receipt,
        name,
        period,
        desc,
        r_on,
        r_m,
        r_why,
    ) in rows:
        balance += amount
        parts: list[str] = []
        if receipt:
            parts.append(f"收据 {receipt}")
        if name:
            parts.append(" ".join(x for x in (name, period, desc) if x))
        if r_m:
            parts.append(f"{PAY_METHOD_ZH.get(PayMethod(r_m), r_m)}：{r_why}")
        moves.append(
            StatementCreditMove(
                eid,
                r_on or clock.local_date(at),
                kind,
                CREDIT_KIND_ZH.get(kind, kind),
                amount,
                balance,
                "；".join(parts),
                line_id,
                refund_id,
            )
        )
    return tuple(reversed(moves))


def unit_statement(session: Session, unit_id: int, *, since: str = "") -> Statement:
    """Lines (optionally from period ``since`` on), payments, refunds and credit movements."""
    stmt = (
        select(
            BillLine.id,
            FeeItem.name,
            BillLine.period,
            BillLine.description,
            BillLine.due_date,
            BillLine.amount_fen,
            BillLine.paid_fen,
            BillLine.waived_fen,
        )
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(BillLine.unit_id == unit_id)
        .order_by(BillLine.due_date.desc(), BillLine.id.desc())
    )
    if since:
        stmt = stmt.where(BillLine.period >= since)
    lines = tuple(
        StatementLine(i, n, p, d, due, a, paid, w, a - paid - w)
        for i, n, p, d, due, a, paid, w in session.execute(stmt).all()
    )
    pays = tuple(
        StatementPayment(
            p.id,
            p.receipt_no,
            p.paid_on,
            p.amount_fen,
            PAY_METHOD_ZH[PayMethod(p.method)],
            p.txn_ref or "",
            p.credit_fen,
            p.discount_fen,
            p.taken_by,
            p.voided,
            p.void_reason,
            p.voided_by,
            p.void_approved_by,
        )
        for p in session.scalars(
            select(Payment).where(Payment.unit_id == unit_id).order_by(Payment.paid_at.desc())
        ).all()
    )
    refunds = _refunds(session, unit_id)
    return Statement(
        unit_id,
        lines,
        pays,
        sum(x.amount_fen for x in lines),
        sum(x.paid_fen for x in lines),
        sum(x.waived_fen for x in lines),
        sum(x.owed_fen for x in lines),
        credit_balance(session, unit_id),
        refunds,
        _credit_moves(session, unit_id),
        sum(r.amount_fen for r in refunds),
    )
