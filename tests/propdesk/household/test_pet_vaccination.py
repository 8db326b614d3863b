"""A pet's last vaccination over a year ago is flagged for the desk (never refused)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.household import queries as hq
from propdesk.household import services as hh
from propdesk.household.services import PetSpec
from propdesk.household.values import vaccination_overdue
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@pytest.mark.parametrize(
    ("vaccinated", "today", "overdue"),
    [
        (None, date(2026, 12, 7), False),
        (date(2025, 12, 7), date(2026, 12, 7), False),  # exactly a year: not yet
        (date(2025, 12, 6), date(2026, 12, 7), True),
        (date(2026, 6, 1), date(2026, 12, 7), False),
        (date(2027, 2, 28), date(2028, 2, 29), False),  # a year back from 29 Feb
        (date(2027, 2, 27), date(2028, 2, 29), True),
    ],
)
def test_vaccination_overdue(vaccinated: date | None, today: date, overdue: bool) -> None:
    assert vaccination_overdue(vaccinated, today) is overdue


def test_unit_pets_flag_an_old_vaccination(db: Database) -> None:
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        unit = reg.create_unit(s, building_id=bid, entrance=1, room="101", area="88")
    with db.begin(CLERK) as s:
        today = clock.today(s)
        hh.add_pet(s, unit, PetSpec("dog", "旺财", today - timedelta(days=400)))  # saved
        hh.add_pet(s, unit, PetSpec("cat", "咪咪", today - timedelta(days=30)))
        hh.add_pet(s, unit, PetSpec("cat", "花花"))
    with db.begin(CLERK) as s:
        flags = [(p.name, p.vaccination_overdue) for p in hq.unit_pets(s, unit)]
    assert flags == [("旺财", True), ("咪咪", False), ("花花", False)]
