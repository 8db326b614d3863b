"""A small estate for the call-desk tests: two buildings, a family sharing a number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@dataclass(frozen=True)
class CallEstate:
    building_1: int
    building_2: int
    unit_101: int  # 1-1-101, owner 张伟 13812345678, tenant 李娜 13900005678
    unit_202: int  # 2-1-202, owner 张伟 too (two households for one number)
    unit_303: int  # 2-1-303, owner 陈静, landline 0755-26881234
    zhang: int
    li: int
    chen: int


def make_estate(db: Database) -> CallEstate:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        b2 = reg.create_building(s, estate_id=eid, code="2", floors=18, entrances=1)
        u101 = reg.create_unit(s, building_id=b1, entrance=1, room="101", area="88")
        u202 = reg.create_unit(s, building_id=b2, entrance=1, room="202", area="90")
        u303 = reg.create_unit(s, building_id=b2, entrance=1, room="303", area="95")
        zhang = reg.create_person(s, name="张伟", phone="13812345678")
        li = reg.create_person(s, name="李娜", phone="13900005678")
        chen = reg.create_person(s, name="陈静", phone="0755-26881234")
        start = date(2020, 1, 1)
        reg.start_occupancy(s, person_id=zhang, unit_id=u101, role="owner", start_date=start)
        reg.start_occupancy(s, person_id=li, unit_id=u101, role="tenant", start_date=start)
        reg.start_occupancy(s, person_id=zhang, unit_id=u202, role="owner", start_date=start)
        reg.start_occupancy(s, person_id=chen, unit_id=u303, role="owner", start_date=start)
    return CallEstate(b1, b2, u101, u202, u303, zhang, li, chen)
