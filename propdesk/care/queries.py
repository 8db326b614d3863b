"""Reading attention flags: one flag's row, the batched banner query, lists, overdue reviews,
``flags_of_kind`` for visit plans, and the custom kinds.

What a viewer may see is decided here: a flag only supervisors may see shows to anyone else
as :data:`propdesk.care.values.RESTRICTED_TEXT`, with no kind, reason or hours.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
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
    """The WHERE of the flag list: kind, building, review due on or before ``overdue_on``."""
    out: list[ColumnElement[bool]] = [
        CareFlag.ended_at.is_(None) if active else CareFlag.ended_at.is_not(None)
    ]
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
    today = clock.today(session)
    stmt = select(func.count(CareFlag.id)).where(
        CareFlag.ended_at.is_(None), CareFlag.review_on <= today
    )
    return int(session.execute(stmt).scalar_one())


def banner_flags(
    session: Session,
    *,
    unit_ids: Collection[int] = (),
    person_ids: Collection[int] = (),
) -> list[BannerFlag]:
    """The active flags to show for these units and people, in one query.

    A unit shows its household's flags (those set for the household living there now) and
    the flags of the people living there now; a person shows their own flags. Each entry
    names the unit or person it was asked for (``unit_id`` / ``person_id``).
    """
    units, people = sorted(set(unit_ids)), sorted(set(person_ids))
    if not units and not people:
        return []
    occupant = aliased(Occupancy, name="occupant")
    household = and_(
        CareFlag.target == "household",
        CareFlag.unit_id.in_(units) if units else false(),
        or_(FlagOccupancy.id.is_(None), FlagOccupancy.end_date.is_(None)),
    )
    person_in_unit = occupant.id.is_not(None)
    person_asked = CareFlag.person_id.in_(people) if people else false()
    stmt = (
        select(
            CareFlag.id,
            CareFlag.kind,
            CareKind.name.label("custom_name"),
            CareFlag.target,
            CareFlag.unit_id,
            CareFlag.person_id,
            occupant.unit_id.label("occupant_unit"),
            CareFlag.visibility,
            CareFlag.sensitive,
            CareFlag.dnd_start,
            CareFlag.dnd_end,
        )
        .select_from(CareFlag)
        .outerjoin(FlagOccupancy, FlagOccupancy.id == CareFlag.occupancy_id)
        .outerjoin(
            occupant,
            and_(
                CareFlag.target == "person",
                occupant.person_id == CareFlag.person_id,
                occupant.end_date.is_(None),
                occupant.unit_id.in_(units) if units else false(),
            ),
        )
        .outerjoin(CareKind, CareKind.id == CareFlag.custom_kind_id)
        .where(CareFlag.ended_at.is_(None), or_(household, person_in_unit, person_asked))
        .order_by(CareFlag.id)
    )
    actor = _actor(session)
    out: list[BannerFlag] = []
    seen: set[tuple[int, int | None, int | None]] = set()
    for r in session.execute(stmt):
        restricted = r.visibility == Visibility.SUPERVISORS.value and not may_see_restricted(actor)
        text = RESTRICTED_TEXT if restricted else shown_kind(r, actor)
        entries: list[tuple[int | None, int | None]] = []
        if r.target == "household":
            entries.append((r.unit_id, None))
        else:
            if r.occupant_unit is not None:
                entries.append((r.occupant_unit, None))
            if r.person_id in people:
                entries.append((None, r.person_id))
        for unit_id, person_id in entries:
            key = (r.id, unit_id, person_id)
            if key in seen:
                continue
            seen.add(key)
            out.append(BannerFlag(r.id, unit_id, person_id, text, restricted, r.sensitive))
    return out


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
