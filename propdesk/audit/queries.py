"""Read-only audit queries for the viewer: filter by record, user and date range.

Nothing here writes: the app offers no way to edit or delete audit rows (the session
listeners in :mod:`propdesk.audit.trail` refuse it too). Viewing needs ``VIEW_AUDIT``;
personal data inside old → new values is masked for roles without ``VIEW_FULL_ID``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from propdesk.audit import labels
from propdesk.audit.models import AuditEntry
from propdesk.audit.trail import ACTION_LABELS_ZH
from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, require
from propdesk.clock import local_midnight
from propdesk.privacy import mask_id_number, mask_phone, may_see_personal_data
from propdesk.session_info import actor_or_none as _actor

PERSONAL_FIELDS: dict[str, Any] = {
    "id_number": mask_id_number,
    "phone": mask_phone,
    "phone2": mask_phone,
    "emergency_phone": mask_phone,
}
# Rows written since the audit triggers (audittrail_0001) already hold masked values; this
# also masks rows from before, for roles that may not see personal data.


# What the viewer calls each table (unknown tables show their SQL name).
TABLE_LABELS_ZH: dict[str, str] = {
    "app_user": "用户",
    "estate": "小区",
    "building": "楼栋",
    "unit": "房屋",
    "person": "住户",
    "occupancy": "入住记录",
    "parking_space": "车位",
    "ticket": "工单",
    "ticket_event": "工单进度",
    "ticket_callback": "回访",
    "ticket_quality_check": "质检",
    "ticket_cost_line": "维修费用",
    "ticket_staff": "维修人员",
    "ticket_category": "工单分类",
    "ticket_sla_rule": "时限规则",
    "ticket_setting": "报事设置",
    "bill_line": "账单明细",
    "billing_run": "出账记录",
    "payment": "收款",
    "fee_allocation": "收款分配",
    "fee_item": "收费项目",
    "fee_rate": "收费标准",
    "fee_waiver": "减免",
    "fee_refund": "退款",
    "fee_credit": "预收款",
    "fee_setting": "收费设置",
    "fee_discount_rule": "预缴优惠",
    "meter": "水电表",
    "meter_reading": "抄表读数",
    "renovation_permit": "装修申请",
    "renovation_inspection": "装修巡查",
    "renovation_violation": "装修违规",
    "renovation_worker": "装修工人",
    "renovation_deduction": "押金扣款",
    "movein": "入伙",
    "moveout": "迁出",
    "moving_appointment": "搬家预约",
    "key_loan": "钥匙借用",
    "key_deposit": "钥匙押金",
    "patrol": "巡查",
    "patrol_route": "巡查路线",
    "patrol_finding": "巡查发现",
    "desk_shift": "值班",
    "desk_shift_entry": "值班日志",
    "desk_parcel": "快递",
    "desk_visitor": "访客",
    "vacant_check": "空置房检查",
    "receipt_counter": "收据号",
    "fee_closed_period": "月结",
    "fee_reversal": "冲销",
    "fee_daily_close": "日结",
    "deposit": "押金",
    "deposit_refund": "押金退还",
    "deposit_deduction": "押金扣除",
    "security_policy": "安全策略",
    "approval_grant": "主管授权",
    "approval_attempt": "授权尝试",
    "ticket_counter": "工单号",
    "call_record": "来电记录",
    "call_reminder": "事务提醒",
    "outage": "停水停电",
    "kb_entry": "答客问",
    "phone_directory": "常用电话",
    "today_done": "今日事项",
    "month_report_note": "月报文字",
    "pii_key": "个人信息密钥",
    "activity": "社区活动",
    "activity_signup": "活动报名",
    "team_shift": "班次",
    "team_roster_entry": "排班",
    "team_assessment": "月度考核",
    "household_vehicle": "住户车辆",
    "household_pet": "住户宠物",
    "household_contact": "紧急联系人",
    "archive_kind": "档案资料种类",
    "archive_file": "档案扫描件",
    "archive_document": "档案资料",
    "archive_loan": "档案原件借阅",
    "care_flag": "关注标记",
    "care_kind": "自定义关注类型",
    "care_visit": "走访记录",
    "care_visit_rule": "走访计划规则",
    "survey_question": "调查题目",
    "survey_questionnaire": "调查问卷",
    "survey_questionnaire_item": "问卷题目",
    "survey_campaign": "满意度调查",
    "survey_campaign_building": "调查楼栋范围",
    "survey_sample": "调查样本户",
    "survey_attempt": "调查拨打记录",
    "survey_response": "调查答卷",
    "survey_answer": "调查答案",
    "survey_answer_choice": "调查答案选项",
    "survey_recheck": "纸质问卷复核",
    "survey_recheck_answer": "复核答案",
    "audit_log": "审计日志",
    "desk_setting": "前台设置",
    "desk_handover_item": "交班事项",
    "kb_miss": "答客问未查到",
    "kb_term": "答客问检索词",
    "notice_template": "通知模板",
    "notice_posted": "通知张贴记录",
    "renovation_violation_type": "装修违规类型",
    "renovation_photo": "装修巡查照片",
    "fee_contact_log": "催缴联系记录",
    "fee_notice_log": "催缴函记录",
    "outage_target": "停水停电范围",
    "patrol_checkpoint": "巡查点",
    "vacant_check_plan": "空置房检查计划",
    "ticket_attachment": "工单附件",
    "movein_key": "入伙钥匙",
    "-": "（无）",
}


def table_label(name: str) -> str:
    """``住户 (person)`` for a known table, else the SQL name."""
    label = TABLE_LABELS_ZH.get(name)
    return f"{label} ({name})" if label else name


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer asks for; empty fields do not filter.

    ``date_from``/``date_to`` are local calendar days, both included.
    """

    table_name: str = ""
    record_id: str = ""
    username: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_id: str
    changes: dict[str, Any]

    @property
    def action_label(self) -> str:
        return ACTION_LABELS_ZH.get(self.action, self.action)

    @property
    def description(self) -> str:
        """The changes as the manager reads them (labels, yuan, local time, Chinese values)."""
        return describe_changes(self.changes, self.table_name, self.action)

    @property
    def user_label(self) -> str:
        return labels.user_label(self.username)


