"""Reading attention flags: one flag's row, the batched banner query, lists, overdue reviews,
``flags_of_kind`` for visit plans, and the custom kinds.

What a viewer may see is decided here: a flag only supervisors may see shows to anyone else
as :data:`propdesk.care.values.RESTRICTED_TEXT`, with no kind, reason or hours.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from propdesk import clock
from propdesk.auth.actor import Actor
from propdesk.auth.permissions import Permission, allowed
from propdesk.care.models import CareFlag, CareKind
from propdesk.care.values import (
    RESTRICTED_TEXT,
    BannerFlag,
    CustomKindRow,
    FlagKind,
    FlagRow,
    Visibility,
    hours_text,
    kind_label,
)
from propdesk.errors import NotFound
from propdesk.registry.models import Building, Occupancy, Person, Unit

#: The occupancy a household flag stands on, and the person named for the flag (the
#: flagged person, else the household's occupant).
FlagOccupancy = aliased(Occupancy, name="flag_occupancy")
FlagPerson = aliased(Person, name="flag_person")


def may_see_restricted(actor: Actor | None) -> bool:
    return allowed(actor, Permission.APPROVE)


def flag_list_base() -> Select[Any]:
    """FROM ``care_flag`` with its unit, building, occupancy, person and custom kind joined
    (columns are replaced by the list model)."""
    return (
        select(CareFlag.id)
        .select_from(CareFlag)
        .outerjoin(Unit, Unit.id == CareFlag.unit_id)
        .outerjoin(Building, Building.id == Unit.building_id)
        .outerjoin(FlagOccupancy, FlagOccupancy.id == CareFlag.occupancy_id)
        .outerjoin(
            FlagPerson, FlagPerson.id == func.coalesce(CareFlag.person_id, FlagOccupancy.person_id)
        )
        .outerjoin(CareKind, CareKind.id == CareFlag.custom_kind_id)
    )


def still_current() -> ColumnElement[bool]:
    """The flag still stands where it was set: a person's flag, a household flag set on a
    vacant unit, or one whose household still lives there (its occupancy not ended).

    Needs :data:`FlagOccupancy` outer-joined on ``CareFlag.occupancy_id`` (as
    :func:`flag_list_base` does). The one definition of "current" for the banner, the list,
    the overdue count, the evacuation list and the visit plan.
    """
    return or_(FlagOccupancy.id.is_(None), FlagOccupancy.end_date.is_(None))


def visible_to(actor: Actor | None) -> ColumnElement[bool]:
    """Flags whose kind ``actor`` may see (filters by kind use it)."""
    if may_see_restricted(actor):
        return CareFlag.id.is_not(None)
    return CareFlag.visibility != Visibility.SUPERVISORS.value


def list_conditions(
    *,
    actor: Actor | None,
    kind: str | None = None,
    custom_kind_id: int | None = None,
    building_id: int | None = None,
    overdue_on: date | None = None,
    active: bool = True,
) -> list[ColumnElement[bool]]:
    """The WHERE of the flag list: kind, building, review due on or before ``overdue_on``.

    Active flags are those not ended and still current (:func:`still_current`: a household
    flag leaves the list when its household moves out); ``active=False`` lists ended ones.
    """
    out: list[ColumnElement[bool]] = (
        [CareFlag.ended_at.is_(None), still_current()]
        if active
        else [CareFlag.ended_at.is_not(None)]
    )
    if kind:
        out += [CareFlag.kind == kind, visible_to(actor)]
        if custom_kind_id is not None:
            out.append(CareFlag.custom_kind_id == custom_kind_id)
    if building_id is not None:
        out.append(Unit.building_id == building_id)
    if overdue_on is not None:
        out.append(CareFlag.review_on <= overdue_on)
    return out


def _row_columns() -> tuple[Any, ...]:
    return (
        CareFlag.id,
        CareFlag.kind,
        CareKind.name.label("custom_name"),
        CareFlag.target,
        CareFlag.unit_id,
        Unit.code.label("unit_code"),
        CareFlag.person_id,
        FlagPerson.name.label("person_name"),
        CareFlag.review_on,
        CareFlag.visibility,
        CareFlag.sensitive,
        CareFlag.dnd_start,
        CareFlag.dnd_end,
        CareFlag.ended_at,
        CareFlag.version,
    )


def shown_kind(row: Any, actor: Actor | None) -> str:
    """The kind as ``actor`` may see it."""
    if row.visibility == Visibility.SUPERVISORS.value and not may_see_restricted(actor):
        return RESTRICTED_TEXT
    text = kind_label(row.kind, row.custom_name or "")
    hours = hours_text(row.dnd_start, row.dnd_end)
    return f"{text} {hours}" if hours else text


def _to_row(row: Any, actor: Actor | None) -> FlagRow:
    restricted = row.visibility == Visibility.SUPERVISORS.value and not may_see_restricted(actor)
    return FlagRow(
        id=row.id,
        kind="" if restricted else row.kind,
        kind_zh=shown_kind(row, actor),
        target=row.target,
        unit_id=row.unit_id,
        unit_code=row.unit_code or "",
        person_id=row.person_id,
        person_name=row.person_name or "",
        review_on=None if restricted else row.review_on,
        visibility=row.visibility,
        sensitive=row.sensitive,
        dnd_hours="" if restricted else hours_text(row.dnd_start, row.dnd_end),
        active=row.ended_at is None,
        version=row.version,
    )


def _actor(session: Session) -> Actor | None:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else None


def flag_row(session: Session, flag_id: int) -> FlagRow:
    row = session.execute(
        flag_list_base().with_only_columns(*_row_columns()).where(CareFlag.id == flag_id)
    ).first()
    if row is None:
        raise NotFound("找不到该关注标记。")
    return _to_row(row, _actor(session))


def list_flags(
    session: Session, *conditions: ColumnElement[bool], limit: int = 500
) -> list[FlagRow]:
    """Flags matching ``conditions`` (see :func:`list_conditions`) in unit order."""
    stmt = (
        flag_list_base()
        .with_only_columns(*_row_columns())
        .where(*conditions)
        .order_by(Building.sort_key, Unit.code, CareFlag.id)
        .limit(limit)
    )
    actor = _actor(session)
    return [_to_row(r, actor) for r in session.execute(stmt)]


def overdue_reviews(session: Session, *, limit: int = 500) -> list[FlagRow]:
    """Active flags whose review date has come (today or earlier), oldest first."""
    today = clock.today(session)
    actor = _actor(session)
    stmt = (
        flag_list_base()
        .with_only_columns(*_row_columns())
        .where(*list_conditions(actor=actor, overdue_on=today))
        .order_by(CareFlag.review_on, CareFlag.id)
        .limit(limit)
    )
    return [_to_row(r, actor) for r in session.execute(stmt)]


def count_overdue(session: Session) -> int:
    """How many flags :func:`overdue_reviews` lists (whoever asks: the count is no detail)."""
    today = clock.today(session)
    stmt = (
        select(func.count(CareFlag.id))
        .outerjoin(FlagOccupancy, FlagOccupancy.id == CareFlag.occupancy_id)
        .where(*list_conditions(actor=None, overdue_on=today))
    )
    return int(session.execute(stmt).scalar_one())


def banner_flags(
    session: Session,
    *,
    unit_ids: Collection[int] = (),
    person_ids: Collection[int] = (),
) -> list[BannerFlag]:
    """The active flags to show for these units and people, in one statement.

    A unit shows its household's flags (those set for the household living there now) and
    the flags of the people living there now; a person shows their own flags. Each entry
    names the unit or person it was asked for (``unit_id`` / ``person_id``).
    """
    units, people = sorted(set(unit_ids)), sorted(set(person_ids))
    if not units and not people:
        return []
    params: dict[str, list[int]] = {}
    if units:
        params["units"] = units
    if people:
        params["people"] = people
    stmt = _banner_statement(bool(units), bool(people))
    actor = _actor(session)
    today = clock.today(session)
    out: list[BannerFlag] = []
    seen: set[tuple[int, int | None, int | None]] = set()
    for r in session.execute(stmt, params):
        restricted = r.visibility == Visibility.SUPERVISORS.value and not may_see_restricted(actor)
        text = RESTRICTED_TEXT if restricted else shown_kind(r, actor)
        key = (r.id, r.asked_unit, r.asked_person)
        if key in seen:  # a person living in two of the units asked for: once each
            continue
        seen.add(key)
        due = not restricted and r.review_on is not None and r.review_on <= today
        out.append(
            BannerFlag(r.id, r.asked_unit, r.asked_person, text, restricted, r.sensitive, due)
        )
    return out


@cache
def _banner_statement(with_units: bool, with_people: bool) -> Select[Any]:
    """:func:`banner_flags`' statement, built once per shape (the banner is asked for on
    every search and page: building it cost far more than running it); the
    units and people are the expanding parameters ``units`` and ``people``."""
    occupant = aliased(Occupancy, name="occupant")
    no_person = null().label("asked_person")

    def flags(asked_unit: Any, asked_person: Any, branch: int) -> Select[Any]:
        return select(
            CareFlag.id,
            CareFlag.kind,
            CareFlag.custom_kind_id,
            CareFlag.visibility,
            CareFlag.sensitive,
            CareFlag.dnd_start,
            CareFlag.dnd_end,
            CareFlag.review_on,
            asked_unit.label("asked_unit"),
            asked_person,
            literal(branch).label("branch"),
        ).where(CareFlag.ended_at.is_(None))

    # Three lookups, each by an index (by unit; by the people living there; by person),
    # instead of one statement whose OR made SQLite read every active flag.
    branches: list[Select[Any]] = []
    if with_units:
        branches.append(
            flags(CareFlag.unit_id, no_person, 0)
            .outerjoin(FlagOccupancy, FlagOccupancy.id == CareFlag.occupancy_id)
            .where(
                CareFlag.target == "household",
                CareFlag.unit_id.in_(bindparam("units", expanding=True)),
                still_current(),
            )
        )
        branches.append(
            flags(occupant.unit_id, no_person, 0)
            .join(occupant, occupant.person_id == CareFlag.person_id)
            .where(
                CareFlag.target == "person",
                occupant.unit_id.in_(bindparam("units", expanding=True)),
                occupant.end_date.is_(None),
            )
        )
    if with_people:
        branches.append(
            flags(null(), CareFlag.person_id.label("asked_person"), 1).where(
                CareFlag.target == "person",
                CareFlag.person_id.in_(bindparam("people", expanding=True)),
            )
        )
    found = union_all(*branches).subquery("found")
    return (
        select(found, CareKind.name.label("custom_name"))
        .outerjoin(CareKind, CareKind.id == found.c.custom_kind_id)
        .order_by(found.c.id, found.c.branch, found.c.asked_unit)
    )


@dataclass(frozen=True)
class FlagTarget:
    """Who a flag is on: a household (unit and occupancy) or a person (and their unit)."""

    flag_id: int
    target: str
    unit_id: int | None
    occupancy_id: int | None
    person_id: int | None
    review_on: date | None


def flags_of_kind(session: Session, kind: str | FlagKind) -> list[FlagTarget]:
    """The households and people carrying an active flag of ``kind`` (for visit plans)."""
    stmt = (
        select(
            CareFlag.id,
            CareFlag.target,
            CareFlag.unit_id,
            CareFlag.occupancy_id,
            CareFlag.person_id,
            CareFlag.review_on,
        )
        .where(CareFlag.ended_at.is_(None), CareFlag.kind == str(kind))
        .order_by(CareFlag.id)
    )
    return [FlagTarget(*r) for r in session.execute(stmt)]


def custom_kinds(session: Session, *, active_only: bool = True) -> list[CustomKindRow]:
    stmt = select(CareKind.id, CareKind.name, CareKind.sensitive, CareKind.active)
    if active_only:
        stmt = stmt.where(CareKind.active.is_(True))
    return [CustomKindRow(*r) for r in session.execute(stmt.order_by(CareKind.name))]


def buildings(session: Session) -> list[tuple[int, str]]:
    """Buildings for the page's filter, in their order."""
    stmt = select(Building.id, Building.name).order_by(Building.sort_key, Building.code)
    return [(int(i), str(n)) for i, n in session.execute(stmt)]
