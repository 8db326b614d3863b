"""Demo step: a year of realistic service-desk tickets in every state.

Reads from ``ctx.info`` (set by the registry and users steps; each is optional):
``"unit_ids"``, ``"owner_by_unit"``, ``"tenant_by_unit"``, ``"vacant_unit_ids"``
and ``"user_ids"`` (role → user id, for the clerks who registered tickets).
About 0.75 tickets per unit per year; older tickets are closed, recent ones are
spread over every status, some overdue. Sets ``ctx.info["ticket_ids"]``.
Bulk inserts only; paid repairs that are done post their charge to the fees module.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.models import User
from propdesk.demo.registry import _insert_ids
from propdesk.demo.steps import DemoContext
from propdesk.registry.models import Person
from propdesk.tickets import catalog
from propdesk.tickets.models import (
    SlaRule,
    Staff,
    Ticket,
    TicketCallback,
    TicketCategory,
    TicketCostLine,
    TicketCounter,
    TicketEvent,
)
from propdesk.tickets.sla import deadlines, local_period
from propdesk.tickets.textsearch import search_text
from propdesk.tickets.values import DEPARTMENT_ZH, KIND_PREFIX, Department, TicketKind

TICKETS_PER_UNIT = 0.75
STALL_AT = ("received", "dispatched", "in_progress", "done", "called_back")

STAFF = (
    ("刘建国", "engineering"),
    ("王师傅", "engineering"),
    ("赵强", "engineering"),
    ("孙志刚", "engineering"),
    ("周海", "engineering"),
    ("陈秀英", "cleaning"),
    ("李桂兰", "cleaning"),
    ("吴红梅", "cleaning"),
    ("郑伟", "security"),
    ("钱勇", "security"),
    ("冯磊", "security"),
    ("何丽", "service"),
    ("许静", "service"),
)

DESCRIPTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("repair", "plumbing"): (
        "厨房水槽下水不畅，已堵塞两天",
        "卫生间马桶漏水，地面有积水",
        "热水器进水阀滴水",
        "阳台地漏反味，请派人查看",
        "洗手盆龙头关不紧一直滴水",
    ),
    ("repair", "electrical"): (
        "客厅插座没电，空开跳闸合不上",
        "卧室吊灯闪烁，开关发热",
        "入户配电箱漏电保护器频繁跳闸",
        "厨房插座冒火花",
    ),
    ("repair", "water_power_cut"): (
        "整户突然停电，楼道灯也不亮",
        "家里没有自来水，邻居也停水",
        "单元停电，电梯困人风险",
    ),
    ("repair", "door_lock"): (
        "入户门锁芯卡住，钥匙打不开",
        "防盗门合页松动关不严",
        "窗户把手断裂无法关闭",
        "单元门闭门器损坏，门关不上",
    ),
    ("repair", "elevator"): (
        "电梯按钮失灵，按了不亮",
        "电梯运行时有异响，轿厢抖动",
        "电梯门关闭后不运行",
        "电梯停在两层之间，有人被困",
    ),
    ("repair", "public_area"): (
        "楼道声控灯不亮",
        "小区路灯损坏，晚上很黑",
        "地下车库积水",
        "单元楼顶平台栏杆松动",
        "健身器材螺丝脱落",
    ),
    ("repair", "leak"): (
        "楼上卫生间渗水，我家天花板发霉",
        "外墙渗水，卧室墙面起皮",
        "雨后阳台顶部滴水",
    ),
    ("repair", "access_control"): ("门禁卡刷不开单元门", "可视对讲没有声音", "楼下门禁密码失效"),
    ("repair", "other"): ("信报箱门掉了", "空调外机支架松动，担心掉落", "晾衣架升降绳断了"),
    ("complaint", "noise"): (
        "楼上晚上十一点后还在拖动家具，影响休息",
        "隔壁装修周末早上七点就开工",
        "广场舞音乐太吵",
        "楼下商铺夜间噪音扰民",
    ),
    ("complaint", "hygiene"): (
        "垃圾桶满了没人清运，气味很大",
        "楼道长期没有打扫",
        "小区内宠物粪便无人清理",
        "地下车库有大量垃圾堆放",
    ),
    ("complaint", "security"): (
        "外来人员随意进出小区",
        "电动车在楼道充电，存在安全隐患",
        "夜间巡逻不到位，车辆被划",
    ),
    ("complaint", "parking"): (
        "消防通道被私家车长期占用",
        "我的车位被他人占用",
        "车库出入口车辆乱停",
    ),
    ("complaint", "staff_attitude"): (
        "门岗保安态度生硬",
        "客服电话打不通，接听人员不耐烦",
        "维修师傅上门不穿鞋套，态度差",
    ),
    ("complaint", "repair_quality"): (
        "上次维修的水管又漏了",
        "报修三天没人来处理",
        "换的灯管一周就坏了",
    ),
    ("complaint", "fees"): ("物业费账单金额有误", "停车费上涨没有提前公示"),
    ("complaint", "neighbour"): (
        "邻居在公共走廊堆放杂物",
        "楼上空调冷凝水滴到我家阳台",
        "邻居家狗经常吠叫",
    ),
    ("complaint", "other"): ("小区绿化被破坏无人管理", "快递柜故障取不出快递"),
    ("inquiry", "fees"): ("咨询今年物业费缴费方式", "询问车位管理费标准", "咨询水电费如何查询"),
    ("inquiry", "renovation"): (
        "咨询装修需要办理哪些手续",
        "询问装修押金退还时间",
        "咨询装修施工时间规定",
    ),
    ("inquiry", "services"): ("咨询门禁卡补办流程", "询问小区快递代收时间", "咨询家政服务联系方式"),
    ("inquiry", "other"): ("询问小区停水通知时间", "咨询业主大会召开时间"),
    ("suggestion", "environment"): ("建议增加小区绿化带的花草", "建议在儿童游乐区增加遮阳棚"),
    ("suggestion", "management"): (
        "建议物业费可以用微信缴纳",
        "建议公告栏及时更新通知",
        "建议增加夜间巡逻频次",
    ),
    ("suggestion", "facilities"): (
        "建议增设电动车充电桩",
        "建议在单元门口加装雨棚",
        "建议更换老旧的健身器材",
    ),
}
PUBLIC_PLACES = (
    "1号楼大堂",
    "地下车库B区",
    "小区南门",
    "中心花园",
    "儿童游乐区",
    "3号垃圾站",
    "东侧消防通道",
    "会所",
    "2号楼楼顶",
    "北门岗亭",
)
PUBLIC_DESCRIPTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    # What a public-area ticket (no unit) says where the unit texts describe a flat.
    ("repair", "plumbing"): (
        "中心花园绿化给水管爆裂，路面积水",
        "会所卫生间水龙头关不紧",
        "地下车库消防管道滴水",
    ),
    ("repair", "electrical"): (
        "地下车库照明成片不亮",
        "大堂配电箱跳闸，灯不亮",
        "小区路灯线路故障",
    ),
    ("repair", "water_power_cut"): (
        "单元停电，电梯困人风险",
        "整栋楼突然停水",
        "地下车库停电，道闸无法抬杆",
    ),
    ("repair", "door_lock"): ("单元门闭门器损坏，门关不上", "消防通道门锁损坏", "会所大门合页松动"),
    ("repair", "leak"): (
        "地下车库顶板渗水，车位上方滴水",
        "大堂天花板漏水",
        "楼顶平台雨后积水渗漏",
    ),
    ("repair", "access_control"): ("门禁卡刷不开单元门", "小区大门道闸不抬杆", "北门人行门禁失灵"),
    ("repair", "other"): ("信报箱门掉了", "公告栏玻璃破损", "分类垃圾桶盖损坏"),
    ("complaint", "noise"): ("广场舞音乐太吵", "楼下商铺夜间噪音扰民", "清晨垃圾清运车噪音太大"),
    ("complaint", "parking"): ("消防通道被私家车长期占用", "车库出入口车辆乱停"),
    ("complaint", "staff_attitude"): ("门岗保安态度生硬", "保洁人员在大堂大声喧哗"),
    ("complaint", "repair_quality"): ("路灯修了没几天又坏了", "车库积水报修多次仍未解决"),
    ("complaint", "fees"): ("停车费上涨没有提前公示",),
    ("complaint", "neighbour"): ("有住户在公共走廊堆放杂物", "有人在草坪遛狗不拴绳"),
}
PLACE_HINTS = (
    ("车库", "地下车库B区"),
    ("大堂", "1号楼大堂"),
    ("楼顶", "2号楼楼顶"),
    ("会所", "会所"),
    ("花园", "中心花园"),
    ("草坪", "中心花园"),
    ("绿化", "中心花园"),
    ("健身器材", "儿童游乐区"),
    ("游乐区", "儿童游乐区"),
    ("垃圾", "3号垃圾站"),
    ("消防通道", "东侧消防通道"),
    ("北门", "北门岗亭"),
    ("门岗", "北门岗亭"),
    ("大门", "小区南门"),
    ("外来人员", "小区南门"),
    ("电梯", "1号楼大堂"),
    ("单元门", "1号楼大堂"),
    ("路灯", "中心花园"),
)
"""A public ticket's place follows what its text names (车库 → 地下车库B区); else any."""
STAFF_REPORTERS = {"巡逻保安": "patrol", "保洁主管": "patrol", "工程部巡检": "inspection"}
"""Staff who find a public-area fault on their rounds, and the ticket's source."""
PUBLIC_RESIDENTS = ("路过业主", "匿名业主")
"""Residents who report a public-area matter without giving their unit (nobody to call back)."""
KIND_WEIGHTS = (
    (TicketKind.REPAIR, 60),
    (TicketKind.COMPLAINT, 15),
    (TicketKind.INQUIRY, 18),
    (TicketKind.SUGGESTION, 7),
)
URGENCY_WEIGHTS = (("emergency", 8), ("high", 20), ("normal", 72))
SOURCE_WEIGHTS = (("phone", 60), ("walk_in", 35), ("other", 5))
"""How a resident's ticket arrives (patrol and inspection tickets come from staff)."""
ROOT_CAUSES: dict[str, tuple[str, ...]] = {
    # Root causes of an upheld complaint, by its category.
    "noise": ("装修施工时间管理不到位", "商铺经营噪音未及时劝阻", "夜间巡查频次不够"),
    "hygiene": ("保洁频次不够", "垃圾清运不及时", "保洁人员排班不足"),
    "security": ("门岗登记制度执行不严", "夜间巡逻不到位", "监控盲区未及时处理"),
    "parking": ("车辆巡查不及时", "停车秩序管理不到位"),
    "staff_attitude": ("人员培训不足", "服务规范执行不到位"),
    "repair_quality": ("维修质量把关不严", "派工后跟进不及时", "设施老化"),
    "fees": ("账单核对不仔细", "收费调整未按规定提前公示"),
    "neighbour": ("邻里矛盾劝导不及时", "公共区域巡查不到位"),
    "other": ("巡查频次不够", "沟通不及时"),
}
RESOLUTIONS: dict[str, tuple[str, ...]] = {
    # What was done about an upheld complaint, by its category.
    "noise": ("已约谈施工方和商户，明确作业时段并加强巡查", "已上门劝导，噪音已停止"),
    "hygiene": ("已安排保洁清理并增加清运频次", "已调整保洁排班并通报相关人员"),
    "security": ("已加强门岗登记和夜间巡逻", "已调取监控并加强巡逻"),
    "parking": ("已联系车主挪车并张贴告示", "已加强车库巡查"),
    "staff_attitude": ("已向业主道歉，相关人员已批评教育", "已组织服务规范培训"),
    "repair_quality": ("已重新派工返修并跟踪回访", "已更换配件并向业主道歉"),
    "fees": ("已核对更正账单并向业主说明", "已补发公示并向业主道歉"),
    "neighbour": ("已上门协调，双方达成一致", "已清理公共区域杂物并告知住户"),
    "other": ("已安排处理并通报相关人员", "已整改并告知业主"),
}
NOT_UPHELD_REASONS = (
    "经现场核实，未发现所述情况",
    "经调取监控和记录核实，与事实不符",
    "经核实不属物业管理责任",
)
NOT_UPHELD_EXPLANATIONS = (
    "已向业主说明核实情况，业主表示理解",
    "已电话告知核实结果并解释相关规定",
)
CALLBACK_COMMENTS: dict[str, tuple[str, ...]] = {
    # What a resident says on a satisfied callback, by the ticket's kind (and verdict).
    "repair": ("满意", "处理及时", "师傅很专业", "修好了，谢谢", ""),
    "complaint": ("满意", "处理及时", "希望以后多注意", ""),
    "complaint_not_upheld": ("已了解情况", "理解，谢谢说明", ""),
    "inquiry": ("解答清楚", "满意", ""),
    "suggestion": ("谢谢采纳", "满意", ""),
}
MATERIALS = (
    ("水龙头", 3850),
    ("PVC下水管", 2550),
    ("空气开关", 4500),
    ("锁芯", 12000),
    ("灯管", 1800),
    ("角阀", 2200),
)


