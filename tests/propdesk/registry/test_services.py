from __future__ import annotations

from datetime import date

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, ValidationError
from propdesk.registry import services as reg
from propdesk.registry.search import search

# Registry writes need EDIT_REGISTRY; a clerk has it (and sees masked phones).
CLERK = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)


def _estate(db: Database) -> tuple[int, int]:
    with db.begin(CLERK) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
    return eid, bid


def test_unit_code_built_and_unique(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        uid = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="89.56")
        assert reg.get_unit(s, uid).code == "3-2-1502"
        assert reg.get_unit(s, uid).area_centi == 8956
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="90")
    assert err.value.field == "room"
    assert "已存在" in str(err.value)


@pytest.mark.parametrize("area", ["0", "-3", "abc", "12.345"])
def test_bad_area_rejected(db: Database, area: str) -> None:
    _, bid = _estate(db)
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        reg.create_unit(s, building_id=bid, entrance=1, room="0101", area=area)
    assert err.value.field == "area"


def test_occupancy_history_kept(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        uid = reg.create_unit(s, building_id=bid, entrance=1, room="0301", area="100")
        p1 = reg.create_person(s, name="张三", phone="13812345678")
        p2 = reg.create_person(s, name="李四", phone="13912345678")
        o1 = reg.start_occupancy(s, person_id=p1, unit_id=uid, role="owner", start_date=date(2020, 1, 1))
    with db.begin(CLERK) as s:
        reg.end_occupancy(s, o1, end_date=date(2024, 5, 1), reason="出售")
        reg.start_occupancy(s, person_id=p2, unit_id=uid, role="owner", start_date=date(2024, 5, 1))
    with db.begin(CLERK) as s:
        d = reg.get_unit_dossier(s, uid)
    assert [o.person_name for o in d.current] == ["李四"]
    assert [(o.person_name, o.end_date) for o in d.history] == [("张三", date(2024, 5, 1))]
    with pytest.raises(ValidationError), db.begin(CLERK) as s:
        reg.end_occupancy(s, o1, end_date=date(2025, 1, 1))


def test_stale_edit_conflicts(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        uid = reg.create_unit(s, building_id=bid, entrance=1, room="0301", area="100")
        version = reg.get_unit(s, uid).version
    with db.begin(CLERK) as s:
        reg.update_unit(s, uid, expected_version=version, notes="desk A")
    with pytest.raises(Conflict), db.begin(CLERK) as s:
        reg.update_unit(s, uid, expected_version=version, notes="desk B")
    with db.begin(CLERK) as s:
        assert reg.get_unit(s, uid).notes == "desk A"


def test_search_by_code_name_phone_pinyin(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        uid = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="100")
        pid = reg.create_person(s, name="张三", phone="13812345678")
        reg.start_occupancy(s, person_id=pid, unit_id=uid, role="owner", start_date=date(2020, 1, 1))
    with db.begin(CLERK) as s:
        assert [h.title for h in search(s, "3-2-15")] == ["3-2-1502"]
        assert [h.title for h in search(s, "zs")] == ["张三"]
        assert [h.title for h in search(s, "5678")][0] == "张三"
        assert [h.title for h in search(s, "张")] == ["张三"]
        assert search(s, "zhangs")[0].id == pid
        assert "138****5678" in search(s, "zs")[0].subtitle
