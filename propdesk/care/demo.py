"""Demo attention flags: some of each kind across the buildings, a few overdue for review,
a few only supervisors may see, one custom kind (孕妇); and demo visits (走访): some done,
some overdue, a few findings raised as tickets. Deterministic (``ctx.rng``), bulk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.auth.models import User
from propdesk.care.models import CareFlag, CareKind
from propdesk.care.values import SENSITIVE_KINDS, FlagKind, FlagSource, Visibility
from propdesk.demo.bulk import insert_with_ids
from propdesk.demo.steps import DemoContext
from propdesk.household.queries import current_households
from propdesk.registry.models import Occupancy, Person, Unit
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import TicketKind, TicketStatus

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
    # each household as the services link it (the tenant's occupancy, else the owner's…)
    standing = current_households(session)
    person_of = {occ_id: person_id for occ_id, _u, person_id in rows}
    households: dict[int, tuple[int, int]] = {
        unit_id: (occ_id, person_of[occ_id])
        for unit_id, occ_id in standing.items()
        if occ_id in person_of
    }
    if not households:
        return
    moved_in = _start_dates(session, households)
    clerks = [a.display_name for a in _visiting_staff(session, ctx)]
    (kind_id,) = insert_with_ids(
        session, CareKind, [{"name": "孕妇", "sensitive": True, "active": True}]
    )
    units = sorted(households)
    alone = _elderly_alone(session, rows, ctx)
    # frequent complainants are households whose complaints were closed lately (if any)
    complained: list[int] = sorted(
        {
            int(u)
            for u in session.scalars(
                select(Ticket.unit_id).where(
                    Ticket.kind == TicketKind.COMPLAINT.value,
                    Ticket.status == TicketStatus.CLOSED.value,
                    Ticket.closed_at >= ctx.now - timedelta(days=60),
                    Ticket.unit_id.is_not(None),
                )
            )
            if u is not None and u in households
        }
    )
    per_kind = max(2, len(units) // 60)
    flags: list[dict[str, Any]] = []
    used: set[tuple[int, FlagKind]] = set()
    for kind in FlagKind:
        count = per_kind if kind != FlagKind.CUSTOM else max(1, per_kind // 2)
        for n in range(count):
            pool = complained if kind == FlagKind.COMPLAINANT and complained else units
            if kind == FlagKind.ELDERLY_ALONE:
                if not alone:
                    break
                pool = alone
            unit_id = rng.choice(pool)
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
            # a flag is set on the household living there, so not before it moved in
            arrived = clock.local_datetime(moved_in[occ_id], time(10)) + timedelta(days=1)
            if arrived >= ctx.now:
                continue
            if created < arrived:
                created = arrived + (ctx.now - arrived) * (0.2 + 0.6 * (n % 4) / 3)
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
                    "consent_on": clock.local_date(created) if consent else None,
                    "review_on": ctx.today + timedelta(days=review_in),
                    "visibility": visibility.value,
                    "dnd_start": dnd[0],
                    "dnd_end": dnd[1],
                    "created_by": clerks[len(flags) % len(clerks)],
                    "ended_by": "",
                    "end_reason": "",
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
            )
    session.execute(insert(CareFlag), flags)


def _start_dates(session: Session, households: dict[int, tuple[int, int]]) -> dict[int, Any]:
    """occupancy id → its move-in date, for the households' occupancies (in chunks)."""
    wanted = sorted(occ for occ, _p in households.values())
    out: dict[int, Any] = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        out.update(
            session.execute(
                select(Occupancy.id, Occupancy.start_date).where(Occupancy.id.in_(chunk))
            ).all()
        )
    return out


ELDERLY_AGE = 65


def _elderly_alone(session: Session, rows: Any, ctx: DemoContext) -> list[int]:
    """Units with a single current occupant (``rows``: occupancy, unit, person), those aged
    65 or more by the ID number first; only these are flagged 独居老人."""
    occupants: dict[int, list[int]] = {}
    for _occ, unit_id, person_id in rows:
        occupants.setdefault(unit_id, []).append(person_id)
    single = {u: people[0] for u, people in occupants.items() if len(people) == 1}
    born: dict[int, int] = {}
    wanted = sorted(single.values())
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        for pid, id_number in session.execute(
            select(Person.id, Person.id_number).where(Person.id.in_(chunk))
        ):
            digits = (id_number or "")[6:10]
            if digits.isdigit():
                born[int(pid)] = int(digits)
    old = [
        u for u, p in sorted(single.items()) if ctx.today.year - born.get(p, 9999) >= ELDERLY_AGE
    ]
    return old or sorted(single)