def build_tickets(session: Session, ctx: DemoContext) -> None:
    """Create staff and a year of tickets (see the module docstring for what is read)."""
    rng = ctx.rng
    catalog.ensure_defaults(session)
    staff_ids = _insert_ids(
        session,
        Staff,
        [
            {
                "name": n,
                "department": d,
                "phone": f"139{rng.randrange(10**8):08d}",
                "active": True,
                "version": 1,
            }
            for n, d in STAFF
        ],
    )
    staff_by_dept: dict[str, list[int]] = {}
    staff_names = {sid: (n, d) for sid, (n, d) in zip(staff_ids, STAFF, strict=True)}
    for sid, (_n, d) in zip(staff_ids, STAFF, strict=True):
        staff_by_dept.setdefault(d, []).append(sid)
    unit_ids: list[int] = list(ctx.info.get("unit_ids", []))  # type: ignore[call-overload]
    if not unit_ids:
        ctx.progress(1.0, "无房屋，未生成工单")
        return
    occupied = _occupied_units(ctx, unit_ids)
    unit_codes = _unit_codes(ctx)
    reporter_of = _reporters(session, ctx, occupied)
    users = _users(session, ctx)
    cats = _categories(session)
    rules = _rules(session)
    cal = catalog.calendar(session)

    now = ctx.now.astimezone(UTC)  # nothing after the demo's now
    year_ago = now - timedelta(days=365)
    count = max(1, round(len(unit_ids) * TICKETS_PER_UNIT))
    specs = []
    for _ in range(count):
        created = _work_time(rng, year_ago, now)
        specs.append(created)
    specs.sort()
    counters: Counter[str] = Counter()
    tickets: list[dict[str, Any]] = []
    timelines: list[list[dict[str, Any]]] = []
    callbacks: list[list[dict[str, Any]]] = []
    costs: list[list[dict[str, Any]]] = []
    for i, created in enumerate(specs):
        if i % 2000 == 0:
            ctx.progress(0.8 * i / count, "生成报事报修工单…")
        kind = _weighted(rng, KIND_WEIGHTS)
        code, cat_id, dept = rng.choice(cats[kind.value])
        urgency = (
            _weighted(rng, URGENCY_WEIGHTS)
            if kind is TicketKind.REPAIR
            else rng.choice(["normal"] * 9 + ["high"])
        )
        public = kind is not TicketKind.INQUIRY and rng.random() < (
            0.35
            if code in ("public_area", "hygiene", "security", "parking", "environment")
            else 0.08
        )
        unit_id = None if public or not occupied else rng.choice(occupied)
        if unit_id:  # a resident calls or walks in about their flat
            person_id, name, phone = reporter_of[unit_id]
            source = _weighted(rng, SOURCE_WEIGHTS)
            description = rng.choice(DESCRIPTIONS.get((kind.value, code), ("其他问题",)))
        else:  # a public area: staff on their rounds find faults, residents complain
            person_id, phone = None, ""
            name = rng.choice(
                (*STAFF_REPORTERS, *PUBLIC_RESIDENTS)
                if kind is TicketKind.REPAIR
                else PUBLIC_RESIDENTS
            )
            source = STAFF_REPORTERS.get(name) or rng.choice(("phone", "walk_in"))
            texts = PUBLIC_DESCRIPTIONS.get((kind.value, code)) or DESCRIPTIONS.get(
                (kind.value, code), ("公共区域问题",)
            )
            description = rng.choice(texts)
        resp, mins, days = (
            rules.get((kind.value, cat_id, urgency)) or rules[(kind.value, None, urgency)]
        )
        due = deadlines(
            created,
            response_minutes=resp,
            resolve_minutes=mins,
            resolve_working_days=days,
            calendar=cal,
        )
        prefix = KIND_PREFIX[kind] + clock.to_local(created).strftime("%Y%m%d")
        counters[prefix] += 1
        owner_id, owner_name = rng.choice(users)
        row: dict[str, Any] = {
            "number": f"{prefix}-{counters[prefix]:04d}",
            "kind": kind.value,
            "source": source,
            "urgency": urgency,
            "category_id": cat_id,
            "unit_id": unit_id,
            "location": _place(rng, description) if unit_id is None else "",
            "person_id": person_id,
            "reporter_name": name,
            "reporter_phone": phone,
            "description": description,
            "period": local_period(created),
            "owner_user_id": owner_id,
            "owner_name": owner_name,
            "staff_id": None,
            "department": dept,
            "response_due": due.response_due,
            "resolve_due": due.resolve_due,
            "dispatched_at": None,
            "responded_at": None,
            "done_at": None,
            "called_back_at": None,
            "closed_at": None,
            "cancelled_at": None,
            "cancel_reason": "",
            "work_done": "",
            "reopen_count": 0,
            "is_paid": kind is TicketKind.REPAIR and unit_id is not None and rng.random() < 0.12,
            "charge_id": None,
            "responsible_department": "",
            "complaint_valid": None,
            "validity_reason": "",
            "root_cause": "",
            "resolution": "",
            "repeat_of_id": None,
            "created_at": created,
            "updated_at": created,
            "version": 1,
        }
        events: list[dict[str, Any]] = []
        cbs: list[dict[str, Any]] = []
        _simulate(
            rng,
            row,
            code,
            events,
            cbs,
            now,
            owner_name,
            staff_by_dept,
            staff_names,
            due.response_due - created,
            due.resolve_due - created,
            stall_at=STALL_AT[count - 1 - i] if count - 1 - i < len(STALL_AT) else "",
        )
        lines: list[dict[str, Any]] = []
        if row["is_paid"]:
            mat, price = rng.choice(MATERIALS)
            lines = [
                {
                    "kind": "labour",
                    "description": "上门维修人工",
                    "quantity": 1,
                    "unit_price_fen": rng.choice([3000, 5000, 8000]),
                    "amount_fen": 0,
                },
                {
                    "kind": "material",
                    "description": mat,
                    "quantity": rng.randint(1, 2),
                    "unit_price_fen": price,
                    "amount_fen": 0,
                },
            ]
            for line in lines:
                line["amount_fen"] = line["quantity"] * line["unit_price_fen"]
        row["search_text"] = search_text(
            row["number"],
            unit_codes.get(unit_id, "") if unit_id else "",
            name,
            row["location"],
            row["description"],
        )
        tickets.append(row)
        timelines.append(events)
        callbacks.append(cbs)
        costs.append(lines)

    ctx.progress(0.85, "保存工单…")
    ids = _insert_ids(session, Ticket, tickets)
    event_rows = [
        {**e, "ticket_id": tid} for tid, evs in zip(ids, timelines, strict=True) for e in evs
    ]
    for start in range(0, len(event_rows), 20000):
        session.execute(insert(TicketEvent), event_rows[start : start + 20000])
    cb_rows = [{**c, "ticket_id": tid} for tid, cs in zip(ids, callbacks, strict=True) for c in cs]
    if cb_rows:
        session.execute(insert(TicketCallback), cb_rows)
    cost_rows = [{**c, "ticket_id": tid} for tid, cs in zip(ids, costs, strict=True) for c in cs]
    if cost_rows:
        session.execute(insert(TicketCostLine), cost_rows)
    existing = set(session.scalars(select(TicketCounter.prefix)))
    session.execute(
        insert(TicketCounter),
        [{"prefix": p, "last": n} for p, n in counters.items() if p not in existing],
    )
    _post_charges(session, ids, tickets, costs)
    ctx.info["ticket_ids"] = ids
    ctx.progress(1.0, f"已生成 {len(ids):,} 张工单")


