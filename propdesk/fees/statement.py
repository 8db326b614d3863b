"""A unit's account statement (对账单): every bill line and every payment, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.fees.credits import credit_balance
from propdesk.fees.models import PAY_METHOD_ZH, BillLine, FeeItem, Payment, PayMethod


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


def unit_statement(session: Session, unit_id: int, *, since: str = "") -> Statement:
    """Lines (optionally from period ``since`` on) and payments of a unit, newest first."""
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
        )
        for p in session.scalars(
            select(Payment).where(Payment.unit_id == unit_id).order_by(Payment.paid_at.desc())
        ).all()
    )
    return Statement(
        unit_id,
        lines,
        pays,
        sum(x.amount_fen for x in lines),
        sum(x.paid_fen for x in lines),
        sum(x.waived_fen for x in lines),
        sum(x.owed_fen for x in lines),
        credit_balance(session, unit_id),
    )
