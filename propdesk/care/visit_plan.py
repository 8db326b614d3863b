"""The visit plan (走访计划): which households are due a visit, by when and why, in SQL.

Four sources, each one query that returns only the plan's items (never a loop over units):

* elderly living alone (an active 独居老人 flag): every ``days`` days after the last visit
  to the unit, or after the flag was set when nobody has visited since;
* a new household (an owner's or tenant's occupancy that started in the last
  ``lookback_days``): a visit within ``days`` of moving in, until one is recorded;
* a closed complaint (closed in the last ``lookback_days``; with ``flagged_only``, only
  when its unit is flagged 频繁投诉): a visit within ``days`` of closing, until one is
  recorded after the closing. The visit goes to the complaint's unit or, for a complaint
  about a public area (no unit), to the complainant's household — the unit of the ticket's
  person's current occupancy (:func:`complaint_unit`). A complaint with neither a unit nor a
  complainant living in the estate plans nothing: there is no household to visit;
* the next visit a visit agreed (``next_visit_on`` of the unit's latest visit).

Any visit to the unit recorded after an item's start fulfils it. An item is overdue when
its due date has passed. The rules are data (:mod:`propdesk.care.visit_models`), defaults
in :data:`propdesk.care.visit_values.DEFAULT_RULES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, exists, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from propdesk import clock
from propdesk.care.models import CareFlag
from propdesk.care.queries import FlagOccupancy, may_see_restricted, still_current
from propdesk.care.values import FlagKind, Visibility
from propdesk.care.visit_models import CareVisit, CareVisitRule
from propdesk.care.visit_values import (
    DEFAULT_RULES,
    RULE_REASONS,
    PlanItem,
    VisitReason,
    VisitRule,
    reason_label,
)
from propdesk.household.queries import current_households
from propdesk.registry.models import Building, Occupancy, Person, Unit
from propdesk.registry.values import OccupancyRole
from propdesk.session_info import actor_or_none
from propdesk.tickets.models import Ticket
from propdesk.tickets.values import TicketKind, TicketStatus

#: A SELECT of any columns (each rule's query has its own).
AnySelect = Select[*tuple[Any, ...]]
#: The building and unit a plan is narrowed to (bound when the statement runs).
BUILDING = bindparam("plan_building", type_=Integer)
UNIT = bindparam("plan_unit", type_=Integer)
LaterVisit = aliased(CareVisit, name="later_visit")


def rules(session: Session) -> dict[VisitReason, VisitRule]:
    """Every planning rule: the manager's setting, else the default."""
    out = dict(DEFAULT_RULES)
    for r in session.execute(select(CareVisitRule)).scalars():
        reason = VisitReason(r.reason)
        out[reason] = VisitRule(
            r.reason, r.active, r.days, r.lookback_days, r.flagged_only, r.version
        )
    return out


def _scoped(stmt: AnySelect, unit_col: Any, *, by_building: bool, by_unit: bool) -> AnySelect:
    stmt = (
        stmt.add_columns(
            Unit.code.label("unit_code"),
            Building.name.label("building"),
        )
        .join(Unit, Unit.id == unit_col)
        .join(Building, Building.id == Unit.building_id)
    )
    if by_building:
        stmt = stmt.where(Unit.building_id == BUILDING)
    if by_unit:
        stmt = stmt.where(unit_col == UNIT)
    return stmt


def _visited_since(unit_col: Any, at: Any) -> Any:
    """A visit to the unit at or after ``at`` (a UTC time column)."""
    return exists(
        select(CareVisit.id).where(CareVisit.unit_id == unit_col, CareVisit.visited_at >= at)
    )


