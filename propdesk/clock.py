"""The desk's clock: times are stored in UTC, business dates are the estate's local dates.

A residential estate in mainland China works in China Standard Time (UTC+8, no daylight
saving), whatever time zone the workstation or the server is set to, so "today" for a
bill, a refund or a deadline is always :func:`local_today`, never ``date.today()``.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from propdesk.db.types import utcnow

LOCAL_TZ = timezone(timedelta(hours=8), "CST")


def now_or(at: datetime | None) -> datetime:
    """``at`` (timezone-aware; a naive one is a programming error) or now, UTC."""
    if at is None:
        return utcnow()
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    return at


def local_now() -> datetime:
    """Now, as an aware datetime in the estate's time zone."""
    return utcnow().astimezone(LOCAL_TZ)


def local_date(at: datetime) -> date:
    """The estate's local date of an aware time."""
    return at.astimezone(LOCAL_TZ).date()


def local_today() -> date:
    """Today's date at the estate."""
    return local_date(utcnow())


def local_midnight(day: date) -> datetime:
    """The start of a local day as an aware datetime (to compare with UTC columns)."""
    return datetime.combine(day, time(0, 0), LOCAL_TZ)
