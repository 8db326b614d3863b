"""The desk roster (排班): shifts, entries, and who is on at a given instant.

A shift starts on its roster day at ``starts`` (estate-local wall time) and ends at
``ends`` the same day, or the next day when ``ends`` <= ``starts`` (夜班 22:00–08:00).
Instants are compared as aware datetimes in the estate's zone, so a night shift
rostered on 31 January covers 1 February 03:00.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from propdesk import clock
from propdesk.auth.models import User as AppUser
from propdesk.auth.permissions import Permission, require
from propdesk.errors import NotFound, ValidationError
from propdesk.session_info import actor_or_none
from propdesk.team.models import TeamRosterEntry, TeamShift
from propdesk.team.values import (
    HandoverRoster as HandoverRoster,
)
from propdesk.team.values import (
    MonthRoster as MonthRoster,
)
from propdesk.team.values import (
    OnDuty as OnDuty,
)
from propdesk.team.values import (
    RosterClerk as RosterClerk,
)
from propdesk.team.values import (
    ShiftRow as ShiftRow,
)

DEFAULT_SHIFTS = (
    ("early", "早班", time(8, 0), time(16, 0)),
    ("middle", "中班", time(14, 0), time(22, 0)),
    ("night", "夜班", time(22, 0), time(8, 0)),
)


def _row(s: TeamShift) -> ShiftRow:
    return ShiftRow(s.id, s.code, s.name, s.starts, s.ends)


def list_shifts(session: Session) -> list[ShiftRow]:
    rows = session.scalars(
        select(TeamShift).where(TeamShift.active.is_(True)).order_by(TeamShift.starts)
    )
    return [_row(s) for s in rows]


def define_shift(session: Session, *, code: str, name: str, starts: time, ends: time) -> int:
    """Add or change a shift (managers)."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    code = code.strip()
    name = name.strip()
    if not code:
        raise ValidationError("code", "请填写班次代码。")
    if not name:
        raise ValidationError("name", "请填写班次名称。")
    if starts == ends:
        raise ValidationError("ends", "下班时间不能与上班时间相同。")
    shift = session.scalar(select(TeamShift).where(TeamShift.code == code))
    if shift is None:
        shift = TeamShift(code=code, name=name, starts=starts, ends=ends)
        session.add(shift)
    else:
        shift.name, shift.starts, shift.ends, shift.active = name, starts, ends, True
    session.flush()
    return shift.id


def ensure_default_shifts(session: Session) -> list[ShiftRow]:
    """The 早/中/夜 shifts, made if missing (managers; refused for others even when they
    exist already, so the answer never depends on what is in the table)."""
    require(actor_or_none(session), Permission.MANAGE_SETTINGS)
    for code, name, starts, ends in DEFAULT_SHIFTS:
        if session.scalar(select(TeamShift.id).where(TeamShift.code == code)) is None:
            define_shift(session, code=code, name=name, starts=starts, ends=ends)
    return list_shifts(session)


def assign(session: Session, *, user_id: int, day: date, shift_id: int) -> int:
    """Put a clerk on a shift on a day (supervisors and managers); idempotent."""
    require(actor_or_none(session), Permission.APPROVE)
    if session.get(AppUser, user_id) is None:
        raise NotFound("找不到该员工。")
    if session.get(TeamShift, shift_id) is None:
        raise ValidationError("shift", "请选择班次。")
    found = session.scalar(
        select(TeamRosterEntry).where(
            TeamRosterEntry.user_id == user_id,
            TeamRosterEntry.day == day,
            TeamRosterEntry.shift_id == shift_id,
        )
    )
    if found is not None:
        return found.id
    entry = TeamRosterEntry(user_id=user_id, day=day, shift_id=shift_id)
    session.add(entry)
    session.flush()
    return entry.id


def unassign(session: Session, *, entry_id: int) -> None:
    require(actor_or_none(session), Permission.APPROVE)
    entry = session.get(TeamRosterEntry, entry_id)
    if entry is None:
        raise NotFound("该排班已不存在。")
    session.delete(entry)
    session.flush()


def on_duty_at(session: Session, at: datetime) -> list[OnDuty]:
    """Everyone whose rostered shift covers the instant ``at`` (start inclusive, end exclusive)."""
    local_day = clock.to_local(at).date()
    rows = session.execute(
        select(TeamRosterEntry.day, TeamRosterEntry.user_id, AppUser.display_name, TeamShift)
        .join(TeamShift, TeamShift.id == TeamRosterEntry.shift_id)
        .join(AppUser, AppUser.id == TeamRosterEntry.user_id)
        .where(TeamRosterEntry.day.in_((local_day - timedelta(days=1), local_day)))
        .order_by(TeamShift.starts, AppUser.display_name)
    ).all()
    out: list[OnDuty] = []
    for day, user_id, name, shift in rows:
        sr = _row(shift)
        start, end = sr.window(day)
        if start <= at < end:
            out.append(OnDuty(user_id, name, sr, day, start, end))
    return out


