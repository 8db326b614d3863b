"""The owner ledger's household columns (车牌, 车辆类型, 车位, 月卡起, 月卡止, 宠物, 宠物疫苗日期,
紧急联系人, 紧急联系人电话): imported, checked, exported and read back; a template without
them (or without 车辆类型 or the pass columns) is still accepted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from propdesk.auth.actor import Actor, Role
from propdesk.db.engine import Database
from propdesk.household import queries as hq
from propdesk.household import services as hh
from propdesk.household.models import HouseholdContact, HouseholdPet, HouseholdVehicle
from propdesk.household.services import VehicleSpec
from propdesk.registry import services as reg
from propdesk.registry.ledger import (
    LedgerImportError,
    SourceRow,
    import_ledger,
    ledger_rows,
)
from propdesk.registry.models import Building, Occupancy, Unit
from reports.excel.owners import read_ledger, write_export, write_template
from tests.conftest import _fresh_sqlite

SUPERVISOR = Actor(user_id=None, username="sup", display_name="主管", role=Role.SUPERVISOR)
CLERK = Actor(user_id=None, username="clerk", display_name="前台", role=Role.CLERK)
TODAY = date(2026, 6, 1)
OLD_HEADERS = ("楼栋", "单元", "房号", "楼层", "建筑面积", "房屋类型", "房屋状态", "姓名",
               "身份", "手机", "身份证号", "入住日期", "备注")  # fmt: skip


def _row(n: int, room: str, name: str, role: str, **household: object) -> SourceRow:
    values: dict[str, object] = {
        "楼栋": "3", "单元": 2, "房号": room, "建筑面积": 89.56, "姓名": name, "身份": role,
    }  # fmt: skip
    values.update(household)
    return SourceRow(n, values)


@pytest.fixture
def estate(db: Database) -> Database:
    with db.begin(SUPERVISOR) as s:
        eid = reg.create_estate(s, name="翠湖花园")
        reg.create_building(s, estate_id=eid, code="3", floors=18, entrances=2)
    return db


def _counts(db: Database) -> tuple[int, int, int, int]:
    with db.begin() as s:
        return (
            s.scalar(select(func.count(Occupancy.id))) or 0,
            s.scalar(select(func.count(HouseholdVehicle.id))) or 0,
            s.scalar(select(func.count(HouseholdPet.id))) or 0,
            s.scalar(select(func.count(HouseholdContact.id))) or 0,
        )


def _rows() -> list[SourceRow]:
    return [
        _row(2, "1502", "张三", "业主", 车牌="粤b12345、粤BD12345", 车位="B2-018、-",
             宠物="犬 旺财", 紧急联系人="李芳（女儿）、王强", 紧急联系人电话="13900001111、0755-12345678"),
        _row(3, "1502", "李梅", "家属", 车牌="粤B12345"),  # the same car on the unit's 2nd row
        _row(4, "1501", "王五", "业主", 宠物="猫"),
    ]  # fmt: skip


def _unit(db: Database, code: str) -> int:
    with db.begin() as s:
        return int(s.scalar(select(Unit.id).where(Unit.code == code)) or 0)


def test_import_household_columns(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, _rows(), today=TODAY)
    assert _counts(estate) == (3, 2, 2, 2)
    u1502 = _unit(estate, "3-2-1502")
    u1501 = _unit(estate, "3-2-1501")
    with estate.begin(SUPERVISOR) as s:
        vehicles = hq.unit_vehicles(s, u1502)
        contacts = hq.unit_contacts(s, u1502)
        pets = hq.unit_pets(s, u1501)
    assert [(v.plate, v.kind, v.parking_space) for v in vehicles] == [
        ("粤B12345", "small", "B2-018"),
        ("粤BD12345", "nev", ""),
    ]
    assert [(c.name, c.relation, c.phone) for c in contacts] == [
        ("李芳", "女儿", "13900001111"),
        ("王强", "", "0755-12345678"),
    ]
    assert [(p.kind, p.name) for p in pets] == [("cat", "")]
    # importing the same file again adds no household record (and its occupancies are refused)
    with pytest.raises(LedgerImportError), estate.begin(SUPERVISOR) as s:
        import_ledger(s, _rows(), today=TODAY)
    assert _counts(estate) == (3, 2, 2, 2)


def test_old_rows_without_household_columns_still_import(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        summary = import_ledger(s, [_row(2, "1502", "张三", "业主")], today=TODAY)
    assert summary.occupancies_created == 1
    assert _counts(estate) == (1, 0, 0, 0)


def test_bad_household_cells_import_nothing(estate: Database) -> None:
    rows = [
        _row(2, "1502", "张三", "业主", 车牌="粤B12"),
        _row(3, "1501", "王五", "业主", 紧急联系人="李芳、王强", 紧急联系人电话="13900001111"),
        _row(4, "1503", "赵六", "业主", 紧急联系人="李芳", 紧急联系人电话="139****1111"),
        _row(5, "1504", "钱七", "业主", 车牌="粤C11111"),
        _row(6, "1505", "孙八", "业主", 车牌="粤C11111"),
    ]
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    found = {(e.row, e.column) for e in err.value.errors}
    assert found == {(2, "车牌"), (3, "紧急联系人电话"), (4, "紧急联系人电话"), (6, "车牌")}
    assert "格式不正确" in next(e.message for e in err.value.errors if e.row == 2)
    assert _counts(estate) == (0, 0, 0, 0)


def test_plate_registered_on_another_unit_is_refused(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, [_row(2, "1501", "王五", "业主")], today=TODAY)
        hh.add_vehicle(s, _unit_in(s, "3-2-1501"), VehicleSpec("粤B77777"))
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, [_row(2, "1502", "张三", "业主", 车牌="粤B77777")], today=TODAY)
    assert "已登记在 3-2-1501" in err.value.errors[0].message


def _unit_in(s: object, code: str) -> int:
    return int(s.scalar(select(Unit.id).where(Unit.code == code)))  # type: ignore[attr-defined]


def test_export_and_read_back(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, _rows(), today=TODAY)
    with estate.begin(CLERK) as s:
        bid = s.scalar(select(Building.id).where(Building.code == "3"))
        lines = ledger_rows(s, building_id=bid, actor=CLERK, today=TODAY)
    first = next(ln for ln in lines if ln.unit_code == "3-2-1502")
    second = [ln for ln in lines if ln.unit_code == "3-2-1502"][1]
    assert first.household == {
        "车牌": "粤B12345、粤BD12345",
        "车辆类型": "小型车、新能源",  # none given: inferred from the plates
        "车位": "B2-018、-",  # one per plate: the second car has none
        "宠物": "犬 旺财",
        "紧急联系人": "李芳（女儿）、王强",
        "紧急联系人电话": "139****1111、0755-****5678",  # a clerk's export is masked
    }
    assert second.household == {}  # the unit's values once, on its first line
    back: dict[object, dict[str, object]] = {}
    for r in read_ledger(write_export(lines)):
        back.setdefault(r.values.get("房号"), dict(r.values))  # each unit's first line
    assert back["1502"]["车牌"] == "粤B12345、粤BD12345"
    assert back["1501"]["宠物"] == "猫"


def test_an_old_template_is_read() -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "业主台账"
    ws.append(list(OLD_HEADERS))
    ws.append(["3", 2, "1502", None, 89.56, "住宅", None, "张三", "业主", "13812345678"])
    buf = BytesIO()
    wb.save(buf)
    rows = read_ledger(buf.getvalue())
    assert [(r.row, r.values["姓名"]) for r in rows] == [(2, "张三")]
    assert "车牌" not in rows[0].values


def test_template_header_row() -> None:
    from openpyxl import load_workbook

    ws = load_workbook(BytesIO(write_template())).worksheets[0]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    assert header[-9:] == [
        "车牌", "车辆类型", "车位", "月卡起", "月卡止", "宠物", "宠物疫苗日期", "紧急联系人",
        "紧急联系人电话",
    ]  # fmt: skip


def _pets(db: Database, code: str) -> list[tuple[str, str, date | None]]:
    with db.begin(SUPERVISOR) as s:
        return [(p.kind, p.name, p.vaccinated_on) for p in hq.unit_pets(s, _unit_in(s, code))]


def test_pet_vaccination_dates_import_export_and_read_back(estate: Database) -> None:
    rows = [
        _row(2, "1502", "张三", "业主", 宠物="犬 旺财、猫 咪咪", 宠物疫苗日期="2026-03-01、-"),
        _row(3, "1501", "王五", "业主", 宠物="犬 大黄", 宠物疫苗日期=datetime(2025, 12, 9)),
        _row(4, "1503", "赵六", "业主", 宠物="猫"),  # no date given
    ]
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    assert _pets(estate, "3-2-1502") == [
        ("dog", "旺财", date(2026, 3, 1)),
        ("cat", "咪咪", None),
    ]
    assert _pets(estate, "3-2-1501") == [("dog", "大黄", date(2025, 12, 9))]
    assert _pets(estate, "3-2-1503") == [("cat", "", None)]

    # a later date from a new file updates the pet; an earlier one never rewinds it
    later = [
        _row(2, "1502", "", "", 宠物="犬 旺财、猫 咪咪", 宠物疫苗日期="2026/5/20、2026年4月2日"),
        _row(3, "1501", "", "", 宠物="犬 大黄", 宠物疫苗日期="2025-01-01"),
    ]
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, later, today=TODAY)
    assert _pets(estate, "3-2-1502") == [
        ("dog", "旺财", date(2026, 5, 20)),
        ("cat", "咪咪", date(2026, 4, 2)),
    ]
    assert _pets(estate, "3-2-1501") == [("dog", "大黄", date(2025, 12, 9))]

    with estate.begin(CLERK) as s:
        bid = s.scalar(select(Building.id).where(Building.code == "3"))
        lines = ledger_rows(s, building_id=bid, actor=CLERK, today=TODAY)
    shown = {ln.unit_code: ln.household for ln in lines if ln.household}
    assert shown["3-2-1502"]["宠物疫苗日期"] == "2026-05-20、2026-04-02"
    assert shown["3-2-1501"]["宠物疫苗日期"] == date(2025, 12, 9)  # one date: an Excel date
    assert "宠物疫苗日期" not in shown["3-2-1503"]  # no date known: the cell stays empty
    back = {r.values.get("房号"): dict(r.values) for r in read_ledger(write_export(lines))}
    assert back["1502"]["宠物疫苗日期"] == "2026-05-20、2026-04-02"
    assert back["1501"]["宠物疫苗日期"] == datetime(2025, 12, 9)  # a real date cell


def test_bad_vaccination_dates_import_nothing(estate: Database) -> None:
    rows = [
        _row(2, "1502", "张三", "业主", 宠物="犬 旺财、猫", 宠物疫苗日期="2026-03-01"),
        _row(3, "1501", "王五", "业主", 宠物="犬", 宠物疫苗日期="三月一日"),
        _row(4, "1503", "赵六", "业主", 宠物="犬", 宠物疫苗日期="2099-01-01"),
        _row(5, "1504", "钱七", "业主", 宠物疫苗日期="2026-03-01"),  # a date, no pet
    ]
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    messages = {e.row: e.message for e in err.value.errors if e.column == "宠物疫苗日期"}
    assert sorted(messages) == [2, 3, 4, 5]
    assert "宠物有 2 只，疫苗日期有 1 个" in messages[2]
    assert "格式不正确" in messages[3]
    assert "不能晚于今天" in messages[4]
    assert _counts(estate) == (0, 0, 0, 0)


def _vehicles(db: Database, code: str) -> list[tuple[str, str]]:
    with db.begin(SUPERVISOR) as s:
        return [(v.plate, v.kind) for v in hq.unit_vehicles(s, _unit_in(s, code))]


def test_vehicle_types_import_export_and_read_back_with_openpyxl(estate: Database) -> None:
    from openpyxl import load_workbook

    rows = [
        _row(2, "1502", "张三", "业主", 车牌="粤B12345、粤BD12345、粤B54321",
             车辆类型="摩托车、其他、小型车"),
        _row(3, "1502", "李梅", "家属", 车牌="粤B12345", 车辆类型="摩托车"),  # same car, same type
        _row(4, "1501", "王五", "业主", 车牌="粤B66666、粤BF66666"),  # no type: inferred
        _row(5, "1503", "赵六", "业主", 车牌="粤B77777", 车辆类型="新能源"),  # a 5-digit EV plate
        _row(6, "1504", "钱七", "业主", 车牌="粤BD88888", 车辆类型="nev"),  # internal name
    ]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    assert _vehicles(estate, "3-2-1502") == [
        ("粤B12345", "moto"),
        ("粤BD12345", "other"),
        ("粤B54321", "small"),
    ]
    assert _vehicles(estate, "3-2-1501") == [("粤B66666", "small"), ("粤BF66666", "nev")]
    assert _vehicles(estate, "3-2-1503") == [("粤B77777", "nev")]
    assert _vehicles(estate, "3-2-1504") == [("粤BD88888", "nev")]

    with estate.begin(CLERK) as s:
        lines = ledger_rows(s, actor=CLERK, today=TODAY)
    ws = load_workbook(BytesIO(write_export(lines))).worksheets[0]
    table = [list(r) for r in ws.iter_rows(values_only=True)]
    head_at = next(i for i, r in enumerate(table) if "车辆类型" in r)
    head = table[head_at]
    assert head.index("车辆类型") == head.index("车牌") + 1
    first: dict[object, dict[object, object]] = {}
    for r in table[head_at + 1 :]:
        first.setdefault(r[head.index("房屋编号")], dict(zip(head, r, strict=True)))
    assert (first["3-2-1502"]["车牌"], first["3-2-1502"]["车辆类型"]) == (
        "粤B12345、粤BD12345、粤B54321",
        "摩托车、其他、小型车",
    )
    assert first["3-2-1501"]["车辆类型"] == "小型车、新能源"
    assert first["3-2-1503"]["车辆类型"] == "新能源"
    # the export imports again: each unit's types as they were, and nothing is added twice
    back = [r for r in read_ledger(write_export(lines)) if r.values.get("车牌")]
    assert {r.values["房号"]: r.values["车辆类型"] for r in back}["1502"] == "摩托车、其他、小型车"
    unnamed = [SourceRow(r.row, {**r.values, "姓名": None, "身份": None, "手机": None,
                                 "身份证号": None, "入住日期": None}) for r in back]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, unnamed, today=TODAY)
    assert _counts(estate)[1] == 7  # 3 + 2 + 1 + 1, as before


def test_a_template_without_the_vehicle_type_column_imports_as_before(estate: Database) -> None:
    """The template of before 车辆类型: plates typed as the vehicle form would."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "业主台账"
    ws.append(
        [*OLD_HEADERS, "车牌", "车位", "宠物", "宠物疫苗日期", "紧急联系人", "紧急联系人电话"]
    )
    ws.append(["3", 2, "1502", None, 89.56, "住宅", None, "张三", "业主", "13812345678",
               None, None, None, "粤B12345、粤BD12345", "B2-018、B2-019"])  # fmt: skip
    buf = BytesIO()
    wb.save(buf)
    rows = read_ledger(buf.getvalue())
    assert "车辆类型" not in rows[0].values
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    assert _vehicles(estate, "3-2-1502") == [("粤B12345", "small"), ("粤BD12345", "nev")]


