"""Desk settings: how long a parcel may wait before it stands out, the default vacant-check
interval, and how many hours ahead a ticket counts as near its deadline at handover."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sqlalchemy import Select, String, bindparam, select
from sqlalchemy.orm import Session

from propdesk.auth.permissions import Permission, require
from propdesk.desk.models import DeskSetting
from propdesk.errors import ValidationError

DEFAULTS: dict[str, int] = {
    "parcel_hold_days": 3,  # a parcel waiting longer than this stands out
    "vacant_check_days": 30,  # default interval between checks of a vacant unit
}
LIMITS: dict[str, tuple[int, int]] = {"parcel_hold_days": (1, 60), "vacant_check_days": (1, 366)}


def get_setting(session: Session, key: str) -> int:
    """A desk setting (its default when never set)."""
    raw = session.scalar(_setting_statement(), {"key": key})
    return int(json.loads(raw)) if raw is not None else DEFAULTS[key]


@cache
def _setting_statement() -> Select[str]:
    """Built once (the unit page's parcel and vacant-check panels read settings for every
    unit opened), with the key the bound parameter ``key``."""
    return select(DeskSetting.value).where(DeskSetting.key == bindparam("key", type_=String))


def all_settings(session: Session) -> dict[str, int]:
    """Every desk setting with its current value."""
    return {key: get_setting(session, key) for key in DEFAULTS}


def set_setting(session: Session, key: str, value: Any) -> None:
    """Change a desk setting (needs MANAGE_SETTINGS)."""
    require(session.info.get("actor"), Permission.MANAGE_SETTINGS)  # no login, no access
    if key not in DEFAULTS:
        raise ValidationError(key, "未知的设置项。")
    lo, hi = LIMITS[key]
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise ValidationError(key, f"请填写{lo}到{hi}之间的整数。")
    row = session.get(DeskSetting, key)
    if row is None:
        session.add(DeskSetting(key=key, value=json.dumps(value)))
    else:
        row.value = json.dumps(value)
    session.flush()
