"""Categories, SLA rules and service-desk settings: seeded on first use, edited in settings.

Defaults follow common practice at Chinese property service centres: an emergency
repair is answered within 2 hours and fixed within 24; a water or power cut needs
someone on site within 30 minutes; an ordinary complaint is answered within 48
hours and resolved within 7 working days.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.session_info import actor_or_none as _actor
from propdesk.tickets.models import SlaRule, TicketCategory, TicketSetting
from propdesk.tickets.sla import Calendar, parse_dates
from propdesk.tickets.values import (
    CategoryInfo,
    Department,
    SlaRuleInfo,
    TicketKind,
    Urgency,
)

K, U, D = TicketKind, Urgency, Department

# (kind, code, name, default department)
DEFAULT_CATEGORIES: tuple[tuple[TicketKind, str, str, Department], ...] = (
    (K.REPAIR, "plumbing", "水暖管道", D.ENGINEERING),
    (K.REPAIR, "electrical", "电气线路", D.ENGINEERING),
    (K.REPAIR, "water_power_cut", "停水停电", D.ENGINEERING),
    (K.REPAIR, "door_lock", "门窗门锁", D.ENGINEERING),
    (K.REPAIR, "elevator", "电梯", D.ENGINEERING),
    (K.REPAIR, "public_area", "公共区域设施", D.ENGINEERING),
    (K.REPAIR, "leak", "渗漏水", D.ENGINEERING),
    (K.REPAIR, "access_control", "门禁对讲", D.SECURITY),
    (K.REPAIR, "other", "其他维修", D.ENGINEERING),
    (K.COMPLAINT, "noise", "噪音扰民", D.SECURITY),
    (K.COMPLAINT, "hygiene", "环境卫生", D.CLEANING),
    (K.COMPLAINT, "security", "治安安全", D.SECURITY),
    (K.COMPLAINT, "parking", "车辆停放", D.SECURITY),
    (K.COMPLAINT, "staff_attitude", "服务态度", D.SERVICE),
    (K.COMPLAINT, "repair_quality", "维修质量", D.ENGINEERING),
    (K.COMPLAINT, "fees", "收费问题", D.SERVICE),
    (K.COMPLAINT, "neighbour", "邻里纠纷", D.SERVICE),
    (K.COMPLAINT, "other", "其他投诉", D.SERVICE),
    (K.INQUIRY, "fees", "收费咨询", D.SERVICE),
    (K.INQUIRY, "renovation", "装修咨询", D.SERVICE),
    (K.INQUIRY, "services", "服务咨询", D.SERVICE),
    (K.INQUIRY, "other", "其他咨询", D.SERVICE),
    (K.SUGGESTION, "environment", "环境绿化", D.CLEANING),
    (K.SUGGESTION, "management", "管理服务", D.SERVICE),
    (K.SUGGESTION, "facilities", "设施改善", D.ENGINEERING),
)

H = 60
# kind → urgency → (response minutes, resolve minutes, resolve working days)
DEFAULT_RULES: dict[TicketKind, dict[Urgency, tuple[int, int, int]]] = {
    K.REPAIR: {
        U.EMERGENCY: (2 * H, 24 * H, 0),
        U.HIGH: (4 * H, 48 * H, 0),
        U.NORMAL: (24 * H, 0, 3),
    },
    K.COMPLAINT: {
        U.EMERGENCY: (2 * H, 24 * H, 0),
        U.HIGH: (24 * H, 0, 3),
        U.NORMAL: (48 * H, 0, 7),
    },
    K.INQUIRY: {
        U.EMERGENCY: (1 * H, 4 * H, 0),
        U.HIGH: (4 * H, 24 * H, 0),
        U.NORMAL: (24 * H, 0, 2),
    },
    K.SUGGESTION: {U.EMERGENCY: (24 * H, 0, 3), U.HIGH: (48 * H, 0, 5), U.NORMAL: (48 * H, 0, 7)},
}
# category-specific overrides: (kind, code) → urgency → rule
DEFAULT_CATEGORY_RULES: dict[tuple[TicketKind, str], dict[Urgency, tuple[int, int, int]]] = {
    (K.REPAIR, "water_power_cut"): {
        U.EMERGENCY: (30, 24 * H, 0),
        U.HIGH: (30, 24 * H, 0),
        U.NORMAL: (30, 24 * H, 0),
    },
    (K.REPAIR, "elevator"): {U.EMERGENCY: (30, 24 * H, 0), U.HIGH: (2 * H, 24 * H, 0)},
}

DEFAULT_SETTINGS: dict[str, Any] = {
    "repeat_complaint_days": 30,  # a complaint repeats one within this many days
    "due_soon_hours": 24,  # "due soon" view horizon
    "holidays": [],  # ISO dates that are not working days
    "workdays": [],  # ISO weekend dates that are working days (调休)
}


def ensure_defaults(session: Session) -> None:
    """Seed categories, SLA rules and settings if the desk has none yet (first use)."""
    if session.scalar(select(TicketCategory.id).limit(1)) is not None:
        return
    session.execute(
        insert(TicketCategory),
        [
            {
                "kind": kind.value,
                "code": code,
                "name": name,
                "default_department": dept.value,
                "sort_key": i,
                "active": True,
            }
            for i, (kind, code, name, dept) in enumerate(DEFAULT_CATEGORIES)
        ],
    )
    ids = {
        (k, c): i
        for i, k, c in session.execute(
            select(TicketCategory.id, TicketCategory.kind, TicketCategory.code)
        )
    }
    rows: list[dict[str, Any]] = []
    for kind, by_urgency in DEFAULT_RULES.items():
        for urgency, (resp, mins, days) in by_urgency.items():
            rows.append(_rule_row(kind, None, urgency, resp, mins, days))
    for (kind, code), by_urgency in DEFAULT_CATEGORY_RULES.items():
        for urgency, (resp, mins, days) in by_urgency.items():
            rows.append(_rule_row(kind, ids[(kind.value, code)], urgency, resp, mins, days))
    session.execute(insert(SlaRule), rows)
    existing = set(session.scalars(select(TicketSetting.key)))
    for key, value in DEFAULT_SETTINGS.items():
        if key not in existing:
            session.add(TicketSetting(key=key, value=json.dumps(value)))
    session.flush()


def _rule_row(
    kind: TicketKind, category_id: int | None, urgency: Urgency, resp: int, mins: int, days: int
) -> dict[str, Any]:
    return {
        "kind": kind.value,
        "category_id": category_id,
        "urgency": urgency.value,
        "response_minutes": resp,
        "resolve_minutes": mins,
        "resolve_working_days": days,
    }


# --- categories -----------------------------------------------------------------------


def list_categories(
    session: Session, kind: str | None = None, *, include_inactive: bool = False
) -> list[CategoryInfo]:
    """Categories (of one kind, or all), in their display order."""
    ensure_defaults(session)
    stmt = select(TicketCategory).order_by(TicketCategory.kind, TicketCategory.sort_key)
    if kind:
        stmt = stmt.where(TicketCategory.kind == kind)
    if not include_inactive:
        stmt = stmt.where(TicketCategory.active.is_(True))
    return [_category_info(c) for c in session.scalars(stmt)]


def _category_info(c: TicketCategory) -> CategoryInfo:
    return CategoryInfo(c.id, c.kind, c.code, c.name, c.default_department, c.sort_key, c.active)


def get_category(session: Session, category_id: int) -> TicketCategory:
    category = session.get(TicketCategory, category_id)
    if category is None:
        raise NotFound("找不到该分类。")
    return category


def save_category(
    session: Session,
    *,
    category_id: int | None,
    kind: str,
    name: str,
    default_department: str = "",
    active: bool = True,
) -> int:
    """Create or rename a category (needs MANAGE_SETTINGS). Categories are hidden, never deleted."""
    require(_actor(session), Permission.MANAGE_SETTINGS)
    ensure_defaults(session)
    name = (name or "").strip()
    if not name:
        raise ValidationError("name", "请填写分类名称。")
    if len(name) > 50:
        raise ValidationError("name", "分类名称不能超过50个字。")
    if default_department and default_department not in {d.value for d in Department}:
        raise ValidationError("default_department", "请选择有效的部门。")
    try:
        kind_value = TicketKind(kind).value
    except ValueError:
        raise ValidationError("kind", "请选择工单类型。") from None
    clash = session.scalar(
        select(TicketCategory.id).where(
            TicketCategory.kind == kind_value, TicketCategory.name == name
        )
    )
    if clash is not None and clash != category_id:
        raise ValidationError("name", f"已有同名分类“{name}”。")
    if category_id is None:
        last = session.scalar(
            select(TicketCategory.sort_key)
            .where(TicketCategory.kind == kind_value)
            .order_by(TicketCategory.sort_key.desc())
            .limit(1)
        )
        code = f"c{(session.scalar(select(TicketCategory.id).order_by(TicketCategory.id.desc()).limit(1)) or 0) + 1}"
        category = TicketCategory(
            kind=kind_value,
            code=code,
            name=name,
            default_department=default_department,
            sort_key=(last or 0) + 1,
            active=active,
        )
        session.add(category)
        session.flush()
        return category.id
    category = get_category(session, category_id)
    category.name = name
    category.default_department = default_department
    category.active = active
    session.flush()
    return category.id


# --- SLA rules ------------------------------------------------------------------------


def list_rules(session: Session) -> list[SlaRuleInfo]:
    """Every SLA rule, defaults of each kind first, then category overrides."""
    ensure_defaults(session)
    names: dict[int, str] = dict(
        session.execute(select(TicketCategory.id, TicketCategory.name)).all()
    )
    rules = session.scalars(select(SlaRule).order_by(SlaRule.kind, SlaRule.category_id, SlaRule.id))
    order = {u.value: i for i, u in enumerate(Urgency)}
    out = [
        SlaRuleInfo(
            r.id,
            r.kind,
            r.category_id,
            names.get(r.category_id, "") if r.category_id else "",
            r.urgency,
            r.response_minutes,
            r.resolve_minutes,
            r.resolve_working_days,
        )
        for r in rules
    ]
    kinds = {k.value: i for i, k in enumerate(TicketKind)}
    out.sort(key=lambda r: (kinds[r.kind], r.category_id or 0, order[r.urgency]))
    return out


def find_rule(session: Session, kind: str, category_id: int | None, urgency: str) -> SlaRule:
    """The most specific rule: the category's for this urgency, else the kind's default."""
    ensure_defaults(session)
    if category_id is not None:
        rule = session.scalar(
            select(SlaRule).where(
                SlaRule.kind == kind,
                SlaRule.category_id == category_id,
                SlaRule.urgency == urgency,
            )
        )
        if rule is not None:
            return rule
    rule = session.scalar(
        select(SlaRule).where(
            SlaRule.kind == kind, SlaRule.category_id.is_(None), SlaRule.urgency == urgency
        )
    )
    if rule is None:
        raise NotFound("没有适用的时限规则，请在设置中补充。")
    return rule


def save_rule(
    session: Session,
    *,
    kind: str,
    category_id: int | None,
    urgency: str,
    response_minutes: int,
    resolve_minutes: int,
    resolve_working_days: int,
) -> int:
    """Create or change the rule for (kind, category, urgency). Needs MANAGE_SETTINGS."""
    require(_actor(session), Permission.MANAGE_SETTINGS)
    ensure_defaults(session)
    if response_minutes <= 0:
        raise ValidationError("response_minutes", "响应时限必须大于0。")
    if resolve_minutes < 0 or resolve_working_days < 0:
        raise ValidationError("resolve_minutes", "完成时限不能为负数。")
    if resolve_minutes == 0 and resolve_working_days == 0:
        raise ValidationError("resolve_minutes", "请填写完成时限（小时或工作日）。")
    if resolve_working_days > 0:
        resolve_minutes = 0
    try:
        TicketKind(kind)
        Urgency(urgency)
    except ValueError:
        raise ValidationError("kind", "请选择工单类型和紧急程度。") from None
    if category_id is not None and get_category(session, category_id).kind != kind:
        raise ValidationError("category_id", "分类与工单类型不一致。")
    cond = (
        SlaRule.category_id.is_(None) if category_id is None else SlaRule.category_id == category_id
    )
    rule = session.scalar(
        select(SlaRule).where(SlaRule.kind == kind, SlaRule.urgency == urgency, cond)
    )
    if rule is None:
        rule = SlaRule(kind=kind, category_id=category_id, urgency=urgency)
        session.add(rule)
    rule.response_minutes = response_minutes
    rule.resolve_minutes = resolve_minutes
    rule.resolve_working_days = resolve_working_days
    session.flush()
    return rule.id


def delete_rule(session: Session, rule_id: int) -> None:
    """Remove a category override (the kind's defaults cannot be removed)."""
    require(_actor(session), Permission.MANAGE_SETTINGS)
    rule = session.get(SlaRule, rule_id)
    if rule is None:
        raise NotFound("找不到该时限规则。")
    if rule.category_id is None:
        raise ValidationError("category_id", "类型的默认时限不能删除，只能修改。")
    session.execute(delete(SlaRule).where(SlaRule.id == rule_id))


# --- settings -------------------------------------------------------------------------


def get_setting(session: Session, key: str) -> Any:
    """A service-desk setting (its default when never set)."""
    raw = session.scalar(select(TicketSetting.value).where(TicketSetting.key == key))
    return json.loads(raw) if raw is not None else DEFAULT_SETTINGS[key]


def set_setting(session: Session, key: str, value: Any) -> None:
    """Change a setting (needs MANAGE_SETTINGS); values are validated per key."""
    require(_actor(session), Permission.MANAGE_SETTINGS)
    if key not in DEFAULT_SETTINGS:
        raise ValidationError(key, "未知的设置项。")
    if key in ("repeat_complaint_days", "due_soon_hours"):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3650:
            raise ValidationError(key, "请填写1到3650之间的整数。")
    else:
        try:
            value = sorted({date.fromisoformat(str(v)).isoformat() for v in value})
        except ValueError:
            raise ValidationError(key, "日期格式应为 YYYY-MM-DD。") from None
    row = session.get(TicketSetting, key)
    if row is None:
        session.add(TicketSetting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
    session.flush()


def calendar(session: Session) -> Calendar:
    """The working-day calendar from the holiday settings."""
    return Calendar(
        holidays=parse_dates(get_setting(session, "holidays")),
        workdays=parse_dates(get_setting(session, "workdays")),
    )
