"""Volume by hour: calls per local hour against plain SQL, tickets when a month has no
call, month edges in the estate's zone; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, text

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.db.types import UTCDateTime
from propdesk.team.volume import VolumeSource, volume_by_hour
from tests.propdesk.team import helpers as h

SYSTEM = Actor.system()
MAY_START = datetime(2026, 4, 30, 16, 0, tzinfo=UTC)  # 2026-05-01 00:00 China time
JUNE_START = datetime(2026, 5, 31, 16, 0, tzinfo=UTC)


def _plain_sql_hours(db: Database, table: str, column: str, extra: str) -> dict[int, int]:
    """Count by local hour in SQL itself (the estate's zone is UTC+8 all year)."""
    if db.engine.dialect.name == "sqlite":
        hour = f"CAST(strftime('%H', {column}, '+8 hours') AS INTEGER)"
    else:
        hour = f"CAST(EXTRACT(HOUR FROM ({column} AT TIME ZONE 'Asia/Shanghai')) AS INTEGER)"
    stmt = text(
        f"SELECT {hour} AS h, COUNT(*) FROM {table} WHERE {column} >= :lo AND {column} < :hi"
        f" {extra} GROUP BY {hour}"
    ).bindparams(bindparam("lo", type_=UTCDateTime()), bindparam("hi", type_=UTCDateTime()))
    with db.engine.connect() as conn:
        return {
            int(r[0]): int(r[1]) for r in conn.execute(stmt, {"lo": MAY_START, "hi": JUNE_START})
        }


def test_calls_by_hour_match_plain_sql(db: Database) -> None:
    with db.begin(SYSTEM) as s:
        wang = h.add_user(s, "wang", "王前台").user_id
        for i in range(60):
            at = MAY_START + timedelta(hours=i * 7, minutes=i)
            h.call(s, clerk=wang, at=at)
        h.call(s, clerk=None, at=MAY_START + timedelta(hours=9), state="missed", outcome="missed")
        h.call(s, clerk=wang, at=MAY_START + timedelta(hours=9), direction="out")
        h.call(s, clerk=wang, at=MAY_START - timedelta(seconds=1))  # 30 April 23:59:59
        h.call(s, clerk=wang, at=JUNE_START)  # 1 June 00:00
        h.call(s, clerk=wang, at=JUNE_START - timedelta(seconds=1))  # 31 May 23:59:59
    with db.begin(SYSTEM) as s:
        vol = volume_by_hour(s, "2026-05")
    assert vol.source == VolumeSource.CALLS
    expected = _plain_sql_hours(db, "call_record", "at", "AND direction = 'in'")
    assert {hr: n for hr, n in enumerate(vol.counts) if n} == expected
    assert vol.total == 62
    assert vol.counts[23] >= 1
    assert vol.busiest == max(range(24), key=lambda hr: (vol.counts[hr], -hr))


def test_tickets_when_no_calls(db: Database) -> None:
    with db.begin(SYSTEM) as s:
        cat = h.category(s)
        for i in range(30):
            h.ticket(
                s,
                n=i,
                category_id=cat,
                owner=None,
                created=MAY_START + timedelta(hours=i * 5 + 1, minutes=3),
            )
        h.ticket(s, n=99, category_id=cat, owner=None, created=JUNE_START)
        # a call in June does not make May a month of calls
        h.call(s, clerk=None, at=JUNE_START + timedelta(hours=1))
    with db.begin(SYSTEM) as s:
        vol = volume_by_hour(s, "2026-05")
    assert vol.source == VolumeSource.TICKETS
    assert {hr: n for hr, n in enumerate(vol.counts) if n} == _plain_sql_hours(
        db, "ticket", "created_at", ""
    )
    assert vol.total == 30


def test_nothing_at_all(db: Database) -> None:
    with db.begin(SYSTEM) as s:
        vol = volume_by_hour(s, "2026-05")
    assert vol.total == 0
    assert vol.busiest is None
    assert vol.counts == (0,) * 24
