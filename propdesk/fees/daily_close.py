"""The cashier's daily close (日结 / 收款日报).

For one cashier (``payment.taken_by``) and one business day: the receipts issued that day
(count and number range), the money by method, the voids done that day against the
cashier's receipts, the cash that should be in the drawer, and the cash counted by the
cashier with the difference explained. Once closed, the figures are stored as they were
(so a reprint is the same), and the day is locked for that cashier: no new payment by
them dated that day (:func:`propdesk.fees.closing.ensure_open` with ``cashier``).

Deposits (押金) taken or paid back by the cashier that day (:func:`propdesk.deposits.queries.
deposit_day`) are shown apart from fee income, by method, with their 押金收据 (YJ…) and
押金退款单 (TK…) numbers; they are never part of the fee totals.

Cash expected = cash received on the day's receipts − cash receipts voided that day (the
money handed back from the drawer) + cash deposits taken − cash deposits paid back.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.deposits.models import Deposit, DepositRefund
from propdesk.deposits.numbers import RECEIPT_PREFIX, SLIP_PREFIX
from propdesk.deposits.queries import deposit_day
from propdesk.errors import Conflict, ValidationError
from propdesk.fees.closing import ensure_open
from propdesk.fees.closing_models import DailyClose
from propdesk.fees.closing_values import METHOD_ZH
from propdesk.fees.closing_values import DayClose as DayClose
from propdesk.fees.closing_values import DayFigures as DayFigures
from propdesk.fees.closing_values import DepositMethodTotal as DepositMethodTotal
from propdesk.fees.closing_values import MethodTotal as MethodTotal
from propdesk.fees.closing_values import VoidLine as VoidLine
from propdesk.fees.models import PAY_METHOD_ZH, Payment, PayMethod, ReceiptCounter
from propdesk.fees.receipt_numbers import series_for

MAX_COUNTED_FEN = 100_000_000


def _deposit_totals(amounts: dict[str, int]) -> tuple[DepositMethodTotal, ...]:
    known = [m.value for m in PayMethod]
    order = known + sorted(k for k in amounts if k not in known)
    return tuple(
        DepositMethodTotal(m, METHOD_ZH.get(m, m), amounts[m]) for m in order if amounts.get(m)
    )


def day_figures(session: Session, *, day: date, cashier: str) -> DayFigures:
    """The live figures of ``cashier`` on ``day`` (see the module docstring)."""
    issued = (Payment.taken_by == cashier, Payment.paid_on == day)
    first, last, count = session.execute(
        select(func.min(Payment.receipt_no), func.max(Payment.receipt_no), func.count()).where(
            *issued
        )
    ).one()
    totals = {
        str(r.method): (int(r.n), int(r.amount))
        for r in session.execute(
            select(
                Payment.method,
                func.count().label("n"),
                func.coalesce(func.sum(Payment.amount_fen), 0).label("amount"),
            )
            .where(*issued)
            .group_by(Payment.method)
        )
    }
    by_method = tuple(
        MethodTotal(m.value, PAY_METHOD_ZH[m], *totals[m.value])
        for m in PayMethod
        if m.value in totals
    )
    lo, hi = clock.local_midnight(day), clock.local_midnight(day + timedelta(days=1))
    voids = tuple(
        VoidLine(r.receipt_no, r.method, int(r.amount_fen), r.paid_on, r.void_reason)
        for r in session.execute(
            select(
                Payment.receipt_no,
                Payment.method,
                Payment.amount_fen,
                Payment.paid_on,
                Payment.void_reason,
            )
            .where(
                Payment.taken_by == cashier,
                Payment.voided.is_(True),
                Payment.voided_at >= lo,
                Payment.voided_at < hi,
            )
            .order_by(Payment.receipt_no)
        )
    )
    cash_in = totals.get(PayMethod.CASH.value, (0, 0))[1]
    cash_out = sum(v.amount_fen for v in voids if v.method == PayMethod.CASH.value)
    deposits = deposit_day(session, day, by=cashier)
    cash = PayMethod.CASH.value
    deposit_cash = deposits.received_fen.get(cash, 0) - deposits.refunded_fen.get(cash, 0)
    return DayFigures(
        cashier=cashier,
        day=day,
        receipts=int(count),
        first_receipt=first or "",
        last_receipt=last or "",
        by_method=by_method,
        voids=voids,
        cash_expected_fen=cash_in - cash_out + deposit_cash,
        deposits_received=_deposit_totals(deposits.received_fen),
        deposits_refunded=_deposit_totals(deposits.refunded_fen),
        deposit_receipts=deposits.receipt_nos,
        deposit_slips=deposits.slip_nos,
    )


def _figures_json(f: DayFigures) -> str:
    data = asdict(f)
    data["day"] = f.day.isoformat()
    for v in data["voids"]:
        v["paid_on"] = v["paid_on"].isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _figures_from_json(text: str) -> DayFigures:
    d = json.loads(text)
    return DayFigures(
        cashier=d["cashier"],
        day=date.fromisoformat(d["day"]),
        receipts=int(d["receipts"]),
        first_receipt=d["first_receipt"],
        last_receipt=d["last_receipt"],
        by_method=tuple(MethodTotal(**m) for m in d["by_method"]),
        voids=tuple(
            VoidLine(
                v["receipt_no"],
                v["method"],
                int(v["amount_fen"]),
                date.fromisoformat(v["paid_on"]),
                v["reason"],
            )
            for v in d["voids"]
        ),
        cash_expected_fen=int(d["cash_expected_fen"]),
        # absent in closes stored before deposits were counted: none then
        deposits_received=tuple(DepositMethodTotal(**m) for m in d.get("deposits_received", [])),
        deposits_refunded=tuple(DepositMethodTotal(**m) for m in d.get("deposits_refunded", [])),
        deposit_receipts=tuple(d.get("deposit_receipts", [])),
        deposit_slips=tuple(d.get("deposit_slips", [])),
    )


def _view(session: Session, row: DailyClose) -> DayClose:
    at = row.closed_at or clock.now(session)
    return DayClose(
        figures=_figures_from_json(row.figures),
        closed=True,
        cash_counted_fen=row.cash_counted_fen,
        note=row.note,
        closed_by=row.closed_by,
        closed_at_local=clock.to_local(at).strftime("%Y-%m-%d %H:%M"),
    )


def own_cashier_name(session: Session) -> str:
    """The name the acting user's receipts carry (``payment.taken_by``)."""
    actor = session.info.get("actor")
    return str(getattr(actor, "display_name", "") or getattr(actor, "username", ""))