def _simulate(
    rng: random.Random,
    row: dict[str, Any],
    code: str,
    events: list[dict[str, Any]],
    cbs: list[dict[str, Any]],
    now: datetime,
    owner: str,
    staff_by_dept: dict[str, list[int]],
    staff_names: dict[int, tuple[str, str]],
    response_window: timedelta,
    resolve_window: timedelta,
    *,
    stall_at: str = "",
) -> None:
    """Walk the ticket through the workflow with realistic delays, stopping at ``now``.

    ``stall_at`` keeps one of the newest tickets waiting at that step (so every step has
    open work, the newest just registered). Only a resident reporter (a person with a phone) is called back and rates the work;
    a ticket from staff rounds or an anonymous resident is checked on site by the desk
    instead (the callback step without a rating), so it adds nothing to satisfaction."""
    t = row["created_at"]
    resident = row["person_id"] is not None and bool(row["reporter_phone"])

    def event(
        action: str, at: datetime, src: str, dst: str, note: str = "", who: str = owner
    ) -> None:
        events.append(
            {
                "at": at,
                "action": action,
                "from_status": src,
                "to_status": dst,
                "actor_user_id": None,
                "actor_name": who,
                "note": note,
            }
        )
        row["updated_at"] = at

    event("create", t, "", "received")
    row["status"] = "received"
    late = rng.random() < 0.08  # some tickets run late
    # Recent tickets are often still waiting at some step (the desk's open work).
    recent = now - t < timedelta(days=10)
    stall = rng.choice(STALL_AT) if recent and rng.random() < 0.5 else ""
    if stall_at:  # the newest few wait at each step in turn (the desk's open work)
        stall = stall_at
    if stall == "received":
        return
    if rng.random() < 0.03:
        cancel_at = t + timedelta(minutes=rng.randint(10, 600))
        if cancel_at < now:
            reason = rng.choice(["业主已自行解决", "重复登记", "业主取消报修"])
            event("cancel", cancel_at, "received", "cancelled", reason)
            row.update(status="cancelled", cancelled_at=cancel_at, cancel_reason=reason)
        return
    dept_staff = staff_by_dept.get(row["department"]) or [
        s for ids in staff_by_dept.values() for s in ids
    ]
    staff_id = rng.choice(dept_staff)
    rounds = 2 if rng.random() < 0.06 and resident else 1
    for n in range(rounds):
        t = t + timedelta(minutes=rng.randint(3, 60))
        if t >= now:
            return
        name, dept = staff_names[staff_id]
        event(
            "dispatch",
            t,
            row["status"],
            "dispatched",
            f"派给 {name}（{DEPARTMENT_ZH[Department(dept)]}）",
        )
        row.update(status="dispatched", staff_id=staff_id, department=dept, dispatched_at=t)
        if stall == "dispatched":
            return
        frac = rng.uniform(1.1, 2.5) if late else rng.uniform(0.1, 0.8)
        t = t + response_window * frac * rng.uniform(0.2, 0.9)
        if t >= now:
            return
        event("start", t, "dispatched", "in_progress", "已到场")
        row["status"] = "in_progress"
        row["responded_at"] = row["responded_at"] or t
        if stall == "in_progress":
            return
        t = t + resolve_window * (rng.uniform(1.1, 1.6) if late else rng.uniform(0.05, 0.6))
        if t >= now:
            return
        work = "已处理完毕" if row["kind"] == "repair" else "已答复业主"
        event("complete", t, "in_progress", "done", work)
        row.update(status="done", done_at=t, work_done=work)
        if row["kind"] == "complaint":
            _findings(rng, row, code)
        t = desk_hours(t + timedelta(hours=rng.randint(4, 60)))
        if t >= now or stall == "done":
            return
        if not resident:
            event("callback", t, "done", "called_back", f"无住户可回访，{owner}现场复核已处理")
            _close(event, row, rng, t, now, stall)
            return
        bad = n == 0 and rounds == 2
        overall = rng.randint(1, 2) if bad else rng.choice([3, 4, 4, 5, 5, 5])
        comments = CALLBACK_COMMENTS[
            "complaint_not_upheld" if row["complaint_valid"] is False else row["kind"]
        ]
        cbs.append(
            {
                "at": t,
                "by_user_id": row["owner_user_id"],  # the clerk who registered it calls back
                "by_name": owner,
                "overall": overall,
                "speed": max(1, overall - rng.randint(0, 1)),
                "attitude": rng.choice([4, 5]) if not bad else 3,
                "fixed": not bad,
                "comment": "问题仍未解决" if bad else rng.choice(comments),
                "reopened": bad,
            }
        )
        if bad:
            event("reopen", t, "done", "dispatched", f"总体{overall}分，问题仍未解决")
            row.update(
                status="dispatched",
                reopen_count=row["reopen_count"] + 1,
                done_at=None,
                resolve_due=t + resolve_window,
            )
            continue
        event("callback", t, "done", "called_back", f"总体{overall}分")
        _close(event, row, rng, t, now, stall)
        return


