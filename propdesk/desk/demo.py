"""Demo step: the desk's month — patrol routes and a month of patrols (a few anomalies
raised as tickets), vacant-unit checks, two weeks of shift logs with real handovers,
parcels and visitors.

Reads from ``ctx.info`` (each optional): ``"units"`` (dicts with ``id``/``code``/``status``),
``"vacant_unit_ids"``, ``"owner_by_unit"``, ``"tenant_by_unit"`` and ``"user_ids"``
(role → user id). Many rows go in with bulk inserts; the few things that must go through
the services (tickets from anomalies, shift handovers) do, under the demo users' names.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.demo.registry import _insert_ids
from propdesk.demo.steps import DemoContext
from propdesk.desk import parcels, patrols, shiftlog
from propdesk.desk.common import local_date
from propdesk.desk.models import (
    Parcel,
    Patrol,
    PatrolCheckpoint,
    PatrolFinding,
    PatrolRoute,
    VacantCheck,
    VacantCheckPlan,
    Visitor,
)
from propdesk.desk.values import CheckpointArea, EntryKind, ParcelStatus
from propdesk.registry.models import Person

CLERKS = (("clerk", "李娜（前台）"), ("supervisor", "张伟（主管）"))
GUARDS = ("郑伟", "钱勇", "冯磊")
CARRIERS = (("顺丰", "SF"), ("中通", "ZT"), ("圆通", "YT"), ("韵达", "YD"), ("京东", "JD"))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛")
PURPOSES = ("探亲访友", "送货上门", "家政保洁", "装修量房", "维修家电", "看房", "送餐")
ABNORMAL_NOTES: dict[str, tuple[str, ...]] = {
    CheckpointArea.LOBBY: ("大堂感应门反应迟缓", "大堂吊灯一盏不亮", "门禁读卡器失灵"),
    CheckpointArea.ELEVATOR: ("电梯运行有异响", "轿厢应急电话无声", "电梯按钮面板松动"),
    CheckpointArea.FIRE: ("灭火器压力不足", "消防通道堆放杂物", "应急照明灯不亮"),
    CheckpointArea.GARAGE: ("车库排水沟堵塞", "车库照明多处不亮", "道闸抬杆缓慢"),
    CheckpointArea.ROOF: ("屋面排水口有落叶堵塞", "屋面防水层局部起鼓"),
    CheckpointArea.PLANT: ("设备房地面积水", "设备运行有异常噪声", "设备房门锁损坏"),
    CheckpointArea.VACANT: ("卫生间有渗水痕迹", "窗户未关严", "室内有异味"),
    CheckpointArea.OTHER: ("围墙护栏松动", "绿化带喷头漏水"),
}
ENTRY_TEXTS: tuple[tuple[str, str, bool], ...] = (
    ("inquiry", "业主来电咨询物业费缴纳方式，已告知", False),
    ("event", "消防演练通知已在各单元张贴", False),
    ("event", "快递车辆临时停放于东门，已引导", False),
    ("incident", "东门道闸抬杆故障，已通知工程部", True),
    ("reminder", "明早9点自来水公司停水检修，需提前广播通知", True),
    ("inquiry", "业主咨询装修申请所需材料，已发放清单", False),
    ("reminder", "业主预约明天上午来取门禁卡", True),
    ("incident", "地下车库有车辆占用消防通道，已联系车主挪车", False),
    ("event", "绿化公司进场修剪草坪", False),
    ("reminder", "电梯年检单位下午到场，需陪同", True),
)


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return clock.local_datetime(day, time(hour, minute)).astimezone(UTC)


@contextmanager
def _as(session: Session, actor: Actor) -> Iterator[None]:
    """Run services under a demo user's name, then give the session its actor back."""
    before = session.info.get("actor")
    session.info["actor"] = actor
    try:
        yield
    finally:
        session.info["actor"] = before


def _name(rng: random.Random) -> str:
    return (
        rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
    )


