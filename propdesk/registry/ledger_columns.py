"""The owner ledger's columns and the parsing of one row's cells.

Used by :mod:`propdesk.registry.ledger` (validation and import) and by the Excel
template in ``reports/excel/owners.py``. Works on plain values as openpyxl returns
them (str, int, float, datetime, None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from propdesk.errors import ValidationError
from propdesk.household.values import VEHICLE_KIND_ZH
from propdesk.registry import validation as v
from propdesk.registry.values import (
    OCCUPANCY_ROLE_ZH,
    UNIT_STATUS_ZH,
    UNIT_TYPE_ZH,
)

T = TypeVar("T")

# --- the columns ---------------------------------------------------------------------


@dataclass(frozen=True)
class LedgerColumn:
    """One column of the ledger template.

    Attributes:
        key: internal name.
        header: the Chinese header in row 1 of the sheet (what users see and errors name).
        required: the header must be present in an uploaded file.
        width: column width in the Excel template (characters).
        choices: allowed values (for a drop-down list in the template), empty when free.
        hint: what to write, shown in the template's notes.
        sample: the value of the sample row in the template.
    """

    key: str
    header: str
    required: bool
    width: int
    hint: str
    sample: object = ""
    choices: tuple[str, ...] = ()


TYPE_BY_ZH = {zh: t.value for t, zh in UNIT_TYPE_ZH.items()}
STATUS_BY_ZH = {zh: s.value for s, zh in UNIT_STATUS_ZH.items()}
ROLE_BY_ZH = {zh: r.value for r, zh in OCCUPANCY_ROLE_ZH.items()}

COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("building", "楼栋", True, 8, "楼栋编号，如 3 或 A2（可写“3栋”）", "3"),
    LedgerColumn("entrance", "单元", True, 6, "单元号，如 2（可写“2单元”）", 2),
    LedgerColumn("room", "房号", True, 8, "3–5位数字，如 1502（15层02室）", "1502"),
    LedgerColumn("floor", "楼层", False, 6, "可不填，默认取房号前几位", ""),
    LedgerColumn("area", "建筑面积", True, 10, "平方米，最多两位小数；新房屋必填", 89.56),
    LedgerColumn(
        "unit_type", "房屋类型", False, 9, "默认住宅", "住宅", tuple(UNIT_TYPE_ZH.values())
    ),
    LedgerColumn(
        "status",
        "房屋状态",
        False,
        9,
        "新房屋可填；不填时有业主为自住、有租户为出租、无人为空置",
        "自住",
        tuple(UNIT_STATUS_ZH.values()),
    ),
    LedgerColumn("name", "姓名", True, 10, "业主或住户姓名；只登记房屋时留空", "张三"),
    LedgerColumn(
        "role", "身份", False, 8, "填了姓名必填", "业主", tuple(OCCUPANCY_ROLE_ZH.values())
    ),
    LedgerColumn("phone", "手机", False, 14, "11位手机或带区号座机", "13812345678"),
    LedgerColumn("id_number", "身份证号", False, 21, "18位，用于识别同一人", "11010119900307803X"),
    LedgerColumn(
        "start_date", "入住日期", False, 12, "如 2020-05-01；不填为导入当天", "2020-05-01"
    ),
    LedgerColumn("notes", "备注", False, 24, "有姓名时记入住户备注，否则记入房屋备注", ""),
    # the household's (propdesk.household.ledger); optional: older templates lack them
    LedgerColumn("plates", "车牌", False, 14, "住户车辆车牌，多辆用“、”分隔", "粤B12345"),
    LedgerColumn(
        "vehicle_kind",
        "车辆类型",
        False,
        10,
        "与车牌一一对应，多辆用“、”分隔："
        + "、".join(VEHICLE_KIND_ZH.values())
        + "；不填时6位新能源车牌为新能源，其余为小型车",
        "小型车",
    ),
    LedgerColumn(
        "parking",
        "车位",
        False,
        9,
        "与车牌一一对应，按车牌顺序用“、”分隔；某辆车没有车位填“-”（或留空位，"
        "如“B1-050、、临338”）",
        "B2-018",
    ),
    LedgerColumn(
        "pass_from",
        "月卡起",
        False,
        12,
        "月卡开始日期，与车牌一一对应，如 2026-01-01；多辆用“、”分隔，没有月卡的填“-”",
        "2026-01-01",
    ),
    LedgerColumn(
        "pass_to",
        "月卡止",
        False,
        12,
        "月卡截止日期，与车牌一一对应，不早于月卡起；没有月卡或不限期的填“-”",
        "2026-12-31",
    ),
    LedgerColumn("pets", "宠物", False, 10, "种类和名字，如“犬 旺财”，多只用“、”分隔", "犬 旺财"),
    LedgerColumn(
        "pet_vaccinated",
        "宠物疫苗日期",
        False,
        12,
        "与宠物一一对应，如 2026-03-01；某只未接种填“-”",
        "2026-03-01",
    ),
    LedgerColumn(
        "contact", "紧急联系人", False, 12, "姓名（关系），多位用“、”分隔", "李芳（女儿）"
    ),
    LedgerColumn(
        "contact_phone", "紧急联系人电话", False, 14, "与紧急联系人一一对应", "13900001111"
    ),
)
COLUMN_BY_HEADER = {c.header: c for c in COLUMNS}
HEADERS = tuple(c.header for c in COLUMNS)
REQUIRED_HEADERS = tuple(c.header for c in COLUMNS if c.required)


# --- values --------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """One data row of an uploaded sheet: its row number in Excel and ``{header: value}``."""

    row: int
    values: Mapping[str, object]


@dataclass(frozen=True)
class LedgerError:
    """One problem: Excel row number, column header (``""`` for the whole row), message."""

    row: int
    column: str
    message: str


# --- cell parsing --------------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


def _int_text(value: object, suffixes: tuple[str, ...]) -> str:
    t = _text(value)
    for s in suffixes:
        if t.endswith(s):
            t = t[: -len(s)].strip()
            break
    return t


def _building(value: object) -> str:
    t = _int_text(value, ("号楼", "栋", "幢", "座", "号"))
    try:
        return v.validate_building_code(t)
    except ValidationError as e:
        raise _CellError(e.message) from None


def _entrance(value: object) -> int:
    t = _int_text(value, ("单元",))
    if not t.isdigit() or not 1 <= int(t) <= 20:
        raise _CellError(f"单元“{_text(value)}”应为1到20之间的数字。")
    return int(t)


def _room(value: object) -> str:
    t = _int_text(value, ("室", "号"))
    try:
        return v.validate_room(t)
    except ValidationError as e:
        raise _CellError(e.message) from None


def _floor(value: object, room: str) -> int:
    t = _int_text(value, ("层", "楼"))
    if not t:
        return int(room[:-2])
    try:
        floor = int(t)
    except ValueError:
        raise _CellError(f"楼层“{_text(value)}”不是整数。") from None
    if floor == 0 or not -5 <= floor <= 200:
        raise _CellError(f"楼层 {floor} 不合理。")
    return floor


def _area(value: object) -> int:
    if isinstance(value, float):
        value = repr(value)  # 89.56 stays 89.56, not its binary expansion
    try:
        return v.parse_area(_text(value))
    except ValidationError as e:
        raise _CellError(e.message) from None


def _choice(value: object, mapping: Mapping[str, str], label: str) -> str:
    t = _text(value)
    if t in mapping:
        return mapping[t]
    if t in mapping.values():  # internal names are accepted too
        return t
    raise _CellError(f"{label}“{t}”不正确，应为：{'、'.join(mapping)}。")


_DATE_TEXT = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


def _date(value: object, today: date) -> date:
    if isinstance(value, datetime):
        d = value.date()
    elif isinstance(value, date):
        d = value
    else:
        t = _text(value)
        m = _DATE_TEXT.match(t)
        if not m:
            raise _CellError(f"入住日期“{t}”格式不正确，应如 2020-05-01。")
        try:
            d = date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise _CellError(f"入住日期“{t}”不存在。") from None
    problem = v.occupancy_date_problem(d, today)
    if problem:
        raise _CellError(problem)
    return d


def is_blank_row(values: Mapping[str, object]) -> bool:
    return all(_text(values.get(h)) == "" for h in HEADERS)


@dataclass
class ParsedRow:
    row: int
    building: str
    entrance: int
    room: str
    floor: int
    area_centi: int | None
    unit_type: str | None
    status: str | None
    name: str
    role: str | None
    phone: str
    id_number: str | None
    start_date: date | None
    notes: str

    @property
    def code(self) -> str:
        return f"{self.building}-{self.entrance}-{self.room}"


def parse_row(src: SourceRow, today: date, errors: list[LedgerError]) -> ParsedRow | None:
    """Parse one row, appending every cell problem; None when the unit cannot be identified."""
    vals = src.values
    before = len(errors)

    def cell(header: str, parse: Callable[[object], T]) -> T | None:
        try:
            return parse(vals.get(header))
        except _CellError as e:
            errors.append(LedgerError(src.row, header, e.message))
            return None

    def filled(header: str) -> bool:
        return _text(vals.get(header)) != ""

    building = cell("楼栋", _building) if filled("楼栋") else None
    if not filled("楼栋"):
        errors.append(LedgerError(src.row, "楼栋", "请填写楼栋。"))
    entrance = cell("单元", _entrance) if filled("单元") else None
    if not filled("单元"):
        errors.append(LedgerError(src.row, "单元", "请填写单元。"))
    room = cell("房号", _room) if filled("房号") else None
    if not filled("房号"):
        errors.append(LedgerError(src.row, "房号", "请填写房号。"))
    floor = cell("楼层", lambda x: _floor(x, room or "")) if room is not None else None
    area = cell("建筑面积", _area) if filled("建筑面积") else None
    unit_type = (
        cell("房屋类型", lambda x: _choice(x, TYPE_BY_ZH, "房屋类型"))
        if filled("房屋类型")
        else None
    )
    status = (
        cell("房屋状态", lambda x: _choice(x, STATUS_BY_ZH, "房屋状态"))
        if filled("房屋状态")
        else None
    )
    name = _text(vals.get("姓名"))
    if len(name) > 50:
        errors.append(LedgerError(src.row, "姓名", "姓名不能超过50个字。"))
    role = cell("身份", lambda x: _choice(x, ROLE_BY_ZH, "身份")) if filled("身份") else None

    def phone_of(x: object) -> str:
        try:
            return v.normalize_phone(_text(x))
        except ValidationError as e:
            raise _CellError(e.message) from None

    def id_of(x: object) -> str | None:
        if isinstance(x, int | float) and len(_text(x)) >= 15:
            raise _CellError(
                "身份证号被 Excel 存成了数字，末几位可能已丢失：请把该列设为文本格式后重新填写。"
            )
        t = _text(x)
        if "*" in t:
            raise _CellError("身份证号已打码（含*），请填写完整号码或留空。")
        try:
            return v.normalize_id_number(t, today=today)
        except ValidationError as e:
            raise _CellError(e.message) from None

    phone = cell("手机", phone_of) if filled("手机") else ""
    id_number = cell("身份证号", id_of) if filled("身份证号") else None
    start = cell("入住日期", lambda x: _date(x, today)) if filled("入住日期") else None
    notes = _text(vals.get("备注"))

    if name:
        if not filled("身份"):
            errors.append(LedgerError(src.row, "身份", f"请填写身份（{'、'.join(ROLE_BY_ZH)}）。"))
    else:
        for header in ("身份", "手机", "身份证号", "入住日期"):
            if filled(header):
                errors.append(LedgerError(src.row, header, f"填写了{header}但没有填写姓名。"))
    if (
        len(errors) > before
        or building is None
        or entrance is None
        or room is None
        or floor is None
    ):
        return None
    return ParsedRow(
        row=src.row,
        building=building,
        entrance=entrance,
        room=room,
        floor=floor,
        area_centi=area,
        unit_type=unit_type,
        status=status,
        name=name,
        role=role,
        phone=phone or "",
        id_number=id_number,
        start_date=start,
        notes=notes,
    )
