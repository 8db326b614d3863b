"""The database server's clock against the desk's: measuring the offset and the warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from propdesk import clock
from propdesk.db.engine import Database
from propdesk.db.server_time import SKEW_TOLERANCE, measure_offset, skew_warning

DESK = datetime(2026, 6, 15, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


def test_no_warning_within_two_minutes() -> None:
    assert skew_warning(timedelta(0), desk_now=DESK) is None
    assert skew_warning(SKEW_TOLERANCE, desk_now=DESK) is None
    assert skew_warning(-SKEW_TOLERANCE, desk_now=DESK) is None


def test_warning_states_both_times_in_the_estate_zone() -> None:
    text = skew_warning(timedelta(minutes=7, seconds=30), desk_now=DESK)
    assert text is not None
    assert "服务器 2026-06-15 10:07" in text
    assert "本机 2026-06-15 10:00" in text
    assert "Asia/Shanghai" in text
    assert "快 7 分钟" in text


def test_warning_for_a_server_behind_by_days() -> None:
    text = skew_warning(-timedelta(days=1, hours=2, minutes=3), desk_now=DESK)
    assert text is not None
    assert "慢 1 天 2 小时 3 分钟" in text
    assert "服务器 2026-06-14 07:57" in text


def test_warning_uses_the_process_clock_by_default(test_clock: clock.FixedClock) -> None:
    text = skew_warning(timedelta(minutes=-5))
    assert text is not None
    assert "本机 2026-06-15 10:00" in text
    assert "服务器 2026-06-15 09:55" in text


def test_measure_offset(db: Database) -> None:
    """SQLite is on the desk: zero. PostgreSQL: the server's clock against a desk clock."""
    if db.is_sqlite:
        assert measure_offset(db.engine) == timedelta(0)
        return
    system = clock.SystemClock()
    assert abs(measure_offset(db.engine, desk=system)) < timedelta(seconds=30)
    behind = clock.SkewedClock(system, -timedelta(minutes=10))  # a desk 10 minutes slow
    offset = measure_offset(db.engine, desk=behind)
    assert timedelta(minutes=9, seconds=30) < offset < timedelta(minutes=10, seconds=30)
    assert skew_warning(offset, desk_now=behind.now()) is not None


def test_a_desk_on_the_system_clock_follows_the_servers_time(db: Database) -> None:
    from propdesk.db.server_time import follow_server_clock

    with clock.installed(clock.SystemClock()):
        offset = follow_server_clock(db)
        if db.is_sqlite:
            assert db.clock is None
            assert offset == timedelta(0)
        else:
            assert isinstance(db.clock, clock.SkewedClock)
            assert abs(offset) < timedelta(minutes=5)  # the same machine here
    db.clock = None


def test_a_fixed_clock_is_never_replaced_by_the_servers(db: Database) -> None:
    from propdesk.db.server_time import follow_server_clock

    assert follow_server_clock(db) == timedelta(0)
    assert db.clock is None
