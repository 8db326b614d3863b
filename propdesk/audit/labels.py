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
    # every other column of the mapped tables (tests/propdesk/audit/test_every_label.py)
    "title": "标题",
    "starts_at": "开始时间",
    "ends_at": "结束时间",
    "venue": "地点",
    "capacity": "名额",
    "taken": "已报名人数",
    "budget_fen": "预算",
    "spent_fen": "已支出",
    "organiser": "组织者",
    "cancel_reason": "取消原因",
    "notice_printed_at": "通知打印时间",
    "desk": "前台电脑",
    "sha256": "文件校验值",
    "file_name": "文件名",
    "size": "文件大小（字节）",
    "content": "文件内容",
    "stage": "阶段",
    "required": "必备",
    "validity_months": "有效期（月）",
    "os_user": "系统用户",
    "host": "电脑名",
    "table_name": "数据表",
    "record_id": "记录编号",
    "changes": "修改内容",
    "db_user": "数据库用户",
    "prev_hash": "上一条校验值",
    "row_hash": "本条校验值",
    "key": "设置项",
    "value": "设置值",
    "company": "物业公司",
    "figures": "结账时的数字",
    "category": "分类",
    "in_catalogue": "列入收费目录",
    "query": "查询内容",
    "by_name": "经办人",
    "by_user_id": "经办人账号",
    "by": "经办人",
    "summary": "摘要",
    "body": "正文",
    "planned": "计划停供",
    "script": "答复口径",
    "whole_estate": "全小区",
    "closed": "已结束",
    "actual_end_at": "实际恢复时间",
    "extension": "分机",
    "search_key": "检索词",
    "search_text": "检索文字",
    "key_id": "密钥编号",
    "default_days": "默认整改天数",
    "demo_database": "演示数据库",
    "starts": "上班时间",
    "ends": "下班时间",
    "default_department": "默认部门",
    "prefix": "前缀",
    "last": "最后号码",
    "item_kind": "事项类型",
    "item_ref": "事项编号",
    "for_day": "日期",
    "done_by": "完成人",
    "token_hash": "授权码校验值",
    "approver_id": "授权人",
    "requested_by": "申请人",
    "record": "记录",
    "expires_at": "失效时间",
    "used_at": "使用时间",
    "started_by": "接班人",
    "started_by_user_id": "接班人账号",
    "previous_id": "上一班",
    "handover_note": "交班说明",
    "acknowledged_at": "接班确认时间",
    "acknowledged_by": "接班确认人",
    "acknowledged_by_user_id": "接班确认人账号",
    "question": "问题",
    "answer": "答复",
    "tags": "标签",
    "ticket_categories": "相关工单分类",
    "owner_user_id": "负责人账号",
    "last_checked": "上次检查日期",
    "expires_on": "到期日期",
    "template_id": "通知模板",
    "template_name": "模板名称",
    "audiences": "张贴范围",
    "copies": "份数",
    "pages": "页数",
    "posted_on": "张贴日期",
    "posted_at": "张贴时间",
    "posted_by": "张贴人",
    "route_id": "巡查路线",
    "route_name": "路线名称",
    "local_day": "日期",
    "finished_at": "完成时间",
    "patroller": "巡查人",
    "comment": "意见",
    "comment_by_user_id": "评语填写人账号",
    "comment_by_name": "评语填写人",
    "comment_at": "评语填写时间",
    "ack_at": "确认时间",
    "ack_by_name": "确认人",
    "shift_id": "班次",
    "urgency": "紧急程度",
    "response_minutes": "响应时限（分钟）",
    "resolve_minutes": "处理时限（分钟）",
    "resolve_working_days": "处理时限（工作日）",
    "seq": "顺序",
    "ref_id": "关联记录编号",
    "floor_from": "起始楼层",
    "floor_to": "截止楼层",
    "term": "检索词",
    "entry_id": "答客问条目",
    "contact_name": "联系人",
    "persons": "人数",
    "channel": "方式",
    "state": "状态",
    "queued_at": "候补登记时间",
    "attended": "已到场",
    "cancelled_at": "取消时间",
    "source_ref": "来源记录",
    "due_on": "到期日期",
    "recurrence": "重复",
    "valid_until": "有效期至",
    "assignee_user_id": "负责人账号",
    "assignee_name": "负责人",
    "received_at": "收取时间",
    "carrier": "快递公司",
    "tracking_no": "快递单号",
    "recipient": "收件人",
    "recipient_phone": "收件人电话",
    "shelf": "货架",
    "notified_at": "通知时间",
    "carried_from_id": "上一班转来",
    "purpose": "事由",
    "people": "人数",
    "in_at": "进入时间",
    "out_at": "离开时间",
    "registered_by": "登记人",
    "contact_date": "联系日期",
    "staff": "经办人",
    "promised_date": "承诺缴费日期",
    "promise": "承诺兑现情况",
    "level": "催缴级别",
    "sent_at": "发出时间",
    "sent_by": "发出人",
    "doc_no": "文书编号",
    "deposited_by": "存放人",
    "authorised": "已授权",
    "deposited_at": "存放时间",
    "withdrawn_at": "取回时间",
    "withdrawn_by": "取回人",
    "rollover_centi": "满量程读数",
    "slot": "时段",
    "direction": "方向",
    "elevator": "使用电梯",
    "contact_phone": "联系电话",
    "mover_company": "搬家公司",
    "vehicle_plate": "车牌",
    "cancelled": "已取消",
    "outage_id": "停水停电",
    "area": "区域",
    "what_to_check": "检查内容",
    "discount_note": "优惠说明",
    "contractor_contact": "施工负责人",
    "deposit_line_id": "押金账单明细",
    "decided_at": "审批时间",
    "acceptance_note": "验收说明",
    "location": "地点",
    "reporter_name": "报事人",
    "reporter_phone": "报事人电话",
    "staff_id": "维修人员",
    "response_due": "响应期限",
    "resolve_due": "处理期限",
    "dispatched_at": "派工时间",
    "responded_at": "首次响应时间",
    "called_back_at": "回访时间",
    "work_done": "处理情况",
    "reopen_count": "重新派工次数",
    "is_paid": "有偿服务",
    "charge_id": "收费账单明细",
    "responsible_department": "责任部门",
    "complaint_valid": "投诉成立",
    "validity_reason": "投诉是否成立的说明",
    "root_cause": "原因分析",
    "resolution": "处理结果",
    "repeat_of_id": "重复投诉的原工单",
    "checked_on": "检查日期",
    "checked_at": "检查时间",
    "checked_by": "检查人",
    "doors_windows_ok": "门窗完好",
    "water_ok": "用水正常",
    "electricity_ok": "用电正常",
    "no_leaks": "无渗漏",
    "interval_days": "检查间隔（天）",
    "next_due": "下次检查日期",
    "kind_id": "资料种类",
    "doc_date": "资料日期",
    "file_id": "扫描件",
    "cabinet": "档案柜",
    "box": "档案盒",
    "on_loan": "已借出",
    "filed_by": "归档人",
    "number_hmac": "号码索引",
    "number_tail": "号码尾号",
    "contact_log_id": "催缴联系记录",
    "transfer_to": "转接给",
    "transfer_ext": "转接分机",
    "callback_due": "回电期限",
    "callback_done_at": "回电时间",
    "parent_id": "原来电",
    "findings_enc": "走访发现",
    "borrower": "借用人",
    "borrower_phone": "借用人电话",
    "lent_at": "借出时间",
    "due_at": "应还时间",
    "lent_by": "借出经手人",
    "borrower_signature": "借用人签名",
    "returned_at": "归还时间",
    "returned_by": "归还人",
    "return_signature": "归还签名",
    "received_back_by": "收回经手人",
    "returned_to": "归还经手人",
    "old_final_centi": "旧表末次读数",
    "new_initial_centi": "新表起始读数",
    "entered_by": "录入人",
    "documents_checked": "资料已核对",
    "documents_note": "资料说明",
    "fees_settled": "费用已结清",
    "water_reading_centi": "水表读数",
    "electricity_reading_centi": "电表读数",
    "card_numbers": "门禁卡号",
    "parking_requested": "申请车位",
    "parking_note": "车位说明",
    "keys_returned": "钥匙已交回",
    "cards_returned": "门禁卡已交回",
    "items_note": "物品说明",
    "patrol_id": "巡查",
    "checkpoint_id": "巡查点",
    "checkpoint_name": "巡查点名称",
    "result": "结果",
    "photo_path": "照片",
    "resolved_at": "处理时间",
    "resolved_note": "处理说明",
    "inspected_on": "巡查日期",
    "inspector": "巡查人",
    "pass_no": "出入证号",
    "stored_path": "存放位置",
    "added_at": "添加时间",
    "added_by": "添加人",
    "overall": "总体满意度",
    "speed": "及时性",
    "attitude": "服务态度",
    "fixed": "问题已解决",
    "reopened": "已重新派工",
    "passed": "合格",
    "quantity": "数量",
    "unit_price_fen": "单价",
    "from_status": "原状态",
    "to_status": "新状态",
    "actor_user_id": "操作人账号",
    "document_id": "档案资料",
    "movein_id": "入伙",
    "key_type": "钥匙类型",
    "inspection_id": "巡查记录",
    "type_id": "违规类型",
    "deadline": "整改期限",
    "rectified_on": "整改完成日期",
    "follow_up_note": "跟进说明",
    "followed_up_by": "跟进人",
}

