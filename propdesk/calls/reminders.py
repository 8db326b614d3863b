"""Reminders (事务提醒) and residents' instructions (嘱托): dated notes on a household or a
person, one-off or recurring, for one clerk or for the whole desk (no assignee)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from propdesk import clock
from propdesk.calls.models import Reminder
from propdesk.calls.values import Recurrence, ReminderKind, ReminderRow
from propdesk.errors import Conflict, NotAllowed, NotFound, ValidationError
from propdesk.registry.models import Person, Unit
from propdesk.session_info import actor_name, actor_or_none
from propdesk.validate import clean_text


@dataclass(frozen=True)
class ReminderSpec:
    title: str
    due_on: date
    kind: str = ReminderKind.REMINDER.value
    note: str = ""
    unit_id: int | None = None
    person_id: int | None = None
    recurrence: str = Recurrence.NONE.value
    valid_until: date | None = None
    assignee_user_id: int | None = None
    assignee_name: str = ""


def next_due(day: date, recurrence: str) -> date | None:
    """The next occurrence after ``day`` (``None`` for a one-off)."""
    rec = Recurrence(recurrence)
    if rec is Recurrence.NONE:
        return None
    if rec is Recurrence.DAILY:
        return day + timedelta(days=1)
    if rec is Recurrence.WEEKLY:
        return day + timedelta(days=7)
    if rec is Recurrence.MONTHLY:
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return date(day.year + 1, 2, 28)


def save_reminder(
    session: Session,
    spec: ReminderSpec,
    *,
    reminder_id: int | None = None,
    expected_version: int | None = None,
) -> int:
    """Add or edit a reminder or an instruction (any logged-in clerk)."""
    if actor_or_none(session) is None:
        raise NotAllowed("请先登录。")
    title = clean_text(spec.title, "title", 100, "请填写提醒事项。", label="提醒事项")
    note = clean_text(spec.note, "note", 2000, label="备注")
    try:
        kind = ReminderKind(spec.kind)
        rec = Recurrence(spec.recurrence)
    except ValueError:
        raise ValidationError("kind", "请选择提醒类型和重复方式。") from None
    if kind is ReminderKind.INSTRUCTION and spec.valid_until is None:
        raise ValidationError("valid_until", "嘱托请填写截止日期（如“12-20前外出”）。")
    if spec.valid_until is not None and spec.valid_until < spec.due_on:
        raise ValidationError("valid_until", "截止日期不能早于开始日期。")
    if spec.unit_id is not None and session.get(Unit, spec.unit_id) is None:
        raise ValidationError("unit_id", "房屋不存在。")
    if spec.person_id is not None and session.get(Person, spec.person_id) is None:
        raise ValidationError("person_id", "住户不存在。")
    if reminder_id is None:
        reminder = Reminder(created_by=actor_name(session))
        session.add(reminder)
    else:
        found = session.get(Reminder, reminder_id)
        if found is None:
            raise NotFound("提醒不存在。")
        if expected_version is not None and found.version != expected_version:
            raise Conflict("这条提醒已被他人修改，请重新打开后再改。")
        reminder = found
    reminder.kind = kind.value
    reminder.title = title
    reminder.note = note
    reminder.unit_id = spec.unit_id
    reminder.person_id = spec.person_id
    reminder.due_on = spec.due_on
    reminder.recurrence = rec.value
    reminder.valid_until = spec.valid_until
    reminder.assignee_user_id = spec.assignee_user_id
    reminder.assignee_name = clean_text(spec.assignee_name, "assignee_name", 50, label="负责人")
    reminder.active = True
    session.flush()
    return reminder.id


def complete_occurrence(session: Session, reminder_id: int) -> date | None:
    """Done for this time: a recurring reminder moves to its next date (returned), a one-off
    one ends. An instruction ends when its last day has passed, not by a tick."""
    reminder = session.get(Reminder, reminder_id)
    if reminder is None:
        raise NotFound("提醒不存在。")
    upcoming = next_due(reminder.due_on, reminder.recurrence)
    today = clock.today(session)
    while upcoming is not None and upcoming <= today:
        upcoming = next_due(upcoming, reminder.recurrence)
    if upcoming is None or (reminder.valid_until is not None and upcoming > reminder.valid_until):
        if reminder.kind == ReminderKind.REMINDER.value:
            reminder.active = False
        return None
    reminder.due_on = upcoming
    return upcoming


def reminders_of(
    session: Session,
    *,
    unit_id: int | None = None,
    person_id: int | None = None,
    active_only: bool = True,
    limit: int = 500,
) -> list[ReminderRow]:
    """Reminders of a household or person (all of them without either)."""
    stmt = select(Reminder, Unit.code, Person.name).outerjoin(Unit, Unit.id == Reminder.unit_id)
    stmt = stmt.outerjoin(Person, Person.id == Reminder.person_id)
    if unit_id is not None:
        stmt = stmt.where(Reminder.unit_id == unit_id)
    if person_id is not None:
        stmt = stmt.where(Reminder.person_id == person_id)
    if active_only:
        stmt = stmt.where(Reminder.active.is_(True))
    stmt = stmt.order_by(Reminder.due_on, Reminder.id).limit(limit)
    return [_row(r, code, name) for r, code, name in session.execute(stmt)]


def _row(r: Reminder, code: str | None, name: str | None) -> ReminderRow:
    return ReminderRow(
        r.id,
        r.kind,
        r.title,
        r.note,
        r.unit_id,
        code or "",
        r.person_id,
        name or "",
        r.due_on,
        r.recurrence,
        r.valid_until,
        r.assignee_user_id,
        r.assignee_name,
        r.active,
        r.version,
    )


def due_for(
    session: Session, day: date, *, user_id: int | None, expiring_within: int = 3
) -> tuple[list[ReminderRow], list[ReminderRow]]:
    """(reminders due on or before ``day`` for the user or the desk, instructions whose last
    day is within ``expiring_within`` days)."""
    mine = or_(Reminder.assignee_user_id.is_(None), Reminder.assignee_user_id == user_id)
    unit = aliased(Unit)
    stmt = (
        select(Reminder, unit.code, Person.name)
        .outerjoin(unit, unit.id == Reminder.unit_id)
        .outerjoin(Person, Person.id == Reminder.person_id)
        .where(Reminder.active.is_(True), mine)
    )
    due = [
        _row(r, c, n)
        for r, c, n in session.execute(
            stmt.where(
                Reminder.kind == ReminderKind.REMINDER.value, Reminder.due_on <= day
            ).order_by(Reminder.due_on, Reminder.id)
        )
    ]
    expiring = [
        _row(r, c, n)
        for r, c, n in session.execute(
            stmt.where(
                Reminder.kind == ReminderKind.INSTRUCTION.value,
                Reminder.valid_until.is_not(None),
                Reminder.valid_until >= day,
                Reminder.valid_until <= day + timedelta(days=expiring_within),
            ).order_by(Reminder.valid_until, Reminder.id)
        )
    ]
    return due, expiring
