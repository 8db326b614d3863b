"""Demo step 10: the estate, its towers, units, parking spaces, people and occupancies.

Who lives where is decided per unit by status: a vacant unit (≈8%) has no current
occupant; an occupied one has its owner (sometimes a co-owner spouse) and family; a
rented one (≈15%) an owner who lives elsewhere plus tenants; one about to renovate (≈4%) a
recent owner, stored as occupied (装修中 is only shown while a renovation permit is active:
the renovation step approves permits for some of them, listed in
``ctx.info["renovation_unit_ids"]``). About 10% of units carry history: a previous owner whose occupancy ended at a
sale, and some rented units a previous tenant. A few owners (investors) own several
units. Every row goes in with bulk ``insert()``; ids come back through RETURNING.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.demo.bulk import insert_with_ids, reserve_ids
from propdesk.demo.layout import BuildingPlan, UnitPlan, plan_buildings, plan_units
from propdesk.demo.people import DemoPerson, PeopleFactory, years_before
from propdesk.demo.steps import DemoContext
from propdesk.pii.index import person_lookup
from propdesk.registry.models import (
    Building,
    Estate,
    Occupancy,
    OccupancyRole,
    ParkingKind,
    ParkingSpace,
    Person,
    Unit,
    UnitStatus,
    UnitType,
)
from propdesk.registry.unit_sort import refresh_unit_sort

# Other modules' demo steps imported these under their first, private names.
_insert_ids = insert_with_ids
_reserve_ids = reserve_ids

PARKING_PER_UNIT = 0.6
_OWNER_END_REASONS = ("房屋出售", "产权过户", "房屋出售", "继承过户")
_TENANT_END_REASONS = ("租约到期", "租约到期", "提前退租")
_PERSON_NOTES = (
    "长期在外地，急事请拨备用电话",
    "养犬一只，已办理犬证",
    "行动不便，送件请上门",
    "不接受电话回访，请发短信",
    "白天家中无人，快递请放驿站",  # not 独居: the care step flags who lives alone
)
_PARKING_NOTES = ("已安装充电桩", "子母车位", "靠近电梯厅")


@dataclass
class _People:
    """People to insert (``rows``) and occupancies referring to them by row index."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    occupancies: list[tuple[int, int, str, date, date | None, str]] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)

    def add(
        self,
        factory: PeopleFactory,
        person: DemoPerson,
        *,
        emergency: DemoPerson | None = None,
        notes: str = "",
        phone2: str = "",
    ) -> int:
        initials, full = factory.pinyin(person)
        self.rows.append(
            {
                "name": person.name,
                "name_initials": initials,
                "name_pinyin": full,
                "phone": person.phone,
                "phone2": phone2,
                "id_number": person.id_number,
                "emergency_contact": emergency.name if emergency else "",
                "emergency_phone": emergency.phone if emergency else "",
                "notes": notes,
            }
        )
        return len(self.rows) - 1

    def occupy(
        self,
        person: int,
        unit: int,
        role: OccupancyRole,
        start: date,
        end: date | None = None,
        reason: str = "",
    ) -> None:
        self.occupancies.append((person, unit, role.value, start, end, reason))


