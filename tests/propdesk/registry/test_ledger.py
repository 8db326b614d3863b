from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.errors import NotAllowed
from propdesk.registry import services as reg
from propdesk.registry.ledger import (
    LedgerImportError,
    SourceRow,
    import_ledger,
    ledger_rows,
    validate_ledger,
)
from propdesk.registry.models import Building, Occupancy, Person, Unit
from propdesk.registry.validation import id_check_char

SUPERVISOR = Actor(user_id=None, username="sup", display_name="主管", role=Role.SUPERVISOR)
CLERK = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
TODAY = date(2026, 6, 1)


def idn(seq: int) -> str:
    first17 = f"11010119800101{seq:03d}"
    return first17 + id_check_char(first17)


def row(n: int, **values: object) -> SourceRow:
    keys = {
        "building": "楼栋",
        "entrance": "单元",
        "room": "房号",
        "floor": "楼层",
        "area": "建筑面积",
        "unit_type": "房屋类型",
        "status": "房屋状态",
        "name": "姓名",
        "role": "身份",
        "phone": "手机",
        "id_number": "身份证号",
        "start": "入住日期",
        "notes": "备注",
    }
    return SourceRow(n, {keys[k]: v for k, v in values.items()})


def good_rows() -> list[SourceRow]:
    return [
        row(2, building="3", entrance=2, room="1502", area=89.56, name="张三", role="业主",
            phone="13812345678", id_number=idn(1), start=date(2020, 5, 1)),
        row(3, building="3", entrance=2, room="1502", name="李梅", role="家属"),
        row(4, building="3栋", entrance="1单元", room=301, area="120", status="空置"),
        row(5, building=5, entrance=1, room="0201", area=75, name="王五", role="租户",
            phone="13900001111", start="2024/3/15"),
        row(6, building="5", entrance=1, room="0202", area=75, name="张三", role="业主",
            id_number=idn(1)),
    ]  # fmt: skip


def counts(db: Database) -> tuple[int, int, int, int]:
    with db.begin() as s:
        return (
            s.scalar(select(func.count(Building.id))) or 0,
            s.scalar(select(func.count(Unit.id))) or 0,
            s.scalar(select(func.count(Person.id))) or 0,
            s.scalar(select(func.count(Occupancy.id))) or 0,
        )


@pytest.fixture
def estate(db: Database) -> Database:
    with db.begin(SUPERVISOR) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
    return db


