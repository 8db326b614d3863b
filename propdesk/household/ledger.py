"""The household's columns of the owner ledger: plates with their vehicle types, parking
spaces and monthly-pass periods, pets with their vaccination dates, and an emergency
contact (name and phone).

They are optional: a template from before they existed is read as before. A unit's values
may stand on any of its rows (one row per person); in an export they are on the unit's
first row. Cells hold several values separated by ``、`` (or ``,``/``，``/``;``):
``粤B12345、粤BD12345``, paired in order with their types (``小型车、新能源``; the column
may be left empty: a 6-character new-energy plate is then 新能源, any other 小型车, as the
vehicle form does), and with their parking spaces and monthly-pass dates (车位
``B1-050、-、临338``, 月卡起/月卡止 ``2026-01-01、-``: one value per plate in the plates'
order, ``-`` (or an empty segment, ``B1-050、、临338``) for a plate without one; a lone
plate's date may be an Excel date); pets as kind then name (``犬 旺财、猫``) paired in order with
their vaccination dates (``2026-03-01、-``: ``-`` for a pet not vaccinated; the column may
be left empty); contacts as name with the relation in brackets (``李芳（女儿）、王强``)
paired in order with the phones (``13900001111、13700002222``).

Import: :func:`parse_cells` per row (cell errors as :class:`LedgerError`), then
:func:`check_cells` over the file (a plate on two units, or registered on another unit;
a type other than the one given on another row or registered for the plate), then :func:`import_cells` in the import's transaction — only what the unit does not have
yet, so importing the same file twice adds nothing (a pet it has already takes a later
vaccination date from the file; an earlier one never replaces it).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.errors import ValidationError
from propdesk.household.models import (
    HouseholdContact,
    HouseholdPet,
    HouseholdVehicle,
    contact_lookup,
)
from propdesk.household.plates import is_new_energy, plate_search_key, validate_plate
from propdesk.household.queries import current_condition, current_households
from propdesk.household.values import PET_KIND_ZH, VEHICLE_KIND_ZH, PetKind, VehicleKind
from propdesk.pii.index import phone_hmac
from propdesk.privacy import shown_phone
from propdesk.registry.ledger_columns import LedgerError, SourceRow
from propdesk.registry.models import Unit
from propdesk.registry.validation import normalize_phone

PLATES = "车牌"
VEHICLE_KIND = "车辆类型"
SPACE = "车位"
PASS_FROM = "月卡起"
PASS_TO = "月卡止"
PETS = "宠物"
PET_VACCINATED = "宠物疫苗日期"
CONTACT = "紧急联系人"
CONTACT_PHONE = "紧急联系人电话"
HEADERS = (
    PLATES,
    VEHICLE_KIND,
    SPACE,
    PASS_FROM,
    PASS_TO,
    PETS,
    PET_VACCINATED,
    CONTACT,
    CONTACT_PHONE,
)
#: Exported as Excel dates when the cell holds one date (several are text, ``、``-separated).
DATE_HEADERS = (PASS_FROM, PASS_TO, PET_VACCINATED)
NOT_VACCINATED = "-"
#: What the export writes for a plate without a parking space or pass date, so the values
#: stay paired with the plates by position; on import an empty segment means the same.
NONE = "-"

_SPLIT = re.compile(r"[、,，;；/]+")
_CONTACT = re.compile(r"^(?P<name>[^（(]+?)\s*(?:[（(](?P<relation>[^）)]*)[）)])?$")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")
_DATE_SPLIT = re.compile(r"[、,，;；\s]+")  # not "/": dates may be written 2026/3/1
_NO_DATE = {NOT_VACCINATED, "—", "无", "未接种"}
_NO_VALUE = {"", NONE, "—", "－", "无"}
_POSITIONS = re.compile(r"[、,，;；]")  # one separator per position: an empty segment counts
_PET_WORDS = {"犬": PetKind.DOG, "狗": PetKind.DOG, "猫": PetKind.CAT, "其他": PetKind.OTHER}
_KIND_BY_ZH = {zh: kind for kind, zh in VEHICLE_KIND_ZH.items()}
_KIND_ZH: dict[str, str] = {kind.value: zh for kind, zh in VEHICLE_KIND_ZH.items()}
_CHUNK = 500


@dataclass(frozen=True)
class HouseholdCells:
    """One ledger row's household values (normalised)."""

    row: int
    unit_code: str
    plates: tuple[str, ...] = ()
    spaces: tuple[str, ...] = ()  # each plate's parking space ("" none; empty: column blank)
    pets: tuple[tuple[str, str], ...] = ()  # (PetKind value, name)
    contacts: tuple[tuple[str, str, str], ...] = ()  # (name, relation, phone)
    vaccinated: tuple[date | None, ...] = ()  # each pet's vaccination date (empty: none given)
    kinds: tuple[VehicleKind, ...] = ()  # each plate's type as given (empty: column left blank)
    pass_from: tuple[date | None, ...] = ()  # each plate's monthly pass start (empty: blank)
    pass_to: tuple[date | None, ...] = ()  # each plate's monthly pass end (empty: blank)

    @property
    def empty(self) -> bool:
        return not (self.plates or self.pets or self.contacts)


