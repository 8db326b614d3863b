"""Fixtures shared by the desk tests: a small estate (two vacant units, one lived in) and a route."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.desk import routes
from propdesk.desk.routes import CheckpointSpec
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
NIGHT_CLERK = Actor(user_id=None, username="zhou", display_name="周夜班", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@dataclass(frozen=True)
class Estate:
    vacant_a: int  # 3-2-1501
    vacant_b: int  # 3-2-1601
    lived_in: int  # 3-1-101
    route_id: int  # 大堂 → 电梯 → 消防 → 空置房 3-2-1501


def local(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A local desk time as an aware UTC datetime."""
    return clock.local_datetime(day, time(hour, minute)).astimezone(UTC)


def make_estate(db: Database) -> Estate:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        a = reg.create_unit(s, building_id=bid, entrance=2, room="1501", area="120")
        b = reg.create_unit(s, building_id=bid, entrance=2, room="1601", area="120")
        c = reg.create_unit(s, building_id=bid, entrance=1, room="101", area="65.5")
        pid = reg.create_person(s, name="王五", phone="13700002222")
        reg.start_occupancy(s, person_id=pid, unit_id=c, role="owner", start_date=date(2020, 1, 1))
        route = routes.save_route(
            s,
            name="日间巡查",
            checkpoints=[
                CheckpointSpec("大堂", "lobby", "地面、门禁、照明"),
                CheckpointSpec("3号楼电梯", "elevator", "运行、应急电话"),
                CheckpointSpec("消防设施", "fire", "灭火器压力、消防通道畅通"),
                CheckpointSpec("空置房 3-2-1501", "vacant", "门窗、水电", unit_id=a),
            ],
        )
    return Estate(a, b, c, route)