def test_bad_vehicle_types_import_nothing(estate: Database) -> None:
    rows = [
        _row(2, "1502", "张三", "业主", 车牌="粤B12345", 车辆类型="轿车"),
        _row(3, "1501", "王五", "业主", 车牌="粤B22222、粤B33333", 车辆类型="小型车"),
        _row(4, "1503", "赵六", "业主", 车辆类型="小型车"),  # a type, no plate
        _row(5, "1504", "钱七", "业主", 车牌="粤BD44444", 车辆类型="摩托车"),  # an EV plate
        _row(6, "1505", "孙八", "业主", 车牌="粤B55555", 车辆类型="摩托车"),
        _row(7, "1505", "孙妻", "家属", 车牌="粤B55555", 车辆类型="小型车"),  # two types
        _row(8, "1506", "周九", "业主", 车牌="粤B66666", 车辆类型="小型车"),  # good
    ]
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    messages = {e.row: e.message for e in err.value.errors}
    assert {e.column for e in err.value.errors} == {"车辆类型"}
    assert sorted(messages) == [2, 3, 4, 5, 7]
    assert "车辆类型“轿车”不正确，应为：小型车、新能源、摩托车、其他" in messages[2]
    assert "粤B12345" in messages[2]
    assert "车牌有 2 个，车辆类型有 1 个" in messages[3]
    assert "没有填写车牌" in messages[4]
    assert "新能源车牌" in messages[5]
    assert "第 6 行" in messages[7]
    assert _counts(estate) == (0, 0, 0, 0)