def _local_midnight_utc(day: date) -> datetime:
    return local_midnight(day).astimezone(UTC)


def audit_conditions(f: AuditFilter) -> list[ColumnElement[bool]]:
    """SQL conditions for ``f`` (used by the viewer's SQL table model and by :func:`list_audit`)."""
    out: list[ColumnElement[bool]] = []
    if f.table_name:
        out.append(AuditEntry.table_name == f.table_name)
    if f.record_id:
        out.append(AuditEntry.record_id == f.record_id.strip())
    if f.username:
        out.append(AuditEntry.username == f.username.strip())
    if f.action:
        out.append(AuditEntry.action == f.action)
    if f.date_from:
        out.append(AuditEntry.at >= _local_midnight_utc(f.date_from))
    if f.date_to:
        out.append(AuditEntry.at < _local_midnight_utc(f.date_to + timedelta(days=1)))
    return out


def audit_base(actor: Actor | None) -> Select[Any]:
    """The viewer's base query; refuses roles without ``VIEW_AUDIT``."""
    require(actor, Permission.VIEW_AUDIT)
    return select(AuditEntry)


def shown_changes(actor: Actor | None, raw: str) -> dict[str, Any]:
    """Decode a row's JSON, masking personal fields for roles that may not see them."""
    try:
        changes = json.loads(raw or "{}")
    except ValueError:
        return {}
    if not isinstance(changes, dict):
        return {}
    if may_see_personal_data(actor):
        return changes
    out: dict[str, Any] = {}
    for key, value in changes.items():
        mask = PERSONAL_FIELDS.get(key)
        if mask and isinstance(value, list):
            out[key] = [mask(v) if isinstance(v, str) else v for v in value]
        else:
            out[key] = value
    return out


def describe_changes(changes: dict[str, Any], table: str = "", action: str = "update") -> str:
    """One line in the manager's language (:func:`propdesk.audit.labels.describe_changes`)."""
    return labels.describe_changes(changes, table, action)


def list_audit(
    session: Session, f: AuditFilter = AuditFilter(), *, limit: int = 200, offset: int = 0
) -> list[AuditRow]:
    """Audit rows matching ``f``, newest first."""
    actor = _actor(session)
    stmt = (
        audit_base(actor)
        .where(*audit_conditions(f))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return [
        AuditRow(
            e.id,
            e.at,
            e.username,
            e.action,
            e.table_name,
            e.record_id,
            shown_changes(actor, e.changes),
        )
        for e in session.scalars(stmt)
    ]


def count_audit(session: Session, f: AuditFilter = AuditFilter()) -> int:
    require(_actor(session), Permission.VIEW_AUDIT)
    return int(session.scalar(select(func.count(AuditEntry.id)).where(*audit_conditions(f))) or 0)


def audited_tables(session: Session) -> list[str]:
    """Table names that have audit rows (for the viewer's filter box)."""
    require(_actor(session), Permission.VIEW_AUDIT)
    return list(
        session.scalars(select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name))
    )