def day_close(session: Session, *, day: date, cashier: str | None = None) -> DayClose:
    """The stored close of ``cashier`` (default: the acting user) on ``day``, or live figures."""
    who = cashier or own_cashier_name(session)
    row = session.scalars(
        select(DailyClose).where(DailyClose.cashier == who, DailyClose.day == day)
    ).first()
    if row is not None:
        return _view(session, row)
    return DayClose(day_figures(session, day=day, cashier=who), False, None, "", "", "")


def cashiers_on(session: Session, day: date) -> list[str]:
    """Everyone who took a payment, or took or paid back a deposit, dated ``day``."""
    names = set(session.scalars(select(Payment.taken_by).where(Payment.paid_on == day).distinct()))
    names.update(
        session.scalars(select(Deposit.received_by).where(Deposit.received_on == day).distinct())
    )
    names.update(
        session.scalars(select(DepositRefund.by).where(DepositRefund.refunded_on == day).distinct())
    )
    return sorted(str(n) for n in names)


def close_day(
    session: Session,
    *,
    day: date,
    cash_counted_fen: int,
    note: str = "",
    cashier: str | None = None,
) -> DayClose:
    """Close ``cashier``'s day (default: the acting user's own) with the cash counted.

    Closing someone else's day needs :attr:`Permission.CLOSE_PERIOD` (finance/manager).
    A difference between the cash counted and the cash expected needs a note.
    """
    actor = session.info.get("actor")
    require(actor, Permission.TAKE_PAYMENT)
    own = own_cashier_name(session)
    who = (cashier or "").strip() or own
    if who != own:
        require(actor, Permission.CLOSE_PERIOD)
    if day > clock.today(session):
        raise ValidationError("day", "不能为以后的日期日结。")
    if (
        isinstance(cash_counted_fen, bool)
        or not isinstance(cash_counted_fen, int)
        or not 0 <= cash_counted_fen <= MAX_COUNTED_FEN
    ):
        raise ValidationError("cash_counted", "请填写实点现金金额（不能为负数）。")
    ensure_open(session, day)
    # The receipt series locks (fee receipts, deposit receipts and refund slips): a payment
    # or deposit of that year being taken waits for the close and then sees the day closed,
    # so the figures below are complete.
    session.execute(
        update(ReceiptCounter)
        .where(
            ReceiptCounter.series.in_(
                [
                    series_for(day.year),
                    f"{RECEIPT_PREFIX}{day.year}",
                    f"{SLIP_PREFIX}{day.year}",
                ]
            )
        )
        .values(last_value=ReceiptCounter.last_value)
    )
    taken = session.scalar(
        select(DailyClose.id).where(DailyClose.cashier == who, DailyClose.day == day)
    )
    if taken is not None:
        raise Conflict(f"{who} 的 {day.isoformat()} 已经日结。")
    figures = day_figures(session, day=day, cashier=who)
    note = (note or "").strip()
    if cash_counted_fen != figures.cash_expected_fen and len(note) < 2:
        raise ValidationError("note", "实点现金与应有现金不符，请填写差异说明。")
    row = DailyClose(
        cashier=who,
        day=day,
        figures=_figures_json(figures),
        cash_expected_fen=figures.cash_expected_fen,
        cash_counted_fen=cash_counted_fen,
        note=note[:200],
        closed_by=own,
    )
    session.add(row)
    session.flush()
    return _view(session, row)


def handed_over_cash(session: Session, *, cashier: str, day: date) -> int | None:
    """The cash ``cashier`` counted at the close of ``day`` (``None`` when not closed)."""
    value = session.scalar(
        select(DailyClose.cash_counted_fen).where(
            DailyClose.cashier == cashier, DailyClose.day == day
        )
    )
    return None if value is None else int(value)
