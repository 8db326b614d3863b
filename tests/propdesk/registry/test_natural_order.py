"""Natural order: one key for unit codes (per segment, as numbers), people by pinyin."""

from __future__ import annotations

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.registry import services as reg
from propdesk.registry.pinyin import person_sort_key
from propdesk.registry.search import search
from propdesk.registry.unit_sort import unit_code_key

ADMIN = Actor.system()


def test_unit_codes_sort_by_number_in_each_segment() -> None:
    codes = ["1-1-1001", "10-1-101", "1-1-101", "2-1-101", "1-2-101", "1-1-102", "B-1-1", "A-1-1"]
    assert sorted(codes, key=unit_code_key) == [
        "1-1-101",
        "1-1-102",
        "1-1-1001",
        "1-2-101",
        "2-1-101",
        "10-1-101",
        "A-1-1",
        "B-1-1",
    ]


def test_people_sort_by_pinyin() -> None:
    names = ["张三", "李四", "王五", "曾小明", "安娜"]
    assert sorted(names, key=person_sort_key) == ["安娜", "李四", "王五", "曾小明", "张三"]


def test_search_lists_units_in_natural_order(db: Database) -> None:
    with db.begin(ADMIN) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        bid = reg.create_building(s, estate_id=eid, code="1", floors=18, entrances=1)
        for room in ("1001", "101", "102", "201"):
            reg.create_unit(s, building_id=bid, entrance=1, room=room, area="80")
        for name in ("张三", "张安"):
            reg.create_person(s, name=name, phone="13800000000")
    with db.begin(ADMIN) as s:
        hits = search(s, "1-1-")
        assert [h.title for h in hits if h.kind == "unit"] == [
            "1-1-101",
            "1-1-102",
            "1-1-201",
            "1-1-1001",
        ]
        people = [h.title for h in search(s, "张") if h.kind == "person"]
        assert people == ["张安", "张三"]  # zhang an before zhang san (三 < 安 by code)
