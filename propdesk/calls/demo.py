"""Demo step: a year of calls with a realistic hourly and weekly pattern, the starter
knowledge base and directory, past and current outages, reminders and instructions.

Every phone ticket of the ticket step gets the call it came from (outcome "ticket made");
other calls are consultations, complaints, transfers and callbacks by the desk's two demo
users. Deterministic: the seeded ``ctx.rng`` and ``ctx.today`` only. Reads ``ctx.info``:
``"owner_by_unit"``, ``"tenant_by_unit"``, ``"units"``, ``"building_ids"``, ``"user_ids"``.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls.models import CallRecord, Outage, OutageTarget, Reminder
from propdesk.calls.starter import STARTER_DIRECTORY, install_starter_set
from propdesk.calls.textkeys import normalise_number, number_tail
from propdesk.demo.registry import _insert_ids
from propdesk.demo.steps import DemoContext
from propdesk.pii.index import phone_hmac
from propdesk.registry.models import Person
from propdesk.tickets.models import Ticket

# calls per hour of the day (relative): a morning and an afternoon peak, a quiet lunch
HOUR_WEIGHTS = (
    1, 0, 0, 0, 0, 1, 2, 6, 14, 20, 18, 15, 8, 9, 15, 17, 16, 13, 10, 8, 6, 4, 2, 1,
)  # fmt: skip
WEEKDAY_FACTOR = (1.15, 1.0, 1.0, 1.0, 1.05, 0.8, 0.7)  # Monday busiest, Sunday quietest
TOPICS = (
    ("consultation", 45),
    ("repair", 14),
    ("complaint", 14),
    ("suggestion", 6),
    ("praise", 4),
    ("other", 17),
)
SUMMARIES: dict[str, tuple[str, ...]] = {
    "consultation": (
        "咨询物业费缴纳方式，已告知前台扫码和转账方式",
        "询问装修申请需要哪些材料，已按答客问答复",
        "问快递放前台能放几天，已答复7天",
        "咨询月卡停车办理，已告知带行驶证到前台",
        "问周末能否装修，已告知周末禁止噪音施工",
        "咨询门禁卡补办费用，已答复",
        "询问停水什么时候恢复，已按公告口径答复",
        "问养狗需要办什么手续，已答复",
    ),
    "repair": (
        "厨房水龙头漏水，需上门",
        "卫生间下水道堵塞",
        "客厅插座没电",
        "楼道灯不亮",
    ),
    "complaint": (
        "投诉楼上深夜噪音",
        "投诉邻居占用消防通道堆放杂物",
        "投诉地库车位被占",
        "投诉装修在午休时间施工",
        "投诉小区内有人遛狗不牵绳",
    ),
    "suggestion": ("建议增加电动车充电桩", "建议在儿童游乐区加装遮阳棚"),
    "praise": ("表扬维修师傅上门及时、态度好", "表扬保安帮忙搬运行李"),
    "other": ("打错电话", "找某位工作人员，已告知不在岗时间", "社区活动报名咨询"),
}
OUTCOMES = (("answered", 70), ("transferred", 10), ("callback", 20))
OUTAGES: tuple[tuple[str, bool, str, str], ...] = (
    ("water", True, "二次供水水箱清洗消毒", "今天{t}停水，请提前储水，恢复后先放水几分钟。"),
    ("power", True, "配电房设备年度检修", "今天{t}停电，电梯同时停运，请提前做好准备。"),
    (
        "elevator",
        False,
        "电梯故障抢修",
        "电梯正在抢修，维保人员已到场，请走楼梯，给您带来不便请谅解。",
    ),
    ("water", False, "供水主管爆裂抢修", "水管爆裂正在抢修，预计2小时内恢复，请关闭家中水龙头。"),
    (
        "gas",
        True,
        "燃气公司管道安全检查",
        "今天{t}停气，请关闭燃气阀门，恢复后如有异味请勿点火并来电。",
    ),
)


def _pick(rng: Any, pairs: tuple[tuple[str, int], ...]) -> str:
    return str(rng.choices([k for k, _ in pairs], weights=[w for _, w in pairs])[0])


def _at(day: Any, rng: Any) -> datetime:
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS)[0]
    return clock.local_datetime(day, time(hour, rng.randrange(60), rng.randrange(60)))


def build_calls(session: Session, ctx: DemoContext) -> None:
    """The call desk's year (see the module docstring)."""
    rng = ctx.rng
    now = ctx.now
    ctx.progress(0.0, "答客问与常用电话…")
    install_starter_set(session)
    users: dict[str, int] = dict(ctx.info.get("user_ids") or {})  # type: ignore[call-overload]
    clerks = [
        (users.get("clerk"), "李娜"),
        (users.get("clerk"), "李娜"),
        (users.get("supervisor"), "张伟"),
    ]
    owner_by_unit: dict[int, int] = dict(ctx.info.get("owner_by_unit") or {})  # type: ignore[call-overload]
    tenant_by_unit: dict[int, int] = dict(ctx.info.get("tenant_by_unit") or {})  # type: ignore[call-overload]
    callers = list(owner_by_unit.items()) + list(tenant_by_unit.items())
    callers.sort()
    people = (
        {
            r.id: (r.name, r.phone or "")
            for r in session.execute(
                select(Person.id, Person.name, Person.phone).where(
                    Person.id.in_({p for _u, p in callers})
                )
            )
        }
        if callers
        else {}
    )
    rows: list[dict[str, Any]] = []

    def number_of(person_id: int | None) -> str:
        phone = people.get(person_id or 0, ("", ""))[1]
        try:
            return normalise_number(phone)
        except Exception:
            return ""

    # every phone ticket came with a call
    for t in session.execute(
        select(
            Ticket.id,
            Ticket.unit_id,
            Ticket.person_id,
            Ticket.reporter_name,
            Ticket.description,
            Ticket.kind,
            Ticket.created_at,
        )
        .where(Ticket.source == "phone", Ticket.created_at >= now - timedelta(days=365))
        .order_by(Ticket.id)
    ):
        user_id, clerk = rng.choice(clerks)
        number = number_of(t.person_id)
        rows.append(
            {
                "direction": "in", "state": "logged", "at": t.created_at - timedelta(minutes=2),
                "number": number, "number_tail": number_tail(number), "person_id": t.person_id,
                "unit_id": t.unit_id, "caller_name": t.reporter_name[:50],
                "topic": {"repair": "repair", "complaint": "complaint",
                          "suggestion": "suggestion"}.get(t.kind, "consultation"),
                "summary": t.description[:300], "outcome": "ticket", "ticket_id": t.id,
                "transfer_to": "", "transfer_ext": "", "clerk_user_id": user_id,
                "clerk_name": clerk, "created_at": t.created_at,
            }
        )  # fmt: skip
    per_day = max(4.0, ctx.units / 40)
    transfer_names = [name for cat, name, _p, _n in STARTER_DIRECTORY if cat != "police"]
    start = ctx.today - timedelta(days=364)
    for offset in range(365):
        day = start + timedelta(days=offset)
        if callers:
            count = int(per_day * WEEKDAY_FACTOR[day.weekday()] * rng.uniform(0.7, 1.3))
        else:
            count = 0
        for _ in range(count):
            at = _at(day, rng)
            if at > now:
                continue
            unknown = rng.random() < 0.12
            unit_id, person_id = (None, None) if unknown else rng.choice(callers)
            number = (
                normalise_number(f"1{rng.choice('3578')}{rng.randrange(10**9):09d}")
                if unknown
                else number_of(person_id)
            )
            user_id, clerk = rng.choice(clerks)
            missed = rng.random() < 0.04
            topic = _pick(rng, TOPICS)
            outcome = "missed" if missed else _pick(rng, OUTCOMES)
            if topic == "repair" and outcome == "answered":
                outcome = "callback"
            due = at + timedelta(hours=rng.choice((2, 4, 24))) if outcome == "callback" else None
            done = None
            if missed:
                done = at + timedelta(minutes=rng.randint(10, 200))
            elif due is not None:
                done = due - timedelta(minutes=rng.randint(-180, 230))
            if done is not None and (done > now or day == ctx.today):
                done = None  # today's missed calls and callbacks are still in the queue
            rows.append(
                {
                    "direction": "in",
                    "state": "missed" if missed else "logged",
                    "at": at,
                    "number": number,
                    "number_tail": number_tail(number),
                    "person_id": person_id,
                    "unit_id": unit_id,
                    "caller_name": "" if unknown else people.get(person_id or 0, ("", ""))[0],
                    "topic": "" if missed else topic,
                    "summary": "" if missed else rng.choice(SUMMARIES[topic]),
                    "outcome": outcome,
                    "transfer_to": rng.choice(transfer_names) if outcome == "transferred" else "",
                    "transfer_ext": "",
                    "callback_due": due,
                    "callback_done_at": done,
                    "clerk_user_id": None if missed else user_id,
                    "clerk_name": "" if missed else clerk,
                    "created_at": at,
                }
            )
        ctx.progress((offset + 1) / 365 * 0.8, "通话记录…")
    rows.sort(key=lambda r: (r["at"], r["number"]))
    for row in rows:
        row.setdefault("callback_due", None)
        row.setdefault("callback_done_at", None)
        row["number_hmac"] = phone_hmac(str(row["number"]))
    ids = _insert_ids(session, CallRecord, rows)
    # every callback done and every missed call returned was an outbound call
    returned = []
    for call_id, row in zip(ids, rows, strict=True):
        done = row["callback_done_at"]
        if done is None:
            continue
        user_id, clerk = rng.choice(clerks)
        what = row["summary"] or "未接来电回拨"
        returned.append(
            {
                "direction": "out",
                "state": "logged",
                "at": done,
                "number": row["number"],
                "number_hmac": row["number_hmac"],
                "number_tail": row["number_tail"],
                "person_id": row["person_id"],
                "unit_id": row["unit_id"],
                "caller_name": row["caller_name"],
                "topic": row["topic"] or "other",
                "summary": f"回电：{what}"[:300],
                "outcome": "answered",
                "transfer_to": "",
                "transfer_ext": "",
                "callback_due": None,
                "callback_done_at": None,
                "parent_id": call_id,
                "clerk_user_id": user_id,
                "clerk_name": clerk,
                "created_at": done,
            }
        )
    if returned:
        session.execute(insert(CallRecord), returned)
    _outages(session, ctx)
    _reminders(session, ctx, users)
    ctx.progress(1.0, "通话记录")