def build_desk(session: Session, ctx: DemoContext) -> None:
    """Create routes, patrols, vacant checks, shifts with handovers, parcels and visitors."""
    rng = ctx.rng
    anchor = ctx.now.astimezone(UTC)
    units: list[dict[str, Any]] = list(ctx.info.get("units", []))  # type: ignore[call-overload]
    vacant_ids: list[int] = list(ctx.info.get("vacant_unit_ids", []))  # type: ignore[call-overload]
    user_ids: dict[str, int] = dict(ctx.info.get("user_ids", {}))  # type: ignore[call-overload]
    clerks = [Actor(user_ids.get(role), role, name, Role(role)) for role, name in CLERKS]
    code_of = {int(u["id"]): str(u["code"]) for u in units}
    ctx.progress(0.0, "巡查路线…")
    route_ids = _routes(session, rng, units, vacant_ids, code_of)
    ctx.progress(0.1, "巡查记录…")
    _patrols(session, ctx, rng, anchor, route_ids, clerks)
    ctx.progress(0.4, "空置房检查…")
    _vacant_checks(session, ctx, rng, vacant_ids)
    ctx.progress(0.5, "快递与访客…")
    lived_in = [int(u["id"]) for u in units if int(u["id"]) not in set(vacant_ids)]
    _parcels(session, ctx, rng, anchor, lived_in)
    _visitors(session, rng, anchor, lived_in)
    ctx.progress(0.7, "值班日志与交接班…")
    _shifts(session, ctx, rng, anchor, clerks, lived_in)
    ctx.progress(1.0, "前台数据")


def _routes(
    session: Session,
    rng: random.Random,
    units: list[dict[str, Any]],
    vacant_ids: list[int],
    code_of: dict[int, str],
) -> list[int]:
    buildings = sorted({str(u["code"]).split("-")[0] for u in units}, key=_natural)[:3] or ["1"]
    day_points: list[tuple[str, str, str, int | None]] = []
    for b in buildings:
        day_points.append(
            (f"{b}号楼大堂", CheckpointArea.LOBBY, "地面清洁、门禁、照明、信报箱", None)
        )
        day_points.append(
            (f"{b}号楼电梯", CheckpointArea.ELEVATOR, "运行平稳、应急电话、轿厢照明", None)
        )
    day_points += [
        ("消防控制室", CheckpointArea.FIRE, "主机无报警、值班记录、消防电话", None),
        ("各单元灭火器", CheckpointArea.FIRE, "压力指针在绿区、铅封完好、未过期", None),
        ("地下车库", CheckpointArea.GARAGE, "照明、排水、消防通道畅通、无积水", None),
        ("水泵房", CheckpointArea.PLANT, "水泵运行、压力表、地面无积水", None),
        ("配电房", CheckpointArea.PLANT, "温度、异响异味、门锁", None),
    ]
    night_points: list[tuple[str, str, str, int | None]] = [
        ("东门岗亭", CheckpointArea.OTHER, "门岗在岗、来访登记、道闸", None),
        ("地下车库", CheckpointArea.GARAGE, "车辆停放、可疑人员、照明", None),
        ("消防通道", CheckpointArea.FIRE, "畅通无堆放、应急照明", None),
        (f"{buildings[0]}号楼屋面", CheckpointArea.ROOF, "门已上锁、排水口无堵塞", None),
        ("周界围墙", CheckpointArea.OTHER, "护栏完好、监控正常", None),
    ]
    vacant_points: list[tuple[str, str, str, int | None]] = [
        (
            f"空置房 {code_of.get(uid, uid)}",
            CheckpointArea.VACANT,
            "门窗关闭、水电总阀、有无渗漏",
            uid,
        )
        for uid in rng.sample(vacant_ids, min(6, len(vacant_ids)))
    ]
    specs: list[tuple[str, str, list[tuple[str, str, str, int | None]]]] = [
        ("日间公共区域巡查", "每日上午，客服与工程部", day_points),
        ("夜间安防巡查", "每晚22点后，安管", night_points),
    ]
    if vacant_points:
        specs.append(("空置房巡查", "每周一次", vacant_points))
    ids = []
    for i, (name, desc, points) in enumerate(specs):
        rid = _insert_ids(
            session,
            PatrolRoute,
            [{"name": name, "description": desc, "active": True, "sort_key": i, "version": 1}],
        )[0]
        session.execute(
            insert(PatrolCheckpoint),
            [
                {
                    "route_id": rid,
                    "seq": seq,
                    "name": n,
                    "area": str(area),
                    "what_to_check": what,
                    "unit_id": uid,
                    "active": True,
                }
                for seq, (n, area, what, uid) in enumerate(points, start=1)
            ],
        )
        ids.append(rid)
    return ids


