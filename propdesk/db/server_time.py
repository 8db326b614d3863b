"""How far the database server's clock is from this desk's, and what to tell the clerk.

Desks sharing a PostgreSQL server should agree on the time: a receipt printed at one desk
and the audit entry the server writes must not disagree by minutes. At login the app
measures the offset (:func:`measure_offset`) and, when it is larger than
:data:`SKEW_TOLERANCE`, shows :func:`skew_warning`. SQLite lives on the desk itself: no offset.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, text

from propdesk import clock
from propdesk.db.engine import Database

SKEW_TOLERANCE = timedelta(minutes=2)


def measure_offset(engine: Engine, *, desk: clock.Clock | None = None) -> timedelta:
    """The server's ``now()`` minus the desk's clock (zero for SQLite).

    The desk's time is taken before and after the query and the midpoint is used, so the
    round trip does not count as skew. ``desk`` defaults to the process clock.
    """
    if engine.dialect.name == "sqlite":
        return timedelta(0)
    desk = desk or clock.process_clock()
    with engine.connect() as conn:
        before = desk.now()
        server = conn.execute(text("SELECT now()")).scalar_one()
        after = desk.now()
    if not isinstance(server, datetime):
        raise TypeError(f"now() returned {type(server).__name__}")
    if server.tzinfo is None:  # a server without time zones answers in UTC
        server = server.replace(tzinfo=UTC)
    return server - (before + (after - before) / 2)


def _span(delta: timedelta) -> str:
    seconds = int(abs(delta).total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes = rest // 60
    parts = [f"{days} 天"] if days else []
    if hours:
        parts.append(f"{hours} 小时")
    if minutes or not parts:
        parts.append(f"{minutes} 分钟")
    return " ".join(parts)


def skew_warning(offset: timedelta, *, desk_now: datetime | None = None) -> str | None:
    """A Chinese warning when the server is more than :data:`SKEW_TOLERANCE` off, else None.

    It states both times in the estate's zone; ``desk_now`` defaults to the process clock.
    """
    if abs(offset) <= SKEW_TOLERANCE:
        return None
    desk = clock.to_local(desk_now if desk_now is not None else clock.now())
    server = desk + offset
    zone = clock.estate_zone().key
    faster = "快" if offset > timedelta(0) else "慢"
    return (
        f"数据库服务器的时间比这台电脑{faster} {_span(offset)}："
        f"服务器 {server:%Y-%m-%d %H:%M}，本机 {desk:%Y-%m-%d %H:%M}（{zone} 时间）。"
        "单据、收据和记录上的时间可能因此不一致，请联系系统管理员校准这台电脑或服务器的时钟。"
    )


def follow_server_clock(db: Database) -> timedelta:
    """Make ``db``'s transactions read the server's time; returns the offset measured.

    On a shared PostgreSQL server audit stamps, receipt times, patrol findings, handovers and
    ticket events then agree across desks whatever each desk's own clock says. Only a desk on
    the system clock follows the server: a fixed clock (tests, ``demo --today``) stays fixed.
    SQLite has no server: nothing changes.
    """
    if db.is_sqlite or not isinstance(clock.process_clock(), clock.SystemClock):
        return timedelta(0)
    offset = measure_offset(db.engine)
    db.clock = clock.SkewedClock(clock.process_clock(), offset)
    return offset
