"""The audit viewer in the manager's language: field labels, yuan, local time, Chinese values.

``describe_changes({"waived_fen": [0, 10000]}, "bill_line")`` → ``减免金额：0.00 元 → 100.00 元``;
``{"status": ["vacant", "occupied"]}`` on a unit → ``状态：空置 → 自住``. Unknown columns keep
their name, unknown values are shown as stored.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from propdesk.audit.field_names import FIELD_LABELS_ZH, TABLE_FIELD_LABELS_ZH
from propdesk.clock import to_local


def _value_maps() -> dict[str, dict[str, str]]:
    """Stored value → Chinese, per column name (imported lazily: no cycles at start)."""
    from propdesk.activities import values as activities
    from propdesk.auth.actor import ROLE_LABELS_ZH
    from propdesk.calls import values as calls
    from propdesk.care import values as care
    from propdesk.care.visit_values import VISIT_REASON_ZH
    from propdesk.deposits.models import DEPOSIT_KIND_ZH, DEPOSIT_STATUS_ZH
    from propdesk.desk import values as desk
    from propdesk.fees.models import PAY_METHOD_ZH
    from propdesk.household.values import PET_KIND_ZH, VEHICLE_KIND_ZH
    from propdesk.movein.values import STATUS_ZH as MOVEIN_STATUS_ZH
    from propdesk.registry.values import OCCUPANCY_ROLE_ZH, UNIT_STATUS_ZH, UNIT_TYPE_ZH
    from propdesk.renovation.values import PERMIT_STATUS_ZH
    from propdesk.surveys.values import (
        CALL_OUTCOME_ZH,
        CAMPAIGN_STATUS_ZH,
        QUESTION_KIND_ZH,
        RESPONSE_SOURCE_ZH,
        SAMPLE_STATUS_ZH,
    )
    from propdesk.tickets import values as tickets
    from propdesk.tickets.workflow import ACTION_ZH as TICKET_ACTION_ZH

    def plain(mapping: Any) -> dict[str, str]:
        return {str(getattr(k, "value", k)): str(v) for k, v in mapping.items()}

    return {
        "unit.status": plain(UNIT_STATUS_ZH),
        "unit.unit_type": plain(UNIT_TYPE_ZH),
        "occupancy.role": plain(OCCUPANCY_ROLE_ZH),
        "app_user.role": plain(ROLE_LABELS_ZH),
        "method": plain(PAY_METHOD_ZH),
        "renovation_permit.status": plain(PERMIT_STATUS_ZH),
        "household_vehicle.kind": plain(VEHICLE_KIND_ZH),
        "household_pet.kind": plain(PET_KIND_ZH),
        "care_visit.reason": plain(VISIT_REASON_ZH),
        "care_visit_rule.reason": plain(VISIT_REASON_ZH),
        "survey_campaign.status": plain(CAMPAIGN_STATUS_ZH),
        "survey_sample.status": plain(SAMPLE_STATUS_ZH),
        "survey_question.kind": plain(QUESTION_KIND_ZH),
        "survey_response.source": plain(RESPONSE_SOURCE_ZH),
        "survey_attempt.outcome": plain(CALL_OUTCOME_ZH),
        # the ticket module's own names (工单, 进度, 分类, 时限, 费用)
        "ticket.kind": plain(tickets.KIND_ZH),
        "ticket.source": plain(tickets.SOURCE_ZH),
        "ticket.status": plain(tickets.STATUS_ZH),
        "ticket.urgency": plain(tickets.URGENCY_ZH),
        "ticket.department": plain(tickets.DEPARTMENT_ZH),
        "ticket.responsible_department": plain(tickets.DEPARTMENT_ZH),
        "ticket_event.action": plain(TICKET_ACTION_ZH),
        "ticket_event.from_status": plain(tickets.STATUS_ZH),
        "ticket_event.to_status": plain(tickets.STATUS_ZH),
        "ticket_category.kind": plain(tickets.KIND_ZH),
        "ticket_category.default_department": plain(tickets.DEPARTMENT_ZH),
        "ticket_sla_rule.kind": plain(tickets.KIND_ZH),
        "ticket_sla_rule.urgency": plain(tickets.URGENCY_ZH),
        "ticket_cost_line.kind": plain(tickets.COST_KIND_ZH),
        "call_record.direction": {"in": "来电", "out": "去电"},
        "call_record.state": {"missed": "未接（待登记）", "logged": "已登记"},
        "call_record.topic": plain(calls.TOPIC_ZH),
        "call_record.outcome": plain(calls.OUTCOME_ZH),
        "outage.kind": plain(calls.OUTAGE_KIND_ZH),
        "call_reminder.recurrence": plain(calls.RECURRENCE_ZH),
        "phone_directory.category": plain(calls.DIRECTORY_CATEGORY_ZH),
        "activity.kind": plain(activities.ACTIVITY_KIND_ZH),
        "activity.status": plain(activities.ACTIVITY_STATUS_ZH),
        "activity_signup.state": plain(activities.SIGNUP_STATE_ZH),
        "activity_signup.channel": plain(activities.CHANNEL_ZH),
        "care_flag.kind": plain(care.FLAG_KIND_ZH),
        "care_flag.source": plain(care.FLAG_SOURCE_ZH),
        "care_flag.visibility": plain(care.VISIBILITY_ZH),
        "desk_parcel.status": plain(desk.PARCEL_STATUS_ZH),
        "desk_shift_entry.kind": plain(desk.ENTRY_KIND_ZH),
        "desk_shift_entry.status": plain(desk.ENTRY_STATUS_ZH),
        "desk_handover_item.kind": plain(desk.HANDOVER_KIND_ZH),
        "patrol.status": plain(desk.PATROL_STATUS_ZH),
        "patrol_finding.result": plain(desk.RESULT_ZH),
        "patrol_checkpoint.area": plain(desk.AREA_ZH),
        "deposit.kind": plain(DEPOSIT_KIND_ZH),
        "deposit.status": plain(DEPOSIT_STATUS_ZH),
        "movein.status": plain(MOVEIN_STATUS_ZH),
        "previous_unit_status": plain(UNIT_STATUS_ZH),
        "unit_type": plain(UNIT_TYPE_ZH),
        "fee_allocation.kind": {"payment": "收款", "credit": "预收抵扣", "discount": "优惠"},
        "action": {"create": "新建", "update": "修改", "delete": "删除", "insert": "新建"},
        "department": {
            "engineering": "工程部",
            "cleaning": "保洁部",
            "security": "安管部",
            "service": "客服部",
        },
    }


_MAPS: dict[str, dict[str, str]] | None = None
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")


def field_label(column: str, table: str = "") -> str:
    """A column's name as the manager reads it: the table's own label for it first
    (``ticket.closed_at`` → 关闭时间), else the column's (``closed_at`` → 结账时间), else the
    SQL name."""
    if table:
        label = TABLE_FIELD_LABELS_ZH.get(f"{table}.{column}")
        if label is not None:
            return label
    return FIELD_LABELS_ZH.get(column, column)


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d} 元"


def _local(text: str) -> str:
    """A stored timestamp (ISO with offset, or SQLite's UTC text) in the estate's time."""
    try:
        at = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return text
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return f"{to_local(at):%Y-%m-%d %H:%M}"


def value_text(column: str, value: Any, table: str = "") -> str:
    """One stored value as the manager reads it."""
    global _MAPS
    if value is None or value == "":
        return "（空）"
    if isinstance(value, list):
        return "、".join(value_text(column, v, table) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if column.endswith("_fen") and isinstance(value, int | float):
        return yuan(int(value))
    if column.endswith("_centi") and isinstance(value, int | float):
        return f"{value / 100:.2f}"
    if isinstance(value, int) and value in (0, 1) and _is_flag(column, table):
        return "是" if value else "否"
    text = str(value)
    if _MAPS is None:
        _MAPS = _value_maps()
    for key in (f"{table}.{column}", column):
        mapping = _MAPS.get(key)
        if mapping and text in mapping:
            return mapping[text]
    if _TIMESTAMP.match(text):
        return _local(text)
    return text


_FLAGS = frozenset(
    {
        "active",
        "voided",
        "reversed",
        "has_elevator",
        "must_change_password",
        "service_account",
        "settled",
        "authorised",
        "fees_settled",
        "documents_checked",
        "in_catalogue",
        "parking_requested",
        "keys_returned",
        "cards_returned",
        "personal",
    }
)


_BOOLEAN_COLUMNS: frozenset[str] | None = None


def _boolean_columns() -> frozenset[str]:
    """``table.column`` of every boolean column (SQLite's triggers store them as 0 and 1)."""
    global _BOOLEAN_COLUMNS
    if _BOOLEAN_COLUMNS is None:
        from sqlalchemy import Boolean

        from propdesk.db.model_modules import import_all_models
        from propdesk.models_base import Base

        import_all_models()
        _BOOLEAN_COLUMNS = frozenset(
            f"{t.name}.{c.name}"
            for t in Base.metadata.tables.values()
            for c in t.columns
            if isinstance(c.type, Boolean)
        )
    return _BOOLEAN_COLUMNS


def _is_flag(column: str, table: str = "") -> bool:
    return column in _FLAGS or (bool(table) and f"{table}.{column}" in _boolean_columns())


def user_label(username: str) -> str:
    """Who wrote a row, for the viewer (``unknown``: a change made around the app)."""
    return {"unknown": "未知（未经本程序改库）", "system": "系统"}.get(username, username)


def describe_changes(changes: dict[str, Any], table: str = "", action: str = "update") -> str:
    """One line: ``减免金额：0.00 元 → 100.00 元；状态：空置 → 自住``."""
    parts: list[str] = []
    for key, value in changes.items():
        label = field_label(key, table)
        if isinstance(value, list) and len(value) == 2 and key not in ("ids", "columns"):
            old, new = value
            if action == "insert":
                parts.append(f"{label}：{value_text(key, new, table)}")
            elif action == "delete":
                parts.append(f"{label}：{value_text(key, old, table)}")
            else:
                parts.append(
                    f"{label}：{value_text(key, old, table)} → {value_text(key, new, table)}"
                )
        elif key == "columns" and isinstance(value, list):
            parts.append(f"{label}：{'、'.join(field_label(str(c), table) for c in value)}")
        else:
            parts.append(f"{label}：{value_text(key, value, table)}")
    return "；".join(parts)