def _close(
    event: Callable[..., None],
    row: dict[str, Any],
    rng: random.Random,
    t: datetime,
    now: datetime,
    stall: str,
) -> None:
    """Called back at ``t``; closed by the desk some hours later (desk hours) unless the
    ticket stays called back at the demo's now."""
    row.update(status="called_back", called_back_at=t)
    t = desk_hours(t + timedelta(hours=rng.randint(1, 30)))
    if t >= now or stall == "called_back":
        return
    event("close", t, "called_back", "closed")
    row.update(status="closed", closed_at=t)


def _findings(rng: random.Random, row: dict[str, Any], code: str) -> None:
    """A complaint's conclusion fitting its category and verdict: an upheld one names the
    responsible department, a root cause and what was done; one not upheld has no
    responsible department or cause, only why and what the resident was told."""
    if rng.random() < 0.7:
        row.update(
            responsible_department=row["department"],
            complaint_valid=True,
            validity_reason="经现场核实属实",
            root_cause=rng.choice(ROOT_CAUSES.get(code, ROOT_CAUSES["other"])),
            resolution=rng.choice(RESOLUTIONS.get(code, RESOLUTIONS["other"])),
        )
    else:
        row.update(
            responsible_department="",
            complaint_valid=False,
            validity_reason=rng.choice(NOT_UPHELD_REASONS),
            root_cause="",
            resolution=rng.choice(NOT_UPHELD_EXPLANATIONS),
        )