@dataclass(frozen=True)
class ImportedCounts:
    """What :func:`import_cells` added (``vaccinations``: pets given a later date)."""

    vehicles: int = 0
    pets: int = 0
    contacts: int = 0
    vaccinations: int = 0


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _parts(value: object) -> list[str]:
    return [p.strip() for p in _SPLIT.split(_text(value)) if p.strip()]


def _pet(text: str) -> tuple[str, str]:
    for word, kind in _PET_WORDS.items():
        if text.startswith(word):
            return kind.value, text[len(word) :].strip(" ：:")[:30]
    return PetKind.OTHER.value, text[:30]


def _vaccination_dates(
    value: object, pets: int, row: int, errors: list[LedgerError]
) -> list[date | None]:
    """The vaccination dates paired with ``pets`` pets (``[]`` when the cell is empty)."""
    if isinstance(value, datetime):  # a single date typed into Excel
        parts: list[date | str] = [value.date()]
    elif isinstance(value, date):
        parts = [value]
    else:
        parts = [p for p in _DATE_SPLIT.split(_text(value)) if p]
    if not parts:
        return []
    if len(parts) != pets:
        errors.append(
            LedgerError(
                row,
                PET_VACCINATED,
                f"宠物有 {pets} 只，疫苗日期有 {len(parts)} 个：请每只宠物对应一个日期，"
                f"用“、”分隔，未接种的填“{NOT_VACCINATED}”。",
            )
        )
        return []
    return _dates(
        parts,
        _NO_DATE,
        row,
        PET_VACCINATED,
        errors,
        "疫苗日期“{0}”格式不正确，请填写如 2026-03-01。",
    )


def _dates(
    parts: Sequence[date | str],
    blank: Collection[str],
    row: int,
    header: str,
    errors: list[LedgerError],
    wrong: str,
) -> list[date | None]:
    """Each part as a date (``None`` for a ``blank`` mark); the first that is not a date is
    an error (``wrong`` with ``{0}`` for it) and gives ``[]``."""
    out: list[date | None] = []
    for part in parts:
        if isinstance(part, date):
            out.append(part)
            continue
        if part in blank:
            out.append(None)
            continue
        m = _DATE.match(part)
        try:
            day = date(int(m[1]), int(m[2]), int(m[3])) if m else None
        except ValueError:
            day = None
        if day is None:
            errors.append(LedgerError(row, header, wrong.format(part)))
            return []
        out.append(day)
    return out


def _positions(value: object) -> list[str]:
    """A per-plate cell split by position (``B1-050、、临338`` → three), ``[]`` when empty."""
    text = _text(value)
    return [p.strip() for p in _POSITIONS.split(text)] if text else []


