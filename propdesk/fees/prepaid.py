"""The prepayment balance list (预收余额表): units holding credit (预收/溢缴) on a day.

A unit's credit is the sum of its credit ledger entries (:class:`CreditEntry`); money
paid ahead or overpaid adds to it, settling lines from it and refunds take from it. It
is owed to the payer until used, so it is neither billed nor collected (docs/money.md).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.fees.models import CreditEntry
from propdesk.fees.prepaid_values import PrepaidRow as PrepaidRow
from propdesk.registry.models import Building, Occupancy, OccupancyRole, Person, Unit


def prepaid_balances(session: Session, as_of: date | None = None) -> list[PrepaidRow]:
    """Units whose credit is above zero at the end of ``as_of`` (default today), by unit."""
    day = clock.day_or_today(session, as_of)
    before = clock.local_midnight(day + timedelta(days=1))
    balances = (
        select(
            CreditEntry.unit_id,
            func.sum(CreditEntry.amount_fen).label("balance"),
            func.max(CreditEntry.at).label("last_at"),
        )
        .where(CreditEntry.at < before)
        .group_by(CreditEntry.unit_id)
        .having(func.sum(CreditEntry.amount_fen) > 0)
        .subquery()
    )
    rows = session.execute(
        select(Building.name, Unit.id, Unit.code, balances.c.balance, balances.c.last_at)
        .join(Unit, Unit.id == balances.c.unit_id)
        .join(Building, Building.id == Unit.building_id)
        .order_by(Building.sort_key, Building.id, Unit.entrance, Unit.floor, Unit.room, Unit.code)
    ).all()
    owners: dict[int, list[str]] = {}
    if rows:
        for uid, name in session.execute(
            select(Occupancy.unit_id, Person.name)
            .join(Person, Person.id == Occupancy.person_id)
            .where(
                Occupancy.unit_id.in_([r.id for r in rows]),
                Occupancy.end_date.is_(None),
                Occupancy.role.in_([OccupancyRole.OWNER, OccupancyRole.CO_OWNER]),
            )
            .order_by(Occupancy.unit_id, Occupancy.id)
        ).all():
            owners.setdefault(uid, []).append(name)
    return [
        PrepaidRow(
            r.name,
            r.code,
            "、".join(owners.get(r.id, [])),
            int(r.balance),
            clock.local_date(r.last_at),
        )
        for r in rows
    ]
