"""Discount rules for prepayments (e.g. 预缴一年送一月: prepay 12 months, 1 month free)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.fees.items import item_id as find_item_id
from propdesk.fees.models import DiscountRule, FeeItem, ItemKind


@dataclass(frozen=True)
class DiscountInfo:
    id: int
    name: str
    item_name: str
    min_months: int
    free_months: int
    active: bool


def list_discount_rules(session: Session) -> list[DiscountInfo]:
    rows = session.execute(
        select(
            DiscountRule.id,
            DiscountRule.name,
            FeeItem.name,
            DiscountRule.min_months,
            DiscountRule.free_months,
            DiscountRule.active,
        )
        .join(FeeItem, FeeItem.id == DiscountRule.item_id)
        .order_by(DiscountRule.id)
    ).all()
    return [DiscountInfo(*r) for r in rows]


def add_discount_rule(
    session: Session, *, name: str, item_code: str, min_months: int, free_months: int
) -> int:
    """A new rule: prepaying at least ``min_months`` of the item makes ``free_months`` free."""
    require(session.info.get("actor"), Permission.MANAGE_SETTINGS)
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "请填写优惠名称。")
    if not 1 <= min_months <= 36:
        raise ValidationError("min_months", "预缴月数应在 1 到 36 之间。")
    if not 1 <= free_months < min_months:
        raise ValidationError("free_months", "减免月数应至少 1 个月，且少于预缴月数。")
    iid = find_item_id(session, item_code)
    if session.scalar(select(FeeItem.kind).where(FeeItem.id == iid)) not in (
        ItemKind.AREA,
        ItemKind.PER_UNIT,
        ItemKind.PARKING,
    ):
        raise ValidationError("item_code", "只有按月收取的固定费用可以设置预缴优惠。")
    rule = DiscountRule(
        name=name[:100], item_id=iid, min_months=min_months, free_months=free_months
    )
    session.add(rule)
    session.flush()
    return rule.id


def set_discount_active(session: Session, rule_id: int, active: bool) -> None:
    require(session.info.get("actor"), Permission.MANAGE_SETTINGS)
    rule = session.get(DiscountRule, rule_id)
    if rule is None:
        raise NotFound("优惠规则不存在。")
    rule.active = active
