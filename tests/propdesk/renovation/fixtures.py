"""A small estate, actors and a permit factory for the renovation and move-in tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from propdesk.auth.actor import Actor, Role
from propdesk.clock import today
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.renovation import permits
from propdesk.renovation.values import PermitApplication, WorkerSpec

CLERK = Actor(user_id=None, username="clerk", display_name="李前台", role=Role.CLERK)
SUPERVISOR = Actor(user_id=None, username="sup", display_name="赵主管", role=Role.SUPERVISOR)
MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)


@dataclass(frozen=True)
class Place:
    unit_ids: tuple[int, int, int]  # 1-1-0101 and 1-1-0102 (same entrance), 1-2-0201
    person_ids: tuple[int, int]


def make_place(db: Database) -> Place:
    with db.begin(Actor.system()) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=2)
        u1 = reg.create_unit(s, building_id=b, entrance=1, room="0101", area="89.56")
        u2 = reg.create_unit(s, building_id=b, entrance=1, room="0102", area="120")
        u3 = reg.create_unit(s, building_id=b, entrance=2, room="0201", area="75.05")
        p1 = reg.create_person(s, name="张三", phone="13812345678")
        p2 = reg.create_person(s, name="李四", phone="13987654321")
        return Place((u1, u2, u3), (p1, p2))


def application(
    unit_id: int, *, deposit_fen: int = 200_000, start: date | None = None
) -> PermitApplication:
    start = start or today() - timedelta(days=5)
    return PermitApplication(
        unit_id=unit_id,
        owner_name="张三",
        owner_phone="13812345678",
        contractor="安居装饰公司",
        contractor_contact="周工",
        contractor_phone="13700001111",
        scope="厨卫翻新、墙面刷漆",
        planned_start=start,
        planned_end=start + timedelta(days=30),
        deposit_fen=deposit_fen,
        workers=(WorkerSpec("钱师傅", "13600000001"), WorkerSpec("孙师傅")),
    )


def approved_permit(db: Database, unit_id: int, *, deposit_fen: int = 200_000) -> int:
    with db.begin(CLERK) as s:
        pid = permits.apply_for_permit(s, application(unit_id, deposit_fen=deposit_fen))
        if deposit_fen:
            permits.collect_deposit(s, pid, method="cash")
    with db.begin(SUPERVISOR) as s:
        permits.approve_permit(s, pid)
    return pid