def _count_error(row: int, header: str, plates: int, given: int) -> LedgerError:
    return LedgerError(
        row,
        header,
        f"车牌有 {plates} 个，{header}有 {given} 个：请每个车牌对应一个{header}，"
        f"按车牌的顺序用“、”分隔，某辆车没有的填“{NONE}”。",
    )


def _parking_spaces(value: object, plates: int, row: int, errors: list[LedgerError]) -> list[str]:
    """The parking spaces paired in order with ``plates`` plates (``""`` for none), ``[]``
    when the cell is empty."""
    parts = _positions(value)
    if not parts:
        return []
    if not plates:
        errors.append(LedgerError(row, SPACE, "填写了车位但没有填写车牌。"))
        return []
    if len(parts) != plates:
        errors.append(_count_error(row, SPACE, plates, len(parts)))
        return []
    out = ["" if p in _NO_VALUE else p for p in parts]
    for p in out:
        if len(p) > 30:
            errors.append(LedgerError(row, SPACE, f"车位“{p}”超过 30 个字。"))
            return []
    return out


def _pass_dates(
    value: object, header: str, plates: int, row: int, errors: list[LedgerError]
) -> list[date | None]:
    """The monthly-pass dates of ``header`` paired in order with ``plates`` plates (``None``
    for none), ``[]`` when the cell is empty."""
    if isinstance(value, datetime):  # a single date typed into Excel
        parts: list[date | str] = [value.date()]
    elif isinstance(value, date):
        parts = [value]
    else:
        parts = list(_positions(value))
    if not parts:
        return []
    if not plates:
        errors.append(LedgerError(row, header, f"填写了{header}但没有填写车牌。"))
        return []
    if len(parts) != plates:
        errors.append(_count_error(row, header, plates, len(parts)))
        return []
    return _dates(
        parts, _NO_VALUE, row, header, errors, header + "“{0}”不是正确的日期，请填写如 2026-03-01。"
    )


def inferred_kind(plate: str) -> VehicleKind:
    """A plate's type when none is given: 新能源 for a 6-character new-energy plate, else
    小型车 (what the vehicle form picks for a plate typed in)."""
    return VehicleKind.NEW_ENERGY if is_new_energy(plate) else VehicleKind.SMALL


def _vehicle_kinds(
    value: object, plates: Sequence[str | None], row: int, errors: list[LedgerError]
) -> list[VehicleKind]:
    """The types paired in order with a row's ``plates`` (``None`` for a plate that did not
    parse), ``[]`` when the cell is empty; every bad type appends its error."""
    parts = _parts(value)
    if not parts:
        return []
    allowed = "、".join(VEHICLE_KIND_ZH.values())
    if not plates:
        errors.append(LedgerError(row, VEHICLE_KIND, "填写了车辆类型但没有填写车牌。"))
        return []
    if len(parts) != len(plates):
        errors.append(
            LedgerError(
                row,
                VEHICLE_KIND,
                f"车牌有 {len(plates)} 个，车辆类型有 {len(parts)} 个：请每个车牌对应一个类型，"
                f"用“、”分隔（{allowed}），或整格留空按车牌自动判断。",
            )
        )
        return []
    out: list[VehicleKind] = []
    for n, (part, plate) in enumerate(zip(parts, plates, strict=True), start=1):
        kind = _KIND_BY_ZH.get(part)
        if kind is None and part in set(VehicleKind):
            kind = VehicleKind(part)  # internal names are accepted too
        which = f"第 {n} 辆车（{plate}）" if plate else f"第 {n} 辆车"
        if kind is None:
            errors.append(
                LedgerError(
                    row, VEHICLE_KIND, f"{which}的车辆类型“{part}”不正确，应为：{allowed}。"
                )
            )
        elif (
            plate is not None
            and is_new_energy(plate)
            and kind not in (VehicleKind.NEW_ENERGY, VehicleKind.OTHER)
        ):
            errors.append(
                LedgerError(
                    row,
                    VEHICLE_KIND,
                    f"“{plate}”是新能源车牌（6位），车辆类型应为“新能源”，"
                    f"不能是“{VEHICLE_KIND_ZH[kind]}”。",
                )
            )
        else:
            out.append(kind)
    return out if len(out) == len(parts) else []


