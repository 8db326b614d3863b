"""Demo data for move-in/out, renovation and key custody (demo step 50).

Renovation permits in every state (awaiting approval, under way — one past its end and
one with a violation past its deadline —, rejected, cancelled, accepted, refunded with
deductions), inspections with violations and photos, keys in custody (one loan overdue),
move-in checklists in progress, a few tenants moved out today (one released by a manager
while owing, where the data has one) and moving appointments for the coming days. Reads units
from the database (occupied ones renovate and deposit keys, vacant ones get move-ins),
so it does not depend on what earlier steps put in ``ctx.info``. Uses the services (a few
dozen records), so every rule holds for the demo too. Every date and time derives from the
demo's ``ctx.today``/``ctx.now`` (the builder puts that moment on the session's clock, which
the services read), never from the wall clock.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.fees.models import Meter, MeterReading
from propdesk.keys import services as keys
from propdesk.keys.deposit_money import refund_key_deposit, take_key_deposit
from propdesk.keys.models import KeyDeposit
from propdesk.movein import checklist, moveout, moving
from propdesk.movein.values import MOVING_SLOTS, MoveInForm, MoveOutForm
from propdesk.registry.models import Occupancy, Person, Unit
from propdesk.renovation import inspections, permits
from propdesk.renovation.models import Violation
from propdesk.renovation.refund import Deduction, refund_deposit
from propdesk.renovation.values import PermitApplication, ViolationSpec, WorkerSpec

if TYPE_CHECKING:
    from propdesk.demo.steps import DemoContext

CONTRACTORS = (
    ("安居装饰工程有限公司", "周建国"),
    ("美家家居装修队", "吴海"),
    ("锦程建筑装饰公司", "郑立"),
    ("业主自装", "钱师傅"),
)
SCOPES = (
    "厨房、卫生间翻新，更换地砖和橱柜",
    "全屋墙面刷漆，更换木地板",
    "封阳台，安装防盗网",
    "卫生间防水重做，更换洁具",
    "局部改造：客厅吊顶、灯具更换",
)
WORKERS = ("钱师傅", "孙师傅", "李师傅", "赵师傅", "周师傅", "吴师傅")


def _units(session: Session, status: str, limit: int | None) -> list[tuple[int, str, str]]:
    """(unit id, code, first current occupant's name) of units with ``status``."""
    query = (
        select(Unit.id, Unit.code, Person.name)
        .join(Occupancy, Occupancy.unit_id == Unit.id, isouter=status == "vacant")
        .join(Person, Person.id == Occupancy.person_id, isouter=status == "vacant")
        .where(Unit.status == status)
        .order_by(Unit.id, Occupancy.id)
    )
    if status != "vacant":  # the current owner, not a former one
        query = query.where(Occupancy.end_date.is_(None))
    rows = session.execute(query).all()
    seen: dict[int, tuple[int, str, str]] = {}
    for uid, code, name in rows:
        seen.setdefault(uid, (uid, code, name or ""))
    return list(seen.values())[:limit]


def build_occupancy(session: Session, ctx: DemoContext) -> None:
    """Permits, inspections, refunds, key custody, move-ins and moving appointments."""
    rng = ctx.rng
    base = ctx.today
    new_owners = set(ctx.info.get("renovation_unit_ids") or [])  # type: ignore[call-overload]
    every_occupied = _units(session, "occupied", None)
    occupied = [u for u in every_occupied if u[0] not in new_owners][:40]
    occupied += _units(session, "rented", 10)
    rng.shuffle(occupied)
    vacant = _units(session, "vacant", 8)
    types = {t.code: t.id for t in inspections.list_violation_types(session)}
    plans = [
        # (state wanted, days since start, duration days)
        "applied", "applied", "approved", "approved", "approved_overdue",
        "approved_violation", "rejected", "cancelled", "accepted", "refunded", "refunded",
    ]  # fmt: skip
    ctx.progress(0.0, "装修申请")
    for n, state in enumerate(plans):
        if n >= len(occupied):
            break
        uid, _code, owner = occupied[n]
        contractor, contact = CONTRACTORS[n % len(CONTRACTORS)]
        started = {"applied": -3, "rejected": -5, "cancelled": -2}.get(state, 0)
        if state.startswith("approved"):
            started = 20 if state == "approved_overdue" else rng.randint(3, 15)
        elif state in ("accepted", "refunded"):
            started = rng.randint(70, 150)
        start = base - timedelta(days=started)
        length = 15 if state == "approved_overdue" else rng.randint(30, 60)
        workers = tuple(
            WorkerSpec(w, f"136{rng.randint(10_000_000, 99_999_999)}")
            for w in rng.sample(WORKERS, rng.randint(1, 4))
        )
        pid = permits.apply_for_permit(
            session,
            PermitApplication(
                unit_id=uid,
                owner_name=owner or "业主",
                owner_phone=f"139{rng.randint(10_000_000, 99_999_999)}",
                contractor=contractor,
                contractor_contact=contact,
                contractor_phone=f"137{rng.randint(10_000_000, 99_999_999)}",
                scope=SCOPES[n % len(SCOPES)],
                planned_start=start,
                planned_end=start + timedelta(days=length),
                deposit_fen=rng.choice((200_000, 300_000, 500_000)),
                workers=workers,
            ),
        )
        # decided two days before the start (today at the latest), at 15:00 or earlier
        decided = min(start - timedelta(days=2), base)
        decided_at = min(clock.local_datetime(decided, time(15, 0)), ctx.now)
        if state == "rejected":
            permits.reject_permit(
                session, pid, reason="方案涉及拆改承重墙，请修改后重新申请", at=decided_at
            )
            continue
        if state == "cancelled":
            permits.cancel_permit(session, pid, reason="业主暂缓装修")
            continue
        if state == "applied":
            if n == 0:
                permits.collect_deposit(session, pid, method="cash")
            continue
        permits.collect_deposit(session, pid, method="cash", paid_on=decided)
        permits.approve_permit(session, pid, at=decided_at)
        _inspect(session, pid, start, base, types, rng, state)
        accepted = min(start + timedelta(days=length), base)
        if state in ("accepted", "refunded"):
            permits.accept_permit(session, pid, on=accepted, note="验收合格")
        if state == "refunded":
            deductions = [Deduction("装修垃圾清运费", 15_000)] if n % 2 else []
            refund_on = min(accepted + timedelta(days=3), base)
            refund_deposit(session, pid, deductions=deductions, method="cash", on=refund_on)
        ctx.progress((n + 1) / len(plans) * 0.6, "装修申请")
    _keys(session, ctx, occupied[len(plans) : len(plans) + 6])
    ctx.progress(0.8, "钥匙托管")
    _moveins(session, ctx, vacant)
    _moveouts(session, ctx, [u for u, _c, _n in occupied[len(plans) + 6 :]], base)
    _moving(session, ctx, occupied[:4] + vacant[:2])
    ctx.progress(0.9, "装修中的房屋")
    _renovations_under_way(session, ctx, [u for u in every_occupied if u[0] in new_owners], types)
    ctx.progress(1.0, "入伙、搬家预约")


MAX_UNDER_WAY = 30
"""At most this many more permits under way for the registry's new owners (each goes
through the services), so a big estate's demo stays quick; the others stay occupied."""


def _renovations_under_way(
    session: Session,
    ctx: DemoContext,
    units: list[tuple[int, str, str]],
    types: dict[str, int],
) -> None:
    """Recent owners renovating now: applied, deposit taken, approved a few days before
    the start, inspected since (the unit shows 装修中 from the approval). The registry
    stores these units as occupied, so no unit is 装修中 without an active permit."""
    rng = ctx.rng
    chosen = sorted(rng.sample(units, min(len(units), MAX_UNDER_WAY)))
    for n, (uid, _code, owner) in enumerate(chosen):
        contractor, contact = CONTRACTORS[n % len(CONTRACTORS)]
        start = ctx.today - timedelta(days=rng.randint(3, 40))
        length = rng.randint(45, 90)
        pid = permits.apply_for_permit(
            session,
            PermitApplication(
                unit_id=uid,
                owner_name=owner or "业主",
                owner_phone=f"139{rng.randint(10_000_000, 99_999_999)}",
                contractor=contractor,
                contractor_contact=contact,
                contractor_phone=f"137{rng.randint(10_000_000, 99_999_999)}",
                scope=SCOPES[n % len(SCOPES)],
                planned_start=start,
                planned_end=start + timedelta(days=length),
                deposit_fen=rng.choice((200_000, 300_000, 500_000)),
                workers=tuple(
                    WorkerSpec(w, f"136{rng.randint(10_000_000, 99_999_999)}")
                    for w in rng.sample(WORKERS, rng.randint(1, 4))
                ),
            ),
        )
        decided = start - timedelta(days=2)
        permits.collect_deposit(session, pid, method="cash", paid_on=decided)
        permits.approve_permit(
            session, pid, at=clock.local_datetime(decided, time(rng.randint(9, 16), 30))
        )
        _inspect(session, pid, start, ctx.today, types, rng, "approved")
        ctx.progress(0.9 + 0.1 * (n + 1) / len(chosen), "装修中的房屋")


def _inspect(
    session: Session,
    pid: int,
    start: date,
    base: date,
    types: dict[str, int],
    rng: random.Random,
    state: str,
) -> None:
    days = [start + timedelta(days=d) for d in (1, 4, 9) if start + timedelta(days=d) <= base]
    for i, day in enumerate(days):
        found: list[ViolationSpec] = []
        if i == 1:
            code = rng.choice(["working_hours", "debris", "noise", "fire_safety"])
            found.append(
                ViolationSpec(types[code], "巡查发现，已告知现场负责人", day + timedelta(days=1))
            )
        insp = inspections.record_inspection(
            session,
            pid,
            inspector=rng.choice(["保安队长刘强", "工程部张工", "客服主管"]),
            violations=found,
            notes="现场施工正常" if not found else "",
            on=day,
        )
        if found and state != "approved_violation":
            for v in inspections_open(session, insp):
                inspections.follow_up_violation(
                    session, v, rectified=True, note="复查已整改", on=day + timedelta(days=1)
                )
    if state == "approved_violation":
        day = max(start, base - timedelta(days=4))
        inspections.record_inspection(
            session,
            pid,
            inspector="工程部张工",
            violations=[
                ViolationSpec(
                    types["load_bearing"], "卫生间墙体开槽过深，疑伤承重墙", day + timedelta(days=2)
                )
            ],
            notes="已拍照取证，要求停工整改",
            on=day,
        )


def inspections_open(session: Session, inspection_id: int) -> list[int]:
    """Open violation ids of one inspection."""
    return list(
        session.scalars(
            select(Violation.id).where(
                Violation.inspection_id == inspection_id, Violation.status == "open"
            )
        )
    )


def _keys(session: Session, ctx: DemoContext, units: list[tuple[int, str, str]]) -> None:
    rng = ctx.rng
    now = ctx.now
    for i, (uid, _code, owner) in enumerate(units):
        name = owner or "业主"
        helper = rng.choice(["周工", "保洁阿姨王姐", "亲戚李明"])
        dep = keys.deposit_key(
            session,
            unit_id=uid,
            deposited_by=name,
            phone=f"138{rng.randint(10_000_000, 99_999_999)}",
            purpose=rng.choice(["出差期间装修工人取用", "家政保洁取用", "外出旅游，托管备用钥匙"]),
            authorised=f"{name}、{helper}",
            key_count=rng.randint(1, 3),
            at=now - timedelta(days=rng.randint(5, 40)),
        )
        if i == 0:  # lent this morning, should have been back an hour ago
            lent = now - timedelta(hours=5)
            keys.lend_key(session, deposit_id=dep, borrower=helper, due_at=now - timedelta(hours=1),
                          signature=helper, purpose="进户施工", at=lent)  # fmt: skip
        elif i == 1:  # lent and due later today
            keys.lend_key(session, deposit_id=dep, borrower=helper, due_at=now + timedelta(hours=3),
                          signature=helper, purpose="保洁", at=now - timedelta(hours=1))  # fmt: skip
        elif i == 2:  # lent and returned last week
            at = now - timedelta(days=7)
            loan = keys.lend_key(session, deposit_id=dep, borrower=helper, due_at=at + timedelta(hours=4),
                                 signature=helper, at=at)  # fmt: skip
            keys.return_key(session, loan_id=loan, returned_by=helper, signature=helper,
                            at=at + timedelta(hours=2))  # fmt: skip
        elif i == 5:
            keys.withdraw_key(session, deposit_id=dep, withdrawn_by=name, at=now)
        if i >= 3:  # a ¥100 key deposit (钥匙押金) in the deposit ledger; given back on withdrawal
            row = session.get(KeyDeposit, dep)
            assert row is not None
            take_key_deposit(session, key_deposit_id=dep, amount_fen=10_000, method="cash",
                             on=clock.local_date(row.deposited_at))  # fmt: skip
            if i == 5:
                refund_key_deposit(session, key_deposit_id=dep, method="cash",
                                   on=clock.local_date(now))  # fmt: skip


def _moveins(session: Session, ctx: DemoContext, units: list[tuple[int, str, str]]) -> None:
    rng = ctx.rng
    names = ["陈晓东", "林美华", "黄志强", "何丽娟", "罗建平", "高雪梅"]
    for i, (uid, _code, _name) in enumerate(units[:5]):
        person = checklist.find_or_create_person(
            session, name=names[i % len(names)], phone=f"135{rng.randint(10_000_000, 99_999_999)}"
        )
        steps = i % 3
        form = MoveInForm(
            planned_on=ctx.today + timedelta(days=rng.randint(0, 10)),
            documents_checked=steps >= 1,
            documents_note="身份证、购房合同已核" if steps >= 1 else "",
            fees_settled=steps >= 2,
            water_reading_centi=rng.randint(0, 5_000) if steps >= 2 else None,
            keys=(("入户门钥匙", 3), ("信报箱钥匙", 1)) if steps >= 1 else (),
            card_numbers=f"MJ{rng.randint(10000, 99999)}" if steps >= 2 else "",
            parking_requested=steps == 2,
        )
        checklist.open_movein(
            session,
            unit_id=uid,
            person_id=person,
            role="owner" if i % 2 == 0 else "tenant",
            form=form,
        )


def _moving(session: Session, ctx: DemoContext, units: list[tuple[int, str, str]]) -> None:
    rng = ctx.rng
    start = ctx.today
    used: set[tuple[int, str]] = set()
    for i, (uid, _code, name) in enumerate(units):
        day_offset = i % 3
        slot = MOVING_SLOTS[i % len(MOVING_SLOTS)]
        if (day_offset, slot) in used:
            continue
        used.add((day_offset, slot))
        moving.book_moving(
            session,
            unit_id=uid,
            day=start + timedelta(days=day_offset),
            slot=slot,
            direction="out" if name and i % 2 else "in",
            contact_name=name or "新住户",
            contact_phone=f"135{rng.randint(10_000_000, 99_999_999)}",
            mover_company=rng.choice(["蚂蚁搬家", "大众搬家", "货拉拉"]),
            vehicle_plate=f"京{rng.choice('ABCEFGHJKLMNPQ')}{rng.randint(10000, 99999)}",
        )


def _last_reading(session: Session, unit_id: int, kind: str) -> int:
    value = session.scalar(
        select(func.max(MeterReading.reading_centi))
        .join(Meter, Meter.id == MeterReading.meter_id)
        .where(Meter.unit_id == unit_id, Meter.kind == kind)
    )
    return int(value or 0)


def _moveouts(session: Session, ctx: DemoContext, unit_ids: list[int], day: date) -> None:
    """A few tenants moved out today: one released by a manager while still owing (when a
    tenant owes), the others settled."""
    rng = ctx.rng
    owing: list[tuple[int, int, int]] = []
    settled: list[tuple[int, int, int]] = []
    for uid in unit_ids:
        occ = session.scalar(
            select(Occupancy.id).where(
                Occupancy.unit_id == uid,
                Occupancy.role == "tenant",
                Occupancy.end_date.is_(None),
                Occupancy.start_date <= day,
            )
        )
        if occ is not None:
            owed = moveout.open_arrears_fen(session, uid)
            (owing if owed else settled).append((uid, occ, owed))
    for uid, occ, owed in owing[:1] + settled[:2]:
        form = MoveOutForm(
            occupancy_id=occ,
            moved_out_on=day,
            water_reading_centi=_last_reading(session, uid, "water") + rng.randint(100, 900),
            electricity_reading_centi=_last_reading(session, uid, "electricity")
            + rng.randint(1_000, 9_000),
            keys_returned=rng.randint(2, 4),
            cards_returned=f"MJ{rng.randint(10000, 99999)}",
            waiver_reason="租户已承诺月底前转账补缴，经理同意先行放行" if owed else "",
            items_note=rng.choice(["家具、家电若干", "行李箱 6 件", "电动车 1 辆"]),
        )
        moveout.record_move_out(session, form)