def _outages(session: Session, ctx: DemoContext) -> None:
    rng = ctx.rng
    buildings: list[int] = list(ctx.info.get("building_ids") or [])  # type: ignore[call-overload]
    if not buildings:
        return
    now = ctx.now
    plans: list[tuple[datetime, bool]] = [
        (now - timedelta(days=rng.randint(8, 360), hours=rng.randint(0, 6)), True)
        for _ in range(10)
    ]
    plans.append((now - timedelta(hours=1), False))  # one going on now
    plans.append((now + timedelta(days=1, hours=-8), False))  # planned for tomorrow
    plans.sort()
    for starts, closed in plans:
        kind, planned, reason, script = rng.choice(OUTAGES)
        hours = rng.choice((2, 3, 4, 6))
        ends = starts + timedelta(hours=hours)
        window = f"{clock.to_local(starts):%H:%M}至{clock.to_local(ends):%H:%M}"
        [oid] = _insert_ids(
            session,
            Outage,
            [
                {
                    "kind": kind,
                    "planned": planned,
                    "title": {"water": "停水", "power": "停电", "elevator": "电梯停运",
                              "gas": "停气"}[kind],
                    "starts_at": starts,
                    "ends_at": ends,
                    "actual_end_at": ends + timedelta(minutes=rng.randint(-30, 60)) if closed else None,
                    "reason": reason,
                    "script": script.replace("{t}", window),
                    "whole_estate": False,
                    "closed": closed,
                    "created_by": "张伟",
                    "version": 1,
                    "created_at": starts - timedelta(days=2 if planned else 0),
                    "updated_at": starts,
                }
            ],
        )  # fmt: skip
        chosen = sorted(rng.sample(buildings, k=min(len(buildings), rng.randint(1, 3))))
        session.execute(
            insert(OutageTarget), [{"outage_id": oid, "building_id": b} for b in chosen]
        )


