"""The rolling window (the dashboard's "last 30 days") and the whole-step axis."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import text

from propdesk.auth.actor import Actor
from propdesk.db.engine import Database
from propdesk.demo.build import generate_demo
from propdesk.errors import ValidationError
from propdesk.reporting.axis import integer_axis, thousands
from propdesk.reporting.monthly import rolling_report

TODAY = date(2026, 11, 2)  # the 2nd: a calendar month has almost nothing yet
CST = timezone(timedelta(hours=8))


def test_rolling_window_counts_the_last_30_days(sqlite_db: Database) -> None:
    generate_demo(sqlite_db, units=60, seed=3, today=TODAY)
    with sqlite_db.begin(Actor.system()) as s:
        r = rolling_report(s, days=30, today=TODAY)
        lo = datetime.combine(TODAY - timedelta(days=29), time(0), CST).astimezone(UTC)
        hi = datetime.combine(TODAY + timedelta(days=1), time(0), CST).astimezone(UTC)
        fmt = "%Y-%m-%d %H:%M:%S"
        plain = s.scalar(
            text(
                "SELECT COUNT(*) FROM ticket WHERE status <> 'cancelled' "
                "AND created_at >= :lo AND created_at < :hi"
            ),
            {
                "lo": lo.replace(tzinfo=None).strftime(fmt),
                "hi": hi.replace(tzinfo=None).strftime(fmt),
            },
        )
        paid = s.scalar(
            text("SELECT COUNT(*) FROM payment WHERE NOT voided AND paid_on BETWEEN :a AND :b"),
            {"a": (TODAY - timedelta(days=29)).isoformat(), "b": TODAY.isoformat()},
        )
    assert (r.start, r.end, r.rolling_days) == (TODAY - timedelta(days=29), TODAY, 30)
    assert r.tickets.total == plain
    assert plain > 0
    assert r.fees.payments <= paid
    assert r.fees.payments > 0
    assert r.fees.arrears_as_of == TODAY
    assert r.period == "2026-11"
    assert r.previous is None
    assert r.last_year is None
    with pytest.raises(ValidationError), sqlite_db.begin(Actor.system()) as s:
        rolling_report(s, days=0, today=TODAY)


@pytest.mark.parametrize(
    ("largest", "top", "step"),
    [
        (0, 1, 1),
        (1, 1, 1),
        (2, 2, 1),
        (5, 5, 1),
        (6, 6, 2),
        (11, 15, 5),
        (99, 100, 20),
        (1234, 1500, 500),
    ],
)
def test_integer_axis_never_steps_by_a_fraction(largest: int, top: int, step: int) -> None:
    axis = integer_axis(largest)
    assert (axis.top, axis.step) == (top, step)
    assert axis.top >= largest
    labels = [thousands(v) for v in axis.values()]
    assert len(labels) == len(set(labels))  # never "0, 0, 1, 1"
    assert thousands(12_345) == "12,345"
