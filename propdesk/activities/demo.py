"""Demo step: community activities over the last half year and the next weeks.

Past activities are finished (one cancelled) with sign-ups, attendance and feedback and
what was spent; upcoming ones are open, one of them full with a waitlist. Only an activity
that has started is finished. Sign-ups are taken in the desk's hours (estate time, see
:data:`propdesk.tickets.demo.DESK_HOURS`), in queue order, before the demo's now and the
activity's start. Deterministic:
the seeded ``ctx.rng`` and ``ctx.today`` only; bulk inserts. Reads ``ctx.info``:
``"owner_by_unit"`` (unit id → owner person id), and the care step's active 独居老人 flags:
those households are never signed up for a children's activity, and sign up one person.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.activities.values import ActivityKind, ActivityStatus, Channel, SignupState
from propdesk.care.models import CareFlag
from propdesk.care.values import FlagKind
from propdesk.demo.bulk import insert_with_ids
from propdesk.demo.steps import DemoContext
from propdesk.registry.models import Person
from propdesk.tickets.demo import DESK_HOURS

# (kind, title, venue, capacity, budget yuan, days from today, start hour, organiser)
PLAN: tuple[tuple[ActivityKind, str, str, int, int, int, int, str], ...] = (
    (ActivityKind.FESTIVAL, "猜灯谜游园会", "小区中心广场", 80, 1500, -150, 19, "赵经理"),
    (
        ActivityKind.OWNER_MEETING,
        "业主恳谈会",
        "会所二楼会议室",
        40,
        300,
        -120,
        15,
        "赵经理",
    ),
    (ActivityKind.CHILDREN, "亲子植树", "北区绿地", 30, 1200, -95, 9, "客服小刘"),
    (ActivityKind.ELDERLY, "长者义诊", "会所一楼活动室", 50, 800, -70, 9, "客服小刘"),
    (ActivityKind.SPORTS, "业主羽毛球赛", "小区羽毛球场", 24, 1000, -45, 14, "保安队王队长"),
    (ActivityKind.CULTURE, "书法体验课", "会所一楼活动室", 20, 400, -30, 14, "客服小刘"),
    (ActivityKind.SPORTS, "夜跑打卡", "小区环路", 40, 200, -12, 19, "保安队王队长"),
    (ActivityKind.FESTIVAL, "邻里包饺子", "会所一楼活动室", 30, 1800, -5, 14, "赵经理"),
    (ActivityKind.OWNER_MEETING, "物业服务业主见面会", "会所二楼会议室", 40, 300, 6, 15, "赵经理"),
    (ActivityKind.CHILDREN, "儿童手工课", "会所一楼活动室", 12, 600, 10, 10, "客服小刘"),
    (ActivityKind.CULTURE, "社区电影之夜", "小区中心广场", 100, 900, 20, 19, "客服小刘"),
)
CANCELLED_TITLE = "夜跑打卡"  # called off for rain
COMMENTS = (
    "",
    "",
    "",
    "组织得很好，希望多办",
    "时间有点紧",
    "孩子很喜欢",
    "场地有点小",
    "工作人员很热情",
    "希望周末举办",
)


def _desk_spans(start: datetime, until: datetime) -> list[tuple[datetime, datetime]]:
    """The desk's opening hours (estate time) between ``start`` and ``until``, as spans."""
    opens, closes = DESK_HOURS
    spans: list[tuple[datetime, datetime]] = []
    day = clock.local_date(start)
    while True:
        span_open = max(start, clock.local_datetime(day, time(opens, 0)))
        span_close = min(until, clock.local_datetime(day, time(closes, 0)))
        if span_open >= until:
            return spans
        if span_open < span_close:
            spans.append((span_open, span_close))
        day += timedelta(days=1)