def parse_cells(src: SourceRow, unit_code: str, errors: list[LedgerError]) -> HouseholdCells | None:
    """The household cells of one row (``None`` when they are all empty); each bad cell
    appends its error."""
    vals = src.values
    before = len(errors)
    plates: list[str] = []
    given: list[str | None] = []  # each plate as parsed, None where it did not
    for part in _parts(vals.get(PLATES)):
        try:
            plates.append(validate_plate(part))
            given.append(plates[-1])
        except ValidationError as e:
            errors.append(LedgerError(src.row, PLATES, e.message))
            given.append(None)
    kinds = tuple(_vehicle_kinds(vals.get(VEHICLE_KIND), given, src.row, errors))
    spaces = tuple(_parking_spaces(vals.get(SPACE), len(given), src.row, errors))
    pass_from = tuple(_pass_dates(vals.get(PASS_FROM), PASS_FROM, len(given), src.row, errors))
    pass_to = tuple(_pass_dates(vals.get(PASS_TO), PASS_TO, len(given), src.row, errors))
    for n, (start, end) in enumerate(zip(pass_from or [None] * len(given), pass_to, strict=False)):
        which = f"第 {n + 1} 辆车（{given[n]}）" if given[n] else f"第 {n + 1} 辆车"
        if end is not None and start is None:
            errors.append(LedgerError(src.row, PASS_FROM, f"{which}填写了月卡止，请填写月卡起。"))
        elif end is not None and start is not None and end < start:
            errors.append(
                LedgerError(src.row, PASS_TO, f"{which}的月卡止早于月卡起（{start:%Y-%m-%d}）。")
            )
    pets = tuple(_pet(p) for p in _parts(vals.get(PETS)))
    vaccinated = tuple(_vaccination_dates(vals.get(PET_VACCINATED), len(pets), src.row, errors))
    names = _parts(vals.get(CONTACT))
    phones = _parts(vals.get(CONTACT_PHONE))
    contacts: list[tuple[str, str, str]] = []
    if len(names) != len(phones):
        errors.append(
            LedgerError(
                src.row,
                CONTACT_PHONE,
                f"紧急联系人有 {len(names)} 位，电话有 {len(phones)} 个：请每位联系人对应一个电话，用“、”分隔。",
            )
        )
    else:
        for name_text, phone_text in zip(names, phones, strict=True):
            m = _CONTACT.match(name_text)
            name = (m["name"] if m else name_text).strip()
            relation = ((m["relation"] or "") if m else "").strip()
            if len(name) > 50 or len(relation) > 20:
                errors.append(LedgerError(src.row, CONTACT, f"紧急联系人“{name_text}”过长。"))
                continue
            if "*" in phone_text:
                errors.append(
                    LedgerError(
                        src.row, CONTACT_PHONE, "紧急联系人电话已打码（含*），请填写完整号码。"
                    )
                )
                continue
            try:
                contacts.append(
                    (name, relation, normalize_phone(phone_text, "phone", required=True))
                )
            except ValidationError as e:
                errors.append(LedgerError(src.row, CONTACT_PHONE, e.message))
    if len(errors) > before:
        return None
    cells = HouseholdCells(
        src.row,
        unit_code,
        tuple(plates),
        spaces,
        pets,
        tuple(contacts),
        vaccinated,
        kinds,
        pass_from,
        pass_to,
    )
    return None if cells.empty else cells


