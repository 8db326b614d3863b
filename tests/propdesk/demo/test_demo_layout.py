from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from propdesk.demo.layout import plan_buildings, plan_units
from propdesk.registry.models import UnitStatus, UnitType
from propdesk.registry.validation import validate_unit_code


@settings(max_examples=60, deadline=None)
@given(units=st.integers(min_value=1, max_value=3000), seed=st.integers(0, 2**32))
def test_exactly_the_units_asked_for(units: int, seed: int) -> None:
    rng = random.Random(seed)
    buildings = plan_buildings(rng, units)
    plans = plan_units(rng, buildings, units)
    assert len(plans) == units
    codes = [u.code for u in plans]
    assert len(set(codes)) == units
    for u in plans:
        assert validate_unit_code(u.code) == u.code
        b = buildings[u.building]
        assert 1 <= u.entrance <= b.entrances
        assert 1 <= u.floor <= b.floors
        assert u.code == f"{b.code}-{u.entrance}-{u.room}"
    # every tower but the last is a full high-rise
    for b in buildings[:-1]:
        assert 18 <= b.floors <= 33
        assert 2 <= b.entrances <= 4
        assert 2 <= b.rooms_per_floor <= 4


def test_areas_and_statuses_are_realistic() -> None:
    rng = random.Random(3)
    buildings = plan_buildings(rng, 5000)
    plans = plan_units(rng, buildings, 5000)
    statuses = Counter(u.status for u in plans if u.unit_type == UnitType.RESIDENCE)
    homes = sum(statuses.values())
    assert 0.05 < statuses[UnitStatus.VACANT] / homes < 0.11
    assert 0.12 < statuses[UnitStatus.RENTED] / homes < 0.18
    assert statuses[UnitStatus.RENOVATING] > 0
    for u in plans:
        if u.unit_type == UnitType.RESIDENCE:
            assert 6000 <= u.area_centi <= 18000
        else:
            assert u.floor == 1
            assert 3000 <= u.area_centi <= 15000
    # one floor plan per room stack: the same room number has the same area on every floor
    stacks: dict[tuple[int, int, str], set[int]] = {}
    for u in plans:
        if u.unit_type == UnitType.RESIDENCE:
            stacks.setdefault((u.building, u.entrance, u.room[-2:]), set()).add(u.area_centi)
    assert all(len(areas) == 1 for areas in stacks.values())
    assert any(b.shops for b in buildings)
