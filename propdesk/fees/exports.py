"""Rows of the fee collection sheet (收费明细表) and the arrears sheet (欠费明细表).

Deposits are not fees: old deposit lines (item ``deposit``) are left out of both sheets
(:mod:`propdesk.fees.income`); the deposit ledger has its own list.

Rows are streamed from the database (``yield_per``) in building → unit → item → period
order so the Excel writer can stream them too (and start a new sheet per building).
Phones are masked for users who may not see them (:mod:`propdesk.privacy`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.fees.arrears import BUCKETS, bucket_index
from propdesk.fees.date_bounds import check_month_range
from propdesk.fees.document_values import ArrearsSheetRow as ArrearsSheetRow
from propdesk.fees.document_values import FeeSheetRow as FeeSheetRow
from propdesk.fees.income import income_item
from propdesk.fees.latefee import late_fee, outstanding
from propdesk.fees.models import BillLine, FeeItem, Waiver
from propdesk.fees.periods import parse_period
from propdesk.fees.settings import get_fee_settings
from propdesk.pii.exports import audited_stream
from propdesk.privacy import may_see_personal_data, shown_phone
from propdesk.registry.models import Building, Occupancy, OccupancyRole, Person, Unit

STREAM_BATCH = 5000


def _owners_and_phones(session: Session) -> dict[int, tuple[str, str]]:
    rows = session.execute(
        select(Occupancy.unit_id, Person.name, Person.phone)
        .join(Person, Person.id == Occupancy.person_id)
        .where(
            Occupancy.end_date.is_(None),
            Occupancy.role.in_([OccupancyRole.OWNER, OccupancyRole.CO_OWNER]),
        )
        .order_by(Occupancy.unit_id, Occupancy.id)
    ).all()
    out: dict[int, tuple[str, str]] = {}
    for uid, name, phone in rows:
        if uid in out:
            out[uid] = (out[uid][0] + "、" + name, out[uid][1])
        else:
            out[uid] = (name, phone or "")
    return out


def fee_sheet_rows(session: Session, first: str, last: str | None = None) -> Iterator[FeeSheetRow]:
    """Every bill line of the periods ``first``…``last`` (one month when ``last`` is None)."""
    first = parse_period(first)
    last = parse_period(last) if last else first
    check_month_range(first, last)
    owners = _owners_and_phones(session)
    stmt = (
        select(
            Building.name,
            Unit.id,
            Unit.code,
            FeeItem.name,
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
    for b, uid, code, item, period, due, qty, rate, amount, paid, waived in session.execute(stmt):
        yield FeeSheetRow(
            b,
            code,
            owners.get(uid, ("", ""))[0],
            item,
            period,
            due,
            qty,
            rate,
            amount,
            paid,
            waived,
            amount - paid - waived,
        )


def arrears_sheet_rows(session: Session, as_of: date | None = None) -> Iterator[ArrearsSheetRow]:
    """Every overdue open line on ``as_of`` (default today) with its age and late fee.

    It names owners and their phones: once consumed, the export is audited
    (:func:`propdesk.pii.exports.audited_stream`).
    """
    return audited_stream(
        session,
        _arrears_rows(session, as_of),
        what="欠费明细表",
        fields=["业主", "电话"],
        full=may_see_personal_data(session.info.get("actor")),
    )


def _arrears_rows(session: Session, as_of: date | None) -> Iterator[ArrearsSheetRow]:
    day = clock.day_or_today(session, as_of)
    actor = session.info.get("actor")
    cfg = get_fee_settings(session)
    owners = _owners_and_phones(session)
    waived_late = set(session.scalars(select(Waiver.bill_line_id).where(Waiver.kind == "late_fee")))
    stmt = (
        select(
            BillLine.id,
            Building.name,
            Unit.id,
            Unit.code,
            FeeItem.name,
            BillLine.period,
            BillLine.due_date,
            BillLine.amount_fen - BillLine.paid_fen - BillLine.waived_fen,
            BillLine.late_fee_charged_fen,
            BillLine.late_fee_of,
        )
        .join(Unit, Unit.id == BillLine.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(BillLine.settled.is_(False), BillLine.due_date <= day, income_item())
        .order_by(
            Building.sort_key,
            Building.id,
            Unit.entrance,
            Unit.floor,
            Unit.room,
            Unit.code,
            BillLine.due_date,
            FeeItem.sort_key,
        )
        .execution_options(yield_per=STREAM_BATCH)
    )
    for lid, b, uid, code, item, period, due, owed, charged, of in session.execute(stmt):
        days = (day - due).days
        fee = 0
        if cfg.late_fee_enabled and lid not in waived_late and of is None:
            accrued = late_fee(
                owed, due, day, rate_per_10k=cfg.late_fee_rate_per_10k, grace_days=cfg.grace_days
            )
            fee = outstanding(accrued, charged)
        name, phone = owners.get(uid, ("", ""))
        yield ArrearsSheetRow(
            b,
            code,
            name,
            shown_phone(actor, phone) if phone else "",
            item,
            period,
            due,
            days,
            BUCKETS[bucket_index(days)],
            owed,
            fee,
        )
