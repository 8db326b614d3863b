"""Rows of the fee collection sheet (收费明细表) with the receipts that paid each line.

Each bill line of the periods carries the receipt numbers, dates and methods of the live
payments allocated to it (a line paid in two goes lists both, oldest first), so the sheet
can be reconciled with the receipt book. Units come in natural order
(:mod:`propdesk.reporting.unit_order`). Deposits are not fees and are left out
(:mod:`propdesk.fees.income`), as in :func:`propdesk.fees.exports.fee_sheet_rows`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.fees.date_bounds import check_month_range
from propdesk.fees.document_values import ArrearsSheetRow
from propdesk.fees.exports import arrears_sheet_rows
from propdesk.fees.income import income_item
from propdesk.fees.models import PAY_METHOD_ZH, Allocation, AllocKind, BillLine, FeeItem, Payment
from propdesk.fees.periods import parse_period
from propdesk.registry.models import Building, Occupancy, OccupancyRole, Person, Unit
from propdesk.reporting.export_values import CollectionLine as CollectionLine
from propdesk.reporting.unit_order import in_unit_order

STREAM_BATCH = 5000
#: How money that did not come from a receipt settled a line.
KIND_ZH = {AllocKind.CREDIT.value: "预收抵扣", AllocKind.DISCOUNT.value: "优惠"}


@dataclass
class _Paid:
    receipts: list[str]
    last: date | None
    methods: list[str]


def _owner_names(session: Session) -> dict[int, str]:
    names: dict[int, str] = {}
    for r in session.execute(
        select(Occupancy.unit_id, Person.name)
        .join(Person, Person.id == Occupancy.person_id)
        .where(
            Occupancy.end_date.is_(None),
            Occupancy.role.in_([OccupancyRole.OWNER, OccupancyRole.CO_OWNER]),
        )
        .order_by(Occupancy.unit_id, Occupancy.id)
    ):
        names[r.unit_id] = f"{names[r.unit_id]}、{r.name}" if r.unit_id in names else r.name
    return names


def _payments(session: Session, first: str, last: str) -> dict[int, _Paid]:
    """Live allocations of the periods' lines: bill line id → receipts, last date, methods."""
    paid: dict[int, _Paid] = defaultdict(lambda: _Paid([], None, []))
    stmt = (
        select(
            Allocation.bill_line_id,
            Allocation.kind,
            Allocation.paid_on,
            Payment.receipt_no,
            Payment.method,
        )
        .join(BillLine, BillLine.id == Allocation.bill_line_id)
        .outerjoin(Payment, Payment.id == Allocation.payment_id)
        .where(
            BillLine.period >= first,
            BillLine.period <= last,
            Allocation.reversed.is_(False),
            Payment.voided.is_not(True),
        )
        .order_by(Allocation.bill_line_id, Allocation.paid_on, Allocation.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    for r in session.execute(stmt):
        p = paid[r.bill_line_id]
        if r.receipt_no and r.receipt_no not in p.receipts:
            p.receipts.append(r.receipt_no)
        if r.kind == AllocKind.PAYMENT.value:
            method = PAY_METHOD_ZH.get(r.method, r.method or "")
        else:
            method = KIND_ZH.get(r.kind, r.kind)
        if method and method not in p.methods:
            p.methods.append(method)
        if p.last is None or r.paid_on > p.last:
            p.last = r.paid_on
    return paid


def collection_lines(
    session: Session, first: str, last: str | None = None
) -> Iterator[CollectionLine]:
    """Every income bill line of the periods ``first``…``last`` (one month when ``last`` is
    None), building by building, units in natural order, with the receipts that paid it."""
    first = parse_period(first)
    last = parse_period(last) if last else first
    check_month_range(first, last)
    owners = _owner_names(session)
    paid = _payments(session, first, last)
    stmt = (
        select(
            BillLine.id,
            Building.name.label("building"),
            Unit.id.label("unit_id"),
            Unit.code,
            FeeItem.name.label("item"),
            BillLine.period,
            BillLine.due_date,
            BillLine.quantity_centi,
            BillLine.rate_fen,
            BillLine.amount_fen,
            BillLine.paid_fen,
            BillLine.waived_fen,
        )
        .join(Unit, Unit.id == BillLine.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(BillLine.period >= first, BillLine.period <= last, income_item())
        .order_by(
            Building.sort_key,
            Building.id,
            Unit.code,
            FeeItem.sort_key,
            BillLine.period,
            BillLine.id,
        )
        .execution_options(yield_per=STREAM_BATCH)
    )

    def rows() -> Iterator[CollectionLine]:
        none = _Paid([], None, [])
        for r in session.execute(stmt):
            p = paid.get(r.id, none)
            yield CollectionLine(
                r.building,
                r.code,
                owners.get(r.unit_id, ""),
                r.item,
                r.period,
                r.due_date,
                r.quantity_centi,
                r.rate_fen,
                r.amount_fen,
                r.paid_fen,
                r.waived_fen,
                r.amount_fen - r.paid_fen - r.waived_fen,
                "、".join(p.receipts),
                p.last,
                "、".join(p.methods),
            )

    return in_unit_order(rows(), building_of=lambda r: r.building, unit_of=lambda r: r.unit_code)


def arrears_lines(session: Session, as_of: date | None = None) -> Iterator[ArrearsSheetRow]:
    """The arrears sheet's rows (:func:`propdesk.fees.exports.arrears_sheet_rows`: phones
    masked by role) with each building's units in natural order."""
    return in_unit_order(
        arrears_sheet_rows(session, as_of),
        building_of=lambda r: r.building,
        unit_of=lambda r: r.unit_code,
    )
