"""The people list's Units sort key (``person.unit_sort``) follows current occupancies."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from propdesk.audit.models import AuditEntry
from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry.ledger import import_ledger
from propdesk.registry.ledger_columns import SourceRow
from propdesk.registry.models import Person
from propdesk.registry.unit_sort import first_unit_code, refresh_unit_sort

CLERK = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
START = date(2020, 1, 1)


def _keys(db: Database) -> dict[str, str]:
    with db.session_factory() as s:
        return dict(s.execute(select(Person.name, Person.unit_sort).order_by(Person.id)).all())


def test_key_is_the_lowest_current_unit(db: Database) -> None:
    with db.begin(CLERK) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
        high = reg.create_unit(s, building_id=bid, entrance=2, room="1502", area="90")
        low = reg.create_unit(s, building_id=bid, entrance=1, room="0301", area="90")
        zs = reg.create_person(s, name="张三")
        reg.create_person(s, name="李四")  # never registered anywhere
    assert _keys(db) == {"张三": "", "李四": ""}

    with db.begin(CLERK) as s:
        reg.start_occupancy(s, person_id=zs, unit_id=high, role="owner", start_date=START)
    assert _keys(db)["张三"] == "3-2-1502"
    with db.begin(CLERK) as s:  # a second, lower unit becomes the key
        version = reg.get_person(s, zs).person.version
        occ_low = reg.start_occupancy(s, person_id=zs, unit_id=low, role="tenant", start_date=START)
    assert _keys(db)["张三"] == "3-1-0301"
    with db.begin(CLERK) as s:  # a closed occupancy no longer counts
        reg.end_occupancy(s, occ_low, end_date=date(2024, 1, 1))
    assert _keys(db)["张三"] == "3-2-1502"
    with db.begin(CLERK) as s:
        # derived data: no version bump (no false conflicts) and no audit row on the person
        assert reg.get_person(s, zs).person.version == version
        person_audits = s.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.table_name == "person")
        )
    assert person_audits == 2  # the two people created, nothing for the key


def test_refresh_everyone_matches_the_query(db: Database) -> None:
    with db.begin(CLERK) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="1", floors=9, entrances=1)
        uid = reg.create_unit(s, building_id=bid, entrance=1, room="0101", area="90")
        pid = reg.create_person(s, name="王五")
        reg.start_occupancy(s, person_id=pid, unit_id=uid, role="owner", start_date=START)
        s.execute(Person.__table__.update().values(unit_sort="stale"))
    with db.begin(CLERK) as s:
        refresh_unit_sort(s)
        assert s.scalar(select(first_unit_code()).where(Person.id == pid)) == "1-1-0101"
    assert _keys(db) == {"王五": "1-1-0101"}


def test_ledger_import_sets_the_key(db: Database) -> None:
    with db.begin(CLERK) as s:
        reg.create_estate(s, name="翠湖花园")
    row = {"楼栋": "2", "单元": 1, "房号": "0502", "建筑面积": 90, "姓名": "赵六", "身份": "业主"}
    with db.begin(Actor.system()) as s:
        import_ledger(s, [SourceRow(2, row)])
    assert _keys(db) == {"赵六": "2-1-0502"}
