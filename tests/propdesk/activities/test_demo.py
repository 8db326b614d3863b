"""The activities' demo step: past activities with attendance, feedback and spending, one
cancelled, upcoming open ones, one full with a waitlist; deterministic and consistent."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.activities import queries as q
from propdesk.activities.models import Activity, ActivitySignup
from propdesk.care.models import CareFlag
from propdesk.care.values import FlagKind
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from tests.propdesk.activities.helpers import CLERK, MANAGER

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


@pytest.mark.parametrize("at", [time(18, 0), time(2, 30), time(9, 10)])
def test_demo_signups_in_desk_hours_and_finished_ones_past(
    sqlite_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    test_clock: clock.FixedClock,
    at: time,
) -> None:
    """Sign-ups were taken while the desk was open (09:00-20:00 estate time), in queue
    order, before now and before the activity; only an activity that started is finished."""
    from propdesk.tickets.demo import DESK_HOURS

    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo")]
        + [(110, "propdesk.activities.demo", "build_activities")],
    )
    now = clock.local_datetime(TODAY, at)
    test_clock.set(now)  # the demo's now: this moment (no --today)
    build.generate_demo(sqlite_db, units=200, seed=5)
    opens, closes = DESK_HOURS
    with sqlite_db.begin(CLERK) as s:
        starts = dict(s.execute(select(Activity.id, Activity.starts_at)).all())
        for status, start in s.execute(select(Activity.status, Activity.starts_at)).all():
            if status == "finished":
                assert start < now
        rows = s.execute(
            select(
                ActivitySignup.activity_id, ActivitySignup.id, ActivitySignup.queued_at
            ).order_by(ActivitySignup.activity_id, ActivitySignup.id)
        ).all()
    assert len(rows) > 100
    last: dict[int, object] = {}
    for aid, _sid, queued in rows:
        local = clock.to_local(queued)
        assert opens <= local.hour < closes, f"sign-up at {local:%Y-%m-%d %H:%M}"
        assert queued < now
        assert queued < starts[aid]
        if aid in last:
            assert queued >= last[aid]  # type: ignore[operator]
        last[aid] = queued


def test_demo_signs_households_up_for_activities_that_fit_them(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, test_clock: clock.FixedClock
) -> None:
    """The tryout found a household flagged 独居老人 waitlisted for 儿童手工课: elderly living
    alone are never signed up for a children's activity, and sign up one person elsewhere;
    the children's class is still full with a waitlist."""
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [
            s
            for s in steps.DEMO_STEPS
            if s[1] in ("propdesk.demo.registry", "propdesk.auth.demo") or s[2] == "build_care"
        ]
        + [(110, "propdesk.activities.demo", "build_activities")],
    )
    build.generate_demo(sqlite_db, units=200, seed=5, today=TODAY)
    test_clock.set(clock.local_datetime(TODAY, time(18, 30)))
    with sqlite_db.begin(MANAGER) as s:
        alone = set(
            s.scalars(
                select(CareFlag.unit_id).where(
                    CareFlag.kind == FlagKind.ELDERLY_ALONE.value, CareFlag.ended_at.is_(None)
                )
            )
        )
        rows = s.execute(
            select(
                Activity.kind, Activity.title, ActivitySignup.unit_id, ActivitySignup.persons
            ).join(Activity, Activity.id == ActivitySignup.activity_id)
        ).all()
        children = next(a for a in q.list_activities(s, q.When.UPCOMING) if a.kind == "children")
    assert len(alone) >= 2
    signed_alone = [(title, persons) for kind, title, unit, persons in rows if unit in alone]
    assert signed_alone  # they do take part, in activities that fit them
    assert [t for kind, t, unit, _p in rows if unit in alone and kind == "children"] == []
    assert {persons for _title, persons in signed_alone} == {1}
    assert children.title == "儿童手工课"
    assert children.taken <= children.capacity
    assert children.waitlist >= 1
