"""Input limits are the same on both databases: the services refuse over-long text and NUL
bytes with a ValidationError, before SQLite stores them or PostgreSQL raises a DataError."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import ValidationError
from propdesk.registry import services as reg
from propdesk.registry import setup

CLERK = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
TEN_KB = "楼" * 10_240


def _estate(db: Database) -> tuple[int, int, int, int]:
    with db.begin(CLERK) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        uid = reg.create_unit(s, building_id=bid, entrance=1, room="0101", area="80")
        pid = reg.create_person(s, name="张三")
    return eid, bid, uid, pid


def _refused(db: Database, write: Callable[[Session], object], field: str, words: str) -> None:
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        write(s)
    assert err.value.field == field
    assert words in err.value.message


@pytest.mark.parametrize("name", [TEN_KB, "一号\x00楼"])
def test_building_name_too_long_or_with_nul_is_a_validation_error(db: Database, name: str) -> None:
    eid, bid, _uid, _pid = _estate(db)
    words = "不能超过 50 个字" if len(name) > 50 else "空字符"
    _refused(
        db,
        lambda s: reg.create_building(s, estate_id=eid, code="4", name=name, floors=6),
        "name",
        words,
    )
    _refused(
        db,
        lambda s: reg.update_building(s, bid, expected_version=None, name=name),
        "name",
        words,
    )
    with db.begin(CLERK) as s:  # nothing was stored
        assert reg.get_building(s, bid).name == "3栋"


@pytest.mark.parametrize("name", ["张" * 51, "张\x00三"])
def test_person_name_limits(db: Database, name: str) -> None:
    _eid, _bid, _uid, pid = _estate(db)
    _refused(db, lambda s: reg.create_person(s, name=name), "name", "姓名")
    _refused(
        db, lambda s: reg.update_person(s, pid, expected_version=None, name=name), "name", "姓名"
    )


def test_notes_and_estate_fields_use_the_column_length(db: Database) -> None:
    eid, _bid, uid, pid = _estate(db)
    _refused(
        db,
        lambda s: reg.update_unit(s, uid, expected_version=None, notes="备注\x00"),
        "notes",
        "空字符",
    )
    _refused(
        db,
        lambda s: reg.update_person(s, pid, expected_version=None, notes="x" * 10_001),
        "notes",
        "不能超过 10000 个字",
    )
    _refused(
        db,
        lambda s: setup.update_estate(
            s, eid, expected_version=None, name="翠湖花园", company="公" * 101
        ),
        "company",
        "不能超过 100 个字",
    )
    _refused(
        db,
        lambda s: reg.create_estate(s, name="花" * 101),
        "name",
        "不能超过 100 个字",
    )
    with db.begin(CLERK) as s:  # the longest allowed values are stored on both databases
        reg.update_person(
            s, pid, expected_version=None, name="张" * 50, emergency_contact="李" * 50
        )
        reg.update_unit(s, uid, expected_version=None, notes="注" * 10_000)
    with db.begin(CLERK) as s:
        assert reg.get_person(s, pid).person.name == "张" * 50


def test_move_out_reason_is_limited(db: Database) -> None:
    _eid, _bid, uid, pid = _estate(db)
    with db.begin(CLERK) as s:
        oid = reg.start_occupancy(
            s, unit_id=uid, person_id=pid, role="owner", start_date=date(2020, 1, 1)
        )
    _refused(
        db,
        lambda s: reg.end_occupancy(s, oid, end_date=date(2026, 1, 1), reason="因" * 201),
        "reason",
        "不能超过 200 个字",
    )
