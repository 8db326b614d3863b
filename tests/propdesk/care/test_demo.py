"""The care demo step: flags of every kind across the buildings, some overdue, some only
supervisors may see; deterministic."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import func, select

from propdesk import clock
from propdesk.auth.actor import Actor, Role
from propdesk.care import queries as cq
from propdesk.care.models import CareFlag
from propdesk.care.print_data import evacuation_rows
from propdesk.care.values import FlagKind
from propdesk.db.engine import Database
from propdesk.demo import build, steps

TODAY = date(2026, 6, 15)
CLERK = Actor(user_id=None, username="wang", display_name="王前台", role=Role.CLERK)


@pytest.fixture
def demo(sqlite_db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(
        steps,
        "DEMO_STEPS",
        [s for s in steps.DEMO_STEPS if s[1] in ("propdesk.demo.registry", "propdesk.care.demo")],
    )
    build.generate_demo(sqlite_db, units=300, seed=5, today=TODAY)
    return sqlite_db


def test_demo_flags(demo: Database, test_clock: clock.FixedClock) -> None:
    test_clock.set(clock.local_datetime(TODAY, time(10)))
    with demo.begin(CLERK) as s:
        kinds = dict(
            s.execute(select(CareFlag.kind, func.count(CareFlag.id)).group_by(CareFlag.kind)).all()
        )
        units = s.scalar(select(func.count(func.distinct(CareFlag.unit_id))))
        overdue = cq.overdue_reviews(s)
        restricted = s.scalar(
            select(func.count(CareFlag.id)).where(CareFlag.visibility == "supervisors")
        )
        evacuation = evacuation_rows(s)
    assert set(kinds) == {k.value for k in FlagKind}
    assert (units or 0) >= 20  # spread over the estate
    assert overdue
    assert restricted
    assert evacuation
    assert all(r.person_name for r in evacuation)