def _post_charges(
    session: Session,
    ids: list[int],
    tickets: list[dict[str, Any]],
    costs: list[list[dict[str, Any]]],
) -> None:
    """Done paid repairs post their total on the unit's fee account (the fees module's service)."""
    from propdesk.clock import local_date
    from propdesk.fees.charges import post_one_off_charge
    from propdesk.tickets.costs import CHARGE_SOURCE

    for tid, row, lines in zip(ids, tickets, costs, strict=True):
        if not lines or row["done_at"] is None or row["unit_id"] is None:
            continue
        charge = post_one_off_charge(
            session,
            unit_id=row["unit_id"],
            amount_fen=sum(x["amount_fen"] for x in lines),
            description=f"有偿维修 {row['number']}",
            source=CHARGE_SOURCE,
            source_id=tid,
            on=local_date(row["done_at"]),
        )
        session.execute(update(Ticket).where(Ticket.id == tid).values(charge_id=charge))


def _work_time(rng: random.Random, lo: datetime, hi: datetime) -> datetime:
    """A random moment, mostly in desk hours (8:00–20:00 local)."""
    at = lo + timedelta(seconds=rng.randrange(int((hi - lo).total_seconds())))
    local = clock.to_local(at)
    if rng.random() < 0.9 and not 8 <= local.hour < 20:
        local = local.replace(hour=rng.randint(8, 19))
    return min(local.astimezone(UTC), hi - timedelta(minutes=1))