def _elderly(
    rule: VisitRule, due_by: date | None, actor_filter: Any, by_unit: bool
) -> tuple[AnySelect, Any]:
    flags = (
        select(
            CareFlag.unit_id.label("unit_id"),
            func.min(CareFlag.id).label("flag_id"),
            func.min(CareFlag.created_at).label("since_at"),
        )
        .outerjoin(FlagOccupancy, FlagOccupancy.id == CareFlag.occupancy_id)
        .where(
            CareFlag.ended_at.is_(None),
            CareFlag.kind == FlagKind.ELDERLY_ALONE.value,
            CareFlag.unit_id.is_not(None),
            still_current(),
            actor_filter,
            CareFlag.unit_id == UNIT if by_unit else true(),
        )
        .group_by(CareFlag.unit_id)
        .subquery("elderly")
    )
    last = (
        select(func.max(CareVisit.visited_at))
        .where(CareVisit.unit_id == flags.c.unit_id, CareVisit.visited_at >= flags.c.since_at)
        .scalar_subquery()
    )
    stmt = select(
        flags.c.flag_id.label("trigger_id"),
        flags.c.unit_id.label("unit_id"),
        flags.c.since_at.label("since_at"),
        last.label("last_at"),
    )
    if due_by is not None:
        # due = local date of the last visit (or of the flag) + days <= due_by
        cutoff = clock.local_midnight(due_by - timedelta(days=rule.days - 1))
        stmt = stmt.where(
            or_(last < cutoff, and_(last.is_(None), flags.c.since_at < cutoff)),
        )
    return stmt, flags.c.unit_id


def _new_households(
    rule: VisitRule, today: date, due_by: date | None, by_unit: bool
) -> tuple[AnySelect, Any]:
    roles = (OccupancyRole.OWNER.value, OccupancyRole.TENANT.value)
    grouped = (
        select(
            func.min(Occupancy.id).label("trigger_id"),
            Occupancy.unit_id.label("unit_id"),
            Occupancy.start_date.label("start_date"),
        )
        .where(
            Occupancy.role.in_(roles),
            Occupancy.end_date.is_(None),
            Occupancy.start_date >= today - timedelta(days=rule.lookback_days),
            Occupancy.start_date <= today,
            Occupancy.unit_id == UNIT if by_unit else true(),
            ~exists(
                select(CareVisit.id).where(
                    CareVisit.unit_id == Occupancy.unit_id,
                    CareVisit.visited_on >= Occupancy.start_date,
                )
            ),
        )
        .group_by(Occupancy.unit_id, Occupancy.start_date)
    )
    if due_by is not None:
        grouped = grouped.where(Occupancy.start_date <= due_by - timedelta(days=rule.days))
    sub = grouped.subquery("new_household")
    return select(sub.c.trigger_id, sub.c.unit_id, sub.c.start_date), sub.c.unit_id


def complaint_unit() -> Any:
    """The unit a complaint's visit goes to (an expression over :class:`Ticket`): the ticket's
    unit, else the complainant's household — the unit of the ticket's person's current
    occupancy (the latest started, when they live in more than one); NULL when neither."""
    household = (
        select(Occupancy.unit_id)
        .where(Occupancy.person_id == Ticket.person_id, Occupancy.end_date.is_(None))
        .order_by(Occupancy.start_date.desc(), Occupancy.id.desc())
        .limit(1)
        .correlate(Ticket)
        .scalar_subquery()
    )
    return func.coalesce(Ticket.unit_id, household)


def _complaints(
    rule: VisitRule, today: date, due_by: date | None, actor_filter: Any, by_unit: bool
) -> tuple[AnySelect, Any]:
    closed = select(
        Ticket.id.label("trigger_id"),
        complaint_unit().label("unit_id"),
        Ticket.number.label("number"),
        Ticket.closed_at.label("closed_at"),
        Ticket.reporter_name.label("person_name"),
    ).where(
        Ticket.kind == TicketKind.COMPLAINT.value,
        Ticket.status == TicketStatus.CLOSED.value,
        Ticket.closed_at >= clock.local_midnight(today - timedelta(days=rule.lookback_days)),
    )
    if due_by is not None:
        cutoff = clock.local_midnight(due_by - timedelta(days=rule.days - 1))
        closed = closed.where(Ticket.closed_at < cutoff)
    sub = closed.subquery("complaint")
    stmt: AnySelect = select(
        sub.c.trigger_id, sub.c.unit_id, sub.c.number, sub.c.closed_at, sub.c.person_name
    ).where(
        sub.c.unit_id == UNIT if by_unit else sub.c.unit_id.is_not(None),
        ~_visited_since(sub.c.unit_id, sub.c.closed_at),
    )
    if rule.flagged_only:
        stmt = stmt.where(
            exists(
                select(CareFlag.id).where(
                    CareFlag.unit_id == sub.c.unit_id,
                    CareFlag.kind == FlagKind.COMPLAINANT.value,
                    CareFlag.ended_at.is_(None),
                    actor_filter,
                )
            )
        )
    return stmt, sub.c.unit_id


