"""Demo step (order 130): the households' vehicles, pets and emergency contacts.

About 40% of lived-in units have a vehicle (a quarter of them new-energy, some a second
car or a motorcycle; the unit's own parking space when it has one, else a monthly pass,
some lapsed), about 15% a pet (dogs with a registration number, most vaccinated within the
year), and an emergency contact for every elderly owner living alone and for most other
households. Deterministic: ``ctx.rng`` and ``ctx.today`` only; bulk inserts. Reads
``ctx.info``: ``"owner_by_unit"``, ``"tenant_by_unit"``, ``"residents_by_unit"``,
``"parking_by_unit"``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.demo.steps import DemoContext
from propdesk.household.models import (
    HouseholdContact,
    HouseholdPet,
    HouseholdVehicle,
    contact_lookup,
)
from propdesk.household.plates import PROVINCES, plate_search_key
from propdesk.household.queries import current_households
from propdesk.household.values import PetKind, VehicleKind
from propdesk.registry.models import ParkingSpace, Person

VEHICLE_SHARE = 0.40
PET_SHARE = 0.15
CONTACT_SHARE = 0.70  # of households that are not elderly owners living alone
ELDERLY_AGE = 65
_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # plates use no I or O
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "霞",
)
_RELATIONS = ("儿子", "女儿", "女儿", "儿子", "配偶", "兄弟", "姐妹", "朋友", "同事", "侄子")
_PET_NAMES = ("旺财", "豆豆", "球球", "咪咪", "花花", "小白", "可乐", "元宝", "布丁", "团团")


def _plate(rng: random.Random, taken: set[str], *, new_energy: bool) -> str:
    while True:
        head = "粤" + rng.choice("BBBBBAC") if rng.random() < 0.9 else rng.choice(PROVINCES) + "A"
        if new_energy:
            tail = rng.choice("DF") + "".join(rng.choice("0123456789") for _ in range(5))
        else:
            tail = "".join(rng.choice(_LETTERS + "0123456789" * 3) for _ in range(5))
        plate = head + tail
        if plate not in taken:
            taken.add(plate)
            return plate


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))


def _age(id_number: str | None, today: date) -> int:
    digits = (id_number or "")[6:10]
    return today.year - int(digits) if digits.isdigit() else 0


def build_household(session: Session, ctx: DemoContext) -> None:
    rng = ctx.rng
    today = ctx.today
    now = clock.now(session)
    owner_by_unit: dict[int, int] = dict(ctx.info.get("owner_by_unit") or {})  # type: ignore[call-overload]
    residents: dict[int, list[int]] = dict(ctx.info.get("residents_by_unit") or {})  # type: ignore[call-overload]
    parking_by_unit: dict[int, list[int]] = dict(ctx.info.get("parking_by_unit") or {})  # type: ignore[call-overload]
    households = current_households(session)
    units = sorted(households)
    if not units:
        return
    ctx.progress(0.0, "登记车辆、宠物和紧急联系人…")
    space_code: dict[int, str] = {
        int(r.id): str(r.code) for r in session.execute(select(ParkingSpace.id, ParkingSpace.code))
    }
    owners = sorted(set(owner_by_unit.values()))
    id_numbers: dict[int, str | None] = {}
    for start in range(0, len(owners), 900):
        chunk = owners[start : start + 900]
        for r in session.execute(select(Person.id, Person.id_number).where(Person.id.in_(chunk))):
            id_numbers[int(r.id)] = r.id_number
    stamp = {"version": 1, "created_at": now, "updated_at": now}

    vehicles: list[dict[str, Any]] = []
    pets: list[dict[str, Any]] = []
    contacts: list[dict[str, Any]] = []
    plates: set[str] = set()
    for unit_id in units:
        occ = households[unit_id]
        base = {"unit_id": unit_id, "occupancy_id": occ, **stamp}
        if rng.random() < VEHICLE_SHARE:
            spaces = [space_code[s] for s in parking_by_unit.get(unit_id, []) if s in space_code]
            for n in range(2 if rng.random() < 0.12 else 1):
                moto = n == 1 and rng.random() < 0.4
                nev = not moto and rng.random() < 0.25
                kind = (
                    VehicleKind.MOTORCYCLE
                    if moto
                    else VehicleKind.NEW_ENERGY
                    if nev
                    else VehicleKind.SMALL
                )
                plate = _plate(rng, plates, new_energy=nev)
                pass_from: date | None = None
                pass_to: date | None = None
                if n < len(spaces):
                    space = spaces[n]
                elif not moto and rng.random() < 0.6:
                    space = f"临{rng.randint(1, 400):03d}"
                    pass_from = today.replace(day=1) - timedelta(days=30 * rng.randint(0, 11))
                    pass_from = pass_from.replace(day=1)
                    months = rng.choice((1, 3, 6, 12))
                    pass_to = pass_from + timedelta(days=30 * months + (months // 2) - 1)
                else:
                    space = ""
                vehicles.append(
                    {
                        **base,
                        "plate": plate,
                        "active_plate": plate,
                        "plate_tail_rev": plate_search_key(plate),
                        "kind": kind.value,
                        "parking_space": space,
                        "pass_from": pass_from,
                        "pass_to": pass_to,
                        "notes": "",
                        "removed_at": None,
                    }
                )
        if rng.random() < PET_SHARE:
            kind_roll = rng.random()
            pet_kind = (
                PetKind.DOG
                if kind_roll < 0.6
                else PetKind.CAT
                if kind_roll < 0.95
                else PetKind.OTHER
            )
            vaccinated = (
                today - timedelta(days=rng.randint(10, 420)) if rng.random() < 0.85 else None
            )
            pets.append(
                {
                    **base,
                    "kind": pet_kind.value,
                    "name": rng.choice(_PET_NAMES),
                    "vaccinated_on": vaccinated,
                    "registration_no": (
                        f"深犬{today.year - rng.randint(0, 4)}{rng.randint(1, 99999):05d}"
                        if pet_kind is PetKind.DOG
                        else ""
                    ),
                }
            )
        owner = owner_by_unit.get(unit_id)
        elderly_alone = (
            owner is not None
            and len(residents.get(unit_id, [])) <= 1
            and _age(id_numbers.get(owner), today) >= ELDERLY_AGE
        )
        if elderly_alone or rng.random() < CONTACT_SHARE:
            for _ in range(2 if elderly_alone and rng.random() < 0.6 else 1):
                phone = _phone(rng)
                contacts.append(
                    {
                        **base,
                        "name": rng.choice(_SURNAMES)
                        + rng.choice(_GIVEN)
                        + rng.choice(("", *_GIVEN)),
                        "relation": rng.choice(_RELATIONS[:4] if elderly_alone else _RELATIONS),
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
            session.execute(insert(model), rows)
    ctx.info["household_vehicles"] = len(vehicles)
    ctx.info["household_pets"] = len(pets)
    ctx.info["household_contacts"] = len(contacts)