def check_cells(
    session: Session, cells: Sequence[HouseholdCells], errors: list[LedgerError]
) -> None:
    """A plate given for two units of the file, or registered on another unit already; a
    plate given two types or two parking spaces in the file, or a type other than the one
    it is registered with; a vaccination date after today."""
    today = clock.today(session)
    for c in cells:
        if any(d is not None and d > today for d in c.vaccinated):
            errors.append(
                LedgerError(
                    c.row, PET_VACCINATED, f"疫苗接种日期不能晚于今天（{today:%Y-%m-%d}）。"
                )
            )
    unit_of: dict[str, str] = {}
    kind_of: dict[str, tuple[VehicleKind, int]] = {}  # plate → (type given, first row)
    for c in cells:
        for plate in c.plates:
            other = unit_of.setdefault(plate, c.unit_code)
            if other != c.unit_code:
                errors.append(
                    LedgerError(
                        c.row, PLATES, f"车牌 {plate} 在表中同时填在 {other} 和 {c.unit_code}。"
                    )
                )
        for plate, kind in zip(c.plates, c.kinds, strict=False):
            first, row = kind_of.setdefault(plate, (kind, c.row))
            if first != kind and unit_of[plate] == c.unit_code:  # two units: said above
                errors.append(
                    LedgerError(
                        c.row,
                        VEHICLE_KIND,
                        f"车牌 {plate} 在第 {row} 行的车辆类型为“{VEHICLE_KIND_ZH[first]}”，"
                        f"本行为“{VEHICLE_KIND_ZH[kind]}”，请统一。",
                    )
                )
    space_of: dict[str, tuple[str, int]] = {}  # plate → (space given, first row)
    for c in cells:
        for plate, space in zip(c.plates, c.spaces, strict=False):
            if not space or unit_of[plate] != c.unit_code:
                continue
            first_space, row = space_of.setdefault(plate, (space, c.row))
            if first_space != space:
                errors.append(
                    LedgerError(
                        c.row,
                        SPACE,
                        f"车牌 {plate} 在第 {row} 行的车位为“{first_space}”，本行为“{space}”，"
                        "请统一。",
                    )
                )
    given = sorted(unit_of)
    for i in range(0, len(given), _CHUNK):
        rows = session.execute(
            select(HouseholdVehicle.active_plate, HouseholdVehicle.kind, Unit.code)
            .join(Unit, Unit.id == HouseholdVehicle.unit_id)
            .where(HouseholdVehicle.active_plate.in_(given[i : i + _CHUNK]))
        )
        for found, registered, code in rows:
            if found is None:
                continue
            if code != unit_of[found]:
                row = next(c.row for c in cells if found in c.plates)
                errors.append(
                    LedgerError(row, PLATES, f"车牌 {found} 已登记在 {code}，请先在该房屋移除。")
                )
            elif found in kind_of and kind_of[found][0] != registered:
                kind, row = kind_of[found]
                shown = _KIND_ZH.get(registered, registered)
                errors.append(
                    LedgerError(
                        row,
                        VEHICLE_KIND,
                        f"车牌 {found} 已在 {code} 登记为“{shown}”，与表中“"
                        f"{VEHICLE_KIND_ZH[kind]}”不一致：请在车辆信息中修改，或把表中类型改为"
                        f"“{shown}”。",
                    )
                )