DESK_HOURS = (9, 20)
"""The desk calls residents back (and closes tickets) from 09:00 to 20:00, estate time."""


def desk_hours(at: datetime) -> datetime:
    """``at`` itself in desk hours (estate time), else a later moment in them: a time before
    09:00 moves on the same morning, one from 20:00 to the next day, spread over the day by
    its hour (so callbacks do not pile up at opening time)."""
    local = clock.to_local(at)
    opens, closes = DESK_HOURS
    if opens <= local.hour < closes:
        return at
    day = local.date() if local.hour < opens else local.date() + timedelta(days=1)
    hour = opens + local.hour % (closes - opens)
    moved = clock.local_datetime(day, time(hour, local.minute, local.second))
    return moved.astimezone(UTC)


def _place(rng: random.Random, description: str) -> str:
    """Where a public-area ticket is: the place its description names, else any."""
    for hint, place in PLACE_HINTS:
        if hint in description:
            return place
    return rng.choice(PUBLIC_PLACES)


def _weighted(rng: random.Random, pairs: Any) -> Any:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def _occupied_units(ctx: DemoContext, unit_ids: list[int]) -> list[int]:
    vacant = set(ctx.info.get("vacant_unit_ids", []))  # type: ignore[call-overload]
    occupied = [u for u in unit_ids if u not in vacant]
    return occupied or unit_ids