def build_registry(session: Session, ctx: DemoContext) -> None:
    """Create the demo estate for ``ctx.units`` units.

    Sets ``ctx.estate_id`` and these ``ctx.info`` keys for later steps:

    - ``"estate_name"`` (str) and ``"handover_date"`` (date the estate was delivered);
    - ``"building_ids"``: list of building ids, in code order;
    - ``"unit_ids"``: list of every unit id, in code order;
    - ``"units"``: list of dicts ``{"id", "building_id", "code", "floor", "area_centi",
      "unit_type", "status"}``, in code order;
    - ``"vacant_unit_ids"``: units with no current occupant;
    - ``"person_ids"``: every person id, in insertion order;
    - ``"owner_by_unit"``: unit id → the current (first) owner's person id (not for vacant);
    - ``"tenant_by_unit"``: unit id → the current main tenant's person id (rented units);
    - ``"residents_by_unit"``: unit id → person ids of every current occupant;
    - ``"renovation_unit_ids"``: units of recent owners about to renovate (stored as
      occupied; the renovation step gives some of them an approved permit);
    - ``"parking_ids"``: every parking space id; ``"parking_by_unit"``: unit id → space ids.
    """
    rng = ctx.rng
    now = clock.now(session)
    estate_name = str(ctx.info.get("estate_name") or "翠湖花园")
    handover = years_before(ctx.today, rng.randint(6, 12)).replace(day=1)
    ctx.progress(0.0, "规划楼栋与房屋…")
    plans = plan_buildings(rng, ctx.units)
    unit_plans = plan_units(rng, plans, ctx.units)

    ctx.estate_id = session.execute(
        insert(Estate).returning(Estate.id),
        [
            {
                "name": estate_name,
                "address": "深圳市南山区沙河西路" + str(rng.randint(1, 300)) + "号",
                "phone": f"0755-86{rng.randrange(1_000_000):06d}",
                "company": "深圳市安居物业服务有限公司",
                "created_at": now,
                "updated_at": now,
            }
        ],
    ).scalar_one()
    building_ids = insert_with_ids(
        session, Building, [_building_row(ctx.estate_id, p, now) for p in plans]
    )
    ctx.progress(0.1, f"写入 {len(unit_plans)} 套房屋…")
    unit_ids = insert_with_ids(
        session,
        Unit,
        [
            {
                "estate_id": ctx.estate_id,
                "building_id": building_ids[u.building],
                "code": u.code,
                "entrance": u.entrance,
                "floor": u.floor,
                "room": u.room,
                "area_centi": u.area_centi,
                "unit_type": u.unit_type,
                "status": _stored_status(u.status),
                "notes": "",
                "created_at": now,
                "updated_at": now,
            }
            for u in unit_plans
        ],
    )

    ctx.progress(0.25, "生成业主、租户与家属…")
    factory = PeopleFactory(rng, ctx.today)
    people = _People()
    for index, plan in enumerate(unit_plans):
        _occupants(rng, factory, people, index, plan, handover, ctx.today)
        if index % 2000 == 1999:
            ctx.progress(0.25 + 0.4 * index / len(unit_plans), "生成业主、租户与家属…")

    ctx.progress(0.65, f"写入 {len(people.rows)} 位住户…")
    for row in people.rows:
        row["created_at"] = row["updated_at"] = now
        row.update(person_lookup(row.get("phone"), row.get("id_number")))
    person_ids = insert_with_ids(session, Person, people.rows)
    ctx.progress(0.8, f"写入 {len(people.occupancies)} 条入住记录…")
    session.execute(
        insert(Occupancy),
        [
            {
                "person_id": person_ids[p],
                "unit_id": unit_ids[u],
                "role": role,
                "start_date": start,
                "end_date": end,
                "end_reason": reason,
            }
            for p, u, role, start, end, reason in people.occupancies
        ],
    )
    refresh_unit_sort(session)  # the people list's Units sort key

    ctx.progress(0.9, "生成车位…")
    residents: dict[int, list[int]] = {}
    owner_by_unit: dict[int, int] = {}
    tenant_by_unit: dict[int, int] = {}
    for p, u, role, _start, end, _reason in people.occupancies:
        if end is not None:
            continue
        uid, pid = unit_ids[u], person_ids[p]
        residents.setdefault(uid, []).append(pid)
        if role == OccupancyRole.OWNER.value:
            owner_by_unit.setdefault(uid, pid)
        elif role == OccupancyRole.TENANT.value:
            tenant_by_unit.setdefault(uid, pid)
    parking_rows, parking_units = _parking(rng, factory, ctx.estate_id, unit_plans, unit_ids, now)
    parking_ids = insert_with_ids(session, ParkingSpace, parking_rows) if parking_rows else []
    parking_by_unit: dict[int, list[int]] = {}
    for space_id, linked_unit in zip(parking_ids, parking_units, strict=True):
        if linked_unit is not None:
            parking_by_unit.setdefault(linked_unit, []).append(space_id)

    ctx.info.update(
        {
            "estate_name": estate_name,
            "handover_date": handover,
            "building_ids": building_ids,
            "unit_ids": unit_ids,
            "units": [
                {
                    "id": uid,
                    "building_id": building_ids[u.building],
                    "code": u.code,
                    "floor": u.floor,
                    "area_centi": u.area_centi,
                    "unit_type": u.unit_type,
                    "status": _stored_status(u.status),
                }
                for uid, u in zip(unit_ids, unit_plans, strict=True)
            ],
            "vacant_unit_ids": [
                uid
                for uid, u in zip(unit_ids, unit_plans, strict=True)
                if u.status == UnitStatus.VACANT.value
            ],
            "person_ids": person_ids,
            "owner_by_unit": owner_by_unit,
            "tenant_by_unit": tenant_by_unit,
            "residents_by_unit": residents,
            "renovation_unit_ids": [
                uid
                for uid, u in zip(unit_ids, unit_plans, strict=True)
                if u.status == UnitStatus.RENOVATING.value
            ],
            "parking_ids": parking_ids,
            "parking_by_unit": parking_by_unit,
        }
    )
    ctx.progress(1.0, "房产与住户资料已生成")