def test_a_type_other_than_the_registered_one_is_refused(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, [_row(2, "1501", "王五", "业主", 车牌="粤B77777")], today=TODAY)
    again = [_row(2, "1501", "", "", 车牌="粤B77777", 车辆类型="小型车")]  # as registered
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, again, today=TODAY)
    other = [_row(2, "1501", "", "", 车牌="粤B77777", 车辆类型="摩托车", 宠物="猫")]
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, other, today=TODAY)
    assert [(e.row, e.column) for e in err.value.errors] == [(2, "车辆类型")]
    assert "已在 3-2-1501 登记为“小型车”" in err.value.errors[0].message
    assert _vehicles(estate, "3-2-1501") == [("粤B77777", "small")]
    assert _counts(estate) == (1, 1, 0, 0)  # the pet of the refused file is not there either


def _cars(db: Database, code: str) -> list[tuple[str, str, str, date | None, date | None]]:
    with db.begin(SUPERVISOR) as s:
        return [
            (v.plate, v.kind, v.parking_space, v.pass_from, v.pass_to)
            for v in hq.unit_vehicles(s, _unit_in(s, code))
        ]


def test_parking_spaces_and_passes_are_paired_with_plates_by_position(estate: Database) -> None:
    rows = [
        _row(2, "701", "徐军健", "业主", 车牌="粤B12345、粤B54321", 车位="B1-001、临999",
             月卡起="2026-01-01、-", 月卡止="2026-12-31、"),
        _row(3, "702", "王五", "业主", 车牌="粤B11111、粤B22222、粤B33333",
             车位="B1-050、、临338"),  # an empty segment: the second car has none
        _row(4, "703", "赵六", "业主", 车牌="粤B44444、粤B55555", 车位="—、B2-001",
             月卡起=datetime(2026, 3, 1)),  # a lone date for two plates: refused below
        _row(5, "704", "钱七", "业主", 车牌="粤B66666", 车位="B2-018",
             月卡起=datetime(2026, 3, 1), 月卡止=datetime(2026, 5, 31)),  # Excel dates
    ]  # fmt: skip
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    assert [(e.row, e.column) for e in err.value.errors] == [(4, "月卡起")]
    assert "车牌有 2 个，月卡起有 1 个" in err.value.errors[0].message
    assert _counts(estate) == (0, 0, 0, 0)  # nothing half-imported

    rows[2] = _row(4, "703", "赵六", "业主", 车牌="粤B44444、粤B55555", 车位="—、B2-001")
    with estate.begin(SUPERVISOR) as s:
        summary = import_ledger(s, rows, today=TODAY)
    assert _cars(estate, "3-2-701") == [
        ("粤B12345", "small", "B1-001", date(2026, 1, 1), date(2026, 12, 31)),
        ("粤B54321", "small", "临999", None, None),
    ]
    assert [c[2] for c in _cars(estate, "3-2-702")] == ["B1-050", "", "临338"]
    assert [c[2] for c in _cars(estate, "3-2-703")] == ["", "B2-001"]
    assert _cars(estate, "3-2-704") == [
        ("粤B66666", "small", "B2-018", date(2026, 3, 1), date(2026, 5, 31))
    ]
    assert (summary.vehicles_created, summary.pets_created, summary.contacts_created) == (
        8,
        0,
        0,
    )


