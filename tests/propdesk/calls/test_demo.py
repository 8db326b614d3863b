"""The call desk's demo step: a year of calls with a daytime pattern, outages, the starter
knowledge base, reminders; the queue and Today have something in them."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.calls import calls, kb, outages, stats, today
from propdesk.calls.models import CallRecord
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from tests.propdesk.calls.helpers import CLERK

TODAY = date(2026, 6, 15)


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo")]
        + [
            (30, "propdesk.tickets.demo", "build_tickets"),
            (80, "propdesk.calls.demo", "build_calls"),
        ],
    )
    build.generate_demo(sqlite_db, units=200, seed=5, today=TODAY)
    return sqlite_db


def test_demo_calls(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with demo.begin(CLERK) as s:
        total = s.scalar(select(func.count(CallRecord.id))) or 0
        linked = s.scalar(select(func.count(CallRecord.ticket_id))) or 0
        year = stats.call_stats(s, date(2025, 6, 16), TODAY)
        assert total > 1500
        assert linked > 50
        assert year.total == total
        busiest = max(range(24), key=lambda h: year.by_hour[h])
        assert 8 <= busiest <= 17
        assert sum(year.by_hour[0:6]) < year.by_hour[busiest]
        assert 0.5 < year.fcr_rate < 1
        assert kb.search(s, "装修")
        assert any(not o.closed for o in outages.list_outages(s))
        assert calls.queue(s)
        assert {i.kind for i in today.today_items(s)} >= {"callback", "reminder", "instruction"}
