"""The desk's one search box: unit code prefix, name, phone digits, pinyin initials, or the
number of a ticket, receipt or parcel (:mod:`propdesk.registry.record_numbers`).

``search(session, "3-2-15")`` → units whose code starts so; ``"zs"`` → 张三 by
pinyin initials (or full pinyin prefix); ``"5678"`` → people whose phone ends with
those 4 digits, ``"13812345678"`` → whose phone is that number (never digits anywhere:
:mod:`propdesk.registry.personal`); any other text → names containing it. Every query is an
indexed or bounded SQL query, so a keystroke stays fast at 100,000 people.
"""

from __future__ import annotations

import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from propdesk.auth.actor import Actor
from propdesk.household.plates import looks_like_plate
from propdesk.household.search import find_plates
from propdesk.privacy import shown_phone
from propdesk.registry.models import (
    OCCUPANCY_ROLE_ZH,
    Building,
    Occupancy,
    OccupancyRole,
    Person,
    Unit,
)
from propdesk.registry.personal import phone_condition
from propdesk.registry.record_numbers import find_numbers, looks_like_number
from propdesk.registry.unit_sort import unit_code_key, unit_order
from propdesk.registry.values import SearchHit
from propdesk.session_info import actor_or_none

_UNIT_PREFIX = re.compile(r"^[0-9A-Za-z]{1,4}-[0-9-]*$")
_ASCII_LETTERS = re.compile(r"^[A-Za-z]+$")
DEFAULT_LIMIT = 30
MATCH_CAP = 1000  # people matched per keystroke before sorting; the box shows the first 30


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(session: Session, text: str, *, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    q = (text or "").strip()
    if not q:
        return []
    actor = actor_or_none(session)
    hits: list[SearchHit] = []
    if _UNIT_PREFIX.match(q):
        hits += _units(session, Unit.code.like(_like_escape(q) + "%", escape="\\"), limit)
    elif q.isdigit():
        phone = phone_condition(q)
        if phone is not None:
            hits += _people(session, phone, actor, limit)
        hits += _units(
            session, Unit.room.like(_like_escape(q) + "%", escape="\\"), limit - len(hits)
        )
        hits += find_numbers(session, q, limit=limit - len(hits))  # receipts, tracking numbers
        hits += find_plates(session, q, limit=limit - len(hits))  # 12345: a plate's end
    elif _ASCII_LETTERS.match(q):
        low = q.lower()
        hits += _people(
            session,
            or_(
                Person.name_initials.like(_like_escape(low) + "%", escape="\\"),
                Person.name_pinyin.like(_like_escape(low) + "%", escape="\\"),
            ),
            actor,
            limit,
        )
    elif looks_like_number(q):  # BX20261123-0007, SF1234567890
        hits += find_numbers(session, q, limit=limit)
        hits += find_plates(session, q, limit=limit - len(hits))  # C7VGV9: a plate's end
    elif looks_like_plate(q):  # 粤B12345 or C7V GV9: the unit of a registered vehicle
        hits += find_plates(session, q, limit=limit)
    else:
        hits += _people(session, Person.name.contains(q, autoescape=True), actor, limit)
    return hits[:limit]


def _units(session: Session, where: object, limit: int) -> list[SearchHit]:
    if limit <= 0:
        return []
    rows = session.execute(
        select(Unit.id, Unit.code, Unit.area_centi)
        .join(Building, Building.id == Unit.building_id)
        .where(where)  # type: ignore[arg-type]
        .order_by(*unit_order())  # natural order: 1-1-101 before 1-1-1001
        .limit(limit)
    ).all()
    if not rows:
        return []
    owners = _current_names(session, [r.id for r in rows])
    return [
        SearchHit(
            "unit",
            r.id,
            r.code,
            f"{r.area_centi / 100:.2f}㎡  {owners.get(r.id, '空置/无登记住户')}",
        )
        for r in rows
    ]


def _current_names(session: Session, unit_ids: list[int]) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for unit_id, name, role in session.execute(
        select(Occupancy.unit_id, Person.name, Occupancy.role)
        .join(Person, Person.id == Occupancy.person_id)
        .where(Occupancy.unit_id.in_(unit_ids), Occupancy.end_date.is_(None))
        .order_by(Occupancy.role, Occupancy.id)
    ):
        if role in (OccupancyRole.OWNER, OccupancyRole.CO_OWNER, OccupancyRole.TENANT):
            out.setdefault(unit_id, []).append(
                f"{name}（{OCCUPANCY_ROLE_ZH[OccupancyRole(role)]}）"
            )
    return {k: "、".join(v[:3]) for k, v in out.items()}


def _people(session: Session, where: object, actor: Actor | None, limit: int) -> list[SearchHit]:
    # Match first (one bounded scan), then sort only the matches: with ORDER BY name
    # LIMIT n alone, SQLite walks the whole name index testing each row, 75 ms for a
    # phone fragment over 100,000 people instead of 9 ms (benchmarks/bench_search.py).
    matched = select(Person.id).where(where).limit(MATCH_CAP)  # type: ignore[arg-type]
    rows = session.execute(
        select(Person.id, Person.name, Person.phone)
        .where(Person.id.in_(matched.scalar_subquery()))
        .order_by(Person.name_pinyin, Person.name, Person.id)  # by pinyin, as clerks look names up
        .limit(limit)
    ).all()
    if not rows:
        return []
    units: dict[int, list[str]] = {}
    for pid, code in session.execute(
        select(Occupancy.person_id, Unit.code)
        .join(Unit, Unit.id == Occupancy.unit_id)
        .where(Occupancy.person_id.in_([r.id for r in rows]), Occupancy.end_date.is_(None))
        .order_by(Unit.code)
    ):
        units.setdefault(pid, []).append(code)
    return [
        SearchHit(
            "person",
            r.id,
            r.name,
            f"{shown_phone(actor, r.phone)}  {' '.join(_natural(units.get(r.id, []))[:3])}".strip(),
        )
        for r in rows
    ]


def _natural(codes: list[str]) -> list[str]:
    return sorted(codes, key=unit_code_key)


def count_people(session: Session) -> int:
    return session.scalar(select(func.count(Person.id))) or 0