def _unit_codes(ctx: DemoContext) -> dict[int, str]:
    units: list[dict[str, Any]] = list(ctx.info.get("units", []))  # type: ignore[call-overload]
    return {int(u["id"]): str(u["code"]) for u in units}


def _reporters(
    session: Session, ctx: DemoContext, units: list[int]
) -> dict[int, tuple[int | None, str, str]]:
    """unit id → (person id, name, phone) of the owner or tenant who calls in."""
    owner: dict[int, int] = dict(ctx.info.get("owner_by_unit", {}))  # type: ignore[call-overload]
    tenant: dict[int, int] = dict(ctx.info.get("tenant_by_unit", {}))  # type: ignore[call-overload]
    pick = {u: tenant.get(u) or owner.get(u) for u in units}
    wanted = sorted({p for p in pick.values() if p})
    people: dict[int, tuple[str, str]] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        for pid, name, phone in session.execute(
            select(Person.id, Person.name, Person.phone).where(Person.id.in_(chunk))
        ):
            people[pid] = (name, phone)
    out: dict[int, tuple[int | None, str, str]] = {}
    for unit, chosen in pick.items():
        if chosen and chosen in people:
            out[unit] = (chosen, *people[chosen])
        else:
            out[unit] = (None, "住户", "")
    return out


