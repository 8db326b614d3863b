"""The money invariant: what every bill line and payment must agree with, always.

* Each bill line's ``paid_fen`` equals the sum of its live allocations (payment and credit
  allocations not reversed, of payments not voided), and no line is settled beyond its
  amount (paid + waived <= amount).
* Each live payment's amount equals its allocated part plus the credit it left, and its
  allocated part equals the sum of its live payment allocations.
* No unit's credit balance is negative.

:func:`check_money` finds every break of these in a handful of aggregate queries; the
command line offers it as ``propdesk check money``, and the fee tests call it after each
scenario (including concurrent runs on PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from propdesk.fees.models import Allocation, AllocKind, BillLine, CreditEntry, Payment
from propdesk.registry.models import Unit


class ProblemKind(StrEnum):
    LINE_PAID = "line_paid"  # paid_fen != live allocations
    LINE_OVER = "line_over"  # paid + waived > amount
    PAYMENT = "payment"  # amount != allocated + credit, or allocated != its allocations
    CREDIT = "credit"  # negative credit balance


@dataclass(frozen=True)
class Problem:
    """One break of the invariant: which record, what it says, what it should say."""

    kind: ProblemKind
    record_id: int  # bill line, payment or unit id (by kind)
    unit_code: str
    expected_fen: int
    actual_fen: int
    message: str


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def check_money(session: Session) -> list[Problem]:
    """Every break of the money invariant (see the module docstring); empty when all is well.

    On PostgreSQL the check's whole-table sums are joined by hash, whatever the statistics
    say: right after a bulk load, before autovacuum analysed the tables, the planner took
    them for empty and nested-looped the grouped allocations once per bill line (a CI run
    sat in this query for 38 minutes, holding locks every later test waited for)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        session.execute(text("SET LOCAL enable_nestloop = off"))
    try:
        return _check_money(session)
    finally:
        if postgres:
            session.execute(text("RESET enable_nestloop"))


def _check_money(session: Session) -> list[Problem]:
    problems: list[Problem] = []
    live = (
        select(
            Allocation.bill_line_id.label("line_id"),
            func.sum(Allocation.amount_fen).label("fen"),
        )
        .outerjoin(Payment, Payment.id == Allocation.payment_id)
        .where(
            Allocation.reversed.is_(False),
            Allocation.kind != AllocKind.DISCOUNT.value,
            or_(Allocation.payment_id.is_(None), Payment.voided.is_(False)),
        )
        .group_by(Allocation.bill_line_id)
        .subquery()
    )
    alloc_fen = func.coalesce(live.c.fen, 0)
    rows = session.execute(
        select(
            BillLine.id.label("line_id"),
            BillLine.period.label("period"),
            BillLine.amount_fen.label("amount_fen"),
            BillLine.paid_fen.label("paid_fen"),
            BillLine.waived_fen.label("waived_fen"),
            alloc_fen.label("alloc_fen"),
            Unit.code.label("unit_code"),
        )
        .join(Unit, Unit.id == BillLine.unit_id)
        .outerjoin(live, live.c.line_id == BillLine.id)
        .where(
            or_(
                BillLine.paid_fen != alloc_fen,
                BillLine.paid_fen + BillLine.waived_fen > BillLine.amount_fen,
            )
        )
        .order_by(BillLine.id)
    ).all()
    for row in rows:
        if row.paid_fen != row.alloc_fen:
            problems.append(
                Problem(
                    ProblemKind.LINE_PAID,
                    row.line_id,
                    row.unit_code,
                    int(row.alloc_fen),
                    row.paid_fen,
                    f"账单 #{row.line_id}（{row.unit_code} {row.period}）已收 {_yuan(row.paid_fen)}"
                    f" 元，但有效分配合计 {_yuan(int(row.alloc_fen))} 元。",
                )
            )
        if row.paid_fen + row.waived_fen > row.amount_fen:
            problems.append(
                Problem(
                    ProblemKind.LINE_OVER,
                    row.line_id,
                    row.unit_code,
                    row.amount_fen,
                    row.paid_fen + row.waived_fen,
                    f"账单 #{row.line_id}（{row.unit_code} {row.period}）应收"
                    f" {_yuan(row.amount_fen)} 元，已收加减免"
                    f" {_yuan(row.paid_fen + row.waived_fen)} 元，超出应收。",
                )
            )
    problems.extend(_payment_problems(session))
    problems.extend(_credit_problems(session))
    return problems


def _payment_problems(session: Session) -> list[Problem]:
    per_payment = (
        select(
            Allocation.payment_id.label("payment_id"),
            func.sum(Allocation.amount_fen).label("fen"),
        )
        .where(
            Allocation.reversed.is_(False),
            Allocation.kind == AllocKind.PAYMENT.value,
            Allocation.payment_id.is_not(None),
        )
        .group_by(Allocation.payment_id)
        .subquery()
    )
    alloc_fen = func.coalesce(per_payment.c.fen, 0)
    rows = session.execute(
        select(
            Payment.id.label("payment_id"),
            Payment.receipt_no.label("receipt_no"),
            Payment.amount_fen.label("amount_fen"),
            Payment.allocated_fen.label("allocated_fen"),
            Payment.credit_fen.label("credit_fen"),
            alloc_fen.label("alloc_fen"),
            Unit.code.label("unit_code"),
        )
        .join(Unit, Unit.id == Payment.unit_id)
        .outerjoin(per_payment, per_payment.c.payment_id == Payment.id)
        .where(
            Payment.voided.is_(False),
            or_(
                Payment.amount_fen != Payment.allocated_fen + Payment.credit_fen,
                Payment.allocated_fen != alloc_fen,
            ),
        )
        .order_by(Payment.id)
    ).all()
    return [
        Problem(
            ProblemKind.PAYMENT,
            row.payment_id,
            row.unit_code,
            row.amount_fen,
            int(row.alloc_fen) + row.credit_fen,
            f"收据 {row.receipt_no}（{row.unit_code}）金额 {_yuan(row.amount_fen)} 元，"
            f"但分配 {_yuan(int(row.alloc_fen))} 元（记为 {_yuan(row.allocated_fen)} 元）"
            f"加预收 {_yuan(row.credit_fen)} 元不相等。",
        )
        for row in rows
    ]


def _credit_problems(session: Session) -> list[Problem]:
    balance = func.sum(CreditEntry.amount_fen)
    rows = session.execute(
        select(
            CreditEntry.unit_id.label("unit_id"),
            Unit.code.label("unit_code"),
            balance.label("balance"),
        )
        .join(Unit, Unit.id == CreditEntry.unit_id)
        .group_by(CreditEntry.unit_id, Unit.code)
        .having(balance < 0)
        .order_by(CreditEntry.unit_id)
    ).all()
    return [
        Problem(
            ProblemKind.CREDIT,
            row.unit_id,
            row.unit_code,
            0,
            int(row.balance),
            f"房屋 {row.unit_code} 的预收余额为 {_yuan(int(row.balance))} 元，不应为负。",
        )
        for row in rows
    ]
