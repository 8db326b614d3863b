"""The activities' demo step: past activities with attendance, feedback and spending, one
cancelled, upcoming open ones, one full with a waitlist; deterministic and consistent."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from tests.propdesk.activities.helpers import CLERK

TODAY = date(2026, 6, 15)


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo")]
        + [(110, "propdesk.activities.demo", "build_activities")],
    )
    build.generate_demo(sqlite_db, units=200, seed=5, today=TODAY)
    return sqlite_db


def test_demo_activities(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with demo.begin(CLERK) as s:
        past = q.list_activities(s, q.When.PAST)
        upcoming = q.list_activities(s, q.When.UPCOMING)
        assert len(past) >= 6
        assert len(upcoming) >= 3
        assert {a.status for a in past} == {"finished", "cancelled"}
        assert {a.status for a in upcoming} == {"open"}
        assert any(a.waitlist and a.taken <= a.capacity for a in upcoming)
        # taken is the persons on confirmed sign-ups, never past the capacity
        for a in (*past, *upcoming):
            persons = s.scalar(
                select(func.coalesce(func.sum(ActivitySignup.persons), 0)).where(
                    ActivitySignup.activity_id == a.id, ActivitySignup.state == "confirmed"
                )
            )
            assert a.taken == persons
            assert a.taken <= a.capacity
        june = q.month_figures(s, date(2026, 6, 1), date(2026, 6, 30))
        assert june.held >= 1
        assert june.attendance_rate is not None
        assert 0.5 < june.attendance_rate < 1
        assert june.average_rating is not None
        assert 3 <= june.average_rating <= 5
        assert june.spent_fen > 0
        total = s.scalar(select(func.count(Activity.id)))
    assert total == len(past) + len(upcoming)