def _users(session: Session, ctx: DemoContext) -> list[tuple[int | None, str]]:
    ids: dict[str, int] = dict(ctx.info.get("user_ids", {}))  # type: ignore[call-overload]
    wanted = [ids[r] for r in ("clerk", "supervisor") if r in ids]
    found = (
        [
            (int(i), str(n))
            for i, n in session.execute(
                select(User.id, User.display_name).where(User.id.in_(wanted))
            )
        ]
        if wanted
        else []
    )
    return list(found) or [(None, "前台")]


def _categories(session: Session) -> dict[str, list[tuple[str, int, str]]]:
    out: dict[str, list[tuple[str, int, str]]] = {}
    for kind, code, cid, dept in session.execute(
        select(
            TicketCategory.kind,
            TicketCategory.code,
            TicketCategory.id,
            TicketCategory.default_department,
        ).where(TicketCategory.active.is_(True))
    ):
        out.setdefault(kind, []).append((code, cid, dept))
    return out


def _rules(session: Session) -> dict[tuple[str, int | None, str], tuple[int, int, int]]:
    return {
        (r.kind, r.category_id, r.urgency): (
            r.response_minutes,
            r.resolve_minutes,
            r.resolve_working_days,
        )
        for r in session.scalars(select(SlaRule))
    }