def test_spaces_or_pass_dates_not_matching_the_plates_import_nothing(estate: Database) -> None:
    rows = [
        _row(2, "701", "张三", "业主", 车牌="粤B12345、粤B54321", 车位="B1-001"),
        _row(3, "702", "王五", "业主", 车牌="粤B11111", 月卡起="2026-01-01、2026-02-01"),
        _row(4, "703", "赵六", "业主", 车牌="粤B44444", 月卡起="明年"),
        _row(5, "704", "钱七", "业主", 车牌="粤B66666", 月卡起="2026-05-01", 月卡止="2026-04-30"),
        _row(6, "705", "孙八", "业主", 车牌="粤B77777", 月卡止="2026-04-30"),
        _row(7, "706", "周九", "业主", 月卡起="2026-04-30"),  # a date, no plate
        _row(8, "707", "吴十", "业主", 车牌="粤B88888", 车位="B3-001"),  # good
        _row(9, "707", "吴妻", "家属", 车牌="粤B88888", 车位="B3-002"),  # another space
    ]
    with pytest.raises(LedgerImportError) as err, estate.begin(SUPERVISOR) as s:
        import_ledger(s, rows, today=TODAY)
    found = {(e.row, e.column): e.message for e in err.value.errors}
    assert sorted(found) == [
        (2, "车位"), (3, "月卡起"), (4, "月卡起"), (5, "月卡止"), (6, "月卡起"), (7, "月卡起"),
        (9, "车位"),
    ]  # fmt: skip
    assert "第 8 行的车位为“B3-001”" in found[(9, "车位")]
    assert "车牌有 2 个，车位有 1 个" in found[(2, "车位")]
    assert "不是正确的日期" in found[(4, "月卡起")]
    assert "早于月卡起" in found[(5, "月卡止")]
    assert _counts(estate) == (0, 0, 0, 0)