def _follow_ups(due_by: date | None, by_unit: bool) -> AnySelect:
    stmt: AnySelect = select(
        CareVisit.id.label("trigger_id"),
        CareVisit.unit_id.label("unit_id"),
        CareVisit.visited_on.label("visited_on"),
        CareVisit.next_visit_on.label("next_visit_on"),
    ).where(
        CareVisit.next_visit_on.is_not(None),
        CareVisit.unit_id == UNIT if by_unit else true(),
        ~exists(
            select(LaterVisit.id).where(
                LaterVisit.unit_id == CareVisit.unit_id,
                or_(
                    LaterVisit.visited_at > CareVisit.visited_at,
                    and_(
                        LaterVisit.visited_at == CareVisit.visited_at,
                        LaterVisit.id > CareVisit.id,
                    ),
                ),
            )
        ),
    )
    if due_by is not None:
        stmt = stmt.where(CareVisit.next_visit_on <= due_by)
    return stmt


#: One plan query: its reason, its rule (none for agreed next visits), the SELECT of its items
#: and the COUNT of them.
# (reason, rule, its items with the bound LIMIT_KEY, their count)
Built = tuple[VisitReason, VisitRule | None, AnySelect, AnySelect]
LIMIT_KEY = "plan_limit"


@lru_cache(maxsize=32)
def _built(
    zone: str,
    today: date,
    due_by: date | None,
    plan: tuple[VisitRule, ...],
    sees_all: bool,
    by_building: bool,
    by_unit: bool,
) -> tuple[Built, ...]:
    """The plan's statements for one day, rules and viewer (building and unit are bound
    parameters): building the expressions costs more than running them on a unit page."""
    del zone  # part of the cache key: the cut-off times are the estate's midnights
    actor_filter = true() if sees_all else CareFlag.visibility != Visibility.SUPERVISORS.value
    rule_of = {VisitReason(r.reason): r for r in plan}
    scope = {"by_building": by_building, "by_unit": by_unit}
    out: list[tuple[VisitReason, VisitRule | None, AnySelect]] = []
    elderly = rule_of[VisitReason.ELDERLY_ALONE]
    if elderly.active:
        stmt, unit_col = _elderly(elderly, due_by, actor_filter, by_unit)
        out.append((VisitReason.ELDERLY_ALONE, elderly, _scoped(stmt, unit_col, **scope)))
    new = rule_of[VisitReason.NEW_HOUSEHOLD]
    if new.active:
        stmt, unit_col = _new_households(new, today, due_by, by_unit)
        out.append((VisitReason.NEW_HOUSEHOLD, new, _scoped(stmt, unit_col, **scope)))
    complaint = rule_of[VisitReason.COMPLAINT]
    if complaint.active:
        stmt, unit_col = _complaints(complaint, today, due_by, actor_filter, by_unit)
        out.append((VisitReason.COMPLAINT, complaint, _scoped(stmt, unit_col, **scope)))
    follow = _scoped(_follow_ups(due_by, by_unit), CareVisit.unit_id, **scope)
    out.append((VisitReason.FOLLOW_UP, None, follow))
    return tuple(
        (
            reason,
            rule,
            stmt.limit(bindparam(LIMIT_KEY, type_=Integer)),
            select(func.count()).select_from(stmt.subquery()),
        )
        for reason, rule, stmt in out
    )


