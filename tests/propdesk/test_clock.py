"""The clock: a transaction's clock reaches services and column defaults; local dates by zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.reporting.models import PostedNotice


def test_column_defaults_follow_the_databases_clock_not_the_process_clock(
    db: Database, test_clock: clock.FixedClock
) -> None:
    server = clock.SkewedClock(test_clock, timedelta(minutes=20))  # a server 20 min ahead
    db.clock = server
    with db.begin() as s:
        assert clock.now(s) == test_clock.now() + timedelta(minutes=20)
        s.add(PostedNotice(title="停水通知", body="…", posted_on=clock.today(s)))
    with db.begin() as s:
        stamped = s.scalars(select(PostedNotice.posted_at)).one()
    assert stamped == test_clock.now() + timedelta(minutes=20)


def test_local_dates_use_the_estates_zone_by_name() -> None:
    # 07:30 on the 1st in China is still the last day of the previous month in UTC
    at = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert clock.local_date(at) == date(2026, 12, 1)
    assert str(clock.estate_zone()) == "Asia/Shanghai"
    assert clock.local_midnight(date(2026, 12, 1)).astimezone(UTC) == datetime(
        2026, 11, 30, 16, 0, tzinfo=UTC
    )


def test_a_fixed_clock_moves_only_when_told(test_clock: clock.FixedClock) -> None:
    before = clock.now()
    assert clock.now() == before
    test_clock.advance(hours=2)
    assert clock.now() == before + timedelta(hours=2)
