"""Registry services: create and edit estates, buildings, units, people and occupancies.

The caller owns the session (one transaction per user action); every function
validates its input and raises a :mod:`propdesk.errors` error a clerk understands.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Executable, Integer, Select, bindparam, func, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import Conflict, NotFound, ValidationError
from propdesk.privacy import mask_id_number, may_see_personal_data, shown_phone
from propdesk.registry import validation as v
from propdesk.registry.models import (
    Building,
    Estate,
    Occupancy,
    OccupancyRole,
    ParkingSpace,
    Person,
    Unit,
    UnitStatus,
    UnitType,
)
from propdesk.registry.personal import check_id_number_free
from propdesk.registry.pinyin import pinyin_keys
from propdesk.registry.unit_sort import refresh_unit_sort
from propdesk.registry.values import (
    BuildingInfo,
    EstateInfo,
    OccupancyInfo,
    PersonDossier,
    PersonInfo,
    UnitDossier,
    UnitInfo,
)
from propdesk.session_info import actor_or_none as _actor
from propdesk.validate import clean_column, column_limit


def _require_edit(session: Session) -> None:
    """Every registry write needs EDIT_REGISTRY (the service enforces it, not only the UI)."""
    require(_actor(session), Permission.EDIT_REGISTRY)


def check_version(kind: str, stored: int, expected: int | None) -> None:
    """Raise Conflict when the record changed since the user opened it."""
    if expected is not None and stored != expected:
        raise Conflict(f"该{kind}已被其他工作站修改，请关闭后重新打开再保存（您的修改未保存）。")


# --- estate and buildings -------------------------------------------------------------


def create_estate(
    session: Session, *, name: str, address: str = "", phone: str = "", company: str = ""
) -> int:
    _require_edit(session)
    estate = Estate(
        name=v.require_text(name, "name", "小区名称", column_limit(Estate.name)),
        address=clean_column(address, Estate.address, label="地址"),
        phone=v.normalize_phone(phone, "phone"),
        company=clean_column(company, Estate.company, label="物业公司"),
    )
    session.add(estate)
    session.flush()
    return estate.id


def get_estate(session: Session, estate_id: int | None = None) -> EstateInfo:
    """The estate (the first one when no id is given: a desk serves one estate)."""
    stmt = (
        select(Estate).order_by(Estate.id).limit(1)
        if estate_id is None
        else select(Estate).where(Estate.id == estate_id)
    )
    e = session.scalars(stmt).first()
    if e is None:
        raise NotFound("尚未建立小区资料。")
    return EstateInfo(e.id, e.name, e.address, e.phone, e.company, e.version)


def has_estate(session: Session) -> bool:
    return session.scalar(select(func.count(Estate.id))) != 0


def create_building(
    session: Session,
    *,
    estate_id: int,
    code: str,
    name: str | None = None,
    floors: int,
    entrances: int = 1,
    has_elevator: bool = True,
) -> int:
    _require_edit(session)
    code = v.validate_building_code(code)
    if floors < 1 or floors > 200:
        raise ValidationError("floors", "楼层数应在1到200之间。")
    if entrances < 1 or entrances > 20:
        raise ValidationError("entrances", "单元数应在1到20之间。")
    if session.scalar(
        select(Building.id).where(Building.estate_id == estate_id, Building.code == code)
    ):
        raise ValidationError("code", f"楼栋 {code} 已存在。")
    b = Building(
        estate_id=estate_id,
        code=code,
        name=v.require_text(
            (name or "").strip() or f"{code}栋", "name", "楼栋名称", column_limit(Building.name)
        ),
        floors=floors,
        entrances=entrances,
        has_elevator=has_elevator,
        sort_key=int(code) if code.isdigit() else 10_000,
    )
    session.add(b)
    session.flush()
    return b.id


def get_building(session: Session, building_id: int) -> BuildingInfo:
    """One building with its unit count (what the edit dialog starts from)."""
    b = session.get(Building, building_id)
    if b is None:
        raise NotFound("该楼栋不存在或已被删除。")
    n = session.scalar(select(func.count(Unit.id)).where(Unit.building_id == building_id)) or 0
    return BuildingInfo(
        b.id, b.estate_id, b.code, b.name, b.floors, b.entrances, b.has_elevator, n, b.version
    )


def update_building(
    session: Session,
    building_id: int,
    *,
    expected_version: int | None,
    name: str | None = None,
    floors: int | None = None,
    entrances: int | None = None,
    has_elevator: bool | None = None,
) -> None:
    """Save edits to a building. The code (part of every unit code) cannot change.

    Floors and entrances may not drop below the highest floor / entrance a registered
    unit is on; the error names that unit. An empty name becomes ``<code>栋``.
    """
    _require_edit(session)
    b = session.get(Building, building_id)
    if b is None:
        raise NotFound("该楼栋不存在或已被删除。")
    check_version("楼栋", b.version, expected_version)
    if name is not None:
        b.name = v.require_text(
            name.strip() or f"{b.code}栋", "name", "楼栋名称", column_limit(Building.name)
        )
    if floors is not None:
        if floors < 1 or floors > 200:
            raise ValidationError("floors", "楼层数应在1到200之间。")
        if floors < b.floors:
            _refuse_if_units_above(session, b, "floors", Unit.floor, floors)
        b.floors = floors
    if entrances is not None:
        if entrances < 1 or entrances > 20:
            raise ValidationError("entrances", "单元数应在1到20之间。")
        if entrances < b.entrances:
            _refuse_if_units_above(session, b, "entrances", Unit.entrance, entrances)
        b.entrances = entrances
    if has_elevator is not None:
        b.has_elevator = has_elevator
    session.flush()


def _refuse_if_units_above(
    session: Session, b: Building, field: str, column: Any, limit: int
) -> None:
    """ValidationError naming the unit on the highest floor / entrance above ``limit``."""
    over = (Unit.building_id == b.id) & (column > limit)
    top = session.execute(
        select(Unit.code, column).where(over).order_by(column.desc(), Unit.code).limit(1)
    ).first()
    if top is None:
        return
    code, value = top
    n = session.scalar(select(func.count(Unit.id)).where(over)) or 0
    if field == "floors":
        beyond = f"（共 {n} 套房屋在第 {limit} 层以上）" if n > 1 else ""
        raise ValidationError(
            field,
            f"{b.name}不能减到 {limit} 层：房屋 {code} 在第 {value} 层{beyond}，"
            f"楼层数至少为 {value}。",
        )
    beyond = f"（共 {n} 套房屋在 {limit} 单元以后）" if n > 1 else ""
    raise ValidationError(
        field,
        f"{b.name}不能减到 {limit} 个单元：房屋 {code} 在 {value} 单元{beyond}，"
        f"单元数至少为 {value}。",
    )


def list_buildings(session: Session, estate_id: int | None = None) -> list[BuildingInfo]:
    counts = (
        select(Unit.building_id, func.count(Unit.id).label("n"))
        .group_by(Unit.building_id)
        .subquery()
    )
    stmt = (
        select(Building, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.building_id == Building.id)
        .order_by(Building.sort_key, Building.code)
    )
    if estate_id is not None:
        stmt = stmt.where(Building.estate_id == estate_id)
    return [
        BuildingInfo(
            b.id, b.estate_id, b.code, b.name, b.floors, b.entrances, b.has_elevator, n, b.version
        )
        for b, n in session.execute(stmt)
    ]


# --- units ---------------------------------------------------------------------------


def unit_code(building_code: str, entrance: int, room: str) -> str:
    return f"{building_code}-{entrance}-{room}"


def create_unit(
    session: Session,
    *,
    building_id: int,
    entrance: int,
    room: str,
    area: str | int | float,
    floor: int | None = None,
    unit_type: str = UnitType.RESIDENCE,
    status: str = UnitStatus.VACANT,
) -> int:
    _require_edit(session)
    b = session.get(Building, building_id)
    if b is None:
        raise NotFound("楼栋不存在。")
    room = v.validate_room(room)
    if not 1 <= entrance <= b.entrances:
        raise ValidationError("entrance", f"{b.name}只有 {b.entrances} 个单元。")
    floor = floor if floor is not None else int(room[:-2])
    if not 1 <= floor <= b.floors and not (floor < 0 and floor >= -5):
        raise ValidationError("floor", f"楼层 {floor} 超出{b.name}的层数（{b.floors}层）。")
    if unit_type not in set(UnitType):
        raise ValidationError("unit_type", "房屋类型不正确。")
    if status not in set(UnitStatus):
        raise ValidationError("status", "房屋状态不正确。")
    code = unit_code(b.code, entrance, room)
    if session.scalar(select(Unit.id).where(Unit.estate_id == b.estate_id, Unit.code == code)):
        raise ValidationError("room", f"房号 {code} 已存在，不能重复登记。")
    u = Unit(
        estate_id=b.estate_id,
        building_id=b.id,
        code=code,
        entrance=entrance,
        floor=floor,
        room=room,
        area_centi=v.parse_area(area),
        unit_type=str(unit_type),
        status=str(status),
    )
    session.add(u)
    session.flush()
    return u.id


def update_unit(
    session: Session,
    unit_id: int,
    *,
    expected_version: int | None,
    area: str | int | float | None = None,
    unit_type: str | None = None,
    status: str | None = None,
    notes: str | None = None,
) -> None:
    _require_edit(session)
    u = _unit(session, unit_id)
    check_version("房屋", u.version, expected_version)
    if area is not None:
        u.area_centi = v.parse_area(area)
    if unit_type is not None:
        if unit_type not in set(UnitType):
            raise ValidationError("unit_type", "房屋类型不正确。")
        u.unit_type = str(unit_type)
    if status is not None:
        if status not in set(UnitStatus):
            raise ValidationError("status", "房屋状态不正确。")
        u.status = str(status)
    if notes is not None:
        u.notes = clean_column(notes, Unit.notes, label="备注")
    session.flush()


def _unit(session: Session, unit_id: int) -> Unit:
    u = session.get(Unit, unit_id)
    if u is None:
        raise NotFound("该房屋不存在或已被删除。")
    return u


def unit_id_by_code(session: Session, code: str) -> int:
    code = v.validate_unit_code(code)
    uid = session.scalar(select(Unit.id).where(Unit.code == code))
    if uid is None:
        raise NotFound(f"没有房号为 {code} 的房屋。")
    return uid


def _unit_info(u: Unit, building_name: str) -> UnitInfo:
    return UnitInfo(
        u.id,
        u.estate_id,
        u.building_id,
        building_name,
        u.code,
        u.entrance,
        u.floor,
        u.room,
        u.area_centi,
        u.unit_type,
        u.status,
        u.notes,
        u.version,
    )


def get_unit(session: Session, unit_id: int) -> UnitInfo:
    u = _unit(session, unit_id)
    return _unit_info(u, u.building.name)


def get_unit_dossier(session: Session, unit_id: int) -> UnitDossier:
    """The unit with its current occupants (owners first) and closed occupancies."""
    info = get_unit(session, unit_id)
    occ = _occupancies(session, "unit", unit_id)
    parking = tuple(session.scalars(_parking_statement(), {"unit_id": unit_id}))
    return UnitDossier(
        unit=info,
        current=tuple(o for o in occ if o.current),
        history=tuple(o for o in occ if not o.current),
        parking=parking,
    )


_ROLE_ORDER = {r.value: i for i, r in enumerate(OccupancyRole)}


# The unit and person pages read these for every record opened: the statements are built
# once, with the record a bound parameter (building them cost more than running them).


@cache
def _parking_statement() -> Select[str]:
    return (
        select(ParkingSpace.code)
        .where(ParkingSpace.unit_id == bindparam("unit_id", type_=Integer))
        .order_by(ParkingSpace.code)
    )


@cache
def _occupancies_statement(of: str) -> Executable:
    """The occupancies of the unit or of the person (``of``) ``:record_id``."""
    column = Occupancy.unit_id if of == "unit" else Occupancy.person_id
    return (
        select(Occupancy, Person.name, Person.phone, Unit.code)
        .join(Person, Person.id == Occupancy.person_id)
        .join(Unit, Unit.id == Occupancy.unit_id)
        .where(column == bindparam("record_id", type_=Integer))
        .order_by(Occupancy.start_date.desc(), Occupancy.id.desc())
    )


def _occupancies(session: Session, of: str, record_id: int) -> list[OccupancyInfo]:
    """The occupancies of a unit (``of="unit"``) or of a person (``of="person"``)."""
    actor = _actor(session)
    today = clock.today(session)
    rows = session.execute(_occupancies_statement(of), {"record_id": record_id}).all()
    out = [
        OccupancyInfo(
            o.id,
            o.person_id,
            name,
            shown_phone(actor, phone),
            o.unit_id,
            code,
            o.role,
            o.start_date,
            o.end_date,
            o.end_reason,
            o.end_date is None or o.end_date > today,
        )
        for o, name, phone, code in rows
    ]
    out.sort(key=lambda o: (not o.current, _ROLE_ORDER.get(o.role, 9)))
    return out


# --- people --------------------------------------------------------------------------


def create_person(
    session: Session,
    *,
    name: str,
    phone: str = "",
    phone2: str = "",
    id_number: str | None = None,
    emergency_contact: str = "",
    emergency_phone: str = "",
    notes: str = "",
) -> int:
    _require_edit(session)
    name = v.require_text(name, "name", "姓名", column_limit(Person.name))
    idn = v.normalize_id_number(id_number, today=clock.today(session))
    if idn:
        check_id_number_free(session, idn)
    initials, full = pinyin_keys(name)
    p = Person(
        name=name,
        name_initials=initials,
        name_pinyin=full,
        phone=v.normalize_phone(phone, "phone"),
        phone2=v.normalize_phone(phone2, "phone2"),
        id_number=idn,
        emergency_contact=clean_column(
            emergency_contact, Person.emergency_contact, label="紧急联系人"
        ),
        emergency_phone=v.normalize_phone(emergency_phone, "emergency_phone"),
        notes=clean_column(notes, Person.notes, label="备注"),
    )
    session.add(p)
    session.flush()
    return p.id


def update_person(
    session: Session,
    person_id: int,
    *,
    expected_version: int | None,
    name: str | None = None,
    phone: str | None = None,
    phone2: str | None = None,
    id_number: str | None = None,
    emergency_contact: str | None = None,
    emergency_phone: str | None = None,
    notes: str | None = None,
) -> None:
    """Save edits to a person. Masked values sent back unchanged (containing ``*``) are ignored."""
    _require_edit(session)
    p = session.get(Person, person_id)
    if p is None:
        raise NotFound("该住户不存在或已被删除。")
    check_version("住户资料", p.version, expected_version)
    if name is not None:
        p.name = v.require_text(name, "name", "姓名", column_limit(Person.name))
        p.name_initials, p.name_pinyin = pinyin_keys(p.name)
    if phone is not None and "*" not in phone:
        p.phone = v.normalize_phone(phone, "phone")
    if phone2 is not None and "*" not in phone2:
        p.phone2 = v.normalize_phone(phone2, "phone2")
    if id_number is not None and "*" not in id_number:
        idn = v.normalize_id_number(id_number, today=clock.today(session))
        if idn and idn != p.id_number:
            check_id_number_free(session, idn, person_id=person_id)
        p.id_number = idn
    if emergency_contact is not None:
        p.emergency_contact = clean_column(
            emergency_contact, Person.emergency_contact, label="紧急联系人"
        )
    if emergency_phone is not None and "*" not in emergency_phone:
        p.emergency_phone = v.normalize_phone(emergency_phone, "emergency_phone")
    if notes is not None:
        p.notes = clean_column(notes, Person.notes, label="备注")
    session.flush()


def get_person(session: Session, person_id: int) -> PersonDossier:
    p = session.get(Person, person_id)
    if p is None:
        raise NotFound("该住户不存在或已被删除。")
    actor = _actor(session)
    info = PersonInfo(
        p.id,
        p.name,
        shown_phone(actor, p.phone),
        shown_phone(actor, p.phone2),
        # always masked here: the full number is shown only through the audited reveal
        # (propdesk.auth.reveal, the person page's Personal data panel)
        mask_id_number(p.id_number),
        p.emergency_contact,
        shown_phone(actor, p.emergency_phone),
        p.notes,
        p.version,
        masked=not may_see_personal_data(actor),
    )
    return PersonDossier(info, tuple(_occupancies(session, "person", person_id)))


# --- occupancies ---------------------------------------------------------------------


def start_occupancy(
    session: Session,
    *,
    person_id: int,
    unit_id: int,
    role: str,
    start_date: date,
    end_date: date | None = None,
    set_unit_status: bool = True,
) -> int:
    """Record that a person lives in / owns a unit from ``start_date``. History is never overwritten."""
    _require_edit(session)
    if role not in set(OccupancyRole):
        raise ValidationError("role", "身份应为业主、共有人、租户或家属。")
    v.validate_occupancy_dates(start_date, end_date, clock.today(session))
    unit = _unit(session, unit_id)
    if session.get(Person, person_id) is None:
        raise NotFound("该住户不存在或已被删除。")
    dup = session.scalar(
        select(Occupancy.id).where(
            Occupancy.person_id == person_id,
            Occupancy.unit_id == unit_id,
            Occupancy.role == role,
            Occupancy.end_date.is_(None),
        )
    )
    if dup:
        raise ValidationError("role", "此人已经以该身份登记在这套房屋，无需重复登记。")
    occ = Occupancy(
        person_id=person_id,
        unit_id=unit_id,
        role=str(role),
        start_date=start_date,
        end_date=end_date,
    )
    session.add(occ)
    if set_unit_status and unit.status == UnitStatus.VACANT and end_date is None:
        unit.status = (
            UnitStatus.RENTED.value if role == OccupancyRole.TENANT else UnitStatus.OCCUPIED.value
        )
    session.flush()
    if end_date is None:
        refresh_unit_sort(session, [person_id])
    return occ.id


def end_occupancy(session: Session, occupancy_id: int, *, end_date: date, reason: str = "") -> None:
    """Close an occupancy (迁出). The record stays in the history."""
    _require_edit(session)
    occ = session.get(Occupancy, occupancy_id)
    if occ is None:
        raise NotFound("该入住记录不存在。")
    if occ.end_date is not None:
        raise ValidationError("end_date", f"该记录已于 {occ.end_date:%Y-%m-%d} 结束。")
    v.validate_occupancy_dates(occ.start_date, end_date, clock.today(session), check_start=False)
    occ.end_date = end_date
    occ.end_reason = clean_column(reason, Occupancy.end_reason, "reason", label="迁出原因")
    session.flush()
    refresh_unit_sort(session, [occ.person_id])
    still = session.scalar(
        select(func.count(Occupancy.id)).where(
            Occupancy.unit_id == occ.unit_id, Occupancy.end_date.is_(None)
        )
    )
    if not still:
        unit = _unit(session, occ.unit_id)
        if unit.status in (UnitStatus.OCCUPIED, UnitStatus.RENTED):
            unit.status = UnitStatus.VACANT.value
    session.flush()
