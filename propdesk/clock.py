"""The one clock: the only module of PropDesk that reads the time.

Every other module takes "now" and "today" from its caller:

- services read them from the transaction, :func:`now` / :func:`today` on the session, whose
  clock :meth:`propdesk.db.engine.Database.begin` puts in ``session.info["clock"]``;
- column defaults (``created_at`` and the like) use :func:`column_now`, which finds the same
  clock through the connection the session began on;
- pure functions take ``now``/``today`` as arguments.

Times are stored in UTC. Business dates ("today", a bill's month, a deadline's day) are the
estate's local dates in its time zone, by name (``Asia/Shanghai`` unless the estate is
configured otherwise), never a fixed offset and never the workstation's zone.

The process clock is the system clock unless something installs another one: the test suite
installs a :class:`FixedClock`, ``propdesk demo --today D`` a clock fixed on that day, and a
desk sharing a PostgreSQL server gets a :class:`SkewedClock` that follows the server's time.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Protocol, runtime_checkable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
SESSION_KEY = "clock"
CONNECTION_KEY = "propdesk.clock"


@runtime_checkable
class Clock(Protocol):
    """Something that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The machine's clock: the one place PropDesk reads the wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def __repr__(self) -> str:
        return "SystemClock()"


class FixedClock:
    """A clock that stands still until told otherwise (tests, ``demo --today``)."""

    def __init__(self, at: datetime) -> None:
        self._at = _aware(at)

    def now(self) -> datetime:
        return self._at

    def set(self, at: datetime) -> None:
        self._at = _aware(at)

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by ``delta`` or by ``timedelta(**kwargs)``; returns the new time."""
        self._at += delta if delta is not None else timedelta(**kwargs)
        return self._at

    def __repr__(self) -> str:
        return f"FixedClock({self._at.isoformat()})"


class SkewedClock:
    """Another clock's time plus a fixed offset: the database server's time on a desk.

    ``offset`` is the server's time minus the desk's, measured when the database is opened
    (:func:`propdesk.db.server_time.measure_offset`).
    """

    def __init__(self, base: Clock, offset: timedelta) -> None:
        self.base = base
        self.offset = offset

    def now(self) -> datetime:
        return self.base.now() + self.offset

    def __repr__(self) -> str:
        return f"SkewedClock({self.base!r}, {self.offset})"


def _aware(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    return at.astimezone(UTC)


# --- the estate's time zone -------------------------------------------------------------

_zone: ZoneInfo = ZoneInfo(os.environ.get("PROPDESK_TIMEZONE") or DEFAULT_ZONE)


def estate_zone() -> ZoneInfo:
    """The estate's time zone (``Asia/Shanghai`` by default)."""
    return _zone


def set_estate_zone(name: str) -> ZoneInfo:
    """Use the IANA zone ``name`` for business dates; a bad name raises ``ValueError``."""
    global _zone
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"未知的时区：{name}") from exc
    _zone = zone
    return zone


# --- the process clock ------------------------------------------------------------------

_process_clock: Clock = SystemClock()


def process_clock() -> Clock:
    """The clock used where no transaction names another one."""
    return _process_clock


def install(clock: Clock) -> Clock:
    """Make ``clock`` the process clock; returns the one it replaces."""
    global _process_clock
    previous = _process_clock
    _process_clock = clock
    return previous


@contextmanager
def installed(clock: Clock) -> Iterator[Clock]:
    """Use ``clock`` as the process clock inside a ``with`` block."""
    previous = install(clock)
    try:
        yield clock
    finally:
        install(previous)


def fixed_at_local(day: date, at: time = time(10, 0)) -> FixedClock:
    """A clock standing at ``at`` (local time) on the estate's ``day``."""
    return FixedClock(datetime.combine(day, at, estate_zone()))


# --- reading the time in a transaction --------------------------------------------------


def of(session: Any) -> Clock:
    """The clock of a session's transaction (``session.info["clock"]``), else the process clock."""
    info = getattr(session, "info", None)
    clock = info.get(SESSION_KEY) if isinstance(info, dict) else None
    return clock if isinstance(clock, Clock) else _process_clock


def bind(session: Any, clock: Clock) -> None:
    """Give one session (transaction) its clock."""
    session.info[SESSION_KEY] = clock


def now(session: Any = None) -> datetime:
    """Now, UTC, by the clock of ``session`` (the process clock without one)."""
    return of(session).now() if session is not None else _process_clock.now()


def today(session: Any = None) -> date:
    """The estate's local date now, by the clock of ``session``."""
    return local_date(now(session))


def local_now(session: Any = None) -> datetime:
    """Now in the estate's time zone."""
    return now(session).astimezone(_zone)


def at_or_now(session: Any, at: datetime | None) -> datetime:
    """``at`` (aware; a naive one is a programming error) or the session's now."""
    if at is None:
        return now(session)
    if at.tzinfo is None:
        raise ValueError("naive datetime")
    return at


def day_or_today(session: Any, day: date | None) -> date:
    """``day`` or the session's local today."""
    return day if day is not None else today(session)


def column_now(context: Any) -> datetime:
    """Default for timestamp columns: the clock of the transaction that inserts the row.

    SQLAlchemy passes its execution context; the session's clock was put on the connection
    when the transaction began (see :func:`propdesk.db.engine.open_database`).
    """
    connection = getattr(context, "root_connection", None)
    info = getattr(connection, "info", None)
    clock = info.get(CONNECTION_KEY) if isinstance(info, dict) else None
    return (clock if isinstance(clock, Clock) else _process_clock).now()


# --- converting between UTC and the estate's dates ---------------------------------------


def local_date(at: datetime) -> date:
    """The estate's local date of an aware time."""
    return at.astimezone(_zone).date()


def to_local(at: datetime) -> datetime:
    """An aware time shown in the estate's zone."""
    return at.astimezone(_zone)


def local_midnight(day: date) -> datetime:
    """The start of a local day as an aware datetime (to compare with UTC columns)."""
    return datetime.combine(day, time(0, 0), _zone)


def local_datetime(day: date, at: time) -> datetime:
    """A local date and wall time at the estate, as an aware datetime."""
    return datetime.combine(day, at, _zone)
