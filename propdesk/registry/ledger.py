"""The owner ledger (业主台账): its columns, all-or-nothing import, and rows for export/print.

One ledger row is one person in one unit (a unit with two owners has two rows; a
row without a name registers the unit alone). Importing:

* every row is checked before anything is written (:func:`validate_ledger`),
  including duplicates within the file and conflicts with what is already
  registered; each problem is reported as (Excel row, column header, message);
* any problem → :class:`LedgerImportError` and nothing is written;
* otherwise buildings and units missing from the registry are created, people are
  matched by ID number (or, without one, by the same name and phone) or created,
  and an occupancy is recorded per row — all with bulk inserts in the caller's
  transaction (:func:`import_ledger`).

This module works on plain row values (``{header: value}``); reading and writing
Excel files is :mod:`reports.excel.owners`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, require
from propdesk.errors import DomainError, NotFound, ValidationError
from propdesk.privacy import mask_id_number, may_see_personal_data, shown_phone
from propdesk.registry import validation as v
from propdesk.registry.models import (
    OCCUPANCY_ROLE_ZH,
    UNIT_STATUS_ZH,
    UNIT_TYPE_ZH,
    Building,
    Estate,
    Occupancy,
    OccupancyRole,
    Person,
    Unit,
    UnitStatus,
    UnitType,
)
from propdesk.registry.pinyin import pinyin_keys

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


@dataclass(frozen=True)
class _UnitPlan:
    code: str
    building_code: str
    entrance: int
    floor: int
    room: str
    area_centi: int
    unit_type: str
    status: str | None
    notes: str
    existing_id: int | None
    first_row: int


@dataclass(frozen=True)
class _PersonPlan:
    key: str
    name: str
    phone: str
    id_number: str | None
    notes: str
    existing_id: int | None


@dataclass(frozen=True)
class _OccupancyPlan:
    row: int
    unit_code: str
    person_key: str
    role: str
    start_date: date


@dataclass(frozen=True)
class LedgerCheck:
    """The outcome of checking a whole file.

    Attributes:
        rows: number of data rows read (blank rows are not counted).
        errors: every problem found, in row order; empty when the file can be imported.
    """

    rows: int
    errors: tuple[LedgerError, ...]
    new_buildings: tuple[str, ...] = ()
    _units: tuple[_UnitPlan, ...] = field(default=(), repr=False)
    _people: tuple[_PersonPlan, ...] = field(default=(), repr=False)
    _occupancies: tuple[_OccupancyPlan, ...] = field(default=(), repr=False)
    _building_sizes: Mapping[str, tuple[int, int]] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportSummary:
    """What an import wrote."""

    rows: int
    buildings_created: tuple[str, ...]
    units_created: int
    units_matched: int
    people_created: int
    people_matched: int
    occupancies_created: int


class LedgerImportError(DomainError):
    """The file has problems; nothing was imported. ``errors`` lists them row by row."""

    def __init__(self, errors: Sequence[LedgerError]) -> None:
        rows = len({e.row for e in errors if e.row})
        if rows:
            message = f"表格中有 {rows} 行存在 {len(errors)} 处问题，未导入任何数据。"
        else:
            message = "".join(e.message for e in errors) + "未导入任何数据。"
        super().__init__(message)
        self.errors = tuple(errors)


@dataclass(frozen=True)
class LedgerLine:
    """One line of the ledger for export and printing (personal data already masked)."""

    unit_code: str
    building_code: str
    building_name: str
    entrance: int
    floor: int
    room: str
    area_centi: int
    unit_type: str
    status: str
    unit_notes: str
    person_name: str = ""
    role: str = ""
    phone: str = ""
    id_number: str = ""
    start_date: date | None = None
    person_notes: str = ""

    def as_row(self) -> dict[str, object]:
        """The line as ``{header: value}`` in the template's columns (for the Excel export)."""
        return {
            "楼栋": self.building_code,
            "单元": self.entrance,
            "房号": self.room,
            "楼层": self.floor,
            "建筑面积": Decimal(self.area_centi) / 100,
            "房屋类型": UNIT_TYPE_ZH.get(UnitType(self.unit_type), self.unit_type)
            if self.unit_type in set(UnitType)
            else self.unit_type,
            "房屋状态": UNIT_STATUS_ZH[UnitStatus(self.status)]
            if self.status in set(UnitStatus)
            else self.status,
            "姓名": self.person_name,
            "身份": OCCUPANCY_ROLE_ZH[OccupancyRole(self.role)]
            if self.role in set(OccupancyRole)
            else self.role,
            "手机": self.phone,
            "身份证号": self.id_number,
            "入住日期": self.start_date,
            "备注": self.person_notes if self.person_name else self.unit_notes,
        }


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
    if d > today:
        raise _CellError(f"入住日期 {d:%Y-%m-%d} 晚于今天。")
    if d.year < 1950:
        raise _CellError(f"入住日期 {d:%Y-%m-%d} 不合理。")
    return d


