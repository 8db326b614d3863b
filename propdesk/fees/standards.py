"""Fee standards (收费标准): fee items defined by finance, scoped rates, the one-off catalogue.

Finance and managers (:attr:`Permission.MANAGE_FEES`) add items (name, category, how it is
charged, vacant-unit discount, rounding) and rates with an effective date and an optional
scope (building, unit type, floor range). Which rate a unit pays and how a line is
rounded are the pure rules of :mod:`propdesk.fees.rate_rules`. Billing uses them through
:class:`RateBook`; a rate is a new row from its date, so bills already made never change.
The cashier posts a catalogue item (门禁卡工本费…) in one action with
:func:`post_catalogue_charge` (TAKE_PAYMENT).
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.fees.charges import post_one_off_charge
from propdesk.fees.items import ensure_standard_items
from propdesk.fees.models import BillLine, FeeItem, FeeRate, ItemKind, Rounding
from propdesk.fees.rate_rules import ScopedRate, line_amount, pick_rate
from propdesk.fees.rate_store import write_rate
from propdesk.registry.models import Building, Unit

CATALOGUE_SOURCE = "catalogue"
KIND_ZH: dict[ItemKind, str] = {
    ItemKind.AREA: "按面积（元/m²·月）",
    ItemKind.PER_UNIT: "按户（元/户·月）",
    ItemKind.PARKING: "按车位（元/个·月）",
    ItemKind.METER: "按抄表读数（元/m³ 或 kWh）",
    ItemKind.FIXED: "定额（元/月）",
    ItemKind.ONE_OFF: "一次性（元/次）",
}
ROUNDING_ZH: dict[Rounding, str] = {
    Rounding.FEN: "四舍五入到分",
    Rounding.JIAO: "四舍五入到角",
    Rounding.YUAN: "四舍五入到元",
}


@dataclass(frozen=True)
class FeeStandard:
    """A fee item with its standard settings (values, not ORM)."""

    id: int
    code: str
    name: str
    category: str
    kind: ItemKind
    meter_kind: str
    vacant_discount_pct: int
    rounding: Rounding
    in_catalogue: bool
    active: bool


@dataclass(frozen=True)
class ScopedRateInfo:
    id: int
    item_id: int
    item_name: str
    effective_from: date
    rate_fen: int
    building_id: int | None
    building_name: str
    unit_type: str
    floor_from: int | None
    floor_to: int | None


@dataclass(frozen=True)
class CatalogueEntry:
    """A one-off item the cashier can post, with the price in force today (estate-wide)."""

    item_id: int
    code: str
    name: str
    category: str
    price_fen: int | None


def _standard(i: FeeItem) -> FeeStandard:
    return FeeStandard(
        i.id,
        i.code,
        i.name,
        i.category,
        ItemKind(i.kind),
        i.meter_kind,
        i.vacant_discount_pct,
        Rounding(i.rounding),
        i.in_catalogue,
        i.active,
    )


def list_standards(session: Session) -> list[FeeStandard]:
    """Every fee item (the standard ones created on first use), in display order."""
    ensure_standard_items(session)
    rows = session.scalars(select(FeeItem).order_by(FeeItem.sort_key, FeeItem.id)).all()
    return [_standard(i) for i in rows]


def _new_code(session: Session) -> str:
    n = int(session.scalar(select(func.count(FeeItem.id))) or 0) + 1
    while session.scalar(select(FeeItem.id).where(FeeItem.code == f"item{n}")) is not None:
        n += 1
    return f"item{n}"


def save_item(
    session: Session,
    *,
    name: str,
    kind: ItemKind | str,
    category: str = "",
    vacant_discount_pct: int = 0,
    rounding: Rounding | str = Rounding.FEN,
    in_catalogue: bool = False,
    item_id: int | None = None,
) -> int:
    """Create a fee item (``item_id`` None) or change one; return its id.

    How an item is charged cannot change once bills used it (add a new item instead).
    """
    require(session.info.get("actor"), Permission.MANAGE_FEES)
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "请填写收费项目名称。")
    if len(name) > 50:
        raise ValidationError("name", "收费项目名称不能超过 50 个字。")
    category = (category or "").strip()
    if len(category) > 20:
        raise ValidationError("category", "类别不能超过 20 个字。")
    try:
        kind_ = ItemKind(kind)
    except ValueError:
        raise ValidationError("kind", "请选择计费方式。") from None
    if kind_ == ItemKind.METER and item_id is None:
        raise ValidationError("kind", "按抄表计费的项目只有水费和电费，请选择其他计费方式。")
    if (
        isinstance(vacant_discount_pct, bool)
        or not isinstance(vacant_discount_pct, int)
        or not 0 <= vacant_discount_pct <= 100
    ):
        raise ValidationError("vacant_discount_pct", "空置优惠必须在 0% 到 100% 之间。")
    try:
        rounding_ = Rounding(rounding)
    except ValueError:
        raise ValidationError("rounding", "请选择取整方式。") from None
    if in_catalogue and kind_ != ItemKind.ONE_OFF:
        raise ValidationError("in_catalogue", "只有一次性收费项目可以放入收费目录。")
    ensure_standard_items(session)  # their names are taken too
    clash = select(FeeItem.id).where(FeeItem.name == name)
    if item_id is not None:
        clash = clash.where(FeeItem.id != item_id)
    if session.scalar(clash) is not None:
        raise ValidationError("name", f"收费项目“{name}”已存在。")
    if item_id is None:
        top = session.scalar(select(func.max(FeeItem.sort_key))) or 0
        item = FeeItem(code=_new_code(session), name=name, kind=kind_.value, sort_key=top + 10)
        session.add(item)
    else:
        found = session.get(FeeItem, item_id)
        if found is None:
            raise NotFound("收费项目不存在。")
        item = found
        if item.kind != kind_.value:
            used = session.scalar(select(BillLine.id).where(BillLine.item_id == item.id).limit(1))
            if used is not None:
                raise ValidationError("kind", "该项目已经出过账单，不能修改计费方式。")
            item.kind = kind_.value
        item.name = name
    item.category = category
    item.vacant_discount_pct = vacant_discount_pct
    item.rounding = rounding_.value
    item.in_catalogue = in_catalogue
    session.flush()
    return item.id


def add_rate(
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
    """Add a rate from ``effective_from`` for a scope (empty: every unit); return its id.

    The same item, scope and date again corrects that rate while no bill has used it;
    once billed, a change needs a new date, so issued bills never change.
    """
    require(session.info.get("actor"), Permission.MANAGE_FEES)
    return write_rate(
        session,
        item_id=item_id,
        effective_from=effective_from,
        rate_fen=rate_fen,
        building_id=building_id,
        unit_type=unit_type,
        floor_from=floor_from,
        floor_to=floor_to,
    )


def list_scoped_rates(session: Session, item_id: int | None = None) -> list[ScopedRateInfo]:
    """Rates with their scope, by item then date (one item's when ``item_id`` is given)."""
    q = (
        select(
            FeeRate.id,
            FeeRate.item_id,
            FeeItem.name,
            FeeRate.effective_from,
            FeeRate.rate_fen,
            FeeRate.building_id,
            Building.name.label("building_name"),
            FeeRate.unit_type,
            FeeRate.floor_from,
            FeeRate.floor_to,
        )
        .join(FeeItem, FeeItem.id == FeeRate.item_id)
        .outerjoin(Building, Building.id == FeeRate.building_id)
        .order_by(FeeItem.sort_key, FeeItem.id, FeeRate.effective_from, FeeRate.id)
    )
    if item_id is not None:
        q = q.where(FeeRate.item_id == item_id)
    return [
        ScopedRateInfo(
            r.id,
            r.item_id,
            r.name,
            r.effective_from,
            r.rate_fen,
            r.building_id,
            r.building_name or "",
            r.unit_type,
            r.floor_from,
            r.floor_to,
        )
        for r in session.execute(q)
    ]


class RateBook:
    """Every rate of some items, loaded once, for a billing run over many units."""

    def __init__(self, session: Session, item_ids: Iterable[int]) -> None:
        ids = list(item_ids)
        self._rates: dict[int, list[ScopedRate]] = defaultdict(list)
        if not ids:
            return
        rows = session.execute(
            select(
                FeeRate.item_id,
                FeeRate.effective_from,
                FeeRate.rate_fen,
                FeeRate.building_id,
                FeeRate.unit_type,
                FeeRate.floor_from,
                FeeRate.floor_to,
            ).where(FeeRate.item_id.in_(ids))
        ).all()
        for r in rows:
            self._rates[r.item_id].append(
                ScopedRate(
                    r.effective_from,
                    r.rate_fen,
                    r.building_id,
                    r.unit_type,
                    r.floor_from,
                    r.floor_to,
                )
            )

    def has_rate(self, item_id: int, day: date) -> bool:
        """Whether any rate of the item (of any scope) is in force by ``day``."""
        return any(r.effective_from <= day for r in self._rates.get(item_id, ()))

    def general_rate(self, item_id: int, day: date) -> int | None:
        """The estate-wide rate (no building or unit type) on ``day``."""
        picked = pick_rate(
            [r for r in self._rates.get(item_id, ()) if r.building_id is None and not r.unit_type],
            day,
            building_id=0,
            unit_type="",
            floor=0,
        )
        return None if picked is None else picked.rate_fen

    def rate_for(
        self, item_id: int, day: date, *, building_id: int, unit_type: str, floor: int
    ) -> int | None:
        picked = pick_rate(
            self._rates.get(item_id, ()),
            day,
            building_id=building_id,
            unit_type=unit_type,
            floor=floor,
        )
        return None if picked is None else picked.rate_fen


def unit_rate(session: Session, item_id: int, unit_id: int, day: date) -> int | None:
    """The rate ``unit_id`` pays for an item on ``day`` (``None``: no rate covers it)."""
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("房屋不存在。")
    return RateBook(session, [item_id]).rate_for(
        item_id, day, building_id=unit.building_id, unit_type=unit.unit_type, floor=unit.floor
    )


def catalogue(session: Session) -> list[CatalogueEntry]:
    """The one-off items offered to the cashier, with their estate-wide price today."""
    today = clock.today(session)
    items = session.execute(
        select(FeeItem.id, FeeItem.code, FeeItem.name, FeeItem.category)
        .where(
            FeeItem.in_catalogue.is_(True),
            FeeItem.active.is_(True),
            FeeItem.kind == ItemKind.ONE_OFF.value,
        )
        .order_by(FeeItem.sort_key, FeeItem.id)
    ).all()
    book = RateBook(session, [i.id for i in items])
    return [
        CatalogueEntry(i.id, i.code, i.name, i.category, book.general_rate(i.id, today))
        for i in items
    ]


def new_request_key() -> int:
    """A key for one catalogue form: the same key twice posts one charge (double Enter)."""
    return secrets.randbits(52)


def post_catalogue_charge(
    session: Session,
    *,
    unit_id: int,
    item_id: int,
    request_key: int,
    quantity: int = 1,
    note: str = "",
) -> int:
    """Post ``quantity`` of a catalogue item on a unit at the rate the unit pays today,
    rounded as the item says; return the bill line id. The same ``request_key`` again
    returns the same line (one action, one charge)."""
    require(session.info.get("actor"), Permission.TAKE_PAYMENT)
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= 999:
        raise ValidationError("quantity", "数量必须在 1 到 999 之间。")
    item = session.get(FeeItem, item_id)
    if item is None or not item.in_catalogue or not item.active:
        raise ValidationError("item_id", "请选择收费目录中的项目。")
    rate = unit_rate(session, item_id, unit_id, clock.today(session))
    if rate is None or rate == 0:
        raise ValidationError("item_id", f"“{item.name}”还没有收费标准，请先设置单价。")
    amount = line_amount(quantity * 100, rate, rounding=item.rounding)
    text = item.name if quantity == 1 else f"{item.name} × {quantity}"
    if note.strip():
        text = f"{text}（{note.strip()}）"
    return post_one_off_charge(
        session,
        unit_id=unit_id,
        amount_fen=amount,
        description=text,
        source=CATALOGUE_SOURCE,
        source_id=request_key,
        item_code=item.code,
    )