def _natural(code: str) -> tuple[int, str]:
    return (int(code), "") if code.isdigit() else (10**6, code)


def _patrols(
    session: Session,
    ctx: DemoContext,
    rng: random.Random,
    anchor: datetime,
    route_ids: list[int],
    clerks: list[Actor],
) -> None:
    points = {
        rid: list(
            session.execute(
                select(
                    PatrolCheckpoint.id,
                    PatrolCheckpoint.name,
                    PatrolCheckpoint.area,
                    PatrolCheckpoint.what_to_check,
                    PatrolCheckpoint.unit_id,
                )
                .where(PatrolCheckpoint.route_id == rid)
                .order_by(PatrolCheckpoint.seq)
            )
        )
        for rid in route_ids
    }
    names = {
        rid: session.scalar(select(PatrolRoute.name).where(PatrolRoute.id == rid))
        for rid in route_ids
    }
    today = local_date(anchor)
    plan: list[tuple[int, datetime, str]] = []
    for back in range(30, 0, -1):
        day = today - timedelta(days=back)
        plan.append(
            (route_ids[0], _local(day, 9, rng.randint(0, 40)), rng.choice(clerks).display_name)
        )
        plan.append((route_ids[1], _local(day, 22, rng.randint(0, 50)), rng.choice(GUARDS)))
        if len(route_ids) > 2 and day.weekday() == 2:
            plan.append(
                (route_ids[2], _local(day, 14, rng.randint(0, 30)), rng.choice(clerks).display_name)
            )
    patrol_rows: list[dict[str, Any]] = []
    finding_rows: list[dict[str, Any]] = []
    ids = _reserve(session, Patrol, len(plan))
    abnormal: list[tuple[int, datetime]] = []  # (index into finding_rows, checked at)
    for pid, (rid, start, who) in zip(ids, plan, strict=True):
        at = start
        for seq, (cp_id, name, area, what, uid) in enumerate(points[rid], start=1):
            at += timedelta(minutes=rng.randint(2, 6))
            roll = rng.random()
            result = "abnormal" if roll < 0.015 else "missed" if roll < 0.025 else "normal"
            note = rng.choice(ABNORMAL_NOTES[CheckpointArea(area)]) if result == "abnormal" else ""
            if result == "abnormal":
                abnormal.append((len(finding_rows), at))
            finding_rows.append(
                {
                    "patrol_id": pid,
                    "checkpoint_id": cp_id,
                    "seq": seq,
                    "checkpoint_name": name,
                    "what_to_check": what,
                    "unit_id": uid,
                    "result": result,
                    "note": note,
                    "photo_path": "",
                    "checked_at": None if result == "missed" else at,
                    "ticket_id": None,
                    "resolved_at": None,
                    "resolved_note": "",
                }
            )
        patrol_rows.append(
            {
                "id": pid,
                "route_id": rid,
                "route_name": names[rid],
                "local_day": local_date(start),
                "status": "finished",
                "started_at": start,
                "finished_at": at + timedelta(minutes=3),
                "patroller": who,
                "by_user_id": None,
                "note": "",
                "version": 1,
                "created_at": start,
                "updated_at": at,
            }
        )
    # Older anomalies were fixed on the spot; the last few are still open, some with tickets.
    recent = abnormal[-6:]
    for index, at in abnormal[:-6]:
        finding_rows[index]["resolved_at"] = at + timedelta(hours=rng.randint(1, 30))
        finding_rows[index]["resolved_note"] = "已通知工程部当场处理完毕"
    session.execute(insert(Patrol), patrol_rows)
    session.execute(insert(PatrolFinding), finding_rows)
    to_ticket = [finding_rows[i] for i, _at in recent[: max(0, len(recent) - 2)]]
    for row in to_ticket:
        fid = session.scalar(
            select(PatrolFinding.id).where(
                PatrolFinding.patrol_id == row["patrol_id"], PatrolFinding.seq == row["seq"]
            )
        )
        if fid is None:
            continue
        with _as(session, clerks[0]):
            patrols.raise_ticket(session, fid, at=row["checked_at"] + timedelta(minutes=10))
    # Today: the morning round is under way (for the desk overview and the patrol screen).
    with _as(session, clerks[0]):
        start = min(anchor - timedelta(minutes=50), _local(today, 9))
        if local_date(start) == today:
            pid = patrols.start_patrol(session, route_ids[0], at=start)
            findings = patrols.patrol_detail(session, pid).findings
            for i, f in enumerate(findings[: len(findings) // 2]):
                at = start + timedelta(minutes=4 * (i + 1))
                if i == 1:  # the first building's elevator
                    patrols.record_finding(
                        session, f.id, result="abnormal", note="电梯按钮面板松动", at=at
                    )
                else:
                    patrols.record_finding(session, f.id, result="normal", at=at)


def _reserve(session: Session, model: Any, count: int) -> list[int]:
    from propdesk.demo.registry import _reserve_ids

    return _reserve_ids(session, model, count) if count else []


def _vacant_checks(
    session: Session, ctx: DemoContext, rng: random.Random, vacant_ids: list[int]
) -> None:
    if not vacant_ids:
        return
    today = ctx.today
    plans: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    for uid in vacant_ids:
        interval = rng.choice((30, 30, 30, 14, 60))
        if rng.random() < 0.08:  # never checked yet
            plans.append(
                {"unit_id": uid, "interval_days": interval, "last_checked": None, "next_due": None}
            )
            continue
        last = today - timedelta(days=rng.randint(0, interval + 12))
        day = last
        for _ in range(3):
            ok = rng.random() > 0.1
            checks.append(
                {
                    "unit_id": uid,
                    "checked_on": day,
                    "checked_at": _local(day, 14, rng.randint(0, 59)),
                    "checked_by": rng.choice(CLERKS)[1],
                    "doors_windows_ok": True,
                    "water_ok": ok,
                    "electricity_ok": True,
                    "no_leaks": ok,
                    "note": "" if ok else "厨房水管接口渗水，已关闭总阀并报修",
                }
            )
            day -= timedelta(days=interval)
        plans.append(
            {
                "unit_id": uid,
                "interval_days": interval,
                "last_checked": last,
                "next_due": last + timedelta(days=interval),
            }
        )
    session.execute(insert(VacantCheckPlan), plans)
    session.execute(insert(VacantCheck), checks)


def _parcels(
    session: Session, ctx: DemoContext, rng: random.Random, anchor: datetime, lived_in: list[int]
) -> None:
    if not lived_in:
        return
    per_day = max(3, min(40, len(lived_in) // 25))
    today = local_date(anchor)
    owners: dict[int, int] = dict(ctx.info.get("owner_by_unit", {}))  # type: ignore[call-overload]
    names = dict(
        session.execute(
            select(Person.id, Person.name).where(Person.id.in_(set(owners.values())))
        ).all()
    )
    rows = []
    for back in range(30, -1, -1):
        day = today - timedelta(days=back)
        for _ in range(rng.randint(per_day // 2, per_day)):
            received = _local(day, rng.randint(9, 19), rng.randint(0, 59))
            if received >= anchor:
                continue
            carrier, prefix = rng.choice(CARRIERS)
            uid = rng.choice(lived_in)
            row: dict[str, Any] = {
                "carrier": carrier,
                "tracking_no": f"{prefix}{rng.randrange(10**11, 10**12)}",
                "unit_id": uid,
                "recipient": names.get(owners.get(uid, -1)) or _name(rng),
                "recipient_phone": f"13{rng.randrange(10**9):09d}",
                "shelf": f"{rng.choice('ABCD')}-{rng.randint(1, 6)}",
                "status": ParcelStatus.WAITING.value,
                "received_at": received,
                "received_by": rng.choice(CLERKS)[1],
                "notified_at": received + timedelta(minutes=rng.randint(5, 60)),
                "collected_at": None,
                "collected_by": "",
                "handed_by": "",
                "version": 1,
                "created_at": received,
                "updated_at": received,
            }
            wait_days = rng.choice((0, 0, 0, 1, 1, 1, 2, 2, 3, 6))
            collected = received + timedelta(days=wait_days, hours=rng.randint(1, 6))
            if collected < anchor and rng.random() > 0.005:
                row.update(
                    status=ParcelStatus.COLLECTED.value,
                    collected_at=collected,
                    collected_by=row["recipient"] if rng.random() < 0.8 else _name(rng),
                    handed_by=rng.choice(CLERKS)[1],
                )
            rows.append(row)
    if rows:
        session.execute(insert(Parcel), rows)


def _visitors(session: Session, rng: random.Random, anchor: datetime, lived_in: list[int]) -> None:
    if not lived_in:
        return
    today = local_date(anchor)
    rows = []
    for back in range(14, -1, -1):
        day = today - timedelta(days=back)
        for _ in range(rng.randint(6, 16)):
            came = _local(day, rng.randint(8, 20), rng.randint(0, 59))
            if came >= anchor:
                continue
            left = came + timedelta(minutes=rng.randint(10, 240))
            rows.append(
                {
                    "name": _name(rng),
                    "phone": f"15{rng.randrange(10**9):09d}",
                    "unit_id": rng.choice(lived_in),
                    "purpose": rng.choice(PURPOSES),
                    "people": rng.choice((1, 1, 1, 2, 3)),
                    "in_at": came,
                    "out_at": left if left < anchor else None,
                    "registered_by": rng.choice(CLERKS)[1],
                }
            )
    if rows:
        session.execute(insert(Visitor), rows)


def _shifts(
    session: Session,
    ctx: DemoContext,
    rng: random.Random,
    anchor: datetime,
    clerks: list[Actor],
    lived_in: list[int],
) -> None:
    """A week of day (08–20) and night (20–08) shifts through the real services: entries,
    follow-ups closed or left open, handover composed from live data, taken over."""
    night = Actor(None, "night", "周敏（夜班）", Role.CLERK)
    today = local_date(anchor)
    starts = []
    for back in range(7, -1, -1):
        day = today - timedelta(days=back)
        starts += [(_local(day, 8), clerks[back % 2]), (_local(day, 20), night)]
    starts = [(at, who) for at, who in starts if at < anchor]
    for i, (start, who) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else None
        with _as(session, who):
            shift_id = shiftlog.take_over(session, at=start)
            for carried in shiftlog.entries_of_shift(session, shift_id, open_only=True):
                if rng.random() < 0.6:  # the incoming clerk deals with some of them
                    shiftlog.complete_entry(session, carried.id, at=start + timedelta(hours=1))
            span = ((end or anchor) - start).total_seconds() / 60
            for n in range(rng.randint(3, 6)):
                at = start + timedelta(minutes=int(span * (n + 1) / 8))
                kind, text, follow = rng.choice(ENTRY_TEXTS)
                unit = rng.choice(lived_in) if lived_in and rng.random() < 0.4 else None
                eid = shiftlog.add_entry(
                    session, kind=kind, text=text, follow_up=follow, unit_id=unit, at=at
                )
                if follow and end is not None and rng.random() < 0.6:
                    shiftlog.complete_entry(session, eid, at=at + timedelta(minutes=30))
            if end is not None:
                shiftlog.close_shift(
                    session,
                    note=rng.choice(("", "各岗位正常，无特殊情况。", "注意明早停水通知的张贴。")),
                    at=end - timedelta(minutes=5),
                )
    # The current shift: one thing to follow up and the parcel shelf count.
    if starts:
        with _as(session, starts[-1][1]):
            shiftlog.add_entry(
                session,
                kind=EntryKind.REMINDER.value,
                text="电梯维保单位明早9点到场，需陪同并通知3号楼住户",
                follow_up=True,
                at=anchor - timedelta(minutes=20),
            )
            waiting, long_held = parcels.count_waiting(session, today=today)
            if waiting:
                shiftlog.add_entry(
                    session,
                    kind=EntryKind.EVENT.value,
                    text=f"清点快递货架：待取 {waiting} 件，其中超期 {long_held} 件",
                    at=anchor - timedelta(minutes=5),
                )
