"""The people list's sort key for its Units column: ``person.unit_sort``.

The list shows each person's first current unit (the lowest code among occupancies
without an end date). Sorting 100,000 people by that correlated ``MIN`` costs ~300 ms,
so the same value is stored on the person (indexed) and refreshed here whenever a
person's current occupancies change. What the list *shows* is still computed from the
occupancies; only the order comes from this key.

The key is derived data: it is written on the session's connection, outside the unit of
work, so it neither bumps the person's version (no false "changed elsewhere" conflicts)
nor adds audit rows (the occupancy change that caused it is audited).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from propdesk.registry.models import Occupancy, Person, Unit

_CHUNK = 500  # ids per UPDATE … WHERE id IN (…), well under SQLite's variable limit


def first_unit_code() -> ScalarSelect[str]:
    """The correlated scalar subquery: lowest current unit code of ``person`` (``""``)."""
    occupancy = Occupancy.__table__
    unit = Unit.__table__
    person = Person.__table__
    return (
        select(func.coalesce(func.min(unit.c.code), ""))
        .select_from(occupancy.join(unit, unit.c.id == occupancy.c.unit_id))
        .where(occupancy.c.person_id == person.c.id, occupancy.c.end_date.is_(None))
        .scalar_subquery()
    )


def refresh_unit_sort(session: Session, person_ids: Iterable[int] | None = None) -> None:
    """Recompute ``unit_sort`` for these people (everyone when ``None``), in the caller's
    transaction. Call it after any change to current occupancies."""
    session.flush()
    person = cast(Table, Person.__table__)
    stmt = update(person).values(unit_sort=first_unit_code())
    conn = session.connection()
    if person_ids is None:
        conn.execute(stmt)
        return
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), _CHUNK):
        conn.execute(stmt.where(person.c.id.in_(ids[start : start + _CHUNK])))