def _stored_status(planned: str) -> str:
    """A unit planned to renovate is stored as occupied by its new owner: only approving a
    renovation permit shows it as 装修中 (the renovation step does that)."""
    return UnitStatus.OCCUPIED.value if planned == UnitStatus.RENOVATING.value else planned


def _building_row(estate_id: int, plan: BuildingPlan, now: object) -> dict[str, Any]:
    return {
        "estate_id": estate_id,
        "code": plan.code,
        "name": f"{plan.code}栋",
        "floors": plan.floors,
        "entrances": plan.entrances,
        "has_elevator": plan.floors > 6,
        "sort_key": int(plan.code),
        "created_at": now,
        "updated_at": now,
    }


def _day_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _occupants(
    rng: random.Random,
    factory: PeopleFactory,
    people: _People,
    unit: int,
    plan: UnitPlan,
    handover: date,
    today: date,
) -> None:
    """Add the people of one unit (current and past) to ``people``."""
    latest = today - timedelta(days=30)
    history = rng.random() < 0.10
    status = plan.status
    if status == UnitStatus.VACANT.value:
        if history:  # the former owner moved out; the unit now stands empty
            former = people.add(factory, factory.person())
            start = _day_between(rng, handover, handover + timedelta(days=365))
            end = _day_between(rng, start + timedelta(days=365), latest)
            people.occupy(former, unit, OccupancyRole.OWNER, start, end, "业主迁出，房屋空置")
        return

    if status == UnitStatus.RENOVATING.value:
        owner_start = _day_between(rng, today - timedelta(days=300), latest)
    elif history:
        owner_start = _day_between(rng, handover + timedelta(days=730), latest)
    elif rng.random() < 0.6:
        owner_start = _day_between(rng, handover, handover + timedelta(days=365))
    else:
        owner_start = _day_between(rng, handover, latest)
    second_hand = status == UnitStatus.RENOVATING.value and rng.random() < 0.5
    if (history or second_hand) and owner_start > handover + timedelta(days=400):
        former = people.add(factory, factory.person())
        start = _day_between(rng, handover, owner_start - timedelta(days=365))
        people.occupy(
            former,
            unit,
            OccupancyRole.OWNER,
            start,
            owner_start,
            rng.choice(_OWNER_END_REASONS),
        )

    # The owner: sometimes an investor who already owns another unit here.
    investor_chance = 0.2 if status == UnitStatus.RENTED.value else 0.02
    if people.owners and rng.random() < investor_chance:
        owner = rng.choice(people.owners)
        owner_person: DemoPerson | None = None
    else:
        owner_person = factory.person(min_age=28, max_age=72)
        emergency = factory.person(with_id=False) if rng.random() < 0.4 else None
        owner = people.add(
            factory,
            owner_person,
            emergency=emergency,
            notes=rng.choice(_PERSON_NOTES) if rng.random() < 0.03 else "",
            phone2=factory.phone() if rng.random() < 0.1 else "",
        )
        people.owners.append(owner)
    people.occupy(owner, unit, OccupancyRole.OWNER, owner_start)

    spouse: DemoPerson | None = None
    if owner_person is not None and plan.unit_type == UnitType.RESIDENCE.value:
        if rng.random() < 0.3:
            spouse = _spouse(factory, owner_person)
            people.occupy(people.add(factory, spouse), unit, OccupancyRole.CO_OWNER, owner_start)
        elif status == UnitStatus.OCCUPIED.value and rng.random() < 0.6:
            spouse = _spouse(factory, owner_person)
            people.occupy(people.add(factory, spouse), unit, OccupancyRole.FAMILY, owner_start)

    if status == UnitStatus.OCCUPIED.value and owner_person is not None:
        if plan.unit_type == UnitType.RESIDENCE.value:
            # Children take the father's surname.
            father = spouse if spouse is not None and not owner_person.male else owner_person
            _family(rng, factory, people, unit, owner_person, father.surname, owner_start)
    elif status == UnitStatus.RENTED.value:
        _tenants(rng, factory, people, unit, plan, owner_start, today)