def _is_blank(values: Mapping[str, object]) -> bool:
    return all(_text(values.get(h)) == "" for h in HEADERS)


# --- validation ----------------------------------------------------------------------

_CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _estate_id(session: Session) -> int:
    eid = session.scalar(select(Estate.id).order_by(Estate.id).limit(1))
    if eid is None:
        raise NotFound("尚未建立小区资料，请先在系统中建立小区后再导入业主台账。")
    return eid


@dataclass
class _ParsedRow:
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


def _parse_row(src: SourceRow, today: date, errors: list[LedgerError]) -> _ParsedRow | None:
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
        t = _text(x)
        if "*" in t:
            raise _CellError("身份证号已打码（含*），请填写完整号码或留空。")
        try:
            return v.normalize_id_number(t)
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
    return _ParsedRow(
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


def _area_text(centi: int) -> str:
    return f"{Decimal(centi) / 100:.2f}"


def validate_ledger(
    session: Session, rows: Iterable[SourceRow], *, today: date | None = None
) -> LedgerCheck:
    """Check every row of a ledger file against itself and the registry; write nothing.

    Problems found: bad cells (format, missing values), rows repeating another row,
    the same unit described differently on two rows, an ID number given to two
    different names, and conflicts with the registry (a unit registered with another
    area or type, an ID number registered under another name, an occupant already
    registered in the unit, a unit beyond its building's entrances).
    """
    today = today or date.today()
    errors: list[LedgerError] = []
    parsed: list[_ParsedRow] = []
    count = 0
    for src in rows:
        if _is_blank(src.values):
            continue
        count += 1
        p = _parse_row(src, today, errors)
        if p is not None:
            parsed.append(p)
    if count == 0:
        return LedgerCheck(0, (LedgerError(0, "", "表格中没有数据行。"),))

    estate_id = _estate_id(session)
    buildings = {
        code: (bid, floors, entrances)
        for bid, code, floors, entrances in session.execute(
            select(Building.id, Building.code, Building.floors, Building.entrances).where(
                Building.estate_id == estate_id
            )
        )
    }
    codes = sorted({p.code for p in parsed})
    units: dict[str, tuple[int, int, str]] = {}
    for chunk in _chunks(codes):
        for uid, code, area, utype in session.execute(
            select(Unit.id, Unit.code, Unit.area_centi, Unit.unit_type).where(
                Unit.estate_id == estate_id, Unit.code.in_(chunk)
            )
        ):
            units[code] = (uid, area, utype)
    id_numbers = sorted({p.id_number for p in parsed if p.id_number})
    people_by_id: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(id_numbers):
        for pid, idn, name in session.execute(
            select(Person.id, Person.id_number, Person.name).where(Person.id_number.in_(chunk))
        ):
            if idn:
                people_by_id[idn] = (pid, name)
    names = sorted({p.name for p in parsed if p.name and not p.id_number and p.phone})
    people_by_name_phone: dict[tuple[str, str], list[int]] = {}
    for chunk in _chunks(names):
        for pid, name, phone in session.execute(
            select(Person.id, Person.name, Person.phone).where(Person.name.in_(chunk))
        ):
            people_by_name_phone.setdefault((name, phone), []).append(pid)
    # Current occupants of the units already registered: (unit code, role) → names / ids
    current: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    unit_ids = sorted(str(u[0]) for u in units.values())
    code_by_uid = {u[0]: c for c, u in units.items()}
    for chunk in _chunks(unit_ids):
        for uid, role, name, idn in session.execute(
            select(Occupancy.unit_id, Occupancy.role, Person.name, Person.id_number)
            .join(Person, Person.id == Occupancy.person_id)
            .where(
                Occupancy.unit_id.in_([int(x) for x in chunk]),
                or_(Occupancy.end_date.is_(None), Occupancy.end_date >= today),
            )
        ):
            current.setdefault((code_by_uid[uid], role), set()).add((name, idn))

    unit_plans: dict[str, _UnitPlan] = {}
    people: dict[str, _PersonPlan] = {}
    id_first_row: dict[str, tuple[int, str]] = {}
    seen: dict[tuple[str, str, str], int] = {}
    occupancies: list[_OccupancyPlan] = []
    new_building_sizes: dict[str, tuple[int, int]] = {}

    for p in parsed:
        ok = True
        # The building: an existing one bounds entrance and floor; a new one is sized by the file.
        if p.building in buildings:
            _bid, floors, entrances = buildings[p.building]
            if p.entrance > entrances:
                errors.append(
                    LedgerError(
                        p.row,
                        "单元",
                        f"{p.building}栋只有 {entrances} 个单元，没有 {p.entrance} 单元。",
                    )
                )
                ok = False
            if p.floor > floors:
                errors.append(
                    LedgerError(
                        p.row, "楼层", f"{p.building}栋只有 {floors} 层，没有 {p.floor} 层。"
                    )
                )
                ok = False
        else:
            f, e = new_building_sizes.get(p.building, (1, 1))
            new_building_sizes[p.building] = (max(f, p.floor), max(e, p.entrance))

        # The unit: consistent with the registry and with earlier rows of the file.
        known = units.get(p.code)
        earlier = unit_plans.get(p.code)
        if known is not None:
            uid, area, utype = known
            if p.area_centi is not None and p.area_centi != area:
                errors.append(
                    LedgerError(
                        p.row,
                        "建筑面积",
                        f"房屋 {p.code} 已登记面积 {_area_text(area)} m²，与表中 {_area_text(p.area_centi)} m² 不一致。",
                    )
                )
                ok = False
            if p.unit_type is not None and p.unit_type != utype:
                errors.append(
                    LedgerError(
                        p.row,
                        "房屋类型",
                        f"房屋 {p.code} 已登记为{UNIT_TYPE_ZH.get(UnitType(utype), utype)}，与表中不一致。",
                    )
                )
                ok = False
        elif earlier is not None:
            if p.area_centi is not None and p.area_centi != earlier.area_centi:
                errors.append(
                    LedgerError(
                        p.row,
                        "建筑面积",
                        f"与第 {earlier.first_row} 行的同一房屋 {p.code} 面积不一致（{_area_text(earlier.area_centi)} m²）。",
                    )
                )
                ok = False
            for header, mine, theirs in (
                ("房屋类型", p.unit_type, earlier.unit_type),
                ("房屋状态", p.status, earlier.status),
            ):
                if mine is not None and theirs is not None and mine != theirs:
                    errors.append(
                        LedgerError(
                            p.row,
                            header,
                            f"与第 {earlier.first_row} 行的同一房屋 {p.code} {header}不一致。",
                        )
                    )
                    ok = False
        elif p.area_centi is None:
            errors.append(
                LedgerError(p.row, "建筑面积", f"房屋 {p.code} 尚未登记，请填写建筑面积。")
            )
            ok = False

        # The person: matched by ID number, else by name and phone; checked against the file.
        person_key = ""
        if p.name:
            if p.id_number:
                person_key = f"id:{p.id_number}"
                first = id_first_row.get(p.id_number)
                registered = people_by_id.get(p.id_number)
                if registered is not None and registered[1] != p.name:
                    errors.append(
                        LedgerError(
                            p.row,
                            "身份证号",
                            f"该身份证号在系统中登记为“{registered[1]}”，与本行姓名“{p.name}”不一致。",
                        )
                    )
                    ok = False
                elif first is not None and first[1] != p.name:
                    errors.append(
                        LedgerError(
                            p.row,
                            "身份证号",
                            f"该身份证号在第 {first[0]} 行属于“{first[1]}”，与本行姓名“{p.name}”不一致。",
                        )
                    )
                    ok = False
                id_first_row.setdefault(p.id_number, (p.row, p.name))
            else:
                person_key = f"name:{p.name}\t{p.phone}"
            assert p.role is not None
            dup_key = (p.code, person_key, p.role)
            if dup_key in seen:
                errors.append(
                    LedgerError(
                        p.row,
                        "",
                        f"与第 {seen[dup_key]} 行重复：{p.name} 已作为{OCCUPANCY_ROLE_ZH[OccupancyRole(p.role)]}登记在 {p.code}。",
                    )
                )
                ok = False
            else:
                seen[dup_key] = p.row
            if known is not None:
                for name, idn in current.get((p.code, p.role), ()):
                    if (p.id_number and idn == p.id_number) or (
                        name == p.name and (not p.id_number or not idn)
                    ):
                        errors.append(
                            LedgerError(
                                p.row,
                                "姓名",
                                f"{p.name} 已作为{OCCUPANCY_ROLE_ZH[OccupancyRole(p.role)]}登记在 {p.code}，不能重复导入。",
                            )
                        )
                        ok = False
                        break
        if not ok:
            continue

        if earlier is None and known is None:
            unit_plans[p.code] = _UnitPlan(
                code=p.code,
                building_code=p.building,
                entrance=p.entrance,
                floor=p.floor,
                room=p.room,
                area_centi=p.area_centi or 0,
                unit_type=p.unit_type or UnitType.RESIDENCE.value,
                status=p.status,
                notes="" if p.name else p.notes,
                existing_id=None,
                first_row=p.row,
            )
        elif known is not None and p.code not in unit_plans:
            unit_plans[p.code] = _UnitPlan(
                code=p.code,
                building_code=p.building,
                entrance=p.entrance,
                floor=p.floor,
                room=p.room,
                area_centi=known[1],
                unit_type=known[2],
                status=None,
                notes="",
                existing_id=known[0],
                first_row=p.row,
            )
        if p.name and p.role:
            if person_key not in people:
                existing: int | None = None
                if p.id_number and p.id_number in people_by_id:
                    existing = people_by_id[p.id_number][0]
                elif not p.id_number and p.phone:
                    matches = people_by_name_phone.get((p.name, p.phone), [])
                    existing = matches[0] if len(matches) == 1 else None
                people[person_key] = _PersonPlan(
                    key=person_key,
                    name=p.name,
                    phone=p.phone,
                    id_number=p.id_number,
                    notes=p.notes,
                    existing_id=existing,
                )
            occupancies.append(
                _OccupancyPlan(
                    row=p.row,
                    unit_code=p.code,
                    person_key=person_key,
                    role=p.role,
                    start_date=p.start_date or today,
                )
            )

    errors.sort(key=lambda e: (e.row, HEADERS.index(e.column) if e.column in HEADERS else -1))
    return LedgerCheck(
        rows=count,
        errors=tuple(errors),
        new_buildings=tuple(sorted(new_building_sizes, key=_building_sort_key)),
        _units=tuple(unit_plans.values()),
        _people=tuple(people.values()),
        _occupancies=tuple(occupancies),
        _building_sizes=new_building_sizes,
    )


def _building_sort_key(code: str) -> tuple[int, str]:
    return (int(code) if code.isdigit() else 10_000, code)


_AUDIT_NOTE = "导入业主台账"

# --- import --------------------------------------------------------------------------


def import_ledger(
    session: Session, rows: Iterable[SourceRow], *, today: date | None = None
) -> ImportSummary:
    """Validate the whole ledger, then write it in the caller's transaction.

    Raises :class:`LedgerImportError` (carrying every problem) and writes nothing
    when any row is bad. Needs the ``IMPORT_DATA`` and ``EDIT_REGISTRY`` permissions.
    """
    actor = session.info.get("actor")
    who = actor if isinstance(actor, Actor) else None
    require(who, Permission.IMPORT_DATA)
    require(who, Permission.EDIT_REGISTRY)
    check = validate_ledger(session, rows, today=today)
    if not check.ok:
        raise LedgerImportError(check.errors)
    estate_id = _estate_id(session)

    building_ids: dict[str, int] = {}
    for code, bid in session.execute(
        select(Building.code, Building.id).where(Building.estate_id == estate_id)
    ):
        building_ids[code] = bid
    for code in check.new_buildings:
        floors, entrances = check._building_sizes[code]
        b = Building(
            estate_id=estate_id,
            code=code,
            name=f"{code}栋",
            floors=max(floors, 1),
            entrances=entrances,
            sort_key=_building_sort_key(code)[0],
        )
        session.add(b)
        session.flush()
        building_ids[code] = b.id

    # Status of new units: as given, else from who lives there.
    roles_by_unit: dict[str, set[str]] = {}
    for o in check._occupancies:
        roles_by_unit.setdefault(o.unit_code, set()).add(o.role)

    def status_of(u: _UnitPlan) -> str:
        if u.status:
            return u.status
        roles = roles_by_unit.get(u.code, set())
        if not roles:
            return UnitStatus.VACANT.value
        if roles == {OccupancyRole.TENANT.value} or OccupancyRole.TENANT.value in roles:
            return UnitStatus.RENTED.value
        return UnitStatus.OCCUPIED.value

    unit_ids = {u.code: u.existing_id for u in check._units if u.existing_id is not None}
    new_units = [u for u in check._units if u.existing_id is None]
    if new_units:
        ids = session.scalars(
            insert(Unit)
            .execution_options(audit_note=_AUDIT_NOTE)
            .returning(Unit.id, sort_by_parameter_order=True),
            [
                {
                    "estate_id": estate_id,
                    "building_id": building_ids[u.building_code],
                    "code": u.code,
                    "entrance": u.entrance,
                    "floor": u.floor,
                    "room": u.room,
                    "area_centi": u.area_centi,
                    "unit_type": u.unit_type,
                    "status": status_of(u),
                    "notes": u.notes,
                }
                for u in new_units
            ],
        ).all()
        unit_ids.update(zip((u.code for u in new_units), ids, strict=True))

    person_ids = {p.key: p.existing_id for p in check._people if p.existing_id is not None}
    new_people = [p for p in check._people if p.existing_id is None]
    if new_people:
        rows_out = []
        for p in new_people:
            initials, full = pinyin_keys(p.name)
            rows_out.append(
                {
                    "name": p.name,
                    "name_initials": initials[:50],
                    "name_pinyin": full[:200],
                    "phone": p.phone,
                    "id_number": p.id_number,
                    "notes": p.notes,
                }
            )
        ids = session.scalars(
            insert(Person)
            .execution_options(audit_note=_AUDIT_NOTE)
            .returning(Person.id, sort_by_parameter_order=True),
            rows_out,
        ).all()
        person_ids.update(zip((p.key for p in new_people), ids, strict=True))

    if check._occupancies:
        session.execute(
            insert(Occupancy).execution_options(audit_note=_AUDIT_NOTE),
            [
                {
                    "person_id": person_ids[o.person_key],
                    "unit_id": unit_ids[o.unit_code],
                    "role": o.role,
                    "start_date": o.start_date,
                }
                for o in check._occupancies
            ],
        )

    summary = ImportSummary(
        rows=check.rows,
        buildings_created=check.new_buildings,
        units_created=len(new_units),
        units_matched=len(check._units) - len(new_units),
        people_created=len(new_people),
        people_matched=len(check._people) - len(new_people),
        occupancies_created=len(check._occupancies),
    )
    session.flush()
    return summary


# --- export and print ----------------------------------------------------------------

_ROLE_ORDER = {r.value: i for i, r in enumerate(OccupancyRole)}


def ledger_rows(
    session: Session,
    *,
    building_id: int | None = None,
    actor: Actor | None,
    today: date | None = None,
) -> list[LedgerLine]:
    """The ledger as lines: each current occupant of each unit, and vacant units alone.

    Ordered by building, entrance, floor and room, owners first. Phones are shown
    as ``actor`` may see them; ID numbers are always masked (the ledger leaves the
    system as a file or on paper).
    """
    today = today or date.today()
    may_see = may_see_personal_data(actor)
    occ = (
        select(
            Occupancy.unit_id,
            Occupancy.role,
            Occupancy.start_date,
            Person.name,
            Person.phone,
            Person.id_number,
            Person.notes,
        )
        .join(Person, Person.id == Occupancy.person_id)
        .where(or_(Occupancy.end_date.is_(None), Occupancy.end_date >= today))
        .subquery()
    )
    stmt = (
        select(
            Unit.code,
            Building.code,
            Building.name,
            Unit.entrance,
            Unit.floor,
            Unit.room,
            Unit.area_centi,
            Unit.unit_type,
            Unit.status,
            Unit.notes,
            occ.c.name,
            occ.c.role,
            occ.c.phone,
            occ.c.id_number,
            occ.c.start_date,
            occ.c.notes,
        )
        .join(Building, Building.id == Unit.building_id)
        .outerjoin(occ, occ.c.unit_id == Unit.id)
        .order_by(Building.sort_key, Building.code, Unit.entrance, Unit.floor, Unit.room, Unit.id)
    )
    if building_id is not None:
        stmt = stmt.where(Unit.building_id == building_id)
    lines = [
        LedgerLine(
            unit_code=code,
            building_code=bcode,
            building_name=bname,
            entrance=entrance,
            floor=floor,
            room=room,
            area_centi=area,
            unit_type=utype,
            status=status,
            unit_notes=unotes or "",
            person_name=name or "",
            role=role or "",
            phone=(phone or "") if may_see else shown_phone(actor, phone),
            id_number=mask_id_number(idn),
            start_date=start,
            person_notes=pnotes or "",
        )
        for (
            code,
            bcode,
            bname,
            entrance,
            floor,
            room,
            area,
            utype,
            status,
            unotes,
            name,
            role,
            phone,
            idn,
            start,
            pnotes,
        ) in session.execute(stmt)
    ]
    # Within a unit: owners first, then co-owners, tenants, family; stable otherwise.
    order = {line.unit_code: i for i, line in reversed(list(enumerate(lines)))}
    lines.sort(key=lambda ln: (order[ln.unit_code], _ROLE_ORDER.get(ln.role, 9)))
    return lines