def _desk_times(start: datetime, until: datetime, minutes: list[int]) -> list[datetime]:
    """Moments ``minutes`` desk-hour minutes after ``start``, all before ``until`` (squeezed
    in proportion when the desk's hours in between are too few); order is kept."""
    spans = _desk_spans(start, until)
    total = sum(int((b - a).total_seconds() // 60) for a, b in spans)
    if total <= 0:  # no desk hour in between (not in the demo's plan): just before until
        return [until - timedelta(minutes=len(minutes) - i) for i in range(len(minutes))]
    top = max(minutes, default=0) + 1
    out: list[datetime] = []
    for m in minutes:
        left = m if top <= total else m * total // top
        for a, b in spans:
            length = int((b - a).total_seconds() // 60)
            if left < length:
                out.append(a + timedelta(minutes=left))
                break
            left -= length
    return out


def _fitting(
    chosen: list[int], households: list[int], unfit: frozenset[int | None] | None
) -> list[int]:
    """``chosen`` with each household that does not fit the activity (``unfit``) replaced by
    the next fitting one not chosen (in ``households`` order, round the end): the same number
    of households, and no extra random draw, so the demo's later steps see the same sequence."""
    if not unfit:
        return chosen
    taken = set(chosen)
    out: list[int] = []
    for h in chosen:
        if h in unfit:
            i = households.index(h)
            ring = households[i + 1 :] + households[:i]
            swap = next((c for c in ring if c not in unfit and c not in taken), None)
            if swap is None:
                continue
            taken.add(swap)
            h = swap
        out.append(h)
    return out


def build_activities(session: Session, ctx: DemoContext) -> None:
    rng = ctx.rng
    owner_by_unit: dict[int, int] = dict(ctx.info.get("owner_by_unit") or {})  # type: ignore[call-overload]
    households = sorted(owner_by_unit)
    if not households:
        return
    names = dict(
        session.execute(
            select(Person.id, Person.name).where(Person.id.in_(set(owner_by_unit.values())))
        ).all()
    )
    # elderly living alone (the care step's active 独居老人 flags, run before this one): not
    # signed up for children's activities, and one person wherever they go
    alone = frozenset(
        session.scalars(
            select(CareFlag.unit_id).where(
                CareFlag.kind == FlagKind.ELDERLY_ALONE.value,
                CareFlag.ended_at.is_(None),
                CareFlag.unit_id.is_not(None),
            )
        )
    )
    unfit: dict[ActivityKind, frozenset[int | None]] = {ActivityKind.CHILDREN: alone}
    now = ctx.now
    activities: list[dict[str, Any]] = []
    signups_of: list[list[dict[str, Any]]] = []
    for n, (kind, title, venue, capacity, budget, days, hour, organiser) in enumerate(PLAN):
        day = ctx.today + timedelta(days=days)
        starts = clock.local_datetime(day, time(hour, 0))
        past = starts < now
        cancelled = past and title == CANCELLED_TITLE
        status = (
            ActivityStatus.CANCELLED
            if cancelled
            else ActivityStatus.FINISHED
            if past
            else ActivityStatus.OPEN
        )
        budget_fen = budget * 100
        # the last upcoming children's class is over-subscribed: full, with a waitlist
        demand = (
            capacity + 4 if title == "儿童手工课" else rng.randint(capacity // 3, capacity * 3 // 5)
        )
        chosen = _fitting(
            rng.sample(households, min(len(households), demand)), households, unfit.get(kind)
        )
        taken = 0
        rows: list[dict[str, Any]] = []
        # sign-ups open two weeks ahead, or three days ago for one further off (never later)
        opened = starts - timedelta(days=max(14, days + 3))
        offsets: list[int] = []  # desk-hour minutes after sign-ups opened, in queue order
        for i, unit_id in enumerate(chosen):
            persons = rng.choice((1, 1, 1, 2, 2, 3))
            if unit_id in alone:  # 独居: one person (the draw is kept: the sequence stays)
                persons = 1
            fits = taken + persons <= capacity
            waiting = not fits or any(r["state"] == SignupState.WAITLIST.value for r in rows)
            state = SignupState.WAITLIST if waiting else SignupState.CONFIRMED
            if not waiting:
                taken += persons
            offsets.append(37 * i + rng.randint(0, 30))
            attended: bool | None = None
            rating: int | None = None
            comment = ""
            if status == ActivityStatus.FINISHED and state == SignupState.CONFIRMED:
                attended = rng.random() < 0.82
                if attended and rng.random() < 0.6:
                    rating = rng.choice((3, 4, 4, 5, 5, 5))
                    comment = rng.choice(COMMENTS)
            person_id = owner_by_unit[unit_id]
            rows.append(
                {
                    "unit_id": unit_id,
                    "person_id": person_id,
                    "contact_name": names.get(person_id, ""),
                    "persons": persons,
                    "channel": (Channel.PHONE if rng.random() < 0.35 else Channel.DESK).value,
                    "state": state.value,
                    "queued_at": None,  # below: in the desk's hours
                    "attended": attended,
                    "rating": rating,
                    "comment": comment,
                    "cancelled_at": None,
                    "clerk_name": rng.choice(("前台小王", "前台小李")),
                    "created_at": None,
                }
            )
        for r, queued in zip(rows, _desk_times(opened, min(now, starts), offsets), strict=True):
            r["queued_at"] = r["created_at"] = queued.astimezone(UTC)
        if status == ActivityStatus.CANCELLED:
            for r in rows:  # everyone was told; the places were given back
                r["state"] = SignupState.CANCELLED.value
                r["cancelled_at"] = starts - timedelta(hours=5)
            taken = 0
        spent = 0
        if status == ActivityStatus.FINISHED:
            spent = budget_fen * rng.randint(70, 105) // 100
        created: datetime = opened - timedelta(days=2)
        activities.append(
            {
                "kind": kind.value,
                "title": title,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=2),
                "venue": venue,
                "capacity": capacity,
                "taken": taken,
                "budget_fen": budget_fen,
                "spent_fen": spent,
                "organiser": organiser,
                "description": "",
                "status": status.value,
                "cancel_reason": "天气预报有雨，活动取消" if cancelled else "",
                "notice_printed_at": opened if past or n % 2 == 0 else None,
                "version": 1,
                "created_at": created,
                "updated_at": starts if past else created,
            }
        )
        signups_of.append(rows)
    ids = insert_with_ids(session, Activity, activities)
    all_rows = [
        {**row, "activity_id": aid}
        for aid, rows in zip(ids, signups_of, strict=True)
        for row in rows
    ]
    insert_with_ids(session, ActivitySignup, all_rows)
    ctx.progress(1.0, "社区活动")
