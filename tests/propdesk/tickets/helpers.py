"""Small fixtures shared by the service-desk tests: an estate, a unit, a person, staff."""

from __future__ import annotations

from dataclasses import dataclass

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.tickets import catalog
from propdesk.tickets.staff import save_staff

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
SUPERVISOR = Actor(user_id=None, username="li", display_name="李主管", role=Role.SUPERVISOR)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@dataclass(frozen=True)
class Desk:
    unit_id: int
    unit2_id: int
    person_id: int
    plumber_id: int
    cleaner_id: int


def category_id(db: Database, kind: str, code: str) -> int:
    with db.begin(CLERK) as s:
        return next(c.id for c in catalog.list_categories(s, kind) if c.code == code)


def make_desk(db: Database) -> Desk:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        u1 = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="89.56")
        u2 = reg.create_unit(s, building_id=bid, entrance=1, room="0301", area="120")
        pid = reg.create_person(s, name="张三", phone="13812345678")
        plumber = save_staff(
            s, staff_id=None, name="刘师傅", department="engineering", phone="13700001111"
        )
        cleaner = save_staff(s, staff_id=None, name="陈阿姨", department="cleaning")
    return Desk(u1, u2, pid, plumber, cleaner)
