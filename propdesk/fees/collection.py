"""Collection rate (收缴率) of a period, by building and by item.

* **Current period**: the lines billed for the period(s); rate = paid ÷ billed.
* **Arrears (陈欠)**: lines of earlier periods; collected = allocations received during
  the period(s) against them; base = that collected + what they still owe; rate =
  collected ÷ base.
Waivers and discounts are shown, never counted as collected. Deposits are not fees and
are left out (:mod:`propdesk.fees.income`); docs/money.md defines every figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk.fees.document_values import CollectionRow as CollectionRow
from propdesk.fees.income import income_item
from propdesk.fees.models import Allocation, AllocKind, BillLine, FeeItem
from propdesk.fees.periods import first_day, last_day, parse_period
from propdesk.registry.models import Building, Unit


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def collection_rows(session: Session, first: str, last: str | None = None) -> list[CollectionRow]:
    """One row per building × item for the periods ``first``…``last``."""
    first = parse_period(first)
    last = parse_period(last) if last else first
    start, end = first_day(first), last_day(last)
    key = (Building.sort_key, Building.name, FeeItem.sort_key, FeeItem.name)
    base = (
        select()
        .select_from(BillLine)
        .join(Unit, Unit.id == BillLine.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(income_item())
    )
    acc: dict[tuple[int, str, int, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    current = (
        base.add_columns(
            *key,
            func.sum(BillLine.amount_fen),
            func.sum(BillLine.paid_fen),
            func.sum(BillLine.waived_fen),
        )
        .where(BillLine.period >= first, BillLine.period <= last)
        .group_by(*key)
    )
    for bs, bn, isk, iname, billed, paid, waived in session.execute(current):
        row = acc[(bs, bn, isk, iname)]
        row[0] += int(billed or 0)
        row[1] += int(paid or 0)
        row[2] += int(waived or 0)
    collected = (
        base.add_columns(*key, func.sum(Allocation.amount_fen))
        .join(Allocation, Allocation.bill_line_id == BillLine.id)
        .where(
            BillLine.period < first,
            Allocation.paid_on >= start,
            Allocation.paid_on <= end,
            Allocation.reversed.is_(False),
            Allocation.kind.in_([AllocKind.PAYMENT, AllocKind.CREDIT]),
        )
        .group_by(*key)
    )
    for bs, bn, isk, iname, amount in session.execute(collected):
        acc[(bs, bn, isk, iname)][3] += int(amount or 0)
    owed = (
        base.add_columns(
            *key, func.sum(BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen)
        )
        .where(BillLine.period < first, BillLine.settled.is_(False))
        .group_by(*key)
    )
    for bs, bn, isk, iname, amount in session.execute(owed):
        acc[(bs, bn, isk, iname)][4] += int(amount or 0)
    return [
        CollectionRow(bn, iname, *values) for (_bs, bn, _isk, iname), values in sorted(acc.items())
    ]


def summarize(rows: Iterable[CollectionRow], by: str) -> list[CollectionRow]:
    """Rows added up by ``"building"``, ``"item"`` or ``"total"`` (order kept)."""
    out: dict[str, list[int]] = {}
    for r in rows:
        name = r.building if by == "building" else r.item if by == "item" else "合计"
        v = out.setdefault(name, [0, 0, 0, 0, 0])
        for i, x in enumerate(
            (
                r.billed_fen,
                r.collected_fen,
                r.waived_fen,
                r.arrears_collected_fen,
                r.arrears_owed_fen,
            )
        ):
            v[i] += x
    return [
        CollectionRow(name if by != "item" else "", name if by == "item" else "", *v)
        if by != "total"
        else CollectionRow("合计", "", *v)
        for name, v in out.items()
    ]