def test_an_old_single_plate_row_with_its_space_imports_as_before(estate: Database) -> None:
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, [_row(2, "1502", "张三", "业主", 车牌="粤B12345", 车位="B2-018")],
                      today=TODAY)  # fmt: skip
    assert _cars(estate, "3-2-1502") == [("粤B12345", "small", "B2-018", None, None)]


@pytest.fixture
def other_db(_sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A second, empty database (SQLite) to import an export into."""
    folder = tmp_path / "other"
    folder.mkdir()
    database = _fresh_sqlite(_sqlite_template, folder)
    yield database
    database.dispose()


def test_an_export_imports_back_to_the_same_vehicles(estate: Database, other_db: Database) -> None:
    from openpyxl import load_workbook

    people = [_row(2, "701", "徐军健", "业主"), _row(3, "702", "王五", "业主"),
              _row(4, "703", "赵六", "业主"), _row(5, "704", "钱七", "业主")]  # fmt: skip
    with estate.begin(SUPERVISOR) as s:
        import_ledger(s, people, today=TODAY)
        u701, u702, u703 = (_unit_in(s, f"3-2-{r}") for r in ("701", "702", "703"))
        for spec in (
            VehicleSpec("粤B12345", parking_space="B1-050", pass_from=date(2026, 1, 1),
                        pass_to=date(2026, 12, 31)),
            VehicleSpec("粤B54321"),
            VehicleSpec("粤BD12345", kind="nev", parking_space="临338",
                        pass_from=date(2026, 3, 1)),
        ):  # fmt: skip
            hh.add_vehicle(s, u701, spec)
        hh.add_vehicle(s, u702, VehicleSpec("粤B22222", pass_from=date(2026, 2, 1),
                                            pass_to=date(2026, 7, 31)))  # fmt: skip
        hh.add_vehicle(s, u703, VehicleSpec("粤B33333", kind="moto"))
    before = {c: _cars(estate, c) for c in ("3-2-701", "3-2-702", "3-2-703", "3-2-704")}
    with estate.begin(SUPERVISOR) as s:
        data = write_export(ledger_rows(s, actor=SUPERVISOR, today=TODAY))

    ws = load_workbook(BytesIO(data)).worksheets[0]
    table = [list(r) for r in ws.iter_rows(values_only=True)]
    head = next(r for r in table if "车位" in r)
    cells = {r[0]: dict(zip(head, r, strict=True)) for r in table[table.index(head) + 1 :]}
    assert cells["3-2-701"]["车位"] == "B1-050、-、临338"  # positions kept
    assert cells["3-2-701"]["月卡起"] == "2026-01-01、-、2026-03-01"
    assert cells["3-2-701"]["月卡止"] == "2026-12-31、-、-"
    assert cells["3-2-702"]["月卡起"] == datetime(2026, 2, 1)  # one date: an Excel date
    at = next(i for i, r in enumerate(table) if r[0] == "3-2-702") + 1  # its Excel row
    assert ws.cell(at, head.index("月卡起") + 1).is_date
    assert cells["3-2-702"]["车位"] is None  # no space at all: left empty
    assert cells["3-2-703"]["月卡起"] is None

    with other_db.begin(SUPERVISOR) as s:
        reg.create_estate(s, name="翠湖花园")
    with other_db.begin(SUPERVISOR) as s:
        import_ledger(s, read_ledger(data), today=TODAY)
    assert {c: _cars(other_db, c) for c in before} == before
