"""Late fee (滞纳金) arithmetic, in integers.

For each open line: ``days = as_of − due_date − grace_days`` (no fee while ``days ≤ 0``),
``fee = owed × rate_per_10k × days / 10000`` rounded half up to the fen, per line. A
line whose late fee a manager waived carries none, and a late-fee charge itself accrues none.

The fee shown is what accrued minus what was already turned into a charge
(:func:`charge_late_fees` posts a 滞纳金 line the cashier can collect), never below zero.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotAllowed, NotFound
from propdesk.fees.items import item_id
from propdesk.fees.models import BillLine, FeeItem, Waiver
from propdesk.fees.period_lock import ensure_open
from propdesk.fees.periods import period_of
from propdesk.fees.rounding import round_half_up
from propdesk.fees.settings import get_fee_settings
from propdesk.registry.models import Unit


def late_days(due: date, as_of: date, grace_days: int) -> int:
    return max(0, (as_of - due).days - grace_days)


def late_fee(owed_fen: int, due: date, as_of: date, *, rate_per_10k: int, grace_days: int) -> int:
    """The late fee of one line owed since ``due``, as of ``as_of``."""
    if owed_fen <= 0 or rate_per_10k <= 0:
        return 0
    return round_half_up(owed_fen * rate_per_10k * late_days(due, as_of, grace_days), 10_000)


def outstanding(accrued_fen: int, charged_fen: int) -> int:
    """Late fee not yet charged (never negative: payments may lower what accrues)."""
    return max(0, accrued_fen - charged_fen)


def charge_late_fees(session: Session, unit_id: int, as_of: date | None = None) -> list[int]:
    """Turn the unit's outstanding late fees into 滞纳金 lines (one per overdue line); their ids.

    Idempotent for a day: charging again the same day posts nothing new.
    """
    actor = session.info.get("actor")
    require(actor, Permission.TAKE_PAYMENT)
    day = clock.day_or_today(session, as_of)
    ensure_open(session, day)
    cfg = get_fee_settings(session)
    if not cfg.late_fee_enabled:
        raise NotAllowed("未启用滞纳金，请先在“出账与收费标准”中设置。")
    if session.get(Unit, unit_id) is None:
        raise NotFound("房屋不存在。")
    waived = set(
        session.scalars(select(Waiver.bill_line_id).where(Waiver.kind == "late_fee")).all()
    )
    item = item_id(session, "late_fee")
    names = dict(session.execute(select(FeeItem.id, FeeItem.name)).all())
    lines = session.scalars(
        select(BillLine)
        .where(
            BillLine.unit_id == unit_id,
            BillLine.settled.is_(False),
            BillLine.due_date <= day,
            BillLine.late_fee_of.is_(None),
        )
        .order_by(BillLine.due_date, BillLine.id)
    ).all()
    posted: list[int] = []
    for line in lines:
        if line.id in waived:
            continue
        accrued = late_fee(
            line.amount_fen - line.paid_fen - line.waived_fen,
            line.due_date,
            day,
            rate_per_10k=cfg.late_fee_rate_per_10k,
            grace_days=cfg.grace_days,
        )
        fee = outstanding(accrued, line.late_fee_charged_fen)
        if fee <= 0:
            continue
        ref = f"{line.id}:{day.isoformat()}"
        if session.scalar(
            select(BillLine.id).where(BillLine.source == "late_fee", BillLine.source_ref == ref)
        ):
            continue
        charge = BillLine(
            unit_id=unit_id,
            item_id=item,
            period=period_of(day),
            due_date=day,
            quantity_centi=100,
            rate_fen=fee,
            amount_fen=fee,
            description=f"{names.get(line.item_id, '')} {line.period} 滞纳金",
            source="late_fee",
            source_ref=ref,
            late_fee_of=line.id,
            created_by=getattr(actor, "username", ""),
        )
        session.add(charge)
        line.late_fee_charged_fen += fee
        session.flush()
        posted.append(charge.id)
    return posted
