"""The gate finds a vehicle's unit by the end of its plate, typed without the province
(``C7VGV9``, ``7vgv9``, ``c7v gv9``), through an index; short text matches no plate; the
migration that adds the column fills it for the vehicles already registered."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from alembic import command
from sqlalchemy import event, inspect, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.db.migrate import alembic_config
from propdesk.household import services as hh
from propdesk.household.models import HouseholdVehicle
from propdesk.household.plates import MIN_TAIL, plate_tail_query
from propdesk.household.search import find_plates
from propdesk.household.services import VehicleSpec
from propdesk.registry import search as registry_search
from propdesk.registry import services as reg

CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)
MANAGER = Actor(user_id=None, username="zhao", display_name="赵经理", role=Role.MANAGER)


@pytest.fixture
def plates(db: Database) -> dict[str, int]:
    """Three units: 粤C7VGV9, 粤A7VGV9 (same last five) and a new-energy 粤BD12345; a
    removed 粤E55555 on the first."""
    with db.begin(MANAGER) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="4", floors=18, entrances=3)
        u1 = reg.create_unit(s, building_id=bid, entrance=3, room="902", area="88")
        u2 = reg.create_unit(s, building_id=bid, entrance=1, room="101", area="88")
        u3 = reg.create_unit(s, building_id=bid, entrance=1, room="201", area="88")
        owner = reg.create_person(s, name="张伟", phone="13812345678")
        reg.start_occupancy(
            s, person_id=owner, unit_id=u1, role="owner", start_date=date(2020, 1, 1)
        )
    with db.begin(CLERK) as s:
        hh.add_vehicle(s, u1, VehicleSpec("粤C7VGV9"))
        hh.add_vehicle(s, u2, VehicleSpec("粤A7VGV9"))
        hh.add_vehicle(s, u3, VehicleSpec("粤BD12345", kind="nev"))
        gone = hh.add_vehicle(s, u1, VehicleSpec("粤E55555"))
        hh.remove_vehicle(s, gone.id)
    return {"4-3-902": u1, "4-1-101": u2, "4-1-201": u3}


def _found(db: Database, text: str) -> list[tuple[str, str]]:
    """(unit code, subtitle) of the search box's plate hits for ``text``."""
    with db.begin(CLERK) as s:
        hits = registry_search.search(s, text)
    return [(h.title, h.subtitle) for h in hits if h.subtitle.startswith("车牌")]


def test_plate_found_without_its_province(db: Database, plates: dict[str, int]) -> None:
    for text in ("C7VGV9", "c7vgv9", "c7v gv9", "C7V·GV9", "c7v.gv9", " C7VGV9 "):
        assert _found(db, text) == [("4-3-902", "车牌 粤C7VGV9  小型车")], text
    # without the issuing letter too: both plates ending so, in plate order
    assert [code for code, _ in _found(db, "7vgv9")] == ["4-1-101", "4-3-902"]
    with db.begin(CLERK) as s:
        hits = registry_search.search(s, "C7VGV9")
    assert [(h.kind, h.id) for h in hits] == [("unit", plates["4-3-902"])]
    # a new-energy plate by its last six, five (digits only) or seven
    for text in ("D12345", "12345", "BD12345"):
        assert [code for code, _ in _found(db, text)] == ["4-1-201"], text
    # the province form still works
    assert [code for code, _ in _found(db, "粤c7vgv9")] == ["4-3-902"]


def test_short_or_removed_ends_match_nothing(db: Database, plates: dict[str, int]) -> None:
    assert MIN_TAIL == 5
    for text in ("V9", "GV9", "VGV9", "C7", "345", "2345"):
        assert plate_tail_query(text) is None, text
        assert _found(db, text) == [], text
        with db.begin(CLERK) as s:
            assert find_plates(s, text, limit=30) == [], text
    assert _found(db, "55555") == []  # removed: its plate is no longer looked up
    assert _found(db, "X7VGV9") == []  # the end must match whole


def test_the_end_of_a_plate_is_found_through_the_index(sqlite_db: Database) -> None:
    ran: list[tuple[str, Any]] = []

    def grab(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        ran.append((statement, parameters))

    event.listen(sqlite_db.engine, "before_cursor_execute", grab)
    try:
        with sqlite_db.begin(CLERK) as s:
            find_plates(s, "C7VGV9", limit=30)
    finally:
        event.remove(sqlite_db.engine, "before_cursor_execute", grab)
    ((sql, params),) = [(q, p) for q, p in ran if "household_vehicle" in q]
    with sqlite_db.engine.connect() as conn:
        plan = [str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
    on_vehicle = [step for step in plan if "household_vehicle" in step]
    assert on_vehicle == [
        "SEARCH household_vehicle USING INDEX ix_household_vehicle_plate_tail_rev "
        "(plate_tail_rev>? AND plate_tail_rev<?)"
    ], plan


def test_household_0002_fills_the_registered_plates(db: Database, plates: dict[str, int]) -> None:
    def indexes() -> set[str]:
        return {str(i["name"]) for i in inspect(db.engine).get_indexes("household_vehicle")}

    assert "ix_household_vehicle_plate_tail_rev" in indexes()
    command.downgrade(alembic_config(db.engine), "household_0002@-1")
    try:
        assert "ix_household_vehicle_plate_tail_rev" not in indexes()
    finally:
        command.upgrade(alembic_config(db.engine), "heads")
    assert "ix_household_vehicle_plate_tail_rev" in indexes()
    with db.engine.connect() as conn:
        keys = dict(
            conn.execute(
                select(HouseholdVehicle.plate, HouseholdVehicle.plate_tail_rev).order_by(
                    HouseholdVehicle.plate
                )
            ).all()
        )
    assert keys == {
        "粤A7VGV9": "9VGV7A",
        "粤BD12345": "54321DB",
        "粤C7VGV9": "9VGV7C",
        "粤E55555": None,  # removed
    }
    assert _found(db, "C7VGV9") == [("4-3-902", "车牌 粤C7VGV9  小型车")]


def test_the_key_follows_an_edited_plate(db: Database, plates: dict[str, int]) -> None:
    with db.begin(CLERK) as s:
        (vid,) = s.scalars(
            select(HouseholdVehicle.id).where(HouseholdVehicle.plate == "粤C7VGV9")
        ).all()
        row = hh.update_vehicle(s, vid, VehicleSpec("粤C7VGV8"), expected_version=None)
    assert row.plate == "粤C7VGV8"
    assert _found(db, "C7VGV9") == []
    assert [code for code, _ in _found(db, "c7vgv8")] == ["4-3-902"]