def next_shift_after(session: Session, at: datetime) -> list[OnDuty]:
    """Who is rostered on the next shift to start after ``at`` (the incoming shift)."""
    local_day = clock.to_local(at).date()
    rows = session.execute(
        select(TeamRosterEntry.day, TeamRosterEntry.user_id, AppUser.display_name, TeamShift)
        .join(TeamShift, TeamShift.id == TeamRosterEntry.shift_id)
        .join(AppUser, AppUser.id == TeamRosterEntry.user_id)
        .where(TeamRosterEntry.day.in_((local_day, local_day + timedelta(days=1))))
    ).all()
    future: list[OnDuty] = []
    for day, user_id, name, shift in rows:
        sr = _row(shift)
        start, end = sr.window(day)
        if start > at:
            future.append(OnDuty(user_id, name, sr, day, start, end))
    if not future:
        return []
    first = min(d.starts_at for d in future)
    return sorted((d for d in future if d.starts_at == first), key=lambda d: d.name)


def month_roster(session: Session, year: int, month: int) -> list[tuple[date, int, str, str]]:
    """(day, user_id, clerk name, shift name) for every entry of the month, by day and shift."""
    lo = date(year, month, 1)
    hi = date(year + (month == 12), month % 12 + 1, 1)
    rows = session.execute(
        select(TeamRosterEntry.day, TeamRosterEntry.user_id, AppUser.display_name, TeamShift.name)
        .join(TeamShift, TeamShift.id == TeamRosterEntry.shift_id)
        .join(AppUser, AppUser.id == TeamRosterEntry.user_id)
        .where(TeamRosterEntry.day >= lo, TeamRosterEntry.day < hi)
        .order_by(TeamRosterEntry.day, TeamShift.starts, AppUser.display_name)
    ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def month_days(year: int, month: int) -> tuple[date, ...]:
    lo = date(year, month, 1)
    hi = date(year + (month == 12), month % 12 + 1, 1)
    return tuple(lo + timedelta(days=i) for i in range((hi - lo).days))


def roster_clerks(session: Session) -> list[RosterClerk]:
    """The front-desk staff a roster lists: active clerks and supervisors, by name."""
    from propdesk.auth.actor import Role

    rows = session.execute(
        select(AppUser.id, AppUser.display_name)
        .where(
            AppUser.role.in_((Role.CLERK.value, Role.SUPERVISOR.value)),
            AppUser.active.is_(True),
        )
        .order_by(AppUser.display_name, AppUser.id)
    ).all()
    return [RosterClerk(r[0], r[1]) for r in rows]


def month_grid(session: Session, year: int, month: int) -> MonthRoster:
    """Every rostered clerk's shifts of a month (clerks with entries but no longer on the
    desk are listed too, so nothing rostered is hidden)."""
    days = month_days(year, month)
    rows = session.execute(
        select(TeamRosterEntry.user_id, AppUser.display_name, TeamRosterEntry.day, TeamShift.id)
        .join(TeamShift, TeamShift.id == TeamRosterEntry.shift_id)
        .join(AppUser, AppUser.id == TeamRosterEntry.user_id)
        .where(TeamRosterEntry.day >= days[0], TeamRosterEntry.day <= days[-1])
        .order_by(TeamRosterEntry.day, TeamShift.starts)
    ).all()
    clerks = {c.user_id: c for c in roster_clerks(session)}
    cells: dict[tuple[int, date], tuple[int, ...]] = {}
    for user_id, name, day, shift_id in rows:
        clerks.setdefault(user_id, RosterClerk(user_id, name))
        cells[(user_id, day)] = (*cells.get((user_id, day), ()), shift_id)
    shifts = {s.id: s for s in list_shifts(session)}
    for shift in session.scalars(
        select(TeamShift).where(TeamShift.id.in_({r[3] for r in rows} - set(shifts)))
    ):
        shifts[shift.id] = _row(shift)
    return MonthRoster(
        year,
        month,
        days,
        tuple(sorted(clerks.values(), key=lambda c: (c.name, c.user_id))),
        tuple(sorted(shifts.values(), key=lambda s: s.starts)),
        cells,
    )


def set_day(session: Session, *, user_id: int, day: date, shift_ids: tuple[int, ...]) -> None:
    """Replace a clerk's shifts on one day with ``shift_ids`` (empty: off duty that day)."""
    require(actor_or_none(session), Permission.APPROVE)
    if session.get(AppUser, user_id) is None:
        raise NotFound("找不到该员工。")
    for shift_id in shift_ids:
        if session.get(TeamShift, shift_id) is None:
            raise ValidationError("shift", "请选择班次。")
    existing = session.scalars(
        select(TeamRosterEntry).where(
            TeamRosterEntry.user_id == user_id, TeamRosterEntry.day == day
        )
    ).all()
    keep = set(shift_ids)
    for entry in existing:
        if entry.shift_id in keep:
            keep.discard(entry.shift_id)
        else:
            session.delete(entry)
    for shift_id in sorted(keep):
        session.add(TeamRosterEntry(user_id=user_id, day=day, shift_id=shift_id))
    session.flush()


def handover_roster(session: Session) -> HandoverRoster:
    """The rostered clerks on duty at the transaction's now and on the next shift."""
    now = clock.now(session)
    return HandoverRoster(
        now, tuple(on_duty_at(session, now)), tuple(next_shift_after(session, now))
    )
