from __future__ import annotations

from datetime import date

import pytest

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import Conflict, NotAllowed, NotFound, ValidationError
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
        o1 = reg.start_occupancy(
            s, person_id=p1, unit_id=uid, role="owner", start_date=date(2020, 1, 1)
        )
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
        reg.start_occupancy(
            s, person_id=pid, unit_id=uid, role="owner", start_date=date(2020, 1, 1)
        )
    with db.begin(CLERK) as s:
        assert [h.title for h in search(s, "3-2-15")] == ["3-2-1502"]
        assert [h.title for h in search(s, "zs")] == ["张三"]
        assert next(h.title for h in search(s, "5678")) == "张三"
        assert [h.title for h in search(s, "张")] == ["张三"]
        assert search(s, "zhangs")[0].id == pid
        assert "138****5678" in search(s, "zs")[0].subtitle


# --- editing a building ------------------------------------------------------------------


def test_update_building_saves_and_keeps_code(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        before = reg.get_building(s, bid)
        reg.update_building(
            s,
            bid,
            expected_version=before.version,
            name="  三号楼 ",
            floors=24,
            entrances=3,
            has_elevator=False,
        )
    with db.begin(CLERK) as s:
        after = reg.get_building(s, bid)
        listed = reg.list_buildings(s)
    assert (after.code, after.name, after.floors, after.entrances, after.has_elevator) == (
        "3",
        "三号楼",
        24,
        3,
        False,
    )
    assert after.version == before.version + 1
    assert [b.name for b in listed] == ["三号楼"]
    with db.begin(CLERK) as s:  # an empty name falls back to "<code>栋", as when created
        reg.update_building(s, bid, expected_version=after.version, name=" ")
        assert reg.get_building(s, bid).name == "3栋"


def test_update_building_stale_version_conflicts(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        version = reg.get_building(s, bid).version
    with db.begin(CLERK) as s:
        reg.update_building(s, bid, expected_version=version, name="A座")
    with pytest.raises(Conflict) as err, db.begin(CLERK) as s:
        reg.update_building(s, bid, expected_version=version, name="B座", floors=30)
    assert "楼栋" in str(err.value)
    with db.begin(CLERK) as s:
        b = reg.get_building(s, bid)
    assert (b.name, b.floors) == ("A座", 18)


def test_floors_cannot_drop_below_the_highest_unit(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        reg.create_unit(s, building_id=bid, entrance=1, room="1201", area="90")
        reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="90")
        reg.create_unit(s, building_id=bid, entrance=1, room="1501", area="90")
        version = reg.get_building(s, bid).version
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        reg.update_building(s, bid, expected_version=version, name="改名", floors=14)
    assert err.value.field == "floors"
    message = str(err.value)
    assert "3-1-1501" in message  # the first of the top floor's units, by code
    assert "第 15 层" in message
    assert "共 2 套" in message
    with db.begin(CLERK) as s:  # nothing of the refused edit was saved
        b = reg.get_building(s, bid)
        assert (b.name, b.floors) == ("3栋", 18)
        reg.update_building(s, bid, expected_version=version, floors=15)  # exactly the top floor
        assert reg.get_building(s, bid).floors == 15


def test_entrances_cannot_drop_below_a_units_entrance(db: Database) -> None:
    _, bid = _estate(db)
    with db.begin(CLERK) as s:
        reg.create_unit(s, building_id=bid, entrance=2, room="0301", area="90")
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        reg.update_building(s, bid, expected_version=None, entrances=1)
    assert err.value.field == "entrances"
    assert "3-2-0301" in str(err.value)
    assert "共" not in str(err.value)  # only one unit blocks it
    with pytest.raises(ValidationError) as err, db.begin(CLERK) as s:
        reg.update_building(s, bid, expected_version=None, floors=0)
    assert err.value.field == "floors"
    with db.begin(CLERK) as s:  # raising is always allowed
        reg.update_building(s, bid, expected_version=None, entrances=4)
        assert reg.get_building(s, bid).entrances == 4


def test_update_building_needs_edit_registry(db: Database) -> None:
    _, bid = _estate(db)
    finance = Actor(user_id=None, username="fin", display_name="财务", role=Role.FINANCE)
    with pytest.raises(NotAllowed), db.begin(finance) as s:
        reg.update_building(s, bid, expected_version=None, name="不该改")
    with pytest.raises(NotFound), db.begin(CLERK) as s:
        reg.update_building(s, bid + 999, expected_version=None, name="无")