def import_cells(
    session: Session, cells: Sequence[HouseholdCells], unit_ids: Mapping[str, int], *, note: str
) -> ImportedCounts:
    """Write what the units do not have yet; returns how many records were added.

    Runs after the ledger's occupancies are written (the records join the household then
    living in the unit); ``note`` marks the bulk statements in the audit trail.
    """
    if not cells:
        return ImportedCounts()
    ids = {unit_ids[c.unit_code] for c in cells}
    households = current_households(session, ids)
    have_plates: set[str] = set()
    have_pets: dict[tuple[int, str, str], tuple[int, date | None]] = {}
    have_contacts: set[tuple[int, str, str]] = set()
    ordered = sorted(ids)
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        have_plates.update(
            p
            for p in session.scalars(
                select(HouseholdVehicle.active_plate).where(HouseholdVehicle.unit_id.in_(chunk))
            )
            if p is not None
        )
        have_pets.update(
            ((int(u), str(k), str(n)), (int(i), v))
            for i, u, k, n, v in session.execute(
                select(
                    HouseholdPet.id,
                    HouseholdPet.unit_id,
                    HouseholdPet.kind,
                    HouseholdPet.name,
                    HouseholdPet.vaccinated_on,
                ).where(
                    HouseholdPet.unit_id.in_(chunk), current_condition(HouseholdPet.occupancy_id)
                )
            )
        )
        have_contacts.update(
            (int(u), str(n), str(h))
            for u, n, h in session.execute(
                select(
                    HouseholdContact.unit_id, HouseholdContact.name, HouseholdContact.phone_hmac
                ).where(
                    HouseholdContact.unit_id.in_(chunk),
                    current_condition(HouseholdContact.occupancy_id),
                )
            )
        )
    now = clock.now(session)
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    kind_of = {p: k for c in cells for p, k in zip(c.plates, c.kinds, strict=False)}
    # each plate's space and pass as given on the first row that gives them
    space_of: dict[str, str] = {}
    pass_of: dict[str, tuple[date | None, date | None]] = {}
    for c in cells:
        for plate, space in zip(c.plates, c.spaces, strict=False):
            if space:
                space_of.setdefault(plate, space)
        if c.pass_from or c.pass_to:
            starts = c.pass_from or (None,) * len(c.plates)
            ends = c.pass_to or (None,) * len(c.plates)
            for plate, start, end in zip(c.plates, starts, ends, strict=True):
                if start is not None or end is not None:
                    pass_of.setdefault(plate, (start, end))
    vehicles: list[dict[str, Any]] = []
    pets: list[dict[str, Any]] = []
    later_dates: dict[int, date] = {}  # pet id → a later vaccination date from the file
    contacts: list[dict[str, Any]] = []
    for c in cells:
        unit_id = unit_ids[c.unit_code]
        base = {"unit_id": unit_id, "occupancy_id": households.get(unit_id), **stamp}
        for plate in c.plates:
            if plate in have_plates:
                continue
            have_plates.add(plate)
            kind = kind_of.get(plate) or inferred_kind(plate)  # given on any row, else inferred
            vehicles.append(
                {
                    **base,
                    "plate": plate,
                    "active_plate": plate,
                    "plate_tail_rev": plate_search_key(plate),
                    "kind": kind.value,
                    "parking_space": space_of.get(plate, ""),
                    "pass_from": pass_of.get(plate, (None, None))[0],
                    "pass_to": pass_of.get(plate, (None, None))[1],
                    "notes": "",
                    "removed_at": None,
                }
            )
        dates = c.vaccinated or (None,) * len(c.pets)
        for (kind_value, name), vaccinated in zip(c.pets, dates, strict=True):
            known = have_pets.get((unit_id, kind_value, name))
            if known is not None:
                pet_id, on_record = known
                if vaccinated is not None and (on_record is None or vaccinated > on_record):
                    later_dates[pet_id] = vaccinated
                    have_pets[(unit_id, kind_value, name)] = (pet_id, vaccinated)
                continue
            have_pets[(unit_id, kind_value, name)] = (0, vaccinated)
            pets.append(
                {
                    **base,
                    "kind": kind_value,
                    "name": name,
                    "vaccinated_on": vaccinated,
                    "registration_no": "",
                }
            )
        for name, relation, phone in c.contacts:
            key = (unit_id, name, phone_hmac(phone))
            if key in have_contacts:
                continue
            have_contacts.add(key)
            contacts.append(
                {
                    **base,
                    "name": name,
                    "relation": relation,
                    "phone": phone,
                    **contact_lookup(phone),
                }
            )
    for model, rows in (
        (HouseholdVehicle, vehicles),
        (HouseholdPet, pets),
        (HouseholdContact, contacts),
    ):
        if rows:
            session.execute(insert(model).execution_options(audit_note=note), rows)
    for pet_id, vaccinated in sorted(later_dates.items()):
        session.execute(
            update(HouseholdPet)
            .where(HouseholdPet.id == pet_id)
            .values(vaccinated_on=vaccinated, version=HouseholdPet.version + 1, updated_at=now)
            .execution_options(audit_note=note)
        )
    return ImportedCounts(len(vehicles), len(pets), len(contacts), len(later_dates))