VISITORS = ("客服小陈", "客服小刘", "管家王姐", "主管老李")
FINDINGS_ELDERLY = (
    "老人精神不错，家中整洁，已提醒注意用电安全",
    "身体尚好，子女每周来看望",
    "了解了家庭情况，登记了紧急联系人",
)
FINDINGS_NEW = "新入住，已介绍服务中心电话和缴费方式"
FINDINGS_OTHER = (
    "了解了家庭情况，登记了紧急联系人",
    "对物业服务总体满意，建议增加绿化养护",
    "住户反映楼下停车较乱，已记录转秩序维护",
    "上门核对住户信息，已更新联系电话",
)
"""What a visit found, by its reason: each visit's wording fits why it was made (a visit
for "其他走访" never reads like a new household's welcome visit)."""
FINDINGS_TICKET = (
    ("卫生间地漏返水，楼下有渗水痕迹", "plumbing"),
    ("入户门锁不好用，老人开门困难", "door_lock"),
    ("楼道声控灯不亮，夜间出入不便", "public_area"),
)
"""Findings raised as repair tickets, with the repair category that fits each."""
TICKET_VISITORS = (Role.CLERK, Role.SUPERVISOR)
"""The demo users who visit and raise the tickets (the ticket's 首问负责人)."""


VISIT_HOURS = (time(9), time(18))
"""Visits are made in the daytime (09:00–18:00 at the estate)."""
VISIT_MINUTES = (VISIT_HOURS[1].hour - VISIT_HOURS[0].hour) * 60


