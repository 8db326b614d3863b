"""Demo step: the default notice templates and a history of notices posted in the past months."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.demo.steps import DemoContext
from propdesk.registry.models import Building, Estate
from propdesk.reporting.models import NoticeTemplate, PostedNotice
from propdesk.reporting.notice_defaults import field_names
from propdesk.reporting.notices import ensure_default_templates, fill, template_info

# (days before today, template code, values besides the contact, per building?)
_POSTED: tuple[tuple[int, str, dict[str, str], bool], ...] = (
    (150, "fire_drill", {"date": "", "time": "15:00", "place": "小区中心广场"}, False),
    (
        95,
        "water_outage",
        {
            "reason": "二次供水水箱清洗",
            "start_time": "09:00",
            "end_time": "17:00",
            "areas": "1栋、2栋",
        },
        True,
    ),
    (62, "fee_reminder", {"period": "", "due_date": ""}, True),
    (
        40,
        "renovation_rules",
        {
            "weekday_hours": "8:30–12:00、14:00–18:00",
            "weekend_hours": "禁止施工",
            "debris_place": "地下车库B区垃圾房",
        },
        False,
    ),
    (
        21,
        "power_outage",
        {"reason": "供电局线路检修", "start_time": "08:30", "end_time": "18:00", "areas": "全小区"},
        False,
    ),
    (
        7,
        "activity",
        {
            "activity": "邻里文化节",
            "time": "09:30",
            "place": "小区会所",
            "details": "现场有亲子游戏和义诊。",
        },
        False,
    ),
)


def _cn(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def build_notices(session: Session, ctx: DemoContext) -> None:
    """Seed the templates and post a few notices, as a desk would have over half a year."""
    ensure_default_templates(session)
    templates = {t.code: template_info(t) for t in session.scalars(select(NoticeTemplate))}
    phone = session.scalar(select(Estate.phone).limit(1)) or "0755-86312569"
    buildings = list(session.scalars(select(Building.name).order_by(Building.sort_key).limit(4)))
    rows = []
    for days, code, given, per_building in _POSTED:
        t = templates[code]
        day = ctx.today - timedelta(days=days)
        names = field_names(code)  # the values above are keyed as the templates are defined
        values = {**given, "contact": phone}
        for key in ("date", "start_date", "end_date", "due_date"):
            if key in names:
                values[key] = _cn(day + timedelta(days=3 if key != "due_date" else 15))
        if "period" in values:
            values["period"] = f"{day.year}年{day.month}月"
        filled = fill(t, {names.get(k, k): v for k, v in values.items()})
        audiences = (
            [f"{b}全体业主/住户" for b in buildings]
            if per_building and buildings
            else ["全体业主/住户"]
        )
        copies = ctx.rng.choice((1, 2, 2, 3))
        rows.append(
            {
                "template_id": t.id,
                "template_name": t.name,
                "title": filled.title,
                "body": filled.body,
                "audiences": "\n".join(audiences),
                "copies": copies,
                "pages": copies * len(audiences),
                "posted_on": day,
                "posted_at": clock.local_datetime(day, time(9, 30)),
                "posted_by": "前台小王",
            }
        )
    session.execute(insert(PostedNotice), rows)
    ctx.progress(1.0, "通知公告")