def _reminders(session: Session, ctx: DemoContext, users: dict[str, int]) -> None:
    rng = ctx.rng
    units: list[dict[str, Any]] = list(ctx.info.get("units") or [])  # type: ignore[call-overload]
    occupied = [u for u in units if u.get("status") != "vacant"] or units
    if not occupied:
        return
    today = ctx.today
    specs = (
        ("reminder", "提醒业主续签车位租赁合同", 0, "none", None),
        ("reminder", "回访上周漏水维修效果", -1, "none", None),
        ("reminder", "每月抄报二次供水水质检测结果", 0, "monthly", None),
        ("reminder", "独居老人每周电话问候", 0, "weekly", None),
        ("instruction", "业主外出，代收快递暂存前台", -5, "none", 2),
        ("instruction", "家中装修期间钥匙寄存前台，工人凭身份证领取", -10, "none", 1),
        ("instruction", "出国探亲，请每周巡查门窗", -20, "none", 30),
        ("reminder", "电梯年检证到期前提醒维保单位", 14, "yearly", None),
    )
    rows = []
    for kind, title, offset, recurrence, valid in specs:
        unit = rng.choice(occupied)
        mine = rng.random() < 0.3
        rows.append(
            {
                "kind": kind,
                "title": title,
                "note": "",
                "unit_id": unit["id"],
                "person_id": None,
                "due_on": today + timedelta(days=offset),
                "recurrence": recurrence,
                "valid_until": today + timedelta(days=valid) if valid is not None else None,
                "assignee_user_id": users.get("clerk") if mine else None,
                "assignee_name": "李娜" if mine else "",
                "active": True,
                "created_by": "张伟",
                "version": 1,
                "created_at": ctx.now - timedelta(days=30),
                "updated_at": ctx.now - timedelta(days=30),
            }
        )
    session.execute(insert(Reminder), rows)
