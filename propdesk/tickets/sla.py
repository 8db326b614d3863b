"""Deadlines (SLA): response and completion due times, in UTC, from local working time.

The desk works in China Standard Time (UTC+8, no daylight saving), so local dates
are taken at a fixed +8 offset. A *working day* is Monday to Friday, minus the
holidays listed in the settings (法定节假日), plus make-up working days (调休)
listed there. A deadline of *n working days* is the same local clock time on the
n-th working day after the intake date (a ticket taken on Saturday at 15:00 with
one working day is due on Monday at 15:00). Calendar-time deadlines (hours) simply
run on across midnight, weekends and month ends.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from propdesk import clock
from propdesk.tickets.values import Deadlines


@dataclass(frozen=True)
class Calendar:
    """Which local dates are working days: Mon–Fri, minus ``holidays``, plus ``workdays``."""

    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5


def local_period(at: datetime) -> str:
    """``YYYY-MM`` of ``at`` in local time (the statistics month)."""
    return clock.to_local(at).strftime("%Y-%m")


def add_working_days(start: datetime, days: int, calendar: Calendar) -> datetime:
    """The same local clock time ``days`` working days after ``start`` (UTC result)."""
    local = clock.to_local(start)
    day = local.date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    result = datetime.combine(day, local.timetz())
    return result.astimezone(UTC)


def deadlines(
    start: datetime,
    *,
    response_minutes: int,
    resolve_minutes: int,
    resolve_working_days: int,
    calendar: Calendar,
) -> Deadlines:
    """Response and completion deadlines for work taken at ``start``."""
    if start.tzinfo is None:
        raise ValueError("naive datetime")
    start = start.astimezone(UTC)
    response = start + timedelta(minutes=response_minutes)
    if resolve_working_days > 0:
        resolve = add_working_days(start, resolve_working_days, calendar)
    else:
        resolve = start + timedelta(minutes=resolve_minutes)
    return Deadlines(response_due=response, resolve_due=max(resolve, response))


def parse_dates(values: Collection[str]) -> frozenset[date]:
    """``["2026-10-01", …]`` → dates (bad entries are skipped by the settings editor before)."""
    return frozenset(date.fromisoformat(v) for v in values)