def _visit_time(ctx: DemoContext, days_ago: int, minute: int) -> datetime:
    """``minute`` minutes into the visiting hours (estate time), ``days_ago`` days before the
    demo's today; a moment still to come today (the demo built in the morning) moves back
    a day, so no visit lies after the demo's now."""
    day = ctx.today - timedelta(days=days_ago)
    start = VISIT_HOURS[0].hour * 60 + minute
    at = clock.local_datetime(day, time(start // 60, start % 60))
    while at > ctx.now:
        day -= timedelta(days=1)
        at = clock.local_datetime(day, time(start // 60, start % 60))
    return at


def build_visits(session: Session, ctx: DemoContext) -> None:
    """Demo visits (走访): about half the elderly living alone visited this month (the rest
    overdue), half the households that moved in lately, some earlier visits with a rating,
    a few agreed next visits (one or two already overdue) and findings raised as tickets."""
    from propdesk.care.visit_models import CareVisit
    from propdesk.care.visit_values import VisitReason, reason_label
    from propdesk.registry.values import OccupancyRole
    from propdesk.tickets import catalog
    from propdesk.tickets.services import Intake, create_ticket
    from propdesk.tickets.values import TicketSource

    rng = ctx.rng
    rows = session.execute(
        select(Occupancy.id, Occupancy.unit_id, Occupancy.person_id, Occupancy.role,
               Occupancy.start_date)
        .where(Occupancy.end_date.is_(None))
        .order_by(Occupancy.unit_id, Occupancy.id)
    ).all()  # fmt: skip
    households: dict[int, tuple[int, int]] = {}
    for occ_id, unit_id, person_id, _role, _start in rows:
        households.setdefault(unit_id, (occ_id, person_id))
    if not households:
        return
    elderly = session.execute(
        select(CareFlag.id, CareFlag.unit_id, CareFlag.created_at)
        .where(CareFlag.kind == FlagKind.ELDERLY_ALONE.value, CareFlag.ended_at.is_(None))
        .where(CareFlag.unit_id.is_not(None))
        .order_by(CareFlag.id)
    ).all()
    new_since = ctx.today - timedelta(days=180)
    newcomers = sorted(
        {(unit_id, occ_id, start) for occ_id, unit_id, _p, role, start in rows
         if start >= new_since and role in (OccupancyRole.OWNER.value, OccupancyRole.TENANT.value)}
    )  # fmt: skip
    visits: list[dict[str, Any]] = []
    recorders = [a.display_name for a in _visiting_staff(session, ctx)]

    def visit(unit_id: int, reason: VisitReason, trigger: int | None, days_ago: int,
              findings: str, **extra: Any) -> None:  # fmt: skip
        at = _visit_time(ctx, days_ago, rng.randint(0, VISIT_MINUTES - 1))
        visits.append(
            {
                "unit_id": unit_id,
                "occupancy_id": households.get(unit_id, (None, None))[0],
                "reason": reason.value,
                "trigger_id": trigger,
                "visited_at": at,
                "visited_on": clock.local_date(at),
                "visitor_user_id": None,
                "visitor_name": rng.choice(VISITORS),
                "companions": rng.choice(("", "", "社区志愿者", "楼长")),
                "findings_enc": findings,
                "rating": extra.get("rating", rng.choice((None, 4, 5, 5, 3))),
                "next_visit_on": extra.get("next_visit_on"),
                "ticket_id": None,
                "recorded_by": recorders[len(visits) % len(recorders)],
                "created_at": at,
                "updated_at": at,
                "version": 1,
            }
        )

    for n, (flag_id, flag_unit, flagged_at) in enumerate(elderly):
        if n % 2 == 0 and flag_unit is not None:  # the others are left overdue
            days_ago = min(rng.randint(3, 25), max((ctx.now - flagged_at).days - 1, 0))
            visit(flag_unit, VisitReason.ELDERLY_ALONE, flag_id, days_ago,
                  rng.choice(FINDINGS_ELDERLY))  # fmt: skip
    for n, (new_unit, occ_id, start) in enumerate(newcomers):
        if n % 2 == 0:  # a visit some days after moving in; the others are still due
            since = (ctx.today - start).days
            visit(new_unit, VisitReason.NEW_HOUSEHOLD, occ_id,
                  rng.randint(max(0, since - 20), since), FINDINGS_NEW)  # fmt: skip
    # after a flagged complainant's latest closed complaint: every other one visited
    latest = (
        select(Ticket.unit_id, func.max(Ticket.id).label("ticket_id"))
        .where(
            Ticket.kind == TicketKind.COMPLAINT.value,
            Ticket.status == TicketStatus.CLOSED.value,
            Ticket.closed_at >= ctx.now - timedelta(days=90),
            Ticket.unit_id.in_(
                select(CareFlag.unit_id).where(
                    CareFlag.kind == FlagKind.COMPLAINANT.value, CareFlag.ended_at.is_(None)
                )
            ),
        )
        .group_by(Ticket.unit_id)
        .order_by(Ticket.unit_id)
    )
    for n, (complaint_unit, ticket_id) in enumerate(session.execute(latest).all()):
        closed = session.scalar(select(Ticket.closed_at).where(Ticket.id == ticket_id))
        if n % 2 or closed is None or complaint_unit is None:
            continue
        if closed + timedelta(days=2) < ctx.now:
            days_ago = (ctx.now - closed).days - 2
            visit(complaint_unit, VisitReason.COMPLAINT, ticket_id, max(days_ago, 0),
                  "当面听取意见，已说明处理结果，住户表示理解", rating=3)  # fmt: skip
    units = sorted(households)
    for n in range(max(4, len(units) // 50)):
        unit_id = rng.choice(units)
        follow = None
        if n % 5 == 0:
            follow = ctx.today + timedelta(days=rng.choice((-6, -2, 10, 20)))
        days_ago = rng.randint(40, 200) if follow is None else rng.randint(15, 30)
        visit(unit_id, VisitReason.OTHER, None, days_ago, rng.choice(FINDINGS_OTHER),
              next_visit_on=follow)  # fmt: skip
    ticketed = [rng.choice(units) for _ in FINDINGS_TICKET]
    staff = _visiting_staff(session, ctx)
    for n, (unit_id, (findings, _code)) in enumerate(zip(ticketed, FINDINGS_TICKET, strict=True)):
        visit(unit_id, VisitReason.OTHER, None, rng.randint(5, 60), findings, rating=3)
        by = staff[n % len(staff)]  # a desk user visited and recorded it
        visits[-1].update(
            visitor_user_id=by.user_id, visitor_name=by.display_name, recorded_by=by.display_name
        )
    ids = insert_with_ids(session, CareVisit, visits)

    catalog.ensure_defaults(session)
    repair = {
        c.code: c.id for c in catalog.list_categories(session, TicketKind.REPAIR.value) if c.active
    }
    if not repair:
        return
    raised = list(zip(ids, visits, strict=True))[-len(FINDINGS_TICKET) :]
    for n, ((visit_id, row), (_f, code)) in enumerate(zip(raised, FINDINGS_TICKET, strict=True)):
        # as care.visits does for 转工单: the household's person reports (name and phone
        # from the person), the staff member who recorded the visit registers it (首问负责人)
        with _acting(session, staff[n % len(staff)]):
            created = create_ticket(
                session,
                Intake(
                    kind=TicketKind.REPAIR.value,
                    category_id=repair.get(code) or repair[min(repair)],
                    description=(
                        f"走访发现（{reason_label(row['reason'])}，{row['visited_on']:%Y-%m-%d}，"
                        f"{row['visitor_name']}）：{row['findings_enc']}"
                    ),
                    source=TicketSource.VISIT.value,
                    unit_id=row["unit_id"],
                    person_id=households.get(row["unit_id"], (None, None))[1],
                    reporter_name="",
                ),
                at=min(row["visited_at"] + timedelta(minutes=30), ctx.now),
            )
        session.execute(
            update(CareVisit).where(CareVisit.id == visit_id).values(ticket_id=created.id)
        )


def _visiting_staff(session: Session, ctx: DemoContext) -> list[Actor]:
    """The desk users (clerk, supervisor) of the users step, as actors; without that step,
    one named visitor (no login)."""
    ids: dict[str, int] = dict(ctx.info.get("user_ids") or {})  # type: ignore[call-overload]
    out: list[Actor] = []
    for role in TICKET_VISITORS:
        user_id = ids.get(role.value)
        if user_id is None:
            continue
        row = session.execute(
            select(User.username, User.display_name).where(User.id == user_id)
        ).first()
        if row is not None:
            out.append(Actor(user_id=user_id, username=row[0], display_name=row[1], role=role))
    return out or [
        Actor(user_id=None, username="visitor", display_name="客服小陈", role=Role.CLERK)
    ]


@contextmanager
def _acting(session: Session, actor: Actor) -> Iterator[None]:
    """Run a service under the visiting staff member's name, then give the session back."""
    before = session.info.get("actor")
    session.info["actor"] = actor
    try:
        yield
    finally:
        session.info["actor"] = before
