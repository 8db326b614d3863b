"""One-off charges (一次性收费): paid repairs, deposits and other charges posted on a unit.

Other features post charges here (the service desk posts a paid repair when the job is
done); a charge is idempotent per ``(source, source_id)`` so posting twice is harmless.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.fees.income import NOT_INCOME_ITEMS
from propdesk.fees.items import item_id as find_item_id
from propdesk.fees.models import BILLING_SOURCE, BillLine, FeeItem, ItemKind
from propdesk.fees.period_lock import ensure_open
from propdesk.fees.periods import period_of
from propdesk.registry.models import Unit

MAX_CHARGE_FEN = 100_000_000  # 1,000,000 元: anything above is a typing error


def post_one_off_charge(
    session: Session,
    *,
    unit_id: int,
    amount_fen: int,
    description: str,
    source: str,
    source_id: int,
    item_code: str = "paid_repair",
    on: date | None = None,
) -> int:
    """Post a one-off charge on a unit and return its bill line id.

    ``source``/``source_id`` name what caused the charge (e.g. ``"ticket"``, 42). Posting
    the same source again returns the existing line; a different unit or amount for the
    same source raises :class:`Conflict`. ``on`` is the charge date (default today).
    Needs :attr:`Permission.TAKE_PAYMENT` (the desk posts charges; no login, no charge).
    """
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("amount_fen", "收费金额必须大于 0。")
    if amount_fen > MAX_CHARGE_FEN:
        raise ValidationError("amount_fen", "收费金额过大，请检查。")
    source = (source or "").strip()
    if not source or source == BILLING_SOURCE or len(source) > 30:
        raise ValidationError("source", "收费来源无效。")
    description = (description or "").strip()
    if not description:
        raise ValidationError("description", "请填写收费说明。")
    if session.get(Unit, unit_id) is None:
        raise NotFound("房屋不存在，无法登记收费。")
    if item_code in NOT_INCOME_ITEMS:
        # deposits are held money, not fees: they go to the deposit ledger (docs/money.md)
        raise ValidationError("item_code", "押金不是收费项目，请在押金台账中收取押金。")
    iid = find_item_id(session, item_code)
    if session.scalar(select(FeeItem.kind).where(FeeItem.id == iid)) != ItemKind.ONE_OFF.value:
        raise ValidationError("item_code", "该收费项目不是一次性收费项目。")
    ref = str(source_id)
    existing = session.execute(
        select(BillLine.id, BillLine.unit_id, BillLine.amount_fen).where(
            BillLine.source == source, BillLine.source_ref == ref
        )
    ).first()
    if existing is not None:
        if existing.unit_id != unit_id or existing.amount_fen != amount_fen:
            raise Conflict("该业务已登记过一笔不同的收费，请核对后再处理。")
        return int(existing.id)
    day = clock.day_or_today(session, on)
    ensure_open(session, day)
    actor = session.info.get("actor")
    line = BillLine(
        unit_id=unit_id,
        item_id=iid,
        period=period_of(day),
        due_date=day,
        quantity_centi=100,
        rate_fen=amount_fen,
        amount_fen=amount_fen,
        description=description[:200],
        source=source,
        source_ref=ref,
        created_by=getattr(actor, "username", ""),
    )
    session.add(line)
    session.flush()
    return line.id
