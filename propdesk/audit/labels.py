"""The audit viewer in the manager's language: field labels, yuan, local time, Chinese values.

``describe_changes({"waived_fen": [0, 10000]}, "bill_line")`` → ``减免金额：0.00 元 → 100.00 元``;
``{"status": ["vacant", "occupied"]}`` on a unit → ``状态：空置 → 自住``. Unknown columns keep
their name, unknown values are shown as stored.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from propdesk.clock import to_local

FIELD_LABELS_ZH: dict[str, str] = {
    "id": "编号",
    "collected_at": "取件时间",
    "collected_by": "取件人",
    "handed_by": "经手人",
    "caller_name": "来电人",
    "clerk_name": "受理人",
    "clerk_user_id": "受理人账号",
    "actor_name": "操作人",
    "action": "操作",
    "category_id": "类别",
    "department": "部门",
    "name": "名称",
    "code": "编号",
    "status": "状态",
    "kind": "类型",
    "role": "角色",
    "active": "启用",
    "notes": "备注",
    "note": "备注",
    "reason": "原因",
    "description": "说明",
    "username": "用户名",
    "display_name": "姓名",
    "password_hash": "密码",
    "must_change_password": "须修改密码",
    "failed_attempts": "密码错误次数",
    "locked_until": "锁定至",
    "last_login_at": "上次登录",
    "session_epoch": "权限版本",
    "service_account": "服务账号",
    "idle_lock_minutes": "自动锁屏（分钟）",
    "phone": "电话",
    "phone2": "备用电话",
    "phone_hmac": "电话索引",
    "phone_tail": "电话尾号",
    "phone_tail_hmac": "尾号索引",
    "id_number": "身份证号",
    "id_number_hmac": "身份证索引",
    "emergency_contact": "紧急联系人",
    "emergency_phone": "紧急联系电话",
    "owner_name": "业主姓名",
    "owner_phone": "业主电话",
    "person_name": "姓名",
    "name_initials": "姓名首字母",
    "name_pinyin": "姓名拼音",
    "address": "地址",
    "estate_id": "小区",
    "building_id": "楼栋",
    "unit_id": "房屋",
    "person_id": "住户",
    "occupancy_id": "入住记录",
    "floors": "楼层数",
    "floor": "楼层",
    "entrance": "单元",
    "entrances": "单元数",
    "room": "房号",
    "has_elevator": "有电梯",
    "area_centi": "面积",
    "unit_type": "房屋类型",
    "unit_sort": "排序",
    "sort_key": "排序",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "end_reason": "结束原因",
    "moved_out_on": "迁出日期",
    "plate": "车牌",
    "amount_fen": "金额",
    "waived_fen": "减免金额",
    "paid_fen": "已收金额",
    "allocated_fen": "分配金额",
    "credit_fen": "预收金额",
    "discount_fen": "优惠金额",
    "refund_fen": "退款金额",
    "refunded_fen": "已退金额",
    "deducted_fen": "扣款金额",
    "deposit_fen": "押金",
    "rate_fen": "单价",
    "late_fee_charged_fen": "已计滞纳金",
    "open_arrears_fen": "欠费",
    "cash_counted_fen": "实点现金",
    "cash_expected_fen": "应有现金",
    "period": "账期",
    "due_date": "应缴日期",
    "item_id": "收费项目",
    "bill_line_id": "账单明细",
    "payment_id": "收款",
    "run_id": "出账批次",
    "receipt_no": "收据号",
    "deposit_receipt_no": "押金收据号",
    "method": "支付方式",
    "payer": "交款人",
    "paid_at": "收款时间",
    "paid_on": "收款日期",
    "cashier": "收款人",
    "voided": "已作废",
    "voided_at": "作废时间",
    "voided_by": "作废人",
    "void_reason": "作废原因",
    "void_approved_by": "作废授权人",
    "waiver_by": "减免人",
    "waiver_reason": "减免原因",
    "reversed": "已冲销",
    "reversal_reason": "冲销原因",
    "series": "收据序列",
    "last_value": "最后号码",
    "effective_from": "生效日期",
    "reading_centi": "读数",
    "previous_centi": "上次读数",
    "consumption_centi": "用量",
    "quantity_centi": "数量",
    "read_on": "抄表日期",
    "meter_kind": "表类型",
    "permit_no": "许可证号",
    "contractor": "施工单位",
    "contractor_phone": "施工电话",
    "planned_start": "计划开工",
    "planned_end": "计划完工",
    "approved_by": "审批人",
    "decided_by": "决定人",
    "decision_reason": "决定说明",
    "created_at": "创建时间",
    "created_by": "创建人",
    "updated_at": "修改时间",
    "updated_by": "修改人",
    "version": "版本",
    "day": "日期",
    "closed_at": "结账时间",
    "closed_by": "结账人",
    "count": "条数",
    "ids": "涉及编号",
    "more_ids": "其余条数",
    "columns": "修改的字段",
    "message": "提示",
    "what": "内容",
    "path": "文件",
    "rows": "行数",
    "personal": "含个人信息",
    "fields": "字段",
    "source": "来源",
    "settled": "已结清",
    "lines_created": "生成条数",
    "run_by": "出账人",
    "started_at": "开始时间",
    "completed_at": "完成时间",
    "reversed_at": "冲销时间",
    "reversed_by": "冲销人",
    "reversed_on": "冲销日期",
    "late_fee_of": "滞纳金所属账单",
    "legacy_line_id": "原账单明细",
    "txn_ref": "交易流水号",
    "taken_by": "收款人",
    "idempotency_key": "防重复键",
    "refund_id": "退款",
    "refunded_on": "退款日期",
    "deposit_id": "押金",
    "meter_id": "水电表",
    "permit_id": "装修申请",
    "planned_on": "预约日期",
    "signed_on": "签署日期",
    "accepted_on": "验收日期",
    "accepted_by": "验收人",
    "received_by": "经手人",
    "received_on": "收取日期",
    "payee": "收款方",
    "key_count": "钥匙数",
    "tag_no": "牌号",
    "slip_no": "单号",
    "scope": "范围",
    "split": "分摊",
    "rounding": "取整方式",
    "min_months": "最少月数",
    "free_months": "赠送月数",
    "vacant_discount_pct": "空置优惠（%）",
    "target": "对象",
    "custom_kind_id": "自定义类型",
    "sensitive": "敏感",
    "reason_enc": "关注原因",
    "consent": "本人同意",
    "consent_on": "同意日期",
    "review_on": "复查日期",
    "visibility": "可见范围",
    "dnd_start": "免打扰开始",
    "dnd_end": "免打扰结束",
    "ended_at": "结束时间",
    "ended_by": "结束人",
    "active_plate": "在用车牌",
    "parking_space": "车位",
    "pass_from": "月卡开始",
    "pass_to": "月卡截止",
    "removed_at": "移除时间",
    "vaccinated_on": "疫苗接种日期",
    "registration_no": "登记证号",
    "relation": "关系",
    "visited_at": "走访时间",
    "visited_on": "走访日期",
    "visitor_name": "走访人",
    "visitor_user_id": "走访人账号",
    "companions": "同行人员",
    "rating": "满意度",
    "next_visit_on": "下次走访日期",
    "ticket_id": "工单",
    "trigger_id": "计划依据",
    "recorded_by": "登记人",
    "days": "天数",
    "lookback_days": "追溯天数",
    "flagged_only": "仅限频繁投诉住户",
    # satisfaction surveys
    "text_enc": "意见内容",
    "is_complaint": "投诉",
    "attempts": "拨打次数",
    "callback_at": "约定回拨时间",
    "last_attempt_at": "最近拨打时间",
    "locked": "已锁定",
    "topic": "题目类别",
    "rate_pct": "抽样比例（%）",
    "stratified": "按楼栋分层",
    "rotation_months": "轮换期（月）",
    "draw_vacant": "抽样排除：空置房（户）",
    "draw_no_occupant": "抽样排除：无人登记入住（户）",
    "draw_no_phone": "抽样排除：没有登记电话（户）",
    "draw_recently_surveyed": "抽样排除：轮换期内调查过（户）",
    "draw_eligible": "符合抽样条件（户）",
    "draw_drawn": "抽中（户）",
    "activity_id": "活动",
    "text": "内容",
    "options_json": "选项",
    "labels_json": "评分说明",
    "series_id": "问卷系列",
    "number": "编号",
    "position": "顺序",
    "seed": "抽样种子",
    "drawn_at": "抽样时间",
    "paper_forms": "纸质问卷份数",
    "user_id": "用户",
    "at": "时间",
    "paper_seq": "纸质问卷序号",
    "has_text": "有文字意见",
    "answer_id": "答案",
    "option_index": "选项序号",
    "done_at": "完成时间",
    "recheck_id": "复核",
    "choices": "所选选项",
    "paper_rating": "纸质问卷评分",
    "paper_choices": "纸质问卷所选选项",
    "differs": "与纸质问卷不一致",
    "max_attempts": "最多拨打次数",
    "starts_on": "开始日期",
    "ends_on": "结束日期",
    "paper_form_no": "纸质问卷编号",
    "questionnaire_id": "问卷",
    "question_id": "题目",
    "campaign_id": "调查",
    "sample_id": "样本户",
    "response_id": "答卷",
    "outcome": "通话结果",
    "answered_at": "答卷时间",
    "differences": "不一致项数",
}


def _value_maps() -> dict[str, dict[str, str]]:
    """Stored value → Chinese, per column name (imported lazily: no cycles at start)."""
    from propdesk.auth.actor import ROLE_LABELS_ZH
    from propdesk.care.visit_values import VISIT_REASON_ZH
    from propdesk.fees.models import PAY_METHOD_ZH
    from propdesk.household.values import PET_KIND_ZH, VEHICLE_KIND_ZH
    from propdesk.registry.values import OCCUPANCY_ROLE_ZH, UNIT_STATUS_ZH, UNIT_TYPE_ZH
    from propdesk.renovation.values import PERMIT_STATUS_ZH
    from propdesk.surveys.values import (
        CALL_OUTCOME_ZH,
        CAMPAIGN_STATUS_ZH,
        QUESTION_KIND_ZH,
        RESPONSE_SOURCE_ZH,
        SAMPLE_STATUS_ZH,
    )

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


def field_label(column: str) -> str:
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
    if isinstance(value, int) and value in (0, 1) and _is_flag(column):
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


def _is_flag(column: str) -> bool:
    return column in _FLAGS


def user_label(username: str) -> str:
    """Who wrote a row, for the viewer (``unknown``: a change made around the app)."""
    return {"unknown": "未知（未经本程序改库）", "system": "系统"}.get(username, username)


def describe_changes(changes: dict[str, Any], table: str = "", action: str = "update") -> str:
    """One line: ``减免金额：0.00 元 → 100.00 元；状态：空置 → 自住``."""
    parts: list[str] = []
    for key, value in changes.items():
        label = field_label(key)
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
            parts.append(f"{label}：{'、'.join(field_label(str(c)) for c in value)}")
        else:
            parts.append(f"{label}：{value_text(key, value, table)}")
    return "；".join(parts)
