"""The default notice templates (seeded when the template list is empty)."""

from __future__ import annotations

from typing import Any

from propdesk.reporting.notice_fields import chinese_field_names

_CONTACT = {"key": "contact", "label": "联系电话", "kind": "text", "default": ""}


def _f(
    key: str, label: str, kind: str = "text", default: str = "", *, optional: bool = False
) -> dict[str, Any]:
    return {"key": key, "label": label, "kind": kind, "default": default, "optional": optional}


#: code, name, title, body, fields (defined with keys, renamed below)
_DEFINED: tuple[tuple[str, str, str, str, list[dict[str, Any]]], ...] = (
    (
        "water_outage",
        "停水通知",
        "停水通知",
        "尊敬的业主/住户：\n"
        "因{reason}，定于{start_date} {start_time}至{end_date} {end_time}对{areas}暂停供水。"
        "请各位业主/住户提前做好储水准备；停水期间请关闭家中水龙头，以免恢复供水时造成损失。\n"
        "给您带来的不便，敬请谅解！如有疑问，请联系物业服务中心，电话：{contact}。",
        [
            _f("reason", "停水原因", default="二次供水设施检修"),
            _f("start_date", "开始日期", "date"),
            _f("start_time", "开始时间", "time", "09:00"),
            _f("end_date", "结束日期", "date"),
            _f("end_time", "结束时间", "time", "17:00"),
            _f("areas", "影响区域", default="全小区"),
            _CONTACT,
        ],
    ),
    (
        "power_outage",
        "停电通知",
        "停电通知",
        "尊敬的业主/住户：\n"
        "因{reason}，定于{start_date} {start_time}至{end_date} {end_time}对{areas}暂停供电，"
        "届时电梯、门禁及地下车库照明将同时停止运行。请各位业主/住户提前做好准备，"
        "关闭家中电器电源，停电期间请勿乘坐电梯。\n"
        "给您带来的不便，敬请谅解！如有疑问，请联系物业服务中心，电话：{contact}。",
        [
            _f("reason", "停电原因", default="供电局线路检修"),
            _f("start_date", "开始日期", "date"),
            _f("start_time", "开始时间", "time", "08:30"),
            _f("end_date", "结束日期", "date"),
            _f("end_time", "结束时间", "time", "18:00"),
            _f("areas", "影响区域", default="全小区"),
            _CONTACT,
        ],
    ),
    (
        "fee_reminder",
        "缴费提醒",
        "物业费缴费提醒",
        "尊敬的业主/住户：\n"
        "{period}的物业服务费及相关费用已出账，请于{due_date}前到物业服务中心缴纳，"
        "或通过微信、支付宝、银行转账缴费。逾期未缴将按规定计收滞纳金。\n"
        "已缴费的业主请忽略本通知。感谢您的支持与配合！咨询电话：{contact}。",
        [
            _f("period", "费用所属期间", default=""),
            _f("due_date", "缴费截止日期", "date"),
            _CONTACT,
        ],
    ),
    (
        "renovation_rules",
        "装修管理规定",
        "装修管理规定",
        "尊敬的业主/住户：\n"
        "为保障全体住户的休息和房屋结构安全，现将装修管理规定公告如下：\n"
        "一、装修前须到物业服务中心办理装修许可证并缴纳装修押金；\n"
        "二、装修施工时间：工作日{weekday_hours}，节假日{weekend_hours}，其余时间禁止产生噪音的施工；\n"
        "三、严禁拆改承重墙、梁、柱及外立面，严禁破坏防水层；\n"
        "四、装修垃圾须袋装后运至指定地点：{debris_place}，不得堆放于楼道；\n"
        "五、施工人员凭出入证进出小区。\n"
        "违反上述规定的，物业服务中心将责令整改并按规定处理。咨询电话：{contact}。",
        [
            _f("weekday_hours", "工作日施工时间", default="8:30–12:00、14:00–18:00"),
            _f("weekend_hours", "节假日施工时间", default="禁止施工"),
            _f("debris_place", "装修垃圾堆放点", default="地下车库B区垃圾房"),
            _CONTACT,
        ],
    ),
    (
        "fire_drill",
        "消防演练",
        "消防演练通知",
        "尊敬的业主/住户：\n"
        "为提高全体住户的消防安全意识和自救能力，物业服务中心定于{date} {time}在{place}"
        "开展消防疏散演练。演练期间将鸣响警报，请大家不要惊慌，听从工作人员指挥，"
        "欢迎各位业主/住户积极参与。\n"
        "咨询电话：{contact}。",
        [
            _f("date", "演练日期", "date"),
            _f("time", "演练时间", "time", "15:00"),
            _f("place", "演练地点", default="小区中心广场"),
            _CONTACT,
        ],
    ),
    (
        "activity",
        "社区活动",
        "社区活动通知",
        "尊敬的业主/住户：\n"
        "物业服务中心定于{date} {time}在{place}举办“{activity}”活动。{details}\n"
        "欢迎各位业主/住户踊跃参加！报名及咨询电话：{contact}。",
        [
            _f("activity", "活动名称", default="邻里文化节"),
            _f("date", "活动日期", "date"),
            _f("time", "活动时间", "time", "09:30"),
            _f("place", "活动地点", default="小区会所"),
            _f("details", "活动说明", "multiline", "", optional=True),
            _CONTACT,
        ],
    ),
    (
        "free_text",
        "自定义通知",
        "{subject}",
        "尊敬的业主/住户：\n{content}\n如有疑问，请联系物业服务中心，电话：{contact}。",
        [
            _f("subject", "标题", default="通知"),
            _f("content", "正文", "multiline", ""),
            _CONTACT,
        ],
    ),
)

#: The default templates as a manager sees them: fields named in Chinese (``{停水原因}``).
DEFAULT_TEMPLATES: tuple[tuple[str, str, str, str, list[dict[str, Any]]], ...] = tuple(
    (code, name, *chinese_field_names(title, body, fields))
    for code, name, title, body, fields in _DEFINED
)


def field_names(code: str) -> dict[str, str]:
    """A default template's field keys as defined (``reason``) → the names it uses
    (``停水原因``); empty for an unknown code."""
    for defined, renamed in zip(_DEFINED, DEFAULT_TEMPLATES, strict=True):
        if defined[0] == code:
            return {
                str(a["key"]): str(b["key"]) for a, b in zip(defined[4], renamed[4], strict=True)
            }
    return {}
