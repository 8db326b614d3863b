from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, ValidationError
from propdesk.registry import services as reg
from propdesk.registry.models import Unit
from propdesk.registry.setup import (
    EstatePattern,
    plan_units,
    set_up_estate,
    unit_count,
    update_estate,
)
from propdesk.registry.validation import UNIT_CODE

PATTERN = EstatePattern(
    "翠湖花园", buildings=2, floors=3, entrances=2, rooms_per_floor=2, area="89.5"
)


def test_plan_numbers_rooms_by_floor_and_position() -> None:
    codes = [u.code for u in plan_units(PATTERN)]
    assert len(codes) == unit_count(PATTERN) == 24
    assert codes[:6] == ["1-1-101", "1-1-102", "1-1-201", "1-1-202", "1-1-301", "1-1-302"]
    assert codes[-1] == "2-2-302"


@given(
    buildings=st.integers(1, 3),
    floors=st.integers(1, 99),
    entrances=st.integers(1, 9),
    rooms=st.integers(1, 20),
)
def test_planned_codes_are_unique_and_valid(
    buildings: int, floors: int, entrances: int, rooms: int
) -> None:
    pattern = EstatePattern("x", buildings, floors, entrances, rooms, "80")
    codes = [u.code for u in plan_units(pattern)]
    assert len(codes) == len(set(codes)) == unit_count(pattern)
    assert all(UNIT_CODE.match(c) for c in codes)


def test_set_up_creates_estate_buildings_and_units(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        result = set_up_estate(s, PATTERN)
    assert (result.buildings, result.units) == (2, 24)
    with db.begin(Actor.system()) as s:
        assert reg.get_estate(s).name == "翠湖花园"
        assert [(b.code, b.unit_count, b.floors) for b in reg.list_buildings(s)] == [
            ("1", 12, 3),
            ("2", 12, 3),
        ]
        unit = reg.get_unit(s, reg.unit_id_by_code(s, "2-2-302"))
        assert (unit.floor, unit.room, unit.area_centi, unit.status) == (3, "302", 8950, "vacant")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"estate_name": " "}, "estate_name"),
        ({"buildings": 0}, "buildings"),
        ({"floors": 100}, "floors"),
        ({"entrances": 0}, "entrances"),
        ({"rooms_per_floor": 21}, "rooms_per_floor"),
        ({"area": "abc"}, "area"),
        ({"buildings": 99, "floors": 99, "entrances": 9, "rooms_per_floor": 20}, "buildings"),
    ],
)
def test_bad_pattern_creates_nothing(db: Database, change: dict[str, object], field: str) -> None:
    pattern = EstatePattern(**{**PATTERN.__dict__, **change})  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as err, db.begin(Actor.system()) as s:
        set_up_estate(s, pattern)
    assert err.value.field == field
    with db.begin(Actor.system()) as s:
        assert not reg.has_estate(s)


def test_set_up_twice_is_refused(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        set_up_estate(s, PATTERN)
    with pytest.raises(Conflict), db.begin(Actor.system()) as s:
        set_up_estate(s, PATTERN)
    with db.begin(Actor.system()) as s:
        assert s.scalar(select(func.count(Unit.id))) == 24


def test_update_estate_info_checks_version_and_phone(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        eid = set_up_estate(s, PATTERN).estate_id
        version = reg.get_estate(s).version
    with pytest.raises(ValidationError) as err, db.begin(Actor.system()) as s:
        update_estate(s, eid, expected_version=version, name="翠湖花园", phone="123")
    assert err.value.field == "phone"
    with db.begin(Actor.system()) as s:
        update_estate(s, eid, expected_version=version, name="翠湖花园二期", phone="0755-12345678")
    with db.begin(Actor.system()) as s:
        info = reg.get_estate(s)
        assert (info.name, info.phone) == ("翠湖花园二期", "0755-12345678")
    with pytest.raises(Conflict), db.begin(Actor.system()) as s:
        update_estate(s, eid, expected_version=version, name="旧版本")


def test_update_estate_needs_the_registry_permission(db: Database) -> None:
    with db.begin(Actor.system()) as s:
        eid = set_up_estate(s, PATTERN).estate_id
    finance = Actor(user_id=None, username="f", display_name="财务", role=Role.FINANCE)
    with pytest.raises(NotAllowed), db.begin(finance) as s:
        update_estate(s, eid, expected_version=None, name="改名")
