"""The demo's people work in the daytime at the estate, whenever the demo is built: visits
09:00–18:00, callbacks 09:00–20:00, the clerk's sign-off in office hours, none after now."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from propdesk import clock
from propdesk.care.visit_models import CareVisit
from propdesk.db.engine import Database
from propdesk.demo import build, steps
from propdesk.team.models import TeamAssessment
from propdesk.tickets.models import TicketCallback

HOURS_STEPS = (
    "propdesk.demo.registry",
    "propdesk.auth.demo",
    "propdesk.tickets.demo",
    "propdesk.renovation.demo",
    "propdesk.team.demo",
    "propdesk.care.demo",
)


@pytest.fixture(autouse=True)
def _steps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "DEMO_STEPS", [s for s in steps.DEMO_STEPS if s[1] in HOURS_STEPS])


def _local_minutes(at: datetime) -> int:
    local = clock.to_local(at)
    return local.hour * 60 + local.minute


# Built at night and early in the morning (no --today: the demo's now is the clock's), on
# the 1st of a month and on another day.
@pytest.mark.parametrize(
    "built_at",
    [
        (date(2026, 12, 7), time(7, 41)),  # 23:41 UTC the day before
        (date(2026, 3, 1), time(0, 20)),
        (date(2026, 6, 15), time(13, 5)),
    ],
)
def test_visits_callbacks_and_sign_off_in_working_hours(
    sqlite_db: Database, test_clock: clock.FixedClock, built_at: tuple[date, time]
) -> None:
    now = clock.local_datetime(*built_at)
    test_clock.set(now)
    build.generate_demo(sqlite_db, units=200, seed=3)
    with sqlite_db.begin() as s:
        visits = list(s.scalars(select(CareVisit.visited_at)))
        callbacks = list(s.scalars(select(TicketCallback.at)))
        signed = s.execute(select(TeamAssessment.comment_at, TeamAssessment.ack_at)).all()
    assert len(visits) >= 10
    assert len(callbacks) >= 50
    assert signed
    for at in visits:
        assert 9 * 60 <= _local_minutes(at) < 18 * 60, clock.to_local(at)
        assert at <= now
    for at in callbacks:
        assert 9 * 60 <= _local_minutes(at) < 20 * 60, clock.to_local(at)
        assert at <= now
    confirmations = [a for row in signed for a in row if a is not None]
    assert len(confirmations) == 3  # two comments, one acknowledgement
    for at in confirmations:
        assert 9 * 60 <= _local_minutes(at) < 18 * 60, clock.to_local(at)
        assert at <= now
