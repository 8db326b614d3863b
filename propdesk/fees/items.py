"""Fee items (收费项目) and their rates with effective dates.

The standard items are created on first use (:func:`ensure_standard_items`), so a fresh
database needs no seeding. A rate change is a new :class:`FeeRate` row from its date;
bills already made keep the rate they were made with.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound
from propdesk.fees.models import FeeItem, FeeRate, ItemKind
from propdesk.fees.rate_store import write_rate
from propdesk.fees.values import FeeItemInfo, RateInfo


@dataclass(frozen=True)
class StandardItem:
    code: str
    name: str
    kind: ItemKind
    meter_kind: str = ""


STANDARD_ITEMS: tuple[StandardItem, ...] = (
    StandardItem("property", "物业服务费", ItemKind.AREA),
    StandardItem("elevator", "电梯费", ItemKind.PER_UNIT),
    StandardItem("parking", "车位管理费", ItemKind.PARKING),
    StandardItem("water", "水费", ItemKind.METER, "water"),
    StandardItem("electricity", "电费", ItemKind.METER, "electricity"),
    StandardItem("paid_repair", "有偿维修", ItemKind.ONE_OFF),
    StandardItem("deposit", "押金", ItemKind.ONE_OFF),
    StandardItem("other", "其他费用", ItemKind.ONE_OFF),
    StandardItem("late_fee", "滞纳金", ItemKind.ONE_OFF),
    StandardItem("renovation_deduction", "装修违规扣款", ItemKind.ONE_OFF),
)
_BY_CODE = {s.code: s for s in STANDARD_ITEMS}


def ensure_standard_items(session: Session) -> dict[str, int]:
    """Create the standard items that are missing; return ``{code: id}`` of every item."""
    existing: dict[str, int] = dict(session.execute(select(FeeItem.code, FeeItem.id)).all())
    for order, std in enumerate(STANDARD_ITEMS):
        if std.code not in existing:
            item = FeeItem(
                code=std.code,
                name=std.name,
                kind=std.kind.value,
                meter_kind=std.meter_kind,
                sort_key=order * 10,
            )
            session.add(item)
            session.flush()
            existing[std.code] = item.id
    return existing


def item_id(session: Session, code: str) -> int:
    """The id of the item ``code``; a standard item is created when missing."""
    found = session.scalar(select(FeeItem.id).where(FeeItem.code == code))
    if found is not None:
        return found
    if code in _BY_CODE:
        return ensure_standard_items(session)[code]
    raise NotFound(f"收费项目“{code}”不存在。")


def _info(i: FeeItem) -> FeeItemInfo:
    return FeeItemInfo(i.id, i.code, i.name, ItemKind(i.kind), i.meter_kind, i.active, i.sort_key)


def list_items(session: Session) -> list[FeeItemInfo]:
    ensure_standard_items(session)
    rows = session.scalars(select(FeeItem).order_by(FeeItem.sort_key, FeeItem.id)).all()
    return [_info(i) for i in rows]


def set_item_active(session: Session, item_id_: int, active: bool) -> None:
    """Switch an item on or off for future billing runs (past bills are untouched)."""
    require(session.info.get("actor"), Permission.MANAGE_FEES)
    item = session.get(FeeItem, item_id_)
    if item is None:
        raise NotFound("收费项目不存在。")
    item.active = active


def set_rate(session: Session, *, item_code: str, effective_from: date, rate_fen: int) -> int:
    """Add (or, when no bill has used it yet, correct) the estate-wide rate of an item from
    ``effective_from`` (scoped rates: :func:`propdesk.fees.standards.add_rate`)."""
    require(session.info.get("actor"), Permission.MANAGE_FEES)
    return write_rate(
        session,
        item_id=item_id(session, item_code),
        effective_from=effective_from,
        rate_fen=rate_fen,
    )


def rate_on(session: Session, item_id_: int, day: date) -> int | None:
    """The estate-wide rate in force on ``day`` (``None`` when the item has none yet).

    Rates scoped to a building, unit type or floors are left out: a unit's own rate is
    :func:`propdesk.fees.standards.unit_rate` (billing uses its ``RateBook``).
    """
    return session.scalar(
        select(FeeRate.rate_fen)
        .where(
            FeeRate.item_id == item_id_,
            FeeRate.effective_from <= day,
            FeeRate.building_id.is_(None),
            FeeRate.unit_type == "",
            FeeRate.floor_from.is_(None),
            FeeRate.floor_to.is_(None),
        )
        .order_by(FeeRate.effective_from.desc())
        .limit(1)
    )


def list_rates(session: Session) -> list[RateInfo]:
    """The estate-wide rates (scoped ones: :func:`propdesk.fees.standards.list_scoped_rates`)."""
    rows = session.execute(
        select(FeeRate.id, FeeItem.code, FeeItem.name, FeeRate.effective_from, FeeRate.rate_fen)
        .join(FeeItem, FeeItem.id == FeeRate.item_id)
        .where(
            FeeRate.building_id.is_(None),
            FeeRate.unit_type == "",
            FeeRate.floor_from.is_(None),
            FeeRate.floor_to.is_(None),
        )
        .order_by(FeeItem.sort_key, FeeRate.effective_from)
    ).all()
    return [RateInfo(*r) for r in rows]
