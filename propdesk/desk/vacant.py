"""Vacant-unit checks (空置房检查): each vacant unit has a check interval; a check records
doors/windows, water, electricity and leaks; units due or overdue are listed.

``vacant_check_plan`` keeps each unit's interval, last check and next due date (computed
in Python with ``date + timedelta``, so month ends and leap years are exact); a vacant
unit without a plan has never been checked and is due at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, bindparam, func, or_, select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.desk import settings
from propdesk.desk.common import actor_of, clean, local_date
from propdesk.desk.models import VacantCheck, VacantCheckPlan
from propdesk.desk.values import VacantCheckInfo, VacantDueRow
from propdesk.errors import NotFound, ValidationError
from propdesk.registry.models import Unit, UnitStatus


@dataclass(frozen=True)
class CheckInput:
    """What a vacant-unit check records (``True`` means fine)."""

    doors_windows_ok: bool = True
    water_ok: bool = True
    electricity_ok: bool = True
    no_leaks: bool = True
    note: str = ""


def due_condition(today: date) -> ColumnElement[bool]:
    """Vacant and due on or before ``today`` (select from ``unit LEFT JOIN plan``)."""
    return (Unit.status == UnitStatus.VACANT.value) & or_(
        VacantCheckPlan.next_due.is_(None), VacantCheckPlan.next_due <= today
    )


def due_select() -> Select[Any]:
    """``unit LEFT JOIN vacant_check_plan`` with no columns yet (for the SQL list models)."""
    return select(Unit.id).outerjoin(VacantCheckPlan, VacantCheckPlan.unit_id == Unit.id)


def vacant_due(
    session: Session, *, today: date | None = None, overdue_only: bool = False, limit: int = 1000
) -> list[VacantDueRow]:
    """Vacant units due for a check on ``today`` (never checked first, then most overdue)."""
    day = clock.day_or_today(session, today)
    default = settings.get_setting(session, "vacant_check_days")
    cond = due_condition(day)
    if overdue_only:
        cond = cond & or_(VacantCheckPlan.next_due.is_(None), VacantCheckPlan.next_due < day)
    stmt = (
        select(
            Unit.id,
            Unit.code,
            VacantCheckPlan.interval_days,
            VacantCheckPlan.last_checked,
            VacantCheckPlan.next_due,
        )
        .outerjoin(VacantCheckPlan, VacantCheckPlan.unit_id == Unit.id)
        .where(cond)
        .order_by(VacantCheckPlan.next_due.is_not(None), VacantCheckPlan.next_due, Unit.code)
        .limit(limit)
    )
    return [
        VacantDueRow(
            uid,
            code,
            interval or default,
            last,
            due,
            (day - due).days if due is not None else 0,
        )
        for uid, code, interval, last, due in session.execute(stmt)
    ]


def count_due(session: Session, *, today: date | None = None, overdue_only: bool = False) -> int:
    """How many vacant units are due (or, ``overdue_only``, past due) for a check."""
    day = clock.day_or_today(session, today)
    cond = due_condition(day)
    if overdue_only:
        cond = cond & or_(VacantCheckPlan.next_due.is_(None), VacantCheckPlan.next_due < day)
    stmt = (
        select(func.count(Unit.id))
        .select_from(Unit)
        .outerjoin(VacantCheckPlan, VacantCheckPlan.unit_id == Unit.id)
        .where(cond)
    )
    return int(session.scalar(stmt) or 0)


def _plan(session: Session, unit_id: int) -> VacantCheckPlan:
    plan = session.get(VacantCheckPlan, unit_id, with_for_update=True)
    if plan is None:
        plan = VacantCheckPlan(
            unit_id=unit_id,
            interval_days=settings.get_setting(session, "vacant_check_days"),
            last_checked=None,
            next_due=None,
        )
        session.add(plan)
    return plan


def set_interval(session: Session, unit_id: int, days: int) -> None:
    """Give a vacant unit its own check interval; the next due date follows from the last check."""
    if session.get(Unit, unit_id) is None:
        raise NotFound("找不到该房屋。")
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 366:
        raise ValidationError("interval_days", "检查间隔请填写1到366之间的天数。")
    plan = _plan(session, unit_id)
    plan.interval_days = days
    plan.next_due = plan.last_checked + timedelta(days=days) if plan.last_checked else None
    session.flush()


def record_check(
    session: Session,
    unit_id: int,
    check: CheckInput,
    *,
    checked_on: date | None = None,
    at: datetime | None = None,
) -> int:
    """Record a check of a vacant unit; the next one falls due ``interval`` days later."""
    now = clock.at_or_now(session, at)
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise NotFound("找不到该房屋。")
    if unit.status != UnitStatus.VACANT.value:
        raise ValidationError("unit_id", f"{unit.code} 不是空置房。")
    day = checked_on or local_date(now)
    if day > local_date(now):
        raise ValidationError("checked_on", "检查日期不能晚于今天。")
    note = clean(check.note, "note", 500)
    all_ok = check.doors_windows_ok and check.water_ok and check.electricity_ok and check.no_leaks
    if not all_ok and not note:
        raise ValidationError("note", "有异常项时请写明情况。")
    row = VacantCheck(
        unit_id=unit.id,
        checked_on=day,
        checked_at=now,
        checked_by=actor_of(session).display_name,
        doors_windows_ok=check.doors_windows_ok,
        water_ok=check.water_ok,
        electricity_ok=check.electricity_ok,
        no_leaks=check.no_leaks,
        note=note,
    )
    session.add(row)
    plan = _plan(session, unit.id)
    if plan.last_checked is None or day >= plan.last_checked:
        plan.last_checked = day
        plan.next_due = day + timedelta(days=plan.interval_days)
    session.flush()
    return row.id


def checks_of_unit(session: Session, unit_id: int, *, limit: int = 100) -> list[VacantCheckInfo]:
    """A unit's vacant checks, newest first (the unit page panel)."""
    rows = session.scalars(_checks_statement(), {"unit_id": unit_id, "limit": limit})
    return [
        VacantCheckInfo(
            c.id,
            c.unit_id,
            c.checked_on,
            c.checked_by,
            c.doors_windows_ok,
            c.water_ok,
            c.electricity_ok,
            c.no_leaks,
            c.note,
        )
        for c in rows
    ]


@cache
def _checks_statement() -> Select[VacantCheck]:
    """Built once, with ``:unit_id`` and ``:limit`` bound: the unit page reads it for every
    unit opened."""
    return (
        select(VacantCheck)
        .where(VacantCheck.unit_id == bindparam("unit_id", type_=Integer))
        .order_by(VacantCheck.checked_on.desc(), VacantCheck.id.desc())
        .limit(bindparam("limit", type_=Integer))
    )


def plan_of_unit(session: Session, unit_id: int) -> tuple[int, date | None, date | None]:
    """A unit's (interval days, last checked, next due); the default interval if no plan."""
    plan = session.get(VacantCheckPlan, unit_id)
    if plan is None:
        return settings.get_setting(session, "vacant_check_days"), None, None
    return plan.interval_days, plan.last_checked, plan.next_due
