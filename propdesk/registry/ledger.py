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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import insert, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.permissions import Permission, require
from propdesk.errors import DomainError, NotFound
from propdesk.household import ledger as household_ledger
from propdesk.pii.index import id_number_hmac, with_person_lookup
from propdesk.registry.ledger_columns import (
    COLUMN_BY_HEADER,
    COLUMNS,
    HEADERS,
    REQUIRED_HEADERS,
    ROLE_BY_ZH,
    STATUS_BY_ZH,
    TYPE_BY_ZH,
    LedgerColumn,
    LedgerError,
    ParsedRow,
    SourceRow,
    is_blank_row,
    parse_row,
)
from propdesk.registry.ledger_lines import LedgerLine, ledger_rows
from propdesk.registry.models import (
    OCCUPANCY_ROLE_ZH,
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
from propdesk.registry.unit_sort import refresh_unit_sort
from propdesk.session_info import actor_or_none

__all__ = [
    "COLUMNS",
    "COLUMN_BY_HEADER",
    "HEADERS",
    "REQUIRED_HEADERS",
    "ROLE_BY_ZH",
    "STATUS_BY_ZH",
    "TYPE_BY_ZH",
    "ImportSummary",
    "LedgerCheck",
    "LedgerColumn",
    "LedgerError",
    "LedgerImportError",
    "LedgerLine",
    "SourceRow",
    "import_ledger",
    "ledger_rows",
    "validate_ledger",
]


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
    _household: tuple[household_ledger.HouseholdCells, ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def units_to_create(self) -> int:
        return sum(1 for u in self._units if u.existing_id is None)

    @property
    def people_to_create(self) -> int:
        return sum(1 for p in self._people if p.existing_id is None)

    @property
    def occupancies_to_create(self) -> int:
        return len(self._occupancies)


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
    vehicles_created: int = 0
    pets_created: int = 0
    contacts_created: int = 0


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


# --- validation ----------------------------------------------------------------------

_CHUNK = 500
K = TypeVar("K")


def _chunks(items: Sequence[K]) -> Iterable[Sequence[K]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _estate_id(session: Session) -> int:
    eid = session.scalar(select(Estate.id).order_by(Estate.id).limit(1))
    if eid is None:
        raise NotFound("尚未建立小区资料，请先在系统中建立小区后再导入业主台账。")
    return eid


def _area_text(centi: int) -> str:
    return f"{Decimal(centi) / 100:.2f}"


@dataclass
class _Registry:
    """What the registry already holds about the units and people a file mentions."""

    buildings: dict[str, tuple[int, int, int]]  # code → (id, floors, entrances)
    units: dict[str, tuple[int, int, str]]  # unit code → (id, area_centi, unit_type)
    people_by_id: dict[str, tuple[int, str]]  # ID number → (person id, name)
    people_by_name_phone: dict[tuple[str, str], list[int]]
    current: dict[tuple[str, str], set[tuple[str, str | None]]]  # (unit, role) → occupants


def _load_registry(
    session: Session, estate_id: int, parsed: Sequence[ParsedRow], today: date
) -> _Registry:
    """A few chunked queries instead of one per row."""
    buildings = {
        code: (bid, floors, entrances)
        for bid, code, floors, entrances in session.execute(
            select(Building.id, Building.code, Building.floors, Building.entrances).where(
                Building.estate_id == estate_id
            )
        )
    }
    units: dict[str, tuple[int, int, str]] = {}
    for codes in _chunks(sorted({p.code for p in parsed})):
        for uid, code, area, utype in session.execute(
            select(Unit.id, Unit.code, Unit.area_centi, Unit.unit_type).where(
                Unit.estate_id == estate_id, Unit.code.in_(codes)
            )
        ):
            units[code] = (uid, area, utype)
    people_by_id: dict[str, tuple[int, str]] = {}
    by_hmac = {id_number_hmac(p.id_number) or "": p.id_number for p in parsed if p.id_number}
    for hmacs in _chunks(sorted(by_hmac)):
        for pid, digest, name in session.execute(
            select(Person.id, Person.id_number_hmac, Person.name).where(
                Person.id_number_hmac.in_(hmacs)
            )
        ):
            people_by_id[by_hmac[digest or ""]] = (pid, name)
    people_by_name_phone: dict[tuple[str, str], list[int]] = {}
    for names in _chunks(
        sorted({p.name for p in parsed if p.name and not p.id_number and p.phone})
    ):
        for pid, name, phone in session.execute(
            select(Person.id, Person.name, Person.phone).where(Person.name.in_(names))
        ):
            people_by_name_phone.setdefault((name, phone), []).append(pid)
    current: dict[tuple[str, str], set[tuple[str, str | None]]] = {}
    code_by_uid = {u[0]: c for c, u in units.items()}
    for uids in _chunks(sorted(code_by_uid)):
        for uid, role, name, idn in session.execute(
            select(Occupancy.unit_id, Occupancy.role, Person.name, Person.id_number)
            .join(Person, Person.id == Occupancy.person_id)
            .where(
                Occupancy.unit_id.in_(uids),
                or_(Occupancy.end_date.is_(None), Occupancy.end_date >= today),
            )
        ):
            current.setdefault((code_by_uid[uid], role), set()).add((name, idn))
    return _Registry(buildings, units, people_by_id, people_by_name_phone, current)


class _Checker:
    """Checks parsed rows in file order against the registry and the rows before them,
    collecting problems and, for good rows, what to write."""

    def __init__(self, registry: _Registry, today: date, errors: list[LedgerError]) -> None:
        self.reg = registry
        self.today = today
        self.errors = errors
        self.units: dict[str, _UnitPlan] = {}
        self.people: dict[str, _PersonPlan] = {}
        self.occupancies: list[_OccupancyPlan] = []
        self.new_buildings: dict[str, tuple[int, int]] = {}  # code → (floors, entrances)
        self._id_first_row: dict[str, tuple[int, str]] = {}
        self._seen: dict[tuple[str, str, str], int] = {}

    def _error(self, row: int, column: str, message: str) -> bool:
        self.errors.append(LedgerError(row, column, message))
        return False

    def check(self, p: ParsedRow) -> None:
        # Every check runs (no short-circuit) so that all problems of a row are reported.
        ok = self._building(p)
        ok = self._unit(p) and ok
        person_key = ""
        if p.name and p.role:
            person_ok, person_key = self._person(p, p.role)
            ok = person_ok and ok
        if ok:
            self._plan(p, person_key)

    def _building(self, p: ParsedRow) -> bool:
        """An existing building bounds entrance and floor; a new one is sized by the file."""
        if p.building not in self.reg.buildings:
            floors, entrances = self.new_buildings.get(p.building, (1, 1))
            self.new_buildings[p.building] = (max(floors, p.floor), max(entrances, p.entrance))
            return True
        ok = True
        _bid, floors, entrances = self.reg.buildings[p.building]
        if p.entrance > entrances:
            ok = self._error(
                p.row, "单元", f"{p.building}栋只有 {entrances} 个单元，没有 {p.entrance} 单元。"
            )
        if p.floor > floors:
            ok = self._error(p.row, "楼层", f"{p.building}栋只有 {floors} 层，没有 {p.floor} 层。")
        return ok

    def _unit(self, p: ParsedRow) -> bool:
        """Consistent with the registry, or with the file's earlier rows of the same unit."""
        ok = True
        known = self.reg.units.get(p.code)
        earlier = self.units.get(p.code)
        if known is not None:
            _uid, area, utype = known
            if p.area_centi is not None and p.area_centi != area:
                ok = self._error(
                    p.row,
                    "建筑面积",
                    f"房屋 {p.code} 已登记面积 {_area_text(area)} m²，"
                    f"与表中 {_area_text(p.area_centi)} m² 不一致。",
                )
            if p.unit_type is not None and p.unit_type != utype:
                shown = UNIT_TYPE_ZH.get(UnitType(utype), utype)
                ok = self._error(
                    p.row, "房屋类型", f"房屋 {p.code} 已登记为{shown}，与表中不一致。"
                )
        elif earlier is not None:
            if p.area_centi is not None and p.area_centi != earlier.area_centi:
                ok = self._error(
                    p.row,
                    "建筑面积",
                    f"与第 {earlier.first_row} 行的同一房屋 {p.code} 面积不一致"
                    f"（{_area_text(earlier.area_centi)} m²）。",
                )
            for header, mine, theirs in (
                ("房屋类型", p.unit_type, earlier.unit_type),
                ("房屋状态", p.status, earlier.status),
            ):
                if mine is not None and theirs is not None and mine != theirs:
                    ok = self._error(
                        p.row,
                        header,
                        f"与第 {earlier.first_row} 行的同一房屋 {p.code} {header}不一致。",
                    )
        elif p.area_centi is None:
            ok = self._error(p.row, "建筑面积", f"房屋 {p.code} 尚未登记，请填写建筑面积。")
        return ok

    def _person(self, p: ParsedRow, role: str) -> tuple[bool, str]:
        """Matched by ID number, else by name and phone; returns (ok, the person's key)."""
        ok = True
        role_zh = OCCUPANCY_ROLE_ZH[OccupancyRole(role)]
        if p.id_number:
            person_key = identity = f"id:{p.id_number}"
            first = self._id_first_row.get(p.id_number)
            registered = self.reg.people_by_id.get(p.id_number)
            if registered is not None and registered[1] != p.name:
                ok = self._error(
                    p.row,
                    "身份证号",
                    f"该身份证号在系统中登记为“{registered[1]}”，与本行姓名“{p.name}”不一致。",
                )
            elif first is not None and first[1] != p.name:
                ok = self._error(
                    p.row,
                    "身份证号",
                    f"该身份证号在第 {first[0]} 行属于“{first[1]}”，与本行姓名“{p.name}”不一致。",
                )
            self._id_first_row.setdefault(p.id_number, (p.row, p.name))
        else:
            # Without an ID number the same name and phone is the same person; with
            # neither, a common name on two rows may be two people: one per row.
            identity = f"name:{p.name}\t{p.phone}"
            person_key = identity if p.phone else f"row:{p.row}"
        dup_key = (p.code, identity, role)
        if dup_key in self._seen:
            ok = self._error(
                p.row,
                "",
                f"与第 {self._seen[dup_key]} 行重复：{p.name} 已作为{role_zh}登记在 {p.code}。",
            )
        else:
            self._seen[dup_key] = p.row
        for name, idn in self.reg.current.get((p.code, role), ()):
            same = (p.id_number and idn == p.id_number) or (
                name == p.name and (not p.id_number or not idn)
            )
            if same:
                ok = self._error(
                    p.row, "姓名", f"{p.name} 已作为{role_zh}登记在 {p.code}，不能重复导入。"
                )
                break
        return ok, person_key

    def _plan(self, p: ParsedRow, person_key: str) -> None:
        known = self.reg.units.get(p.code)
        if p.code not in self.units:
            self.units[p.code] = _UnitPlan(
                code=p.code,
                building_code=p.building,
                entrance=p.entrance,
                floor=p.floor,
                room=p.room,
                area_centi=known[1] if known else p.area_centi or 0,
                unit_type=known[2] if known else p.unit_type or UnitType.RESIDENCE.value,
                status=None if known else p.status,
                notes="" if known or p.name else p.notes,
                existing_id=known[0] if known else None,
                first_row=p.row,
            )
        if not (p.name and p.role):
            return
        if person_key not in self.people:
            existing: int | None = None
            if p.id_number and p.id_number in self.reg.people_by_id:
                existing = self.reg.people_by_id[p.id_number][0]
            elif not p.id_number and p.phone:
                matches = self.reg.people_by_name_phone.get((p.name, p.phone), [])
                existing = matches[0] if len(matches) == 1 else None
            self.people[person_key] = _PersonPlan(
                key=person_key,
                name=p.name,
                phone=p.phone,
                id_number=p.id_number,
                notes=p.notes,
                existing_id=existing,
            )
        self.occupancies.append(
            _OccupancyPlan(
                row=p.row,
                unit_code=p.code,
                person_key=person_key,
                role=p.role,
                start_date=p.start_date or self.today,
            )
        )


def validate_ledger(
    session: Session, rows: Iterable[SourceRow], *, today: date | None = None
) -> LedgerCheck:
    """Check every row of a ledger file against itself and the registry; write nothing.

    Problems found: bad cells (format, missing values), rows repeating another row,
    the same unit described differently on two rows, an ID number given to two
    different names, and conflicts with the registry (a unit registered with another
    area or type, an ID number registered under another name, an occupant already
    registered in the unit, a unit beyond its building's entrances or floors).
    """
    today = clock.day_or_today(session, today)
    errors: list[LedgerError] = []
    parsed: list[ParsedRow] = []
    household: list[household_ledger.HouseholdCells] = []
    count = 0
    for src in rows:
        if is_blank_row(src.values):
            continue
        count += 1
        p = parse_row(src, today, errors)
        if p is not None:
            parsed.append(p)
            cells = household_ledger.parse_cells(src, p.code, errors)
            household += [cells] if cells is not None else []
    if count == 0:
        return LedgerCheck(0, (LedgerError(0, "", "表格中没有数据行。"),))

    registry = _load_registry(session, _estate_id(session), parsed, today)
    checker = _Checker(registry, today, errors)
    for p in parsed:
        checker.check(p)
    household_ledger.check_cells(session, household, errors)
    errors.sort(key=lambda e: (e.row, HEADERS.index(e.column) if e.column in HEADERS else -1))
    return LedgerCheck(
        rows=count,
        errors=tuple(errors),
        new_buildings=tuple(sorted(checker.new_buildings, key=_building_sort_key)),
        _units=tuple(checker.units.values()),
        _people=tuple(checker.people.values()),
        _occupancies=tuple(checker.occupancies),
        _building_sizes=checker.new_buildings,
        _household=tuple(household),
    )


def _building_sort_key(code: str) -> tuple[int, str]:
    return (int(code) if code.isdigit() else 10_000, code)


_AUDIT_NOTE = "导入业主台账"

# --- import --------------------------------------------------------------------------


_RETURNING_CHUNK = 500


def _insert_returning_ids(
    session: Session, model: type[Unit] | type[Person], rows: Sequence[Mapping[str, object]]
) -> list[int]:
    """Bulk insert ``rows`` and return their new ids in order.

    Chunked: SQLAlchemy's ordered RETURNING over many "insertmanyvalues" batches
    re-splices its accumulated result per batch, which grows quadratically with
    the row count (measured: 5,000 people took seconds); 500 rows per statement keep
    it linear.
    """
    ids: list[int] = []
    stmt = (
        insert(model)
        # NULLs rendered, not omitted: rows with and without an ID number stay one batch.
        .execution_options(audit_note=_AUDIT_NOTE, render_nulls=True)
        .returning(model.id, sort_by_parameter_order=True)
    )
    for i in range(0, len(rows), _RETURNING_CHUNK):
        ids.extend(session.scalars(stmt, rows[i : i + _RETURNING_CHUNK]).all())
    return ids


def import_ledger(
    session: Session, rows: Iterable[SourceRow], *, today: date | None = None
) -> ImportSummary:
    """Validate the whole ledger, then write it in the caller's transaction.

    Raises :class:`LedgerImportError` (carrying every problem) and writes nothing
    when any row is bad. Needs the ``IMPORT_DATA`` and ``EDIT_REGISTRY`` permissions.
    """
    who = actor_or_none(session)
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
        ids = _insert_returning_ids(
            session,
            Unit,
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
        )
        unit_ids.update(zip((u.code for u in new_units), ids, strict=True))

    person_ids = {p.key: p.existing_id for p in check._people if p.existing_id is not None}
    new_people = [p for p in check._people if p.existing_id is None]
    if new_people:
        rows_out = []
        for p in new_people:
            initials, full = pinyin_keys(p.name)
            rows_out.append(
                with_person_lookup(
                    {
                        "name": p.name,
                        "name_initials": initials[:50],
                        "name_pinyin": full[:200],
                        "phone": p.phone,
                        "id_number": p.id_number,
                        "notes": p.notes,
                    }
                )
            )
        ids = _insert_returning_ids(session, Person, rows_out)
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
        refresh_unit_sort(session, (person_ids[o.person_key] for o in check._occupancies))

    added = household_ledger.import_cells(session, check._household, unit_ids, note=_AUDIT_NOTE)
    summary = ImportSummary(
        rows=check.rows,
        buildings_created=check.new_buildings,
        units_created=len(new_units),
        units_matched=len(check._units) - len(new_units),
        people_created=len(new_people),
        people_matched=len(check._people) - len(new_people),
        occupancies_created=len(check._occupancies),
        vehicles_created=added.vehicles,
        pets_created=added.pets,
        contacts_created=added.contacts,
    )
    session.flush()
    return summary
