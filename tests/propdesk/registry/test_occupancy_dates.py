"""Occupancy dates lie between 1950-01-01 and one year ahead: services and ledger import."""

from __future__ import annotations

from datetime import date

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.registry import services as reg
from propdesk.registry.ledger import SourceRow, validate_ledger
from propdesk.registry.validation import occupancy_latest

SUPERVISOR = Actor(user_id=None, username="sup", display_name="主管", role=Role.SUPERVISOR)


def _unit_and_person(db: Database) -> tuple[int, int]:
    with db.begin(SUPERVISOR) as s:
        estate = reg.create_estate(s, name="翠湖苑")
        building = reg.create_building(s, estate_id=estate, code="1", floors=6, entrances=1)
        unit = reg.create_unit(s, building_id=building, entrance=1, room="0101", area="88")
        person = reg.create_person(s, name="张三", phone="13812345678")
    return unit, person


def test_latest_is_one_year_ahead() -> None:
    assert occupancy_latest(date(2026, 6, 15)) == date(2027, 6, 15)
    assert occupancy_latest(date(2028, 2, 29)) == date(2029, 2, 28)


@pytest.mark.parametrize("start", [date(1949, 12, 31), date(1900, 1, 1), date(2100, 1, 1)])
def test_start_outside_the_bounds_is_refused(db: Database, start: date) -> None:
    unit, person = _unit_and_person(db)
    with pytest.raises(ValidationError) as err, db.begin(SUPERVISOR) as s:
        reg.start_occupancy(s, person_id=person, unit_id=unit, role="owner", start_date=start)
    assert err.value.field == "start_date"
    assert "1950-01-01 到 2027-06-15" in err.value.message  # the test clock: 2026-06-15


def test_bounds_themselves_are_accepted_and_the_end_is_checked(db: Database) -> None:
    unit, person = _unit_and_person(db)
    with db.begin(SUPERVISOR) as s:
        reg.start_occupancy(
            s, person_id=person, unit_id=unit, role="owner", start_date=date(1950, 1, 1)
        )
        occ = reg.start_occupancy(
            s, person_id=person, unit_id=unit, role="tenant", start_date=date(2027, 6, 15)
        )
    with pytest.raises(ValidationError) as err, db.begin(SUPERVISOR) as s:
        reg.end_occupancy(s, occ, end_date=date(2100, 1, 1))
    assert err.value.field == "end_date"
    with db.begin(SUPERVISOR) as s:
        reg.end_occupancy(s, occ, end_date=date(2027, 6, 15))


def test_ledger_import_uses_the_same_bounds(db: Database) -> None:
    _unit_and_person(db)

    def row(n: int, start: object) -> SourceRow:
        return SourceRow(
            n,
            {
                "楼栋": "1",
                "单元": 1,
                "房号": f"02{n:02d}",
                "建筑面积": "80",
                "姓名": f"住户{n}",
                "身份": "业主",
                "入住日期": start,
            },
        )

    rows = [row(2, "1900-01-01"), row(3, date(2100, 1, 1)), row(4, "2027-01-01")]
    with db.begin(SUPERVISOR) as s:
        check = validate_ledger(s, rows, today=date(2026, 6, 15))
    bad = {e.row: e.message for e in check.errors if e.column == "入住日期"}
    assert set(bad) == {2, 3}
    assert "1950-01-01 到 2027-06-15" in bad[2]
