"""Who is calling: the households (owners, family, tenants) a number or its last 4 digits
belong to.

The people are found by the registry's phone numbers (``person.phone`` and ``phone2``) in
one bounded query by the number's tail, then compared digit by digit here
(:func:`propdesk.calls.textkeys.same_number`), so ``0755-12345678`` in the registry is the
caller ``075512345678`` and ``12345678`` stored without its area code still matches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.calls.textkeys import TAIL, normalise_number, same_number
from propdesk.calls.values import Household
from propdesk.privacy import shown_phone
from propdesk.registry.models import Occupancy, Person, Unit
from propdesk.session_info import actor_or_none

MATCH_CAP = 200  # people sharing a tail looked at per lookup (a tail is shared by ~10 in 100,000)


def _lookup() -> tuple[Any, Any, Callable[[str], str], Callable[[str], str]] | None:
    """The registry's phone lookup (encrypted phones): the columns holding the HMAC of the
    whole number and of its last 4 digits, and the functions computing them; ``None`` while
    phones are stored in clear."""
    try:
        from propdesk.pii import index as pii_index
    except ImportError:
        return None
    for full, tail in (("phone_hmac", "phone_tail_hmac"), ("phone_hash", "phone_tail_hash")):
        if hasattr(Person, full) and hasattr(Person, tail):
            hash_of = getattr(pii_index, full, None)
            tail_of = getattr(pii_index, "tail_hash", None) or getattr(pii_index, "tail_hmac", None)
            if hash_of is not None and tail_of is not None:
                return getattr(Person, full), getattr(Person, tail), hash_of, tail_of
    return None


def _candidates(session: Session, digits: str) -> list[tuple[int, str, str, str]]:
    """``(id, name, phone, phone2)`` of the people a number may belong to: through the
    registry's phone lookup (HMAC of the whole number or of its last 4 digits) where phones
    are encrypted at rest, else by the clear number's tail."""
    tail = digits[-TAIL:]
    lookup = _lookup()
    if lookup is not None:
        hash_column, tail_column, hash_of, tail_hash_of = lookup
        if len(digits) >= 7:
            variants = {digits}
            if digits.startswith("0") and len(digits) >= 10:
                variants |= {digits[3:], digits[4:]}  # stored without its area code
            where = hash_column.in_([hash_of(v) for v in variants])
        else:
            where = tail_column == tail_hash_of(tail)
        rows = session.execute(
            select(Person.id, Person.name, Person.phone, Person.phone2)
            .where(where)
            .order_by(Person.id)
            .limit(MATCH_CAP)
        ).all()
    else:
        pattern = f"%{tail}"
        rows = session.execute(
            select(Person.id, Person.name, Person.phone, Person.phone2)
            .where(or_(Person.phone.like(pattern), Person.phone2.like(pattern)))
            .order_by(Person.id)
            .limit(MATCH_CAP)
        ).all()
    return [(r.id, r.name, r.phone or "", r.phone2 or "") for r in rows]


def people_by_number(session: Session, digits: str) -> list[tuple[int, str, str]]:
    """``(person id, name, stored phone)`` of the people whose phone is ``digits``.

    Fewer than 7 digits match the end of a phone number (the last 4 typed by the clerk);
    a full number matches the whole number.
    """
    if len(digits) < TAIL:
        return []
    out: list[tuple[int, str, str]] = []
    for pid, name, phone, phone2 in _candidates(session, digits):
        for stored in (phone, phone2):
            if not stored:
                continue
            bare = stored.replace("-", "").replace(" ", "")
            hit = bare.endswith(digits) if len(digits) < 7 else same_number(stored, digits)
            if hit:
                out.append((pid, name, stored))
                break
    return out


def identify(session: Session, number: str) -> list[Household]:
    """The households whose current occupant answers to ``number`` (any format, or the last
    4 digits); several units of one person are several households. Owners come first."""
    digits = normalise_number(number)
    people = people_by_number(session, digits)
    if not people:
        return []
    today = clock.today(session)
    actor = actor_or_none(session)
    by_id = {pid: (name, phone) for pid, name, phone in people}
    rows = session.execute(
        select(
            Occupancy.person_id,
            Occupancy.role,
            Unit.id.label("unit_id"),
            Unit.code,
            Unit.building_id,
        )
        .join(Unit, Unit.id == Occupancy.unit_id)
        .where(
            Occupancy.person_id.in_(list(by_id)),
            or_(Occupancy.end_date.is_(None), Occupancy.end_date > today),
        )
    ).all()
    order = {"owner": 0, "co_owner": 1, "tenant": 2, "family": 3}
    households = [
        Household(
            r.unit_id,
            r.code,
            r.building_id,
            r.person_id,
            by_id[r.person_id][0],
            r.role,
            shown_phone(actor, by_id[r.person_id][1]),
        )
        for r in rows
    ]
    households.sort(key=lambda h: (h.unit_code, order.get(h.role, 9), h.person_name))
    return households
