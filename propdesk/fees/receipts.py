"""What a printed receipt (收据) shows: read from the database as plain values."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.errors import NotFound
from propdesk.fees.document_values import ReceiptData as ReceiptData
from propdesk.fees.document_values import ReceiptLine as ReceiptLine
from propdesk.fees.models import (
    PAY_METHOD_ZH,
    Allocation,
    AllocKind,
    BillLine,
    FeeItem,
    Payment,
    PayMethod,
)
from propdesk.registry.models import Estate, Occupancy, OccupancyRole, Person, Unit


def owner_names(session: Session, unit_id: int) -> str:
    """The unit's current owners' names (业主), joined with 、."""
    names = session.scalars(
        select(Person.name)
        .join(Occupancy, Occupancy.person_id == Person.id)
        .where(
            Occupancy.unit_id == unit_id,
            Occupancy.end_date.is_(None),
            Occupancy.role.in_([OccupancyRole.OWNER, OccupancyRole.CO_OWNER]),
        )
        .order_by(Occupancy.id)
    ).all()
    return "、".join(names)


def receipt_print_fields(session: Session, unit: Unit, estate: Estate | None) -> dict[str, Any]:
    """What a printed receipt adds: the property's address and area, 收款单位, the copies."""
    from propdesk.fees.settings import get_fee_settings
    from propdesk.registry.models import Building

    building = session.get(Building, unit.building_id)
    where = f"{building.name if building else ''}{unit.code}"
    return {
        "address": f"{estate.address}{where}" if estate and estate.address else where,
        "area_centi": unit.area_centi,
        "copies": get_fee_settings(session).copies(),
        "payee": (estate.company or estate.name) if estate else "",
    }


def get_receipt(session: Session, payment_id: int) -> ReceiptData:
    """The receipt of a payment, with the lines it settled (item, period, amount)."""
    p = session.get(Payment, payment_id)
    if p is None:
        raise NotFound("收据不存在。")
    unit = session.get(Unit, p.unit_id)
    assert unit is not None
    estate = session.get(Estate, unit.estate_id)
    rows = session.execute(
        select(
            FeeItem.name,
            BillLine.period,
            BillLine.description,
            Allocation.amount_fen,
            Allocation.kind,
        )
        .join(BillLine, BillLine.id == Allocation.bill_line_id)
        .join(FeeItem, FeeItem.id == BillLine.item_id)
        .where(Allocation.payment_id == p.id)
        .order_by(BillLine.due_date, BillLine.id, Allocation.kind)
    ).all()
    lines = tuple(
        ReceiptLine(name, period, desc, amount, kind == AllocKind.DISCOUNT)
        for name, period, desc, amount, kind in rows
    )
    return ReceiptData(
        receipt_no=p.receipt_no,
        estate_name=estate.name if estate else "",
        company=estate.company if estate else "",
        unit_code=unit.code,
        unit_id=unit.id,
        payer=p.payer or owner_names(session, unit.id),
        paid_on=p.paid_on,
        paid_at=p.paid_at,
        method=PAY_METHOD_ZH[PayMethod(p.method)],
        txn_ref=p.txn_ref or "",
        amount_fen=p.amount_fen,
        credit_fen=p.credit_fen,
        discount_fen=p.discount_fen,
        discount_note=p.discount_note,
        lines=lines,
        taken_by=p.taken_by,
        voided=p.voided,
        void_reason=p.void_reason,
        voided_by=p.voided_by,
        void_approved_by=p.void_approved_by,
        **receipt_print_fields(session, unit, estate),
    )


def find_units(session: Session, text: str, *, limit: int = 20) -> list[tuple[int, str, str]]:
    """Units for the cashier's box: ``(unit_id, code, owners)`` by exact code, else by the
    desk search (code prefix, owner name, pinyin initials, phone digits)."""
    from propdesk.errors import DomainError
    from propdesk.registry.search import search
    from propdesk.registry.services import unit_id_by_code

    try:
        uid = unit_id_by_code(session, text)
        ids = [uid]
    except DomainError:
        ids = []
        for hit in search(session, text, limit=limit):
            if hit.kind == "unit":
                ids.append(hit.id)
            else:
                ids += session.scalars(
                    select(Occupancy.unit_id).where(
                        Occupancy.person_id == hit.id, Occupancy.end_date.is_(None)
                    )
                ).all()
    seen: list[int] = []
    for i in ids:
        if i not in seen:
            seen.append(i)
    out: list[tuple[int, str, str]] = []
    for i in seen[:limit]:
        unit = session.get(Unit, i)
        if unit is not None:
            out.append((i, unit.code, owner_names(session, i)))
    return out