# A column whose meaning depends on its table (``table.column``), read before the plain name:
# ``closed_at`` is a billing close (结账) only on the fee tables.
TABLE_FIELD_LABELS_ZH: dict[str, str] = {
    "ticket.closed_at": "关闭时间",
    "ticket.owner_name": "首问负责人",
    "ticket.owner_user_id": "首问负责人账号",
    "ticket.period": "受理月份",
    "ticket.number": "工单号",
    "ticket_callback.at": "回访时间",
    "ticket_callback.by_name": "回访人",
    "ticket_callback.by_user_id": "回访人账号",
    "ticket_callback.comment": "回访意见",
    "ticket_quality_check.by_name": "质检人",
    "ticket_quality_check.by_user_id": "质检人账号",
    "ticket_event.action": "进度",
    "survey_campaign.closed_at": "结束时间",
    "desk_shift.closed_at": "交班时间",
    "desk_shift.closed_by": "交班人",
    "desk_shift_entry.shift_id": "所属值班",
    "desk_handover_item.shift_id": "所属值班",
    "team_assessment.period": "考核月份",
    "team_assessment.comment": "经理评语",
    "team_assessment.ack_at": "员工确认时间",
    "team_assessment.ack_by_name": "确认员工",
    "activity_signup.comment": "活动评价",
    "activity_signup.channel": "报名方式",
    "fee_notice_log.channel": "送达方式",
    "call_record.direction": "来电/去电",
    "call_record.summary": "通话内容",
    "moving_appointment.direction": "搬入/搬出",
    "month_report_note.summary": "本月概述",
    "month_report_note.problems": "存在问题",
    "month_report_note.plan": "下月计划",
    "kb_miss.query": "未查到的问题",
    "kb_miss.by_name": "查询人",
    "kb_entry.owner_user_id": "维护人账号",
    "renovation_photo.content": "照片",
    "renovation_permit.previous_unit_status": "装修前房屋状态",
}


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