def _spouse(factory: PeopleFactory, owner: DemoPerson) -> DemoPerson:
    age = factory.today.year - owner.birth.year
    return factory.person(
        min_age=max(22, age - 5),
        max_age=min(80, age + 5),
        male=not owner.male,
    )


def _family(
    rng: random.Random,
    factory: PeopleFactory,
    people: _People,
    unit: int,
    owner: DemoPerson,
    child_surname: str,
    owner_start: date,
) -> None:
    owner_age = factory.today.year - owner.birth.year
    for _ in range(rng.choice((0, 1, 1, 1, 2, 2))):
        max_age = min(30, owner_age - 22)
        if max_age < 0:
            break
        child = factory.person(
            min_age=0,
            max_age=max_age,
            surname=child_surname,
            with_phone=False,
            with_id=rng.random() < 0.8,
        )
        if factory.today.year - child.birth.year >= 14:
            child = DemoPerson(
                child.name, child.surname, child.male, child.birth, factory.phone(), child.id_number
            )
        index = people.add(factory, child)
        people.occupy(index, unit, OccupancyRole.FAMILY, max(owner_start, child.birth))
    if rng.random() < 0.15 and owner_age < 60:
        parent = factory.person(
            min_age=owner_age + 22, max_age=min(95, owner_age + 38), surname=owner.surname
        )
        index = people.add(factory, parent, notes="老人" if rng.random() < 0.2 else "")
        people.occupy(index, unit, OccupancyRole.FAMILY, owner_start)


def _tenants(
    rng: random.Random,
    factory: PeopleFactory,
    people: _People,
    unit: int,
    plan: UnitPlan,
    owner_start: date,
    today: date,
) -> None:
    start = _day_between(rng, max(owner_start, today - timedelta(days=3 * 365)), today)
    if rng.random() < 0.4 and start > owner_start + timedelta(days=400):
        former = people.add(factory, factory.person(min_age=22, max_age=60))
        former_start = _day_between(rng, owner_start, start - timedelta(days=365))
        end = _day_between(rng, start - timedelta(days=30), start)
        people.occupy(
            former, unit, OccupancyRole.TENANT, former_start, end, rng.choice(_TENANT_END_REASONS)
        )
    tenant_person = factory.person(min_age=22, max_age=60)
    tenant = people.add(factory, tenant_person)
    people.occupy(tenant, unit, OccupancyRole.TENANT, start)
    if plan.unit_type != UnitType.RESIDENCE.value:
        return
    if rng.random() < 0.3:  # flat-sharing: a second tenant
        people.occupy(
            people.add(factory, factory.person(min_age=22, max_age=45)),
            unit,
            OccupancyRole.TENANT,
            start,
        )
    elif rng.random() < 0.5:
        people.occupy(
            people.add(factory, _spouse(factory, tenant_person)), unit, OccupancyRole.FAMILY, start
        )


def _parking(
    rng: random.Random,
    factory: PeopleFactory,
    estate_id: int,
    unit_plans: list[UnitPlan],
    unit_ids: list[int],
    now: object,
) -> tuple[list[dict[str, Any]], list[int | None]]:
    """≈0.6 spaces per unit on basement levels of 500; owned ones belong to lived-in units."""
    lived_in = [
        unit_ids[i] for i, u in enumerate(unit_plans) if u.status != UnitStatus.VACANT.value
    ]
    count = round(len(unit_plans) * PARKING_PER_UNIT)
    rows: list[dict[str, Any]] = []
    linked: list[int | None] = []
    for i in range(count):
        owned = rng.random() < 0.55
        unit_id = rng.choice(lived_in) if lived_in and (owned or rng.random() < 0.8) else None
        rows.append(
            {
                "estate_id": estate_id,
                "code": f"B{i // 500 + 1}-{i % 500 + 1:03d}",
                "kind": (ParkingKind.OWNED if owned and unit_id else ParkingKind.RENTED).value,
                "unit_id": unit_id,
                "plate": factory.plate() if unit_id is not None else "",
                "notes": rng.choice(_PARKING_NOTES) if rng.random() < 0.05 else "",
                "created_at": now,
                "updated_at": now,
            }
        )
        linked.append(unit_id)
    return rows, linked