def _cell(header: str, values: Sequence[str | date]) -> str | date:
    """One exported cell: a lone date stays a date (an Excel date, like 入住日期), several
    values are text joined by ``、``."""
    if header in DATE_HEADERS and len(values) == 1 and isinstance(values[0], date):
        return values[0]
    return "、".join(v if isinstance(v, str) else f"{v:%Y-%m-%d}" for v in values)


def export_cells(
    session: Session, *, actor: Actor | None, building_id: int | None = None
) -> dict[str, dict[str, str | date]]:
    """unit code → ``{header: value}`` of the current household's records, for the export
    (contact phones as ``actor`` may see them). Each plate's type, parking space and pass
    dates are paired with it by position (``-`` for a plate without a space or pass; the
    column is left empty when no plate of the unit has one); a cell holding one date is a
    date. Three queries, however many units."""
    out: dict[str, dict[str, list[str | date]]] = {}

    def add(code: str, header: str, text: str | date) -> None:
        if text:
            out.setdefault(code, {}).setdefault(header, []).append(text)

    def scoped(stmt: Any) -> Any:
        return stmt if building_id is None else stmt.where(Unit.building_id == building_id)

    per_plate: dict[str, list[tuple[str, date | None, date | None]]] = {}
    for code, plate, kind, space, start, end in session.execute(
        scoped(
            select(
                Unit.code,
                HouseholdVehicle.plate,
                HouseholdVehicle.kind,
                HouseholdVehicle.parking_space,
                HouseholdVehicle.pass_from,
                HouseholdVehicle.pass_to,
            )
            .join(Unit, Unit.id == HouseholdVehicle.unit_id)
            .where(
                HouseholdVehicle.removed_at.is_(None),
                current_condition(HouseholdVehicle.occupancy_id),
            )
            .order_by(HouseholdVehicle.id)
        )
    ):
        add(code, PLATES, plate)
        add(code, VEHICLE_KIND, _KIND_ZH.get(kind, kind))
        per_plate.setdefault(code, []).append((space or "", start, end))
    for code, vehicles in per_plate.items():  # by position; left out when no plate has one
        for header, index in ((SPACE, 0), (PASS_FROM, 1), (PASS_TO, 2)):
            if any(v[index] for v in vehicles):
                for v in vehicles:
                    add(code, header, v[index] or NONE)
    vaccinated: dict[str, list[date | None]] = {}
    for code, kind, name, on in session.execute(
        scoped(
            select(Unit.code, HouseholdPet.kind, HouseholdPet.name, HouseholdPet.vaccinated_on)
            .join(Unit, Unit.id == HouseholdPet.unit_id)
            .where(current_condition(HouseholdPet.occupancy_id))
            .order_by(HouseholdPet.id)
        )
    ):
        label = PET_KIND_ZH.get(PetKind(kind), kind)
        add(code, PETS, f"{label} {name}".strip())
        vaccinated.setdefault(code, []).append(on)
    for code, dates in vaccinated.items():  # paired with the pets; left out when none known
        if any(d is not None for d in dates):
            for d in dates:
                add(code, PET_VACCINATED, d or NOT_VACCINATED)
    for code, name, relation, phone in session.execute(
        scoped(
            select(
                Unit.code, HouseholdContact.name, HouseholdContact.relation, HouseholdContact.phone
            )
            .join(Unit, Unit.id == HouseholdContact.unit_id)
            .where(current_condition(HouseholdContact.occupancy_id))
            .order_by(HouseholdContact.id)
        )
    ):
        add(code, CONTACT, f"{name}（{relation}）" if relation else name)
        add(code, CONTACT_PHONE, shown_phone(actor, phone))
    return {code: {h: _cell(h, v) for h, v in cells.items()} for code, cells in out.items()}