def _statements(
    session: Session,
    *,
    due_by: date | None,
    building_id: int | None,
    unit_id: int | None,
) -> tuple[tuple[Built, ...], dict[str, int]]:
    """The plan's statements for this viewer and the parameters to run them with."""
    plan = rules(session)
    built = _built(
        str(clock.estate_zone()),
        clock.today(session),
        due_by,
        tuple(plan[r] for r in RULE_REASONS),
        may_see_restricted(actor_or_none(session)),
        building_id is not None,
        unit_id is not None,
    )
    params: dict[str, int] = {}
    if building_id is not None:
        params[BUILDING.key] = building_id
    if unit_id is not None:
        params[UNIT.key] = unit_id
    return built, params


def _item(reason: VisitReason, rule: VisitRule | None, r: Any, today: date) -> PlanItem:
    detail = ""
    person = ""
    if reason is VisitReason.ELDERLY_ALONE:
        assert rule is not None
        last: datetime | None = r.last_at
        since = clock.local_date(last if last is not None else r.since_at)
        due = since + timedelta(days=rule.days)
        detail = f"上次走访 {since:%Y-%m-%d}" if last is not None else f"标记于 {since:%Y-%m-%d}"
    elif reason is VisitReason.NEW_HOUSEHOLD:
        assert rule is not None
        since = r.start_date
        due = since + timedelta(days=rule.days)
        detail = f"入住 {since:%Y-%m-%d}"
    elif reason is VisitReason.COMPLAINT:
        assert rule is not None
        since = clock.local_date(r.closed_at)
        due = since + timedelta(days=rule.days)
        detail = f"投诉 {r.number} 于 {since:%Y-%m-%d} 关闭"
        person = r.person_name or ""
    else:
        since = r.visited_on
        due = r.next_visit_on
        detail = f"上次走访 {since:%Y-%m-%d} 约定"
    return PlanItem(
        reason=reason.value,
        reason_zh=reason_label(reason.value),
        trigger_id=int(r.trigger_id),
        unit_id=int(r.unit_id),
        unit_code=r.unit_code,
        building=r.building,
        person_name=person,
        since=since,
        due_on=due,
        overdue=due < today,
        detail=detail,
    )


def _household_names(session: Session, unit_ids: Sequence[int]) -> dict[int, str]:
    households = current_households(session, unit_ids)
    if not households:
        return {}
    rows = session.execute(
        select(Occupancy.id, Person.name)
        .join(Person, Person.id == Occupancy.person_id)
        .where(Occupancy.id.in_(sorted(households.values())))
    ).all()
    names = {int(i): str(n) for i, n in rows}
    return {unit: names.get(occ, "") for unit, occ in households.items()}


def plan_items(
    session: Session,
    *,
    due_by: date | None = None,
    building_id: int | None = None,
    unit_id: int | None = None,
    limit: int = 5000,
) -> list[PlanItem]:
    """The plan's items due on or before ``due_by`` (every open item when ``None``), soonest
    due first. ``due_by`` = yesterday lists the overdue ones."""
    today = clock.today(session)
    items: list[PlanItem] = []
    built, params = _statements(session, due_by=due_by, building_id=building_id, unit_id=unit_id)
    for reason, rule, stmt, _count in built:
        rows = session.execute(stmt, {**params, LIMIT_KEY: limit})
        items += [_item(reason, rule, r, today) for r in rows]
    names = _household_names(session, sorted({i.unit_id for i in items}))
    items = [i if names.get(i.unit_id, "") == "" else _named(i, names[i.unit_id]) for i in items]
    items.sort(key=lambda i: (i.due_on, i.building, i.unit_code, i.reason))
    return items[:limit]


def _named(item: PlanItem, name: str) -> PlanItem:
    return replace(item, person_name=name)


def overdue_items(session: Session, **scope: Any) -> list[PlanItem]:
    return plan_items(session, due_by=clock.today(session) - timedelta(days=1), **scope)


def count_overdue_visits(session: Session) -> int:
    """How many plan items are overdue (COUNT queries: for the desk overview)."""
    due_by = clock.today(session) - timedelta(days=1)
    built, params = _statements(session, due_by=due_by, building_id=None, unit_id=None)
    return sum(int(session.execute(count, params).scalar_one()) for *_s, count in built)