def test_good_import_creates_units_people_occupancies(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        summary = import_ledger(s, good_rows(), today=TODAY)
    assert summary.rows == 5
    assert summary.buildings_created == ("5",)
    assert (summary.units_created, summary.units_matched) == (4, 0)
    assert summary.people_created == 3  # 张三 (twice, one ID), 李梅, 王五
    assert summary.occupancies_created == 4
    assert counts(estate) == (2, 4, 3, 4)
    with estate.begin(SUPERVISOR) as s:
        unit = reg.get_unit(s, reg.unit_id_by_code(s, "3-2-1502"))
        assert (unit.area_centi, unit.status, unit.floor) == (8956, "occupied", 15)
        assert reg.get_unit(s, reg.unit_id_by_code(s, "5-1-0201")).status == "rented"
        assert reg.get_unit(s, reg.unit_id_by_code(s, "3-1-301")).status == "vacant"
        lines = ledger_rows(s, actor=SUPERVISOR, today=TODAY)
        five = s.scalar(select(Building.floors).where(Building.code == "5"))
    assert five == 2
    by_unit = [(ln.unit_code, ln.person_name, ln.role) for ln in lines]
    assert by_unit == [
        ("3-1-301", "", ""),
        ("3-2-1502", "张三", "owner"),
        ("3-2-1502", "李梅", "family"),
        ("5-1-0201", "王五", "tenant"),
        ("5-1-0202", "张三", "owner"),
    ]
    zhang = lines[1]
    assert zhang.start_date == date(2020, 5, 1)
    assert zhang.id_number == "1101**********" + idn(1)[-4:]  # always masked
    assert zhang.phone == "13812345678"  # a supervisor may see phones
    assert lines[2].start_date == TODAY  # no date given: the import day


def test_bad_row_in_the_middle_imports_nothing(estate: Database) -> None:
    rows = good_rows()
    rows.insert(2, row(7, building="3", entrance=1, room="0502", area="88", name="赵六",
                       role="业主", phone="12345"))  # fmt: skip
    before = counts(estate)
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    assert [(e.row, e.column) for e in err.value.errors] == [(7, "手机")]
    assert "格式不正确" in err.value.errors[0].message
    assert "未导入任何数据" in str(err.value)
    assert counts(estate) == before


def test_every_row_is_checked_and_reported(estate: Database) -> None:
    rows = [
        row(2, building="3", entrance=1, room="12", area="80", name="甲", role="业主"),
        row(3, building="3", entrance=3, room="0101", area="80"),
        row(4, building="3", entrance=1, room="0102", area="-1", unit_type="别墅"),
        row(5, building="3", entrance=1, room="0103", area="80", name="乙"),
        row(6, building="3", entrance=1, room="0104", area="80", id_number=idn(2)),
        row(7, building="3", entrance=1, room="0105", area="80", name="丙", role="业主",
            id_number="110101198001010011", start="2099-01-01"),
        row(8, building="3", entrance=1, room="0106"),
        row(9, building="3", entrance=1, room="0107", area="80", name="丁", role="业主",
            id_number=110101198001010000),
    ]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        check = validate_ledger(s, rows, today=TODAY)
    got = {(e.row, e.column) for e in check.errors}
    assert got == {
        (2, "房号"),
        (3, "单元"),  # building 3 has 2 entrances
        (4, "建筑面积"),
        (4, "房屋类型"),
        (5, "身份"),
        (6, "身份证号"),  # ID without a name
        (7, "身份证号"),  # bad check digit
        (7, "入住日期"),  # in the future
        (8, "建筑面积"),  # new unit without area
        (9, "身份证号"),  # stored by Excel as a number
    }
    assert "文本格式" in next(e.message for e in check.errors if e.row == 9)
    assert not check.ok


def test_duplicates_within_the_file(estate: Database) -> None:
    rows = [
        row(2, building="3", entrance=1, room="0101", area="80", name="甲", role="业主",
            id_number=idn(3)),
        row(3, building="3", entrance=1, room="0101", area="80", name="甲", role="业主",
            id_number=idn(3)),
        row(4, building="3", entrance=1, room="0101", area="81", name="乙", role="家属"),
        row(5, building="3", entrance=1, room="0102", area="80", name="丁", role="业主",
            id_number=idn(3)),
    ]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        check = validate_ledger(s, rows, today=TODAY)
    assert [(e.row, e.column) for e in check.errors] == [
        (3, ""),
        (4, "建筑面积"),
        (5, "身份证号"),
    ]
    assert "第 2 行" in check.errors[0].message
    assert "第 2 行" in check.errors[2].message
    assert "甲" in check.errors[2].message


def test_conflicts_with_existing_units_and_people(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        bid = s.scalar(select(Building.id).where(Building.code == "3"))
        assert bid is not None
        uid = reg.create_unit(s, building_id=bid, entrance=1, room="0101", area="80")
        pid = reg.create_person(s, name="钱七", id_number=idn(4))
        reg.start_occupancy(s, person_id=pid, unit_id=uid, role="owner", start_date=TODAY)
    before = counts(estate)
    rows = [
        row(2, building="3", entrance=1, room="0101", area="90"),
        row(3, building="3", entrance=1, room="0101", name="钱七", role="业主",
            id_number=idn(4)),
        row(4, building="3", entrance=1, room="0102", area="80", name="孙八", role="业主",
            id_number=idn(4)),
        row(5, building="3", entrance=1, room="1901", area="80"),
    ]  # fmt: skip
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    assert [(e.row, e.column) for e in err.value.errors] == [
        (2, "建筑面积"),  # registered with 80.00 m²
        (3, "姓名"),  # already the owner
        (4, "身份证号"),  # the ID belongs to 钱七
        (5, "楼层"),  # building 3 has 18 floors
    ]
    assert "80.00" in err.value.errors[0].message
    assert counts(estate) == before


def test_existing_unit_and_person_are_reused(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        bid = s.scalar(select(Building.id).where(Building.code == "3"))
        assert bid is not None
        reg.create_unit(s, building_id=bid, entrance=1, room="0101", area="80")
        reg.create_person(s, name="钱七", id_number=idn(4))
    rows = [
        row(2, building="3", entrance=1, room="0101", area="80.00", name="钱七", role="业主",
            id_number=idn(4)),
    ]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        summary = import_ledger(s, rows, today=TODAY)
    assert (summary.units_matched, summary.people_matched) == (1, 1)
    assert (summary.units_created, summary.people_created) == (0, 0)
    assert counts(estate)[1:] == (1, 1, 1)


def test_empty_file_and_permissions(estate: Database) -> None:
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, [SourceRow(2, {"姓名": "  "})], today=TODAY)
    assert "没有数据行" in str(err.value)
    with pytest.raises(NotAllowed), estate.begin(CLERK) as s:
        import_ledger(s, good_rows(), today=TODAY)


def test_ledger_rows_mask_for_a_clerk(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, good_rows(), today=TODAY)
    with estate.begin(CLERK) as s:
        bid = s.scalar(select(Building.id).where(Building.code == "3"))
        lines = ledger_rows(s, building_id=bid, actor=CLERK, today=TODAY)
    assert {ln.unit_code for ln in lines} == {"3-1-301", "3-2-1502"}
    zhang = next(ln for ln in lines if ln.person_name == "张三")
    assert zhang.phone == "138****5678"
    assert "*" in zhang.id_number


def test_people_without_id_are_matched_by_name_and_phone_only(estate: Database) -> None:
    rows = [
        row(2, building="3", entrance=1, room="0101", area="80", name="王伟", role="家属"),
        row(3, building="3", entrance=1, room="0102", area="80", name="王伟", role="家属"),
        row(4, building="3", entrance=1, room="0103", area="80", name="李娜", role="业主",
            phone="13800000001"),
        row(5, building="3", entrance=1, room="0104", area="80", name="李娜", role="业主",
            phone="13800000001"),
    ]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        summary = import_ledger(s, rows, today=TODAY)
    # two 王伟 with nothing else in common stay two people; 李娜 with one phone is one
    assert summary.people_created == 3
    assert summary.occupancies_created == 4
