"""Demo attention flags: some of each kind across the buildings, a few overdue for review,
a few only supervisors may see, one custom kind (孕妇). Deterministic (``ctx.rng``), bulk."""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from propdesk.care.models import CareFlag, CareKind
from propdesk.care.values import SENSITIVE_KINDS, FlagKind, FlagSource, Visibility
from propdesk.demo.bulk import insert_with_ids
from propdesk.demo.steps import DemoContext
from propdesk.registry.models import Occupancy, Unit

REASONS: dict[FlagKind, tuple[str, ...]] = {
    FlagKind.ELDERLY_ALONE: (
        "八十岁独居，子女在外地",
        "老伴去世后独居，行动较慢",
        "独居，有高血压",
    ),
    FlagKind.EVACUATION: (
        "坐轮椅，需两人协助下楼",
        "卧床，需担架",
        "视力很差，需人引导",
        "腿脚不便，拄拐",
    ),
    FlagKind.DISABILITY: ("听力障碍，请当面或短信沟通", "肢体残疾，使用轮椅", "视力残疾"),
    FlagKind.VIP: ("业委会主任", "业委会委员", "开发商领导家属"),
    FlagKind.COMPLAINANT: ("多次投诉楼上噪音", "对物业费有异议，多次投诉", "频繁投诉停车问题"),
    FlagKind.DO_NOT_DISTURB: ("上夜班，白天休息", "家有婴儿，午休勿扰", "医护人员，倒班"),
    FlagKind.CUSTOM: ("孕晚期，预产期下月", "孕中期"),
}
DND_HOURS = ((time(9), time(17)), (time(12), time(14)), (time(22), time(8)))


def build_care(session: Session, ctx: DemoContext) -> None:
    rng = ctx.rng
    rows = session.execute(
        select(Occupancy.id, Occupancy.unit_id, Occupancy.person_id)
        .join(Unit, Unit.id == Occupancy.unit_id)
        .where(Occupancy.end_date.is_(None))
        .order_by(Occupancy.unit_id, Occupancy.id)
    ).all()
    households: dict[int, tuple[int, int]] = {}
    for occ_id, unit_id, person_id in rows:
        households.setdefault(unit_id, (occ_id, person_id))
    if not households:
        return
    (kind_id,) = insert_with_ids(
        session, CareKind, [{"name": "孕妇", "sensitive": True, "active": True}]
    )
    units = sorted(households)
    per_kind = max(2, len(units) // 60)
    flags: list[dict[str, Any]] = []
    used: set[tuple[int, FlagKind]] = set()
    for kind in FlagKind:
        count = per_kind if kind != FlagKind.CUSTOM else max(1, per_kind // 2)
        for n in range(count):
            unit_id = rng.choice(units)
            if (unit_id, kind) in used:
                continue
            used.add((unit_id, kind))
            occ_id, person_id = households[unit_id]
            on_person = kind in (FlagKind.EVACUATION, FlagKind.DISABILITY) and n % 2 == 0
            visibility = (
                Visibility.SUPERVISORS
                if kind == FlagKind.COMPLAINANT and n % 2 == 0
                else Visibility.ALL_STAFF
            )
            created = ctx.now - timedelta(days=rng.randint(20, 400), minutes=rng.randint(0, 600))
            review_in = rng.choice((-20, -5, 15, 30, 60, 90, 180))  # some overdue
            dnd = DND_HOURS[n % len(DND_HOURS)] if kind == FlagKind.DO_NOT_DISTURB else (None, None)
            consent = kind != FlagKind.COMPLAINANT and rng.random() < 0.8
            flags.append(
                {
                    "target": "person" if on_person else "household",
                    "unit_id": unit_id,
                    "occupancy_id": None if on_person else occ_id,
                    "person_id": person_id if on_person else None,
                    "kind": kind.value,
                    "custom_kind_id": kind_id if kind == FlagKind.CUSTOM else None,
                    "sensitive": kind in SENSITIVE_KINDS
                    or kind == FlagKind.CUSTOM
                    or visibility == Visibility.SUPERVISORS,
                    "reason_enc": rng.choice(REASONS[kind]),
                    "source": (
                        FlagSource.OBSERVED
                        if kind in (FlagKind.COMPLAINANT, FlagKind.VIP)
                        else FlagSource.SELF_DECLARED
                    ).value,
                    "consent": consent,
                    "consent_on": created.date() if consent else None,
                    "review_on": ctx.today + timedelta(days=review_in),
                    "visibility": visibility.value,
                    "dnd_start": dnd[0],
                    "dnd_end": dnd[1],
                    "created_by": "前台",
                    "ended_by": "",
                    "end_reason": "",
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
            )
    session.execute(insert(CareFlag), flags)
