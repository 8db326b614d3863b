"""Storing a fee rate: the one validation and write shared by
:func:`propdesk.fees.items.set_rate` (estate-wide) and
:func:`propdesk.fees.standards.add_rate` (scoped). Permission checks stay with them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.fees.models import BillLine, FeeItem, FeeRate
from propdesk.fees.periods import period_of
from propdesk.registry.models import Building, UnitType

MAX_RATE_FEN = 10_000_000


def write_rate(
    session: Session,
    *,
    item_id: int,
    effective_from: date,
    rate_fen: int,
    building_id: int | None = None,
    unit_type: str = "",
    floor_from: int | None = None,
    floor_to: int | None = None,
) -> int:
    """Validate and store a rate (needs :attr:`Permission.MANAGE_FEES`); return its id.

    The same item, scope and date again corrects that rate while no bill has used it;
    once billed, a change needs a new date, so issued bills never change.
    """
    require(session.info.get("actor"), Permission.MANAGE_FEES)
    actor = session.info.get("actor")
    if isinstance(rate_fen, bool) or not isinstance(rate_fen, int) or rate_fen < 0:
        raise ValidationError("rate_fen", "单价必须是不小于 0 的金额。")
    if rate_fen > MAX_RATE_FEN:
        raise ValidationError("rate_fen", "单价过大，请检查（单位是元）。")
    if session.get(FeeItem, item_id) is None:
        raise NotFound("收费项目不存在。")
    if not date(2000, 1, 1) <= effective_from <= date(2100, 12, 31):
        raise ValidationError("effective_from", "生效日期应在 2000 年到 2100 年之间。")
    if building_id is not None and session.get(Building, building_id) is None:
        raise ValidationError("building_id", "楼栋不存在。")
    unit_type = (unit_type or "").strip()
    if unit_type and unit_type not in {t.value for t in UnitType}:
        raise ValidationError("unit_type", "房屋类型无效。")
    for field, value in (("floor_from", floor_from), ("floor_to", floor_to)):
        if value is not None and not -10 <= value <= 200:
            raise ValidationError(field, "楼层应在 -10 到 200 之间。")
    if floor_from is not None and floor_to is not None and floor_from > floor_to:
        raise ValidationError("floor_to", "结束楼层不能低于起始楼层。")
    same = session.scalar(
        select(FeeRate).where(
            FeeRate.item_id == item_id,
            FeeRate.effective_from == effective_from,
            FeeRate.building_id.is_(None)
            if building_id is None
            else FeeRate.building_id == building_id,
            FeeRate.unit_type == unit_type,
            FeeRate.floor_from.is_(None)
            if floor_from is None
            else FeeRate.floor_from == floor_from,
            FeeRate.floor_to.is_(None) if floor_to is None else FeeRate.floor_to == floor_to,
        )
    )
    if same is not None:
        used = session.scalar(
            select(BillLine.id)
            .where(BillLine.item_id == item_id, BillLine.period >= period_of(effective_from))
            .limit(1)
        )
        if used is not None:
            raise ValidationError(
                "effective_from",
                "该生效日期的单价已用于出账，不能修改；请设置一个新的生效日期。",
            )
        same.rate_fen = rate_fen
        return same.id
    rate = FeeRate(
        item_id=item_id,
        effective_from=effective_from,
        rate_fen=rate_fen,
        building_id=building_id,
        unit_type=unit_type,
        floor_from=floor_from,
        floor_to=floor_to,
        created_by=getattr(actor, "username", ""),
    )
    session.add(rate)
    session.flush()
    return rate.id
