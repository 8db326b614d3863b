"""Actors and a small estate for fee tests: two buildings (one with an elevator), a few units and a parking space."""

from __future__ import annotations

from dataclasses import dataclass

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry.models import ParkingSpace

MANAGER = Actor(user_id=None, username="mgr", display_name="王经理", role=Role.MANAGER)
CLERK = Actor(user_id=None, username="clerk", display_name="李前台", role=Role.CLERK)
SUPERVISOR = Actor(user_id=None, username="sup", display_name="赵主管", role=Role.SUPERVISOR)


@dataclass(frozen=True)
class Estate:
    estate_id: int
    building_ids: tuple[int, int]
    unit_ids: tuple[int, ...]  # 1-1-0101 (89.56 m²), 1-1-0102 (120.00), 2-1-0101 (75.05)
    space_id: int  # parking space linked to the first unit


def make_estate(db: Database) -> Estate:
    with db.begin(Actor.system()) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        b1 = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        b2 = reg.create_building(
            s, estate_id=eid, code="2", floors=6, entrances=1, has_elevator=False
        )
        u1 = reg.create_unit(s, building_id=b1, entrance=1, room="0101", area="89.56")
        u2 = reg.create_unit(s, building_id=b1, entrance=1, room="0102", area="120")
        u3 = reg.create_unit(s, building_id=b2, entrance=1, room="0101", area="75.05")
        space = ParkingSpace(estate_id=eid, code="P-001", unit_id=u1)
        s.add(space)
        s.flush()
        return Estate(eid, (b1, b2), (u1, u2, u3), space.id)


def set_standard_rates(db: Database) -> None:
    """物业费 1.85 元/m², 电梯费 30 元/户, 车位管理费 150 元/个 from 2025-01-01."""
    from datetime import date

    from propdesk.fees.items import set_rate

    with db.begin(MANAGER) as s:
        set_rate(s, item_code="property", effective_from=date(2025, 1, 1), rate_fen=185)
        set_rate(s, item_code="elevator", effective_from=date(2025, 1, 1), rate_fen=3000)
        set_rate(s, item_code="parking", effective_from=date(2025, 1, 1), rate_fen=15000)
